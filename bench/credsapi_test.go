package bench

import (
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// exports lists what a package exports that callers can name, each with
// its printed type: functions and methods with their signatures, types
// with their kind, struct fields, constants and variables. The credential
// providers are hand-written, so unlike the generated clients their
// functions and methods are compared too.
func exports(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	fset := token.NewFileSet()
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	// print returns a node's source with layout removed, so that a
	// signature wrapped over lines compares equal to one on a single line.
	print := func(n ast.Node) string {
		var b strings.Builder
		printer.Fprint(&b, fset, n)
		s := strings.Join(strings.Fields(b.String()), " ")
		return strings.NewReplacer("( ", "(", ", )", ")", " )", ")").Replace(s)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range af.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() {
					continue
				}
				name := "func " + d.Name.Name
				if d.Recv != nil {
					recv := strings.TrimPrefix(print(d.Recv.List[0].Type), "*")
					if !ast.IsExported(recv) {
						continue // unreachable by callers
					}
					name = "method " + recv + "." + d.Name.Name
				}
				out[name] = print(d.Type)
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						if !s.Name.IsExported() {
							continue
						}
						switch tt := s.Type.(type) {
						case *ast.StructType:
							out["type "+s.Name.Name] = "struct"
							for _, fl := range tt.Fields.List {
								for _, n := range fl.Names {
									if n.IsExported() {
										out["field "+s.Name.Name+"."+n.Name] = print(fl.Type)
									}
								}
							}
						default:
							out["type "+s.Name.Name] = print(s.Type)
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.IsExported() {
								out[d.Tok.String()+" "+n.Name] = ""
							}
						}
					}
				}
			}
		}
	}
	return out
}

// credsOnlyInV2 is what aws-sdk-go-v2's provider packages export and ours
// do not, with the reason.
var credsOnlyInV2 = map[string][]string{}

// TestCredentialProvidersHaveV2API: every function, method, type, field,
// constant and variable v2's stscreds, ssocreds and logincreds export is
// exported by ours with the same printed type (imports map by prefix, so
// sts.AssumeRoleInput reads the same in both). Ours may export more.
func TestCredentialProvidersHaveV2API(t *testing.T) {
	for _, name := range []string{"stscreds", "ssocreds", "logincreds"} {
		oursPath := "github.com/eucsdk/eucsdk/credentials/" + name
		ours := exports(t, packageDir(t, oursPath))
		theirs := exports(t, packageDir(t, "github.com/aws/aws-sdk-go-v2/credentials/"+name))
		var missing []string
		for k, typ := range theirs {
			got, ok := ours[k]
			switch {
			case !ok:
				missing = append(missing, k)
			case got != typ:
				t.Errorf("%s %s: %s here, %s in aws-sdk-go-v2", oursPath, k, got, typ)
			}
		}
		slices.Sort(missing)
		want := slices.Clone(credsOnlyInV2[oursPath])
		slices.Sort(want)
		if !slices.Equal(missing, want) {
			t.Errorf("%s: exported only by aws-sdk-go-v2:\n\t%q\nwant exactly:\n\t%q", oursPath, missing, want)
		}
		if len(theirs) < 10 {
			t.Errorf("%s: only %d exports in aws-sdk-go-v2's package: the comparison is not looking at the right one", oursPath, len(theirs))
		}
		t.Logf("%s: %d of aws-sdk-go-v2's exports, same types", oursPath, len(theirs)-len(missing))
	}
}
