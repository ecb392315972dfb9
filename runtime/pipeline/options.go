package pipeline

import (
	"time"

	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/middleware"
	"github.com/aws/smithy-go/tracing"

	"github.com/eucsdk/eucsdk/aws"
)

// Options configures a client. Field names follow aws-sdk-go-v2's per-service
// Options; each generated package exposes this type as its own Options.
type Options struct {
	// Region the client sends requests to, e.g. "us-east-1". Empty means
	// AWS_REGION, then AWS_DEFAULT_REGION, then the profile's region.
	Region string

	// BaseEndpoint, when set, replaces the endpoint the model's rules would
	// resolve, e.g. "http://127.0.0.1:8080" for a local emulator. Nil means
	// the service's own variable (AWS_ENDPOINT_URL_APPSTREAM), then
	// AWS_ENDPOINT_URL, then the profile's services section, then its
	// endpoint_url (see the README's settings table).
	BaseEndpoint *string

	// UseFIPSEndpoint and UseDualStackEndpoint select FIPS and dual-stack
	// endpoints through the model's rules (AWS_USE_FIPS_ENDPOINT and
	// AWS_USE_DUALSTACK_ENDPOINT set them too).
	UseFIPSEndpoint      bool
	UseDualStackEndpoint bool

	// AccountIDEndpointMode says whether a service whose rules offer
	// account-based endpoints (DynamoDB) gets the account id of the call's
	// credentials: preferred (unset: AWS_ACCOUNT_ID_ENDPOINT_MODE, then
	// account_id_endpoint_mode, then preferred), required or disabled.
	AccountIDEndpointMode aws.AccountIDEndpointMode

	// Credentials sign requests. Nil means the default chain: environment,
	// then the shared credentials and config files.
	Credentials aws.CredentialsProvider

	// HTTPClient sends requests. Nil means a shared client with sensible
	// timeouts and connection reuse.
	HTTPClient aws.HTTPClient

	// RetryMaxAttempts is the most attempts a call makes, the first one
	// included; 0 means AWS_MAX_ATTEMPTS, max_attempts, or 3.
	RetryMaxAttempts int

	// RetryMode is standard (the default) or adaptive.
	RetryMode aws.RetryMode

	// NewRetries2026 selects the retries 2.1 behaviour of standard and
	// adaptive mode (see retry.StandardOptions.NewRetries2026). Unset means
	// AWS_NEW_RETRIES_2026, then new_retries_2026 in the profile, then on.
	NewRetries2026 aws.Ternary

	// Retryer replaces the retry policy built from RetryMode and
	// RetryMaxAttempts; retry.Nop() turns retries off.
	Retryer aws.Retryer

	// APIOptions add smithy-go middleware to every call of the client.
	APIOptions []func(*middleware.Stack) error

	// Logger receives log lines selected by ClientLogMode.
	Logger logging.Logger

	// ClientLogMode selects what is logged. Secrets are always redacted.
	ClientLogMode aws.ClientLogMode

	// TracerProvider and MeterProvider receive a span per operation and per
	// attempt and the call metrics, with aws-sdk-go-v2's names (see
	// telemetry.go). Nil, or smithy-go's no-op providers, turn telemetry
	// off at no cost to the request path.
	TracerProvider tracing.TracerProvider
	MeterProvider  metrics.MeterProvider

	// AppID is added to the User-Agent header.
	AppID string

	// MaxResponseBytes refuses response bodies larger than this (0 means
	// DefaultMaxResponseBytes), so a broken or hostile server cannot exhaust memory.
	MaxResponseBytes int64

	// DisableRequestCompression turns off gzip for operations that allow it.
	DisableRequestCompression bool
	// RequestMinCompressSizeBytes is the smallest body that is compressed;
	// 0 means 10240, as AWS SDKs default.
	RequestMinCompressSizeBytes int64

	// IdempotencyTokenProvider returns the token for an empty
	// idempotencyToken member; nil means a random UUID v4. Tests fix it.
	IdempotencyTokenProvider func() string

	// Clock returns the current time for signing; nil means time.Now.
	// Tests inject it; the client adds its measured clock skew.
	Clock func() time.Time
}

// DefaultMaxResponseBytes is the default limit on a response body.
const DefaultMaxResponseBytes = 64 << 20

// Copy returns a copy that shares nothing mutable with o.
func (o Options) Copy() Options {
	c := o
	c.APIOptions = append([]func(*middleware.Stack) error(nil), o.APIOptions...)
	return c
}
