package retry

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestBackoffBounds(t *testing.T) {
	const almostOne = 1 - 1e-9
	cases := []struct {
		rnd     float64
		attempt int
		max     time.Duration
		want    time.Duration
	}{
		{0, 1, 0, 0},
		{0, 10, 0, 0},
		{0.5, 1, 0, 500 * time.Millisecond},
		{0.5, 2, 0, time.Second},
		{0.5, 3, 0, 2 * time.Second},
		{0.5, 5, 0, 8 * time.Second},
		{0.5, 6, 0, 16 * time.Second},
		{0.5, 7, 0, 20 * time.Second}, // 0.5 × 32 s capped
		{0.5, 200, 0, 20 * time.Second},
		{0.5, 3, 3 * time.Second, 2 * time.Second},
		{0.5, 4, 3 * time.Second, 3 * time.Second},
	}
	for _, c := range cases {
		b := &ExponentialJitterBackoff{MaxBackoff: c.max, Rand: func() float64 { return c.rnd }}
		if got, _ := b.BackoffDelay(c.attempt, nil); got != c.want {
			t.Errorf("rand %v attempt %d max %v: delay %v, want %v", c.rnd, c.attempt, c.max, got, c.want)
		}
	}
	// Just below 1: strictly inside each window, and the window doubles.
	b := &ExponentialJitterBackoff{Rand: func() float64 { return almostOne }}
	for n := 1; n <= 5; n++ {
		window := time.Duration(1<<(n-1)) * time.Second
		got, _ := b.BackoffDelay(n, nil)
		if got >= window || got < window-time.Millisecond {
			t.Errorf("attempt %d: delay %v, want just under %v", n, got, window)
		}
	}
	if got, _ := b.BackoffDelay(6, nil); got != 20*time.Second {
		t.Errorf("attempt 6 with r≈1: %v, want the 20 s cap", got)
	}
	// The default random source stays in the window.
	d := NewExponentialJitterBackoff(0)
	for i := 0; i < 1000; i++ {
		if got, _ := d.BackoffDelay(3, nil); got < 0 || got >= 4*time.Second {
			t.Fatalf("default jitter gave %v outside [0, 4s)", got)
		}
	}
	// Standard wires Rand and MaxBackoff into the default backoff.
	s := NewStandard(func(o *StandardOptions) { o.Rand = func() float64 { return 0.25 }; o.MaxBackoff = time.Second })
	if got, _ := s.RetryDelay(2, nil); got != 500*time.Millisecond {
		t.Errorf("Standard.RetryDelay(2) = %v, want 500ms", got)
	}
	if got, _ := s.RetryDelay(4, nil); got != time.Second {
		t.Errorf("Standard.RetryDelay(4) = %v, want the 1 s cap", got)
	}
}

func TestStandardDefaults(t *testing.T) {
	s := NewStandard()
	if s.MaxAttempts() != 3 || s.Quota().Capacity() != 500 || s.Quota().Remaining() != 500 {
		t.Errorf("defaults: max %d, quota %d/%d", s.MaxAttempts(), s.Quota().Remaining(), s.Quota().Capacity())
	}
	if s.RetryCost(&apiError{status: 500, code: ""}) != 5 || s.RetryCost(timeoutErr{}) != 10 {
		t.Error("retry costs are not 5 and 10")
	}
}

func TestQuotaSpendRefundAndExhaustion(t *testing.T) {
	ctx := context.Background()
	q := NewRetryQuota(12)
	s := NewStandard(func(o *StandardOptions) { o.Quota = q })
	e500 := &apiError{status: 500, code: ""}

	rel1, err := s.GetRetryToken(ctx, e500)
	if err != nil || q.Remaining() != 7 {
		t.Fatalf("first retry: err %v, quota %d, want 7", err, q.Remaining())
	}
	if _, err := s.GetRetryToken(ctx, timeoutErr{}); err == nil {
		t.Fatal("timeout retry costing 10 succeeded with 7 left")
	} else {
		var qe *QuotaExceededError
		if !errors.As(err, &qe) || qe.Available != 7 || qe.Requested != 10 || !errors.Is(err, timeoutErr{}) {
			t.Errorf("quota error %#v does not describe the shortfall and wrap the last error", err)
		}
	}
	if q.Remaining() != 7 {
		t.Errorf("a refused retry spent quota: %d left", q.Remaining())
	}
	_ = rel1(e500) // the retry failed too: nothing comes back
	if q.Remaining() != 7 {
		t.Errorf("failed retry refunded: %d", q.Remaining())
	}
	rel2, _ := s.GetRetryToken(ctx, e500)
	_ = rel2(nil) // succeeded: its cost comes back
	if q.Remaining() != 7 {
		t.Errorf("successful retry not refunded: %d, want 7", q.Remaining())
	}
	_ = s.GetInitialToken()(nil)
	if q.Remaining() != 8 {
		t.Errorf("first-attempt success did not add 1: %d", q.Remaining())
	}
	_ = s.GetInitialToken()(e500)
	if q.Remaining() != 8 {
		t.Errorf("first-attempt failure added quota: %d", q.Remaining())
	}
	for i := 0; i < 10; i++ {
		_ = s.GetInitialToken()(nil)
	}
	if q.Remaining() != 12 {
		t.Errorf("refill exceeded capacity: %d", q.Remaining())
	}
	q.Refund(^uint(0)) // no overflow
	if q.Remaining() != 12 {
		t.Errorf("huge refund: %d", q.Remaining())
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.GetRetryToken(cctx, e500); !errors.Is(err, context.Canceled) || q.Remaining() != 12 {
		t.Errorf("retry token after cancellation: %v, quota %d", err, q.Remaining())
	}
}

func TestSharedQuotaFailsFastAcrossCalls(t *testing.T) {
	// 500 tokens / 5 per retry = 100 retries; each failing call makes 2.
	s := NewStandard(func(o *StandardOptions) { o.Rand = func() float64 { return 0 } })
	sl := &sleeper{}
	calls, quotaFailures, attempts := 0, 0, 0
	for calls = 1; calls <= 60; calls++ {
		_, err := Do(context.Background(), s, sl.Sleep, func(context.Context, int) error {
			attempts++
			return &apiError{status: 503, code: "ServiceUnavailable"}
		})
		var qe *QuotaExceededError
		if errors.As(err, &qe) {
			quotaFailures++
			if n := len(Attempts(err)); n != 1 {
				t.Errorf("call %d: quota failure after %d attempts, want 1 (fail fast)", calls, n)
			}
		}
	}
	if attempts != 50*3+10 || quotaFailures != 10 || s.Quota().Remaining() != 0 {
		t.Errorf("attempts %d, quota failures %d, quota %d; want 160, 10, 0", attempts, quotaFailures, s.Quota().Remaining())
	}
	// Recovery: successes put tokens back and retries resume.
	for i := 0; i < 5; i++ {
		if _, err := Do(context.Background(), s, sl.Sleep, func(context.Context, int) error { return nil }); err != nil {
			t.Fatal(err)
		}
	}
	if s.Quota().Remaining() != 5 {
		t.Fatalf("quota after 5 successes: %d", s.Quota().Remaining())
	}
	n := 0
	res, err := Do(context.Background(), s, sl.Sleep, func(context.Context, int) error {
		n++
		if n == 1 {
			return &apiError{status: 500, code: ""}
		}
		return nil
	})
	if err != nil || len(res.Attempts) != 2 || res.Attempts[1].RetryCost != 5 || s.Quota().Remaining() != 5 {
		t.Errorf("retry after recovery: err %v, attempts %+v, quota %d", err, res.Attempts, s.Quota().Remaining())
	}
}

func TestNop(t *testing.T) {
	r := Nop()
	calls := 0
	_, err := Do(context.Background(), r, nil, func(context.Context, int) error {
		calls++
		return &apiError{status: 503, code: ""}
	})
	var me *MaxAttemptsError
	if calls != 1 || errors.As(err, &me) || r.IsErrorRetryable(&apiError{status: 503, code: ""}) || r.MaxAttempts() != 1 {
		t.Errorf("Nop: %d calls, err %v", calls, err)
	}
	var ae *apiError
	if !errors.As(err, &ae) {
		t.Errorf("Nop: error %v does not unwrap to the attempt's error", err)
	}
}
