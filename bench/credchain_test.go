package bench

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	v2config "github.com/aws/aws-sdk-go-v2/config"

	"github.com/eucsdk/eucsdk/config"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/internal/testkit/awsenv"
)

// The same environment and shared files go to aws-sdk-go-v2's
// config.LoadDefaultConfig and to ours; the provider each picks (the
// credentials' Source), the key it yields from the fakes below, and the
// class of any error must agree.
//
// Each fake makes the key name the whole chain: IMDS answers ASIAIMDS, the
// container endpoint ASIACONTAINER, STS's AssumeRole "R-<role>-<signing
// key>" (so a chain of roles nests), AssumeRoleWithWebIdentity
// "W-<role>-<token>", SSO's GetRoleCredentials "S-<account>".

var stsKeyRE = regexp.MustCompile(`Credential=([^/]+)/`)

func credFakes(t *testing.T) (imdsURL, containerURL, stsURL, ssoURL string) {
	t.Helper()
	imds := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/latest/api/token":
			w.Header().Set("X-Aws-Ec2-Metadata-Token-Ttl-Seconds", "21600")
			io.WriteString(w, "IMDSTOKEN")
		case "/latest/meta-data/iam/security-credentials/", "/latest/meta-data/iam/security-credentials":
			io.WriteString(w, "role")
		case "/latest/meta-data/iam/security-credentials/role":
			io.WriteString(w, `{"Code": "Success", "AccessKeyId": "ASIAIMDS", "SecretAccessKey": "s", "Token": "t", "Expiration": "2099-01-01T00:00:00Z"}`)
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	container := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"AccessKeyId": "ASIACONTAINER", "SecretAccessKey": "s", "Token": "t", "Expiration": "2099-01-01T00:00:00Z"}`)
	}))
	sts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		role := r.Form.Get("RoleArn")
		role = role[strings.LastIndex(role, "/")+1:]
		var key string
		switch action := r.Form.Get("Action"); action {
		case "AssumeRole":
			m := stsKeyRE.FindStringSubmatch(r.Header.Get("Authorization"))
			if m == nil {
				w.WriteHeader(http.StatusForbidden)
				return
			}
			key = "R-" + role + "-" + m[1]
		case "AssumeRoleWithWebIdentity":
			key = "W-" + role + "-" + r.Form.Get("WebIdentityToken")
		default:
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/xml")
		fmt.Fprintf(w, `<%[1]sResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><%[1]sResult><Credentials><AccessKeyId>%[2]s</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::1:assumed-role/x/y</Arn><AssumedRoleId>AROA:y</AssumedRoleId></AssumedRoleUser></%[1]sResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></%[1]sResponse>`,
			r.Form.Get("Action"), key)
	}))
	sso := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Amz-Sso_bearer_token") != "SSOTOKEN" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"roleCredentials": {"accessKeyId": "S-%s", "secretAccessKey": "s", "sessionToken": "t", "expiration": 4070908800000}}`, r.URL.Query().Get("account_id"))
	}))
	for _, s := range []*httptest.Server{imds, container, sts, sso} {
		t.Cleanup(s.Close)
	}
	return imds.URL, container.URL, sts.URL, sso.URL
}

type credCase struct {
	name    string
	env     map[string]string // "$X" expands to the fakes' URLs and the test's directory
	config  string
	creds   string
	profile string // WithSharedConfigProfile
	wantKey string // "" when an error is expected
	wantErr string // the class both must report
}

var credCases = []credCase{
	{name: "environment", env: map[string]string{"AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "s"},
		config: "[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = s\n", wantKey: "ENVKEY"},
	{name: "environment over AWS_PROFILE", env: map[string]string{"AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "s", "AWS_PROFILE": "p"},
		config: "[profile p]\naws_access_key_id = FILEKEY\naws_secret_access_key = s\n", wantKey: "ENVKEY"},
	{name: "profile in code over environment", env: map[string]string{"AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "s"}, profile: "p",
		config: "[profile p]\naws_access_key_id = FILEKEY\naws_secret_access_key = s\n", wantKey: "FILEKEY"},
	{name: "static profile, config file", config: "[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = s\n", wantKey: "FILEKEY"},
	{name: "static profile, credentials file over config file", config: "[default]\naws_access_key_id = CFGKEY\naws_secret_access_key = s\n",
		creds: "[default]\naws_access_key_id = CREDKEY\naws_secret_access_key = s\n", wantKey: "CREDKEY"},
	{name: "process", config: "[default]\ncredential_process = echo '{\"Version\": 1, \"AccessKeyId\": \"PROCKEY\", \"SecretAccessKey\": \"s\"}'\n", wantKey: "PROCKEY"},
	{name: "keys over process", config: "[default]\ncredential_process = false\naws_access_key_id = FILEKEY\naws_secret_access_key = s\n", wantKey: "FILEKEY"},
	{name: "container", env: map[string]string{"AWS_CONTAINER_CREDENTIALS_FULL_URI": "$CONTAINER/creds"}, wantKey: "ASIACONTAINER"},
	{name: "container over IMDS", env: map[string]string{"AWS_CONTAINER_CREDENTIALS_FULL_URI": "$CONTAINER/creds", "AWS_EC2_METADATA_DISABLED": "", "AWS_EC2_METADATA_SERVICE_ENDPOINT": "$IMDS"}, wantKey: "ASIACONTAINER"},
	{name: "profile over container", env: map[string]string{"AWS_CONTAINER_CREDENTIALS_FULL_URI": "$CONTAINER/creds"},
		config: "[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = s\n", wantKey: "FILEKEY"},
	{name: "container host not allowed", env: map[string]string{"AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://192.0.2.1/creds"}, wantErr: "load"},
	{name: "IMDS", env: map[string]string{"AWS_EC2_METADATA_DISABLED": "", "AWS_EC2_METADATA_SERVICE_ENDPOINT": "$IMDS"}, wantKey: "ASIAIMDS"},
	{name: "IMDS endpoint from the profile", env: map[string]string{"AWS_EC2_METADATA_DISABLED": ""}, config: "[default]\nec2_metadata_service_endpoint = $IMDS\n", wantKey: "ASIAIMDS"},
	{name: "nothing anywhere (IMDS disabled)", wantErr: "retrieve"},
	{name: "assume role, source_profile", profile: "a", config: "[profile a]\nrole_arn = arn:aws:iam::1:role/ra\nsource_profile = b\n[profile b]\naws_access_key_id = BKEY\naws_secret_access_key = s\n",
		wantKey: "R-ra-BKEY"},
	{name: "assume role, chain of two", profile: "a", config: "[profile a]\nrole_arn = arn:aws:iam::1:role/ra\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/rb\nsource_profile = c\n[profile c]\naws_access_key_id = CKEY\naws_secret_access_key = s\n",
		wantKey: "R-ra-R-rb-CKEY"},
	{name: "assume role, source with keys and its own role", profile: "a", config: "[profile a]\nrole_arn = arn:aws:iam::1:role/ra\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/rb\nsource_profile = c\naws_access_key_id = BKEY\naws_secret_access_key = s\n",
		wantKey: "R-ra-R-rb-BKEY"},
	{name: "assume role, credential_source Environment", profile: "a", env: map[string]string{"AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "s"},
		config: "[profile a]\nrole_arn = arn:aws:iam::1:role/ra\ncredential_source = Environment\n", wantKey: "R-ra-ENVKEY"},
	{name: "assume role, credential_source Ec2InstanceMetadata", env: map[string]string{"AWS_EC2_METADATA_DISABLED": "", "AWS_EC2_METADATA_SERVICE_ENDPOINT": "$IMDS"},
		config: "[default]\nrole_arn = arn:aws:iam::1:role/ra\ncredential_source = Ec2InstanceMetadata\n", wantKey: "R-ra-ASIAIMDS"},
	{name: "assume role, credential_source EcsContainer", env: map[string]string{"AWS_CONTAINER_CREDENTIALS_FULL_URI": "$CONTAINER/creds"},
		config: "[default]\nrole_arn = arn:aws:iam::1:role/ra\ncredential_source = EcsContainer\n", wantKey: "R-ra-ASIACONTAINER"},
	{name: "web identity, environment", env: map[string]string{"AWS_WEB_IDENTITY_TOKEN_FILE": "$DIR/token", "AWS_ROLE_ARN": "arn:aws:iam::1:role/rw", "AWS_ROLE_SESSION_NAME": "s"},
		wantKey: "W-rw-WEBTOKEN"},
	{name: "web identity, profile", config: "[default]\nweb_identity_token_file = $DIR/token\nrole_arn = arn:aws:iam::1:role/rw\nrole_session_name = s\n", wantKey: "W-rw-WEBTOKEN"},
	{name: "SSO session", config: "[default]\nsso_session = dev\nsso_account_id = 111122223333\nsso_role_name = r\n[sso-session dev]\nsso_region = us-east-1\nsso_start_url = https://d.awsapps.com/start\n",
		wantKey: "S-111122223333"},
	{name: "cycle", profile: "a", config: "[profile a]\nrole_arn = arn:aws:iam::1:role/ra\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/rb\nsource_profile = a\n", wantErr: "assume-role-source"},
	{name: "missing source profile", profile: "a", config: "[profile a]\nrole_arn = arn:aws:iam::1:role/ra\nsource_profile = nope\n", wantErr: "assume-role-source"},
	{name: "source profile without credentials", profile: "a", config: "[profile a]\nrole_arn = arn:aws:iam::1:role/ra\nsource_profile = b\n[profile b]\nregion = us-east-1\n", wantErr: "assume-role-source"},
	{name: "source_profile without role_arn", profile: "a", config: "[profile a]\nsource_profile = b\n[profile b]\naws_access_key_id = BKEY\naws_secret_access_key = s\n", wantErr: "requires-arn"},
	{name: "mfa_serial without a token provider", profile: "a", config: "[profile a]\nrole_arn = arn:aws:iam::1:role/ra\nsource_profile = a\nmfa_serial = arn:aws:iam::1:mfa/u\naws_access_key_id = AKEY\naws_secret_access_key = s\n", wantErr: "load"},
	{name: "named profile missing", profile: "nope", wantErr: "load"},
	{name: "SSO session section missing", config: "[default]\nsso_session = dev\nsso_account_id = 1\nsso_role_name = r\n", wantErr: "load"},
}

// errClass names an error the way both SDKs can be compared.
func errClass(err error, v2 bool) string {
	if err == nil {
		return ""
	}
	if v2 {
		var ar v2config.SharedConfigAssumeRoleError
		var arn v2config.CredentialRequiresARNError
		switch {
		case errors.As(err, &ar):
			return "assume-role-source"
		case errors.As(err, &arn):
			return "requires-arn"
		}
		return "load"
	}
	var ar *config.SharedConfigAssumeRoleError
	var arn *config.CredentialRequiresARNError
	switch {
	case errors.As(err, &ar):
		return "assume-role-source"
	case errors.As(err, &arn):
		return "requires-arn"
	}
	return "load"
}

func TestCredentialChainSameAsV2(t *testing.T) {
	imdsURL, containerURL, stsURL, ssoURL := credFakes(t)
	for _, tc := range credCases {
		t.Run(tc.name, func(t *testing.T) {
			env := awsenv.Clean(t)
			dir := t.TempDir()
			expand := strings.NewReplacer("$IMDS", imdsURL, "$CONTAINER", containerURL, "$DIR", dir).Replace
			t.Setenv("AWS_REGION", "us-east-1")
			// v2 computes its default file names from HOME once, at init.
			t.Setenv("AWS_CONFIG_FILE", env.ConfigFile)
			t.Setenv("AWS_SHARED_CREDENTIALS_FILE", env.CredentialsFile)
			t.Setenv("AWS_ENDPOINT_URL_STS", stsURL)
			t.Setenv("AWS_ENDPOINT_URL_SSO", ssoURL)
			os.WriteFile(filepath.Join(dir, "token"), []byte("WEBTOKEN"), 0o600)
			// The SSO token cache, as aws sso login leaves it.
			sum := sha1.Sum([]byte("dev"))
			os.MkdirAll(filepath.Join(env.Home, ".aws", "sso", "cache"), 0o700)
			os.WriteFile(filepath.Join(env.Home, ".aws", "sso", "cache", hex.EncodeToString(sum[:])+".json"),
				[]byte(`{"accessToken": "SSOTOKEN", "expiresAt": "2099-01-01T00:00:00Z", "region": "us-east-1", "startUrl": "https://d.awsapps.com/start"}`), 0o600)
			for k, v := range tc.env {
				t.Setenv(k, expand(v))
			}
			os.WriteFile(env.ConfigFile, []byte(expand(tc.config)), 0o600)
			os.WriteFile(env.CredentialsFile, []byte(expand(tc.creds)), 0o600)

			ctx := context.Background()
			var v2Opts []func(*v2config.LoadOptions) error
			var ourOpts []func(*config.LoadOptions) error
			if tc.profile != "" {
				v2Opts = append(v2Opts, v2config.WithSharedConfigProfile(tc.profile))
				ourOpts = append(ourOpts, config.WithSharedConfigProfile(tc.profile))
			}
			var v2Key, v2Src, v2ErrClass string
			v2cfg, err := v2config.LoadDefaultConfig(ctx, v2Opts...)
			if err == nil {
				c, rerr := v2cfg.Credentials.Retrieve(ctx)
				v2Key, v2Src = c.AccessKeyID, c.Source
				if rerr != nil {
					v2ErrClass = "retrieve"
				}
			} else {
				v2ErrClass = errClass(err, true)
			}
			if v2Key != tc.wantKey || v2ErrClass != tc.wantErr {
				t.Fatalf("aws-sdk-go-v2: key %q, error class %q (%v); the case expects %q, %q", v2Key, v2ErrClass, err, tc.wantKey, tc.wantErr)
			}

			var ourKey, ourSrc, ourErrClass string
			cfg, err := config.LoadDefaultConfig(ctx, ourOpts...)
			if err == nil {
				c, rerr := cfg.Credentials.Retrieve(ctx)
				ourKey, ourSrc = c.AccessKeyID, c.Source
				if rerr != nil {
					ourErrClass = "retrieve"
					if !errors.Is(rerr, credentials.ErrNotFound) && tc.name == "nothing anywhere (IMDS disabled)" {
						t.Errorf("ours: no credentials is not ErrNotFound: %v", rerr)
					}
				}
			} else {
				ourErrClass = errClass(err, false)
			}
			if ourKey != v2Key || ourErrClass != v2ErrClass {
				t.Errorf("ours: key %q, error class %q (%v); v2: %q, %q", ourKey, ourErrClass, err, v2Key, v2ErrClass)
			}
			if ourSrc != v2Src {
				t.Errorf("Source: ours %q, v2 %q", ourSrc, v2Src)
			}
		})
	}
}
