package credentials

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/credentials/processcreds"
	"github.com/eucsdk/eucsdk/internal/settings/ini"
)

// SharedConfigSource is the Source of credentials read from the shared files.
const SharedConfigSource = "SharedConfigCredentials"

// SharedFilesOptions locate the shared files and the profile. Zero values
// mean the defaults: $AWS_CONFIG_FILE or ~/.aws/config,
// $AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials, $AWS_PROFILE or
// "default".
type SharedFilesOptions struct {
	Profile          string
	ConfigFiles      []string
	CredentialsFiles []string
	// ProcessOptions tune a credential_process the profile names.
	ProcessOptions []func(*processcreds.Options)
}

// Resolve fills the defaults in from the environment.
func (o SharedFilesOptions) Resolve() SharedFilesOptions {
	if o.Profile == "" {
		o.Profile = os.Getenv(ini.EnvProfile)
	}
	if o.Profile == "" {
		o.Profile = ini.DefaultProfile
	}
	if o.ConfigFiles == nil {
		o.ConfigFiles = ini.DefaultConfigFiles()
	}
	if o.CredentialsFiles == nil {
		o.CredentialsFiles = ini.DefaultCredentialsFiles()
	}
	return o
}

// SharedCredentialsProvider reads a profile's keys from the shared files:
// aws_access_key_id, aws_secret_access_key and aws_session_token (the
// credentials file overriding the config file), or else its
// credential_process. The files are read at every Retrieve; wrap it in a
// cache.
type SharedCredentialsProvider struct {
	options SharedFilesOptions
}

// NewSharedCredentialsProvider returns a provider for the resolved options.
func NewSharedCredentialsProvider(optFns ...func(*SharedFilesOptions)) *SharedCredentialsProvider {
	var o SharedFilesOptions
	for _, fn := range optFns {
		fn(&o)
	}
	return &SharedCredentialsProvider{options: o.Resolve()}
}

// Retrieve loads the profile. A profile without keys or credential_process
// wraps ErrNotFound; a malformed file or half a key pair does not.
func (p *SharedCredentialsProvider) Retrieve(ctx context.Context) (aws.Credentials, error) {
	o := p.options
	prof, err := ini.LoadProfile(o.ConfigFiles, o.CredentialsFiles, o.Profile)
	if err != nil {
		return aws.Credentials{}, err
	}
	id, idOK := prof.Get("aws_access_key_id")
	secret, secretOK := prof.Get("aws_secret_access_key")
	switch {
	case id.Value != "" && secret.Value != "":
		return aws.Credentials{
			AccessKeyID:     id.Value,
			SecretAccessKey: secret.Value,
			SessionToken:    prof.String("aws_session_token"),
			AccountID:       prof.String("aws_account_id"),
			Source:          SharedConfigSource,
		}, nil
	case idOK != secretOK || idOK && (id.Value == "") != (secret.Value == ""):
		at := id
		if !idOK || id.Value == "" {
			at = secret
		}
		return aws.Credentials{}, fmt.Errorf("%s:%d: profile %q has only one of aws_access_key_id and aws_secret_access_key", at.File, at.Line, o.Profile)
	}
	if cmd := prof.String("credential_process"); strings.TrimSpace(cmd) != "" {
		return processcreds.NewProvider(cmd, o.ProcessOptions...).Retrieve(ctx)
	}
	// Anything else calls another service or the instance: linking it into
	// every client would cost each program the STS, SSO and IMDS code, so
	// it is config's job. Not ErrNotFound: falling through would hide it.
	for _, key := range []string{"role_arn", "web_identity_token_file", "sso_session", "sso_start_url", "login_session", "credential_source"} {
		if v, ok := prof.Get(key); ok && strings.TrimSpace(v.Value) != "" {
			return aws.Credentials{}, fmt.Errorf("%s:%d: profile %q uses %s, which a client built without config does not resolve: build it with config.LoadDefaultConfig and NewFromConfig",
				v.File, v.Line, o.Profile, key)
		}
	}
	return aws.Credentials{}, fmt.Errorf("shared files: profile %q has no aws_access_key_id or credential_process (searched %s): %w",
		o.Profile, strings.Join(append(append([]string(nil), o.CredentialsFiles...), o.ConfigFiles...), ", "), ErrNotFound)
}
