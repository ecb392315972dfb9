package emulator_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/aws/retry"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/emulator"
	"github.com/eucsdk/eucsdk/runtime/pipeline"
	"github.com/eucsdk/eucsdk/workspaces"
)

func TestWrongSecretIsInvalidSignature403(t *testing.T) {
	emu := emulator.NewServer(t)
	c := appstream.New(emu.ClientOptions(emulator.DefaultAccount), noRetry, func(o *appstream.Options) {
		o.Credentials = credentials.NewStaticCredentialsProvider(emulator.DefaultAccount.AccessKeyID, "not-the-secret", "")
	})
	_, err := c.DescribeImages(ctx, &appstream.DescribeImagesInput{})
	wantCode(t, err, "InvalidSignatureException", 403)
	if !strings.Contains(err.Error(), "does not match the signature you provided") {
		t.Errorf("message: %v", err)
	}
}

func TestUnknownAccessKeyIsUnrecognizedClient(t *testing.T) {
	emu := emulator.NewServer(t)
	c := workspaces.New(emu.ClientOptions(emulator.DefaultAccount), noRetry, func(o *workspaces.Options) {
		o.Credentials = credentials.NewStaticCredentialsProvider("AKIAUNKNOWN", "whatever", "")
	})
	_, err := c.DescribeWorkspaceImages(ctx, &workspaces.DescribeWorkspaceImagesInput{})
	wantCode(t, err, "UnrecognizedClientException", 400)
}

func TestAddedAccountCanCall(t *testing.T) {
	emu := emulator.NewServer(t)
	third := emulator.Account{ID: "333333333333", AccessKeyID: "AKIATHIRD", SecretAccessKey: "third-secret"}
	emu.AddAccount(third.ID, third.AccessKeyID, third.SecretAccessKey)
	if _, err := asClient(emu, third).DescribeImages(ctx, &appstream.DescribeImagesInput{}); err != nil {
		t.Fatal(err)
	}
	if n := len(emu.Accounts()); n != 3 {
		t.Fatalf("%d accounts", n)
	}
}

func TestAlteredBodyIsInvalidSignature(t *testing.T) {
	emu := emulator.NewServer(t)
	r := rawCall(t, emu, emulator.DefaultAccount, "appstream", "PhotonAdminProxyService.DescribeImages", `{"MaxResults":1}`, func(req *http.Request) {
		req.Body = http.NoBody
		req.ContentLength = 0
	})
	wantRawError(t, r, 403, "InvalidSignatureException")
}

func TestStaleSignatureExpires(t *testing.T) {
	emu := emulator.NewServer(t)
	stale := func() time.Time { return time.Now().Add(-10 * time.Minute) }
	c := appstream.New(emu.ClientOptions(emulator.DefaultAccount), noRetry, func(o *appstream.Options) { o.Clock = stale })
	_, err := c.DescribeImages(ctx, &appstream.DescribeImagesInput{})
	wantCode(t, err, "InvalidSignatureException", 403)
	if !strings.Contains(err.Error(), "Signature expired: ") || !strings.Contains(err.Error(), "(") {
		t.Errorf("message: %v", err)
	}

	// With retries on, the client reads the Date header, corrects its
	// clock and the retry succeeds, as against AWS.
	c = appstream.New(emu.ClientOptions(emulator.DefaultAccount), fastRetry, func(o *appstream.Options) { o.Clock = stale })
	if _, err := c.DescribeImages(ctx, &appstream.DescribeImagesInput{}); err != nil {
		t.Fatalf("after skew correction: %v", err)
	}
}

func TestSignatureScopeMustMatch(t *testing.T) {
	emu := emulator.NewServer(t)
	r := rawCall(t, emu, emulator.DefaultAccount, "workspaces", "PhotonAdminProxyService.DescribeImages", `{}`, nil)
	wantRawError(t, r, 403, "InvalidSignatureException")
	if !strings.Contains(r.body["message"].(string), "'appstream'") {
		t.Errorf("message %v", r.body["message"])
	}
	c := appstream.New(emu.ClientOptions(emulator.DefaultAccount), noRetry, func(o *appstream.Options) { o.Region = "eu-west-1" })
	_, err := c.DescribeImages(ctx, &appstream.DescribeImagesInput{})
	wantCode(t, err, "InvalidSignatureException", 403)
}

func TestMissingAuthentication(t *testing.T) {
	emu := emulator.NewServer(t)
	r := rawCall(t, emu, emulator.DefaultAccount, "appstream", "PhotonAdminProxyService.DescribeImages", `{}`, func(req *http.Request) {
		req.Header.Del("Authorization")
	})
	wantRawError(t, r, 400, "MissingAuthenticationTokenException")
}

func TestUnknownOperation(t *testing.T) {
	emu := emulator.NewServer(t)
	for _, target := range []string{"PhotonAdminProxyService.NoSuchThing", "WorkspacesService.NoSuchThing", "SomethingElse.DescribeImages", ""} {
		svc := "appstream"
		if strings.HasPrefix(target, "Workspaces") {
			svc = "workspaces"
		}
		r := rawCall(t, emu, emulator.DefaultAccount, svc, target, `{}`, nil)
		wantRawError(t, r, 400, "UnknownOperationException")
	}
}

func TestMalformedJSONIsSerializationException(t *testing.T) {
	emu := emulator.NewServer(t)
	for _, body := range []string{`{"Names":`, `{"MaxResults":"three"}`, `[1]`} {
		r := rawCall(t, emu, emulator.DefaultAccount, "appstream", "PhotonAdminProxyService.DescribeImages", body, nil)
		wantRawError(t, r, 400, "SerializationException")
	}
	// An empty body is an empty input, as the codec defines.
	r := rawCall(t, emu, emulator.DefaultAccount, "appstream", "PhotonAdminProxyService.DescribeImages", ``, nil)
	if r.status != 200 || r.body["Images"] == nil {
		t.Fatalf("empty body: %d %v", r.status, r.body)
	}
}

func TestModeledErrorWireShape(t *testing.T) {
	emu := emulator.NewServer(t)
	r := rawCall(t, emu, emulator.DefaultAccount, "appstream", "PhotonAdminProxyService.StopImageBuilder", `{"Name":"nope"}`, nil)
	wantRawError(t, r, 404, "ResourceNotFoundException")
	r = rawCall(t, emu, emulator.DefaultAccount, "workspaces", "WorkspacesService.DescribeWorkspaceImagePermissions", `{"ImageId":"wsi-000000000"}`, nil)
	wantRawError(t, r, 400, "ResourceNotFoundException")
	if r.header.Get("Date") == "" {
		t.Error("no Date header: clients cannot correct clock skew")
	}
}

func TestFaultInjection(t *testing.T) {
	emu := emulator.NewServer(t)
	c := asClient(emu, emulator.DefaultAccount)
	call := func() error { _, err := c.DescribeImages(ctx, &appstream.DescribeImagesInput{}); return err }

	emu.SetFaults(emulator.Faults{ThrottleEvery: 2})
	var throttled int
	for range 6 {
		if err := call(); err != nil {
			wantCode(t, err, "ThrottlingException", 400)
			throttled++
		}
	}
	if throttled != 3 {
		t.Fatalf("%d of 6 calls throttled, want 3", throttled)
	}
	// The default retryer rides through every-other-call throttling.
	retrying := appstream.New(emu.ClientOptions(emulator.DefaultAccount), fastRetry)
	for range 3 {
		if _, err := retrying.DescribeImages(ctx, &appstream.DescribeImagesInput{}); err != nil {
			t.Fatalf("with retries: %v", err)
		}
	}

	emu.SetFaults(emulator.Faults{ServerErrorRate: 1})
	wantCode(t, call(), "InternalFailure", 500)

	// x-amz-retry-after rides on injected faults only, and reaches the
	// retry policy through the client's error.
	emu.SetFaults(emulator.Faults{ServerErrorRate: 1, ThrottleEvery: 1, RetryAfter: 1500 * time.Millisecond})
	r := rawCall(t, emu, emulator.DefaultAccount, "appstream", "PhotonAdminProxyService.DescribeImages", `{}`, nil)
	if got := r.header.Get("X-Amz-Retry-After"); got != "1500" {
		t.Errorf("x-amz-retry-after %q on an injected fault, want 1500", got)
	}
	if ra, ok := retry.RetryAfter(call()); !ok || ra != 1500*time.Millisecond {
		t.Errorf("retry.RetryAfter of the client's error: %v %v, want 1.5s", ra, ok)
	}
	emu.SetFaults(emulator.Faults{RetryAfter: time.Second})
	r = rawCall(t, emu, emulator.DefaultAccount, "appstream", "PhotonAdminProxyService.DescribeImages", `{}`, nil)
	if got := r.header.Get("X-Amz-Retry-After"); got != "" {
		t.Errorf("x-amz-retry-after %q on a normal response", got)
	}

	emu.SetFaults(emulator.Faults{DropRate: 1})
	err := call()
	var send *pipeline.RequestSendError
	if !errors.As(err, &send) {
		t.Fatalf("dropped connection: got %v, want RequestSendError", err)
	}

	emu.SetFaults(emulator.Faults{Latency: 20 * time.Millisecond})
	start := time.Now()
	if err := call(); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 20*time.Millisecond {
		t.Fatalf("call took %v with 20ms latency", d)
	}

	emu.SetFaults(emulator.Faults{})
	if err := call(); err != nil {
		t.Fatalf("faults off: %v", err)
	}
}

func TestRequestLog(t *testing.T) {
	var log strings.Builder
	emu := emulator.NewServer(t, emulator.WithRequestLog(&log))
	_, _ = asClient(emu, emulator.PeerAccount).DescribeImages(ctx, &appstream.DescribeImagesInput{})
	if !strings.Contains(log.String(), "222222222222") || !strings.Contains(log.String(), "PhotonAdminProxyService.DescribeImages") || !strings.Contains(log.String(), " 200") {
		t.Fatalf("log %q", log.String())
	}
}
