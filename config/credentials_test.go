package config

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/internal/settings"
	"github.com/eucsdk/eucsdk/internal/testkit/awsenv"
)

// fakeSTSHooks stands in for credentials/stscreds and ssocreds: an assumed
// role's key is "ROLE(arn<-source key)", so a test reads the whole chain
// from one key; web identity's is "WEB(arn,file)", SSO's "SSO(account)".
func fakeSTSHooks(t *testing.T) {
	t.Helper()
	saved := [4]any{newAssumeRole, newWebIdentity, newSSO, newLogin}
	t.Cleanup(func() {
		newAssumeRole = saved[0].(func(aws.Config, *LoadOptions, *settings.CredentialProfile) (aws.CredentialsProvider, error))
		newWebIdentity = saved[1].(func(aws.Config, *LoadOptions, webIdentityParams) (aws.CredentialsProvider, error))
		newSSO = saved[2].(func(aws.Config, *LoadOptions, *settings.CredentialProfile) (aws.CredentialsProvider, error))
		newLogin = saved[3].(func(aws.Config, *LoadOptions, *settings.CredentialProfile) (aws.CredentialsProvider, error))
	})
	newAssumeRole = func(cfg aws.Config, o *LoadOptions, p *settings.CredentialProfile) (aws.CredentialsProvider, error) {
		return aws.CredentialsProviderFunc(func(ctx context.Context) (aws.Credentials, error) {
			src, err := cfg.Credentials.Retrieve(ctx)
			if err != nil {
				return aws.Credentials{}, err
			}
			return aws.Credentials{AccessKeyID: "ROLE(" + p.RoleARN + "<-" + src.AccessKeyID + ")", SecretAccessKey: "s", Source: "AssumeRoleProvider"}, nil
		}), nil
	}
	newWebIdentity = func(cfg aws.Config, o *LoadOptions, w webIdentityParams) (aws.CredentialsProvider, error) {
		return credentials.StaticCredentialsProvider{Value: aws.Credentials{AccessKeyID: "WEB(" + w.RoleARN + "," + filepath.Base(w.TokenFile) + ")", SecretAccessKey: "s", Source: "WebIdentityCredentials"}}, nil
	}
	newSSO = func(cfg aws.Config, o *LoadOptions, p *settings.CredentialProfile) (aws.CredentialsProvider, error) {
		return credentials.StaticCredentialsProvider{Value: aws.Credentials{AccessKeyID: "SSO(" + p.SSOAccountID + ")", SecretAccessKey: "s", Source: "SSOProvider"}}, nil
	}
	newLogin = func(cfg aws.Config, o *LoadOptions, p *settings.CredentialProfile) (aws.CredentialsProvider, error) {
		return credentials.StaticCredentialsProvider{Value: aws.Credentials{AccessKeyID: "LOGIN(" + p.LoginSession + ")", SecretAccessKey: "s", Source: "LoginProvider"}}, nil
	}
}

// fakeIMDS serves role credentials with key ASIAIMDS and the region
// ap-northeast-1; AWS_EC2_METADATA_SERVICE_ENDPOINT points at it.
func fakeIMDS(t *testing.T) *atomic.Int32 {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		switch r.URL.Path {
		case "/latest/api/token":
			w.Header().Set("X-Aws-Ec2-Metadata-Token-Ttl-Seconds", "300")
			io.WriteString(w, "IMDSTOKEN")
		case "/latest/meta-data/iam/security-credentials/":
			io.WriteString(w, "role")
		case "/latest/meta-data/iam/security-credentials/role":
			io.WriteString(w, `{"Code": "Success", "AccessKeyId": "ASIAIMDS", "SecretAccessKey": "s", "Token": "t", "Expiration": "2099-01-01T00:00:00Z"}`)
		case "/latest/dynamic/instance-identity/document":
			io.WriteString(w, `{"region": "ap-northeast-1"}`)
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	t.Cleanup(srv.Close)
	t.Setenv("AWS_EC2_METADATA_DISABLED", "")
	t.Setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", srv.URL)
	return &n
}

// fakeContainer serves ASIACONTAINER at AWS_CONTAINER_CREDENTIALS_FULL_URI.
func fakeContainer(t *testing.T) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"AccessKeyId": "ASIACONTAINER", "SecretAccessKey": "s", "Token": "t", "Expiration": "2099-01-01T00:00:00Z"}`)
	}))
	t.Cleanup(srv.Close)
	t.Setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", srv.URL+"/creds")
}

func retrieve(t *testing.T, optFns ...func(*LoadOptions) error) (aws.Credentials, error) {
	t.Helper()
	cfg, err := LoadDefaultConfig(ctx, optFns...)
	if err != nil {
		return aws.Credentials{}, err
	}
	if _, ok := cfg.Credentials.(*aws.CredentialsCache); !ok {
		t.Errorf("credentials are not behind the cache: %T", cfg.Credentials)
	}
	return cfg.Credentials.Retrieve(ctx)
}

func TestCredentialChainPrecedence(t *testing.T) {
	const proc = `echo '{"Version": 1, "AccessKeyId": "PROCKEY", "SecretAccessKey": "s"}'`
	for _, tc := range []struct {
		name    string
		env     map[string]string
		config  string
		opts    []func(*LoadOptions) error
		imds    bool
		cont    bool
		wantKey string
		wantSrc string
	}{
		{name: "environment", env: map[string]string{"AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "s"},
			config: "[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = s\n", wantKey: "ENVKEY", wantSrc: "EnvConfigCredentials"},
		{name: "AWS_PROFILE does not beat the environment", env: map[string]string{"AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "s", "AWS_PROFILE": "p"},
			config: "[profile p]\naws_access_key_id = FILEKEY\naws_secret_access_key = s\n", wantKey: "ENVKEY"},
		{name: "a profile chosen in code beats the environment", env: map[string]string{"AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "s"},
			config: "[profile p]\naws_access_key_id = FILEKEY\naws_secret_access_key = s\n", opts: []func(*LoadOptions) error{WithSharedConfigProfile("p")}, wantKey: "FILEKEY"},
		{name: "static profile", config: "[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = s\n", wantKey: "FILEKEY", wantSrc: "SharedConfigCredentials: $CONFIG"},
		{name: "process", config: "[default]\ncredential_process = " + proc + "\n", wantKey: "PROCKEY", wantSrc: "ProcessProvider"},
		{name: "static keys beat process", config: "[default]\ncredential_process = " + proc + "\naws_access_key_id = FILEKEY\naws_secret_access_key = s\n", wantKey: "FILEKEY"},
		{name: "environment web identity", env: map[string]string{"AWS_WEB_IDENTITY_TOKEN_FILE": "/tok/env", "AWS_ROLE_ARN": "arn:r"},
			config: "[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = s\n", wantKey: "WEB(arn:r,env)"},
		{name: "profile web identity", config: "[default]\nweb_identity_token_file = /tok/prof\nrole_arn = arn:w\n", wantKey: "WEB(arn:w,prof)"},
		{name: "sso session", config: "[default]\nsso_session = s\nsso_account_id = 111\nsso_role_name = r\n[sso-session s]\nsso_region = eu-west-1\nsso_start_url = https://x.awsapps.com/start\n", wantKey: "SSO(111)"},
		{name: "legacy sso", config: "[default]\nsso_start_url = https://x\nsso_region = eu-west-1\nsso_account_id = 222\nsso_role_name = r\n", wantKey: "SSO(222)"},
		{name: "login", config: "[default]\nlogin_session = arn:aws:iam::1:user/u\n", wantKey: "LOGIN(arn:aws:iam::1:user/u)"},
		{name: "container", cont: true, imds: true, wantKey: "ASIACONTAINER", wantSrc: "CredentialsEndpointProvider"},
		{name: "imds", imds: true, wantKey: "ASIAIMDS", wantSrc: "EC2RoleProvider"},
		{name: "profile keys beat the container", cont: true, config: "[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = s\n", wantKey: "FILEKEY"},
		{name: "source_profile chain", config: "[profile a]\nrole_arn = arn:a\nsource_profile = b\n[profile b]\nrole_arn = arn:b\nsource_profile = c\n[profile c]\naws_access_key_id = CKEY\naws_secret_access_key = s\n",
			env: map[string]string{"AWS_PROFILE": "a"}, opts: []func(*LoadOptions) error{WithSharedConfigProfile("a")}, wantKey: "ROLE(arn:a<-ROLE(arn:b<-CKEY))", wantSrc: "AssumeRoleProvider"},
		{name: "source profile with keys stops the chain there, assuming its own role with them", config: "[profile a]\nrole_arn = arn:a\nsource_profile = b\n[profile b]\nrole_arn = arn:b\nsource_profile = c\naws_access_key_id = BKEY\naws_secret_access_key = s\n",
			opts: []func(*LoadOptions) error{WithSharedConfigProfile("a")}, wantKey: "ROLE(arn:a<-ROLE(arn:b<-BKEY))"},
		{name: "self reference", config: "[profile a]\nrole_arn = arn:a\nsource_profile = a\naws_access_key_id = AKEY\naws_secret_access_key = s\n",
			opts: []func(*LoadOptions) error{WithSharedConfigProfile("a")}, wantKey: "ROLE(arn:a<-AKEY)"},
		{name: "source profile ignores the profile's own keys", config: "[profile a]\nrole_arn = arn:a\nsource_profile = b\naws_access_key_id = AKEY\naws_secret_access_key = s\n[profile b]\naws_access_key_id = BKEY\naws_secret_access_key = s\n",
			opts: []func(*LoadOptions) error{WithSharedConfigProfile("a")}, wantKey: "ROLE(arn:a<-BKEY)"},
		{name: "credential_source Environment", env: map[string]string{"AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "s"},
			config: "[profile a]\nrole_arn = arn:a\ncredential_source = Environment\n", opts: []func(*LoadOptions) error{WithSharedConfigProfile("a")}, wantKey: "ROLE(arn:a<-ENVKEY)"},
		{name: "credential_source Ec2InstanceMetadata", imds: true, config: "[default]\nrole_arn = arn:a\ncredential_source = Ec2InstanceMetadata\n", wantKey: "ROLE(arn:a<-ASIAIMDS)"},
		{name: "credential_source EcsContainer", cont: true, config: "[default]\nrole_arn = arn:a\ncredential_source = EcsContainer\n", wantKey: "ROLE(arn:a<-ASIACONTAINER)"},
		{name: "role_arn alone assumes from the container", cont: true, config: "[default]\nrole_arn = arn:a\n", wantKey: "ROLE(arn:a<-ASIACONTAINER)"},
		{name: "source profile with process", config: "[profile a]\nrole_arn = arn:a\nsource_profile = b\n[profile b]\ncredential_process = " + proc + "\n",
			opts: []func(*LoadOptions) error{WithSharedConfigProfile("a")}, wantKey: "ROLE(arn:a<-PROCKEY)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := awsenv.Clean(t)
			fakeSTSHooks(t)
			if tc.imds {
				fakeIMDS(t)
			}
			if tc.cont {
				fakeContainer(t)
			}
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			if tc.config != "" {
				writeConfig(t, env.Home, tc.config)
			}
			c, err := retrieve(t, tc.opts...)
			if err != nil || c.AccessKeyID != tc.wantKey {
				t.Fatalf("got %q, %v; want %q", c.AccessKeyID, err, tc.wantKey)
			}
			if want := strings.ReplaceAll(tc.wantSrc, "$CONFIG", env.ConfigFile); want != "" && c.Source != want {
				t.Errorf("Source = %q, want %q", c.Source, want)
			}
		})
	}
}

func TestCredentialChainErrors(t *testing.T) {
	for _, tc := range []struct {
		name, config string
		env          map[string]string
		profile      string
		want         string // in the LoadDefaultConfig error
		as           any
	}{
		{name: "cycle", profile: "a", config: "[profile a]\nrole_arn = arn:a\nsource_profile = b\n[profile b]\nrole_arn = arn:b\nsource_profile = a\n",
			want: `assume role arn:b: profile chain a -> b -> a is a cycle, and profile "a" has no credentials of its own`, as: new(*SharedConfigAssumeRoleError)},
		{name: "longer cycle", profile: "a", config: "[profile a]\nrole_arn = arn:a\nsource_profile = b\n[profile b]\nrole_arn = arn:b\nsource_profile = c\n[profile c]\nrole_arn = arn:c\nsource_profile = b\n",
			want: "profile chain a -> b -> c -> b is a cycle", as: new(*SharedConfigAssumeRoleError)},
		{name: "missing source profile", profile: "a", config: "[profile a]\nrole_arn = arn:a\nsource_profile = nope\n",
			want: `assume role arn:a: profile chain a -> nope: shared config profile "nope" not found`, as: new(*SharedConfigProfileNotExistError)},
		{name: "source without credentials", profile: "a", config: "[profile a]\nrole_arn = arn:a\nsource_profile = b\n[profile b]\nregion = x\n",
			want: `source profile "b" has no credentials`, as: new(*SharedConfigAssumeRoleError)},
		{name: "source_profile without role_arn", profile: "a", config: "[profile a]\nsource_profile = b\n",
			want: `config:2: source_profile in profile "a" requires role_arn`, as: new(*CredentialRequiresARNError)},
		{name: "two credential types", profile: "a", config: "[profile a]\nrole_arn = r\ncredential_source = Environment\ncredential_process = x\n",
			want: `profile "a" sets credential_source and credential_process`},
		{name: "bad credential_source", profile: "a", config: "[profile a]\nrole_arn = r\ncredential_source = Laptop\n",
			want: `config:3: credential_source: "Laptop" is not Environment, Ec2InstanceMetadata or EcsContainer`},
		{name: "EcsContainer without the environment", profile: "a", config: "[profile a]\nrole_arn = r\ncredential_source = EcsContainer\n",
			want: "credential_source is EcsContainer, but neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set"},
		{name: "sso session section missing", config: "[default]\nsso_session = s\n", want: `sso_session "s": no [sso-session s] section`},
		{name: "sso legacy incomplete", config: "[default]\nsso_start_url = https://x\n", want: `profile "default" is configured for SSO but lacks sso_region, sso_account_id, sso_role_name`},
		{name: "web identity without role", env: map[string]string{"AWS_WEB_IDENTITY_TOKEN_FILE": "/tok"}, want: "environment variable AWS_WEB_IDENTITY_TOKEN_FILE: web identity needs a role ARN"},
		{name: "bad duration", profile: "a", config: "[profile a]\nrole_arn = r\nsource_profile = a\nduration_seconds = soon\naws_access_key_id = k\naws_secret_access_key = s\n", want: `duration_seconds: "soon" is not a positive integer`},
		{name: "bad container URL", env: map[string]string{"AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://10.1.2.3/creds"}, want: "host 10.1.2.3 is not allowed over http"},
		{name: "bad IMDS mode", env: map[string]string{"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE": "IPv5"}, want: `environment variable AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: "IPv5" is not IPv4 or IPv6`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := awsenv.Clean(t)
			fakeSTSHooks(t)
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			writeConfig(t, env.Home, tc.config)
			var opts []func(*LoadOptions) error
			if tc.profile != "" {
				opts = append(opts, WithSharedConfigProfile(tc.profile))
			}
			_, err := LoadDefaultConfig(ctx, opts...)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v\nwant it to contain %s", err, tc.want)
			}
			if tc.as != nil && !errors.As(err, tc.as) {
				t.Errorf("err is a %T, not a %T", err, tc.as)
			}
		})
	}
}

// Nothing configured anywhere: the error says what was looked at, is
// credentials.ErrNotFound, and took no IMDS wait (disabled here).
func TestNoCredentialsAnywhere(t *testing.T) {
	env := awsenv.Clean(t)
	_, err := retrieve(t)
	want := fmt.Sprintf(`no AWS credentials: the environment has no AWS_ACCESS_KEY_ID or AWS_WEB_IDENTITY_TOKEN_FILE; profile "default" has no credentials (searched %s, %s); no container endpoint`,
		env.CredentialsFile, env.ConfigFile)
	if err == nil || !strings.HasPrefix(err.Error(), want) || !errors.Is(err, credentials.ErrNotFound) || !strings.Contains(err.Error(), "AWS_EC2_METADATA_DISABLED") {
		t.Errorf("err = %v\nwant it to start %s", err, want)
	}
}

// The IMDS settings of the environment and the profile reach the IMDS
// client; WithEC2IMDSRegion makes its region the last step of the region
// chain, and only when asked.
func TestIMDSSettingsAndRegion(t *testing.T) {
	env := awsenv.Clean(t)
	n := fakeIMDS(t)
	cfg := load(t)
	if cfg.Region != "" || n.Load() != 0 {
		t.Fatalf("region %q, %d IMDS requests without WithEC2IMDSRegion", cfg.Region, n.Load())
	}
	cfg = load(t, WithEC2IMDSRegion())
	if cfg.Region != "ap-northeast-1" {
		t.Errorf("region = %q", cfg.Region)
	}
	t.Setenv("AWS_REGION", "eu-west-1")
	if cfg := load(t, WithEC2IMDSRegion()); cfg.Region != "eu-west-1" {
		t.Errorf("IMDS region over the environment: %q", cfg.Region)
	}

	// The profile's endpoint, when the environment has none.
	url := os.Getenv("AWS_EC2_METADATA_SERVICE_ENDPOINT")
	t.Setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", "")
	writeConfig(t, env.Home, "[default]\nec2_metadata_service_endpoint = "+url+"\n")
	if c, err := retrieve(t); err != nil || c.AccessKeyID != "ASIAIMDS" {
		t.Errorf("profile endpoint: %v, %v", c, err)
	}
	// ec2_metadata_v1_disabled and AWS_EC2_METADATA_DISABLED are read.
	writeConfig(t, env.Home, "[default]\nec2_metadata_service_endpoint = "+url+"\nec2_metadata_v1_disabled = true\n")
	r, err := settings.Load(settings.Explicit{})
	if err != nil {
		t.Fatal(err)
	}
	if e, m, v1, dis := r.EC2IMDSSettings(); e != url || m != "" || !v1 || dis {
		t.Errorf("IMDS settings %q %q %v %v", e, m, v1, dis)
	}
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	if _, err := retrieve(t); err == nil || !strings.Contains(err.Error(), "disabled") {
		t.Errorf("disabled: %v", err)
	}
}
