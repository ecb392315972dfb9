package pipeline

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
)

// ErrNoRegion is returned, before any network I/O, when no region is set.
var ErrNoRegion = errors.New("no AWS region: set Options.Region, the AWS_REGION or AWS_DEFAULT_REGION environment variable, or region in the shared config profile (AWS_PROFILE)")

var errNotHTTPResponse = errors.New("the transport returned no HTTP response")
var errNotHTTPRequest = errors.New("a middleware replaced the request with one that is not a *smithyhttp.Request")

var errNoRules = errors.New("the service has no endpoint rules: set Options.BaseEndpoint")

func errBadEndpoint(u string) error {
	if pu, err := url.Parse(u); err == nil {
		u = pu.Redacted() // a password in BaseEndpoint stays out of errors
	} else {
		u = "(unparsable)"
	}
	return fmt.Errorf("endpoint %q is not an absolute http(s) URL", u)
}

// EndpointError is a failure to resolve the endpoint of a call.
type EndpointError struct{ Err error }

func (e *EndpointError) Error() string { return "resolve endpoint: " + e.Err.Error() }
func (e *EndpointError) Unwrap() error { return e.Err }

// ResponseError wraps the error of a response the service sent, with the
// HTTP status and request id the retry policy and users look at.
type ResponseError struct {
	StatusCode int
	RequestID  string
	Err        error
}

func (e *ResponseError) Error() string {
	return "https response error StatusCode: " + strconv.Itoa(e.StatusCode) + ", RequestID: " + e.RequestID + ", " + e.Err.Error()
}

func (e *ResponseError) Unwrap() error { return e.Err }

// HTTPStatusCode is what retry classification reads.
func (e *ResponseError) HTTPStatusCode() int { return e.StatusCode }

// ServiceRequestID is the x-amzn-RequestId the service sent.
func (e *ResponseError) ServiceRequestID() string { return e.RequestID }

// RequestSendError wraps a failure to send a request or read its response:
// connection refused or reset, TLS, a truncated body.
type RequestSendError struct{ Err error }

func (e *RequestSendError) Error() string { return "request send failed: " + e.Err.Error() }
func (e *RequestSendError) Unwrap() error { return e.Err }

// ResponseTooLargeError refuses a body over Options.MaxResponseBytes.
type ResponseTooLargeError struct{ Limit int64 }

func (e *ResponseTooLargeError) Error() string {
	return fmt.Sprintf("response body exceeds the %d-byte limit (Options.MaxResponseBytes)", e.Limit)
}

// RedirectError is a 3xx answer. AWS services do not redirect their API
// calls, and following one would send the signed request elsewhere, so the
// client stops and names where the server pointed.
type RedirectError struct {
	StatusCode int
	// Location is the Location header as sent, with any password removed.
	Location string
}

func (e *RedirectError) Error() string {
	loc := e.Location
	if loc == "" {
		loc = "(no Location header)"
	}
	return "the endpoint answered HTTP " + strconv.Itoa(e.StatusCode) + " redirecting to " + loc + "; redirects are not followed (set Options.BaseEndpoint to the right endpoint)"
}

// HTTPStatusCode is what retry classification reads: a redirect is not retried.
func (e *RedirectError) HTTPStatusCode() int { return e.StatusCode }

func redactedLocation(loc string) string {
	if u, err := url.Parse(loc); err == nil {
		return u.Redacted()
	}
	return "(unparsable Location header)"
}
