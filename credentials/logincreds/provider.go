// Package logincreds provides the credentials of an `aws login` session:
// the AWS CLI caches them, with a refresh token and a DPoP key, in
// ~/.aws/login/cache/<sha256 of the login_session>.json. Cached credentials
// are returned until they expire; then Signin CreateOAuth2Token (refresh
// grant, with a DPoP proof signed by the cached key) returns new ones, which
// are written back. Its exported API is aws-sdk-go-v2's
// credentials/logincreds.
package logincreds

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/internal/atomicfile"
	"github.com/eucsdk/eucsdk/signin"
	"github.com/eucsdk/eucsdk/signin/types"
)

// ProviderName is the Source of credentials from a Provider.
const ProviderName = "LoginProvider"

// TokenAPIClient is the Signin client a Provider refreshes with;
// *signin.Client is one (CreateOAuth2Token is sent unsigned).
type TokenAPIClient interface {
	CreateOAuth2Token(context.Context, *signin.CreateOAuth2TokenInput, ...func(*signin.Options)) (*signin.CreateOAuth2TokenOutput, error)
}

// Options configure a Provider.
type Options struct {
	Client TokenAPIClient
	// ClientOptions apply to every CreateOAuth2Token call.
	ClientOptions []func(*signin.Options)
	// CachedTokenFilepath is the session's cache file
	// (StandardCachedTokenFilepath).
	CachedTokenFilepath string
	// RestrictPermissions writes the refreshed file readable by its owner
	// only (0600) instead of 0666 less the umask.
	RestrictPermissions bool
	// CredentialSources record how the provider was configured.
	CredentialSources []aws.CredentialSource
}

// Provider returns the credentials of an `aws login` session.
type Provider struct {
	options Options
}

var _ aws.CredentialsProvider = (*Provider)(nil)

// New returns a provider of the session cached in path.
func New(client TokenAPIClient, path string, opts ...func(*Options)) *Provider {
	o := Options{Client: client, CachedTokenFilepath: path}
	for _, fn := range opts {
		fn(&o)
	}
	return &Provider{options: o}
}

// now is the clock of expiry decisions; tests replace it.
var now = time.Now

// Retrieve returns the cached credentials while they are valid, and
// refreshed ones after.
func (p *Provider) Retrieve(ctx context.Context) (aws.Credentials, error) {
	path := p.options.CachedTokenFilepath
	t, err := loadToken(path)
	if err != nil {
		return aws.Credentials{}, err
	}
	if now().Before(t.AccessToken.ExpiresAt) {
		return t.credentials(), nil
	}
	opts := append([]func(*signin.Options){withDPoP(t)}, p.options.ClientOptions...)
	out, err := p.options.Client.CreateOAuth2Token(ctx, &signin.CreateOAuth2TokenInput{
		TokenInput: &types.CreateOAuth2TokenRequestBody{
			ClientId:     aws.String(t.ClientID),
			GrantType:    aws.String("refresh_token"),
			RefreshToken: aws.String(t.RefreshToken),
		},
	}, opts...)
	if err != nil {
		return aws.Credentials{}, fmt.Errorf("refresh aws login session (%s): %w", path, explain(err))
	}
	if err := t.update(out); err != nil {
		return aws.Credentials{}, fmt.Errorf("refresh aws login session (%s): %w", path, err)
	}
	if err := p.save(path, t); err != nil {
		return aws.Credentials{}, err
	}
	return t.credentials(), nil
}

// ProviderSources returns how the provider was configured.
func (p *Provider) ProviderSources() []aws.CredentialSource {
	if p.options.CredentialSources == nil {
		return []aws.CredentialSource{aws.CredentialSourceLogin}
	}
	return p.options.CredentialSources
}

// explain turns the access-denied reasons that mean "sign in again" into
// an error that says so; others pass through with their code.
func explain(err error) error {
	var ad *types.AccessDeniedException
	if !errors.As(err, &ad) {
		return err
	}
	switch ad.Error_ {
	case types.OAuth2ErrorCodeTokenExpired:
		return fmt.Errorf("the login session has expired; run aws login: %w", err)
	case types.OAuth2ErrorCodeUserCredentialsChanged:
		return fmt.Errorf("the password changed since this login session began; run aws login: %w", err)
	case types.OAuth2ErrorCodeInsufficientPermissions:
		return fmt.Errorf("the identity lacks permission for signin:CreateOAuth2Token: %w", err)
	}
	return err
}

// save writes the refreshed session back atomically (temporary file in the
// same directory, then rename), so a concurrent reader never sees half a
// file.
func (p *Provider) save(path string, t *loginToken) error {
	b, err := json.Marshal(t)
	if err != nil {
		return errors.New("encode aws login cache: " + err.Error())
	}
	mode := os.FileMode(0o666) // less the umask, as os.Create
	if p.options.RestrictPermissions {
		mode = 0o600
	}
	if err := atomicfile.Write(path, b, mode); err != nil {
		return fmt.Errorf("aws login cache: %w", err)
	}
	return nil
}
