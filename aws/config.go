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
	// RetryMaxAttempts is the most attempts per call (0 means the mode's default).
	RetryMaxAttempts int
	// RetryMode is standard (the default) or adaptive.
	RetryMode RetryMode
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
