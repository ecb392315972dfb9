package settings_test

import (
	"context"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/aws/retry"
	"github.com/eucsdk/eucsdk/config"
	"github.com/eucsdk/eucsdk/internal/settings"
	"github.com/eucsdk/eucsdk/runtime/pipeline"
	"github.com/eucsdk/eucsdk/workspaces"
)

var update = flag.Bool("update", false, "rewrite README.md's settings table")

// view is what a row can change in a client's resolved options.
type view struct {
	Region                      string
	BaseEndpoint                string
	UseFIPSEndpoint             bool
	UseDualStackEndpoint        bool
	AccountIDEndpointMode       aws.AccountIDEndpointMode
	RetryMaxAttempts            int
	RetryMode                   aws.RetryMode
	NewRetries2026              aws.Ternary
	AppID                       string
	DisableRequestCompression   bool
	RequestMinCompressSizeBytes int64
	AccessKeyID                 string
}

func viewOf(o appstream.Options) view {
	v := view{
		Region: o.Region, BaseEndpoint: aws.ToString(o.BaseEndpoint), UseFIPSEndpoint: o.UseFIPSEndpoint,
		UseDualStackEndpoint: o.UseDualStackEndpoint, AccountIDEndpointMode: o.AccountIDEndpointMode, RetryMaxAttempts: o.RetryMaxAttempts, RetryMode: o.RetryMode,
		NewRetries2026: o.NewRetries2026, AppID: o.AppID, DisableRequestCompression: o.DisableRequestCompression, RequestMinCompressSizeBytes: o.RequestMinCompressSizeBytes,
	}
	if c, err := o.Credentials.Retrieve(context.Background()); err == nil {
		v.AccessKeyID = c.AccessKeyID
	}
	return v
}

// isolate clears every variable of the table and points HOME and the shared
// files at an empty directory.
func isolate(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, s := range settings.Table {
		for _, e := range strings.Split(s.Env, ", ") {
			if e != "" {
				t.Setenv(e, "")
			}
		}
	}
	t.Setenv("HOME", dir)
	// Off EC2 the default chain would wait for IMDS; on an EC2 runner it
	// would find the runner's role.
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(dir, "config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "credentials"))
	return dir
}

type rowCase struct {
	row     string // the Table row's Env, or Key when it has no Env
	name    string
	env     map[string]string
	config  string // the config file; "$DIR" is the test's directory
	want    func(v *view)
	wantErr string // the whole error text; "$DIR" as above
	// service is the client that is built; "" means AppStream.
	service string
}

var rowCases = []rowCase{
	{row: "AWS_PROFILE", name: "named profile", env: map[string]string{"AWS_PROFILE": "ops", "AWS_REGION": ""}, config: "[profile ops]\nregion = ap-south-1\n",
		want: func(v *view) { v.Region = "ap-south-1" }},
	{row: "AWS_PROFILE", name: "missing profile", env: map[string]string{"AWS_PROFILE": "nope"},
		wantErr: `shared config profile "nope" not found in $DIR/config, $DIR/credentials`},
	{row: "AWS_CONFIG_FILE", name: "moved", env: map[string]string{"AWS_CONFIG_FILE": "$DIR/other"}, config: "",
		want: func(v *view) {}},
	{row: "AWS_CONFIG_FILE", name: "directory", env: map[string]string{"AWS_CONFIG_FILE": "$DIR"},
		wantErr: "shared file $DIR is not a regular file (a directory); refusing to read it"},
	{row: "AWS_SHARED_CREDENTIALS_FILE", name: "directory", env: map[string]string{"AWS_SHARED_CREDENTIALS_FILE": "$DIR"},
		wantErr: "shared file $DIR is not a regular file (a directory); refusing to read it"},
	{row: "AWS_REGION, AWS_DEFAULT_REGION", name: "env over profile", env: map[string]string{"AWS_REGION": "", "AWS_DEFAULT_REGION": "eu-west-3"}, config: "[default]\nregion = eu-west-1\n",
		want: func(v *view) { v.Region = "eu-west-3" }},
	{row: "AWS_REGION, AWS_DEFAULT_REGION", name: "AWS_REGION first", env: map[string]string{"AWS_REGION": "us-west-2", "AWS_DEFAULT_REGION": "eu-west-3"},
		want: func(v *view) { v.Region = "us-west-2" }},
	{row: "AWS_REGION, AWS_DEFAULT_REGION", name: "profile", env: map[string]string{"AWS_REGION": ""}, config: "[default]\nregion = eu-west-1\n",
		want: func(v *view) { v.Region = "eu-west-1" }},
	{row: "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN", name: "environment", env: map[string]string{"AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "s"},
		config: "[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = s\n", want: func(v *view) { v.AccessKeyID = "ENVKEY" }},
	{row: "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN", name: "profile", config: "[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = s\n",
		want: func(v *view) { v.AccessKeyID = "FILEKEY" }},
	{row: "credential_process", name: "process", config: "[default]\ncredential_process = echo '{\"Version\": 1, \"AccessKeyId\": \"PROCKEY\", \"SecretAccessKey\": \"s\"}'\n",
		want: func(v *view) { v.AccessKeyID = "PROCKEY" }},
	{row: "AWS_ENDPOINT_URL", name: "environment", env: map[string]string{"AWS_ENDPOINT_URL": "http://127.0.0.1:4566"}, config: "[default]\nendpoint_url = http://127.0.0.1:1\n",
		want: func(v *view) { v.BaseEndpoint = "http://127.0.0.1:4566" }},
	{row: "AWS_ENDPOINT_URL", name: "profile", config: "[default]\nendpoint_url = http://127.0.0.1:4566\n",
		want: func(v *view) { v.BaseEndpoint = "http://127.0.0.1:4566" }},
	{row: "AWS_ENDPOINT_URL", name: "not a URL", config: "[default]\nendpoint_url = 127.0.0.1:4566\n",
		wantErr: `$DIR/config:2: endpoint_url: "127.0.0.1:4566" is not an absolute http(s) URL`},
	{row: "AWS_ENDPOINT_URL_APPSTREAM, AWS_ENDPOINT_URL_WORKSPACES", name: "environment", env: map[string]string{"AWS_ENDPOINT_URL": "http://global:1", "AWS_ENDPOINT_URL_APPSTREAM": "http://appstream:2"},
		want: func(v *view) { v.BaseEndpoint = "http://appstream:2" }},
	{row: "AWS_ENDPOINT_URL_APPSTREAM, AWS_ENDPOINT_URL_WORKSPACES", name: "other service", env: map[string]string{"AWS_ENDPOINT_URL": "http://global:1", "AWS_ENDPOINT_URL_WORKSPACES": "http://workspaces:2"},
		want: func(v *view) { v.BaseEndpoint = "http://global:1" }},
	{row: "AWS_ENDPOINT_URL_APPSTREAM, AWS_ENDPOINT_URL_WORKSPACES", name: "workspaces", service: "workspaces", env: map[string]string{"AWS_ENDPOINT_URL_WORKSPACES": "http://workspaces:2"},
		want: func(v *view) { v.BaseEndpoint = "http://workspaces:2" }},
	{row: "AWS_ENDPOINT_URL_APPSTREAM, AWS_ENDPOINT_URL_WORKSPACES", name: "services section", config: "[default]\nendpoint_url = http://global:1\nservices = local\n[services local]\nappstream =\n  endpoint_url = http://127.0.0.1:4566\n",
		want: func(v *view) { v.BaseEndpoint = "http://127.0.0.1:4566" }},
	{row: "AWS_ENDPOINT_URL_APPSTREAM, AWS_ENDPOINT_URL_WORKSPACES", name: "environment global over profile service", env: map[string]string{"AWS_ENDPOINT_URL": "http://global:1"},
		config: "[default]\nservices = local\n[services local]\nappstream =\n  endpoint_url = http://127.0.0.1:4566\n", want: func(v *view) { v.BaseEndpoint = "http://global:1" }},
	{row: "AWS_ENDPOINT_URL_APPSTREAM, AWS_ENDPOINT_URL_WORKSPACES", name: "bad service URL", env: map[string]string{"AWS_ENDPOINT_URL_APPSTREAM": "ftp://x"},
		wantErr: `environment variable AWS_ENDPOINT_URL_APPSTREAM: "ftp://x" is not an absolute http(s) URL`},
	{row: "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", name: "environment", env: map[string]string{"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true", "AWS_ENDPOINT_URL_APPSTREAM": "http://appstream:2"},
		config: "[default]\nendpoint_url = http://global:1\n", want: func(v *view) {}},
	{row: "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", name: "profile", config: "[default]\nendpoint_url = http://global:1\nignore_configured_endpoint_urls = true\n", want: func(v *view) {}},
	{row: "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", name: "bad", env: map[string]string{"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "yes"},
		wantErr: `environment variable AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "yes" is not true or false`},
	{row: "AWS_USE_FIPS_ENDPOINT", name: "profile", config: "[default]\nuse_fips_endpoint = true\n", want: func(v *view) { v.UseFIPSEndpoint = true }},
	{row: "AWS_USE_FIPS_ENDPOINT", name: "bad", env: map[string]string{"AWS_USE_FIPS_ENDPOINT": "1"},
		wantErr: `environment variable AWS_USE_FIPS_ENDPOINT: "1" is not true or false`},
	{row: "AWS_USE_DUALSTACK_ENDPOINT", name: "environment", env: map[string]string{"AWS_USE_DUALSTACK_ENDPOINT": "TRUE"}, want: func(v *view) { v.UseDualStackEndpoint = true }},
	{row: "AWS_USE_DUALSTACK_ENDPOINT", name: "bad", config: "[default]\nuse_dualstack_endpoint = on\n",
		wantErr: `$DIR/config:2: use_dualstack_endpoint: "on" is not true or false`},
	{row: "AWS_ACCOUNT_ID_ENDPOINT_MODE", name: "environment", env: map[string]string{"AWS_ACCOUNT_ID_ENDPOINT_MODE": "Disabled"},
		want: func(v *view) { v.AccountIDEndpointMode = aws.AccountIDEndpointModeDisabled }},
	{row: "AWS_ACCOUNT_ID_ENDPOINT_MODE", name: "profile", config: "[default]\naccount_id_endpoint_mode = required\n",
		want: func(v *view) { v.AccountIDEndpointMode = aws.AccountIDEndpointModeRequired }},
	{row: "AWS_ACCOUNT_ID_ENDPOINT_MODE", name: "bad", env: map[string]string{"AWS_ACCOUNT_ID_ENDPOINT_MODE": "sometimes"},
		wantErr: `environment variable AWS_ACCOUNT_ID_ENDPOINT_MODE: account id endpoint mode "sometimes" is not "preferred", "required" or "disabled"`},
	{row: "AWS_MAX_ATTEMPTS", name: "profile", config: "[default]\nmax_attempts = 7\n", want: func(v *view) { v.RetryMaxAttempts = 7 }},
	{row: "AWS_MAX_ATTEMPTS", name: "bad environment", env: map[string]string{"AWS_MAX_ATTEMPTS": "abc"},
		wantErr: `environment variable AWS_MAX_ATTEMPTS: "abc" is not a positive integer`},
	{row: "AWS_MAX_ATTEMPTS", name: "bad profile", config: "[default]\nmax_attempts = banana\n",
		wantErr: `$DIR/config:2: max_attempts: "banana" is not a positive integer`},
	{row: "AWS_RETRY_MODE", name: "environment", env: map[string]string{"AWS_RETRY_MODE": "adaptive"}, want: func(v *view) { v.RetryMode = aws.RetryModeAdaptive }},
	{row: "AWS_RETRY_MODE", name: "bad", env: map[string]string{"AWS_RETRY_MODE": "fast"},
		wantErr: `environment variable AWS_RETRY_MODE: retry mode "fast" is not "standard" or "adaptive"`},
	{row: "AWS_NEW_RETRIES_2026", name: "environment", env: map[string]string{"AWS_NEW_RETRIES_2026": "false"}, want: func(v *view) { v.NewRetries2026 = aws.FalseTernary }},
	{row: "AWS_NEW_RETRIES_2026", name: "profile", config: "[default]\nnew_retries_2026 = false\n", want: func(v *view) { v.NewRetries2026 = aws.FalseTernary }},
	{row: "AWS_NEW_RETRIES_2026", name: "bad", env: map[string]string{"AWS_NEW_RETRIES_2026": "maybe"},
		wantErr: `environment variable AWS_NEW_RETRIES_2026: "maybe" is not true or false`},
	{row: "AWS_SDK_UA_APP_ID", name: "profile", config: "[default]\nsdk_ua_app_id = my-app\n", want: func(v *view) { v.AppID = "my-app" }},
	{row: "AWS_SDK_UA_APP_ID", name: "too long", env: map[string]string{"AWS_SDK_UA_APP_ID": strings.Repeat("x", 51)},
		wantErr: "environment variable AWS_SDK_UA_APP_ID: the app id is 51 characters long, at most 50 are allowed"},
	{row: "AWS_DISABLE_REQUEST_COMPRESSION", name: "profile", config: "[default]\ndisable_request_compression = true\n", want: func(v *view) { v.DisableRequestCompression = true }},
	{row: "AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", name: "environment", env: map[string]string{"AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES": "100"}, want: func(v *view) { v.RequestMinCompressSizeBytes = 100 }},
	{row: "AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", name: "too big", config: "[default]\nrequest_min_compression_size_bytes = 10485761\n",
		wantErr: `$DIR/config:2: request_min_compression_size_bytes: "10485761" is not an integer from 0 to 10485760`},
	{row: "AWS_CA_BUNDLE", name: "missing file", env: map[string]string{"AWS_CA_BUNDLE": "$DIR/nope.pem"},
		wantErr: "environment variable AWS_CA_BUNDLE: CA bundle: stat $DIR/nope.pem: no such file or directory"},
	{row: "AWS_EC2_METADATA_DISABLED", name: "bad", env: map[string]string{"AWS_EC2_METADATA_DISABLED": "1"},
		wantErr: `environment variable AWS_EC2_METADATA_DISABLED: "1" is not true or false`},
	{row: "AWS_EC2_METADATA_SERVICE_ENDPOINT", name: "bad", config: "[default]\nec2_metadata_service_endpoint = 169.254.169.254\n",
		wantErr: `$DIR/config:2: ec2_metadata_service_endpoint: "169.254.169.254" is not an absolute http(s) URL`},
	{row: "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", name: "bad", env: map[string]string{"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE": "v6"},
		wantErr: `environment variable AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: "v6" is not IPv4 or IPv6`},
	{row: "AWS_EC2_METADATA_V1_DISABLED", name: "bad", config: "[default]\nec2_metadata_v1_disabled = yes\n",
		wantErr: `$DIR/config:2: ec2_metadata_v1_disabled: "yes" is not true or false`},
	{row: "AWS_CA_BUNDLE", name: "no certificate", config: "[default]\nca_bundle = $DIR/config\n",
		wantErr: "$DIR/config:2: ca_bundle: CA bundle $DIR/config holds no PEM certificate"},
}

// Every row of the table, through appstream.New and through
// config.LoadDefaultConfig + NewFromConfig: the same options, or the same
// error text.
func TestEveryRowSameThroughBothEntryPoints(t *testing.T) {
	covered := map[string]bool{}
	for _, tc := range rowCases {
		covered[tc.row] = true
		t.Run(tc.row+"/"+tc.name, func(t *testing.T) {
			dir := isolate(t)
			expand := func(s string) string { return strings.ReplaceAll(s, "$DIR", dir) }
			t.Setenv("AWS_REGION", "us-east-1")
			for k, v := range tc.env {
				t.Setenv(k, expand(v))
			}
			if err := os.WriteFile(filepath.Join(dir, "config"), []byte(expand(tc.config)), 0o600); err != nil {
				t.Fatal(err)
			}
			viaNew, errNew := throughNew(tc.service)
			viaConfig, errConfig := throughConfig(tc.service)
			if tc.wantErr != "" {
				want := expand(tc.wantErr)
				if errConfig == nil || errConfig.Error() != want {
					t.Errorf("LoadDefaultConfig: err = %v\nwant %s", errConfig, want)
				}
				if errNew == nil || !strings.HasSuffix(errNew.Error(), ", "+want) {
					t.Errorf("New: err = %v\nwant it to end with %s", errNew, want)
				}
				return
			}
			if errNew != nil || errConfig != nil {
				t.Fatalf("New: %v; LoadDefaultConfig: %v", errNew, errConfig)
			}
			want := view{Region: os.Getenv("AWS_REGION"), RetryMaxAttempts: 3, RetryMode: aws.RetryModeStandard, NewRetries2026: aws.TrueTernary, RequestMinCompressSizeBytes: 10240}
			tc.want(&want)
			if d := cmp.Diff(want, viaNew); d != "" {
				t.Errorf("New (-want +got):\n%s", d)
			}
			if d := cmp.Diff(want, viaConfig); d != "" {
				t.Errorf("LoadDefaultConfig (-want +got):\n%s", d)
			}
		})
	}
	for _, s := range settings.Table {
		name := s.Env
		if name == "" {
			name = s.Key
		}
		if !covered[name] {
			t.Errorf("table row %q has no case", name)
		}
	}
}

// throughNew builds a client with no options; a settings error is what
// its first call returns (before any I/O).
func throughNew(service string) (view, error) {
	ctx := context.Background()
	if service == "workspaces" {
		c := workspaces.New(workspaces.Options{})
		if _, err := c.DescribeWorkspaceImages(ctx, nil, func(o *workspaces.Options) { o.BaseEndpoint, o.Retryer = aws.String("http://127.0.0.1:1"), retry.Nop() }); isSettingsError(err) {
			return view{}, err
		}
		return viewOf(appstream.Options(c.Options())), nil
	}
	c := appstream.New(appstream.Options{})
	if _, err := c.DescribeFleets(ctx, nil, func(o *appstream.Options) { o.BaseEndpoint, o.Retryer = aws.String("http://127.0.0.1:1"), retry.Nop() }); isSettingsError(err) {
		return view{}, err
	}
	return viewOf(c.Options()), nil
}

// isSettingsError tells a settings error from the connection refused that
// a call with good settings gets from 127.0.0.1:1.
func isSettingsError(err error) bool {
	var send *pipeline.RequestSendError
	var creds *pipeline.CredentialsError
	var ep *pipeline.EndpointError
	return err != nil && !errors.As(err, &send) && !errors.As(err, &creds) && !errors.As(err, &ep)
}

func throughConfig(service string) (view, error) {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		return view{}, err
	}
	if service == "workspaces" {
		return viewOf(appstream.Options(workspaces.NewFromConfig(cfg).Options())), nil
	}
	return viewOf(appstream.NewFromConfig(cfg).Options()), nil
}

// A TLS endpoint trusted only through AWS_CA_BUNDLE or the profile's
// ca_bundle is reachable through both entry points.
func TestCABundle(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		io.WriteString(w, `{"Fleets":[]}`)
	}))
	defer srv.Close()
	for _, where := range []string{"environment", "profile"} {
		t.Run(where, func(t *testing.T) {
			dir := isolate(t)
			bundle := filepath.Join(dir, "ca.pem")
			pemBytes := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw})
			if err := os.WriteFile(bundle, pemBytes, 0o600); err != nil {
				t.Fatal(err)
			}
			cfgText := fmt.Sprintf("[default]\nregion = us-east-1\nendpoint_url = %s\naws_access_key_id = AKID\naws_secret_access_key = s\n", srv.URL)
			if where == "environment" {
				t.Setenv("AWS_CA_BUNDLE", bundle)
			} else {
				cfgText += "ca_bundle = " + bundle + "\n"
			}
			if err := os.WriteFile(filepath.Join(dir, "config"), []byte(cfgText), 0o600); err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			if _, err := appstream.New(appstream.Options{}).DescribeFleets(ctx, nil); err != nil {
				t.Errorf("New: %v", err)
			}
			cfg, err := config.LoadDefaultConfig(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := appstream.NewFromConfig(cfg).DescribeFleets(ctx, nil); err != nil {
				t.Errorf("LoadDefaultConfig: %v", err)
			}
		})
	}
	// Without the bundle the same endpoint is refused.
	dir := isolate(t)
	os.WriteFile(filepath.Join(dir, "config"), []byte(fmt.Sprintf("[default]\nregion = us-east-1\nendpoint_url = %s\naws_access_key_id = AKID\naws_secret_access_key = s\n", srv.URL)), 0o600)
	if _, err := appstream.New(appstream.Options{}).DescribeFleets(context.Background(), nil); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("without a CA bundle: %v", err)
	}
}

// The README's Credentials section holds CredentialsTable as Markdown
// renders it.
func TestREADMECredentialsTableMatches(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- credentials table: begin (generated from internal/settings.CredentialsTable; go test ./internal/settings -update) -->\n", "<!-- credentials table: end -->"
	s := string(b)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the markers %q and %q", begin, end)
	}
	if got, want := s[i+len(begin):j], settings.CredentialsMarkdown(); got != want {
		if *update {
			if err := os.WriteFile("../../README.md", []byte(s[:i+len(begin)]+want+s[j:]), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("README.md's credentials table differs from settings.CredentialsTable (run go test ./internal/settings -update):\n%s", cmp.Diff(want, got))
	}
}

// The README's Configuration section holds the table as Markdown renders it.
func TestREADMEConfigurationTableMatches(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- settings table: begin (generated from internal/settings.Table; go test ./internal/settings -update) -->\n", "<!-- settings table: end -->"
	s := string(b)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the markers %q and %q", begin, end)
	}
	got := s[i+len(begin) : j]
	if want := settings.Markdown(); got != want {
		if *update {
			if err := os.WriteFile("../../README.md", []byte(s[:i+len(begin)]+want+s[j:]), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("README.md's settings table differs from settings.Table (run go test ./internal/settings -update):\n%s", cmp.Diff(want, got))
	}
}
