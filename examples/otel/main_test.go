package main

import (
	"context"
	"strings"
	"testing"
)

// The spans and metrics reach OpenTelemetry's in-memory exporter and manual
// reader with aws-sdk-go-v2's names.
func TestOpenTelemetryExport(t *testing.T) {
	var out strings.Builder
	if err := run(context.Background(), &out); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"span Attempt kind=internal exception.type=ThrottlingException operation.attempt.retry_after_ms=20 operation.attempt.throttled=true operation.attempt=1\n",
		"span Attempt kind=internal operation.attempt=2\n",
		"span AppStream.DescribeImages kind=client aws.request_id=",
		" rpc.method=DescribeImages rpc.service=AppStream rpc.system=aws-api\n",
		"metric client.call.attempts unit={attempt} scope=github.com/eucsdk/eucsdk/appstream sum=3",
		"metric client.call.errors unit={error} scope=github.com/eucsdk/eucsdk/appstream sum=1",
		"metric client.call.duration unit=s scope=github.com/eucsdk/eucsdk/appstream count=2",
		"metric client.call.attempt_duration unit=s scope=github.com/eucsdk/eucsdk/appstream count=3",
		"metric client.call.serialization_duration unit=s",
		"metric client.call.auth.signing_duration unit=s scope=github.com/eucsdk/eucsdk/appstream count=3",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}
