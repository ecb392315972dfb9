package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// build compiles the command once per test into a temporary directory.
func build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "eucsdk-gen")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestUsageNamesInputs keeps -h telling a new user that IDL files and
// directories are accepted, not only JSON AST files.
func TestUsageNamesInputs(t *testing.T) {
	out, err := exec.Command(build(t), "-h").CombinedOutput()
	if err != nil {
		t.Fatalf("-h: %v\n%s", err, out)
	}
	for _, want := range []string{".smithy", "directory", "JSON AST", "-model"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("-h does not mention %q:\n%s", want, out)
		}
	}
}

// TestBadModelPathNamed: whatever is wrong with a -model path, the message
// names that path, and the command exits 1 without writing anything.
func TestBadModelPathNamed(t *testing.T) {
	bin := build(t)
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	notModel := filepath.Join(dir, "notes.txt")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(notModel, []byte("not a model\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	badIDL := filepath.Join(dir, "bad.smithy")
	if err := os.WriteFile(badIDL, []byte("$version: \"2\"\nnamespace a.b\nstructure {\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, path := range map[string]string{
		"missing file":      filepath.Join(dir, "nope.smithy"),
		"missing directory": filepath.Join(dir, "nope") + "/",
		"empty directory":   empty,
		"not a model":       notModel,
		"bad IDL":           badIDL,
	} {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(dir, "out-"+strings.ReplaceAll(name, " ", "-"))
			cmd := exec.Command(bin, "-model", path, "-package", "svc", "-import", "example.com/m/svc", "-out", out)
			msg, err := cmd.CombinedOutput()
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
				t.Fatalf("want exit status 1, got %v\n%s", err, msg)
			}
			if !strings.Contains(string(msg), strings.TrimSuffix(path, "/")) {
				t.Errorf("message does not name %s:\n%s", path, msg)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("-out %s was created", out)
			}
		})
	}
}
