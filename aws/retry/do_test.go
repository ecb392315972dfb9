package retry

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/smithy-go/middleware"

	"github.com/eucsdk/eucsdk/aws"
)

func TestDoRecordsAttempts(t *testing.T) {
	s := NewStandard(func(o *StandardOptions) { o.Rand = func() float64 { return 0.5 } })
	sl := &sleeper{}
	errs := []error{&apiError{status: 503, code: ""}, timeoutErr{}, nil}
	res, err := Do(context.Background(), s, sl.Sleep, func(_ context.Context, n int) error { return errs[n-1] })
	if err != nil {
		t.Fatal(err)
	}
	want := []Attempt{
		{Number: 1, Err: errs[0]},
		{Number: 2, Err: errs[1], Delay: 500 * time.Millisecond, RetryCost: 5},
		{Number: 3, Delay: time.Second, RetryCost: 10},
	}
	if len(res.Attempts) != len(want) {
		t.Fatalf("attempts %+v", res.Attempts)
	}
	for i := range want {
		if res.Attempts[i] != want[i] {
			t.Errorf("attempt %d = %+v, want %+v", i+1, res.Attempts[i], want[i])
		}
	}
	if got := sl.Delays(); len(got) != 2 || got[0] != 500*time.Millisecond || got[1] != time.Second {
		t.Errorf("slept %v", got)
	}
	// Each retry token is settled by its own attempt: the first retry
	// (cost 5) failed and stays spent, the second (cost 10) succeeded and
	// is refunded; no +1 on top for a call that needed retries.
	if s.Quota().Remaining() != 495 {
		t.Errorf("quota %d", s.Quota().Remaining())
	}

	var md middleware.Metadata
	SetResult(&md, res)
	if got, ok := GetResult(md); !ok || len(got.Attempts) != 3 {
		t.Errorf("metadata round trip: %+v %v", got, ok)
	}

	// First-try success: one clean record.
	res, err = Do(context.Background(), s, sl.Sleep, func(context.Context, int) error { return nil })
	if err != nil || len(res.Attempts) != 1 || res.Attempts[0] != (Attempt{Number: 1}) {
		t.Errorf("first-try success: %+v, %v", res.Attempts, err)
	}
}

func TestDoMaxAttempts(t *testing.T) {
	for _, max := range []int{1, 3, 5} {
		s := NewStandard(func(o *StandardOptions) { o.MaxAttempts = max; o.Rand = func() float64 { return 0 } })
		calls := 0
		last := &apiError{status: 500, code: "InternalFailure"}
		res, err := Do(context.Background(), s, (&sleeper{}).Sleep, func(context.Context, int) error {
			calls++
			return last
		})
		var me *MaxAttemptsError
		if calls != max || !errors.As(err, &me) || me.Attempts != max || !errors.Is(err, last) {
			t.Errorf("max %d: %d calls, err %v", max, calls, err)
		}
		if got := Attempts(err); len(got) != max || len(res.Attempts) != max || got[max-1].Err != last {
			t.Errorf("max %d: attempts from error %+v", max, got)
		}
		if Attempts(errors.New("x")) != nil {
			t.Error("Attempts of a foreign error")
		}
	}
}

func TestDoNonRetryableStopsAtOnce(t *testing.T) {
	s := NewStandard()
	calls := 0
	validation := &apiError{status: 400, code: "ValidationException"}
	_, err := Do(context.Background(), s, func(context.Context, time.Duration) error {
		t.Error("slept before a non-retryable error")
		return nil
	}, func(context.Context, int) error { calls++; return validation })
	if calls != 1 || !errors.Is(err, validation) || err.Error() != validation.Error() {
		t.Errorf("%d calls, err %v (message should be the service's)", calls, err)
	}
	if s.Quota().Remaining() != 500 {
		t.Errorf("quota spent on a non-retryable error: %d", s.Quota().Remaining())
	}
}

func TestDoNoRetryAfterCancellation(t *testing.T) {
	s := NewStandard()
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	// The attempt fails with a retryable 503 while the caller cancels.
	_, err := Do(ctx, s, func(context.Context, time.Duration) error {
		t.Error("slept after cancellation")
		return nil
	}, func(context.Context, int) error {
		calls++
		cancel()
		return &apiError{status: 503, code: ""}
	})
	var ce *CanceledError
	if calls != 1 || !errors.Is(err, context.Canceled) || !errors.As(err, &ce) || !errors.As(err, new(*apiError)) {
		t.Errorf("%d calls, err %v", calls, err)
	}
	if s.Quota().Remaining() != 500 {
		t.Errorf("quota spent after cancellation: %d", s.Quota().Remaining())
	}

	// Already cancelled: no attempt at all.
	calls = 0
	_, err = Do(ctx, s, nil, func(context.Context, int) error { calls++; return nil })
	if calls != 0 || !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled before start: %d calls, %v", calls, err)
	}
}

func TestDoCancelledDuringBackoff(t *testing.T) {
	s := NewStandard(func(o *StandardOptions) { o.Rand = func() float64 { return 0.5 } })
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	_, err := Do(ctx, s, func(ctx context.Context, d time.Duration) error {
		cancel()
		return ctx.Err()
	}, func(context.Context, int) error { calls++; return &apiError{status: 500, code: ""} })
	var ce *CanceledError
	if calls != 1 || !errors.As(err, &ce) || !errors.Is(err, context.Canceled) || !errors.As(err, new(*apiError)) {
		t.Errorf("%d calls, err %v", calls, err)
	}
	if IsErrorRetryable(err) {
		t.Error("a cancelled call classifies as retryable")
	}
	if s.Quota().Remaining() != 500 {
		t.Errorf("the unused retry token was not returned: quota %d", s.Quota().Remaining())
	}
}

func TestDoDeadlineWouldBeCrossed(t *testing.T) {
	// About 61.5 s are left; backoffs are 40 s after attempt 1 (fits) and
	// 80 s after attempt 2 (would cross the deadline). The margins keep the
	// test independent of how fast it runs; the fake sleep never waits.
	sl := &sleeper{}
	dctx, dcancel := context.WithDeadline(context.Background(), time.Now().Add(61500*time.Millisecond))
	defer dcancel()
	s := NewStandard(func(o *StandardOptions) {
		o.MaxAttempts = 5
		o.Backoff = BackoffDelayerFunc(func(n int, _ error) (time.Duration, error) {
			return time.Duration(n) * 40 * time.Second, nil
		})
	})
	calls := 0
	last := &apiError{status: 503, code: ""}
	_, err := Do(dctx, s, sl.Sleep, func(context.Context, int) error { calls++; return last })
	var de *DeadlineError
	if calls != 2 || !errors.As(err, &de) || de.Delay != 80*time.Second || de.Remaining <= 0 || de.Remaining > 62*time.Second {
		t.Fatalf("%d calls, err %v", calls, err)
	}
	if !errors.Is(err, context.DeadlineExceeded) || !errors.Is(err, last) {
		t.Errorf("deadline error should match DeadlineExceeded and wrap the last error: %v", err)
	}
	if got := sl.Delays(); len(got) != 1 || got[0] != 40*time.Second {
		t.Errorf("slept %v, want only the first backoff", got)
	}
	// The retry that was not made cost nothing: only the first retry's 5.
	if s.Quota().Remaining() != 495 {
		t.Errorf("quota %d, want 495", s.Quota().Remaining())
	}
}

func TestDoZeroAllocsOnFirstTrySuccess(t *testing.T) {
	ctx := context.Background()
	ok := func(context.Context, int) error { return nil }
	for name, r := range map[string]aws.Retryer{"standard": NewStandard(), "adaptive": NewAdaptive(), "nop": Nop()} {
		allocs := testing.AllocsPerRun(200, func() {
			if _, err := Do(ctx, r, Sleep, ok); err != nil {
				t.Fatal(err)
			}
		})
		if allocs != 0 {
			t.Errorf("%s: %v allocations per successful call, want 0", name, allocs)
		}
	}
}

func BenchmarkDoFirstTrySuccess(b *testing.B) {
	ctx := context.Background()
	s := NewStandard()
	ok := func(context.Context, int) error { return nil }
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Do(ctx, s, Sleep, ok); err != nil {
			b.Fatal(err)
		}
	}
}

func TestConcurrentCallsShareQuotaSafely(t *testing.T) {
	for name, r := range map[string]interface{ Quota() *RetryQuota }{
		"standard": NewStandard(func(o *StandardOptions) { o.Rand = func() float64 { return 0 } }),
		"adaptive": NewAdaptive(func(o *AdaptiveOptions) {
			o.Standard = append(o.Standard, func(o *StandardOptions) { o.Rand = func() float64 { return 0 } })
			o.Sleep = (&sleeper{}).Sleep
		}),
	} {
		t.Run(name, func(t *testing.T) {
			var wg sync.WaitGroup
			var attempts atomic.Int64
			for g := 0; g < 16; g++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := 0; i < 50; i++ {
						_, err := Do(context.Background(), r.(aws.Retryer), (&sleeper{}).Sleep, func(_ context.Context, n int) error {
							attempts.Add(1)
							if n == 1 {
								return &apiError{status: 503, code: ""} // every call fails once
							}
							return nil
						})
						if err != nil {
							t.Error(err)
							return
						}
					}
				}()
			}
			wg.Wait()
			// Each call took 5 and got 5 back: the bucket is full again.
			if attempts.Load() != 16*50*2 || r.Quota().Remaining() != 500 {
				t.Errorf("attempts %d, quota %d; want 1600, 500", attempts.Load(), r.Quota().Remaining())
			}
		})
	}
}
