package retry

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// Retries 2.1 ("new retries 2026") is the cross-SDK revision of standard
// mode that aws-sdk-go-v2 ships behind AWS_NEW_RETRIES_2026. These are its
// numbers; StandardOptions.NewRetries2026 selects them.
const (
	// NewRetriesBaseDelay is the backoff ceiling after the first transient
	// failure: short, because most transient failures clear at once.
	NewRetriesBaseDelay = 50 * time.Millisecond
	// ThrottleBaseDelay is the backoff ceiling after the first throttling
	// failure: a service that asks the client to slow down gets a real pause.
	ThrottleBaseDelay = time.Second
	// NewRetriesRetryCost is the quota a retry after a transient error
	// (timeouts included) spends: costly, so that an outage drains the
	// quota after about 35 retries instead of 100.
	NewRetriesRetryCost uint = 14
	// DefaultThrottlingRetryCost is the quota a retry after throttling
	// spends under retries 2.1: cheap, since the service asked for exactly
	// that, later.
	DefaultThrottlingRetryCost uint = 5
	// RetryAfterHeader carries the service's suggested backoff, in
	// milliseconds.
	RetryAfterHeader = "x-amz-retry-after"
	// MaxRetryAfterExtra is how far past the computed backoff the service's
	// x-amz-retry-after may push a wait; it can never shorten one.
	MaxRetryAfterExtra = 5 * time.Second
)

// NewRetriesBackoff is the retries 2.1 backoff: after attempt n fails it waits
//
//	r × min(base × 2^(n-1), MaxBackoff), r uniform in [0, 1)
//
// with base ThrottleBase after a throttling error and Base otherwise. Unlike
// ExponentialJitterBackoff the cap is applied before the jitter, so waits
// stay spread out once they reach it.
type NewRetriesBackoff struct {
	// Base is the ceiling after the first transient failure; 0 means
	// NewRetriesBaseDelay.
	Base time.Duration
	// ThrottleBase is the ceiling after the first throttling failure; 0
	// means ThrottleBaseDelay.
	ThrottleBase time.Duration
	// MaxBackoff caps the ceiling; 0 means DefaultMaxBackoff.
	MaxBackoff time.Duration
	// Rand returns the jitter fraction in [0, 1); nil means math/rand/v2.
	// Values outside [0, 1] are clamped.
	Rand func() float64
	// IsThrottle picks the throttling base; nil means IsThrottle.
	IsThrottle func(error) bool
}

// BackoffDelay returns the jittered wait after attempt failed with err.
func (b *NewRetriesBackoff) BackoffDelay(attempt int, err error) (time.Duration, error) {
	base, throttleBase, maxBackoff, rnd, isThrottle := b.Base, b.ThrottleBase, b.MaxBackoff, b.Rand, b.IsThrottle
	if base <= 0 {
		base = NewRetriesBaseDelay
	}
	if throttleBase <= 0 {
		throttleBase = ThrottleBaseDelay
	}
	if maxBackoff <= 0 {
		maxBackoff = DefaultMaxBackoff
	}
	if rnd == nil {
		rnd = rand.Float64
	}
	if isThrottle == nil {
		isThrottle = IsThrottle
	}
	if isThrottle(err) {
		base = throttleBase
	}
	attempt = max(attempt, 1)
	r := rnd()
	if r <= 0 || math.IsNaN(r) {
		return 0, nil
	}
	r = min(r, 1)
	ceiling := min(math.Ldexp(float64(base), min(attempt-1, 1100)), float64(maxBackoff))
	return time.Duration(r * ceiling), nil
}

// ParseRetryAfter reads an x-amz-retry-after value: a non-negative integer
// number of milliseconds. Anything else is ignored (ok false), so a
// malformed header falls back to the computed backoff.
func ParseRetryAfter(v string) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	ms, err := strconv.ParseInt(v, 10, 64)
	if err != nil || ms < 0 || ms > math.MaxInt64/int64(time.Millisecond) {
		return 0, false
	}
	return time.Duration(ms) * time.Millisecond, true
}

// RetryAfter returns the x-amz-retry-after the service sent with err, found
// through interface{ ResponseHeader(string) string } in err's chain (the
// pipeline's ResponseError implements it).
func RetryAfter(err error) (time.Duration, bool) {
	var h interface{ ResponseHeader(name string) string }
	if err == nil || !errors.As(err, &h) {
		return 0, false
	}
	return ParseRetryAfter(h.ResponseHeader(RetryAfterHeader))
}

// ClampRetryAfter applies the retries 2.1 rule to a computed backoff d and
// the service's suggestion ra: the wait is ra, but never below d (a service
// cannot make clients retry faster than the quota's backoff allows) nor above
// d + MaxRetryAfterExtra (nor can it park them).
func ClampRetryAfter(d, ra time.Duration) time.Duration {
	return min(max(ra, d), d+MaxRetryAfterExtra)
}

type longPollingKey struct{}

// WithLongPolling marks the call run under ctx as a long-polling operation
// (one whose response is held open until work arrives, such as SQS
// ReceiveMessage). Under retries 2.1, when such a call's retry quota is empty
// Do still waits the backoff before failing, because its caller typically
// polls again at once and would otherwise spin against a failing service.
// Generated clients set it for operations the model or an overlay marks.
func WithLongPolling(ctx context.Context) context.Context {
	return context.WithValue(ctx, longPollingKey{}, true)
}

// IsLongPolling reports whether ctx carries WithLongPolling.
func IsLongPolling(ctx context.Context) bool {
	v, _ := ctx.Value(longPollingKey{}).(bool)
	return v
}

// longPollingBackoff is implemented by retryers that back long-polling calls
// off on an empty quota (Standard and Adaptive in retries 2.1).
type longPollingBackoff interface {
	BacksOffLongPolling() bool
}
