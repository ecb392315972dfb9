package aws

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// CredentialsCacheOptions tune a CredentialsCache.
type CredentialsCacheOptions struct {
	// ExpiryWindow treats credentials as expired this long before they do
	// expire, so a request signed just before expiry is not rejected while in
	// flight. Zero refreshes only at expiry.
	ExpiryWindow time.Duration

	// Now is the clock; nil means time.Now. Tests inject a fake one.
	Now func() time.Time
}

// CredentialsCache wraps a provider so that callers share one set of
// credentials until it nears expiry. Providers are often slow (a process, a
// network call), so concurrent callers that find the cache stale wait for a
// single refresh rather than each calling the provider.
type CredentialsCache struct {
	provider CredentialsProvider
	options  CredentialsCacheOptions

	mu      sync.Mutex
	creds   Credentials
	valid   bool
	refresh *refreshCall
}

// refreshCall is a provider call in flight; done closes when creds and err
// are set.
type refreshCall struct {
	done  chan struct{}
	creds Credentials
	err   error
}

// NewCredentialsCache returns a cache over provider. Wrapping a cache again
// returns the cache unchanged, which keeps chains from caching twice.
func NewCredentialsCache(provider CredentialsProvider, optFns ...func(*CredentialsCacheOptions)) *CredentialsCache {
	if c, ok := provider.(*CredentialsCache); ok && len(optFns) == 0 {
		return c
	}
	c := &CredentialsCache{provider: provider}
	for _, fn := range optFns {
		fn(&c.options)
	}
	if c.options.Now == nil {
		c.options.Now = time.Now
	}
	return c
}

// Retrieve returns the cached credentials, refreshing them first when they
// are missing or within ExpiryWindow of expiring. ctx bounds only this
// caller's wait: a refresh others are waiting on is not canceled with it.
func (c *CredentialsCache) Retrieve(ctx context.Context) (Credentials, error) {
	c.mu.Lock()
	if c.valid && !c.stale(c.creds) {
		creds := c.creds
		c.mu.Unlock()
		return creds, nil
	}
	call := c.refresh
	if call == nil {
		call = &refreshCall{done: make(chan struct{})}
		c.refresh = call
		go c.doRefresh(context.WithoutCancel(ctx), call)
	}
	c.mu.Unlock()

	select {
	case <-call.done:
		return call.creds, call.err
	case <-ctx.Done():
		return Credentials{}, ctx.Err()
	}
}

func (c *CredentialsCache) doRefresh(ctx context.Context, call *refreshCall) {
	creds, err := c.provider.Retrieve(ctx)
	if err == nil && creds.ExpiredAt(c.options.Now()) {
		err = fmt.Errorf("credentials from %s expired at %s", sourceName(creds), creds.Expires.Format(time.RFC3339))
	}
	c.mu.Lock()
	if err == nil {
		c.creds, c.valid = creds, true
	} else {
		creds = Credentials{}
	}
	c.refresh = nil
	c.mu.Unlock()

	call.creds, call.err = creds, err
	close(call.done)
}

// stale reports whether creds are within the expiry window; the caller
// holds c.mu.
func (c *CredentialsCache) stale(creds Credentials) bool {
	return creds.CanExpire && !c.options.Now().Add(c.options.ExpiryWindow).Before(creds.Expires)
}

// Invalidate drops the cached credentials, e.g. after a service rejected
// them, so the next Retrieve asks the provider again.
func (c *CredentialsCache) Invalidate() {
	c.mu.Lock()
	c.valid = false
	c.creds = Credentials{}
	c.mu.Unlock()
}

// IsCredentialsProvider reports whether the cache wraps target, so callers
// can tell which provider a configured cache uses.
func (c *CredentialsCache) IsCredentialsProvider(target CredentialsProvider) bool {
	return c.provider == target
}

// Provider returns the wrapped provider.
func (c *CredentialsCache) Provider() CredentialsProvider { return c.provider }

func sourceName(c Credentials) string {
	if c.Source == "" {
		return "the credentials provider"
	}
	return c.Source
}

// String describes the cache without its credentials: a %v of a client's
// options or of the cache itself must not print the keys it holds.
func (c *CredentialsCache) String() string {
	return fmt.Sprintf("CredentialsCache(%T)", c.provider)
}

// GoString is String, for %#v.
func (c *CredentialsCache) GoString() string { return c.String() }
