package codegen

import (
	"path/filepath"
	"testing"
)

// TestBuildQueueModel generates examples/models/buildqueue, a multi-file IDL
// model written the way a team would write its own service, into a module
// outside this repository, and runs a create → list → wait → error → delete
// session of the generated client against a fake service built on the
// generated server package. It generates in process: TestOwnModel already
// runs the command and vets its output, and this package's tests are the
// slowest of the module.
func TestBuildQueueModel(t *testing.T) {
	mod := scratchModule(t, "example.com/buildqueue")
	root := checkout(t)
	res, err := Run(Config{
		Models:     []string{filepath.Join(root, "examples", "models", "buildqueue")},
		Package:    "buildqueue",
		ImportPath: "example.com/buildqueue/buildqueue",
		OutDir:     filepath.Join(mod, "buildqueue"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Service.Operations); n != 10 || len(res.Service.Unsupported) > 0 {
		t.Errorf("BuildQueue: %d operations (want 10), unsupported: %v", n, res.Service.Unsupported)
	}
	copyTestFile(t, "buildqueue_test.go.txt", filepath.Join(mod, "buildqueue_test.go"))
	goCmd(t, mod, "mod", "tidy")
	t.Log(goCmd(t, mod, "test", "-count=1", "-v", "./..."))
}
