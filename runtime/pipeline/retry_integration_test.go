package pipeline_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/smithy-go"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/aws/retry"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/internal/testkit/faultserver"
	"github.com/eucsdk/eucsdk/runtime/signer"
	"github.com/eucsdk/eucsdk/workspaces"
)

const okPermission = `{}`

// newFaultClient points a WorkSpaces client at a fault server. Jitter is fixed
// at zero, so backoffs are zero and no test sleeps.
func newFaultClient(t *testing.T, srv *faultserver.Server, fns ...func(*workspaces.Options)) *workspaces.Client {
	t.Helper()
	return workspaces.New(workspaces.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", "session-token"),
		Retryer:      retry.NewStandard(func(o *retry.StandardOptions) { o.Rand = func() float64 { return 0 } }),
	}, fns...)
}

func share(c *workspaces.Client, ctx context.Context) error {
	_, err := c.UpdateWorkspaceImagePermission(ctx, &workspaces.UpdateWorkspaceImagePermissionInput{
		ImageId: aws.String("wsi-123456789"), AllowCopyImage: aws.Bool(true), SharedAccountId: aws.String("111122223333"),
	})
	return err
}

func TestAttemptsPerFault(t *testing.T) {
	cases := []struct {
		name     string
		steps    []faultserver.Step
		attempts int
		wantErr  string
	}{
		{"throttle then ok", []faultserver.Step{faultserver.Throttle("ThrottlingException"), faultserver.OK(okPermission)}, 2, ""},
		{"500 then 503 then ok", []faultserver.Step{faultserver.Status(500, "InternalError"), faultserver.Status(503, "ServiceUnavailable"), faultserver.OK(okPermission)}, 3, ""},
		{"connection reset then ok", []faultserver.Step{faultserver.ResetConnection(), faultserver.OK(okPermission)}, 2, ""},
		{"truncated body then ok", []faultserver.Step{faultserver.TruncateBody(`{"x":`), faultserver.OK(okPermission)}, 2, ""},
		{"throttled three times gives up", []faultserver.Step{faultserver.Throttle("ThrottlingException"), faultserver.Throttle("ThrottlingException"), faultserver.Throttle("ThrottlingException")}, 3, "ThrottlingException"},
		{"validation error is not retried", []faultserver.Step{faultserver.Status(400, "InvalidParameterValuesException")}, 1, "InvalidParameterValuesException"},
		{"malformed JSON is not retried", []faultserver.Step{faultserver.MalformedJSON()}, 1, "deserialization failed"},
		{"modeled non-retryable error", []faultserver.Step{faultserver.Status(400, "ResourceNotFoundException")}, 1, "ResourceNotFoundException"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := faultserver.New(t, tc.steps...)
			err := share(newFaultClient(t, srv), context.Background())
			if got := len(srv.Requests()); got != tc.attempts {
				t.Errorf("%d requests, want %d", got, tc.attempts)
			}
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("err = %v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("err = %v, want %q", err, tc.wantErr)
			}
			if err != nil && len(retry.Attempts(err)) != tc.attempts {
				t.Errorf("error records %d attempts, want %d", len(retry.Attempts(err)), tc.attempts)
			}
		})
	}
}

// Every attempt re-signs the same body and keeps the invocation id, while
// amz-sdk-request counts up.
func TestRetriesReplayBodyAndResign(t *testing.T) {
	srv := faultserver.New(t, faultserver.Throttle("ThrottlingException"), faultserver.Status(503, ""), faultserver.OK(okPermission))
	if err := share(newFaultClient(t, srv), context.Background()); err != nil {
		t.Fatal(err)
	}
	reqs := srv.Requests()
	if len(reqs) != 3 {
		t.Fatalf("%d requests", len(reqs))
	}
	id := reqs[0].Header.Get("Amz-Sdk-Invocation-Id")
	for i, r := range reqs {
		if string(r.Body) != string(reqs[0].Body) {
			t.Errorf("attempt %d body %q differs from %q", i+1, r.Body, reqs[0].Body)
		}
		if r.Header.Get("Amz-Sdk-Invocation-Id") != id || id == "" {
			t.Errorf("attempt %d invocation id %q, want %q", i+1, r.Header.Get("Amz-Sdk-Invocation-Id"), id)
		}
		if want := "attempt=" + string(rune('1'+i)) + "; max=3"; r.Header.Get("Amz-Sdk-Request") != want {
			t.Errorf("attempt %d amz-sdk-request %q, want %q", i+1, r.Header.Get("Amz-Sdk-Request"), want)
		}
		hr, _ := http.NewRequest(r.Method, srv.URL+r.URI, strings.NewReader(string(r.Body)))
		hr.Header = r.Header.Clone()
		hr.Host = strings.TrimPrefix(srv.URL, "http://")
		if _, _, err := signer.New().Verify(hr, sha(r.Body), "secret"); err != nil {
			t.Errorf("attempt %d signature: %v", i+1, err)
		}
		if r.Header.Get("X-Amz-Security-Token") != "session-token" {
			t.Errorf("attempt %d lacks the session token", i+1)
		}
	}
}

func TestQuotaExhaustionFailsFast(t *testing.T) {
	srv := faultserver.New(t, faultserver.Status(500, "InternalError"), faultserver.Status(500, "InternalError"), faultserver.Status(500, "InternalError"))
	quota := retry.NewRetryQuota(7)
	c := newFaultClient(t, srv, func(o *workspaces.Options) {
		o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) { so.Rand = func() float64 { return 0 }; so.Quota = quota })
	})
	err := share(c, context.Background())
	var qe *retry.QuotaExceededError
	if !errors.As(err, &qe) {
		t.Fatalf("err = %v, want a quota error", err)
	}
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) || apiErr.ErrorCode() != "InternalError" {
		t.Errorf("quota error does not wrap the last error: %v", err)
	}
	if got := len(srv.Requests()); got != 2 {
		t.Errorf("%d requests, want 2 (one retry fits a quota of 7 at 5 a retry)", got)
	}
}

func TestNoRetryAfterCancellation(t *testing.T) {
	srv := faultserver.New(t, faultserver.HangUntilCancelled(), faultserver.OK(okPermission))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- share(newFaultClient(t, srv), ctx) }()
	if err := srv.WaitForRequests(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	cancel()
	err := <-done
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if got := len(srv.Requests()); got != 1 {
		t.Errorf("%d requests after cancellation, want 1", got)
	}
}

// A signature rejected for a skewed clock makes the client adopt the
// server's time and retry, signed with the corrected clock.
func TestClockSkewIsCorrected(t *testing.T) {
	local := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	srv := faultserver.New(t, faultserver.SkewedDate(time.Hour), faultserver.OK(okPermission))
	srv.SetNow(func() time.Time { return local })
	c := newFaultClient(t, srv, func(o *workspaces.Options) { o.Clock = func() time.Time { return local } })
	if err := share(c, context.Background()); err != nil {
		t.Fatal(err)
	}
	reqs := srv.Requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests", len(reqs))
	}
	if got := reqs[0].Header.Get("X-Amz-Date"); got != "20260301T120000Z" {
		t.Errorf("first attempt signed at %s", got)
	}
	if got := reqs[1].Header.Get("X-Amz-Date"); got != "20260301T130000Z" {
		t.Errorf("retry signed at %s, want the server's time 20260301T130000Z", got)
	}
	// The next call starts from the corrected clock.
	srv.Add(faultserver.OK(okPermission))
	if err := share(c, context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := srv.Requests()[2].Header.Get("X-Amz-Date"); got != "20260301T130000Z" {
		t.Errorf("later call signed at %s", got)
	}
}
