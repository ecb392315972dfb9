package retry

import (
	"context"
	"errors"
	"time"

	"github.com/eucsdk/eucsdk/aws"
)

// Attempt records one attempt of a call.
type Attempt struct {
	// Number counts from 1.
	Number int
	// Err is the attempt's error; nil for the attempt that succeeded.
	Err error
	// Delay is the backoff waited before this attempt (0 for the first).
	Delay time.Duration
	// RetryCost is the retry quota spent to make this attempt (0 for the
	// first).
	RetryCost int
}

// Result is the attempt history of one call, for logs, metrics and output
// metadata. Treat it as read-only: a call that succeeded at once shares one
// preallocated record so that the common path does not allocate.
type Result struct {
	Attempts []Attempt
}

// firstTrySuccess is the history of every call that succeeded at once.
var firstTrySuccess = []Attempt{{Number: 1}}

// retryCoster is implemented by Standard and Adaptive, so that Do can record
// what each retry cost.
type retryCoster interface {
	RetryCost(err error) int
}

// Do calls attempt until it succeeds, fails with an error r does not retry,
// has been called r.MaxAttempts() times (<= 0 means no limit but the quota),
// the retry quota runs out, or the caller's context is done. It never waits
// past ctx's deadline: when the next backoff would end after it, Do returns
// at once with a *DeadlineError.
//
// Do is independent of HTTP; the client pipeline passes an attempt function
// that sends one request. sleep waits between attempts (nil means Sleep); a
// test passes a fake. Every error Do returns carries the attempt history
// (see Attempts) and unwraps to the last attempt's error.
//
// The first attempt's success path does not allocate.
func Do(ctx context.Context, r aws.Retryer, sleep func(ctx context.Context, d time.Duration) error,
	attempt func(ctx context.Context, n int) error,
) (Result, error) {
	if sleep == nil {
		sleep = Sleep
	}
	coster, _ := r.(retryCoster)
	maxAttempts := r.MaxAttempts()
	releaseInitial := r.GetInitialToken()
	releaseRetry := nopRelease

	var (
		history []Attempt
		delay   time.Duration
		cost    int
		lastErr error
	)
	fail := func(err error) (Result, error) {
		res := Result{Attempts: history}
		return res, &attemptsError{err: err, attempts: history}
	}

	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			if lastErr == nil {
				return fail(err)
			}
			return fail(&CanceledError{Cause: err, Err: lastErr})
		}
		releaseAttempt, err := r.GetAttemptToken(ctx)
		if err != nil {
			if n == 1 {
				// Nothing was sent: the initial token is returned unused.
				_ = releaseInitial(err)
			}
			_ = releaseRetry(err)
			if cerr := ctx.Err(); cerr != nil {
				return fail(&CanceledError{Cause: cerr, Err: lastErr})
			}
			if lastErr != nil {
				return fail(errors.Join(err, lastErr))
			}
			return fail(err)
		}

		err = attempt(ctx, n)

		_ = releaseAttempt(err)
		if n == 1 {
			_ = releaseInitial(err)
		}
		_ = releaseRetry(err)
		releaseRetry = nopRelease

		if err == nil {
			if n == 1 {
				return Result{Attempts: firstTrySuccess[:1:1]}, nil
			}
			history = append(history, Attempt{Number: n, Delay: delay, RetryCost: cost})
			return Result{Attempts: history}, nil
		}
		if history == nil {
			history = make([]Attempt, 0, max(maxAttempts, 2))
		}
		history = append(history, Attempt{Number: n, Err: err, Delay: delay, RetryCost: cost})
		lastErr = err

		// A caller that gave up gets no more attempts, whatever the error
		// looks like (a per-attempt timeout may also be DeadlineExceeded).
		if cerr := ctx.Err(); cerr != nil {
			if errors.Is(err, cerr) {
				return fail(err)
			}
			return fail(&CanceledError{Cause: cerr, Err: err})
		}
		if !r.IsErrorRetryable(err) {
			return fail(err)
		}
		if maxAttempts > 0 && n >= maxAttempts {
			return fail(&MaxAttemptsError{Attempts: n, Err: err})
		}

		// The delay is known before the quota is touched, so a retry that
		// cannot happen in time costs nothing.
		d, derr := r.RetryDelay(n, err)
		if derr != nil {
			return fail(errors.Join(derr, err))
		}
		if deadline, ok := ctx.Deadline(); ok {
			if left := time.Until(deadline); d >= left {
				return fail(&DeadlineError{Delay: d, Remaining: left, Err: err})
			}
		}
		rel, qerr := r.GetRetryToken(ctx, err)
		if qerr != nil {
			if lp, ok := r.(longPollingBackoff); ok && lp.BacksOffLongPolling() && IsLongPolling(ctx) {
				// A long-polling caller polls again as soon as this call
				// returns: without the wait, an empty quota would turn it
				// into a tight loop against a failing service.
				if serr := sleep(ctx, d); serr != nil {
					return fail(&CanceledError{Cause: serr, Err: lastErr})
				}
			}
			return fail(qerr)
		}
		if err := sleep(ctx, d); err != nil {
			// The token was taken for a retry that will not happen: give
			// it back (nil is the "refund" outcome).
			_ = rel(nil)
			return fail(&CanceledError{Cause: err, Err: lastErr})
		}
		releaseRetry = rel
		delay = d
		cost = 0
		if coster != nil {
			cost = coster.RetryCost(err)
		}
	}
}

// attemptsError carries the attempt history on every error Do returns. It is
// invisible otherwise: same message, and it unwraps to the error it carries.
type attemptsError struct {
	err      error
	attempts []Attempt
}

func (e *attemptsError) Error() string { return e.err.Error() }
func (e *attemptsError) Unwrap() error { return e.err }

// Attempts returns the attempt history carried by an error from Do, or nil.
func Attempts(err error) []Attempt {
	var ae *attemptsError
	if errors.As(err, &ae) {
		return ae.attempts
	}
	return nil
}
