// Package awsenv gives a test an AWS environment of its own: no AWS_*
// variable of the developer's or CI's shell, and a fresh home whose shared
// config and credentials files are the test's to write. Every test that
// reads the environment or the shared files starts from it, so results
// never depend on the machine the tests run on.
package awsenv

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Env is a clean environment.
type Env struct {
	// Home is a new, empty directory set as HOME (and USERPROFILE).
	Home string
	// ConfigFile and CredentialsFile are where the shared files are read
	// from by default: Home/.aws/config and Home/.aws/credentials. The .aws
	// directory exists; the files do not.
	ConfigFile, CredentialsFile string
}

// Clean unsets every AWS_* variable (whatever its name, so a variable a
// provider learns to read later is cleared too), except that it disables
// EC2 IMDS, and points HOME at a temp directory, for the rest of the test. Like t.Setenv it cannot be used in
// parallel tests.
func Clean(t testing.TB) Env {
	t.Helper()
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "AWS_") {
			// Setenv registers the restore; Unsetenv then makes the variable
			// absent rather than empty, which providers may treat differently.
			t.Setenv(k, "")
			os.Unsetenv(k)
		}
	}
	// The last step of the default chain asks 169.254.169.254: on a CI
	// runner that is an EC2 instance, a test would get the runner's role.
	// Tests of IMDS itself set an endpoint and unset this.
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	dir := filepath.Join(home, ".aws")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	return Env{Home: home, ConfigFile: filepath.Join(dir, "config"), CredentialsFile: filepath.Join(dir, "credentials")}
}

// Swap sets vars (KEY=VALUE; an empty value unsets KEY) outside a test, for
// Example functions, and returns what restores the previous values. Shared
// config files are pointed at a name that does not exist, so the machine's
// own profiles are not read.
func Swap(vars []string) (restore func()) {
	none := filepath.Join(os.TempDir(), "eucsdk-awsenv-no-such-file")
	vars = append([]string{"AWS_CONFIG_FILE=" + none, "AWS_SHARED_CREDENTIALS_FILE=" + none}, vars...)
	type prev struct {
		v  string
		ok bool
	}
	old := map[string]prev{}
	for _, kv := range vars {
		k, v, _ := strings.Cut(kv, "=")
		if _, seen := old[k]; !seen {
			p, ok := os.LookupEnv(k)
			old[k] = prev{p, ok}
		}
		if v == "" {
			os.Unsetenv(k)
		} else {
			os.Setenv(k, v)
		}
	}
	return func() {
		for k, p := range old {
			if p.ok {
				os.Setenv(k, p.v)
			} else {
				os.Unsetenv(k)
			}
		}
	}
}
