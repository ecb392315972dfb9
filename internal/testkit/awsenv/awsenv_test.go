package awsenv

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCleanUnsetsEveryAWSVariable(t *testing.T) {
	t.Setenv("AWS_REGION", "eu-west-1")
	t.Setenv("AWS_SOME_FUTURE_SETTING", "x")
	t.Setenv("AWS_CONFIG_FILE", "/etc/not-the-test's")
	t.Setenv("NOT_AWS", "kept")
	env := Clean(t)
	for _, k := range []string{"AWS_REGION", "AWS_SOME_FUTURE_SETTING", "AWS_CONFIG_FILE"} {
		if v, ok := os.LookupEnv(k); ok {
			t.Errorf("%s still set to %q", k, v)
		}
	}
	if os.Getenv("AWS_EC2_METADATA_DISABLED") != "true" {
		t.Error("EC2 IMDS is not disabled")
	}
	if os.Getenv("NOT_AWS") != "kept" {
		t.Error("a variable outside AWS_* was changed")
	}
	if os.Getenv("HOME") != env.Home {
		t.Errorf("HOME = %q, want %q", os.Getenv("HOME"), env.Home)
	}
	if env.ConfigFile != filepath.Join(env.Home, ".aws", "config") || env.CredentialsFile != filepath.Join(env.Home, ".aws", "credentials") {
		t.Errorf("shared files %q, %q not under %s/.aws", env.ConfigFile, env.CredentialsFile, env.Home)
	}
	if err := os.WriteFile(env.ConfigFile, []byte("[default]\n"), 0o600); err != nil {
		t.Errorf("config file not writable: %v", err)
	}
}
