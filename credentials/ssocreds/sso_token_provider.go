package ssocreds

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/aws/smithy-go/auth/bearer"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/ssooidc"
)

// CreateTokenAPIClient is the SSO OIDC client an SSOTokenProvider refreshes
// tokens with; *ssooidc.Client is one (CreateToken is sent unsigned).
type CreateTokenAPIClient interface {
	CreateToken(context.Context, *ssooidc.CreateTokenInput, ...func(*ssooidc.Options)) (*ssooidc.CreateTokenOutput, error)
}

// SSOTokenProviderOptions configure an SSOTokenProvider.
type SSOTokenProviderOptions struct {
	Client CreateTokenAPIClient
	// ClientOptions apply to every CreateToken call.
	ClientOptions []func(*ssooidc.Options)
	// CachedTokenFilepath is the token cache file (StandardCachedTokenFilepath
	// of the sso_session name).
	CachedTokenFilepath string

	// Profile is the profile the provider was configured from; errors that
	// ask to log in again name it (eucsdk only, not in aws-sdk-go-v2).
	Profile string
}

// SSOTokenProvider returns the SSO access token of a token cache file,
// refreshing it through SSO OIDC CreateToken when it is near expiry and
// writing the refreshed token back, as the AWS CLI does.
type SSOTokenProvider struct {
	options SSOTokenProviderOptions
}

var _ bearer.TokenProvider = (*SSOTokenProvider)(nil)

// NewSSOTokenProvider returns a provider of the token cached in
// cachedTokenFilepath.
func NewSSOTokenProvider(client CreateTokenAPIClient, cachedTokenFilepath string, optFns ...func(o *SSOTokenProviderOptions)) *SSOTokenProvider {
	o := SSOTokenProviderOptions{Client: client, CachedTokenFilepath: cachedTokenFilepath}
	for _, fn := range optFns {
		fn(&o)
	}
	return &SSOTokenProvider{options: o}
}

// refreshWindow is how long before expiry a token is refreshed: the AWS
// CLI's window, so the SDK and the CLI refresh alike. aws-sdk-go-v2 only
// refreshes once the token has expired.
const refreshWindow = 15 * time.Minute

// now is the clock of expiry decisions; tests replace it.
var now = time.Now

// RetrieveBearerToken returns the cached access token. Within refreshWindow
// of its expiry the token is refreshed and written back; if that fails
// while the old token is still valid, the old token is returned (the next
// call tries again), and once it has expired the error says to log in.
func (p SSOTokenProvider) RetrieveBearerToken(ctx context.Context) (bearer.Token, error) {
	path := p.options.CachedTokenFilepath
	t, err := loadCachedToken(path)
	if err != nil {
		return bearer.Token{}, &InvalidTokenError{Err: err, profile: p.options.Profile}
	}
	if n := now(); !n.Before(t.ExpiresAt.Add(-refreshWindow)) {
		refreshed, rerr := p.refresh(ctx, t, path)
		switch {
		case rerr == nil:
			t = refreshed
		case !n.Before(t.ExpiresAt):
			return bearer.Token{}, &InvalidTokenError{Err: rerr, profile: p.options.Profile}
		}
	}
	return bearer.Token{Value: t.AccessToken, CanExpire: true, Expires: t.ExpiresAt}, nil
}

func (p SSOTokenProvider) refresh(ctx context.Context, t cachedToken, path string) (cachedToken, error) {
	if t.ClientID == "" || t.ClientSecret == "" || t.RefreshToken == "" {
		return cachedToken{}, fmt.Errorf("SSO token cache %s has no refresh token, client id or client secret to refresh with", path)
	}
	out, err := p.options.Client.CreateToken(ctx, &ssooidc.CreateTokenInput{
		ClientId:     aws.String(t.ClientID),
		ClientSecret: aws.String(t.ClientSecret),
		RefreshToken: aws.String(t.RefreshToken),
		GrantType:    aws.String("refresh_token"),
	}, p.options.ClientOptions...)
	if err != nil {
		return cachedToken{}, fmt.Errorf("refresh SSO token: %w", err)
	}
	if aws.ToString(out.AccessToken) == "" {
		return cachedToken{}, fmt.Errorf("refresh SSO token: CreateToken returned no access token")
	}
	t.AccessToken = aws.ToString(out.AccessToken)
	t.ExpiresAt = now().Add(time.Duration(out.ExpiresIn) * time.Second).UTC().Truncate(time.Second)
	if out.RefreshToken != nil {
		t.RefreshToken = *out.RefreshToken
	}
	if _, err := os.Stat(path); err != nil {
		return cachedToken{}, fmt.Errorf("refresh SSO token: %w", err)
	}
	if err := t.store(path); err != nil {
		return cachedToken{}, err
	}
	return t, nil
}
