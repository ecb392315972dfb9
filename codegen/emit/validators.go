package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eucsdk/eucsdk/codegen/ir"
)

// Validators writes validators.go: required members are checked before any
// network I/O. Only presence is checked; length, range and pattern are left
// to the service so that a relaxed constraint never breaks an old client.
func Validators(svc *ir.Service, fs *Files) error {
	f := fs.main(svc, "validators.go")
	for _, s := range ir.Closure(svc.Inputs()) {
		if ir.NeedsValidation(s) {
			f.Add(validator(s))
		}
	}
	return nil
}

func validator(s *ir.Shape) *jen.Statement {
	ctx := s.GoName
	var body []jen.Code
	body = append(body, jen.Id("invalid").Op(":=").Qual(pkgSmithy, "InvalidParamsError").Values(jen.Dict{jen.Id("Context"): jen.Lit(ctx)}))
	nested := func(child *ir.Shape, name jen.Code, arg jen.Code) jen.Code {
		return jen.If(jen.Err().Op(":=").Id(child.ValidateFunc).Call(arg), jen.Err().Op("!=").Nil()).Block(
			jen.Id("invalid").Dot("AddNested").Call(name, jen.Err().Assert(jen.Qual(pkgSmithy, "InvalidParamsError"))),
		)
	}
	switch s.Kind {
	case ir.Struct:
		for _, m := range s.Members {
			field := jen.Id("v").Dot(m.GoName)
			child := m.Type.Shape
			checkChild := child != nil && ir.NeedsValidation(child) && m.Type.Kind != ir.Enum && m.Type.Kind != ir.IntEnum
			if m.Required {
				if missing := missingCond(m.Type, field.Clone()); missing != nil {
					st := jen.If(missing).Block(jen.Id("invalid").Dot("Add").Call(jen.Qual(pkgSmithy, "NewErrParamRequired").Call(jen.Lit(m.GoName))))
					if checkChild {
						st = st.Else().Block(nested(child, jen.Lit(m.GoName), childArg(m.Type, field.Clone())))
					}
					body = append(body, st)
					continue
				}
			}
			if checkChild {
				if m.Type.Kind == ir.Struct && !m.Type.Pointer {
					body = append(body, nested(child, jen.Lit(m.GoName), childArg(m.Type, field.Clone())))
				} else {
					body = append(body, jen.If(field.Clone().Op("!=").Nil()).Block(nested(child, jen.Lit(m.GoName), childArg(m.Type, field.Clone()))))
				}
			}
		}
	case ir.Union:
		var cases []jen.Code
		for _, m := range s.Members {
			if child := m.Type.Shape; child != nil && ir.NeedsValidation(child) && m.Type.Kind != ir.Enum {
				cases = append(cases, jen.Case(jen.Op("*").Qual(s.Package, m.UnionType)).Block(nested(child, jen.Lit(m.GoName), childArg(m.Type, jen.Id("uv").Dot("Value")))))
			}
		}
		body = append(body, jen.Switch(jen.Id("uv").Op(":=").Id("v").Assert(jen.Type())).Block(cases...))
	case ir.List:
		el := s.Elem
		arg := jen.Id("v").Index(jen.Id("i"))
		check := nested(el.Type.Shape, jen.Qual("fmt", "Sprintf").Call(jen.Lit("[%d]"), jen.Id("i")), childArg(el.Type, arg.Clone()))
		if el.Type.Pointer || el.Type.Kind != ir.Struct {
			check = jen.If(arg.Clone().Op("!=").Nil()).Block(check)
		}
		body = append(body, jen.For(jen.Id("i").Op(":=").Range().Id("v")).Block(check))
	case ir.Map:
		val := s.Value
		arg := jen.Id("mv")
		if val.Type.Kind == ir.Struct && !val.Type.Pointer {
			body = append(body, jen.For(jen.List(jen.Id("k"), jen.Id("mv")).Op(":=").Range().Id("v")).Block(
				nested(val.Type.Shape, jen.Qual("fmt", "Sprintf").Call(jen.Lit("[%q]"), jen.Id("k")), jen.Op("&").Id("mv")),
			))
		} else {
			body = append(body, jen.For(jen.List(jen.Id("k"), jen.Id("mv")).Op(":=").Range().Id("v")).Block(
				jen.If(arg.Clone().Op("!=").Nil()).Block(
					nested(val.Type.Shape, jen.Qual("fmt", "Sprintf").Call(jen.Lit("[%q]"), jen.Id("k")), childArg(val.Type, arg.Clone())),
				),
			))
		}
	}
	body = append(body,
		jen.If(jen.Id("invalid").Dot("Len").Call().Op(">").Lit(0)).Block(jen.Return(jen.Id("invalid"))),
		jen.Return(jen.Nil()),
	)
	return jen.Func().Id(s.ValidateFunc).Params(jen.Id("v").Add(shapeType(s))).Error().Block(body...).Line()
}

// missingCond is the condition under which a required member counts as missing.
func missingCond(t *ir.Type, field *jen.Statement) *jen.Statement {
	switch {
	case t.Pointer, t.Kind == ir.Blob, t.Kind == ir.List, t.Kind == ir.Map, t.Kind == ir.Union, t.Kind == ir.Document, t.Kind == ir.BigInt, t.Kind == ir.BigDecimal:
		return field.Op("==").Nil()
	case t.Kind == ir.Enum, t.Kind == ir.String:
		return jen.Len(field).Op("==").Lit(0)
	}
	// Values with a modeled default are always present.
	return nil
}

func childArg(t *ir.Type, v *jen.Statement) *jen.Statement {
	if t.Kind == ir.Struct && !t.Pointer {
		return jen.Op("&").Add(v)
	}
	return v
}
