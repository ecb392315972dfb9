package emit

import (
	"fmt"
	"math"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/eucsdk/eucsdk/codegen/docs"
	"github.com/eucsdk/eucsdk/codegen/ir"
	"github.com/eucsdk/eucsdk/codegen/jmespath"
	"github.com/eucsdk/eucsdk/codegen/naming"
)

// Waiters writes each operation's smithy.waiters#waitable waiters into its
// api_op_<Op>.go, with aws-sdk-go-v2's surface. Acceptor paths are compiled
// to Go here, so a path the compiler cannot type is found at generation time,
// not in a user's Wait: that waiter is left out and reported in
// svc.Unsupported (UNSUPPORTED.md and the generator's output), naming the
// operation and waiter.
func Waiters(svc *ir.Service, fs *Files) error {
	for _, op := range svc.Operations {
		if len(op.Waiters) == 0 {
			continue
		}
		var f *jen.File
		for _, w := range op.Waiters {
			match, err := waiterMatch(op, w)
			if err != nil {
				// A path the compiler cannot type loses only its waiter: the
				// operation and the service's other waiters are still generated,
				// and the generator reports what was left out.
				svc.Unsupported = append(svc.Unsupported, ir.Unsupported{Operation: op.Name, ShapeID: op.ShapeID,
					Reason: fmt.Sprintf("waiter %s not generated: %v", w.Name, err)})
				continue
			}
			if f == nil {
				f = fs.main(svc, "api_op_"+op.Name+".go")
				if !hasPaginator(svc, op) {
					apiClient(f, op)
				}
			}
			waiterDecls(f, op, w)
			f.Add(match)
		}
	}
	return nil
}

// apiClient declares the one-method interface that paginators and waiters
// take, so callers can pass a fake in tests.
func apiClient(f *jen.File, op *ir.Operation) {
	name := op.Name + "APIClient"
	f.Add(docf("%s is the part of Client that %s paginators and waiters need; tests can pass a fake.", name, op.Name)).Type().Id(name).Interface(
		jen.Id(op.Name).Params(jen.Qual("context", "Context"), jen.Op("*").Id(op.Input.GoName), jen.Op("...").Func().Params(jen.Op("*").Id("Options"))).
			Params(jen.Op("*").Id(op.Output.GoName), jen.Error()),
	)
	f.Var().Id("_").Id(name).Op("=").Parens(jen.Op("*").Id("Client")).Parens(jen.Nil())
}

func waiterDecls(f *jen.File, op *ir.Operation, w *ir.Waiter) {
	in, out := op.Input.GoName, op.Output.GoName
	typ := w.Name + "Waiter"
	opts := typ + "Options"
	match := naming.Unexported(w.Name) + "Match"
	retryable := naming.Unexported(w.Name) + "StateRetryable"
	sec := func(n int) *jen.Statement { return jen.Lit(n).Op("*").Qual("time", "Second") }

	f.Add(docf("%s configures a %s.", opts, typ)).Type().Id(opts).Struct(
		docf("APIOptions add middleware to every call the waiter makes, after the client's own.").
			Id("APIOptions").Index().Func().Params(jen.Op("*").Qual(pkgMW, "Stack")).Error(),
		jen.Line().Add(docf("ClientOptions change the client's options for the waiter's calls.")).
			Id("ClientOptions").Index().Func().Params(jen.Op("*").Id("Options")),
		jen.Line().Add(docf("MinDelay is the shortest pause between attempts (default %ds). It is also kept in reserve for a last attempt before maxWaitDur runs out.", w.MinDelay)).
			Id("MinDelay").Qual("time", "Duration"),
		jen.Line().Add(docf("MaxDelay caps the exponential backoff between attempts (default %ds).", w.MaxDelay)).
			Id("MaxDelay").Qual("time", "Duration"),
		jen.Line().Add(docf("LogWaitAttempts logs each attempt at debug level through the logger in the context.")).
			Id("LogWaitAttempts").Bool(),
		jen.Line().Add(docf("Retryable decides what an attempt means: (true, nil) polls again, (false, nil) is success and an error is a failure. The default applies the model's acceptors; wrap it to add states of your own.")).
			Id("Retryable").Func().Params(jen.Qual("context", "Context"), jen.Op("*").Id(in), jen.Op("*").Id(out), jen.Error()).Params(jen.Bool(), jen.Error()),
	)

	doc := w.Doc
	if doc == "" {
		doc = fmt.Sprintf("%s polls %s until the model's %s acceptors report success or failure.", typ, op.Name, w.Name)
	}
	if w.Deprecated {
		doc = docWith(doc, "Deprecated: the service model deprecates this waiter.")
	}
	f.Add(comment(docs.Godoc(doc, 77))).Type().Id(typ).Struct(
		jen.Id("client").Id(op.Name+"APIClient"),
		jen.Id("options").Id(opts),
	)

	f.Add(docf("New%s returns a waiter with the model's delays; optFns override them.", typ)).Func().Id("New"+typ).Params(jen.Id("client").Id(op.Name+"APIClient"), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id(opts))).Op("*").Id(typ).Block(
		jen.Id("options").Op(":=").Id(opts).Values(jen.Dict{
			jen.Id("MinDelay"):  sec(w.MinDelay),
			jen.Id("MaxDelay"):  sec(w.MaxDelay),
			jen.Id("Retryable"): jen.Id(retryable),
		}),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Op("&").Id("options"))),
		jen.Return(jen.Op("&").Id(typ).Values(jen.Dict{jen.Id("client"): jen.Id("client"), jen.Id("options"): jen.Id("options")})),
	)

	waitParams := func() *jen.Statement {
		return jen.Params(
			jen.Id("ctx").Qual("context", "Context"),
			jen.Id("params").Op("*").Id(in),
			jen.Id("maxWaitDur").Qual("time", "Duration"),
			jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id(opts)),
		)
	}
	f.Add(docf("Wait polls until success, failure or maxWaitDur, whichever comes first. Its error is a *waiter.Error naming the last state seen.")).Func().Params(jen.Id("w").Op("*").Id(typ)).Id("Wait").Add(waitParams()).Error().Block(
		jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("w").Dot("WaitForOutput").Call(jen.Id("ctx"), jen.Id("params"), jen.Id("maxWaitDur"), jen.Id("optFns").Op("...")),
		jen.Return(jen.Err()),
	)
	f.Add(docf("WaitForOutput is Wait that also returns the output of the successful attempt.")).Func().Params(jen.Id("w").Op("*").Id(typ)).Id("WaitForOutput").Add(waitParams()).Params(jen.Op("*").Id(out), jen.Error()).Block(
		jen.If(jen.Id("params").Op("==").Nil()).Block(jen.Id("params").Op("=").Op("&").Id(in).Values()),
		jen.Id("options").Op(":=").Id("w").Dot("options"),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Op("&").Id("options"))),
		jen.Id("clientOptFns").Op(":=").Append(
			jen.Index().Func().Params(jen.Op("*").Id("Options")).Values(
				jen.Func().Params(jen.Id("o").Op("*").Id("Options")).Block(
					jen.Id("o").Dot("APIOptions").Op("=").Append(jen.Id("o").Dot("APIOptions"), jen.Id("options").Dot("APIOptions").Op("...")),
				),
			),
			jen.Id("options").Dot("ClientOptions").Op("..."),
		),
		jen.Return(jen.Qual(pkgWaiter, "Run").Call(jen.Id("ctx"), jen.Qual(pkgWaiter, "Config").Types(jen.Id(out)).Values(jen.DictFunc(func(d jen.Dict) {
			d[jen.Id("Name")] = jen.Lit(w.Name)
			d[jen.Id("MinDelay")] = jen.Id("options").Dot("MinDelay")
			d[jen.Id("MaxDelay")] = jen.Id("options").Dot("MaxDelay")
			d[jen.Id("MaxWait")] = jen.Id("maxWaitDur")
			d[jen.Id("LogAttempts")] = jen.Id("options").Dot("LogWaitAttempts")
			d[jen.Id("Call")] = jen.Func().Params(jen.Id("ctx").Qual("context", "Context")).Params(jen.Op("*").Id(out), jen.Error()).Block(
				jen.Return(jen.Id("w").Dot("client").Dot(op.Name).Call(jen.Id("ctx"), jen.Id("params"), jen.Id("clientOptFns").Op("..."))),
			)
			d[jen.Id("Retryable")] = jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("out").Op("*").Id(out), jen.Err().Error()).Params(jen.Bool(), jen.Error()).Block(
				jen.Return(jen.Id("options").Dot("Retryable").Call(jen.Id("ctx"), jen.Id("params"), jen.Id("out"), jen.Err())),
			)
			d[jen.Id("Observe")] = jen.Func().Params(jen.Id("out").Op("*").Id(out), jen.Err().Error()).String().Block(
				jen.Return(jen.Id(match).Call(jen.Id("params"), jen.Id("out"), jen.Err()).Dot("Seen")),
			)
		})))),
	)

	f.Add(docf("%s is the default %s.Retryable.", retryable, opts)).Func().Id(retryable).Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("input").Op("*").Id(in), jen.Id("output").Op("*").Id(out), jen.Err().Error(),
	).Params(jen.Bool(), jen.Error()).Block(
		jen.Return(jen.Qual(pkgWaiter, "Retryable").Call(jen.Id(match).Call(jen.Id("input"), jen.Id("output"), jen.Err()), jen.Err())),
	)
}

// waiterMatch compiles a waiter's acceptors into one function. Acceptors run
// in model order and the first match wins; a successful call only meets
// output, inputOutput and success:true matchers, a failed one only errorType
// and success:false, so splitting on err keeps that order. Each distinct
// path is evaluated once per attempt.
func waiterMatch(op *ir.Operation, w *ir.Waiter) (jen.Code, error) {
	name := naming.Unexported(w.Name) + "Match"
	state := func(s string) *jen.Statement {
		return jen.Qual(pkgWaiter, map[string]string{"success": "Success", "failure": "Failure", "retry": "Retry"}[s])
	}
	ret := func(s string) jen.Code {
		return jen.Return(jen.Qual(pkgWaiter, "Match").Values(jen.Id("State").Op(":").Add(state(s)), jen.Id("Seen").Op(":").Id("seen")))
	}

	var onErr []jen.Code
	onErr = append(onErr, jen.Id("seen").Op(":=").Qual(pkgWaiter, "ErrorSeen").Call(jen.Err()))
	errDone := false
	for _, a := range w.Acceptors {
		switch {
		case errDone:
		case a.Kind == "errorType":
			onErr = append(onErr, jen.If(jen.Qual(pkgWaiter, "ErrorCodeIs").Call(jen.Err(), jen.Lit(a.ErrorType))).Block(ret(a.State)))
		case a.Kind == "success" && !a.Success:
			onErr = append(onErr, ret(a.State))
			errDone = true
		}
	}
	if !errDone {
		// The specification: an error no acceptor expects is a failure.
		onErr = append(onErr, ret("failure"))
	}

	c := &compiler{}
	b := &block{c: c}
	root := jval{t: &jtype{kind: jStruct, shape: op.Output}, expr: jen.Id("output"), ptr: true}
	io := jval{t: &jtype{kind: jInputOutput, in: op.Input, out: op.Output}}
	type compiled struct {
		path string
		v    jval
	}
	var paths []compiled
	find := func(kind, path string) (jval, error) {
		for _, p := range paths {
			if p.path == kind+":"+path {
				return p.v, nil
			}
		}
		n, err := jmespath.Parse(path)
		if err != nil {
			return jval{}, err
		}
		cur := root
		if kind == "inputOutput" {
			cur = io
		}
		v, err := c.compile(n, cur, b)
		if err != nil {
			return jval{}, fmt.Errorf("path %q: %w", path, err)
		}
		v = b.materialize(v)
		paths = append(paths, compiled{kind + ":" + path, v})
		return v, nil
	}
	var checks []jen.Code
	var seen []jen.Code
	outDone := false
	for i, a := range w.Acceptors {
		if outDone {
			break
		}
		switch a.Kind {
		case "success":
			if a.Success {
				checks = append(checks, ret(a.State))
				outDone = true
			}
		case "output", "inputOutput":
			v, err := find(a.Kind, a.Path)
			if err != nil {
				return nil, fmt.Errorf("acceptor %d: %w", i, err)
			}
			cond, err := comparator(v, a.Comparator, a.Expected)
			if err != nil {
				return nil, fmt.Errorf("acceptor %d: path %q: %w", i, a.Path, err)
			}
			if len(seen) < len(paths) {
				ok := v.ok
				if ok == nil {
					ok = jen.True()
				}
				seen = append(seen, jen.Qual(pkgWaiter, "Seen").Call(jen.Lit(a.Path), v.expr, ok))
			}
			checks = append(checks, jen.If(cond).Block(ret(a.State)))
		}
	}
	body := []jen.Code{jen.If(jen.Err().Op("!=").Nil()).Block(onErr...)}
	body = append(body, b.stmts...)
	if len(seen) == 0 {
		body = append(body, jen.Id("seen").Op(":=").Lit("no error"))
	} else {
		s := jen.Add(seen[0])
		for _, x := range seen[1:] {
			s = s.Op("+").Lit("; ").Op("+").Add(x)
		}
		body = append(body, jen.Id("seen").Op(":=").Add(s))
	}
	body = append(body, checks...)
	if !outDone {
		body = append(body, ret("retry"))
	}
	usesInput := len(c.usedInput) > 0
	inParam := jen.Id("input")
	if !usesInput {
		inParam = jen.Id("_")
	}
	return docf("%s applies the %s acceptors to one attempt.", name, w.Name).
		Func().Id(name).Params(inParam.Op("*").Id(op.Input.GoName), jen.Id("output").Op("*").Id(op.Output.GoName), jen.Err().Error()).
		Qual(pkgWaiter, "Match").Block(body...), nil
}

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
			return jen.Index().Add(goType(t.raw))
		}
		return jen.Index().Add(goTypeJ(t.elem))
	case jMap:
		return shapeType(t.shape)
	}
	panic("emit: no Go type for " + t.String())
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

func (c *compiler) compile(n *jmespath.Node, cur jval, b *block) (jval, error) {
	switch n.Kind {
	case jmespath.Identity, jmespath.Current:
		return cur, nil
	case jmespath.Field:
		return c.field(cur, n.Name)
	case jmespath.Subexpr, jmespath.Pipe:
		l, err := c.compile(n.Children[0], cur, b)
		if err != nil {
			return jval{}, err
		}
		return c.compile(n.Children[1], l, b)
	case jmespath.Index:
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
	case jmespath.Literal:
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
	case jmespath.Flatten:
		return c.flatten(n, cur, b)
	case jmespath.Projection:
		return c.project(n.Children[0], n.Children[1], nil, cur, b)
	case jmespath.FilterProjection:
		return c.project(n.Children[0], n.Children[1], n.Children[2], cur, b)
	case jmespath.Comparator:
		return c.compare(n, cur, b)
	case jmespath.And, jmespath.Or:
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
		if n.Kind == jmespath.And {
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
	case jmespath.Not:
		v, err := c.compile(n.Children[0], cur, b)
		if err != nil {
			return jval{}, err
		}
		return jval{t: &jtype{kind: jBool}, expr: jen.Op("!").Parens(truthy(v))}, nil
	case jmespath.Function:
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
func (c *compiler) flatten(n *jmespath.Node, cur jval, b *block) (jval, error) {
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
func (c *compiler) project(leftN, rightN, condN *jmespath.Node, cur jval, b *block) (jval, error) {
	l, err := c.compile(leftN, cur, b)
	if err != nil || l.t.kind != jList {
		return null(), err
	}
	if rightN.Kind == jmespath.Identity && condN == nil {
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

func (c *compiler) compare(n *jmespath.Node, cur jval, b *block) (jval, error) {
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

func (c *compiler) function(n *jmespath.Node, cur jval, b *block) (jval, error) {
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
