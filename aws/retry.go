package aws

import (
	"context"
	"time"
)

// RetryMode selects the retry behaviour of a client.
type RetryMode string

const (
	// RetryModeStandard is the AWS standard retry mode: exponential backoff
	// with full jitter and a retry quota shared by the client.
	RetryModeStandard RetryMode = "standard"
	// RetryModeAdaptive adds a client-side rate limiter to standard mode.
	RetryModeAdaptive RetryMode = "adaptive"
)

// Retryer decides whether and when a failed attempt is tried again.
// Implementations must be safe for concurrent use; one is shared by a client.
type Retryer interface {
	// IsErrorRetryable reports whether an attempt that failed with err may be retried.
	IsErrorRetryable(err error) bool
	// MaxAttempts is the most attempts a call makes, the first included.
	MaxAttempts() int
	// RetryDelay is how long to wait before attempt+1, after attempt failed with err.
	RetryDelay(attempt int, err error) (time.Duration, error)
	// GetRetryToken takes retry quota for a retry after err; the release
	// function is called with the retry's outcome (nil on success).
	GetRetryToken(ctx context.Context, err error) (release func(error) error, _ error)
	// GetInitialToken is taken before the first attempt.
	GetInitialToken() (release func(error) error)
	// GetAttemptToken is taken before every attempt; adaptive mode blocks here
	// while its client-side rate limiter has no capacity.
	GetAttemptToken(ctx context.Context) (release func(error) error, _ error)
}
