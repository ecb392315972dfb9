// Package waiter runs the polling loop behind generated waiters. Generated
// code compiles each waiter's acceptors into a plain Go function at generate
// time; this package supplies what every waiter shares: the attempt loop, the
// Smithy backoff between attempts, and errors that say how waiting ended.
package waiter

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
)

// State is where a waiter stands after one attempt.
type State int

const (
	// Retry means no acceptor matched a successful call: poll again.
	Retry State = iota
	// Success means a success acceptor matched.
	Success
	// Failure means a failure acceptor matched, or the call failed with an
	// error no acceptor expected.
	Failure
)

func (s State) String() string {
	switch s {
	case Success:
		return "success"
	case Failure:
		return "failure"
	}
	return "retry"
}

// Match is what a waiter's acceptors concluded about one attempt. Seen
// describes the observed resource state, for error messages and logs.
type Match struct {
	State State
	Seen  string
}

// ErrFailureState is wrapped by the error of a waiter that reached a failure
// state, so callers can tell "the resource will never get there" from a
// timeout with errors.Is.
var ErrFailureState = errors.New("waiter reached a failure state")

// ErrMaxWaitExceeded is wrapped by the error of a waiter that ran out of time
// (maxWaitDur or the context's deadline) before any acceptor matched.
var ErrMaxWaitExceeded = errors.New("exceeded max wait time")

// Retryable turns a Match into the (retry, error) pair of a generated
// waiter's Retryable option, the shape aws-sdk-go-v2 users already override.
// A failure keeps the operation error err, when there was one, in its chain.
func Retryable(m Match, err error) (bool, error) {
	switch m.State {
	case Success:
		return false, nil
	case Failure:
		if err != nil {
			return false, fmt.Errorf("%w: %w", ErrFailureState, err)
		}
		return false, ErrFailureState
	}
	return true, nil
}

// Error reports why a waiter stopped without success. It names the waiter,
// how many calls it made and the last state it saw, because "timed out" alone
// does not tell an operator whether the resource was stuck or failing.
type Error struct {
	Waiter   string
	Attempts int
	Seen     string // last observed state, e.g. `ImageBuilders[].State = [PENDING]`
	Err      error  // ErrMaxWaitExceeded, ErrFailureState (with the cause), or the context's error
}

func (e *Error) Error() string {
	var b strings.Builder
	// The count and state come first: e.Err may end with a service's own
	// message, and nothing should be glued onto that.
	fmt.Fprintf(&b, "waiter %s stopped after %d attempt", e.Waiter, e.Attempts)
	if e.Attempts != 1 {
		b.WriteByte('s')
	}
	if e.Seen != "" {
		fmt.Fprintf(&b, " (last state: %s)", e.Seen)
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Config describes one Wait call. Generated waiters fill it from their
// options; Out is the operation's output type.
type Config[Out any] struct {
	Name     string
	MinDelay time.Duration
	MaxDelay time.Duration
	MaxWait  time.Duration
	// Call makes one attempt.
	Call func(ctx context.Context) (*Out, error)
	// Retryable decides what an attempt means: (true, nil) polls again,
	// (false, nil) is success, a non-nil error is a failure.
	Retryable func(ctx context.Context, out *Out, err error) (bool, error)
	// Observe describes the state an attempt saw; it is called only to
	// build an error, so it costs nothing on success.
	Observe     func(out *Out, err error) string
	LogAttempts bool
}

// Run polls until Retryable reports success or failure, or until MaxWait or
// the context's deadline would pass. The first attempt is immediate; later
// ones follow Delay.
func Run[Out any](ctx context.Context, c Config[Out]) (*Out, error) {
	if c.MaxWait <= 0 {
		return nil, fmt.Errorf("waiter %s: maximum wait time must be greater than zero", c.Name)
	}
	if c.MinDelay <= 0 || c.MaxDelay <= 0 {
		return nil, fmt.Errorf("waiter %s: MinDelay and MaxDelay must be greater than zero", c.Name)
	}
	if c.MinDelay > c.MaxDelay {
		return nil, fmt.Errorf("waiter %s: MinDelay %v must not exceed MaxDelay %v", c.Name, c.MinDelay, c.MaxDelay)
	}
	clk := clockFrom(ctx)
	deadline := clk.Now().Add(c.MaxWait)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	if clk.real {
		// Bound an attempt that hangs, not just the sleeps between them.
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, deadline)
		defer cancel()
	}
	var logger logging.Logger
	if c.LogAttempts {
		logger = middleware.GetLogger(ctx)
	}
	fail := func(attempts int, out *Out, opErr, err error) (*Out, error) {
		seen := ""
		if c.Observe != nil {
			seen = c.Observe(out, opErr)
		}
		return nil, &Error{Waiter: c.Name, Attempts: attempts, Seen: seen, Err: err}
	}
	for attempt := 1; ; attempt++ {
		if logger != nil {
			logger.Logf(logging.Debug, "waiter %s: attempt %d", c.Name, attempt)
		}
		out, err := c.Call(ctx)
		retry, rerr := c.Retryable(ctx, out, err)
		if rerr != nil {
			if ctxErr := ctx.Err(); ctxErr != nil && errors.Is(err, ctxErr) {
				return fail(attempt, out, err, stopped(ctxErr))
			}
			return fail(attempt, out, err, rerr)
		}
		if !retry {
			return out, nil
		}
		// Another attempt needs minDelay of the remaining time after it, as
		// the specification reserves it; past that point waiting is over.
		remaining := deadline.Sub(clk.Now())
		delay := Delay(attempt, c.MinDelay, c.MaxDelay, remaining, clk.rand)
		if remaining <= c.MinDelay || delay <= 0 {
			return fail(attempt, out, err, ErrMaxWaitExceeded)
		}
		if logger != nil {
			logger.Logf(logging.Debug, "waiter %s: retrying in %v", c.Name, delay)
		}
		if err := clk.Sleep(ctx, delay); err != nil {
			return fail(attempt, out, nil, stopped(err))
		}
	}
}

// stopped classifies a context error: a deadline is a timeout like maxWaitDur,
// a cancellation is the caller's choice and stays as it is.
func stopped(ctxErr error) error {
	if errors.Is(ctxErr, context.DeadlineExceeded) {
		return fmt.Errorf("%w: %w", ErrMaxWaitExceeded, ctxErr)
	}
	return ctxErr
}

// Delay is the pause after attempt (1-based) as the Smithy waiters
// specification defines it: minDelay doubled per attempt up to maxDelay,
// then a uniformly random value between minDelay and that, trimmed so that
// at least minDelay of the remaining time is left for a last attempt.
// randN returns a value in [0, n).
func Delay(attempt int, minDelay, maxDelay, remaining time.Duration, randN func(n int64) int64) time.Duration {
	ceiling := math.Log2(float64(maxDelay)/float64(minDelay)) + 1
	delay := maxDelay
	if float64(attempt) <= ceiling {
		delay = minDelay << (attempt - 1)
	}
	if delay > minDelay {
		delay = minDelay + time.Duration(randN(int64(delay-minDelay)+1))
	}
	if remaining-delay <= minDelay {
		delay = remaining - minDelay
	}
	return max(delay, 0)
}

// Clock is the time source of waiters run with a context from WithClock.
// Tests inject one so that no test sleeps for real.
type Clock struct {
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error
	// Rand returns a value in [0, n); nil means math/rand/v2.
	Rand func(n int64) int64
}

type clockKey struct{}

// WithClock returns a context under which waiters read time, sleep and draw
// jitter from c instead of the real clock. The context's deadline, if any,
// is read on c's timeline.
func WithClock(ctx context.Context, c Clock) context.Context {
	return context.WithValue(ctx, clockKey{}, c)
}

type clock struct {
	Clock
	real bool
}

func (c clock) rand(n int64) int64 {
	if c.Rand != nil {
		return c.Rand(n)
	}
	return rand.Int64N(n)
}

func clockFrom(ctx context.Context) clock {
	if c, ok := ctx.Value(clockKey{}).(Clock); ok {
		if c.Now == nil {
			c.Now = time.Now
		}
		if c.Sleep == nil {
			c.Sleep = sleep
		}
		return clock{Clock: c}
	}
	return clock{Clock: Clock{Now: time.Now, Sleep: sleep}, real: true}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// ErrorCodeIs reports whether err carries a service error with the code
// named by an errorType acceptor. The acceptor may give a shape ID; its
// shape name is the code.
func ErrorCodeIs(err error, code string) bool {
	if i := strings.LastIndexByte(code, '#'); i >= 0 {
		code = code[i+1:]
	}
	var apiErr smithy.APIError
	return errors.As(err, &apiErr) && apiErr.ErrorCode() == code
}

// ErrorSeen describes a failed attempt for Match.Seen.
func ErrorSeen(err error) string {
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		return "error " + apiErr.ErrorCode()
	}
	return "error: " + err.Error()
}

// Seen describes the value a waiter path evaluated to; ok false is JMESPath
// null.
func Seen(path string, v any, ok bool) string {
	if !ok {
		return path + " = null"
	}
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("%s = %q", path, v)
	case []string:
		return fmt.Sprintf("%s = %q", path, v)
	}
	return fmt.Sprintf("%s = %v", path, v)
}

// AllStringEquals is the allStringEquals comparator: a non-empty list whose
// every element equals want.
func AllStringEquals[S ~string](v []S, want string) bool {
	if len(v) == 0 {
		return false
	}
	for _, s := range v {
		if string(s) != want {
			return false
		}
	}
	return true
}

// AnyStringEquals is the anyStringEquals comparator.
func AnyStringEquals[S ~string](v []S, want string) bool {
	for _, s := range v {
		if string(s) == want {
			return true
		}
	}
	return false
}
