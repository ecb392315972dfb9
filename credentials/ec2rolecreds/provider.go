// Package ec2rolecreds reads the credentials of an EC2 instance's role from
// the instance metadata service, at aws-sdk-go-v2's path and with its API.
package ec2rolecreds

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/feature/ec2/imds"
)

// ProviderName is the Source of the credentials.
const ProviderName = "EC2RoleProvider"

const securityCredentialsPath = "/iam/security-credentials/"

// GetMetadataAPIClient is what the provider needs of an IMDS client.
type GetMetadataAPIClient interface {
	GetMetadata(context.Context, *imds.GetMetadataInput, ...func(*imds.Options)) (*imds.GetMetadataOutput, error)
}

// Options configure the provider.
type Options struct {
	// Client defaults to imds.New(imds.Options{}).
	Client GetMetadataAPIClient
}

// Provider returns the role credentials of the instance. Wrap it in an
// aws.CredentialsCache: it asks the service at every Retrieve.
type Provider struct {
	options Options
}

// New returns a provider.
func New(optFns ...func(*Options)) *Provider {
	var o Options
	for _, fn := range optFns {
		fn(&o)
	}
	if o.Client == nil {
		o.Client = imds.New(imds.Options{})
	}
	return &Provider{options: o}
}

// roleCredentials is the document at iam/security-credentials/ROLE.
type roleCredentials struct {
	Code            string
	Message         string
	AccessKeyID     string `json:"AccessKeyId"`
	SecretAccessKey string
	Token           string
	Expiration      time.Time
}

// Retrieve asks for the instance's role, then for its credentials.
func (p *Provider) Retrieve(ctx context.Context) (aws.Credentials, error) {
	roles, err := p.get(ctx, securityCredentialsPath)
	if err != nil {
		return aws.Credentials{}, fmt.Errorf("EC2 role credentials: no role (is an instance profile attached?): %w", err)
	}
	var role string
	sc := bufio.NewScanner(bytes.NewReader(roles))
	if sc.Scan() {
		role = strings.TrimSpace(sc.Text())
	}
	if role == "" {
		return aws.Credentials{}, fmt.Errorf("EC2 role credentials: the instance has no role (the metadata path iam/security-credentials/ is empty)")
	}
	b, err := p.get(ctx, securityCredentialsPath+role)
	if err != nil {
		return aws.Credentials{}, fmt.Errorf("EC2 role credentials for role %s: %w", role, err)
	}
	var rc roleCredentials
	if err := json.Unmarshal(b, &rc); err != nil {
		// The document holds secrets: its size, never its text.
		return aws.Credentials{}, fmt.Errorf("EC2 role credentials for role %s: the document (%d bytes) is not the expected JSON", role, len(b))
	}
	if !strings.EqualFold(rc.Code, "Success") {
		return aws.Credentials{}, fmt.Errorf("EC2 role credentials for role %s: the service answered code %q: %s", role, rc.Code, rc.Message)
	}
	if rc.AccessKeyID == "" || rc.SecretAccessKey == "" {
		return aws.Credentials{}, fmt.Errorf("EC2 role credentials for role %s: the document lacks AccessKeyId or SecretAccessKey", role)
	}
	return aws.Credentials{
		AccessKeyID:     rc.AccessKeyID,
		SecretAccessKey: rc.SecretAccessKey,
		SessionToken:    rc.Token,
		Source:          ProviderName,
		CanExpire:       !rc.Expiration.IsZero(),
		Expires:         rc.Expiration.UTC(),
	}, nil
}

func (p *Provider) get(ctx context.Context, path string) ([]byte, error) {
	out, err := p.options.Client.GetMetadata(ctx, &imds.GetMetadataInput{Path: path})
	if err != nil {
		return nil, err
	}
	defer out.Content.Close()
	return io.ReadAll(out.Content)
}
