package retry

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"net/url"
	"strings"
	"syscall"
)

// Decision is a classifier's verdict on one error. Unknown lets the next
// classifier in a Classifiers list decide, which is what makes the checks
// composable: a user can put an override in front of the defaults.
type Decision int8

const (
	// Unknown means the classifier has no opinion.
	Unknown Decision = iota
	// Retry means the error is transient and the call may be tried again.
	Retry
	// NoRetry means trying again cannot help (or must not happen).
	NoRetry
)

// String names the decision for test failures and logs.
func (d Decision) String() string {
	switch d {
	case Retry:
		return "Retry"
	case NoRetry:
		return "NoRetry"
	default:
		return "Unknown"
	}
}

// Classifier looks at the error of one attempt.
type Classifier interface {
	Classify(err error) Decision
}

// ClassifierFunc adapts a function to Classifier.
type ClassifierFunc func(error) Decision

// Classify calls f.
func (f ClassifierFunc) Classify(err error) Decision { return f(err) }

// Classifiers asks each classifier in order; the first decision that is not
// Unknown wins.
type Classifiers []Classifier

// Classify returns the first definite decision, or Unknown.
func (cs Classifiers) Classify(err error) Decision {
	for _, c := range cs {
		if d := c.Classify(err); d != Unknown {
			return d
		}
	}
	return Unknown
}

// ThrottleErrorCodes are the error codes AWS services use to say "slow down".
// They are retried, and they drive the adaptive rate limiter.
var ThrottleErrorCodes = map[string]struct{}{
	"Throttling":                             {},
	"ThrottlingException":                    {},
	"ThrottledException":                     {},
	"RequestThrottledException":              {},
	"TooManyRequestsException":               {},
	"ProvisionedThroughputExceededException": {},
	"TransactionInProgressException":         {},
	"RequestLimitExceeded":                   {},
	"BandwidthLimitExceeded":                 {},
	"LimitExceededException":                 {},
	"RequestThrottled":                       {},
	"SlowDown":                               {},
	"PriorRequestNotComplete":                {},
	"EC2ThrottledException":                  {},
}

// TransientErrorCodes are error codes for failures that a later attempt can
// be expected not to hit.
var TransientErrorCodes = map[string]struct{}{
	"RequestTimeout":          {},
	"RequestTimeoutException": {},
	"InternalError":           {},
}

// RetryableStatusCodes are HTTP statuses that mean the server failed, not the
// request. 429 is absent on purpose: services that throttle with 429 also send
// a throttling error code, and the code is what the cross-SDK rules key on.
var RetryableStatusCodes = map[int]struct{}{
	500: {},
	502: {},
	503: {},
	504: {},
}

// NoRetryCanceled refuses to retry a cancelled call: cancellation is a
// decision of the caller, never a transient condition.
type NoRetryCanceled struct{}

// Classify returns NoRetry for context.Canceled and for errors that report
// CanceledError() == true.
func (NoRetryCanceled) Classify(err error) Decision {
	if errors.Is(err, context.Canceled) {
		return NoRetry
	}
	var c interface{ CanceledError() bool }
	if errors.As(err, &c) && c.CanceledError() {
		return NoRetry
	}
	return Unknown
}

// ModeledRetryable honours the Smithy retryable trait: generated error types
// carry it as RetryableError() (and IsErrorThrottle() when the trait says
// throttling: true). The model is the most specific source, so it is asked
// before the generic code and status lists.
type ModeledRetryable struct{}

// Classify returns the modeled verdict, or Unknown for unmodeled errors.
func (ModeledRetryable) Classify(err error) Decision {
	var r interface{ RetryableError() bool }
	if errors.As(err, &r) {
		if r.RetryableError() {
			return Retry
		}
		return NoRetry
	}
	var t interface{ IsErrorThrottle() bool }
	if errors.As(err, &t) && t.IsErrorThrottle() {
		return Retry
	}
	return Unknown
}

// ConnectionErrors retries failures of the connection itself: the request may
// never have reached the service, or the response was cut off, so nothing
// about the request is wrong.
type ConnectionErrors struct{}

// Classify recognises resets, refusals, dial failures, truncated responses,
// TLS handshake timeouts and network timeouts.
func (ConnectionErrors) Classify(err error) Decision {
	if err == nil {
		return Unknown
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		if dnsErr.IsNotFound {
			// A name that does not exist will not exist on the next attempt.
			return NoRetry
		}
		if dnsErr.IsTimeout || dnsErr.IsTemporary {
			return Retry
		}
	}
	var conn interface{ ConnectionError() bool }
	if errors.As(err, &conn) && conn.ConnectionError() {
		return Retry
	}
	switch {
	case errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, syscall.ECONNREFUSED),
		errors.Is(err, syscall.ECONNABORTED),
		errors.Is(err, syscall.EPIPE),
		errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, net.ErrClosed):
		return Retry
	}
	var urlErr *url.Error
	if errors.As(err, &urlErr) && errors.Is(urlErr.Err, io.EOF) {
		// The server closed the connection before answering.
		return Retry
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return Retry
	}
	var recordErr tls.RecordHeaderError
	if errors.As(err, &recordErr) {
		// Talking TLS to something that is not TLS: a configuration error.
		return NoRetry
	}
	// Some errors only say what happened in their text (net/http does not
	// export its connection-reset and TLS-handshake-timeout errors). Errors
	// that carry a response are skipped: their text is the service's message.
	var resp interface{ HTTPStatusCode() int }
	if errors.As(err, &resp) || errorCode(err) != "" {
		return Unknown
	}
	msg := err.Error()
	if strings.Contains(msg, "connection reset") ||
		strings.Contains(msg, "connection refused") ||
		strings.Contains(msg, "TLS handshake timeout") {
		return Retry
	}
	if IsTimeout(err) {
		return Retry
	}
	return Unknown
}

// StatusCodes retries responses whose HTTP status is in Codes. The status is
// found with errors.As through interface{ HTTPStatusCode() int }, which
// smithy-go's response errors implement.
type StatusCodes struct {
	Codes map[int]struct{}
}

// Classify returns Retry for a listed status, else Unknown.
func (s StatusCodes) Classify(err error) Decision {
	var v interface{ HTTPStatusCode() int }
	if errors.As(err, &v) {
		if _, ok := s.Codes[v.HTTPStatusCode()]; ok {
			return Retry
		}
	}
	return Unknown
}

// ErrorCodes retries API errors whose code (smithy.APIError's ErrorCode) is
// in Codes.
type ErrorCodes struct {
	Codes map[string]struct{}
}

// Classify returns Retry for a listed code, else Unknown.
func (c ErrorCodes) Classify(err error) Decision {
	if code := errorCode(err); code != "" {
		if _, ok := c.Codes[code]; ok {
			return Retry
		}
	}
	return Unknown
}

// DefaultClassifiers is the standard-mode classification, in order of
// precedence. Append to a copy (StandardOptions.Retryables is one) rather
// than to this slice.
var DefaultClassifiers = Classifiers{
	NoRetryCanceled{},
	ModeledRetryable{},
	ConnectionErrors{},
	StatusCodes{Codes: RetryableStatusCodes},
	ErrorCodes{Codes: TransientErrorCodes},
	ErrorCodes{Codes: ThrottleErrorCodes},
}

// IsErrorRetryable reports whether err is worth another attempt under the
// default classification. Anything not recognised (4xx validation errors,
// access denied, unknown codes) is not retried.
//
// context.DeadlineExceeded counts as a timeout and so is retryable: the error
// alone cannot tell an attempt's own timeout from the caller's deadline. Do
// checks the caller's context itself and never retries once it is done.
func IsErrorRetryable(err error) bool {
	return err != nil && DefaultClassifiers.Classify(err) == Retry
}

// IsThrottle reports whether err says the service is throttling the client.
// Adaptive mode lowers its send rate on these; the modeled throttling trait
// wins over the code list.
func IsThrottle(err error) bool {
	if err == nil {
		return false
	}
	var t interface{ IsErrorThrottle() bool }
	if errors.As(err, &t) {
		return t.IsErrorThrottle()
	}
	_, ok := ThrottleErrorCodes[errorCode(err)]
	return ok
}

// IsTimeout reports whether err is a timeout (anything reporting Timeout() ==
// true: net.Error, url.Error, context.DeadlineExceeded). A timeout costs more
// retry quota because it has already held a connection for a long time.
// Cancellation is not a timeout.
func IsTimeout(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

// errorCode finds the API error code in err's chain; "" when there is none.
// It matches on the method rather than smithy.APIError so that any error that
// knows its code takes part.
func errorCode(err error) string {
	var v interface{ ErrorCode() string }
	if errors.As(err, &v) {
		return v.ErrorCode()
	}
	return ""
}
