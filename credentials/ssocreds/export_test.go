package ssocreds

import "time"

// SetNow replaces the package clock for a test.
func SetNow(f func() time.Time) (restore func()) {
	old := now
	now = f
	return func() { now = old }
}

// SetHome replaces the home directory for a test.
func SetHome(dir string) (restore func()) {
	old := userHomeDir
	userHomeDir = func() (string, error) { return dir, nil }
	return func() { userHomeDir = old }
}
