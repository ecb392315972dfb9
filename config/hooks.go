package config

import (
	"fmt"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/internal/settings"
)

// The providers that call a service of their own (STS, SSO, SSO OIDC,
// Signin) come from credentials/stscreds, credentials/ssocreds and
// credentials/logincreds. Profile resolution reaches them only through
// these four functions, which sts.go sets to v2's public constructors
// (stscreds.NewAssumeRoleProvider(sts.NewFromConfig(cfg), ...)); tests
// replace them with fakes. Nil would fail at load time naming the profile
// and the setting.
var (
	// newAssumeRole assumes p.RoleARN with cfg.Credentials as the source;
	// with mfa_serial and no token provider in the options it fails, as
	// v2 does (AssumeRoleTokenProviderNotSetError).
	newAssumeRole func(cfg aws.Config, o *LoadOptions, p *settings.CredentialProfile) (aws.CredentialsProvider, error)
	// newWebIdentity calls AssumeRoleWithWebIdentity with the token file,
	// read again at every refresh.
	newWebIdentity func(cfg aws.Config, o *LoadOptions, w webIdentityParams) (aws.CredentialsProvider, error)
	// newSSO reads the SSO token cache and calls GetRoleCredentials.
	newSSO func(cfg aws.Config, o *LoadOptions, p *settings.CredentialProfile) (aws.CredentialsProvider, error)
	// newLogin reads the aws login token cache.
	newLogin func(cfg aws.Config, o *LoadOptions, p *settings.CredentialProfile) (aws.CredentialsProvider, error)
)

// webIdentityParams are the web identity settings, from the environment
// or a profile.
type webIdentityParams struct {
	TokenFile, RoleARN, SessionName string
	// Origin says where the token file was named, for errors.
	Origin string
}

func assumeRole(cfg *aws.Config, o *LoadOptions, p *settings.CredentialProfile, source aws.CredentialsProvider) (aws.CredentialsProvider, error) {
	if newAssumeRole == nil {
		return nil, fmt.Errorf("%s: profile %q assumes role %s: %w (credentials/stscreds)", p.Origin("role_arn"), p.Name, p.RoleARN, errNeedsSTS)
	}
	c := *cfg
	c.Credentials = source
	return newAssumeRole(c, o, p)
}

func webIdentity(cfg *aws.Config, o *LoadOptions, w webIdentityParams) (aws.CredentialsProvider, error) {
	if w.RoleARN == "" {
		return nil, fmt.Errorf("%s: web identity needs a role ARN (AWS_ROLE_ARN or role_arn)", w.Origin)
	}
	if newWebIdentity == nil {
		return nil, fmt.Errorf("%s: web identity for role %s: %w (credentials/stscreds)", w.Origin, w.RoleARN, errNeedsSTS)
	}
	return newWebIdentity(*cfg, o, w)
}

func ssoProvider(cfg *aws.Config, o *LoadOptions, p *settings.CredentialProfile) (aws.CredentialsProvider, error) {
	if newSSO == nil {
		return nil, fmt.Errorf("profile %q uses SSO: %w (credentials/ssocreds)", p.Name, errNeedsSTS)
	}
	return newSSO(*cfg, o, p)
}

func login(cfg *aws.Config, o *LoadOptions, p *settings.CredentialProfile) (aws.CredentialsProvider, error) {
	if newLogin == nil {
		return nil, fmt.Errorf("%s: profile %q uses login_session: %w (the aws login provider)", p.Origin("login_session"), p.Name, errNeedsSTS)
	}
	return newLogin(*cfg, o, p)
}
