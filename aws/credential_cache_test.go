package aws

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (f *fakeClock) Now() time.Time      { f.mu.Lock(); defer f.mu.Unlock(); return f.now }
func (f *fakeClock) Add(d time.Duration) { f.mu.Lock(); f.now = f.now.Add(d); f.mu.Unlock() }

var t0 = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// countingProvider hands out keys numbered by call, expiring an hour after
// the fake clock's time.
type countingProvider struct {
	calls atomic.Int32
	clock *fakeClock
	err   error
	gate  chan struct{} // when set, each call waits for it to close
}

func (p *countingProvider) Retrieve(ctx context.Context) (Credentials, error) {
	n := p.calls.Add(1)
	if p.gate != nil {
		<-p.gate
	}
	if p.err != nil {
		return Credentials{}, p.err
	}
	return Credentials{AccessKeyID: "AKID" + string(rune('0'+n)), SecretAccessKey: "s",
		CanExpire: true, Expires: p.clock.Now().Add(time.Hour), Source: "counting"}, nil
}

func newCache(p CredentialsProvider, clock *fakeClock, window time.Duration) *CredentialsCache {
	return NewCredentialsCache(p, func(o *CredentialsCacheOptions) {
		o.Now = clock.Now
		o.ExpiryWindow = window
	})
}

func TestCacheOneRefreshForManyCallers(t *testing.T) {
	clock := &fakeClock{now: t0}
	p := &countingProvider{clock: clock, gate: make(chan struct{})}
	c := newCache(p, clock, 0)

	const n = 64
	var wg sync.WaitGroup
	keys := make([]string, n)
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			creds, err := c.Retrieve(context.Background())
			keys[i], errs[i] = creds.AccessKeyID, err
		}()
	}
	// Let the provider finish only once the first call is in flight; the
	// rest either wait on it or arrive after it and hit the cache.
	for p.calls.Load() == 0 {
		runtime.Gosched()
	}
	close(p.gate)
	wg.Wait()
	if got := p.calls.Load(); got != 1 {
		t.Fatalf("provider called %d times, want 1", got)
	}
	for i := range n {
		if errs[i] != nil || keys[i] != "AKID1" {
			t.Fatalf("caller %d got %q, %v", i, keys[i], errs[i])
		}
	}
}

func TestCacheRefreshesInsideExpiryWindow(t *testing.T) {
	clock := &fakeClock{now: t0}
	p := &countingProvider{clock: clock}
	c := newCache(p, clock, 5*time.Minute)
	ctx := context.Background()

	first, _ := c.Retrieve(ctx)
	clock.Add(54 * time.Minute)
	if again, _ := c.Retrieve(ctx); again.AccessKeyID != first.AccessKeyID || p.calls.Load() != 1 {
		t.Fatalf("refreshed %d times 6 minutes before expiry", p.calls.Load()-1)
	}
	clock.Add(time.Minute + time.Second) // 4m59s before expiry: inside the window
	next, err := c.Retrieve(ctx)
	if err != nil || next.AccessKeyID != "AKID2" || p.calls.Load() != 2 {
		t.Fatalf("got %q, %v after %d calls; want a refresh inside the window", next.AccessKeyID, err, p.calls.Load())
	}
}

func TestCacheNeverExpiringCredentialsAreFetchedOnce(t *testing.T) {
	var calls atomic.Int32
	c := NewCredentialsCache(CredentialsProviderFunc(func(context.Context) (Credentials, error) {
		calls.Add(1)
		return Credentials{AccessKeyID: "A", SecretAccessKey: "S"}, nil
	}))
	for range 3 {
		if _, err := c.Retrieve(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if calls.Load() != 1 {
		t.Fatalf("provider called %d times", calls.Load())
	}
	c.Invalidate()
	c.Retrieve(context.Background())
	if calls.Load() != 2 {
		t.Fatalf("Invalidate did not force a refresh")
	}
}

func TestCacheErrorIsNotCached(t *testing.T) {
	clock := &fakeClock{now: t0}
	boom := errors.New("boom")
	p := &countingProvider{clock: clock, err: boom}
	c := newCache(p, clock, 0)
	if _, err := c.Retrieve(context.Background()); !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the provider's", err)
	}
	p.err = nil
	if creds, err := c.Retrieve(context.Background()); err != nil || creds.AccessKeyID != "AKID2" {
		t.Fatalf("after a failure: %q, %v", creds.AccessKeyID, err)
	}
}

func TestCacheRejectsAlreadyExpired(t *testing.T) {
	clock := &fakeClock{now: t0}
	c := newCache(CredentialsProviderFunc(func(context.Context) (Credentials, error) {
		return Credentials{AccessKeyID: "A", SecretAccessKey: "S", Source: "test", CanExpire: true, Expires: t0.Add(-time.Minute)}, nil
	}), clock, 0)
	_, err := c.Retrieve(context.Background())
	if err == nil || !strings.Contains(err.Error(), "test") || !strings.Contains(err.Error(), "expired") {
		t.Fatalf("err = %v, want an expiry error naming the source", err)
	}
}

func TestCacheWaiterCancellationDoesNotCancelRefresh(t *testing.T) {
	clock := &fakeClock{now: t0}
	p := &countingProvider{clock: clock, gate: make(chan struct{})}
	c := newCache(p, clock, 0)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Retrieve(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	close(p.gate)
	creds, err := c.Retrieve(context.Background())
	if err != nil || creds.AccessKeyID != "AKID1" || p.calls.Load() != 1 {
		t.Fatalf("got %q, %v after %d calls; want the refresh the canceled caller started", creds.AccessKeyID, err, p.calls.Load())
	}
}

func TestNewCredentialsCacheDoesNotWrapTwice(t *testing.T) {
	inner := NewCredentialsCache(AnonymousCredentials{})
	if NewCredentialsCache(inner) != inner {
		t.Error("a cache was wrapped in another")
	}
	if !inner.IsCredentialsProvider(AnonymousCredentials{}) {
		t.Error("IsCredentialsProvider does not see the wrapped provider")
	}
}
