package config

import (
	"os"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/credentials/logincreds"
	"github.com/eucsdk/eucsdk/credentials/ssocreds"
	"github.com/eucsdk/eucsdk/credentials/stscreds"
	"github.com/eucsdk/eucsdk/internal/settings"
	"github.com/eucsdk/eucsdk/signin"
	"github.com/eucsdk/eucsdk/sso"
	"github.com/eucsdk/eucsdk/ssooidc"
	"github.com/eucsdk/eucsdk/sts"
)

// The hooks of hooks.go, wired to the providers at v2's paths, built the
// way v2's config builds them.
func init() {
	newAssumeRole = stsAssumeRole
	newWebIdentity = stsWebIdentity
	newSSO = ssoCredentials
	newLogin = loginCredentials
}

// AssumeRoleTokenProviderNotSetError is a profile with mfa_serial and no
// MFA token provider in the options (v2's name).
type AssumeRoleTokenProviderNotSetError struct{}

func (AssumeRoleTokenProviderNotSetError) Error() string {
	return "assume role with MFA enabled, but AssumeRoleTokenProvider session option not set: " +
		"set it with config.WithAssumeRoleCredentialOptions (e.g. stscreds.StdinTokenProvider)"
}

func stsAssumeRole(cfg aws.Config, o *LoadOptions, p *settings.CredentialProfile) (aws.CredentialsProvider, error) {
	optFns := []func(*stscreds.AssumeRoleOptions){func(ao *stscreds.AssumeRoleOptions) {
		ao.RoleSessionName = p.RoleSessionName
		// As v2: a duration of 15 minutes or less is left to STS's default.
		if d := time.Duration(p.DurationSeconds) * time.Second; d/time.Minute > 15 {
			ao.Duration = d
		}
		if p.ExternalID != "" {
			ao.ExternalID = aws.String(p.ExternalID)
		}
		if p.MFASerial != "" {
			ao.SerialNumber = aws.String(p.MFASerial)
		}
	}}
	if o.AssumeRoleCredentialOptions != nil {
		optFns = append(optFns, o.AssumeRoleCredentialOptions)
	}
	var check stscreds.AssumeRoleOptions
	for _, fn := range optFns {
		fn(&check)
	}
	if check.SerialNumber != nil && check.TokenProvider == nil {
		return nil, AssumeRoleTokenProviderNotSetError{}
	}
	return stscreds.NewAssumeRoleProvider(sts.NewFromConfig(cfg), p.RoleARN, optFns...), nil
}

func stsWebIdentity(cfg aws.Config, o *LoadOptions, w webIdentityParams) (aws.CredentialsProvider, error) {
	optFns := []func(*stscreds.WebIdentityRoleOptions){func(wo *stscreds.WebIdentityRoleOptions) {
		wo.RoleSessionName = w.SessionName
	}}
	if o.WebIdentityRoleCredentialOptions != nil {
		optFns = append(optFns, o.WebIdentityRoleCredentialOptions)
	}
	return stscreds.NewWebIdentityRoleProvider(sts.NewFromConfig(cfg), w.RoleARN, stscreds.IdentityTokenFile(w.TokenFile), optFns...), nil
}

func ssoCredentials(cfg aws.Config, o *LoadOptions, p *settings.CredentialProfile) (aws.CredentialsProvider, error) {
	optFns := []func(*ssocreds.Options){func(so *ssocreds.Options) { so.Profile = p.Name }}
	if o.SSOProviderOptions != nil {
		optFns = append(optFns, o.SSOProviderOptions)
	}
	startURL := p.SSOStartURL
	if s := p.SSOSession; s != nil {
		cfg.Region = s.Region
		if startURL == "" {
			startURL = s.StartURL
		}
		path, err := ssocreds.StandardCachedTokenFilepath(s.Name)
		if err != nil {
			return nil, err
		}
		var tokenFns []func(*ssocreds.SSOTokenProviderOptions)
		if o.SSOTokenProviderOptions != nil {
			tokenFns = append(tokenFns, o.SSOTokenProviderOptions)
		}
		tp := ssocreds.NewSSOTokenProvider(ssooidc.NewFromConfig(cfg), path, tokenFns...)
		optFns = append(optFns, func(so *ssocreds.Options) {
			so.SSOTokenProvider = tp
			so.CachedTokenFilepath = path
		})
	} else {
		cfg.Region = p.SSORegion
	}
	return ssocreds.New(sso.NewFromConfig(cfg), p.SSOAccountID, p.SSORoleName, startURL, optFns...), nil
}

func loginCredentials(cfg aws.Config, o *LoadOptions, p *settings.CredentialProfile) (aws.CredentialsProvider, error) {
	path, err := logincreds.StandardCachedTokenFilepath(p.LoginSession, os.Getenv("AWS_LOGIN_CACHE_DIRECTORY"))
	if err != nil {
		return nil, err
	}
	return logincreds.New(signin.NewFromConfig(cfg), path, func(lo *logincreds.Options) { lo.RestrictPermissions = true }), nil
}
