package codegen

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden packages under testdata/golden")

const goldenImport = "github.com/eucsdk/eucsdk/codegen/testdata/golden/"

// goldenModels lists the tiny models under testdata/models, IDL or JSON AST.
// A JSON model beside an IDL model of the same name is only a fixture for
// TestIDLAndJSONModelsGenerateTheSame: the IDL one is the golden input.
func goldenModels(t *testing.T) []string {
	t.Helper()
	idl, err := filepath.Glob("testdata/models/*.smithy")
	if err != nil {
		t.Fatal(err)
	}
	asts, err := filepath.Glob("testdata/models/*.json")
	if err != nil {
		t.Fatal(err)
	}
	models := idl
	for _, m := range asts {
		if _, err := os.Stat(strings.TrimSuffix(m, ".json") + ".smithy"); err != nil {
			models = append(models, m)
		}
	}
	sort.Strings(models)
	if len(models) == 0 {
		t.Fatal("no models under testdata/models")
	}
	return models
}

// TestGolden generates each tiny model under testdata/models and compares the
// result with the package committed under testdata/golden (go test -update
// rewrites it); the golden packages are then vetted, so they must compile.
func TestGolden(t *testing.T) {
	models := goldenModels(t)
	var pkgDirs []string
	for _, model := range models {
		name := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(model), ".json"), ".smithy")
		dir := filepath.Join("testdata", "golden", name)
		cfg := Config{Models: []string{model}, Package: name, ImportPath: goldenImport + name, OutDir: dir}
		t.Run(name, func(t *testing.T) {
			_, files, order, err := Generate(cfg)
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				if err := os.RemoveAll(dir); err != nil {
					t.Fatal(err)
				}
				if err := write(dir, files, order); err != nil {
					t.Fatal(err)
				}
			}
			var onDisk []string
			filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					rel, _ := filepath.Rel(dir, p)
					onDisk = append(onDisk, filepath.ToSlash(rel))
				}
				return nil
			})
			sort.Strings(onDisk)
			if strings.Join(onDisk, "\n") != strings.Join(order, "\n") {
				t.Fatalf("golden files differ:\n on disk: %v\n generated: %v\n(run go test ./codegen -run TestGolden -update)", onDisk, order)
			}
			for _, rel := range order {
				want, _ := os.ReadFile(filepath.Join(dir, rel))
				if !bytes.Equal(want, files[rel]) {
					t.Errorf("%s/%s differs from the golden file (run go test ./codegen -run TestGolden -update and review the diff)", name, rel)
				}
			}
		})
		for _, sub := range []string{"", "/types", "/server"} {
			if _, err := os.Stat(dir + sub); err == nil {
				pkgDirs = append(pkgDirs, "./codegen/"+filepath.ToSlash(dir)+sub)
			}
		}
	}
	if testing.Short() {
		return
	}
	cmd := exec.Command("go", append([]string{"vet"}, pkgDirs...)...)
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("golden packages do not vet: %v\n%s", err, out)
	}
}

// TestGoldenKitchenSinkTraits checks that each trait the kitchen-sink model
// uses shows up in the generated code the way the issue asks.
func TestGoldenKitchenSinkTraits(t *testing.T) {
	cfg := Config{Models: []string{"testdata/models/kitchensink.json"}, Package: "kitchensink", ImportPath: goldenImport + "kitchensink"}
	_, files, _, err := Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ file, want, why string }{
		{"api_op_PutEverything.go", "Password *string", "sensitive string member"},
		{"api_op_PutEverything.go", `return redact.Struct(v, "Password")`, "sensitive members are redacted in String()"},
		{"api_op_PutEverything.go", "// Deprecated: Use Name.", "deprecated member"},
		{"api_op_PutEverything.go", "// This member is required.", "required member doc"},
		{"api_op_PutEverything.go", "c.Token = aws.String(token())", "idempotency token auto-fill on a copy"},
		{"api_op_PutEverything.go", "Tags map[string]string", "mixin members are copied"},
		{"api_op_PutEverything.go", "Defaulted int32", "a zero default makes a value even in an @input structure (aws-sdk-go-v2's rule)"},
		{"serializers.go", "if v.Defaulted != 0 {", "an input's zero-default member is sent only when not zero, as aws-sdk-go-v2 does"},
		{"api_op_PutEverything.go", "//   - One", "HTML lists become godoc lists"},
		{"serializers.go", `e.Key("Renamed")`, "jsonName is ignored on the wire by awsJson"},
		{"serializers.go", "e.TimestampDateTime(*v.WhenISO)", "timestampFormat date-time"},
		{"serializers.go", "e.TimestampHTTPDate(*v.WhenHTTP)", "timestampFormat http-date"},
		{"serializers.go", "e.TimestampEpochSeconds(*v.When)", "default timestamp format"},
		{"serializers.go", "e.Null()", "sparse lists keep nulls"},
		{"types/enums.go", `ColorDarkRed Color = "dark-red"`, "enum constant naming"},
		{"types/enums.go", "LevelHigh Level = 10", "intEnum"},
		{"types/types.go", "type ShapeUnionMemberItem struct", "union member types"},
		{"types/types.go", "type UnknownUnionMember struct", "unknown union member"},
		{"types/errors.go", "func (e *Throttled) IsErrorThrottle() bool", "retryable throttling trait"},
		{"types/errors.go", "func (e *Missing) ErrorFault() smithy.ErrorFault", "modeled errors implement smithy.APIError"},
		{"validators.go", `smithy.NewErrParamRequired("Name")`, "required members validated"},
		{"validators.go", `fmt.Sprintf("[%d]", i)`, "nested validation reports list indexes"},
		{"deserializers.go", "v = &types.UnknownUnionMember{", "unknown union members decoded"},
	}
	for _, c := range checks {
		if !strings.Contains(string(files[c.file]), c.want) {
			t.Errorf("%s: %s: %q not found", c.why, c.file, c.want)
		}
	}
}
