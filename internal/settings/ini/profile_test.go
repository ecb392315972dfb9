package ini

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadProfileMergesFiles(t *testing.T) {
	dir := t.TempDir()
	cfg := write(t, dir, "config", "[default]\nregion = us-east-1\n[profile dev]\nregion = eu-west-1\naws_access_key_id = FROMCONFIG\n[dev]\nregion = ignored\n")
	creds := write(t, dir, "credentials", "[dev]\naws_access_key_id = FROMCREDS\n[profile dev]\naws_secret_access_key = ignored\n")

	p, err := LoadProfile([]string{cfg}, []string{creds, filepath.Join(dir, "missing")}, "dev")
	if err != nil {
		t.Fatal(err)
	}
	if !p.Found || p.String("region") != "eu-west-1" || p.String("aws_access_key_id") != "FROMCREDS" {
		t.Errorf("profile = %+v", p)
	}
	if v, _ := p.Get("AWS_ACCESS_KEY_ID"); v.File != creds || v.Line != 2 {
		t.Errorf("origin = %+v", v)
	}
	if _, ok := p.Get("aws_secret_access_key"); ok {
		t.Error("[profile dev] in the credentials file must not count")
	}

	d, _ := LoadProfile([]string{cfg}, nil, "default")
	if d.String("region") != "us-east-1" {
		t.Errorf("default region = %q", d.String("region"))
	}
	none, err := LoadProfile([]string{cfg}, []string{creds}, "nope")
	if err != nil || none.Found {
		t.Errorf("unknown profile: found=%v err=%v", none.Found, err)
	}
}

func TestLoadProfileMalformedNamesFileAndLine(t *testing.T) {
	dir := t.TempDir()
	cfg := write(t, dir, "config", "[default]\nregion = us-east-1\nthis is not ini\n")
	_, err := LoadProfile([]string{cfg}, nil, "default")
	var pe *ParseError
	if !errors.As(err, &pe) || pe.File != cfg || pe.Line != 3 || !strings.Contains(err.Error(), cfg+":3") {
		t.Fatalf("err = %v", err)
	}
}

func TestDefaultFiles(t *testing.T) {
	t.Setenv("HOME", "/h")
	t.Setenv(EnvConfigFile, "")
	t.Setenv(EnvCredentialsFile, "~/creds")
	if got := DefaultConfigFiles(); len(got) != 1 || got[0] != filepath.Join("/h", ".aws", "config") {
		t.Errorf("config = %q", got)
	}
	if got := DefaultCredentialsFiles(); len(got) != 1 || got[0] != "/h/creds" {
		t.Errorf("credentials = %q", got)
	}
	t.Setenv("HOME", "")
	if got := DefaultConfigFiles(); len(got) != 0 {
		t.Errorf("without a home: %q", got)
	}
}
