package doccheck

import (
	"os"
	"path/filepath"
	"testing"
)

func TestBlockAndInExample(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "doc.go")
	os.WriteFile(doc, []byte("// Package p does things.\n//\n// # Example\n//\n//\tx := 1\n//\tfmt.Println(x)\n//\n// More text.\npackage p\n"), 0o644)
	got := Block(t, doc)
	if len(got) != 2 || got[0] != "x := 1" || got[1] != "fmt.Println(x)" {
		t.Fatalf("Block = %q", got)
	}
	ex := filepath.Join(dir, "p_test.go")
	os.WriteFile(ex, []byte("package p\n\nfunc Example() {\n\tsetup()\n\tx := 1\n\tfmt.Println(x)\n}\n\nfunc Example_other() {\n\tx := 1\n\tfmt.Println(x + 1)\n}\n"), 0o644)
	InExample(t, got, ex, "Example")

	// A body that differs must fail.
	ft := &testing.T{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		InExample(ft, got, ex, "Example_other")
	}()
	<-done
	if !ft.Failed() {
		t.Fatal("a body without the block passed")
	}
}
