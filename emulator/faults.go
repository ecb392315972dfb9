package emulator

import (
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Faults makes the emulator misbehave the ways a real endpoint does, so
// retry, timeout and error-handling paths can be tested and demonstrated.
// The zero value injects nothing.
type Faults struct {
	// ThrottleEvery answers every Nth request (counting all requests since
	// the emulator started) with ThrottlingException, HTTP 400.
	ThrottleEvery int
	// ServerErrorRate is the fraction, 0 to 1, of authenticated requests
	// answered with InternalFailure, HTTP 500.
	ServerErrorRate float64
	// DropRate is the fraction, 0 to 1, of requests whose connection is
	// closed without a response.
	DropRate float64
	// Latency is added before every response, on the real clock.
	Latency time.Duration
	// RetryAfter, when positive, is sent as x-amz-retry-after (whole
	// milliseconds) with every throttling and server error the knobs above
	// inject, as a service suggests a backoff under retries 2.1.
	RetryAfter time.Duration
	// Seed makes the random choices of ServerErrorRate and DropRate
	// repeatable.
	Seed uint64
}

type faultState struct {
	mu  sync.Mutex
	f   Faults
	rnd *rand.Rand
}

func (s *faultState) set(f Faults) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.f = f
	s.rnd = rand.New(rand.NewPCG(f.Seed, f.Seed^0x9e3779b97f4a7c15))
}

func (s *faultState) get() Faults {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.f
}

func (s *faultState) roll(rate float64) bool {
	if rate <= 0 {
		return false
	}
	if rate >= 1 {
		return true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rnd.Float64() < rate
}

func (s *faultState) drop(f Faults) bool        { return s.roll(f.DropRate) }
func (s *faultState) serverError(f Faults) bool { return s.roll(f.ServerErrorRate) }

// SetFaults replaces the fault injection settings; Faults{} turns it off.
func (e *Emulator) SetFaults(f Faults) { e.faults.set(f) }

// suggestRetryAfter adds x-amz-retry-after to an injected fault's response.
func suggestRetryAfter(w http.ResponseWriter, f Faults) {
	if f.RetryAfter > 0 {
		w.Header().Set("X-Amz-Retry-After", strconv.FormatInt(f.RetryAfter.Milliseconds(), 10))
	}
}
