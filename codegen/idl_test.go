package codegen

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/internal/testkit/shared"
)

// TestProtocolTestsFromIDLEqualJSON generates the awsJson protocol
// compliance packages, as internal/protocoltest does from the JSON AST, from
// the Smithy IDL of the same suites instead, and requires identical files.
func TestProtocolTestsFromIDLEqualJSON(t *testing.T) {
	idlDir := shared.Path(t, "testdata", "protocol", "smithy-idl-full", "smithy-aws-protocol-tests", "model")
	ast := shared.Path(t, "testdata", "protocol", "smithy-json-ast", "smithy-aws-protocol-tests_model.json")
	deps := dependencyModel(t, ast, idlDir)
	for _, tc := range []struct{ service, pkg string }{
		{"aws.protocoltests.json#JsonProtocol", "awsjson11"},
		{"aws.protocoltests.json10#JsonRpc10", "awsjson10"},
	} {
		t.Run(tc.pkg, func(t *testing.T) {
			cfg := Config{Service: tc.service, Package: tc.pkg, ImportPath: "github.com/eucsdk/eucsdk/internal/protocoltest/" + tc.pkg}
			fromJSON, fromIDL := cfg, cfg
			fromJSON.Models = []string{ast}
			fromIDL.Models = []string{idlDir, deps}
			_, want, wantOrder, err := Generate(fromJSON)
			if err != nil {
				t.Fatal(err)
			}
			_, got, gotOrder, err := Generate(fromIDL)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(gotOrder, " ") != strings.Join(wantOrder, " ") {
				t.Fatalf("files differ:\n IDL:  %v\n JSON: %v", gotOrder, wantOrder)
			}
			for _, f := range wantOrder {
				if !bytes.Equal(got[f], want[f]) {
					t.Errorf("%s differs between IDL and JSON AST input:\n%s", f, firstDiff(got[f], want[f]))
				}
			}
			if !bytes.Contains(want["protocol_test.go"], []byte("func Test")) {
				t.Errorf("no protocol tests were generated")
			}
			t.Logf("%d identical files", len(wantOrder))
		})
	}
}

// dependencyModel writes the shapes the IDL package imports from outside
// itself (aws.api, aws.protocols, smithy.test, ...), taken from the JSON AST,
// to a temporary file: Smithy's build takes them from the trait packages.
func dependencyModel(t *testing.T, ast, idlDir string) string {
	t.Helper()
	userNS := map[string]bool{}
	nsLine := regexp.MustCompile(`(?m)^namespace\s+(\S+)`)
	filepath.WalkDir(idlDir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".smithy") {
			data, _ := os.ReadFile(p)
			for _, m := range nsLine.FindAllSubmatch(data, -1) {
				userNS[string(m[1])] = true
			}
		}
		return nil
	})
	data, err := os.ReadFile(ast)
	if err != nil {
		t.Fatal(err)
	}
	var raw struct {
		Shapes map[string]json.RawMessage `json:"shapes"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	shapes := map[string]json.RawMessage{}
	for id, s := range raw.Shapes {
		if !userNS[id[:strings.IndexByte(id, '#')]] {
			shapes[id] = s
		}
	}
	if len(shapes) == 0 || len(shapes) == len(raw.Shapes) {
		t.Fatalf("dependency split failed: %d of %d shapes", len(shapes), len(raw.Shapes))
	}
	out, err := json.Marshal(map[string]any{"smithy": "2.0", "shapes": shapes})
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "dependencies.json")
	if err := os.WriteFile(p, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// firstDiff shows the first differing line of two files.
func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + strconv.Itoa(i+1) + ":\n IDL:  " + x + "\n JSON: " + y
		}
	}
	return "(same lines)"
}

// TestIDLAndJSONModelsGenerateTheSame keeps each JSON AST model that has an
// IDL twin under testdata/models (weather) as proof that both formats give
// byte-identical packages.
func TestIDLAndJSONModelsGenerateTheSame(t *testing.T) {
	twins, err := filepath.Glob("testdata/models/*.smithy")
	if err != nil || len(twins) == 0 {
		t.Fatalf("no IDL models: %v", err)
	}
	for _, idl := range twins {
		ast := strings.TrimSuffix(idl, ".smithy") + ".json"
		if _, err := os.Stat(ast); err != nil {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(idl), ".smithy")
		t.Run(name, func(t *testing.T) {
			cfg := Config{Package: name, ImportPath: goldenImport + name}
			fromIDL, fromJSON := cfg, cfg
			fromIDL.Models, fromJSON.Models = []string{idl}, []string{ast}
			_, got, gotOrder, err := Generate(fromIDL)
			if err != nil {
				t.Fatal(err)
			}
			_, want, wantOrder, err := Generate(fromJSON)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(gotOrder, " ") != strings.Join(wantOrder, " ") {
				t.Fatalf("files differ:\n IDL:  %v\n JSON: %v", gotOrder, wantOrder)
			}
			for _, f := range wantOrder {
				if !bytes.Equal(got[f], want[f]) {
					t.Errorf("%s differs:\n%s", f, firstDiff(got[f], want[f]))
				}
			}
		})
	}
}
