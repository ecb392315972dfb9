package retry

import (
	"context"
	"errors"
	"testing"
	"time"
)

func newTestAdaptive(clock *fakeClock, sl *sleeper, more ...func(*AdaptiveOptions)) *Adaptive {
	return NewAdaptive(append([]func(*AdaptiveOptions){func(o *AdaptiveOptions) {
		o.Clock = clock
		o.Sleep = sl.Sleep
	}}, more...)...)
}

// send makes n attempts, tick apart, each answered with err.
func send(t *testing.T, a *Adaptive, clock *fakeClock, n int, tick time.Duration, err error) {
	t.Helper()
	for i := 0; i < n; i++ {
		clock.Advance(tick)
		rel, gerr := a.GetAttemptToken(context.Background())
		if gerr != nil {
			t.Fatal(gerr)
		}
		_ = rel(err)
	}
}

func TestAdaptiveLimiterSlowsABurst(t *testing.T) {
	clock := newFakeClock(time.Unix(1_700_000_000, 0))
	sl := &sleeper{clock: clock}
	a := newTestAdaptive(clock, sl)

	// Unthrottled: 10 requests per second pass without waiting.
	send(t, a, clock, 30, 100*time.Millisecond, nil)
	if len(sl.Delays()) != 0 {
		t.Fatalf("limiter waited before any throttle: %v", sl.Delays())
	}
	// One throttle switches the limiter on at 70% of the measured rate.
	send(t, a, clock, 1, 100*time.Millisecond, &apiError{status: 400, code: "ThrottlingException"})
	a.limiter.mu.Lock()
	rate, capacity, enabled := a.limiter.fillRate, a.limiter.capacity, a.limiter.enabled
	a.limiter.mu.Unlock()
	if !enabled || rate < 6 || rate > 7.5 {
		t.Fatalf("after throttle: enabled %v, fill rate %v; want about 0.7 × 10/s", enabled, rate)
	}

	// A burst of 40 attempts at one instant must be spread out at the fill
	// rate: the fake sleeps advance the clock by exactly what was waited.
	start := clock.Now()
	const burst = 40
	for i := 0; i < burst; i++ {
		if _, err := a.GetAttemptToken(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	elapsed := clock.Now().Sub(start)
	minWait := time.Duration((burst - capacity) / rate * float64(time.Second))
	maxWait := time.Duration(burst/rate*float64(time.Second)) + time.Second
	if elapsed < minWait || elapsed > maxWait || elapsed != sl.Total() {
		t.Errorf("burst of %d took %v (slept %v), want between %v and %v", burst, elapsed, sl.Total(), minWait, maxWait)
	}
	// Standard mode never waits for the same burst.
	s := NewStandard()
	for i := 0; i < burst; i++ {
		if _, err := s.GetAttemptToken(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
}

func TestAdaptiveRateRecoversAfterThrottle(t *testing.T) {
	clock := newFakeClock(time.Unix(1_700_000_000, 0))
	sl := &sleeper{clock: clock}
	a := newTestAdaptive(clock, sl)
	send(t, a, clock, 40, 50*time.Millisecond, nil)
	send(t, a, clock, 1, 50*time.Millisecond, &apiError{status: 400, code: "SlowDown"})
	a.limiter.mu.Lock()
	cut := a.limiter.fillRate
	a.limiter.mu.Unlock()
	// Non-throttle failures count as successes for the send rate.
	send(t, a, clock, 60, 100*time.Millisecond, &apiError{status: 500, code: ""})
	a.limiter.mu.Lock()
	later := a.limiter.fillRate
	a.limiter.mu.Unlock()
	if later <= cut {
		t.Errorf("fill rate did not grow back: %v after throttle, %v six seconds later", cut, later)
	}
	// A cancelled attempt says nothing about the service.
	a.limiter.mu.Lock()
	before := a.limiter.requests
	a.limiter.mu.Unlock()
	_ = a.releaseToken(context.Canceled)
	a.limiter.mu.Lock()
	after := a.limiter.requests
	a.limiter.mu.Unlock()
	if before != after {
		t.Error("a cancelled attempt was counted")
	}
}

func TestAdaptiveWaitHonoursContext(t *testing.T) {
	clock := newFakeClock(time.Unix(1_700_000_000, 0))
	ctx, cancel := context.WithCancel(context.Background())
	waits := 0
	a := NewAdaptive(func(o *AdaptiveOptions) {
		o.Clock = clock
		o.Sleep = func(ctx context.Context, d time.Duration) error {
			waits++
			cancel() // the caller gives up while waiting for capacity
			return ctx.Err()
		}
	})
	send(t, a, clock, 1, time.Second, &apiError{status: 400, code: "Throttling"})
	// Drain whatever capacity there is without moving the clock.
	for i := 0; i < 10 && waits == 0; i++ {
		if _, err := a.GetAttemptToken(ctx); err != nil {
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err %v, want context.Canceled", err)
			}
		}
	}
	if waits != 1 {
		t.Fatalf("limiter never had to wait (waits %d)", waits)
	}
	if _, err := a.GetAttemptToken(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: %v", err)
	}

	// Do surfaces the same cancellation without making the attempt.
	calls := 0
	_, err := Do(ctx, a, nil, func(context.Context, int) error { calls++; return nil })
	if calls != 0 || !errors.Is(err, context.Canceled) {
		t.Errorf("Do: %d calls, %v", calls, err)
	}
}

func TestAdaptiveFailOnNoAttemptTokens(t *testing.T) {
	clock := newFakeClock(time.Unix(1_700_000_000, 0))
	sl := &sleeper{clock: clock}
	a := newTestAdaptive(clock, sl, func(o *AdaptiveOptions) { o.FailOnNoAttemptTokens = true })
	send(t, a, clock, 1, time.Second, &apiError{status: 400, code: "ThrottlingException"})
	var err error
	for i := 0; i < 10 && err == nil; i++ {
		_, err = a.GetAttemptToken(context.Background())
	}
	if !errors.Is(err, ErrNoSendCapacity) || len(sl.Delays()) != 0 {
		t.Errorf("err %v, slept %v; want ErrNoSendCapacity without waiting", err, sl.Delays())
	}
}

func TestAdaptiveDelegatesToStandard(t *testing.T) {
	a := NewAdaptive(func(o *AdaptiveOptions) {
		o.Standard = append(o.Standard, func(o *StandardOptions) { o.MaxAttempts = 4; o.Rand = func() float64 { return 0.5 } })
	})
	if a.MaxAttempts() != 4 || !a.IsErrorRetryable(&apiError{status: 503, code: ""}) || a.IsErrorRetryable(&apiError{status: 400, code: "ValidationException"}) {
		t.Error("standard options not applied")
	}
	if d, _ := a.RetryDelay(2, nil); d != time.Second {
		t.Errorf("RetryDelay %v", d)
	}
	rel, err := a.GetRetryToken(context.Background(), timeoutErr{})
	if err != nil || a.Quota().Remaining() != 490 || a.RetryCost(timeoutErr{}) != 10 {
		t.Fatalf("retry token: %v, quota %d", err, a.Quota().Remaining())
	}
	_ = rel(nil)
	_ = a.GetInitialToken()(nil)
	if a.Quota().Remaining() != 500 {
		t.Errorf("quota %d", a.Quota().Remaining())
	}
}
