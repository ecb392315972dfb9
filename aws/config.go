package aws

import (
	"net/http"

	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
)

// HTTPClient sends one HTTP request. *http.Client satisfies it.
type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

// Config is what every service client shares. The config package fills it
// from the environment and the shared files; each service's NewFromConfig
// reads it.
type Config struct {
	// Region the clients send requests to, e.g. "us-east-1".
	Region string
	// Credentials sign requests; nil means the default chain.
	Credentials CredentialsProvider
	// HTTPClient sends requests; nil means a client with sensible timeouts.
	HTTPClient HTTPClient
	// BaseEndpoint overrides the endpoint the rules would resolve, e.g. a local emulator.
	BaseEndpoint *string
	// UseFIPSEndpoint and UseDualStackEndpoint feed the endpoint rules.
	UseFIPSEndpoint      bool
	UseDualStackEndpoint bool
	// AccountIDEndpointMode says whether services with account-based
	// endpoints get the credentials' account id (unset means preferred).
	AccountIDEndpointMode AccountIDEndpointMode
	// RetryMaxAttempts is the most attempts per call (0 means the mode's default).
	RetryMaxAttempts int
	// RetryMode is standard (the default) or adaptive.
	RetryMode RetryMode
	// NewRetries2026 selects the retries 2.1 behaviour of standard and
	// adaptive mode (AWS_NEW_RETRIES_2026, new_retries_2026); unset means
	// the client's default, on (see the README's Retries section).
	NewRetries2026 Ternary
	// Retryer, when set, builds the retry policy of each client.
	Retryer func() Retryer
	// Logger receives the client's log lines.
	Logger logging.Logger
	// ClientLogMode selects what is logged.
	ClientLogMode ClientLogMode
	// APIOptions add middleware to every operation of every client.
	APIOptions []func(*middleware.Stack) error
	// AppID is added to the User-Agent header.
	AppID string
	// DisableRequestCompression turns off gzip for operations that allow it.
	DisableRequestCompression bool
	// RequestMinCompressSizeBytes is the smallest body that is compressed;
	// 0 means 10240.
	RequestMinCompressSizeBytes int64
	// ConfigSources hold what the config package resolved, for the settings
	// a service client reads itself (its own endpoint URL).
	ConfigSources []any
}

// AccountIDEndpointMode says whether a service whose endpoint rules offer
// account-based endpoints (DynamoDB) gets the account id of the call's
// credentials.
type AccountIDEndpointMode string

const (
	// AccountIDEndpointModeUnset means the setting's default: preferred.
	AccountIDEndpointModeUnset AccountIDEndpointMode = ""
	// AccountIDEndpointModePreferred uses the account id when the
	// credentials carry one.
	AccountIDEndpointModePreferred AccountIDEndpointMode = "preferred"
	// AccountIDEndpointModeRequired fails a call whose credentials carry no
	// account id, with the rules' error.
	AccountIDEndpointModeRequired AccountIDEndpointMode = "required"
	// AccountIDEndpointModeDisabled never uses the account id.
	AccountIDEndpointModeDisabled AccountIDEndpointMode = "disabled"
)
