package jmespath

import (
	"fmt"
	"math"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/eucsdk/eucsdk/codegen/gotype"
	"github.com/eucsdk/eucsdk/codegen/ir"
)

// pkgWaiter holds the list comparators the compiled conditions call.
const pkgWaiter = "github.com/eucsdk/eucsdk/runtime/waiter"

// Program compiles the acceptor paths of one waiter into Go statements over
// the operation's input and output, held in variables named input and
// output. Each distinct path is evaluated once: the statements that compute
// the paths come first (Stmts), the conditions that compare them after.
type Program struct {
	c        *compiler
	b        *block
	root, io jval
	paths    []compiledPath
}

type compiledPath struct {
	key string
	v   jval
}

// Value is a compiled path: Expr is valid only where OK holds (nil: always).
// JMESPath null is !OK.
type Value struct{ Expr, OK jen.Code }

// NewProgram starts a program over an operation's input and output shapes.
func NewProgram(in, out *ir.Shape) *Program {
	c := &compiler{}
	return &Program{
		c:    c,
		b:    &block{c: c},
		root: jval{t: &jtype{kind: jStruct, shape: out}, expr: jen.Id("output"), ptr: true},
		io:   jval{t: &jtype{kind: jInputOutput, in: in, out: out}},
	}
}

// Acceptor compiles an output or inputOutput matcher (kind) into a Go
// condition. v is the path's value; first is true when the path had not been
// compiled before in this program.
func (p *Program) Acceptor(kind, path, cmp, expected string) (cond jen.Code, v Value, first bool, err error) {
	jv, first, err := p.path(kind, path)
	if err != nil {
		return nil, Value{}, false, err
	}
	cond, err = comparator(jv, cmp, expected)
	if err != nil {
		return nil, Value{}, false, fmt.Errorf("path %q: %w", path, err)
	}
	return cond, Value{Expr: jv.expr, OK: jv.ok}, first, nil
}

func (p *Program) path(kind, path string) (jval, bool, error) {
	key := kind + ":" + path
	for _, c := range p.paths {
		if c.key == key {
			return c.v, false, nil
		}
	}
	n, err := Parse(path)
	if err != nil {
		return jval{}, false, err
	}
	cur := p.root
	if kind == "inputOutput" {
		cur = p.io
	}
	v, err := p.c.compile(n, cur, p.b)
	if err != nil {
		return jval{}, false, fmt.Errorf("path %q: %w", path, err)
	}
	v = p.b.materialize(v)
	p.paths = append(p.paths, compiledPath{key, v})
	return v, true, nil
}

// Stmts are the statements that evaluate every compiled path.
func (p *Program) Stmts() []jen.Code { return p.b.stmts }

// UsesInput reports whether a path reads the operation's input.
func (p *Program) UsesInput() bool { return len(p.c.usedInput) > 0 }

// comparator is the Go condition of a Smithy comparator over v.
func comparator(v jval, cmp, expected string) (jen.Code, error) {
	guard := func(cond *jen.Statement) *jen.Statement {
		if v.ok == nil {
			return cond
		}
		return and(v.ok, cond).(*jen.Statement)
	}
	switch cmp {
	case "stringEquals":
		if v.t.kind != jString {
			return nil, fmt.Errorf("stringEquals needs a string, the path yields %s", v.t)
		}
		return guard(jen.Add(paren(v.expr)).Op("==").Lit(expected)), nil
	case "booleanEquals":
		if v.t.kind != jBool {
			return nil, fmt.Errorf("booleanEquals needs a boolean, the path yields %s", v.t)
		}
		switch expected {
		case "true":
			return guard(jen.Add(paren(v.expr))), nil
		case "false":
			return guard(jen.Op("!").Parens(v.expr)), nil
		}
		return nil, fmt.Errorf("booleanEquals expects true or false, not %q", expected)
	case "allStringEquals", "anyStringEquals":
		if v.t.kind != jList || v.t.elem.kind != jString || (v.t.raw != nil && v.t.raw.Pointer) {
			return nil, fmt.Errorf("%s needs a list of strings, the path yields %s", cmp, v.t)
		}
		fn := map[string]string{"allStringEquals": "AllStringEquals", "anyStringEquals": "AnyStringEquals"}[cmp]
		return guard(jen.Qual(pkgWaiter, fn).Call(v.expr, jen.Lit(expected))), nil
	}
	return nil, fmt.Errorf("unknown comparator %q", cmp)
}

// The compiler types every JMESPath value statically. Scalars are held
// normalized (string, bool, float64) so comparisons need no conversions at
// run time; structures are addressable values or pointers; lists straight
// from the model keep their Go type (raw) and are converted per element.
type jkind int

const (
	jNull jkind = iota
	jString
	jBool
	jNumber
	jStruct
	jList
	jMap
	jInputOutput // the {input, output} object of an inputOutput matcher
)

type jtype struct {
	kind    jkind
	shape   *ir.Shape // jStruct, jMap
	elem    *jtype    // jList
	raw     *ir.Type  // jList from the model: its element type; nil when normalized
	in, out *ir.Shape // jInputOutput
}

func (t *jtype) String() string {
	switch t.kind {
	case jString:
		return "a string"
	case jBool:
		return "a boolean"
	case jNumber:
		return "a number"
	case jStruct:
		return "a structure " + t.shape.GoName
	case jList:
		return "a list of " + strings.TrimPrefix(strings.TrimPrefix(t.elem.String(), "a "), "an ")
	case jMap:
		return "a map"
	case jInputOutput:
		return "the input/output object"
	}
	return "null"
}

// jval is a compiled value: expr is valid only where ok holds (nil: always).
// JMESPath null is !ok.
type jval struct {
	t    *jtype
	expr jen.Code
	ok   jen.Code
	ptr  bool // jStruct: expr is a pointer
}

type compiler struct {
	n         map[string]int
	usedInput []bool
}

func (c *compiler) fresh(prefix string) string {
	if c.n == nil {
		c.n = map[string]int{}
	}
	c.n[prefix]++
	return fmt.Sprintf("%s%d", prefix, c.n[prefix])
}

// block collects statements; projections need loops, not just expressions.
type block struct {
	c     *compiler
	stmts []jen.Code
}

func (b *block) add(s jen.Code) { b.stmts = append(b.stmts, s) }

// materialize gives v a name, so that acceptors sharing a path evaluate it once.
func (b *block) materialize(v jval) jval {
	if v.t.kind == jNull {
		// Always null: nothing to hold, and no comparator accepts it, so the
		// acceptor fails with a typed error rather than a Go type for null.
		return v
	}
	if s, ok := v.expr.(*jen.Statement); ok && v.ok == nil && isIdent(s) {
		return v
	}
	name := b.c.fresh("v")
	if v.ok == nil {
		b.add(jen.Id(name).Op(":=").Add(v.expr))
		return jval{t: v.t, expr: jen.Id(name), ptr: v.ptr}
	}
	okName := "ok" + strings.TrimPrefix(name, "v")
	b.c.n["ok"]++
	b.add(jen.Var().Id(name).Add(goTypeOf(v)))
	b.add(jen.Id(okName).Op(":=").Add(v.ok))
	b.add(jen.If(jen.Id(okName)).Block(jen.Id(name).Op("=").Add(v.expr)))
	return jval{t: v.t, expr: jen.Id(name), ok: jen.Id(okName), ptr: v.ptr}
}

func isIdent(s *jen.Statement) bool {
	r := fmt.Sprintf("%#v", s)
	for _, c := range r {
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return r != ""
}

// and joins conditions; nil stands for "always true".
func and(a, b jen.Code) jen.Code {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	return jen.Add(paren(a)).Op("&&").Add(paren(b))
}

// paren wraps c in parentheses when it has a top-level || or &&, which
// would otherwise bind differently once c becomes an operand.
func paren(c jen.Code) jen.Code {
	src := fmt.Sprintf("%#v", c)
	depth := 0
	for i := 0; i+1 < len(src); i++ {
		switch src[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case '|':
			if depth == 0 && src[i+1] == '|' {
				return jen.Parens(c)
			}
		}
	}
	return c
}

func null() jval { return jval{t: &jtype{kind: jNull}, ok: jen.False()} }

// goTypeOf is the Go type a value is held in.
func goTypeOf(v jval) *jen.Statement {
	if v.t.kind == jStruct && !v.ptr {
		return jen.Qual(v.t.shape.Package, v.t.shape.GoName)
	}
	return goTypeJ(v.t)
}

// goTypeJ is the Go type of a normalized value of t.
func goTypeJ(t *jtype) *jen.Statement {
	switch t.kind {
	case jString:
		return jen.String()
	case jBool:
		return jen.Bool()
	case jNumber:
		return jen.Float64()
	case jStruct:
		return jen.Op("*").Qual(t.shape.Package, t.shape.GoName)
	case jList:
		if t.raw != nil {
			return jen.Index().Add(gotype.Of(t.raw))
		}
		return jen.Index().Add(goTypeJ(t.elem))
	case jMap:
		return gotype.Shape(t.shape)
	}
	panic("jmespath: no Go type for " + t.String())
}

// fromModel converts x, a Go value of model type mt, to a compiled value.
func fromModel(x jen.Code, mt *ir.Type) (jval, error) {
	deref := func() (jen.Code, jen.Code) {
		if mt.Pointer {
			return jen.Op("*").Add(x), jen.Add(x).Op("!=").Nil()
		}
		return x, nil
	}
	switch mt.Kind {
	case ir.String:
		e, ok := deref()
		return jval{t: &jtype{kind: jString}, expr: e, ok: ok}, nil
	case ir.Enum:
		e, ok := deref()
		return jval{t: &jtype{kind: jString}, expr: jen.String().Call(e), ok: and(ok, jen.Add(e).Op("!=").Lit(""))}, nil
	case ir.Bool:
		e, ok := deref()
		return jval{t: &jtype{kind: jBool}, expr: e, ok: ok}, nil
	case ir.Byte, ir.Short, ir.Int, ir.Long, ir.Float, ir.Double, ir.IntEnum:
		e, ok := deref()
		if mt.Kind == ir.Double && !mt.Pointer {
			return jval{t: &jtype{kind: jNumber}, expr: e, ok: ok}, nil
		}
		return jval{t: &jtype{kind: jNumber}, expr: jen.Float64().Call(e), ok: ok}, nil
	case ir.Struct:
		v := jval{t: &jtype{kind: jStruct, shape: mt.Shape}, expr: x, ptr: mt.Pointer}
		if mt.Pointer {
			v.ok = jen.Add(x).Op("!=").Nil()
		}
		return v, nil
	case ir.List:
		// A missing list reads as empty: AWS services do not tell the two
		// apart, and a nil slice is how an empty one decodes.
		elem, err := fromModel(jen.Id("_"), mt.Shape.Elem.Type)
		if err != nil {
			return jval{}, err
		}
		return jval{t: &jtype{kind: jList, elem: elem.t, raw: mt.Shape.Elem.Type}, expr: x}, nil
	case ir.Map:
		return jval{t: &jtype{kind: jMap, shape: mt.Shape}, expr: x}, nil
	}
	return jval{}, fmt.Errorf("member of kind %v is not supported in waiter paths", kindName(mt.Kind))
}

func kindName(k ir.Kind) string {
	return map[ir.Kind]string{ir.Timestamp: "timestamp", ir.Blob: "blob", ir.Document: "document",
		ir.Union: "union", ir.BigInt: "bigInteger", ir.BigDecimal: "bigDecimal"}[k]
}

// element is the compiled value of one element x of list l.
func element(l jval, x jen.Code) (jval, error) {
	if l.t.raw != nil {
		return fromModel(x, l.t.raw)
	}
	return jval{t: l.t.elem, expr: x, ptr: true}, nil
}

// rangeOver emits a loop over list l whose body sees each element.
func (b *block) rangeOver(l jval, body func(elem jval, inner *block) error) error {
	inner := &block{c: b.c}
	var head jen.Code
	if l.t.raw != nil && l.t.raw.Kind == ir.Struct && !l.t.raw.Pointer {
		// Index rather than copy each structure.
		i := b.c.fresh("i")
		elem, _ := element(l, jen.Add(l.expr).Index(jen.Id(i)))
		if err := body(elem, inner); err != nil {
			return err
		}
		head = jen.For(jen.Id(i).Op(":=").Range().Add(l.expr)).Block(inner.stmts...)
	} else {
		e := b.c.fresh("e")
		elem, err := element(l, jen.Id(e))
		if err != nil {
			return err
		}
		if err := body(elem, inner); err != nil {
			return err
		}
		head = jen.For(jen.List(jen.Id("_"), jen.Id(e)).Op(":=").Range().Add(l.expr)).Block(inner.stmts...)
	}
	if l.ok != nil {
		head = jen.If(l.ok).Block(head)
	}
	b.add(head)
	return nil
}

// truthy is JMESPath truthiness: false, null, "" and empty lists and maps
// are false. A structure is never empty in Go terms, so a non-null one is
// true.
func truthy(v jval) jen.Code {
	switch v.t.kind {
	case jNull:
		return jen.False()
	case jString:
		return and(v.ok, jen.Add(paren(v.expr)).Op("!=").Lit(""))
	case jBool:
		return and(v.ok, paren(v.expr))
	case jList, jMap:
		return and(v.ok, jen.Len(v.expr).Op(">").Lit(0))
	}
	if v.ok == nil {
		return jen.True()
	}
	return v.ok
}

type unsupported struct{ what string }

func (u unsupported) Error() string { return u.what + " is not supported in waiter paths" }

func (c *compiler) compile(n *Node, cur jval, b *block) (jval, error) {
	switch n.Kind {
	case Identity, Current:
		return cur, nil
	case Field:
		return c.field(cur, n.Name)
	case Subexpr, Pipe:
		l, err := c.compile(n.Children[0], cur, b)
		if err != nil {
			return jval{}, err
		}
		return c.compile(n.Children[1], l, b)
	case Index:
		l, err := c.compile(n.Children[0], cur, b)
		if err != nil || l.t.kind != jList {
			return null(), err
		}
		var at, ok jen.Code
		if n.Index >= 0 {
			at, ok = jen.Lit(n.Index), jen.Len(l.expr).Op(">").Lit(n.Index)
		} else {
			at, ok = jen.Len(l.expr).Op("-").Lit(-n.Index), jen.Len(l.expr).Op(">=").Lit(-n.Index)
		}
		e, err := element(l, jen.Add(l.expr).Index(at))
		if err != nil {
			return jval{}, err
		}
		e.ok = and(and(l.ok, ok), e.ok)
		return e, nil
	case Literal:
		switch v := n.Value.(type) {
		case nil:
			return null(), nil
		case string:
			return jval{t: &jtype{kind: jString}, expr: jen.Lit(v)}, nil
		case bool:
			return jval{t: &jtype{kind: jBool}, expr: jen.Lit(v)}, nil
		case float64:
			if v == math.Trunc(v) && math.Abs(v) < 1<<53 {
				return jval{t: &jtype{kind: jNumber}, expr: jen.Lit(int(v))}, nil
			}
			return jval{t: &jtype{kind: jNumber}, expr: jen.Lit(v)}, nil
		}
		return jval{}, unsupported{"a list or object literal"}
	case Flatten:
		return c.flatten(n, cur, b)
	case Projection:
		return c.project(n.Children[0], n.Children[1], nil, cur, b)
	case FilterProjection:
		return c.project(n.Children[0], n.Children[1], n.Children[2], cur, b)
	case Comparator:
		return c.compare(n, cur, b)
	case And, Or:
		l, err := c.compile(n.Children[0], cur, b)
		if err != nil {
			return jval{}, err
		}
		r, err := c.compile(n.Children[1], cur, b)
		if err != nil {
			return jval{}, err
		}
		if l.t.kind != jBool || r.t.kind != jBool {
			return jval{}, unsupported{fmt.Sprintf("%s over %s and %s (only booleans)", n.Kind, l.t, r.t)}
		}
		le, re := paren(l.expr), paren(r.expr)
		if n.Kind == And {
			// a && b is a when a is false or null, else b: null when a is
			// null, or when a is true and b is null.
			v := jval{t: l.t, expr: jen.Add(le).Op("&&").Add(re), ok: l.ok}
			if r.ok != nil {
				v.ok = and(l.ok, jen.Op("!").Add(le).Op("||").Add(paren(r.ok)))
			}
			return v, nil
		}
		// a || b is a when a is true, else b.
		v := jval{t: l.t, expr: jen.Add(paren(truthy(l))).Op("||").Add(re)}
		if r.ok != nil {
			v.ok = jen.Add(paren(truthy(l))).Op("||").Add(paren(r.ok))
		}
		return v, nil
	case Not:
		v, err := c.compile(n.Children[0], cur, b)
		if err != nil {
			return jval{}, err
		}
		return jval{t: &jtype{kind: jBool}, expr: jen.Op("!").Parens(truthy(v))}, nil
	case Function:
		return c.function(n, cur, b)
	}
	return jval{}, unsupported{"a " + n.Kind.String()}
}

func (c *compiler) field(cur jval, name string) (jval, error) {
	switch cur.t.kind {
	case jInputOutput:
		switch name {
		case "input":
			c.usedInput = append(c.usedInput, true)
			return jval{t: &jtype{kind: jStruct, shape: cur.t.in}, expr: jen.Id("input"), ptr: true}, nil
		case "output":
			return jval{t: &jtype{kind: jStruct, shape: cur.t.out}, expr: jen.Id("output"), ptr: true}, nil
		}
		return jval{}, fmt.Errorf("an inputOutput path starts with input or output, not %s", name)
	case jStruct:
	default:
		return null(), nil
	}
	for _, m := range cur.t.shape.Members {
		if m.Name == name {
			v, err := fromModel(jen.Add(cur.expr).Dot(m.GoName), m.Type)
			if err != nil {
				return jval{}, fmt.Errorf("%s.%s: %w", cur.t.shape.GoName, name, err)
			}
			v.ok = and(cur.ok, v.ok)
			return v, nil
		}
	}
	return jval{}, fmt.Errorf("%s has no member %s", cur.t.shape.ShapeID, name)
}

// flatten splices one level of nested lists; other elements pass through.
func (c *compiler) flatten(n *Node, cur jval, b *block) (jval, error) {
	l, err := c.compile(n.Children[0], cur, b)
	if err != nil || l.t.kind != jList {
		return null(), err
	}
	if l.t.elem.kind != jList {
		return l, nil
	}
	var out jval
	name := c.fresh("v")
	err = b.rangeOver(l, func(e jval, inner *block) error {
		out = jval{t: e.t, expr: jen.Id(name), ok: l.ok}
		var push jen.Code = jen.Id(name).Op("=").Append(jen.Id(name), jen.Add(e.expr).Op("..."))
		if e.ok != nil {
			push = jen.If(e.ok).Block(push)
		}
		inner.add(push)
		return nil
	})
	if err != nil {
		return jval{}, err
	}
	b.stmts = append(b.stmts[:len(b.stmts)-1], jen.Var().Id(name).Add(goTypeJ(out.t)), b.stmts[len(b.stmts)-1])
	return out, nil
}

// project applies right to each element of left where cond (if any) is
// truthy, dropping nulls, as projections do.
func (c *compiler) project(leftN, rightN, condN *Node, cur jval, b *block) (jval, error) {
	l, err := c.compile(leftN, cur, b)
	if err != nil || l.t.kind != jList {
		return null(), err
	}
	if rightN.Kind == Identity && condN == nil {
		// Projecting a list onto itself only drops nulls; without any, the
		// list is the result.
		if e, err := element(l, jen.Id("_")); err == nil && e.ok == nil {
			return l, nil
		}
	}
	name := c.fresh("v")
	var elemT *jtype
	err = b.rangeOver(l, func(e jval, inner *block) error {
		target := inner
		var cond jen.Code
		if condN != nil {
			cv, err := c.compile(condN, e, inner)
			if err != nil {
				return err
			}
			cond = truthy(cv)
			target = &block{c: c}
		}
		r, err := c.compile(rightN, e, target)
		if err != nil {
			return err
		}
		if r.t.kind == jNull {
			return unsupported{"a projection whose elements are all null"}
		}
		elemT = r.t
		val := r.expr
		if r.t.kind == jStruct && !r.ptr {
			val = jen.Op("&").Add(r.expr)
		}
		push := jen.Id(name).Op("=").Append(jen.Id(name), val)
		if r.ok != nil {
			push = jen.If(r.ok).Block(push)
		}
		target.add(push)
		if cond != nil {
			inner.add(jen.If(cond).Block(target.stmts...))
		}
		return nil
	})
	if err != nil {
		return jval{}, err
	}
	t := &jtype{kind: jList, elem: elemT}
	b.stmts = append(b.stmts[:len(b.stmts)-1], jen.Var().Id(name).Add(goTypeJ(t)), b.stmts[len(b.stmts)-1])
	return jval{t: t, expr: jen.Id(name), ok: l.ok}, nil
}

func (c *compiler) compare(n *Node, cur jval, b *block) (jval, error) {
	l, err := c.compile(n.Children[0], cur, b)
	if err != nil {
		return jval{}, err
	}
	r, err := c.compile(n.Children[1], cur, b)
	if err != nil {
		return jval{}, err
	}
	boolean := func(e jen.Code) jval { return jval{t: &jtype{kind: jBool}, expr: e} }
	switch n.Name {
	case "==", "!=":
		var eq jen.Code
		switch {
		case l.t.kind == jNull || r.t.kind == jNull || l.t.kind != r.t.kind:
			// Values of different types are never equal; two nulls are.
			if eq = and(notOK(l), notOK(r)); eq == nil {
				eq = jen.True()
			}
		case l.t.kind == jString || l.t.kind == jBool || l.t.kind == jNumber:
			same := jen.Add(paren(l.expr)).Op("==").Add(paren(r.expr))
			if l.ok == nil && r.ok == nil {
				eq = same
			} else {
				eq = and(and(l.ok, r.ok), same)
				if l.ok != nil && r.ok != nil {
					eq = jen.Add(eq).Op("||").Add(and(notOK(l), notOK(r)))
				}
			}
		default:
			return jval{}, unsupported{"comparing " + l.t.String() + " with ==/!="}
		}
		if n.Name == "!=" {
			return boolean(jen.Op("!").Parens(eq)), nil
		}
		return boolean(eq), nil
	}
	if l.t.kind != jNumber || r.t.kind != jNumber {
		// Ordering is defined on numbers only; anything else is null.
		return null(), nil
	}
	v := boolean(jen.Add(paren(l.expr)).Op(n.Name).Add(paren(r.expr)))
	v.ok = and(l.ok, r.ok)
	return v, nil
}

// notOK is the Go condition "v is null"; nil means always.
func notOK(v jval) jen.Code {
	if v.t.kind == jNull {
		return nil
	}
	if v.ok == nil {
		return jen.False()
	}
	return jen.Op("!").Parens(v.ok)
}

func (c *compiler) function(n *Node, cur jval, b *block) (jval, error) {
	if n.Name != "length" {
		return jval{}, unsupported{"function " + n.Name}
	}
	if len(n.Children) != 1 {
		return jval{}, fmt.Errorf("length takes one argument")
	}
	a, err := c.compile(n.Children[0], cur, b)
	if err != nil {
		return jval{}, err
	}
	num := &jtype{kind: jNumber}
	switch a.t.kind {
	case jString:
		return jval{t: num, expr: jen.Float64().Call(jen.Qual("unicode/utf8", "RuneCountInString").Call(a.expr)), ok: a.ok}, nil
	case jList, jMap:
		return jval{t: num, expr: jen.Float64().Call(jen.Len(a.expr)), ok: a.ok}, nil
	case jNull:
		return null(), nil
	}
	return jval{}, unsupported{"length of " + a.t.String()}
}
