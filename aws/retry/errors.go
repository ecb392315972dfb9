package retry

import (
	"context"
	"fmt"
	"time"
)

// MaxAttemptsError is returned when the last allowed attempt failed with a
// retryable error. It unwraps to that error, so errors.As still finds the
// service's error type.
type MaxAttemptsError struct {
	Attempts int
	Err      error
}

func (e *MaxAttemptsError) Error() string {
	return fmt.Sprintf("retry: gave up after %d attempts: %v", e.Attempts, e.Err)
}

// Unwrap returns the last attempt's error.
func (e *MaxAttemptsError) Unwrap() error { return e.Err }

// QuotaExceededError is returned when a retry was allowed but the client's
// retry quota could not pay for it: the service has been failing a lot, so the
// client fails fast rather than add load. It unwraps to the last attempt's
// error.
type QuotaExceededError struct {
	Available uint
	Requested uint
	Err       error
}

func (e *QuotaExceededError) Error() string {
	return fmt.Sprintf("retry: retry quota exceeded (%d available, %d needed): %v",
		e.Available, e.Requested, e.Err)
}

// Unwrap returns the last attempt's error.
func (e *QuotaExceededError) Unwrap() error { return e.Err }

// DeadlineError is returned instead of waiting when the next backoff would
// end after the context's deadline: the retry could not finish in time, so the
// caller gets the real failure now rather than context.DeadlineExceeded later.
// It unwraps to the last attempt's error and also matches
// context.DeadlineExceeded with errors.Is, because the deadline is why the call
// stopped.
type DeadlineError struct {
	Delay     time.Duration // the backoff that was not waited
	Remaining time.Duration // time left before the deadline
	Err       error
}

func (e *DeadlineError) Error() string {
	return fmt.Sprintf("retry: not retrying, backoff of %v exceeds the %v left before the context deadline: %v",
		e.Delay, e.Remaining, e.Err)
}

// Unwrap returns the last attempt's error.
func (e *DeadlineError) Unwrap() error { return e.Err }

// Is matches context.DeadlineExceeded.
func (e *DeadlineError) Is(target error) bool { return target == context.DeadlineExceeded }

// CanceledError is returned when the caller's context ended while waiting to
// retry. It unwraps to both the context's error and the last attempt's error.
type CanceledError struct {
	Cause error // ctx.Err()
	Err   error // the last attempt's error; nil if no attempt had been made
}

func (e *CanceledError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("retry: %v", e.Cause)
	}
	return fmt.Sprintf("retry: %v while waiting to retry: %v", e.Cause, e.Err)
}

// Unwrap returns the context's error and the last attempt's error.
func (e *CanceledError) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Cause}
	}
	return []error{e.Cause, e.Err}
}

// CanceledError is true so that no outer retry loop retries it either.
func (e *CanceledError) CanceledError() bool { return true }
