package pipeline_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/smithy-go/middleware"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/aws/retry"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/internal/testkit/faultserver"
	"github.com/eucsdk/eucsdk/runtime/awsjson"
	"github.com/eucsdk/eucsdk/runtime/pipeline"
	"github.com/eucsdk/eucsdk/workspaces"
)

// recordingRetryer is the client's real retries 2.1 policy, except that it
// records the backoff the policy chose and hands Do zero, so no test sleeps.
type recordingRetryer struct {
	*retry.Standard
	mu          sync.Mutex
	delays      []time.Duration
	longPolling []bool
}

func newRecordingRetryer(fns ...func(*retry.StandardOptions)) *recordingRetryer {
	return &recordingRetryer{Standard: retry.NewStandard(append([]func(*retry.StandardOptions){func(o *retry.StandardOptions) {
		o.NewRetries2026 = true
		o.Rand = func() float64 { return 1 }
	}}, fns...)...)}
}

func (r *recordingRetryer) RetryDelay(n int, err error) (time.Duration, error) {
	d, derr := r.Standard.RetryDelay(n, err)
	r.mu.Lock()
	r.delays = append(r.delays, d)
	r.mu.Unlock()
	return 0, derr
}

func (r *recordingRetryer) GetRetryToken(ctx context.Context, err error) (func(error) error, error) {
	r.mu.Lock()
	r.longPolling = append(r.longPolling, retry.IsLongPolling(ctx))
	r.mu.Unlock()
	return r.Standard.GetRetryToken(ctx, err)
}

// x-amz-retry-after travels from a real HTTP response to the policy, which
// clamps it between the backoff and the backoff + 5 s.
func TestRetryAfterHeaderReachesThePolicy(t *testing.T) {
	srv := faultserver.New(t,
		faultserver.Status(503, "ServiceUnavailable").WithHeader("X-Amz-Retry-After", "1500"),
		faultserver.Throttle("ThrottlingException").WithHeader("x-amz-retry-after", "60000"),
		faultserver.Status(500, "InternalError").WithHeader("x-amz-retry-after", "soon"),
		faultserver.OK(okPermission))
	rr := newRecordingRetryer(func(o *retry.StandardOptions) { o.MaxAttempts = 4 })
	if err := share(newFaultClient(t, srv, func(o *workspaces.Options) { o.Retryer = rr }), context.Background()); err != nil {
		t.Fatal(err)
	}
	want := []time.Duration{1500 * time.Millisecond, 2*time.Second + 5*time.Second, 200 * time.Millisecond}
	if len(rr.delays) != len(want) {
		t.Fatalf("delays %v, want %v", rr.delays, want)
	}
	for i := range want {
		if rr.delays[i] != want[i] {
			t.Errorf("retry %d: delay %v, want %v", i+1, rr.delays[i], want[i])
		}
	}
}

var pollService = &pipeline.Service{ID: "Poller", SigningName: "poller", Protocol: awsjson.JSON11}

type pollIn struct{}
type pollOut struct{}

func pollOp(longPolling bool) *pipeline.Operation[pollIn, pollOut] {
	return &pipeline.Operation[pollIn, pollOut]{
		Name:        "Poll",
		Target:      "Poller.Poll",
		LongPolling: longPolling,
		Serialize:   awsjson.Serializer[pollIn](func(e *awsjson.Encoder, _ *pollIn) { e.ObjectStart(); e.ObjectEnd() }),
		Deserialize: awsjson.Deserializer[pollOut](func(d *awsjson.Decoder, _ *pollOut) { d.Skip() }),
	}
}

// An operation the generator marked long-polling runs its attempt loop with
// retry.WithLongPolling, on the direct path and on the middleware path; an
// unmarked one does not.
func TestLongPollingOperationReachesTheRetryLoop(t *testing.T) {
	for _, stack := range []bool{false, true} {
		for _, lp := range []bool{false, true} {
			srv := faultserver.New(t, faultserver.Status(500, "InternalError"), faultserver.OK("{}"))
			rr := newRecordingRetryer()
			o := pipeline.Options{
				Region:       "us-east-1",
				BaseEndpoint: aws.String(srv.URL),
				Credentials:  credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
				Retryer:      rr,
			}
			if stack {
				o.APIOptions = append(o.APIOptions, noopMiddleware)
			}
			c := pipeline.NewClient(pollService, o, nil)
			if _, _, err := pipeline.Invoke(context.Background(), c, pollOp(lp), &pollIn{}, nil); err != nil {
				t.Fatalf("stack %v long-polling %v: %v", stack, lp, err)
			}
			if len(rr.longPolling) != 1 || rr.longPolling[0] != lp {
				t.Errorf("stack %v: operation LongPolling %v, retry loop saw %v", stack, lp, rr.longPolling)
			}
		}
	}
}

func clearRetryEnv(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	for _, k := range []string{"AWS_NEW_RETRIES_2026", "AWS_PROFILE", "AWS_RETRY_MODE", "AWS_MAX_ATTEMPTS", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"} {
		t.Setenv(k, "")
	}
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(home, "config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(home, "credentials"))
	return home
}

// The setting's resolution: Options, then AWS_NEW_RETRIES_2026, then
// new_retries_2026 in the profile, then on.
func TestNewRetries2026Setting(t *testing.T) {
	newRetries := func(o pipeline.Options) (bool, error) {
		o.Region = "us-east-1"
		c := pipeline.NewClient(pollService, o, nil)
		opts := c.Options()
		s, ok := opts.Retryer.(*retry.Standard)
		if !ok {
			t.Fatalf("retryer %T", opts.Retryer)
		}
		_, _, err := pipeline.Invoke(context.Background(), c, pollOp(false), &pollIn{}, nil)
		return s.NewRetries2026(), err
	}
	home := clearRetryEnv(t)
	if on, _ := newRetries(pipeline.Options{}); !on {
		t.Error("default: retries 2.1 off, want on")
	}
	if on, _ := newRetries(pipeline.Options{NewRetries2026: aws.FalseTernary}); on {
		t.Error("Options false: on")
	}
	t.Setenv("AWS_NEW_RETRIES_2026", "FALSE")
	if on, _ := newRetries(pipeline.Options{}); on {
		t.Error("AWS_NEW_RETRIES_2026=FALSE: on")
	}
	if on, _ := newRetries(pipeline.Options{NewRetries2026: aws.TrueTernary}); !on {
		t.Error("Options true over the environment's false: off")
	}
	t.Setenv("AWS_NEW_RETRIES_2026", "")
	if err := os.WriteFile(filepath.Join(home, "config"), []byte("[default]\nnew_retries_2026 = false\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if on, _ := newRetries(pipeline.Options{}); on {
		t.Error("profile new_retries_2026 = false: on")
	}
	t.Setenv("AWS_NEW_RETRIES_2026", "yes")
	_, err := newRetries(pipeline.Options{BaseEndpoint: aws.String("http://127.0.0.1:1")})
	if err == nil || !strings.Contains(err.Error(), `AWS_NEW_RETRIES_2026: "yes" is not true or false`) {
		t.Errorf("bad value: %v, want an error naming AWS_NEW_RETRIES_2026", err)
	}
	var opErr interface{ Unwrap() error }
	if !errors.As(err, &opErr) {
		t.Errorf("bad value: %T is not an operation error", err)
	}
}

// noopMiddleware sends a call down the middleware path without changing it.
func noopMiddleware(*middleware.Stack) error { return nil }
