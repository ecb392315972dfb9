// Package shared finds the project's shared folder (models and conformance
// data kept beside the checkout, never copied into it) for tests and tools.
package shared

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// Env names a folder to use instead of ../shared beside the module root.
const Env = "EUCSDK_SHARED_DIR"

// Locate returns the shared folder: $EUCSDK_SHARED_DIR, or "shared" beside
// the directory that holds this module's go.mod.
func Locate() (string, error) {
	if d := os.Getenv(Env); d != "" {
		return d, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && isRoot(dir) {
			cand := filepath.Join(filepath.Dir(dir), "shared")
			if _, err := os.Stat(filepath.Join(cand, "models")); err != nil {
				return "", fmt.Errorf("shared folder not found at %s (set %s): %w", cand, Env, err)
			}
			return cand, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("module root of github.com/eucsdk/eucsdk not found above the working directory (set %s)", Env)
		}
		dir = parent
	}
}

// isRoot reports whether dir's go.mod is this module's (nested modules such as
// bench/ have their own go.mod and sit one level below).
func isRoot(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return false
	}
	const want = "module github.com/eucsdk/eucsdk\n"
	return len(b) >= len(want) && string(b[:len(want)]) == want
}

// Path joins elem onto the shared folder, failing the test when it is missing.
func Path(t testing.TB, elem ...string) string {
	t.Helper()
	d, err := Locate()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(append([]string{d}, elem...)...)
}

// Strict reports whether a test whose data or peer is missing must fail
// rather than skip: CI sets CI=true, and EUCSDK_STRICT=1 asks for the same
// locally. A skip that CI cannot see would let a whole suite stop running
// unnoticed.
func Strict() bool {
	for _, name := range []string{"CI", "EUCSDK_STRICT"} {
		if v, err := strconv.ParseBool(os.Getenv(name)); err == nil && v {
			return true
		}
	}
	return false
}

// SkipOrFail skips tb with the message, or fails it under Strict.
func SkipOrFail(tb testing.TB, format string, args ...any) {
	tb.Helper()
	if Strict() {
		tb.Fatalf(format+" (a failure because CI or EUCSDK_STRICT is set)", args...)
	}
	tb.Skipf(format, args...)
}
