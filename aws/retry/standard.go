package retry

import (
	"context"
	"time"

	"github.com/eucsdk/eucsdk/aws"
)

// Standard-mode defaults, from the cross-SDK retry rules.
const (
	// DefaultMaxAttempts counts the first attempt.
	DefaultMaxAttempts = 3
	// DefaultRetryCost is the quota a retry spends.
	DefaultRetryCost uint = 5
	// DefaultRetryTimeoutCost is the quota a retry after a timeout spends:
	// timeouts are the most expensive failures for both sides.
	DefaultRetryTimeoutCost uint = 10
	// DefaultNoRetryIncrement is what a call that succeeded at once adds.
	DefaultNoRetryIncrement uint = 1
)

// StandardOptions configure NewStandard.
type StandardOptions struct {
	// MaxAttempts counts the first attempt; <= 0 means DefaultMaxAttempts.
	MaxAttempts int
	// MaxBackoff caps the default backoff; 0 means DefaultMaxBackoff.
	// Ignored when Backoff is set.
	MaxBackoff time.Duration
	// Rand is the jitter source of the default backoff, returning a fraction
	// in [0, 1); nil means math/rand/v2. Ignored when Backoff is set.
	Rand func() float64
	// Backoff replaces the default ExponentialJitterBackoff.
	Backoff BackoffDelayer
	// Retryables decide which errors are retried; defaults to a copy of
	// DefaultClassifiers, so appending to it is safe.
	Retryables Classifiers
	// Quota is the retry quota; nil means a new bucket of DefaultRetryQuota.
	// Pass the same bucket to several retryers to make them share it.
	Quota *RetryQuota
	// RetryCost, RetryTimeoutCost, ThrottlingRetryCost and NoRetryIncrement
	// are the quota prices; 0 means the default of the selected behaviour
	// (legacy: 5, 10, 5, 1; retries 2.1: 14, 14, 5, 1).
	RetryCost           uint
	RetryTimeoutCost    uint
	ThrottlingRetryCost uint
	NoRetryIncrement    uint

	// NewRetries2026 selects the retries 2.1 behaviour (AWS_NEW_RETRIES_2026):
	// NewRetriesBackoff (50 ms transient and 1 s throttling bases, cap
	// before jitter) unless Backoff is set, retry costs of 14 and 5 for
	// throttling (timeouts are not special), x-amz-retry-after honoured
	// within ClampRetryAfter, and long-polling calls (WithLongPolling) that
	// back off before failing on an empty quota.
	NewRetries2026 bool
	// BaseDelay is the retries 2.1 backoff ceiling after the first
	// transient failure; 0 means NewRetriesBaseDelay. Throttling errors
	// always start from ThrottleBaseDelay. Ignored in legacy mode and when
	// Backoff is set.
	BaseDelay time.Duration
}

// Standard is the AWS standard retry mode: at most MaxAttempts attempts,
// exponential backoff with full jitter, and a retry quota shared by every call
// of the client. It is safe for concurrent use; a client holds one.
type Standard struct {
	maxAttempts  int
	backoff      BackoffDelayer
	retryables   Classifiers
	quota        *RetryQuota
	retryCost    uint
	timeoutCost  uint
	throttleCost uint
	increment    uint
	newRetries   bool

	// The release functions are built once so that handing them out does not
	// allocate: the success path of every call goes through them.
	releaseInitial  func(error) error
	releaseRetry    func(error) error
	releaseTimeout  func(error) error
	releaseThrottle func(error) error
}

var _ aws.Retryer = (*Standard)(nil)

// NewStandard returns a standard-mode retryer.
func NewStandard(optFns ...func(*StandardOptions)) *Standard {
	o := StandardOptions{Retryables: append(Classifiers(nil), DefaultClassifiers...)}
	for _, fn := range optFns {
		fn(&o)
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = DefaultMaxAttempts
	}
	if o.Backoff == nil {
		if o.NewRetries2026 {
			o.Backoff = &NewRetriesBackoff{Base: o.BaseDelay, MaxBackoff: o.MaxBackoff, Rand: o.Rand}
		} else {
			o.Backoff = &ExponentialJitterBackoff{MaxBackoff: o.MaxBackoff, Rand: o.Rand}
		}
	}
	if o.Quota == nil {
		o.Quota = NewRetryQuota(DefaultRetryQuota)
	}
	if o.RetryCost == 0 {
		o.RetryCost = DefaultRetryCost
		if o.NewRetries2026 {
			o.RetryCost = NewRetriesRetryCost
		}
	}
	if o.RetryTimeoutCost == 0 {
		o.RetryTimeoutCost = DefaultRetryTimeoutCost
		if o.NewRetries2026 {
			o.RetryTimeoutCost = o.RetryCost
		}
	}
	if o.ThrottlingRetryCost == 0 {
		o.ThrottlingRetryCost = o.RetryCost
		if o.NewRetries2026 {
			o.ThrottlingRetryCost = DefaultThrottlingRetryCost
		}
	}
	if o.NoRetryIncrement == 0 {
		o.NoRetryIncrement = DefaultNoRetryIncrement
	}
	s := &Standard{
		maxAttempts:  o.MaxAttempts,
		backoff:      o.Backoff,
		retryables:   o.Retryables,
		quota:        o.Quota,
		retryCost:    o.RetryCost,
		timeoutCost:  o.RetryTimeoutCost,
		throttleCost: o.ThrottlingRetryCost,
		increment:    o.NoRetryIncrement,
		newRetries:   o.NewRetries2026,
	}
	s.releaseInitial = s.refundOnSuccess(s.increment)
	s.releaseRetry = s.refundOnSuccess(s.retryCost)
	s.releaseTimeout = s.refundOnSuccess(s.timeoutCost)
	s.releaseThrottle = s.refundOnSuccess(s.throttleCost)
	return s
}

func (s *Standard) refundOnSuccess(n uint) func(error) error {
	return func(err error) error {
		if err == nil {
			s.quota.Refund(n)
		}
		return nil
	}
}

// IsErrorRetryable classifies err with the configured Retryables; it does not
// look at attempt counts or quota.
func (s *Standard) IsErrorRetryable(err error) bool {
	return err != nil && s.retryables.Classify(err) == Retry
}

// MaxAttempts counts the first attempt.
func (s *Standard) MaxAttempts() int { return s.maxAttempts }

// RetryDelay returns the backoff after attempt (1-based) failed with err.
// Under retries 2.1 the service's x-amz-retry-after replaces it, clamped by
// ClampRetryAfter.
func (s *Standard) RetryDelay(attempt int, err error) (time.Duration, error) {
	d, derr := s.backoff.BackoffDelay(attempt, err)
	if derr != nil || !s.newRetries {
		return d, derr
	}
	if ra, ok := RetryAfter(err); ok {
		d = ClampRetryAfter(d, ra)
	}
	return d, nil
}

// NewRetries2026 reports whether s follows retries 2.1.
func (s *Standard) NewRetries2026() bool { return s.newRetries }

// BacksOffLongPolling is true under retries 2.1: Do waits the backoff before
// failing a long-polling call on an empty quota.
func (s *Standard) BacksOffLongPolling() bool { return s.newRetries }

// costOf prices a retry after err.
func (s *Standard) costOf(err error) (uint, func(error) error) {
	switch {
	case s.throttleCost != s.retryCost && IsThrottle(err):
		return s.throttleCost, s.releaseThrottle
	case s.timeoutCost != s.retryCost && IsTimeout(err):
		return s.timeoutCost, s.releaseTimeout
	}
	return s.retryCost, s.releaseRetry
}

// GetRetryToken pays for a retry after err out of the quota: the throttle
// cost for throttling errors, the timeout cost for timeouts, the retry cost
// otherwise. When the quota cannot pay it returns
// a *QuotaExceededError wrapping err. The release function gives the cost back
// if the retry succeeds, so quota only stays spent while the service fails.
func (s *Standard) GetRetryToken(ctx context.Context, err error) (func(error) error, error) {
	if cerr := ctx.Err(); cerr != nil {
		return nil, &CanceledError{Cause: cerr, Err: err}
	}
	cost, release := s.costOf(err)
	if avail, ok := s.quota.Take(cost); !ok {
		return nil, &QuotaExceededError{Available: avail, Requested: cost, Err: err}
	}
	return release, nil
}

// RetryCost is what GetRetryToken would take for err; Do records it.
func (s *Standard) RetryCost(err error) int {
	cost, _ := s.costOf(err)
	return int(cost)
}

// GetInitialToken is taken for the first attempt only. Its release adds
// NoRetryIncrement when that attempt succeeds: a call that needed no retry
// slowly refills the quota (a call that needed retries refunds its retry cost
// instead, through the retry token, and adds nothing more).
func (s *Standard) GetInitialToken() func(error) error { return s.releaseInitial }

// GetAttemptToken never blocks in standard mode; its release does nothing.
func (s *Standard) GetAttemptToken(context.Context) (func(error) error, error) {
	return nopRelease, nil
}

// Quota is the retry quota, for metrics and tests.
func (s *Standard) Quota() *RetryQuota { return s.quota }

func nopRelease(error) error { return nil }
