package waiter

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/smithy-go"
)

// fakeClock advances only when the waiter sleeps, and records each sleep.
type fakeClock struct {
	now    time.Time
	sleeps []time.Duration
}

func (c *fakeClock) ctx(parent context.Context, rand func(int64) int64) context.Context {
	return WithClock(parent, Clock{
		Now: func() time.Time { return c.now },
		Sleep: func(ctx context.Context, d time.Duration) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			c.sleeps = append(c.sleeps, d)
			c.now = c.now.Add(d)
			return nil
		},
		Rand: rand,
	})
}

func maxRand(n int64) int64 { return n - 1 }
func minRand(int64) int64   { return 0 }

func TestDelayFollowsSpecification(t *testing.T) {
	min, max := 2*time.Second, 120*time.Second
	long := time.Hour
	// With the largest draw, delays double from minDelay until maxDelay caps them.
	want := []time.Duration{2, 4, 8, 16, 32, 64, 120, 120}
	for i, w := range want {
		if got := Delay(i+1, min, max, long, func(n int64) int64 { return n - 1 }); got != w*time.Second {
			t.Errorf("attempt %d: delay %v, want %v", i+1, got, w*time.Second)
		}
	}
	// The smallest draw is always minDelay.
	if got := Delay(5, min, max, long, minRand); got != min {
		t.Errorf("min draw: %v, want %v", got, min)
	}
	// Jitter is drawn from [minDelay, computed delay].
	var bound int64
	Delay(3, min, max, long, func(n int64) int64 { bound = n; return 0 })
	if bound != int64(8*time.Second-2*time.Second)+1 {
		t.Errorf("jitter range %v", time.Duration(bound))
	}
	// Near the deadline the delay leaves minDelay for a last attempt.
	if got := Delay(7, min, max, 10*time.Second, maxRand); got != 8*time.Second {
		t.Errorf("near deadline: %v, want 8s", got)
	}
	if got := Delay(1, min, max, 2*time.Second, maxRand); got != 0 {
		t.Errorf("at minDelay remaining: %v, want 0", got)
	}
	// Huge attempt numbers do not overflow the shift.
	if got := Delay(500, min, max, long, maxRand); got != max {
		t.Errorf("attempt 500: %v", got)
	}
}

func script(states ...string) (func(context.Context) (*string, error), *int) {
	calls := 0
	return func(context.Context) (*string, error) {
		s := states[min(calls, len(states)-1)]
		calls++
		if strings.HasPrefix(s, "err:") {
			return nil, &smithy.GenericAPIError{Code: strings.TrimPrefix(s, "err:")}
		}
		return &s, nil
	}, &calls
}

func retryable(_ context.Context, out *string, err error) (bool, error) {
	m := Match{State: Retry}
	switch {
	case err != nil && ErrorCodeIs(err, "ResourceNotFoundException"):
		m.State = Success
	case err != nil:
		m.State = Failure
	case *out == "RUNNING":
		m.State = Success
	case *out == "FAILED":
		m.State = Failure
	}
	return Retryable(m, err)
}

func observe(out *string, err error) string {
	if err != nil {
		return ErrorSeen(err)
	}
	return Seen("State", *out, true)
}

func config(call func(context.Context) (*string, error), maxWait time.Duration) Config[string] {
	return Config[string]{Name: "Test", MinDelay: 2 * time.Second, MaxDelay: 10 * time.Second, MaxWait: maxWait,
		Call: call, Retryable: retryable, Observe: observe}
}

func TestRunSuccessAfterRetries(t *testing.T) {
	clk := &fakeClock{now: time.Now()}
	call, calls := script("PENDING", "PENDING", "RUNNING")
	out, err := Run(clk.ctx(context.Background(), maxRand), config(call, time.Hour))
	if err != nil || *out != "RUNNING" {
		t.Fatalf("Run = %v, %v", out, err)
	}
	if *calls != 3 || len(clk.sleeps) != 2 || clk.sleeps[0] != 2*time.Second || clk.sleeps[1] != 4*time.Second {
		t.Fatalf("calls %d, sleeps %v", *calls, clk.sleeps)
	}
}

func TestRunFailureNamesWaiterStateAndAttempts(t *testing.T) {
	clk := &fakeClock{now: time.Now()}
	call, _ := script("PENDING", "FAILED")
	_, err := Run(clk.ctx(context.Background(), minRand), config(call, time.Hour))
	var we *Error
	if !errors.As(err, &we) || !errors.Is(err, ErrFailureState) {
		t.Fatalf("err = %v", err)
	}
	if we.Waiter != "Test" || we.Attempts != 2 || we.Seen != `State = "FAILED"` {
		t.Fatalf("error fields %+v", we)
	}
	for _, s := range []string{"Test", "2 attempts", `"FAILED"`} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("%q lacks %q", err, s)
		}
	}
}

func TestRunUnexpectedErrorIsFailureKeepingCause(t *testing.T) {
	clk := &fakeClock{now: time.Now()}
	call, calls := script("err:AccessDenied")
	_, err := Run(clk.ctx(context.Background(), minRand), config(call, time.Hour))
	var apiErr smithy.APIError
	if !errors.Is(err, ErrFailureState) || !errors.As(err, &apiErr) || apiErr.ErrorCode() != "AccessDenied" || *calls != 1 {
		t.Fatalf("err = %v after %d calls", err, *calls)
	}
	if !strings.Contains(err.Error(), "error AccessDenied") {
		t.Errorf("last state missing: %v", err)
	}
}

// The attempt count and state come before the service's text, never glued
// onto its end.
func TestWaiterErrorText(t *testing.T) {
	svc := &smithy.GenericAPIError{Code: "AccessDenied", Message: "You are not authorized."}
	err := &Error{Waiter: "ImageBuilderRunning", Attempts: 1, Seen: "error AccessDenied", Err: fmt.Errorf("%w: %w", ErrFailureState, svc)}
	want := "waiter ImageBuilderRunning stopped after 1 attempt (last state: error AccessDenied): waiter reached a failure state: api error AccessDenied: You are not authorized."
	if err.Error() != want {
		t.Errorf("got  %s\nwant %s", err, want)
	}
}

func TestRunErrorTypeSuccess(t *testing.T) {
	clk := &fakeClock{now: time.Now()}
	call, _ := script("PENDING", "err:ResourceNotFoundException")
	if _, err := Run(clk.ctx(context.Background(), minRand), config(call, time.Hour)); err != nil {
		t.Fatal(err)
	}
}

func TestRunTimeoutNeverSleepsPastMaxWait(t *testing.T) {
	start := time.Now()
	clk := &fakeClock{now: start}
	call, calls := script("PENDING")
	_, err := Run(clk.ctx(context.Background(), maxRand), config(call, 30*time.Second))
	var we *Error
	if !errors.Is(err, ErrMaxWaitExceeded) || !errors.As(err, &we) || we.Seen != `State = "PENDING"` {
		t.Fatalf("err = %v", err)
	}
	if elapsed := clk.now.Sub(start); elapsed > 30*time.Second {
		t.Fatalf("slept %v past a 30s max wait", elapsed)
	}
	if we.Attempts != *calls || *calls < 4 {
		t.Fatalf("attempts %d, calls %d", we.Attempts, *calls)
	}
}

func TestRunHonoursContextDeadline(t *testing.T) {
	start := time.Now()
	clk := &fakeClock{now: start}
	ctx, cancel := context.WithDeadline(context.Background(), start.Add(20*time.Second))
	defer cancel()
	call, _ := script("PENDING")
	_, err := Run(clk.ctx(ctx, maxRand), config(call, time.Hour))
	if !errors.Is(err, ErrMaxWaitExceeded) {
		t.Fatalf("err = %v", err)
	}
	if clk.now.Sub(start) > 20*time.Second {
		t.Fatalf("slept past the context deadline: %v", clk.now.Sub(start))
	}
}

func TestRunCancelledContext(t *testing.T) {
	clk := &fakeClock{now: time.Now()}
	ctx, cancel := context.WithCancel(context.Background())
	call, _ := script("PENDING")
	cfg := config(func(ctx context.Context) (*string, error) { cancel(); return call(ctx) }, time.Hour)
	_, err := Run(clk.ctx(ctx, maxRand), cfg)
	if !errors.Is(err, context.Canceled) || errors.Is(err, ErrMaxWaitExceeded) {
		t.Fatalf("err = %v", err)
	}
}

func TestRunRejectsBadConfig(t *testing.T) {
	call, calls := script("RUNNING")
	for name, cfg := range map[string]Config[string]{
		"no max wait": config(call, 0),
		"min > max":   func() Config[string] { c := config(call, time.Hour); c.MinDelay = time.Minute; return c }(),
		"zero min":    func() Config[string] { c := config(call, time.Hour); c.MinDelay = 0; return c }(),
	} {
		if _, err := Run(context.Background(), cfg); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if *calls != 0 {
		t.Fatalf("a rejected config made %d calls", *calls)
	}
}

func TestRealClockRun(t *testing.T) {
	// Without an injected clock, Run sleeps on the real clock between
	// attempts: the delay must really pass (a lower bound only, so a slow
	// machine cannot make this flaky), and the first attempt must not wait.
	call, calls := script("PENDING", "RUNNING")
	cfg := config(call, time.Minute)
	cfg.MinDelay, cfg.MaxDelay = 20*time.Millisecond, 20*time.Millisecond
	start := time.Now()
	out, err := Run(context.Background(), cfg)
	elapsed := time.Since(start)
	if err != nil || *out != "RUNNING" || *calls != 2 {
		t.Fatalf("Run = %v, %v after %d calls", out, err, *calls)
	}
	if elapsed < 20*time.Millisecond {
		t.Fatalf("two attempts with a 20ms delay took %v: the real clock was not used", elapsed)
	}

	// A context deadline on the real clock ends the wait with the waiter's
	// own error, not a hang.
	call, _ = script("PENDING")
	cfg = config(call, time.Minute)
	cfg.MinDelay, cfg.MaxDelay = 10*time.Millisecond, 10*time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := Run(ctx, cfg); err == nil {
		t.Fatal("Run outlived its context without an error")
	}
}

func TestComparators(t *testing.T) {
	type state string
	if AllStringEquals([]state{}, "A") || !AllStringEquals([]state{"A", "A"}, "A") || AllStringEquals([]state{"A", "B"}, "A") {
		t.Error("AllStringEquals")
	}
	if AnyStringEquals([]string(nil), "A") || !AnyStringEquals([]string{"B", "A"}, "A") {
		t.Error("AnyStringEquals")
	}
	if !ErrorCodeIs(&smithy.GenericAPIError{Code: "NotFound"}, "com.example#NotFound") || ErrorCodeIs(errors.New("NotFound"), "NotFound") {
		t.Error("ErrorCodeIs")
	}
	if got := Seen("A[].B", []string{"X"}, true); got != `A[].B = ["X"]` {
		t.Errorf("Seen list = %s", got)
	}
	if got := Seen("A", "", false); got != "A = null" {
		t.Errorf("Seen null = %s", got)
	}
}
