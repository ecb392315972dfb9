package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/eucsdk/eucsdk/codegen/ir"
)

const pkgConstraint = "github.com/eucsdk/eucsdk/runtime/constraint"

// constraintChecks writes server/constraints.go: every input member's
// length, range, pattern and enum constraints, nested members included, as
// the service's front end checks them. Patterns are compiled on first use.
func constraintChecks(svc *ir.Service, fs *Files) {
	f := fs.File("server/constraints.go", svc.ServerPath, "server")
	g := &checkGen{patterns: map[[2]string]string{}, enums: map[*ir.Shape]string{}}
	var funcs []jen.Code
	for _, s := range ir.Closure(svc.Inputs()) {
		if ir.HasConstraints(s) {
			funcs = append(funcs, g.shapeCheck(s))
		}
	}
	var cases []jen.Code
	for _, op := range svc.Operations {
		if ir.HasConstraints(op.Input) {
			cases = append(cases, jen.Case(jen.Op("*").Qual(svc.ImportPath, op.Input.GoName)).Block(
				jen.Id(checkFunc(op.Input)).Call(jen.Id("v"), jen.Lit(""), jen.Op("&").Id("c")),
			))
		}
	}
	f.Comment(slashes("CheckConstraints checks an input's members, nested ones included, against\nthe model's length, range, pattern and enum constraints, and returns what\nfails in the service's wording; nil when the input is valid."))
	body := []jen.Code{jen.Var().Id("c").Qual(pkgConstraint, "Violations")}
	if len(cases) > 0 {
		body = append(body, jen.Switch(jen.Id("v").Op(":=").Id("in").Assert(jen.Type())).Block(cases...))
	} else {
		body = append(body, jen.Id("_").Op("=").Id("in"))
	}
	body = append(body, jen.Return(jen.Id("c")))
	f.Func().Id("CheckConstraints").Params(jen.Id("in").Any()).Qual(pkgConstraint, "Violations").Block(body...)
	if len(g.vars) > 0 {
		f.Var().Defs(g.vars...)
	}
	for _, fn := range funcs {
		f.Add(fn)
	}
}

type checkGen struct {
	patterns map[[2]string]string
	enums    map[*ir.Shape]string
	vars     []jen.Code
}

func checkFunc(s *ir.Shape) string {
	return "check" + strings.TrimPrefix(s.DeserFunc, "deserialize")
}

func (g *checkGen) pattern(m *ir.Member) jen.Code {
	k := [2]string{m.Pattern, m.GoPattern}
	name, ok := g.patterns[k]
	if !ok {
		name = "pattern" + itoa(len(g.patterns))
		g.patterns[k] = name
		g.vars = append(g.vars, jen.Id(name).Op("=").Qual(pkgConstraint, "NewRegexp").Call(jen.Lit(m.Pattern), jen.Lit(m.GoPattern)))
	}
	return jen.Id(name)
}

func (g *checkGen) enum(s *ir.Shape) jen.Code {
	name, ok := g.enums[s]
	if !ok {
		name = "enum" + s.GoName
		g.enums[s] = name
		var vals []jen.Code
		for _, v := range s.Values {
			vals = append(vals, jen.Lit(v.Value))
		}
		g.vars = append(g.vars, jen.Id(name).Op("=").Index().String().Values(vals...))
	}
	return jen.Id(name)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func bound(f *float64) jen.Code {
	if f == nil {
		return jen.Nil()
	}
	return jen.Qual(pkgConstraint, "Bound").Call(jen.Lit(*f))
}

func (g *checkGen) shapeCheck(s *ir.Shape) jen.Code {
	var body []jen.Code
	switch s.Kind {
	case ir.Struct:
		for _, m := range s.Members {
			if st := g.member(m, jen.Id("v").Dot(m.GoName), jen.Qual(pkgConstraint, "Path").Call(jen.Id("path"), jen.Lit(m.Name)), true); st != nil {
				body = append(body, st)
			}
		}
	case ir.Union:
		var cases []jen.Code
		for _, m := range s.Members {
			if st := g.member(m, jen.Id("uv").Dot("Value"), jen.Qual(pkgConstraint, "Path").Call(jen.Id("path"), jen.Lit(m.Name)), false); st != nil {
				cases = append(cases, jen.Case(jen.Op("*").Qual(s.Package, m.UnionType)).Block(st))
			}
		}
		if len(cases) > 0 {
			body = append(body, jen.Switch(jen.Id("uv").Op(":=").Id("v").Assert(jen.Type())).Block(cases...))
		}
	case ir.List:
		if st := g.member(s.Elem, jen.Id("e"), jen.Qual(pkgConstraint, "Elem").Call(jen.Id("path"), jen.Id("i")), false); st != nil {
			body = append(body, jen.For(jen.List(jen.Id("i"), jen.Id("e")).Op(":=").Range().Id("v")).Block(st))
		}
	case ir.Map:
		var inner []jen.Code
		if st := g.member(s.Key, jen.Id("k"), jen.Id("path").Op("+").Lit(".key"), false); st != nil {
			inner = append(inner, st)
		}
		if st := g.member(s.Value, jen.Id("v").Index(jen.Id("k")), jen.Id("path").Op("+").Lit(".value"), false); st != nil {
			inner = append(inner, st)
		}
		if len(inner) > 0 {
			// Sorted keys keep the report the same from run to run.
			body = append(body, jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Qual("slices", "Sorted").Call(jen.Qual("maps", "Keys").Call(jen.Id("v")))).Block(inner...))
		}
	}
	return jen.Func().Id(checkFunc(s)).Params(jen.Id("v").Add(shapeType(s)), jen.Id("path").String(), jen.Id("c").Op("*").Qual(pkgConstraint, "Violations")).Block(body...).Line()
}

// member returns the checks of one value, or nil when it has none. In a
// structure (field true) an unset value is skipped: presence is the
// required check's business, and a zero that stands for "unset" is no value.
func (g *checkGen) member(m *ir.Member, val *jen.Statement, path jen.Code, field bool) jen.Code {
	t := m.Type
	nested := t.Shape != nil && t.Kind != ir.Enum && t.Kind != ir.IntEnum && ir.HasConstraints(t.Shape)
	if !m.Constrained() && !nested {
		return nil
	}
	deref := t.Pointer && t.Kind != ir.BigInt && t.Kind != ir.BigDecimal && t.Kind != ir.Struct && t.Kind != ir.Union
	xv := func() *jen.Statement {
		if deref {
			return jen.Op("*").Id("x")
		}
		return jen.Id("x")
	}
	p := func() *jen.Statement { return jen.Id("p") }
	var checks []jen.Code
	shown := func() jen.Code {
		if m.Sensitive {
			return jen.Qual(pkgConstraint, "Redacted")
		}
		switch t.Kind {
		case ir.String, ir.Byte, ir.Short, ir.Int, ir.Long, ir.Float, ir.Double:
			return xv()
		case ir.Enum:
			return jen.String().Call(xv())
		case ir.List:
			if t.Shape.Elem.Type.Kind == ir.String && !t.Shape.Elem.Type.Pointer {
				return xv()
			}
		}
		return jen.Nil()
	}
	switch t.Kind {
	case ir.String, ir.Enum:
		str := func() *jen.Statement {
			if t.Kind == ir.Enum {
				return jen.String().Call(xv())
			}
			return xv()
		}
		if m.Length != nil {
			checks = append(checks, jen.Id("c").Dot("Length").Call(p(), shown(), jen.Qual("unicode/utf8", "RuneCountInString").Call(str()), bound(m.Length.Min), bound(m.Length.Max)))
		}
		if m.GoPattern != "" {
			checks = append(checks, jen.Id("c").Dot("Pattern").Call(p(), shown(), str(), g.pattern(m)))
		}
		if t.Kind == ir.Enum && len(t.Shape.Values) > 0 {
			checks = append(checks, jen.Id("c").Dot("Enum").Call(p(), shown(), str(), g.enum(t.Shape)))
		}
	case ir.Blob:
		if m.Length != nil {
			checks = append(checks, jen.Id("c").Dot("Length").Call(p(), jen.Nil(), jen.Len(xv()), bound(m.Length.Min), bound(m.Length.Max)))
		}
	case ir.Byte, ir.Short, ir.Int, ir.Long, ir.Float, ir.Double:
		if m.Range != nil {
			checks = append(checks, jen.Id("c").Dot("Range").Call(p(), shown(), jen.Float64().Call(xv()), bound(m.Range.Min), bound(m.Range.Max)))
		}
	case ir.List, ir.Map:
		if m.Length != nil {
			checks = append(checks, jen.Id("c").Dot("Length").Call(p(), shown(), jen.Len(xv()), bound(m.Length.Min), bound(m.Length.Max)))
		}
		if nested {
			checks = append(checks, jen.Id(checkFunc(t.Shape)).Call(xv(), p(), jen.Id("c")))
		}
	case ir.Struct, ir.Union:
		if nested {
			arg := xv()
			if t.Kind == ir.Struct && !t.Pointer {
				arg = jen.Op("&").Add(arg)
			}
			checks = append(checks, jen.Id(checkFunc(t.Shape)).Call(arg, p(), jen.Id("c")))
		}
	}
	if len(checks) == 0 {
		return nil
	}
	block := append([]jen.Code{jen.Id("p").Op(":=").Add(path)}, checks...)
	bind := jen.Id("x").Op(":=").Add(val)
	var unset jen.Code
	switch {
	case t.Pointer, t.Kind == ir.List, t.Kind == ir.Map, t.Kind == ir.Blob, t.Kind == ir.Union:
		unset = jen.Nil()
	case !field:
		// Elements of a collection are always values, even when empty.
	case t.Kind == ir.String, t.Kind == ir.Enum:
		unset = jen.Lit("")
	case t.Kind == ir.Struct:
	default:
		unset = jen.Lit(0)
	}
	if unset == nil {
		return jen.Block(append([]jen.Code{bind}, block...)...)
	}
	return jen.If(bind, jen.Id("x").Op("!=").Add(unset)).Block(block...)
}
