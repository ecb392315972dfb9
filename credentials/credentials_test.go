package credentials

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/internal/testkit/awsenv"
)

var ctx = context.Background()

func writeFile(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o700); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestStatic(t *testing.T) {
	c, err := NewStaticCredentialsProvider("AKID", "SECRET", "TOKEN").Retrieve(ctx)
	if err != nil || c.AccessKeyID != "AKID" || c.SecretAccessKey != "SECRET" || c.SessionToken != "TOKEN" || c.Source != StaticCredentialsSource {
		t.Fatalf("got %v, %v", c, err)
	}
	if _, err := NewStaticCredentialsProvider("", "SECRET", "").Retrieve(ctx); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("empty key: %v", err)
	}
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	p := StaticCredentialsProvider{
		Value: aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "S", CanExpire: true, Expires: now.Add(-time.Second)},
		Now:   func() time.Time { return now },
	}
	if _, err := p.Retrieve(ctx); err == nil || !strings.Contains(err.Error(), "expired at 2024-12-31T23:59:59Z") {
		t.Errorf("expired: %v", err)
	}
	p.Value.Expires = now.Add(time.Second)
	if _, err := p.Retrieve(ctx); err != nil {
		t.Errorf("not yet expired: %v", err)
	}
}

func TestEnv(t *testing.T) {
	awsenv.Clean(t)
	if _, err := NewEnvProvider().Retrieve(ctx); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unset: %v", err)
	}
	t.Setenv("AWS_ACCESS_KEY", "OLDID")
	t.Setenv("AWS_SECRET_KEY", "OLDSECRET")
	if c, err := NewEnvProvider().Retrieve(ctx); err != nil || c.AccessKeyID != "OLDID" || c.SecretAccessKey != "OLDSECRET" {
		t.Errorf("legacy names: %v, %v", c, err)
	}
	t.Setenv("AWS_ACCESS_KEY_ID", "ID")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "SECRET")
	t.Setenv("AWS_SESSION_TOKEN", "TOKEN")
	c, err := NewEnvProvider().Retrieve(ctx)
	if err != nil || c.AccessKeyID != "ID" || c.SecretAccessKey != "SECRET" || c.SessionToken != "TOKEN" || c.Source != EnvProviderSource {
		t.Errorf("current names win: %v, %v", c, err)
	}
	t.Setenv("AWS_SECRET_ACCESS_KEY", "")
	t.Setenv("AWS_SECRET_KEY", "")
	if _, err := NewEnvProvider().Retrieve(ctx); err == nil || errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "AWS_SECRET_ACCESS_KEY") {
		t.Errorf("half a pair must stop the chain: %v", err)
	}
}

func TestSharedFiles(t *testing.T) {
	home := awsenv.Clean(t).Home
	writeFile(t, filepath.Join(home, ".aws", "credentials"), "[default]\naws_access_key_id = DEFID\naws_secret_access_key = DEFSECRET\n\n[dev]\naws_access_key_id = DEVID\naws_secret_access_key = DEVSECRET\naws_session_token = DEVTOKEN\n")
	writeFile(t, filepath.Join(home, ".aws", "config"), "[profile cfg]\naws_access_key_id = CFGID\naws_secret_access_key = CFGSECRET\n[profile half]\naws_access_key_id = X\n[profile empty]\nregion = us-east-1\n")

	for profile, wantID := range map[string]string{"": "DEFID", "dev": "DEVID", "cfg": "CFGID"} {
		t.Setenv("AWS_PROFILE", profile)
		c, err := NewSharedCredentialsProvider().Retrieve(ctx)
		if err != nil || c.AccessKeyID != wantID || c.Source != SharedConfigSource {
			t.Errorf("profile %q: %v, %v", profile, c, err)
		}
	}
	t.Setenv("AWS_PROFILE", "")

	c, _ := NewSharedCredentialsProvider(func(o *SharedFilesOptions) { o.Profile = "dev" }).Retrieve(ctx)
	if c.SessionToken != "DEVTOKEN" {
		t.Errorf("session token = %q", c.SessionToken)
	}
	_, err := NewSharedCredentialsProvider(func(o *SharedFilesOptions) { o.Profile = "half" }).Retrieve(ctx)
	if err == nil || errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), filepath.Join(home, ".aws", "config")+":5") {
		t.Errorf("half pair: %v", err)
	}
	_, err = NewSharedCredentialsProvider(func(o *SharedFilesOptions) { o.Profile = "empty" }).Retrieve(ctx)
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("profile without keys: %v", err)
	}
}

func TestSharedFilesEnvOverridesAndMalformed(t *testing.T) {
	awsenv.Clean(t)
	dir := t.TempDir()
	creds := writeFile(t, filepath.Join(dir, "c"), "[default]\naws_access_key_id = A\naws_secret_access_key = B\n")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", creds)
	if c, err := NewSharedCredentialsProvider().Retrieve(ctx); err != nil || c.AccessKeyID != "A" {
		t.Errorf("AWS_SHARED_CREDENTIALS_FILE: %v, %v", c, err)
	}
	bad := writeFile(t, filepath.Join(dir, "cfg"), "[default]\nregion = x\n[oops\n")
	t.Setenv("AWS_CONFIG_FILE", bad)
	_, err := NewSharedCredentialsProvider().Retrieve(ctx)
	if err == nil || !strings.Contains(err.Error(), bad+":3") {
		t.Errorf("malformed config: %v", err)
	}
}

func TestNoHomeDirectory(t *testing.T) {
	awsenv.Clean(t)
	t.Setenv("HOME", "")
	_, err := NewSharedCredentialsProvider().Retrieve(ctx)
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("without a home directory: %v", err)
	}
}

func script(t *testing.T, body string) string {
	t.Helper()
	return writeFile(t, filepath.Join(t.TempDir(), "proc.sh"), "#!/bin/sh\n"+body)
}

func TestSharedCredentialProcess(t *testing.T) {
	home := awsenv.Clean(t).Home
	proc := script(t, `echo "{\"Version\": 1, \"AccessKeyId\": \"$1\", \"SecretAccessKey\": \"S\"}"`)
	writeFile(t, filepath.Join(home, ".aws", "config"), "[profile p]\ncredential_process = "+proc+" FROMPROCESS\n[profile both]\ncredential_process = "+proc+" UNUSED\naws_access_key_id = STATIC\naws_secret_access_key = S\n")
	for profile, want := range map[string]string{"p": "FROMPROCESS", "both": "STATIC"} {
		c, err := NewSharedCredentialsProvider(func(o *SharedFilesOptions) { o.Profile = profile }).Retrieve(ctx)
		if err != nil || c.AccessKeyID != want {
			t.Errorf("profile %s: %v, %v", profile, c, err)
		}
	}
}

func TestDefaultChain(t *testing.T) {
	home := awsenv.Clean(t).Home
	writeFile(t, filepath.Join(home, ".aws", "credentials"), "[default]\naws_access_key_id = FILEID\naws_secret_access_key = S\n")
	if c, err := NewDefaultChain(SharedFilesOptions{}).Retrieve(ctx); err != nil || c.AccessKeyID != "FILEID" {
		t.Errorf("shared file: %v, %v", c, err)
	}
	t.Setenv("AWS_ACCESS_KEY_ID", "ENVID")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "S")
	if c, err := NewDefaultChain(SharedFilesOptions{}).Retrieve(ctx); err != nil || c.AccessKeyID != "ENVID" {
		t.Errorf("environment first: %v, %v", c, err)
	}
	t.Setenv("AWS_ACCESS_KEY_ID", "")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "")
	_, err := NewDefaultChain(SharedFilesOptions{Profile: "missing"}).Retrieve(ctx)
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "AWS_ACCESS_KEY_ID") || !strings.Contains(err.Error(), `"missing"`) {
		t.Errorf("nothing found: %v", err)
	}
}

func TestChainStopsOnRealError(t *testing.T) {
	boom := errors.New("boom")
	called := false
	_, err := NewChainProvider(
		aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) { return aws.Credentials{}, boom }),
		aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) { called = true; return aws.Credentials{}, nil }),
	).Retrieve(ctx)
	if !errors.Is(err, boom) || called {
		t.Errorf("err = %v, later provider called = %v", err, called)
	}
}

// The no-credentials error says so once, with what was tried, and still
// matches ErrNotFound.
func TestNoCredentialsMessage(t *testing.T) {
	home := awsenv.Clean(t).Home
	_, err := NewDefaultChain(SharedFilesOptions{}).Retrieve(ctx)
	want := "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or keys or credential_process in a shared-file profile; " +
		"tried: environment: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set; " +
		`shared files: profile "default" has no aws_access_key_id or credential_process (searched ` +
		filepath.Join(home, ".aws", "credentials") + ", " + filepath.Join(home, ".aws", "config") + ")"
	if err == nil || err.Error() != want || !errors.Is(err, ErrNotFound) {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

// A client built without config resolves keys and credential_process only;
// a profile that needs STS, SSO or IMDS says to use config.
func TestSharedProfileNeedingConfigSaysSo(t *testing.T) {
	home := awsenv.Clean(t).Home
	writeFile(t, filepath.Join(home, ".aws", "config"), "[default]\nregion = x\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = b\n")
	_, err := NewDefaultChain(SharedFilesOptions{}).Retrieve(ctx)
	want := filepath.Join(home, ".aws", "config") + `:3: profile "default" uses role_arn, which a client built without config does not resolve: build it with config.LoadDefaultConfig and NewFromConfig`
	if err == nil || err.Error() != want || errors.Is(err, ErrNotFound) {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}
