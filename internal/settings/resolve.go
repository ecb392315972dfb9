package settings

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/internal/settings/ini"
)

// Explicit holds what the caller set in code; zero values are unset.
type Explicit struct {
	// ServiceID selects the service-specific endpoint settings, e.g.
	// "AppStream"; "" resolves the global endpoint only (the service's is
	// then asked for with Resolved.EndpointFor).
	ServiceID string

	Profile          string
	ConfigFiles      []string
	CredentialsFiles []string

	Region                      string
	BaseEndpoint                *string
	UseFIPSEndpoint             bool
	UseDualStackEndpoint        bool
	AccountIDEndpointMode       aws.AccountIDEndpointMode
	RetryMaxAttempts            int
	RetryMode                   aws.RetryMode
	NewRetries2026              aws.Ternary
	AppID                       string
	DisableRequestCompression   bool
	RequestMinCompressSizeBytes int64
	HTTPClient                  aws.HTTPClient
	Credentials                 aws.CredentialsProvider
}

// Resolved is the outcome of Load: the explicit values, else the
// environment's, else the profile's; zero where none set a value.
type Resolved struct {
	Region                      string
	BaseEndpoint                *string
	UseFIPSEndpoint             bool
	UseDualStackEndpoint        bool
	AccountIDEndpointMode       aws.AccountIDEndpointMode
	RetryMaxAttempts            int
	RetryMode                   aws.RetryMode
	NewRetries2026              aws.Ternary
	AppID                       string
	DisableRequestCompression   bool
	RequestMinCompressSizeBytes int64
	// HTTPClient is the explicit client, or one that trusts only the CA
	// bundle; nil means the default client.
	HTTPClient aws.HTTPClient
	// Credentials is the explicit provider, or the default chain.
	Credentials aws.CredentialsProvider
	// CredentialsSource names what the profile describes: "environment",
	// "static", "process", or a kind this module does not build yet
	// ("assume-role", "sso", "web-identity"), or "" for none.
	CredentialsSource string
	// Files are the shared files and profile that were read.
	Files credentials.SharedFilesOptions

	// The EC2 instance metadata service settings, read by
	// imds.NewFromConfig through EC2IMDSSettings.
	EC2IMDSEndpoint     string
	EC2IMDSEndpointMode string
	EC2IMDSV1Disabled   bool
	EC2IMDSDisabled     bool

	explicitEndpoint bool
	ignoreConfigured bool
	profile          ini.Profile
}

// Load resolves every setting of Table. A malformed value, a named profile
// that does not exist, an unreadable or non-regular shared file and an
// unusable CA bundle are errors naming the variable, or the file and line.
func Load(e Explicit) (*Resolved, error) {
	files := credentials.SharedFilesOptions{
		Profile:          e.Profile,
		ConfigFiles:      e.ConfigFiles,
		CredentialsFiles: e.CredentialsFiles,
	}.Resolve()
	prof, err := loadProfile(files.ConfigFiles, files.CredentialsFiles, files.Profile)
	if err != nil {
		return nil, err
	}
	if (e.Profile != "" || os.Getenv(ini.EnvProfile) != "") && !prof.Found {
		return nil, fmt.Errorf("shared config profile %q not found in %s", files.Profile,
			strings.Join(append(append([]string(nil), files.ConfigFiles...), files.CredentialsFiles...), ", "))
	}
	s := source{profile: prof}
	r := &Resolved{Files: files, profile: prof}

	r.Region = e.Region
	if r.Region == "" {
		r.Region, _ = s.lookup("AWS_REGION", "")
	}
	if r.Region == "" {
		r.Region, _ = s.lookup("AWS_DEFAULT_REGION", "region")
	}
	if r.ignoreConfigured, err = s.boolean("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "ignore_configured_endpoint_urls"); err != nil {
		return nil, err
	}
	if e.BaseEndpoint != nil {
		r.BaseEndpoint, r.explicitEndpoint = e.BaseEndpoint, true
	} else if r.BaseEndpoint, err = r.configuredEndpoint(e.ServiceID); err != nil {
		return nil, err
	}
	if e.ServiceID == "" && !r.explicitEndpoint {
		// Check every service's URL now, so that a bad one fails here and
		// not later in one client.
		for _, id := range []string{"AppStream", "WorkSpaces"} {
			if _, err := r.configuredEndpoint(id); err != nil {
				return nil, err
			}
		}
	}
	if r.UseFIPSEndpoint = e.UseFIPSEndpoint; !r.UseFIPSEndpoint {
		if r.UseFIPSEndpoint, err = s.boolean("AWS_USE_FIPS_ENDPOINT", "use_fips_endpoint"); err != nil {
			return nil, err
		}
	}
	if r.UseDualStackEndpoint = e.UseDualStackEndpoint; !r.UseDualStackEndpoint {
		if r.UseDualStackEndpoint, err = s.boolean("AWS_USE_DUALSTACK_ENDPOINT", "use_dualstack_endpoint"); err != nil {
			return nil, err
		}
	}
	if r.AccountIDEndpointMode = e.AccountIDEndpointMode; r.AccountIDEndpointMode == "" {
		if r.AccountIDEndpointMode, err = s.accountIDEndpointMode(); err != nil {
			return nil, err
		}
	}
	if r.RetryMaxAttempts = e.RetryMaxAttempts; r.RetryMaxAttempts == 0 {
		if r.RetryMaxAttempts, err = s.intRange("AWS_MAX_ATTEMPTS", "max_attempts", 1, 1<<31-1, "a positive integer"); err != nil {
			return nil, err
		}
	}
	if r.NewRetries2026 = e.NewRetries2026; r.NewRetries2026 == aws.UnknownTernary {
		if r.NewRetries2026, err = s.ternary("AWS_NEW_RETRIES_2026", "new_retries_2026"); err != nil {
			return nil, err
		}
	}
	if r.RetryMode = e.RetryMode; r.RetryMode == "" {
		if r.RetryMode, err = s.retryMode(); err != nil {
			return nil, err
		}
	}
	if r.AppID = e.AppID; r.AppID == "" {
		v, origin := s.lookup("AWS_SDK_UA_APP_ID", "sdk_ua_app_id")
		if len(v) > 50 {
			return nil, fmt.Errorf("%s: the app id is %d characters long, at most 50 are allowed", origin, len(v))
		}
		r.AppID = v
	}
	if r.DisableRequestCompression = e.DisableRequestCompression; !r.DisableRequestCompression {
		if r.DisableRequestCompression, err = s.boolean("AWS_DISABLE_REQUEST_COMPRESSION", "disable_request_compression"); err != nil {
			return nil, err
		}
	}
	if r.RequestMinCompressSizeBytes = e.RequestMinCompressSizeBytes; r.RequestMinCompressSizeBytes == 0 {
		n, err := s.intRange("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "request_min_compression_size_bytes", 0, 10485760, "an integer from 0 to 10485760")
		if err != nil {
			return nil, err
		}
		r.RequestMinCompressSizeBytes = int64(n)
	}
	if r.HTTPClient = e.HTTPClient; r.HTTPClient == nil {
		path, origin := s.lookup("AWS_CA_BUNDLE", "ca_bundle")
		if path != "" {
			if r.HTTPClient, err = caBundleClient(path, origin); err != nil {
				return nil, err
			}
		}
	}
	if err := r.loadIMDS(s); err != nil {
		return nil, err
	}
	r.CredentialsSource = credentialsSource(prof)
	if r.Credentials = e.Credentials; r.Credentials == nil {
		r.Credentials = credentials.NewDefaultChain(files)
	}
	return r, nil
}

func (r *Resolved) loadIMDS(s source) error {
	var err error
	if r.EC2IMDSDisabled, err = s.boolean("AWS_EC2_METADATA_DISABLED", ""); err != nil {
		return err
	}
	if r.EC2IMDSV1Disabled, err = s.boolean("AWS_EC2_METADATA_V1_DISABLED", "ec2_metadata_v1_disabled"); err != nil {
		return err
	}
	v, origin := s.lookup("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "ec2_metadata_service_endpoint_mode")
	switch strings.ToLower(v) {
	case "":
	case "ipv4":
		r.EC2IMDSEndpointMode = "IPv4"
	case "ipv6":
		r.EC2IMDSEndpointMode = "IPv6"
	default:
		return fmt.Errorf("%s: %q is not IPv4 or IPv6", origin, v)
	}
	v, origin = s.lookup("AWS_EC2_METADATA_SERVICE_ENDPOINT", "ec2_metadata_service_endpoint")
	if v != "" {
		if u, err := url.Parse(v); err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
			return fmt.Errorf("%s: %q is not an absolute http(s) URL", origin, v)
		}
		r.EC2IMDSEndpoint = v
	}
	return nil
}

// EC2IMDSSettings are the IMDS settings, for imds.NewFromConfig.
func (r *Resolved) EC2IMDSSettings() (endpoint, mode string, v1Disabled, disabled bool) {
	return r.EC2IMDSEndpoint, r.EC2IMDSEndpointMode, r.EC2IMDSV1Disabled, r.EC2IMDSDisabled
}

// EndpointFor returns the endpoint of the service with Smithy service id
// serviceID: the explicit one, else the service's environment variable,
// AWS_ENDPOINT_URL, the profile's services section, the profile's
// endpoint_url. Load has already checked every one of them.
func (r *Resolved) EndpointFor(serviceID string) *string {
	if r.explicitEndpoint {
		return r.BaseEndpoint
	}
	ep, _ := r.configuredEndpoint(serviceID)
	return ep
}

func (r *Resolved) configuredEndpoint(serviceID string) (*string, error) {
	if r.ignoreConfigured {
		return nil, nil
	}
	s := source{profile: r.profile}
	var v, origin string
	if serviceID != "" {
		env := "AWS_ENDPOINT_URL_" + strings.ToUpper(strings.ReplaceAll(serviceID, " ", "_"))
		v, origin = s.lookup(env, "")
	}
	if v == "" {
		v, origin = s.lookup("AWS_ENDPOINT_URL", "")
	}
	if v == "" && serviceID != "" {
		key := strings.ToLower(strings.ReplaceAll(serviceID, " ", "_"))
		if sv, ok := r.profile.Service(key, "endpoint_url"); ok && sv.Value != "" {
			v, origin = sv.Value, fmt.Sprintf("%s:%d: services %s endpoint_url", sv.File, sv.Line, key)
		}
	}
	if v == "" {
		v, origin = s.lookup("", "endpoint_url")
	}
	if v == "" {
		return nil, nil
	}
	u, err := url.Parse(v)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		shown := v
		if err == nil {
			shown = u.Redacted()
		} else if strings.Contains(v, "@") {
			shown = "(unparsable, may hold a password)"
		}
		return nil, fmt.Errorf("%s: %q is not an absolute http(s) URL", origin, shown)
	}
	return &v, nil
}

// credentialsSource names the kind of credentials a profile describes.
func credentialsSource(p ini.Profile) string {
	switch {
	case os.Getenv("AWS_ACCESS_KEY_ID") != "":
		return "environment"
	case p.String("aws_access_key_id") != "":
		return "static"
	case p.String("credential_process") != "":
		return "process"
	case p.String("role_arn") != "":
		return "assume-role"
	case p.String("sso_session") != "" || p.String("sso_start_url") != "":
		return "sso"
	case p.String("web_identity_token_file") != "":
		return "web-identity"
	}
	return ""
}

// source reads a setting from the environment, else the profile, and says
// where it came from when the value is bad.
type source struct{ profile ini.Profile }

func (s source) lookup(env, key string) (value, origin string) {
	if env != "" {
		if v := os.Getenv(env); v != "" {
			return v, "environment variable " + env
		}
	}
	if key != "" {
		if v, ok := s.profile.Get(key); ok && v.Value != "" {
			return v.Value, fmt.Sprintf("%s:%d: %s", v.File, v.Line, key)
		}
	}
	return "", ""
}

// ternary is boolean for a setting whose absence is not false: unset stays
// aws.UnknownTernary so that the client applies its own default.
func (s source) ternary(env, key string) (aws.Ternary, error) {
	v, origin := s.lookup(env, key)
	switch strings.ToLower(v) {
	case "":
		return aws.UnknownTernary, nil
	case "false":
		return aws.FalseTernary, nil
	case "true":
		return aws.TrueTernary, nil
	}
	return aws.UnknownTernary, fmt.Errorf("%s: %q is not true or false", origin, v)
}

func (s source) boolean(env, key string) (bool, error) {
	v, origin := s.lookup(env, key)
	switch strings.ToLower(v) {
	case "", "false":
		return false, nil
	case "true":
		return true, nil
	}
	return false, fmt.Errorf("%s: %q is not true or false", origin, v)
}

func (s source) intRange(env, key string, lo, hi int, what string) (int, error) {
	v, origin := s.lookup(env, key)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("%s: %q is not %s", origin, v, what)
	}
	return n, nil
}

func (s source) retryMode() (aws.RetryMode, error) {
	return oneOf(s, "AWS_RETRY_MODE", "retry_mode", "retry mode", aws.RetryModeStandard, aws.RetryModeAdaptive)
}

func (s source) accountIDEndpointMode() (aws.AccountIDEndpointMode, error) {
	return oneOf(s, "AWS_ACCOUNT_ID_ENDPOINT_MODE", "account_id_endpoint_mode", "account id endpoint mode",
		aws.AccountIDEndpointModePreferred, aws.AccountIDEndpointModeRequired, aws.AccountIDEndpointModeDisabled)
}

// oneOf reads a setting that is one of a few words, in any case; "" when
// unset. The error names the setting's origin, what it is and the words.
func oneOf[T ~string](s source, env, key, what string, words ...T) (T, error) {
	v, origin := s.lookup(env, key)
	if m := T(strings.ToLower(v)); m == "" || slices.Contains(words, m) {
		return m, nil
	}
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = strconv.Quote(string(w))
	}
	last := len(quoted) - 1
	return "", fmt.Errorf("%s: %s %q is not %s or %s", origin, what, v, strings.Join(quoted[:last], ", "), quoted[last])
}

// DefaultHTTPClient is the client of every client that sets none.
//
// It never follows redirects: a redirect would resend the signed headers
// (the session token among them) and, on 307 and 308, the body to a host
// the caller never chose, and the other host's answer would then be
// decoded as the service's. The pipeline returns the 3xx as an error.
var DefaultHTTPClient = NewHTTPClient(nil)

// NewHTTPClient returns a client with the default client's settings that
// trusts roots, or the system's roots when roots is nil.
func NewHTTPClient(roots *x509.CertPool) *http.Client {
	t := &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   100,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
	if roots != nil {
		t.TLSClientConfig = &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12}
	}
	return &http.Client{CheckRedirect: refuseRedirect, Transport: t}
}

func refuseRedirect(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// caBundleClients keeps one client (and so one connection pool) per CA
// bundle file version, so clients built with the same bundle share it.
var caBundleClients sync.Map // caBundleKey → *http.Client

type caBundleKey struct {
	path string
	size int64
	mod  time.Time
}

// caBundleClient returns a client that trusts only the certificates of the
// PEM file at path, as aws-sdk-go-v2 does with AWS_CA_BUNDLE.
func caBundleClient(path, origin string) (*http.Client, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: CA bundle: %w", origin, err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: CA bundle %s is not a regular file", origin, path)
	}
	key := caBundleKey{path, st.Size(), st.ModTime()}
	if c, ok := caBundleClients.Load(key); ok {
		return c.(*http.Client), nil
	}
	pem, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: CA bundle: %w", origin, err)
	}
	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("%s: CA bundle %s holds no PEM certificate", origin, path)
	}
	c := NewHTTPClient(roots)
	caBundleClients.Store(key, c)
	return c, nil
}
