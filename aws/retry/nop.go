package retry

import (
	"context"
	"time"

	"github.com/eucsdk/eucsdk/aws"
)

// Nop returns a retryer that never retries: one attempt, no quota, no rate
// limit. Use it for calls that must not be repeated, or in tests that count
// requests.
func Nop() aws.Retryer { return nopRetryer{} }

type nopRetryer struct{}

func (nopRetryer) IsErrorRetryable(error) bool { return false }
func (nopRetryer) MaxAttempts() int            { return 1 }
func (nopRetryer) RetryDelay(int, error) (time.Duration, error) {
	return 0, nil
}
func (nopRetryer) GetRetryToken(context.Context, error) (func(error) error, error) {
	return nopRelease, nil
}
func (nopRetryer) GetInitialToken() func(error) error { return nopRelease }
func (nopRetryer) GetAttemptToken(context.Context) (func(error) error, error) {
	return nopRelease, nil
}
