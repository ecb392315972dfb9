package retry

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/internal/testkit/faultserver"
)

// httpAttempt is a stand-in for the client pipeline: send the body, turn an
// error response into an API error, read and decode a success, and apply the
// clock-skew rule (correct, then allow the retry).
func httpAttempt(t *testing.T, srv *faultserver.Server, body []byte, skew *time.Duration) func(context.Context, int) error {
	return func(ctx context.Context, n int) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("amz-sdk-request", fmt.Sprintf("attempt=%d; max=3", n))
		resp, err := srv.Client().Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			return fmt.Errorf("reading response: %w", err)
		}
		if resp.StatusCode >= 300 {
			apiErr := &apiError{status: resp.StatusCode, code: resp.Header.Get("X-Amzn-ErrorType")}
			if IsClockSkewError(apiErr) && skew != nil {
				if off, ok := ClockSkew(time.Now(), resp.Header.Get("Date")); ok {
					*skew = off
					return ClockSkewCorrected(apiErr, off)
				}
			}
			return apiErr
		}
		var v map[string]any
		if err := json.Unmarshal(b, &v); err != nil {
			return fmt.Errorf("deserialization failed: %w", err)
		}
		return nil
	}
}

func TestAttemptsPerFaultClass(t *testing.T) {
	const okBody = `{"Fleets":[]}`
	cases := []struct {
		name     string
		steps    []faultserver.Step
		attempts int
		success  bool
	}{
		{"throttle then success", []faultserver.Step{faultserver.Throttle("ThrottlingException"), faultserver.OK(okBody)}, 2, true},
		{"throttled to the end", []faultserver.Step{faultserver.Throttle("TooManyRequestsException"), faultserver.Throttle("ThrottlingException"), faultserver.Throttle("RequestLimitExceeded")}, 3, false},
		{"500 then 503 then success", []faultserver.Step{faultserver.Status(500, "InternalFailure"), faultserver.Status(503, "ServiceUnavailable"), faultserver.OK(okBody)}, 3, true},
		{"validation error", []faultserver.Step{faultserver.Status(400, "ValidationException")}, 1, false},
		{"resource not found", []faultserver.Step{faultserver.Status(400, "ResourceNotFoundException")}, 1, false},
		{"connection reset", []faultserver.Step{faultserver.ResetConnection(), faultserver.OK(okBody)}, 2, true},
		{"truncated body", []faultserver.Step{faultserver.TruncateBody(okBody), faultserver.OK(okBody)}, 2, true},
		{"malformed JSON is not transient", []faultserver.Step{faultserver.MalformedJSON()}, 1, false},
		{"clock skew without correction", []faultserver.Step{faultserver.SkewedDate(2 * time.Minute)}, 1, false},
		{"clock skew corrected", []faultserver.Step{faultserver.SkewedDate(-15 * time.Minute), faultserver.OK(okBody)}, 2, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := faultserver.New(t, c.steps...)
			body := []byte(`{"Name":"fleet-1","Limit":5}`)
			var skew time.Duration
			sl := &sleeper{}
			s := NewStandard(func(o *StandardOptions) { o.Rand = func() float64 { return 0.5 } })
			res, err := Do(context.Background(), s, sl.Sleep, httpAttempt(t, srv, body, &skew))
			if (err == nil) != c.success {
				t.Fatalf("err = %v, want success %v", err, c.success)
			}
			reqs := srv.Requests()
			if len(reqs) != c.attempts || len(res.Attempts) != c.attempts {
				t.Errorf("server saw %d requests, Do recorded %d; want %d", len(reqs), len(res.Attempts), c.attempts)
			}
			if len(sl.Delays()) != c.attempts-1 {
				t.Errorf("slept %d times for %d attempts", len(sl.Delays()), c.attempts)
			}
			for i, r := range reqs {
				if !bytes.Equal(r.Body, body) {
					t.Errorf("attempt %d body %q, want the original", i+1, r.Body)
				}
				if want := fmt.Sprintf("attempt=%d; max=3", i+1); r.Header.Get("Amz-Sdk-Request") != want {
					t.Errorf("attempt %d amz-sdk-request %q", i+1, r.Header.Get("Amz-Sdk-Request"))
				}
			}
			if c.name == "clock skew corrected" && (skew > -14*time.Minute || skew < -16*time.Minute) {
				t.Errorf("measured skew %v, want about -15m", skew)
			}
			if c.attempts == 3 && !c.success {
				var me *MaxAttemptsError
				if !errors.As(err, &me) {
					t.Errorf("want MaxAttemptsError, got %v", err)
				}
			}
		})
	}
}

func TestNoRetryWhenCallerCancelsAHangingRequest(t *testing.T) {
	srv := faultserver.New(t, faultserver.HangUntilCancelled())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		wctx, wcancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer wcancel()
		if srv.WaitForRequests(wctx, 1) == nil {
			cancel()
		}
	}()
	_, err := Do(ctx, NewStandard(), func(context.Context, time.Duration) error {
		t.Error("backed off after the caller cancelled")
		return nil
	}, httpAttempt(t, srv, []byte("{}"), nil))
	if !errors.Is(err, context.Canceled) || len(srv.Requests()) != 1 {
		t.Errorf("err %v after %d requests; want context.Canceled after 1", err, len(srv.Requests()))
	}
	if !strings.Contains(err.Error(), "canceled") {
		t.Errorf("message %q does not say why", err)
	}
}
