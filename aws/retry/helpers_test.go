package retry

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"
)

// apiError is a service error as the pipeline will produce it: a code (the
// smithy.APIError side) and the HTTP status of the response.
type apiError struct {
	status  int
	code    string
	headers map[string]string
}

// ResponseHeader is how the pipeline's ResponseError exposes x-amz-retry-after.
func (e *apiError) ResponseHeader(name string) string {
	for k, v := range e.headers {
		if strings.EqualFold(k, name) {
			return v
		}
	}
	return ""
}

func (e *apiError) Error() string            { return fmt.Sprintf("api error %s (HTTP %d)", e.code, e.status) }
func (e *apiError) ErrorCode() string        { return e.code }
func (e *apiError) ErrorMessage() string     { return "test" }
func (e *apiError) HTTPStatusCode() int      { return e.status }
func (e *apiError) ErrorFaultString() string { return "server" }

// fakeClock is a Clock whose time moves only when a test (or fakeSleep) says.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock(t time.Time) *fakeClock { return &fakeClock{now: t} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// sleeper records requested waits and advances an optional fake clock instead
// of waiting. It honours cancellation like a real sleep.
type sleeper struct {
	mu     sync.Mutex
	clock  *fakeClock
	delays []time.Duration
}

func (s *sleeper) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	s.delays = append(s.delays, d)
	s.mu.Unlock()
	if s.clock != nil {
		s.clock.Advance(d)
	}
	return nil
}

func (s *sleeper) Delays() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.delays...)
}

func (s *sleeper) Total() time.Duration {
	var sum time.Duration
	for _, d := range s.Delays() {
		sum += d
	}
	return sum
}
