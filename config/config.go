// Package config builds an aws.Config from explicit options, the
// environment and the shared files, in that order of precedence, the way
// aws-sdk-go-v2's config package does.
package config

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/aws/smithy-go/logging"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/internal/ini"
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

// WithNewRetries2026 turns the retries 2.1 behaviour on or off, over
// AWS_NEW_RETRIES_2026 and new_retries_2026.
func WithNewRetries2026(v bool) func(*LoadOptions) error {
	return func(o *LoadOptions) error { o.NewRetries2026 = aws.BoolTernary(v); return nil }
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
	files := credentials.SharedFilesOptions{
		Profile:          o.SharedConfigProfile,
		ConfigFiles:      o.SharedConfigFiles,
		CredentialsFiles: o.SharedCredentialsFiles,
	}.Resolve()
	prof, err := loadProfile(files, o.SharedConfigProfile != "" || os.Getenv(ini.EnvProfile) != "")
	if err != nil {
		return aws.Config{}, err
	}
	s := settings{profile: prof}

	cfg := aws.Config{
		Region:     firstNonEmpty(o.Region, os.Getenv("AWS_REGION"), os.Getenv("AWS_DEFAULT_REGION"), prof.String("region")),
		HTTPClient: o.HTTPClient,
		Logger:     o.Logger,
		AppID:      s.str("AWS_SDK_UA_APP_ID", "sdk_ua_app_id"),
	}
	if o.ClientLogMode != nil {
		cfg.ClientLogMode = *o.ClientLogMode
	}
	if cfg.RetryMaxAttempts, err = s.maxAttempts(o.RetryMaxAttempts); err != nil {
		return aws.Config{}, err
	}
	if cfg.RetryMode, err = s.retryMode(o.RetryMode); err != nil {
		return aws.Config{}, err
	}
	// AWS_NEW_RETRIES_2026 / new_retries_2026; unset stays unset, and the
	// client applies its default.
	cfg.NewRetries2026 = o.NewRetries2026
	if cfg.NewRetries2026 == aws.UnknownTernary {
		if cfg.NewRetries2026, err = s.ternary("AWS_NEW_RETRIES_2026", "new_retries_2026"); err != nil {
			return aws.Config{}, err
		}
	}
	if cfg.UseFIPSEndpoint, err = s.boolean("AWS_USE_FIPS_ENDPOINT", "use_fips_endpoint"); err != nil {
		return aws.Config{}, err
	}
	if cfg.UseDualStackEndpoint, err = s.boolean("AWS_USE_DUALSTACK_ENDPOINT", "use_dualstack_endpoint"); err != nil {
		return aws.Config{}, err
	}
	if ep := firstNonEmpty(o.BaseEndpoint, s.str("AWS_ENDPOINT_URL", "endpoint_url")); ep != "" {
		cfg.BaseEndpoint = aws.String(ep)
	}
	if o.Credentials != nil {
		cfg.Credentials = aws.NewCredentialsCache(o.Credentials)
	} else {
		cfg.Credentials = credentials.NewDefaultChain(files)
	}
	return cfg, ctx.Err()
}

// loadProfile reads the profile; one the user named must exist, while the
// implicit default profile may be absent.
func loadProfile(files credentials.SharedFilesOptions, named bool) (ini.Profile, error) {
	prof, err := ini.LoadProfile(files.ConfigFiles, files.CredentialsFiles, files.Profile)
	if err != nil {
		return prof, err
	}
	if named && !prof.Found {
		return prof, fmt.Errorf("shared config profile %q not found in %s", files.Profile,
			strings.Join(append(append([]string(nil), files.ConfigFiles...), files.CredentialsFiles...), ", "))
	}
	return prof, nil
}

// settings reads a setting from the environment, else the profile, and
// says which one it came from when the value is bad.
type settings struct{ profile ini.Profile }

func (s settings) lookup(env, key string) (value, origin string) {
	if v := os.Getenv(env); v != "" {
		return v, "environment variable " + env
	}
	if v, ok := s.profile.Get(key); ok && v.Value != "" {
		return v.Value, fmt.Sprintf("%s:%d: %s", v.File, v.Line, key)
	}
	return "", ""
}

func (s settings) str(env, key string) string {
	v, _ := s.lookup(env, key)
	return v
}

func (s settings) boolean(env, key string) (bool, error) {
	v, origin := s.lookup(env, key)
	switch strings.ToLower(v) {
	case "":
		return false, nil
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, fmt.Errorf("%s: %q is not true or false", origin, v)
}

func (s settings) ternary(env, key string) (aws.Ternary, error) {
	if v, _ := s.lookup(env, key); v == "" {
		return aws.UnknownTernary, nil
	}
	b, err := s.boolean(env, key)
	return aws.BoolTernary(b), err
}

func (s settings) maxAttempts(explicit int) (int, error) {
	if explicit != 0 {
		return explicit, nil
	}
	v, origin := s.lookup("AWS_MAX_ATTEMPTS", "max_attempts")
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("%s: %q is not a positive integer", origin, v)
	}
	return n, nil
}

func (s settings) retryMode(explicit aws.RetryMode) (aws.RetryMode, error) {
	if explicit != "" {
		return explicit, nil
	}
	v, origin := s.lookup("AWS_RETRY_MODE", "retry_mode")
	switch m := aws.RetryMode(strings.ToLower(v)); m {
	case "":
		return "", nil
	case aws.RetryModeStandard, aws.RetryModeAdaptive:
		return m, nil
	}
	return "", fmt.Errorf("%s: retry mode %q is not %q or %q", origin, v, aws.RetryModeStandard, aws.RetryModeAdaptive)
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}
