// Package doccheck holds a package doc's example to an Example function,
// so the snippet go doc shows is one go test runs.
package doccheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"
)

// Block returns the code block of the "# Example" section of the package
// comment in docFile, one line per entry with the block's indent removed.
func Block(t *testing.T, docFile string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), docFile, nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	if f.Doc == nil {
		t.Fatalf("%s: no package comment", docFile)
	}
	var block []string
	in := false
	for _, l := range strings.Split(f.Doc.Text(), "\n") {
		switch {
		case l == "# Example":
			in = true
		case in && strings.HasPrefix(l, "\t"):
			block = append(block, l[1:])
		case in && len(block) > 0:
			return block
		}
	}
	if len(block) == 0 {
		t.Fatalf("%s: the package comment has no code block under # Example", docFile)
	}
	return block
}

// InExample fails the test unless every line of block appears, in order
// and contiguous, in the body of the function name in testFile (compared
// without leading indent).
func InExample(t *testing.T, block []string, testFile, name string) {
	t.Helper()
	src, err := os.ReadFile(testFile)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, testFile, src, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Name.Name != name || fn.Body == nil {
			continue
		}
		body := strings.Split(string(src[fset.Position(fn.Body.Lbrace).Offset+1:fset.Position(fn.Body.Rbrace).Offset]), "\n")
		for i := range body {
			body[i] = strings.TrimSpace(body[i])
		}
		want := make([]string, len(block))
		for i, l := range block {
			want[i] = strings.TrimSpace(l)
		}
		for i := 0; i+len(want) <= len(body); i++ {
			if equal(body[i:i+len(want)], want) {
				return
			}
		}
		t.Fatalf("%s: %s does not run the package doc's example:\n\t%s", testFile, name, strings.Join(block, "\n\t"))
	}
	t.Fatalf("%s: no function %s", testFile, name)
}

func equal(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
