// Package config builds an aws.Config from explicit options, the
// environment and the shared files, in that order of precedence, the way
// aws-sdk-go-v2's config package does.
package config

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/smithy-go/logging"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/credentials/ec2rolecreds"
	"github.com/eucsdk/eucsdk/credentials/endpointcreds"
	"github.com/eucsdk/eucsdk/credentials/processcreds"
	"github.com/eucsdk/eucsdk/credentials/ssocreds"
	"github.com/eucsdk/eucsdk/credentials/stscreds"
	"github.com/eucsdk/eucsdk/feature/ec2/imds"
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
	NewRetries2026         aws.Ternary
	BaseEndpoint           string
	AccountIDEndpointMode  aws.AccountIDEndpointMode
	Logger                 logging.Logger
	ClientLogMode          *aws.ClientLogMode
	HTTPClient             aws.HTTPClient

	// CredentialsCacheOptions tune the cache around the resolved provider.
	CredentialsCacheOptions func(*aws.CredentialsCacheOptions)
	// ProcessCredentialOptions tune a profile's credential_process.
	ProcessCredentialOptions func(*processcreds.Options)
	// EC2RoleCredentialOptions tune the instance role provider.
	EC2RoleCredentialOptions func(*ec2rolecreds.Options)
	// EndpointCredentialOptions tune the container credentials provider.
	EndpointCredentialOptions func(*endpointcreds.Options)
	// EC2IMDSClientEnableState, EC2IMDSEndpointMode and EC2IMDSEndpoint
	// win over the environment and the profile for the IMDS client.
	EC2IMDSClientEnableState imds.ClientEnableState
	EC2IMDSEndpointMode      imds.EndpointModeState
	EC2IMDSEndpoint          string
	// UseEC2IMDSRegion, when set, asks IMDS for the region if nothing
	// else set one.
	UseEC2IMDSRegion *UseEC2IMDSRegion
	// AssumeRoleCredentialOptions tune a profile's assume role (an MFA
	// TokenProvider, for one).
	AssumeRoleCredentialOptions func(*stscreds.AssumeRoleOptions)
	// WebIdentityRoleCredentialOptions tune web identity.
	WebIdentityRoleCredentialOptions func(*stscreds.WebIdentityRoleOptions)
	// SSOProviderOptions and SSOTokenProviderOptions tune SSO.
	SSOProviderOptions      func(*ssocreds.Options)
	SSOTokenProviderOptions func(*ssocreds.SSOTokenProviderOptions)
}

// WithAssumeRoleCredentialOptions tunes a profile's assume role.
func WithAssumeRoleCredentialOptions(v func(*stscreds.AssumeRoleOptions)) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.AssumeRoleCredentialOptions = v; return nil }
}

// WithWebIdentityRoleCredentialOptions tunes web identity.
func WithWebIdentityRoleCredentialOptions(v func(*stscreds.WebIdentityRoleOptions)) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.WebIdentityRoleCredentialOptions = v; return nil }
}

// WithSSOCredentialOptions tunes the SSO provider.
func WithSSOCredentialOptions(v func(*ssocreds.Options)) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.SSOProviderOptions = v; return nil }
}

// WithSSOTokenProviderOptions tunes the SSO token provider.
func WithSSOTokenProviderOptions(v func(*ssocreds.SSOTokenProviderOptions)) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.SSOTokenProviderOptions = v; return nil }
}

// UseEC2IMDSRegion makes the instance's region the last step of the
// region chain.
type UseEC2IMDSRegion struct {
	// Client defaults to one built from the resolved IMDS settings.
	Client *imds.Client
}

// WithEC2IMDSRegion asks IMDS for the region when neither code, the
// environment nor the profile set one. As in v2 it is not done unless
// asked: off EC2 it costs a timeout.
func WithEC2IMDSRegion(fnOpts ...func(*UseEC2IMDSRegion)) func(*LoadOptions) error {
	return func(o *LoadOptions) error {
		o.UseEC2IMDSRegion = &UseEC2IMDSRegion{}
		for _, fn := range fnOpts {
			fn(o.UseEC2IMDSRegion)
		}
		return nil
	}
}

// WithCredentialsCacheOptions tunes the credentials cache.
func WithCredentialsCacheOptions(v func(*aws.CredentialsCacheOptions)) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.CredentialsCacheOptions = v; return nil }
}

// WithProcessCredentialOptions tunes credential_process.
func WithProcessCredentialOptions(v func(*processcreds.Options)) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.ProcessCredentialOptions = v; return nil }
}

// WithEC2RoleCredentialOptions tunes the instance role provider.
func WithEC2RoleCredentialOptions(v func(*ec2rolecreds.Options)) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.EC2RoleCredentialOptions = v; return nil }
}

// WithEndpointCredentialOptions tunes the container credentials provider.
func WithEndpointCredentialOptions(v func(*endpointcreds.Options)) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.EndpointCredentialOptions = v; return nil }
}

// WithEC2IMDSClientEnableState enables or disables the IMDS client.
func WithEC2IMDSClientEnableState(v imds.ClientEnableState) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.EC2IMDSClientEnableState = v; return nil }
}

// WithEC2IMDSEndpointMode picks the IMDS endpoint's IP version.
func WithEC2IMDSEndpointMode(v imds.EndpointModeState) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.EC2IMDSEndpointMode = v; return nil }
}

// WithEC2IMDSEndpoint sets the IMDS endpoint.
func WithEC2IMDSEndpoint(v string) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.EC2IMDSEndpoint = v; return nil }
}

// WithNewRetries2026 turns the retries 2.1 behaviour on or off, over
// AWS_NEW_RETRIES_2026 and new_retries_2026.
func WithNewRetries2026(v bool) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.NewRetries2026 = aws.BoolTernary(v); return nil }
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

// WithAccountIDEndpointMode sets whether services with account-based
// endpoints (DynamoDB) get the credentials' account id.
func WithAccountIDEndpointMode(v aws.AccountIDEndpointMode) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.AccountIDEndpointMode = v; return nil }
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

// LoadDefaultConfig resolves the configuration and picks the credentials
// provider (see resolveCredentials for the order). It does no network I/O
// unless WithEC2IMDSRegion asks for it, and needs no home directory. A missing region is not an error here (clients
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
		NewRetries2026:   o.NewRetries2026,
		HTTPClient:       o.HTTPClient,

		AccountIDEndpointMode: o.AccountIDEndpointMode,
	}
	if o.BaseEndpoint != "" {
		e.BaseEndpoint = aws.String(o.BaseEndpoint)
	}
	if o.Credentials != nil {
		e.Credentials = cached(o.Credentials, &o)
	} else {
		// settings.Load would build the lazy default; config replaces it.
		e.Credentials = aws.AnonymousCredentials{}
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
		AccountIDEndpointMode:       r.AccountIDEndpointMode,
		RetryMaxAttempts:            r.RetryMaxAttempts,
		RetryMode:                   r.RetryMode,
		NewRetries2026:              r.NewRetries2026,
		Logger:                      o.Logger,
		AppID:                       r.AppID,
		DisableRequestCompression:   r.DisableRequestCompression,
		RequestMinCompressSizeBytes: r.RequestMinCompressSizeBytes,
		ConfigSources:               []any{r},
	}
	if o.ClientLogMode != nil {
		cfg.ClientLogMode = *o.ClientLogMode
	}
	if o.Credentials == nil {
		if err := resolveCredentials(ctx, &cfg, &o, r); err != nil {
			return aws.Config{}, err
		}
		r.Credentials = cfg.Credentials
	}
	if cfg.Region == "" && o.UseEC2IMDSRegion != nil {
		c := o.UseEC2IMDSRegion.Client
		if c == nil {
			c = o.imdsClient(cfg)
		}
		out, err := c.GetRegion(ctx, nil)
		if err != nil {
			return aws.Config{}, fmt.Errorf("region from EC2 IMDS (config.WithEC2IMDSRegion): %w", err)
		}
		cfg.Region = out.Region
		r.Region = out.Region
	}
	return cfg, ctx.Err()
}
