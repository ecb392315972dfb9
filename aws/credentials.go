// Package aws holds the small set of types every eucsdk client shares:
// credentials, retry and logging settings, the shared client configuration,
// and pointer helpers. Names follow aws-sdk-go-v2's aws package so that code
// moves over by changing its imports.
package aws

import (
	"context"
	"time"
)

// Credentials are the AWS keys a request is signed with.
type Credentials struct {
	AccessKeyID     string
	SecretAccessKey string
	SessionToken    string

	// Source names the provider that produced the credentials, for errors and logs.
	Source string

	// CanExpire is true when Expires is meaningful.
	CanExpire bool
	Expires   time.Time

	// AccountID is the account the credentials belong to, when the provider knows it.
	AccountID string
}

// Expired reports whether the credentials have expired at the given time.
func (c Credentials) ExpiredAt(now time.Time) bool {
	return c.CanExpire && !now.Before(c.Expires)
}

// Expired reports whether the credentials have expired now.
func (c Credentials) Expired() bool { return c.ExpiredAt(time.Now()) }

// HasKeys reports whether both the access key id and the secret are set.
func (c Credentials) HasKeys() bool { return c.AccessKeyID != "" && c.SecretAccessKey != "" }

// String never prints the secret or the session token.
func (c Credentials) String() string {
	return "Credentials{AccessKeyID: " + c.AccessKeyID + ", SecretAccessKey: <redacted>, SessionToken: <redacted>, Source: " + c.Source + "}"
}

// GoString keeps %#v as safe as %v.
func (c Credentials) GoString() string { return c.String() }

// CredentialsProvider returns credentials; implementations must be safe for concurrent use.
type CredentialsProvider interface {
	Retrieve(ctx context.Context) (Credentials, error)
}

// CredentialsProviderFunc adapts a function to CredentialsProvider.
type CredentialsProviderFunc func(context.Context) (Credentials, error)

// Retrieve calls f.
func (f CredentialsProviderFunc) Retrieve(ctx context.Context) (Credentials, error) { return f(ctx) }

// AnonymousCredentials makes a client send unsigned requests.
type AnonymousCredentials struct{}

// Retrieve returns empty credentials with Source "AnonymousCredentials".
func (AnonymousCredentials) Retrieve(context.Context) (Credentials, error) {
	return Credentials{Source: "AnonymousCredentials"}, nil
}
