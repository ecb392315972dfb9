package config

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/credentials/ec2rolecreds"
	"github.com/eucsdk/eucsdk/credentials/endpointcreds"
	"github.com/eucsdk/eucsdk/credentials/processcreds"
	"github.com/eucsdk/eucsdk/feature/ec2/imds"
	"github.com/eucsdk/eucsdk/internal/settings"
)

// The error types of profile resolution, at v2's names.
type (
	// SharedConfigProfileNotExistError is a source profile no file has.
	SharedConfigProfileNotExistError = settings.ProfileNotExistError
	// SharedConfigAssumeRoleError is a role whose source profile is
	// missing, has no credentials or closes a cycle.
	SharedConfigAssumeRoleError = settings.AssumeRoleSourceError
	// CredentialRequiresARNError is a source_profile, credential_source
	// or web_identity_token_file without role_arn.
	CredentialRequiresARNError = settings.CredentialRequiresARNError
)

// The credential_source values.
const (
	credSourceEnvironment = "Environment"
	credSourceEc2Metadata = "Ec2InstanceMetadata"
	credSourceECS         = "EcsContainer"
)

// resolveCredentials picks the credentials provider once, at load time,
// with aws-sdk-go-v2's precedence: a profile chosen in code, else the
// environment's keys, else the environment's web identity, else the
// profile (its source_profile chain, keys, credential_source, web
// identity, SSO, login, credential_process), else a container endpoint,
// else the instance's role from IMDS. The choice is then fixed: a failing
// provider does not fall through to the next at Retrieve, since that
// would act as a different identity.
func resolveCredentials(ctx context.Context, cfg *aws.Config, o *LoadOptions, r *settings.Resolved) error {
	var p aws.CredentialsProvider
	var err error
	idSet := os.Getenv("AWS_ACCESS_KEY_ID") != "" || os.Getenv("AWS_ACCESS_KEY") != ""
	secretSet := os.Getenv("AWS_SECRET_ACCESS_KEY") != "" || os.Getenv("AWS_SECRET_KEY") != ""
	switch {
	case o.SharedConfigProfile != "":
		p, err = fromProfile(ctx, cfg, o, r)
	case idSet || secretSet:
		// Half a pair is EnvProvider's error at Retrieve, where v2 would
		// silently use the profile instead: a typo should not switch
		// identities.
		p = credentials.NewEnvProvider()
	case os.Getenv("AWS_WEB_IDENTITY_TOKEN_FILE") != "":
		p, err = webIdentity(cfg, o, webIdentityParams{
			TokenFile:   os.Getenv("AWS_WEB_IDENTITY_TOKEN_FILE"),
			RoleARN:     os.Getenv("AWS_ROLE_ARN"),
			SessionName: os.Getenv("AWS_ROLE_SESSION_NAME"),
			Origin:      "environment variable AWS_WEB_IDENTITY_TOKEN_FILE",
		})
	default:
		p, err = fromProfile(ctx, cfg, o, r)
	}
	if err != nil {
		return err
	}
	cfg.Credentials = cached(p, o)
	return nil
}

// cached puts p behind the credentials cache, unless it already is.
func cached(p aws.CredentialsProvider, o *LoadOptions, optFns ...func(*aws.CredentialsCacheOptions)) aws.CredentialsProvider {
	if c, ok := p.(*aws.CredentialsCache); ok {
		return c
	}
	if o.CredentialsCacheOptions != nil {
		optFns = append(optFns, o.CredentialsCacheOptions)
	}
	return aws.NewCredentialsCache(p, optFns...)
}

func fromProfile(ctx context.Context, cfg *aws.Config, o *LoadOptions, r *settings.Resolved) (aws.CredentialsProvider, error) {
	prof, err := settings.LoadCredentialProfile(r.Files)
	if err != nil {
		return nil, err
	}
	return providerFor(ctx, cfg, o, r, prof, true)
}

// providerFor builds the provider of one profile of the chain; top is the
// profile asked for, whose lack of any credentials falls to the container
// and then to IMDS.
func providerFor(ctx context.Context, cfg *aws.Config, o *LoadOptions, r *settings.Resolved, p *settings.CredentialProfile, top bool) (aws.CredentialsProvider, error) {
	var base aws.CredentialsProvider
	var err error
	switch {
	case p.Source != nil:
		base, err = providerFor(ctx, cfg, o, r, p.Source, false)
	case p.Keys.HasKeys():
		base = credentials.StaticCredentialsProvider{Value: p.Keys}
	case p.CredentialSource != "":
		base, err = fromCredentialSource(cfg, o, p)
	case p.WebIdentityTokenFile != "":
		return webIdentity(cfg, o, webIdentityParams{
			TokenFile: p.WebIdentityTokenFile, RoleARN: p.RoleARN, SessionName: p.RoleSessionName,
			Origin: p.Origin("web_identity_token_file"),
		})
	case p.HasSSO():
		if err := p.ValidateSSO(); err != nil {
			return nil, err
		}
		base, err = ssoProvider(cfg, o, p)
	case p.LoginSession != "":
		base, err = login(cfg, o, p)
	case p.CredentialProcess != "":
		base = processcreds.NewProvider(p.CredentialProcess, o.processOptions()...)
	default:
		var c aws.CredentialsProvider
		c, err = container(o)
		if c == nil && err == nil {
			base = imdsRole(cfg, o)
			if top && p.RoleARN == "" {
				base = &nothingConfigured{imds: base, profile: p, files: r.Files}
			}
		} else {
			base = c
		}
	}
	if err != nil {
		return nil, err
	}
	if p.RoleARN == "" {
		return base, nil
	}
	return assumeRole(cfg, o, p, cached(base, o))
}

func fromCredentialSource(cfg *aws.Config, o *LoadOptions, p *settings.CredentialProfile) (aws.CredentialsProvider, error) {
	switch p.CredentialSource {
	case credSourceEnvironment:
		return credentials.NewEnvProvider(), nil
	case credSourceEc2Metadata:
		return imdsRole(cfg, o), nil
	case credSourceECS:
		c, err := container(o)
		if err == nil && c == nil {
			err = fmt.Errorf("%s: credential_source is EcsContainer, but neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set", p.Origin("credential_source"))
		}
		return c, err
	}
	// LoadCredentialProfile accepts no other value.
	return nil, fmt.Errorf("%s: credential_source %q is not supported", p.Origin("credential_source"), p.CredentialSource)
}

// container returns the container endpoint's provider, or nil when the
// environment names none.
func container(o *LoadOptions) (aws.CredentialsProvider, error) {
	var optFns []func(*endpointcreds.Options)
	if o.EndpointCredentialOptions != nil {
		optFns = append(optFns, o.EndpointCredentialOptions)
	}
	p, err := endpointcreds.NewFromEnvironment(optFns...)
	if err != nil || p == nil {
		return nil, err
	}
	// Container credentials rotate well ahead of expiry, as in v2.
	return cached(p, o, func(c *aws.CredentialsCacheOptions) { c.ExpiryWindow = 5 * time.Minute }), nil
}

func imdsRole(cfg *aws.Config, o *LoadOptions) aws.CredentialsProvider {
	return ec2rolecreds.New(func(eo *ec2rolecreds.Options) {
		if o.EC2RoleCredentialOptions != nil {
			o.EC2RoleCredentialOptions(eo)
		}
		if eo.Client == nil {
			eo.Client = o.imdsClient(*cfg)
		}
	})
}

func (o *LoadOptions) imdsClient(cfg aws.Config) *imds.Client {
	return imds.NewFromConfig(cfg, func(io *imds.Options) {
		if o.EC2IMDSClientEnableState != imds.ClientDefaultEnableState {
			io.ClientEnableState = o.EC2IMDSClientEnableState
		}
		if o.EC2IMDSEndpointMode != imds.EndpointModeStateUnset {
			io.EndpointMode = o.EC2IMDSEndpointMode
			io.Endpoint = ""
		}
		if o.EC2IMDSEndpoint != "" {
			io.Endpoint = o.EC2IMDSEndpoint
		}
	})
}

func (o *LoadOptions) processOptions() []func(*processcreds.Options) {
	if o.ProcessCredentialOptions == nil {
		return nil
	}
	return []func(*processcreds.Options){o.ProcessCredentialOptions}
}

// nothingConfigured is IMDS as the last resort of a profile that has no
// credentials: off EC2 its failure means nothing was configured anywhere,
// and the error says what was looked at, wrapping credentials.ErrNotFound.
type nothingConfigured struct {
	imds    aws.CredentialsProvider
	profile *settings.CredentialProfile
	files   credentials.SharedFilesOptions
}

func (n *nothingConfigured) Retrieve(ctx context.Context) (aws.Credentials, error) {
	c, err := n.imds.Retrieve(ctx)
	if err == nil {
		return c, nil
	}
	searched := strings.Join(append(append([]string(nil), n.files.CredentialsFiles...), n.files.ConfigFiles...), ", ")
	return aws.Credentials{}, &noCredentialsError{
		msg: fmt.Sprintf("no AWS credentials: the environment has no AWS_ACCESS_KEY_ID or AWS_WEB_IDENTITY_TOKEN_FILE; "+
			"profile %q has no credentials (searched %s); no container endpoint (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or _FULL_URI); "+
			"and the EC2 instance role failed: %v", n.profile.Name, searched, err),
		err: err,
	}
}

type noCredentialsError struct {
	msg string
	err error
}

func (e *noCredentialsError) Error() string { return e.msg }

// Is makes the error credentials.ErrNotFound, and also what IMDS said.
func (e *noCredentialsError) Is(target error) bool { return target == credentials.ErrNotFound }
func (e *noCredentialsError) Unwrap() error        { return e.err }

// errNeedsSTS is returned when the profile asks for a provider that needs a
// service client this build has not wired (see hooks.go).
var errNeedsSTS = errors.New("this build of eucsdk cannot make that call yet")
