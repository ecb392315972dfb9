// Package config builds an aws.Config from explicit options, the
// environment and the shared files, in that order of precedence, the way
// aws-sdk-go-v2's config package does.
package config

import (
	"context"
	"errors"

	"github.com/aws/smithy-go/logging"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/internal/settings"
)

// ErrNoRegionHint is the error a client returns, before any I/O, when no
// region was configured anywhere LoadDefaultConfig looks.
var ErrNoRegionHint = errors.New("no AWS region configured: set Options.Region (or config.WithRegion), " +
	"the AWS_REGION or AWS_DEFAULT_REGION environment variable, or region in the shared config file profile")

// LoadOptions are the explicit settings; each wins over the environment and
// the shared files.
type LoadOptions struct {
	Region                 string
	Credentials            aws.CredentialsProvider
	SharedConfigProfile    string
	SharedConfigFiles      []string
	SharedCredentialsFiles []string
	RetryMaxAttempts       int
	RetryMode              aws.RetryMode
	BaseEndpoint           string
	Logger                 logging.Logger
	ClientLogMode          *aws.ClientLogMode
	HTTPClient             aws.HTTPClient
}

// WithRegion sets the region.
func WithRegion(v string) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.Region = v; return nil }
}

// WithCredentialsProvider sets the credentials, which are cached unless
// they already are.
func WithCredentialsProvider(v aws.CredentialsProvider) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.Credentials = v; return nil }
}

// WithSharedConfigProfile selects the profile instead of $AWS_PROFILE.
func WithSharedConfigProfile(v string) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.SharedConfigProfile = v; return nil }
}

// WithSharedConfigFiles replaces the config files to read.
func WithSharedConfigFiles(v []string) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.SharedConfigFiles = v; return nil }
}

// WithSharedCredentialsFiles replaces the credentials files to read.
func WithSharedCredentialsFiles(v []string) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.SharedCredentialsFiles = v; return nil }
}

// WithRetryMaxAttempts sets the most attempts per call.
func WithRetryMaxAttempts(v int) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.RetryMaxAttempts = v; return nil }
}

// WithRetryMode sets the retry mode.
func WithRetryMode(v aws.RetryMode) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.RetryMode = v; return nil }
}

// WithBaseEndpoint sends every client's requests to v, e.g. an emulator.
func WithBaseEndpoint(v string) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.BaseEndpoint = v; return nil }
}

// WithLogger sets the logger.
func WithLogger(v logging.Logger) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.Logger = v; return nil }
}

// WithClientLogMode sets what clients log.
func WithClientLogMode(v aws.ClientLogMode) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.ClientLogMode = &v; return nil }
}

// WithHTTPClient sets the HTTP client.
func WithHTTPClient(v aws.HTTPClient) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.HTTPClient = v; return nil }
}

// LoadDefaultConfig resolves the configuration. It does no network I/O and
// needs no home directory. A missing region is not an error here (clients
// report ErrNoRegionHint); malformed settings are, naming where they came
// from.
func LoadDefaultConfig(ctx context.Context, optFns ...func(*LoadOptions) error) (aws.Config, error) {
	var o LoadOptions
	for _, fn := range optFns {
		if err := fn(&o); err != nil {
			return aws.Config{}, err
		}
	}
	e := settings.Explicit{
		Profile:          o.SharedConfigProfile,
		ConfigFiles:      o.SharedConfigFiles,
		CredentialsFiles: o.SharedCredentialsFiles,
		Region:           o.Region,
		RetryMaxAttempts: o.RetryMaxAttempts,
		RetryMode:        o.RetryMode,
		HTTPClient:       o.HTTPClient,
	}
	if o.BaseEndpoint != "" {
		e.BaseEndpoint = aws.String(o.BaseEndpoint)
	}
	if o.Credentials != nil {
		e.Credentials = aws.NewCredentialsCache(o.Credentials)
	}
	r, err := settings.Load(e)
	if err != nil {
		return aws.Config{}, err
	}
	cfg := aws.Config{
		Region:                      r.Region,
		Credentials:                 r.Credentials,
		HTTPClient:                  r.HTTPClient,
		BaseEndpoint:                r.BaseEndpoint,
		UseFIPSEndpoint:             r.UseFIPSEndpoint,
		UseDualStackEndpoint:        r.UseDualStackEndpoint,
		RetryMaxAttempts:            r.RetryMaxAttempts,
		RetryMode:                   r.RetryMode,
		Logger:                      o.Logger,
		AppID:                       r.AppID,
		DisableRequestCompression:   r.DisableRequestCompression,
		RequestMinCompressSizeBytes: r.RequestMinCompressSizeBytes,
		ConfigSources:               []any{r},
	}
	if o.ClientLogMode != nil {
		cfg.ClientLogMode = *o.ClientLogMode
	}
	return cfg, ctx.Err()
}
