package codegen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOwnModel follows the README's "Generate a client for your own model":
// the documented command generates testdata/models/weather.smithy into a module
// outside this repository, which then builds, vets and calls the client
// against an httptest server built on the generated server codecs.
func TestOwnModel(t *testing.T) {
	mod := scratchModule(t, "example.com/weather")
	root := checkout(t)
	out := goCmd(t, root, "run", filepath.Join(root, "codegen", "cmd", "eucsdk-gen"),
		"-model", filepath.Join(root, "codegen", "testdata", "models", "weather.smithy"),
		"-package", "weather", "-import", "example.com/weather/weather", "-out", filepath.Join(mod, "weather"))
	if !strings.Contains(out, "Weather: 2 operations") {
		t.Errorf("eucsdk-gen output: %q", out)
	}
	// The README quotes this output; keep the quote true.
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	summary := strings.SplitN(out, " in ", 2)[0]
	if !strings.Contains(string(readme), "\n"+summary+" in ./weather\n") {
		t.Errorf("README.md does not quote eucsdk-gen's output %q", summary)
	}
	copyTestFile(t, "weather_test.go.txt", filepath.Join(mod, "weather_test.go"))
	goCmd(t, mod, "mod", "tidy")
	goCmd(t, mod, "vet", "./...")
	t.Log(goCmd(t, mod, "test", "-count=1", "-v", "./..."))

	// Nothing the generated package imports may be internal to eucsdk.
	filepath.WalkDir(filepath.Join(mod, "weather"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := os.ReadFile(p)
		if strings.Contains(string(data), `"github.com/eucsdk/eucsdk/internal`) {
			t.Errorf("%s imports an internal package of eucsdk", p)
		}
		return nil
	})
}
