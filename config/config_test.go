package config

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/smithy-go/logging"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/internal/testkit/awsenv"
)

var ctx = context.Background()

func writeConfig(t *testing.T, home, content string) string {
	t.Helper()
	p := filepath.Join(home, ".aws", "config")
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func load(t *testing.T, optFns ...func(*LoadOptions) error) aws.Config {
	t.Helper()
	cfg, err := LoadDefaultConfig(ctx, optFns...)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func TestRegionChain(t *testing.T) {
	home := awsenv.Clean(t).Home
	writeConfig(t, home, "[default]\nregion = from-profile\n[profile other]\nregion = from-other\n")
	if r := load(t).Region; r != "from-profile" {
		t.Errorf("profile: %q", r)
	}
	if r := load(t, WithSharedConfigProfile("other")).Region; r != "from-other" {
		t.Errorf("named profile: %q", r)
	}
	t.Setenv("AWS_DEFAULT_REGION", "from-default-env")
	if r := load(t).Region; r != "from-default-env" {
		t.Errorf("AWS_DEFAULT_REGION: %q", r)
	}
	t.Setenv("AWS_REGION", "from-env")
	if r := load(t).Region; r != "from-env" {
		t.Errorf("AWS_REGION: %q", r)
	}
	if r := load(t, WithRegion("explicit")).Region; r != "explicit" {
		t.Errorf("explicit: %q", r)
	}
}

func TestNoRegionNoHome(t *testing.T) {
	awsenv.Clean(t)
	t.Setenv("HOME", "")
	cfg := load(t)
	if cfg.Region != "" || cfg.Credentials == nil {
		t.Errorf("cfg = %+v", cfg)
	}
	for _, want := range []string{"Options.Region", "AWS_REGION", "AWS_DEFAULT_REGION", "region"} {
		if !strings.Contains(ErrNoRegionHint.Error(), want) {
			t.Errorf("hint lacks %q", want)
		}
	}
}

func TestSettingsFromProfileAndEnv(t *testing.T) {
	home := awsenv.Clean(t).Home
	writeConfig(t, home, "[default]\nmax_attempts = 5\nretry_mode = adaptive\nuse_fips_endpoint = true\nuse_dualstack_endpoint = TRUE\nendpoint_url = http://localhost:4566\nsdk_ua_app_id = myapp\n")
	cfg := load(t)
	if cfg.RetryMaxAttempts != 5 || cfg.RetryMode != aws.RetryModeAdaptive || !cfg.UseFIPSEndpoint || !cfg.UseDualStackEndpoint ||
		aws.ToString(cfg.BaseEndpoint) != "http://localhost:4566" || cfg.AppID != "myapp" {
		t.Errorf("from profile: %+v", cfg)
	}
	t.Setenv("AWS_MAX_ATTEMPTS", "2")
	t.Setenv("AWS_RETRY_MODE", "standard")
	t.Setenv("AWS_USE_FIPS_ENDPOINT", "false")
	t.Setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9000")
	cfg = load(t)
	if cfg.RetryMaxAttempts != 2 || cfg.RetryMode != aws.RetryModeStandard || cfg.UseFIPSEndpoint || aws.ToString(cfg.BaseEndpoint) != "http://127.0.0.1:9000" {
		t.Errorf("environment over profile: %+v", cfg)
	}
	t.Setenv("AWS_ACCOUNT_ID_ENDPOINT_MODE", "required")
	if cfg = load(t); cfg.AccountIDEndpointMode != aws.AccountIDEndpointModeRequired {
		t.Errorf("account id endpoint mode from the environment: %q", cfg.AccountIDEndpointMode)
	}
	cfg = load(t, WithRetryMaxAttempts(7), WithRetryMode(aws.RetryModeAdaptive), WithBaseEndpoint("http://emulator"),
		WithAccountIDEndpointMode(aws.AccountIDEndpointModeDisabled))
	if cfg.RetryMaxAttempts != 7 || cfg.RetryMode != aws.RetryModeAdaptive || aws.ToString(cfg.BaseEndpoint) != "http://emulator" ||
		cfg.AccountIDEndpointMode != aws.AccountIDEndpointModeDisabled {
		t.Errorf("explicit over environment: %+v", cfg)
	}
}

func TestBadSettingsNameTheirOrigin(t *testing.T) {
	home := awsenv.Clean(t).Home
	path := writeConfig(t, home, "[default]\nregion = r\nmax_attempts = many\n")
	_, err := LoadDefaultConfig(ctx)
	if err == nil || !strings.Contains(err.Error(), path+":3") {
		t.Errorf("max_attempts: %v", err)
	}
	writeConfig(t, home, "[default]\n")
	for env, val := range map[string]string{"AWS_RETRY_MODE": "legacy", "AWS_USE_DUALSTACK_ENDPOINT": "yes", "AWS_MAX_ATTEMPTS": "0"} {
		t.Setenv(env, val)
		_, err := LoadDefaultConfig(ctx)
		if err == nil || !strings.Contains(err.Error(), env) {
			t.Errorf("%s=%s: %v", env, val, err)
		}
		t.Setenv(env, "")
	}
}

func TestMalformedFileNamesFileAndLine(t *testing.T) {
	home := awsenv.Clean(t).Home
	path := writeConfig(t, home, "[default]\nregion = us-east-1\n\nnot a setting\n")
	_, err := LoadDefaultConfig(ctx)
	if err == nil || !strings.Contains(err.Error(), path+":4") {
		t.Fatalf("err = %v", err)
	}
}

func TestNamedProfileMustExist(t *testing.T) {
	home := awsenv.Clean(t).Home
	writeConfig(t, home, "[default]\nregion = r\n")
	if _, err := LoadDefaultConfig(ctx, WithSharedConfigProfile("nope")); err == nil || !strings.Contains(err.Error(), `"nope"`) {
		t.Errorf("option: %v", err)
	}
	t.Setenv("AWS_PROFILE", "nope")
	if _, err := LoadDefaultConfig(ctx); err == nil {
		t.Error("AWS_PROFILE naming a missing profile was accepted")
	}
}

func TestSharedFilesOptionsAndCredentials(t *testing.T) {
	awsenv.Clean(t)
	dir := t.TempDir()
	cfgFile := filepath.Join(dir, "cfg")
	credFile := filepath.Join(dir, "creds")
	os.WriteFile(cfgFile, []byte("[profile p]\nregion = eu-central-1\n"), 0o600)
	os.WriteFile(credFile, []byte("[p]\naws_access_key_id = FILEID\naws_secret_access_key = S\n"), 0o600)
	cfg := load(t, WithSharedConfigFiles([]string{cfgFile}), WithSharedCredentialsFiles([]string{credFile}), WithSharedConfigProfile("p"))
	if cfg.Region != "eu-central-1" {
		t.Errorf("region = %q", cfg.Region)
	}
	c, err := cfg.Credentials.Retrieve(ctx)
	if err != nil || c.AccessKeyID != "FILEID" {
		t.Errorf("credentials: %v, %v", c, err)
	}
	if _, ok := cfg.Credentials.(*aws.CredentialsCache); !ok {
		t.Errorf("default chain is not cached: %T", cfg.Credentials)
	}
}

func TestExplicitValues(t *testing.T) {
	awsenv.Clean(t)
	static := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: "X", SecretAccessKey: "Y"}, nil
	})
	client := &http.Client{}
	logger := logging.Nop{}
	cfg := load(t, WithCredentialsProvider(static), WithHTTPClient(client), WithLogger(logger), WithClientLogMode(aws.LogRetries|aws.LogRequest))
	if cfg.HTTPClient != client || cfg.Logger != logger || cfg.ClientLogMode != aws.LogRetries|aws.LogRequest {
		t.Errorf("cfg = %+v", cfg)
	}
	if c, err := cfg.Credentials.Retrieve(ctx); err != nil || c.AccessKeyID != "X" {
		t.Errorf("credentials: %v, %v", c, err)
	}
}

func TestOptionErrorStopsLoading(t *testing.T) {
	awsenv.Clean(t)
	boom := errors.New("boom")
	if _, err := LoadDefaultConfig(ctx, func(*LoadOptions) error { return boom }); !errors.Is(err, boom) {
		t.Errorf("err = %v", err)
	}
}

// AWS_NEW_RETRIES_2026 and new_retries_2026 reach aws.Config; unset stays
// unset (the client applies its default), and a bad value names its origin.
func TestNewRetries2026(t *testing.T) {
	home := awsenv.Clean(t).Home
	if v := load(t).NewRetries2026; v != aws.UnknownTernary {
		t.Errorf("unset: %v", v)
	}
	path := writeConfig(t, home, "[default]\nnew_retries_2026 = false\n")
	if v := load(t).NewRetries2026; v != aws.FalseTernary {
		t.Errorf("profile false: %v", v)
	}
	t.Setenv("AWS_NEW_RETRIES_2026", "true")
	if v := load(t).NewRetries2026; v != aws.TrueTernary {
		t.Errorf("environment true over profile false: %v", v)
	}
	if v := load(t, WithNewRetries2026(false)).NewRetries2026; v != aws.FalseTernary {
		t.Errorf("WithNewRetries2026(false): %v", v)
	}
	t.Setenv("AWS_NEW_RETRIES_2026", "")
	writeConfig(t, home, "[default]\nnew_retries_2026 = maybe\n")
	_, err := LoadDefaultConfig(ctx)
	if err == nil || !strings.Contains(err.Error(), path+":2: new_retries_2026") {
		t.Errorf("bad value: %v, want it to name %s:2", err, path)
	}
}
