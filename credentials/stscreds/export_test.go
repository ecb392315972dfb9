package stscreds

import "time"

// SetNow replaces the package clock for a test.
func SetNow(f func() time.Time) (restore func()) {
	old := now
	now = f
	return func() { now = old }
}
