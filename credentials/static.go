// Package credentials holds the credential providers of the default chain:
// static keys, the environment, the shared files and credential_process.
// Names follow aws-sdk-go-v2 so code moves over by changing imports.
package credentials

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/eucsdk/eucsdk/aws"
)

// ErrNotFound is wrapped by a provider's error when it simply has nothing to
// offer, so a chain moves on instead of failing.
var ErrNotFound = errors.New("no credentials found")

// StaticCredentialsSource is the Source of static credentials.
const StaticCredentialsSource = "StaticCredentials"

// StaticCredentialsProvider returns fixed credentials.
type StaticCredentialsProvider struct {
	Value aws.Credentials
	// Now is the clock used to reject expired credentials; nil means time.Now.
	Now func() time.Time
}

// NewStaticCredentialsProvider returns a provider of the given keys.
func NewStaticCredentialsProvider(key, secret, session string) StaticCredentialsProvider {
	return StaticCredentialsProvider{Value: aws.Credentials{
		AccessKeyID: key, SecretAccessKey: secret, SessionToken: session,
	}}
}

// Retrieve returns the credentials. Empty or expired keys are an error here
// rather than an opaque signature failure from the service later.
func (p StaticCredentialsProvider) Retrieve(context.Context) (aws.Credentials, error) {
	v := p.Value
	if !v.HasKeys() {
		return aws.Credentials{}, errors.New("static credentials are empty: both an access key id and a secret access key are required")
	}
	now := time.Now
	if p.Now != nil {
		now = p.Now
	}
	if v.ExpiredAt(now()) {
		return aws.Credentials{}, fmt.Errorf("static credentials for access key %s expired at %s", v.AccessKeyID, v.Expires.Format(time.RFC3339))
	}
	if v.Source == "" {
		v.Source = StaticCredentialsSource
	}
	return v, nil
}
