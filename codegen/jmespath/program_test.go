package jmespath

import (
	"fmt"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/codegen/ir"
)

func programShapes() (in, out *ir.Shape) {
	str := &ir.Type{Kind: ir.String, Pointer: true}
	tags := &ir.Shape{Kind: ir.Map, GoName: "Tags", Key: &ir.Member{Type: &ir.Type{Kind: ir.String}}, Value: &ir.Member{Type: &ir.Type{Kind: ir.String}}}
	in = &ir.Shape{Kind: ir.Struct, GoName: "In", Members: []*ir.Member{{Name: "Name", GoName: "Name", Type: str}}}
	out = &ir.Shape{Kind: ir.Struct, GoName: "Out", Members: []*ir.Member{
		{Name: "State", GoName: "State", Type: str},
		{Name: "Tags", GoName: "Tags", Type: &ir.Type{Kind: ir.Map, Shape: tags}},
	}}
	return in, out
}

// TestProgramEvaluatesEachPathOnce: a second acceptor on the same path
// reuses the first one's variable.
func TestProgramEvaluatesEachPathOnce(t *testing.T) {
	in, out := programShapes()
	p := NewProgram(in, out)
	_, _, first, err := p.Acceptor("output", "State", "stringEquals", "READY")
	if err != nil || !first {
		t.Fatalf("first acceptor: first=%v err=%v", first, err)
	}
	n := len(p.Stmts())
	cond, _, first, err := p.Acceptor("output", "State", "stringEquals", "FAILED")
	if err != nil || first || len(p.Stmts()) != n {
		t.Fatalf("second acceptor: first=%v err=%v stmts %d→%d", first, err, n, len(p.Stmts()))
	}
	if got := fmt.Sprintf("%#v", cond); !strings.Contains(got, `"FAILED"`) {
		t.Errorf("condition %s", got)
	}
	if p.UsesInput() {
		t.Error("an output path reads the input")
	}
	if _, _, _, err := p.Acceptor("inputOutput", "input.Name", "stringEquals", "x"); err != nil || !p.UsesInput() {
		t.Errorf("inputOutput path: err=%v usesInput=%v", err, p.UsesInput())
	}
}

// TestProgramRejectsWithTypedErrors: paths the compiler cannot type are
// errors naming the path, never a panic (a field of a map once panicked
// while giving the always-null result a Go type).
func TestProgramRejectsWithTypedErrors(t *testing.T) {
	in, out := programShapes()
	for _, tc := range []struct{ path, cmp, want string }{
		{"Tags.nope", "stringEquals", `path "Tags.nope": stringEquals needs a string, the path yields null`},
		{"State", "booleanEquals", `path "State": booleanEquals needs a boolean, the path yields a string`},
		{"State", "nearlyEquals", `unknown comparator "nearlyEquals"`},
		{"State[", "stringEquals", ""},
	} {
		_, _, _, err := NewProgram(in, out).Acceptor("output", tc.path, tc.cmp, "x")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %s: err = %v, want %q", tc.path, tc.cmp, err, tc.want)
		}
	}
}
