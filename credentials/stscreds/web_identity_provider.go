package stscreds

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/sts"
	"github.com/eucsdk/eucsdk/sts/types"
)

// WebIdentityProviderName is the Source of credentials from a
// WebIdentityRoleProvider.
const WebIdentityProviderName = "WebIdentityCredentials"

// AssumeRoleWithWebIdentityAPIClient is the STS client a
// WebIdentityRoleProvider calls; *sts.Client is one. The operation is sent
// unsigned, so the client needs no credentials of its own.
type AssumeRoleWithWebIdentityAPIClient interface {
	AssumeRoleWithWebIdentity(ctx context.Context, params *sts.AssumeRoleWithWebIdentityInput, optFns ...func(*sts.Options)) (*sts.AssumeRoleWithWebIdentityOutput, error)
}

// WebIdentityRoleProvider retrieves credentials by exchanging an OIDC token
// (EKS service accounts, GitHub Actions, ...) for a role's credentials.
type WebIdentityRoleProvider struct {
	options WebIdentityRoleOptions
}

// WebIdentityRoleOptions configure a WebIdentityRoleProvider.
type WebIdentityRoleOptions struct {
	Client AssumeRoleWithWebIdentityAPIClient
	// TokenRetriever returns the token; asked on every refresh, since the
	// issuer rotates it (IdentityTokenFile reads the file again each time).
	TokenRetriever IdentityTokenRetriever
	RoleARN        string
	// RoleSessionName names the session; empty means the current time in
	// nanoseconds.
	RoleSessionName string
	// Duration of the credentials; 0 leaves it to STS (one hour).
	Duration          time.Duration
	Policy            *string
	PolicyARNs        []types.PolicyDescriptorType
	CredentialSources []aws.CredentialSource
}

// IdentityTokenRetriever returns a web identity token.
type IdentityTokenRetriever interface {
	GetIdentityToken() ([]byte, error)
}

// IdentityTokenFile is the path of a file holding the token
// (AWS_WEB_IDENTITY_TOKEN_FILE, web_identity_token_file).
type IdentityTokenFile string

// GetIdentityToken reads the file: every call, since the token is rotated
// in place by the platform.
func (j IdentityTokenFile) GetIdentityToken() ([]byte, error) {
	b, err := os.ReadFile(string(j))
	if err != nil {
		// The path error names the file; the token is never read into it.
		return nil, fmt.Errorf("web identity token file: %w", err)
	}
	return b, nil
}

// NewWebIdentityRoleProvider returns a provider that assumes roleARN with
// the token tokenRetriever returns.
func NewWebIdentityRoleProvider(client AssumeRoleWithWebIdentityAPIClient, roleARN string, tokenRetriever IdentityTokenRetriever, optFns ...func(*WebIdentityRoleOptions)) *WebIdentityRoleProvider {
	o := WebIdentityRoleOptions{Client: client, RoleARN: roleARN, TokenRetriever: tokenRetriever}
	for _, fn := range optFns {
		fn(&o)
	}
	return &WebIdentityRoleProvider{options: o}
}

// Retrieve reads the token and assumes the role.
func (p *WebIdentityRoleProvider) Retrieve(ctx context.Context) (aws.Credentials, error) {
	o := p.options
	b, err := o.TokenRetriever.GetIdentityToken()
	if err != nil {
		return aws.Credentials{}, fmt.Errorf("web identity for role %s: %w", o.RoleARN, err)
	}
	session := o.RoleSessionName
	if session == "" {
		session = strconv.FormatInt(now().UnixNano(), 10)
	}
	in := &sts.AssumeRoleWithWebIdentityInput{
		RoleArn:          aws.String(o.RoleARN),
		RoleSessionName:  aws.String(session),
		WebIdentityToken: aws.String(string(b)),
		Policy:           o.Policy,
		PolicyArns:       o.PolicyARNs,
	}
	if o.Duration != 0 {
		in.DurationSeconds = aws.Int32(int32(o.Duration / time.Second))
	}
	out, err := o.Client.AssumeRoleWithWebIdentity(ctx, in, retryInvalidIdentityToken)
	if err != nil {
		return aws.Credentials{}, fmt.Errorf("web identity for role %s: %w", o.RoleARN, err)
	}
	return fromSTS(out.Credentials, out.AssumedRoleUser, WebIdentityProviderName, o.RoleARN)
}

// ProviderSources returns how the provider was configured.
func (p *WebIdentityRoleProvider) ProviderSources() []aws.CredentialSource {
	if p.options.CredentialSources == nil {
		return []aws.CredentialSource{aws.CredentialSourceSTSAssumeRoleWebID}
	}
	return p.options.CredentialSources
}

// retryInvalidIdentityToken also retries InvalidIdentityToken, as
// aws-sdk-go-v2 does: STS returns it while a freshly issued token's
// signing keys are still reaching it, and a moment later the same token is
// accepted.
func retryInvalidIdentityToken(o *sts.Options) {
	if o.Retryer != nil {
		o.Retryer = invalidTokenRetryer{o.Retryer}
	}
}

type invalidTokenRetryer struct{ aws.Retryer }

func (r invalidTokenRetryer) IsErrorRetryable(err error) bool {
	var e *types.InvalidIdentityTokenException
	return errors.As(err, &e) || r.Retryer.IsErrorRetryable(err)
}

// RetryCost keeps the wrapped retryer's cost accounting visible to the
// retry loop.
func (r invalidTokenRetryer) RetryCost(err error) int {
	if c, ok := r.Retryer.(interface{ RetryCost(error) int }); ok {
		return c.RetryCost(err)
	}
	return 0
}
