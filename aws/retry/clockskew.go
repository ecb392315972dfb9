package retry

import (
	"fmt"
	"net/http"
	"time"
)

// ClockSkewErrorCodes are the codes a service answers with when the request's
// signing time is too far from its own clock. They are not retried by default:
// resending the same stale signature fails again. They become retryable once
// the pipeline has measured the skew and re-signs with a corrected clock.
var ClockSkewErrorCodes = map[string]struct{}{
	"RequestTimeTooSkewed":      {},
	"RequestExpired":            {},
	"InvalidSignatureException": {},
	"SignatureDoesNotMatch":     {},
	"AuthFailure":               {},
	"RequestInTheFuture":        {},
}

// ClockSkewThreshold is the smallest offset ClockSkew reports. SigV4 allows
// 5 minutes of difference; 4 minutes corrects a clock before it fails and
// ignores the few seconds of drift and latency every response carries, which
// would otherwise make the client chase noise. It matches what
// aws-sdk-go-v2 uses.
const ClockSkewThreshold = 4 * time.Minute

// MaxClockSkew is the largest offset ClockSkew accepts. A server Date
// further off than this is not a clock that drifted but a broken or hostile
// server (a Date in 2099); adopting it would make every later signature
// fail. An hour covers a machine whose clock was never set by NTP for days
// of drift and a wrong time zone on a clock kept in local time.
const MaxClockSkew = time.Hour

// IsClockSkewError reports whether err's code is one of ClockSkewErrorCodes.
// The pipeline uses it to decide whether to look at the response's Date
// header and correct its signing clock.
func IsClockSkewError(err error) bool {
	_, ok := ClockSkewErrorCodes[errorCode(err)]
	return ok
}

// ClockSkew returns the server's clock minus the local clock, as seen from the
// response Date header (RFC 7231 formats) received at now. ok is false when
// the header is missing or malformed, when the offset is within
// ClockSkewThreshold, so the caller only corrects skew that matters, or
// when it is beyond MaxClockSkew.
//
// The Date header has one-second resolution and is stamped before the
// response travelled back, so the offset is accurate to about a second plus
// one-way latency, which is far below the threshold.
func ClockSkew(now time.Time, date string) (offset time.Duration, ok bool) {
	if date == "" {
		return 0, false
	}
	server, err := http.ParseTime(date)
	if err != nil {
		return 0, false
	}
	offset = server.Sub(now)
	if offset <= ClockSkewThreshold && offset >= -ClockSkewThreshold || offset > MaxClockSkew || offset < -MaxClockSkew {
		return 0, false
	}
	return offset, true
}

// ClockSkewError marks a clock-skew failure as retryable because the pipeline
// has corrected its signing clock by Skew. It unwraps to the service's error.
type ClockSkewError struct {
	Skew time.Duration
	Err  error
}

// ClockSkewCorrected wraps err so that the next attempt, signed with the
// corrected clock, is allowed. Call it only after correcting the clock;
// otherwise the retry repeats the same failure.
func ClockSkewCorrected(err error, skew time.Duration) error {
	return &ClockSkewError{Skew: skew, Err: err}
}

func (e *ClockSkewError) Error() string {
	return fmt.Sprintf("retry: clock skew of %v corrected: %v", e.Skew, e.Err)
}

// Unwrap returns the service's error.
func (e *ClockSkewError) Unwrap() error { return e.Err }

// RetryableError is true: the retry is signed with the corrected clock.
func (e *ClockSkewError) RetryableError() bool { return true }
