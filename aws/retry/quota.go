package retry

import "sync"

// DefaultRetryQuota is the capacity of a client's retry quota.
const DefaultRetryQuota uint = 500

// RetryQuota is the client-wide token bucket that bounds retries. Every retry
// spends tokens and every success puts some back, so while a service is
// healthy retries are free, and when most calls fail the bucket drains and
// the client stops multiplying the load with retries (it fails fast instead).
// It is safe for concurrent use and meant to be shared by all calls of a
// client.
type RetryQuota struct {
	mu       sync.Mutex
	tokens   uint
	capacity uint
}

// NewRetryQuota returns a full bucket of capacity tokens.
func NewRetryQuota(capacity uint) *RetryQuota {
	return &RetryQuota{tokens: capacity, capacity: capacity}
}

// Take removes cost tokens if that many are left. It reports what remains;
// on failure nothing is taken.
func (q *RetryQuota) Take(cost uint) (remaining uint, ok bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if cost > q.tokens {
		return q.tokens, false
	}
	q.tokens -= cost
	return q.tokens, true
}

// Refund adds n tokens, never beyond the capacity.
func (q *RetryQuota) Refund(n uint) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if n >= q.capacity-q.tokens {
		q.tokens = q.capacity
		return
	}
	q.tokens += n
}

// Remaining is the number of tokens left.
func (q *RetryQuota) Remaining() uint {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.tokens
}

// Capacity is the most tokens the bucket holds.
func (q *RetryQuota) Capacity() uint {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.capacity
}
