package codegen

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// checkout is the root of this repository, for go commands run from outside it.
func checkout(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// scratchModule makes a module named modPath in a temporary directory outside
// the repository, requiring this checkout the way a user's module requires a
// released eucsdk: generated code must build there with public packages only.
func scratchModule(t *testing.T, modPath string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a scratch module; skipped with -short")
	}
	root := checkout(t)
	dir := t.TempDir()
	gomod := "module " + modPath + "\n\ngo 1.24\n\nrequire github.com/eucsdk/eucsdk v0.0.0\n\nreplace github.com/eucsdk/eucsdk => " + root + "\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// goCmd runs the go command in dir outside any workspace and fails the test
// with its output on error.
func goCmd(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s (in %s): %v\n%s", strings.Join(args, " "), dir, err, out)
	}
	return string(out)
}

// copyTestFile puts a test program from testdata/scratch into the scratch
// module (testdata keeps it out of this module's build).
func copyTestFile(t *testing.T, name, dst string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "scratch", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
