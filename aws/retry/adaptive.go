package retry

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sync"
	"time"

	"github.com/eucsdk/eucsdk/aws"
)

// Clock tells the time; tests substitute a fake one.
type Clock interface {
	Now() time.Time
}

type systemClock struct{}

func (systemClock) Now() time.Time { return time.Now() }

// Sleep waits for d or until ctx is done, whichever comes first, and returns
// ctx.Err() in the second case. It is the default sleeper of Do and Adaptive.
func Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// ErrNoSendCapacity is returned by Adaptive.GetAttemptToken when
// FailOnNoAttemptTokens is set and the rate limiter has no capacity.
var ErrNoSendCapacity = errors.New("retry: client-side rate limit reached")

// AdaptiveOptions configure NewAdaptive.
type AdaptiveOptions struct {
	// Standard configures the standard-mode retryer adaptive mode builds on.
	Standard []func(*StandardOptions)
	// RequestCost is the send capacity one attempt uses; 0 means 1.
	RequestCost uint
	// FailOnNoAttemptTokens makes GetAttemptToken fail with
	// ErrNoSendCapacity instead of waiting for capacity.
	FailOnNoAttemptTokens bool
	// Clock drives the rate measurements; nil means the system clock.
	Clock Clock
	// Sleep waits for send capacity; nil means Sleep. A fake that advances
	// a fake Clock lets tests run the limiter without waiting.
	Sleep func(ctx context.Context, d time.Duration) error
	// IsThrottle decides which failures slow the client down; nil means
	// the package's IsThrottle.
	IsThrottle func(error) bool
}

// Adaptive is the AWS adaptive retry mode: standard mode plus a client-side
// rate limiter. After the first throttling response, every attempt needs a
// token from a bucket whose fill rate follows CUBIC congestion control: cut to
// 70% of the measured send rate on each throttle, then grown back along a
// cubic curve that is flat around the rate that last caused throttling. The
// client thus finds the service's limit and stays just below it instead of
// spending its retry quota on throttled attempts.
//
// Adaptive mode suits a client whose calls all go to one throttled resource;
// a client shared by unrelated workloads lets one workload's throttling slow
// the others down.
type Adaptive struct {
	std          *Standard
	limiter      *rateLimiter
	cost         float64
	failFast     bool
	sleep        func(context.Context, time.Duration) error
	isThrottle   func(error) bool
	releaseToken func(error) error
}

var _ aws.Retryer = (*Adaptive)(nil)

// NewAdaptive returns an adaptive-mode retryer.
func NewAdaptive(optFns ...func(*AdaptiveOptions)) *Adaptive {
	var o AdaptiveOptions
	for _, fn := range optFns {
		fn(&o)
	}
	if o.RequestCost == 0 {
		o.RequestCost = 1
	}
	if o.Clock == nil {
		o.Clock = systemClock{}
	}
	if o.Sleep == nil {
		o.Sleep = Sleep
	}
	if o.IsThrottle == nil {
		o.IsThrottle = IsThrottle
	}
	a := &Adaptive{
		std:        NewStandard(o.Standard...),
		limiter:    newRateLimiter(o.Clock),
		cost:       float64(o.RequestCost),
		failFast:   o.FailOnNoAttemptTokens,
		sleep:      o.Sleep,
		isThrottle: o.IsThrottle,
	}
	a.releaseToken = a.observe
	return a
}

// IsErrorRetryable is standard mode's.
func (a *Adaptive) IsErrorRetryable(err error) bool { return a.std.IsErrorRetryable(err) }

// MaxAttempts is standard mode's.
func (a *Adaptive) MaxAttempts() int { return a.std.MaxAttempts() }

// RetryDelay is standard mode's.
func (a *Adaptive) RetryDelay(attempt int, err error) (time.Duration, error) {
	return a.std.RetryDelay(attempt, err)
}

// GetRetryToken is standard mode's.
func (a *Adaptive) GetRetryToken(ctx context.Context, err error) (func(error) error, error) {
	return a.std.GetRetryToken(ctx, err)
}

// RetryCost is standard mode's.
func (a *Adaptive) RetryCost(err error) int { return a.std.RetryCost(err) }

// GetInitialToken is standard mode's: adaptive mode keeps the quota refill of
// calls that succeed at once (aws-sdk-go-v2's adaptive mode drops it).
func (a *Adaptive) GetInitialToken() func(error) error { return a.std.GetInitialToken() }

// BacksOffLongPolling is standard mode's.
func (a *Adaptive) BacksOffLongPolling() bool { return a.std.BacksOffLongPolling() }

// Quota is the retry quota, for metrics and tests.
func (a *Adaptive) Quota() *RetryQuota { return a.std.Quota() }

// GetAttemptToken waits until the rate limiter lets an attempt go, honouring
// ctx. Its release feeds the attempt's outcome (throttled or not) back into
// the send rate.
func (a *Adaptive) GetAttemptToken(ctx context.Context) (func(error) error, error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ok, wait := a.limiter.acquire(a.cost)
		if ok {
			return a.releaseToken, nil
		}
		if a.failFast {
			return nil, ErrNoSendCapacity
		}
		if err := a.sleep(ctx, wait); err != nil {
			return nil, fmt.Errorf("retry: waiting for send capacity: %w", err)
		}
	}
}

func (a *Adaptive) observe(err error) error {
	if errors.Is(err, context.Canceled) {
		// The attempt was abandoned by the caller; it says nothing about
		// the service's capacity.
		return nil
	}
	a.limiter.update(a.isThrottle(err))
	return nil
}

// CUBIC and rate-measurement constants of the adaptive retry mode, the same
// in every AWS SDK (aws-sdk-go-v2 adaptive_ratelimit.go, botocore
// retries/throttling.py and bucket.py).
const (
	cubicBeta     = 0.7 // multiplicative decrease on throttle
	cubicScale    = 0.4 // C: how fast the rate grows back
	rateSmoothing = 0.8 // weight of the newest half-second in the measured rate
	minFillRate   = 0.5 // tokens per second, so a client never stops entirely
	minCapacity   = 1.0 // a bucket always holds at least one request
)

// rateLimiter is the adaptive-mode send-rate limiter. It is disabled (every
// attempt passes) until the first throttle.
type rateLimiter struct {
	mu    sync.Mutex
	clock Clock

	enabled    bool
	tokens     float64
	capacity   float64
	fillRate   float64
	lastRefill time.Time

	measuredRate float64 // smoothed attempts per second
	lastBucket   float64 // start (seconds) of the current half-second
	requests     int     // attempts seen in the current half-second

	lastMaxRate    float64   // rate at the last throttle
	lastThrottle   time.Time // when it happened
	timeWindow     float64   // seconds until the cubic regains lastMaxRate
	calculatedRate float64
}

func newRateLimiter(c Clock) *rateLimiter {
	now := c.Now()
	return &rateLimiter{
		clock:        c,
		lastBucket:   math.Floor(seconds(now)),
		lastThrottle: now,
	}
}

func seconds(t time.Time) float64 { return float64(t.UnixNano()) / float64(time.Second) }

// acquire takes amount tokens, or says how long until they will be there.
func (l *rateLimiter) acquire(amount float64) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.enabled {
		return true, 0
	}
	l.refill(l.clock.Now())
	if l.tokens >= amount {
		l.tokens -= amount
		return true, 0
	}
	wait := (amount - l.tokens) / l.fillRate
	return false, time.Duration(math.Ceil(wait * float64(time.Second)))
}

// update records one response and moves the fill rate.
func (l *rateLimiter) update(throttled bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.clock.Now()
	l.measure(now)
	if throttled {
		rate := l.measuredRate
		if l.enabled {
			rate = math.Min(rate, l.fillRate)
		}
		l.lastMaxRate = rate
		l.computeTimeWindow()
		l.lastThrottle = now
		l.calculatedRate = cubicThrottle(rate)
		l.enabled = true
	} else {
		l.computeTimeWindow()
		l.calculatedRate = l.cubicSuccess(now)
	}
	// Never allow more than twice what the client actually sends: the cubic
	// curve alone would grow without bound while the client is idle.
	l.setRate(math.Min(l.calculatedRate, 2*l.measuredRate))
}

func (l *rateLimiter) setRate(rate float64) {
	l.refill(l.clock.Now())
	l.fillRate = math.Max(rate, minFillRate)
	l.capacity = math.Max(rate, minCapacity)
	l.tokens = math.Min(l.tokens, l.capacity)
}

func (l *rateLimiter) refill(now time.Time) {
	if l.lastRefill.IsZero() {
		l.lastRefill = now
		return
	}
	elapsed := now.Sub(l.lastRefill).Seconds()
	if elapsed > 0 {
		l.tokens = math.Min(l.capacity, l.tokens+elapsed*l.fillRate)
	}
	l.lastRefill = now
}

// measure keeps an exponentially smoothed send rate over half-second buckets.
func (l *rateLimiter) measure(now time.Time) {
	bucket := math.Floor(seconds(now)*2) / 2
	l.requests++
	if bucket > l.lastBucket {
		current := float64(l.requests) / (bucket - l.lastBucket)
		l.measuredRate = current*rateSmoothing + l.measuredRate*(1-rateSmoothing)
		l.requests = 0
		l.lastBucket = bucket
	}
}

// computeTimeWindow solves the cubic for the time at which it returns to
// lastMaxRate: K = cbrt(W_max × (1-β) / C).
func (l *rateLimiter) computeTimeWindow() {
	l.timeWindow = math.Cbrt(l.lastMaxRate * (1 - cubicBeta) / cubicScale)
}

// cubicSuccess is W(t) = C × (t - K)³ + W_max, t counted from the last throttle.
func (l *rateLimiter) cubicSuccess(now time.Time) float64 {
	dt := now.Sub(l.lastThrottle).Seconds()
	return cubicScale*math.Pow(dt-l.timeWindow, 3) + l.lastMaxRate
}

func cubicThrottle(rate float64) float64 { return rate * cubicBeta }
