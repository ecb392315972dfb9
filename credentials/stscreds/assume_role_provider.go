// Package stscreds provides credentials from AWS STS: AssumeRole (with an
// optional MFA token) and AssumeRoleWithWebIdentity. Its exported API is
// aws-sdk-go-v2's credentials/stscreds, so code moves over by changing the
// import prefix. Wrap a provider in aws.NewCredentialsCache: the cache
// refreshes ahead of expiry, keeps one refresh in flight and never serves
// expired credentials.
package stscreds

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/sts"
	"github.com/eucsdk/eucsdk/sts/types"
)

// StdinTokenProvider prompts on stdout and reads an MFA token code from
// stdin. It is meant for interactive programs; set it as
// AssumeRoleOptions.TokenProvider.
func StdinTokenProvider() (string, error) {
	var v string
	fmt.Printf("Assume Role MFA token code: ")
	_, err := fmt.Scanln(&v)
	return v, err
}

// ProviderName is the Source of credentials from an AssumeRoleProvider.
const ProviderName = "AssumeRoleProvider"

// AssumeRoleAPIClient is the STS client an AssumeRoleProvider calls;
// *sts.Client is one.
type AssumeRoleAPIClient interface {
	AssumeRole(ctx context.Context, params *sts.AssumeRoleInput, optFns ...func(*sts.Options)) (*sts.AssumeRoleOutput, error)
}

// DefaultDuration is how long assumed-role credentials last unless
// AssumeRoleOptions.Duration says otherwise.
var DefaultDuration = 15 * time.Minute

// AssumeRoleProvider retrieves credentials by calling STS AssumeRole with
// the credentials of the client it is given.
type AssumeRoleProvider struct {
	options AssumeRoleOptions
}

// AssumeRoleOptions configure an AssumeRoleProvider.
type AssumeRoleOptions struct {
	// Client calls AssumeRole; its own credentials are the source identity.
	Client AssumeRoleAPIClient
	// RoleARN is the role to assume.
	RoleARN string
	// RoleSessionName names the session; empty means a generated
	// aws-go-sdk-<nanoseconds> name.
	RoleSessionName string
	// Duration of the credentials; 0 means DefaultDuration.
	Duration time.Duration
	// ExternalID is the external id the role's trust policy may require.
	ExternalID *string
	// Policy is an inline session policy (JSON).
	Policy *string
	// PolicyARNs are managed session policies.
	PolicyARNs []types.PolicyDescriptorType
	// SerialNumber is the MFA device's serial number or ARN; when set,
	// TokenProvider must be too.
	SerialNumber *string
	// SourceIdentity is the source identity passed to STS.
	SourceIdentity *string
	// TokenProvider returns the current MFA code; it is called on every
	// refresh. StdinTokenProvider prompts for it.
	TokenProvider func() (string, error)
	// Tags are session tags.
	Tags []types.Tag
	// TransitiveTagKeys are the session tags that pass on to chained roles.
	TransitiveTagKeys []string
	// CredentialSources record how the provider was configured (v2 reports
	// them in its User-Agent); nil means this provider was built in code.
	CredentialSources []aws.CredentialSource
}

// NewAssumeRoleProvider returns a provider that assumes roleARN through
// client.
func NewAssumeRoleProvider(client AssumeRoleAPIClient, roleARN string, optFns ...func(*AssumeRoleOptions)) *AssumeRoleProvider {
	o := AssumeRoleOptions{Client: client, RoleARN: roleARN}
	for _, fn := range optFns {
		fn(&o)
	}
	return &AssumeRoleProvider{options: o}
}

// now is the clock of session names and tests.
var now = time.Now

// Retrieve assumes the role. The MFA code, when one is needed, is asked for
// on every call: codes are single-use and short-lived.
func (p *AssumeRoleProvider) Retrieve(ctx context.Context) (aws.Credentials, error) {
	o := p.options
	if o.RoleSessionName == "" {
		o.RoleSessionName = fmt.Sprintf("aws-go-sdk-%d", now().UTC().UnixNano())
	}
	if o.Duration == 0 {
		o.Duration = DefaultDuration
	}
	in := &sts.AssumeRoleInput{
		RoleArn:           aws.String(o.RoleARN),
		RoleSessionName:   aws.String(o.RoleSessionName),
		DurationSeconds:   aws.Int32(int32(o.Duration / time.Second)),
		ExternalId:        o.ExternalID,
		Policy:            o.Policy,
		PolicyArns:        o.PolicyARNs,
		SourceIdentity:    o.SourceIdentity,
		Tags:              o.Tags,
		TransitiveTagKeys: o.TransitiveTagKeys,
	}
	if o.SerialNumber != nil {
		if o.TokenProvider == nil {
			return aws.Credentials{}, fmt.Errorf("assume role %s: mfa_serial %s is set but AssumeRoleOptions.TokenProvider is not", o.RoleARN, *o.SerialNumber)
		}
		code, err := o.TokenProvider()
		if err != nil {
			return aws.Credentials{}, fmt.Errorf("assume role %s: MFA token provider: %w", o.RoleARN, err)
		}
		in.SerialNumber, in.TokenCode = o.SerialNumber, aws.String(code)
	}
	out, err := o.Client.AssumeRole(ctx, in)
	if err != nil {
		return aws.Credentials{Source: ProviderName}, fmt.Errorf("assume role %s: %w", o.RoleARN, err)
	}
	return fromSTS(out.Credentials, out.AssumedRoleUser, ProviderName, o.RoleARN)
}

// ProviderSources returns how the provider was configured, ending with
// STS AssumeRole.
func (p *AssumeRoleProvider) ProviderSources() []aws.CredentialSource {
	if p.options.CredentialSources == nil {
		return []aws.CredentialSource{aws.CredentialSourceSTSAssumeRole}
	}
	return append(p.options.CredentialSources, aws.CredentialSourceSTSAssumeRole)
}

// fromSTS turns an STS credentials result into aws.Credentials; the account
// id is the fifth field of the assumed role's ARN.
func fromSTS(c *types.Credentials, user *types.AssumedRoleUser, source, role string) (aws.Credentials, error) {
	if c == nil || c.AccessKeyId == nil || c.SecretAccessKey == nil {
		return aws.Credentials{Source: source}, errors.New("assume role " + role + ": the response has no credentials")
	}
	v := aws.Credentials{
		AccessKeyID:     *c.AccessKeyId,
		SecretAccessKey: *c.SecretAccessKey,
		SessionToken:    aws.ToString(c.SessionToken),
		Source:          source,
		CanExpire:       true,
		Expires:         aws.ToTime(c.Expiration),
	}
	if user != nil {
		if parts := strings.Split(aws.ToString(user.Arn), ":"); len(parts) >= 5 {
			v.AccountID = parts[4]
		}
	}
	return v, nil
}
