package smithy

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden error texts under testdata/idl-errors")

// TestIDLErrors loads each malformed model under testdata/idl-errors and
// requires the exact error text in its .err file, file:line:column
// included (go test -run TestIDLErrors -update rewrites them).
func TestIDLErrors(t *testing.T) {
	models, err := filepath.Glob("testdata/idl-errors/*.smithy")
	if err != nil || len(models) < 20 {
		t.Fatalf("expected at least 20 malformed models, found %d (%v)", len(models), err)
	}
	for _, model := range models {
		name := strings.TrimSuffix(filepath.Base(model), ".smithy")
		t.Run(name, func(t *testing.T) {
			_, err := LoadFiles([]string{filepath.ToSlash(model)}, nil)
			if err == nil {
				t.Fatal("loaded without error")
			}
			got := err.Error() + "\n"
			golden := strings.TrimSuffix(model, ".smithy") + ".err"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestIDLErrors -update)", err)
			}
			if got != string(want) {
				t.Errorf("error text\n got: %s want: %s", got, want)
			}
			if !strings.HasPrefix(got, filepath.ToSlash(model)+":") {
				t.Errorf("error does not start with the file name: %s", got)
			}
		})
	}
}
