package codegen

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildQueueModel generates examples/models/buildqueue, a multi-file IDL
// model written the way a team would write its own service, into a module
// outside this repository, and runs a create → list → wait → error → delete
// session of the generated client against a fake service built on the
// generated server package.
func TestBuildQueueModel(t *testing.T) {
	mod := scratchModule(t, "example.com/buildqueue")
	root := checkout(t)
	out := goCmd(t, root, "run", filepath.Join(root, "codegen", "cmd", "eucsdk-gen"),
		"-model", filepath.Join(root, "examples", "models", "buildqueue"),
		"-package", "buildqueue", "-import", "example.com/buildqueue/buildqueue", "-out", filepath.Join(mod, "buildqueue"))
	if !strings.HasPrefix(out, "BuildQueue: 10 operations,") || strings.Contains(out, "skipped") {
		t.Errorf("eucsdk-gen output: %q", out)
	}
	copyTestFile(t, "buildqueue_test.go.txt", filepath.Join(mod, "buildqueue_test.go"))
	goCmd(t, mod, "mod", "tidy")
	goCmd(t, mod, "vet", "./...")
	t.Log(goCmd(t, mod, "test", "-count=1", "-v", "./..."))
}
