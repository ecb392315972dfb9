package ssocreds

import (
	"context"
	"fmt"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/sso"
)

// ProviderName is the Source of credentials from a Provider.
const ProviderName = "SSOProvider"

// GetRoleCredentialsAPIClient is the SSO client a Provider calls;
// *sso.Client is one (GetRoleCredentials is sent unsigned: the access token
// travels in the x-amz-sso_bearer_token header).
type GetRoleCredentialsAPIClient interface {
	GetRoleCredentials(context.Context, *sso.GetRoleCredentialsInput, ...func(*sso.Options)) (*sso.GetRoleCredentialsOutput, error)
}

// Options configure a Provider.
type Options struct {
	Client GetRoleCredentialsAPIClient
	// AccountID and RoleName are sso_account_id and sso_role_name.
	AccountID string
	RoleName  string
	// StartURL is sso_start_url; with neither CachedTokenFilepath nor
	// SSOTokenProvider set, the token cache file is named by it (the
	// legacy profile form).
	StartURL string
	// CachedTokenFilepath overrides the token cache file.
	CachedTokenFilepath string
	// SSOTokenProvider supplies (and refreshes) the access token; profiles
	// with an sso_session use one.
	SSOTokenProvider *SSOTokenProvider
	// CredentialSources record how the provider was configured.
	CredentialSources []aws.CredentialSource

	// Profile is the profile the provider was configured from; errors that
	// ask to log in again name it (eucsdk only, not in aws-sdk-go-v2).
	Profile string
}

// Provider retrieves a role's credentials with the cached SSO access token.
type Provider struct {
	options Options
}

// New returns a provider of roleName's credentials in accountID.
func New(client GetRoleCredentialsAPIClient, accountID, roleName, startURL string, optFns ...func(options *Options)) *Provider {
	o := Options{Client: client, AccountID: accountID, RoleName: roleName, StartURL: startURL}
	for _, fn := range optFns {
		fn(&o)
	}
	return &Provider{options: o}
}

// Retrieve gets the access token and calls GetRoleCredentials with it.
func (p *Provider) Retrieve(ctx context.Context) (aws.Credentials, error) {
	o := p.options
	var token string
	if o.SSOTokenProvider != nil {
		t, err := o.SSOTokenProvider.RetrieveBearerToken(ctx)
		if err != nil {
			return aws.Credentials{}, withProfile(err, o.Profile)
		}
		token = t.Value
	} else {
		path := o.CachedTokenFilepath
		if path == "" {
			var err error
			if path, err = StandardCachedTokenFilepath(o.StartURL); err != nil {
				return aws.Credentials{}, &InvalidTokenError{Err: err, profile: o.Profile}
			}
		}
		t, err := loadCachedToken(path)
		if err != nil {
			return aws.Credentials{}, &InvalidTokenError{Err: err, profile: o.Profile}
		}
		if !now().Before(t.ExpiresAt) {
			return aws.Credentials{}, &InvalidTokenError{Err: fmt.Errorf("the token in %s expired at %s", path, t.ExpiresAt.UTC().Format(time.RFC3339)), profile: o.Profile}
		}
		token = t.AccessToken
	}
	out, err := o.Client.GetRoleCredentials(ctx, &sso.GetRoleCredentialsInput{
		AccessToken: aws.String(token),
		AccountId:   aws.String(o.AccountID),
		RoleName:    aws.String(o.RoleName),
	})
	if err != nil {
		return aws.Credentials{}, fmt.Errorf("SSO role %s in account %s: %w", o.RoleName, o.AccountID, err)
	}
	rc := out.RoleCredentials
	if rc == nil || rc.AccessKeyId == nil || rc.SecretAccessKey == nil {
		return aws.Credentials{}, fmt.Errorf("SSO role %s in account %s: the response has no credentials", o.RoleName, o.AccountID)
	}
	return aws.Credentials{
		AccessKeyID:     *rc.AccessKeyId,
		SecretAccessKey: *rc.SecretAccessKey,
		SessionToken:    aws.ToString(rc.SessionToken),
		Source:          ProviderName,
		CanExpire:       true,
		Expires:         time.UnixMilli(rc.Expiration).UTC(),
		AccountID:       o.AccountID,
	}, nil
}

// ProviderSources returns how the provider was configured.
func (p *Provider) ProviderSources() []aws.CredentialSource {
	if p.options.CredentialSources == nil {
		return []aws.CredentialSource{aws.CredentialSourceSSO}
	}
	return p.options.CredentialSources
}

// InvalidTokenError is a missing, unreadable or expired SSO token: the user
// must sign in again, and the message says how.
type InvalidTokenError struct {
	Err error

	profile string
}

func (e *InvalidTokenError) Unwrap() error { return e.Err }

func (e *InvalidTokenError) Error() string {
	msg := "the SSO session has expired or is invalid"
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	if e.profile != "" {
		return msg + "; run aws sso login --profile " + e.profile
	}
	return msg + "; run aws sso login"
}

// withProfile names profile in a token provider's InvalidTokenError that
// did not know it.
func withProfile(err error, profile string) error {
	if e, ok := err.(*InvalidTokenError); ok && e.profile == "" && profile != "" {
		c := *e
		c.profile = profile
		return &c
	}
	return err
}
