package retry

import (
	"math"
	"math/rand/v2"
	"time"
)

// BackoffDelayer computes how long to wait after a failed attempt.
type BackoffDelayer interface {
	// BackoffDelay returns the wait before attempt+1, attempt (1-based)
	// having failed with err.
	BackoffDelay(attempt int, err error) (time.Duration, error)
}

// BackoffDelayerFunc adapts a function to BackoffDelayer.
type BackoffDelayerFunc func(attempt int, err error) (time.Duration, error)

// BackoffDelay calls f.
func (f BackoffDelayerFunc) BackoffDelay(attempt int, err error) (time.Duration, error) {
	return f(attempt, err)
}

const (
	// DefaultMaxBackoff caps every wait.
	DefaultMaxBackoff = 20 * time.Second
	// DefaultBaseDelay is the wait ceiling after the first failure.
	DefaultBaseDelay = time.Second
)

// ExponentialJitterBackoff is the standard-mode backoff: after attempt n
// fails it waits
//
//	min(r × Base × 2^(n-1), MaxBackoff), r uniform in [0, 1)
//
// i.e. binary exponential backoff with full jitter, truncated at MaxBackoff.
// The jitter spreads the retries of many clients that failed together over the
// whole window instead of having them collide again. The cap is applied after
// the jitter, as in the AWS retry-behaviour specification
// (min(b·r^i, MAX_BACKOFF)) and botocore; up to the 5th attempt this equals
// r × min(MaxBackoff, Base × 2^(n-1)), after that the wait sits at
// MaxBackoff more often. (aws-sdk-go-v2's legacy backoff uses 2^n, twice this
// window, and returns MaxBackoff without jitter from the 5th retry; the
// conformance cases use 2^(n-1).)
type ExponentialJitterBackoff struct {
	// Base is the ceiling after the first failure; 0 means DefaultBaseDelay.
	Base time.Duration
	// MaxBackoff caps the wait; 0 means DefaultMaxBackoff.
	MaxBackoff time.Duration
	// Rand returns the jitter fraction in [0, 1); nil means math/rand/v2.
	// Values outside [0, 1] are clamped, so a test may pass 1 to turn the
	// jitter off.
	Rand func() float64
}

// NewExponentialJitterBackoff returns the standard backoff capped at maxBackoff.
func NewExponentialJitterBackoff(maxBackoff time.Duration) *ExponentialJitterBackoff {
	return &ExponentialJitterBackoff{MaxBackoff: maxBackoff}
}

// BackoffDelay returns the jittered wait after attempt failed; it never errors.
func (b *ExponentialJitterBackoff) BackoffDelay(attempt int, _ error) (time.Duration, error) {
	base, maxBackoff, rnd := b.Base, b.MaxBackoff, b.Rand
	if base <= 0 {
		base = DefaultBaseDelay
	}
	if maxBackoff <= 0 {
		maxBackoff = DefaultMaxBackoff
	}
	if rnd == nil {
		rnd = rand.Float64
	}
	if attempt < 1 {
		attempt = 1
	}
	r := rnd()
	if r <= 0 || math.IsNaN(r) {
		return 0, nil
	}
	if r > 1 {
		r = 1
	}
	// Float nanoseconds keep the powers of two exact and turn overflow into
	// +Inf, which the cap then absorbs.
	exp := min(attempt-1, 1100)
	d := r * math.Ldexp(float64(base), exp)
	if d >= float64(maxBackoff) {
		return maxBackoff, nil
	}
	return time.Duration(d), nil
}
