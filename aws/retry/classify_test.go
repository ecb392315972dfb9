package retry

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

// modeledErr is a generated error type with the Smithy retryable trait.
type modeledErr struct {
	retryable, throttle bool
}

func (e modeledErr) Error() string         { return "modeled" }
func (e modeledErr) ErrorCode() string     { return "LimitExceededException" }
func (e modeledErr) RetryableError() bool  { return e.retryable }
func (e modeledErr) IsErrorThrottle() bool { return e.throttle }
func (e modeledErr) HTTPStatusCode() int   { return 400 }

type throttleOnly struct{ v bool }

func (e throttleOnly) Error() string         { return "t" }
func (e throttleOnly) IsErrorThrottle() bool { return e.v }

type canceledErr struct{}

func (canceledErr) Error() string       { return "request canceled" }
func (canceledErr) CanceledError() bool { return true }
func (canceledErr) HTTPStatusCode() int { return 503 }

func TestIsErrorRetryable(t *testing.T) {
	urlErr := func(err error) error {
		return &url.Error{Op: "Post", URL: "https://appstream2.us-east-1.amazonaws.com/", Err: err}
	}
	cases := []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"500", &apiError{500, "InternalFailure"}, true},
		{"502", &apiError{502, ""}, true},
		{"503", &apiError{503, "ServiceUnavailable"}, true},
		{"504", &apiError{504, ""}, true},
		{"501 not retried", &apiError{501, ""}, false},
		{"400 validation", &apiError{400, "ValidationException"}, false},
		{"400 invalid parameter", &apiError{400, "InvalidParameterValuesException"}, false},
		{"403 access denied", &apiError{403, "AccessDeniedException"}, false},
		{"404", &apiError{404, "ResourceNotFoundException"}, false},
		{"429 without a throttling code", &apiError{429, "Unknown"}, false},
		{"transient code InternalError", &apiError{400, "InternalError"}, true},
		{"transient code RequestTimeout", &apiError{400, "RequestTimeout"}, true},
		{"transient code RequestTimeoutException", &apiError{408, "RequestTimeoutException"}, true},
		{"smithy GenericAPIError throttling", &smithy.GenericAPIError{Code: "ThrottlingException"}, true},
		{"wrapped throttle", fmt.Errorf("op: %w", &apiError{400, "SlowDown"}), true},
		{"clock skew not retried by default", &apiError{400, "InvalidSignatureException"}, false},
		{"clock skew corrected", ClockSkewCorrected(&apiError{400, "InvalidSignatureException"}, 10*time.Minute), true},
		{"modeled retryable", modeledErr{retryable: true}, true},
		{"modeled not retryable beats its throttling code", modeledErr{retryable: false}, false},
		{"modeled throttle trait", throttleOnly{true}, true},
		{"connection reset", urlErr(&net.OpError{Op: "read", Net: "tcp", Err: os.NewSyscallError("read", syscall.ECONNRESET)}), true},
		{"connection refused", urlErr(&net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}), true},
		{"dial failure", urlErr(&net.OpError{Op: "dial", Net: "tcp", Err: errors.New("no route")}), true},
		{"reset only in text", errors.New("read tcp 1.2.3.4:443: connection reset by peer"), true},
		{"unexpected EOF in body", fmt.Errorf("deserialize: %w", io.ErrUnexpectedEOF), true},
		{"server closed without response", urlErr(io.EOF), true},
		{"TLS handshake timeout", urlErr(errors.New("net/http: TLS handshake timeout")), true},
		{"net.Error timeout", urlErr(timeoutErr{}), true},
		{"smithy RequestSendError", &smithyhttp.RequestSendError{Err: errors.New("x")}, true},
		{"DNS not found", urlErr(&net.DNSError{Err: "no such host", Name: "x.invalid", IsNotFound: true}), false},
		{"DNS timeout", urlErr(&net.DNSError{Err: "timeout", Name: "x", IsTimeout: true}), true},
		{"context canceled", context.Canceled, false},
		{"wrapped context canceled", urlErr(context.Canceled), false},
		{"CanceledError beats a 503", canceledErr{}, false},
		{"service message mentioning a reset is not a reset", fmt.Errorf("%w: connection reset", &apiError{400, "ValidationException"}), false},
		{"plain error", errors.New("boom"), false},
	}
	for _, c := range cases {
		if got := IsErrorRetryable(c.err); got != c.want {
			t.Errorf("%s: IsErrorRetryable(%v) = %v, want %v", c.name, c.err, got, c.want)
		}
		if got := NewStandard().IsErrorRetryable(c.err); got != c.want {
			t.Errorf("%s: Standard.IsErrorRetryable = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestAllListedThrottleCodesAreRetriedAndThrottles(t *testing.T) {
	codes := []string{"Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
		"TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
		"RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
		"SlowDown", "PriorRequestNotComplete", "EC2ThrottledException"}
	if len(codes) != len(ThrottleErrorCodes) {
		t.Errorf("ThrottleErrorCodes has %d codes, want %d", len(ThrottleErrorCodes), len(codes))
	}
	for _, c := range codes {
		err := &apiError{400, c}
		if !IsErrorRetryable(err) || !IsThrottle(err) {
			t.Errorf("%s: retryable %v, throttle %v; want both", c, IsErrorRetryable(err), IsThrottle(err))
		}
	}
	for _, err := range []error{&apiError{500, "InternalError"}, &apiError{503, ""}, nil, throttleOnly{false}, timeoutErr{}} {
		if IsThrottle(err) {
			t.Errorf("IsThrottle(%v) = true", err)
		}
	}
	if !IsThrottle(throttleOnly{true}) || !IsThrottle(modeledErr{throttle: true}) {
		t.Error("the modeled throttling trait is not a throttle")
	}
	if IsThrottle(modeledErr{throttle: false}) {
		t.Error("a modeled non-throttle with a throttling code counts as throttle; the trait should win")
	}
}

func TestIsTimeout(t *testing.T) {
	if !IsTimeout(timeoutErr{}) || !IsTimeout(context.DeadlineExceeded) || !IsTimeout(&url.Error{Err: timeoutErr{}}) {
		t.Error("timeouts not recognised")
	}
	if IsTimeout(context.Canceled) || IsTimeout(nil) || IsTimeout(&apiError{500, "RequestTimeout"}) {
		t.Error("non-timeouts recognised as timeouts")
	}
}

func TestClassifiersCompose(t *testing.T) {
	// A user override in front of the defaults wins; Unknown falls through.
	noValidation := ClassifierFunc(func(err error) Decision {
		if errorCode(err) == "ConcurrentModificationException" {
			return Retry
		}
		if errorCode(err) == "SlowDown" {
			return NoRetry
		}
		return Unknown
	})
	r := NewStandard(func(o *StandardOptions) {
		o.Retryables = append(Classifiers{noValidation}, o.Retryables...)
	})
	if !r.IsErrorRetryable(&apiError{400, "ConcurrentModificationException"}) {
		t.Error("added code not retried")
	}
	if r.IsErrorRetryable(&apiError{400, "SlowDown"}) {
		t.Error("override did not win over the default")
	}
	if !r.IsErrorRetryable(&apiError{503, ""}) {
		t.Error("defaults no longer apply behind the override")
	}
	if len(DefaultClassifiers) != 6 {
		t.Errorf("appending in an option changed DefaultClassifiers (len %d)", len(DefaultClassifiers))
	}
	if Retry.String() != "Retry" || NoRetry.String() != "NoRetry" || Unknown.String() != "Unknown" {
		t.Error("Decision.String")
	}
}

func TestClockSkew(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	date := func(d time.Duration) string { return now.Add(d).Format(http1123) }
	cases := []struct {
		header string
		want   time.Duration
		ok     bool
	}{
		{date(10 * time.Minute), 10 * time.Minute, true},
		{date(-6 * time.Minute), -6 * time.Minute, true},
		{date(4*time.Minute + time.Second), 4*time.Minute + time.Second, true},
		{date(4 * time.Minute), 0, false}, // at the threshold: not corrected
		{date(-3 * time.Minute), 0, false},
		{date(2 * time.Second), 0, false},
		{"", 0, false},
		{"yesterday", 0, false},
		{now.Add(-time.Hour).Format(time.RFC850), -time.Hour, true}, // obsolete but legal format
		{date(MaxClockSkew + time.Second), 0, false},                // beyond the bound: a broken server, not skew
		{time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC).Format(http1123), 0, false},
	}
	for _, c := range cases {
		got, ok := ClockSkew(now, c.header)
		if got != c.want || ok != c.ok {
			t.Errorf("ClockSkew(%q) = %v, %v; want %v, %v", c.header, got, ok, c.want, c.ok)
		}
	}
	for code := range ClockSkewErrorCodes {
		if !IsClockSkewError(fmt.Errorf("op: %w", &apiError{400, code})) {
			t.Errorf("%s not a clock skew error", code)
		}
	}
	if len(ClockSkewErrorCodes) != 6 || IsClockSkewError(&apiError{400, "ValidationException"}) || IsClockSkewError(errors.New("x")) {
		t.Error("clock skew codes wrong")
	}
	orig := &apiError{400, "RequestTimeTooSkewed"}
	wrapped := ClockSkewCorrected(orig, 5*time.Minute)
	var cs *ClockSkewError
	if !errors.As(wrapped, &cs) || cs.Skew != 5*time.Minute || !errors.Is(wrapped, orig) || !IsClockSkewError(wrapped) {
		t.Errorf("ClockSkewCorrected wrapper: %v", wrapped)
	}
}

const http1123 = "Mon, 02 Jan 2006 15:04:05 GMT"
