package credentials

import (
	"context"
	"errors"
	"strings"

	"github.com/eucsdk/eucsdk/aws"
)

// ChainProvider asks providers in order and returns the first credentials
// found. A provider's ErrNotFound moves on to the next; any other error
// stops the chain, since falling through to other credentials would hide a
// broken configuration and act as a different identity.
type ChainProvider struct {
	Providers []aws.CredentialsProvider
}

// NewChainProvider returns a chain of providers.
func NewChainProvider(providers ...aws.CredentialsProvider) *ChainProvider {
	return &ChainProvider{Providers: providers}
}

// Retrieve walks the chain.
func (c *ChainProvider) Retrieve(ctx context.Context) (aws.Credentials, error) {
	var tried []string
	for _, p := range c.Providers {
		creds, err := p.Retrieve(ctx)
		if err == nil {
			return creds, nil
		}
		if !errors.Is(err, ErrNotFound) {
			return aws.Credentials{}, err
		}
		// Each says "no credentials found" at its end; once is enough.
		tried = append(tried, strings.TrimSuffix(err.Error(), ": "+ErrNotFound.Error()))
	}
	return aws.Credentials{}, &notFoundError{msg: "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or keys or credential_process in a shared-file profile; tried: " +
		strings.Join(tried, "; ")}
}

// notFoundError is the chain's ErrNotFound with what was tried, without
// repeating ErrNotFound's own text.
type notFoundError struct{ msg string }

func (e *notFoundError) Error() string { return e.msg }
func (e *notFoundError) Unwrap() error { return ErrNotFound }

// NewDefaultChain returns the default credentials: the environment, then
// the profile in the shared files (the credentials file's keys, the config
// file's keys, the config file's credential_process), behind a cache.
func NewDefaultChain(opts SharedFilesOptions, cacheOptFns ...func(*aws.CredentialsCacheOptions)) *aws.CredentialsCache {
	o := opts.Resolve()
	return aws.NewCredentialsCache(NewChainProvider(
		NewEnvProvider(),
		NewSharedCredentialsProvider(func(so *SharedFilesOptions) { *so = o }),
	), cacheOptFns...)
}
