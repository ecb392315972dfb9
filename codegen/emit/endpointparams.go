package emit

import (
	"encoding/json"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/eucsdk/eucsdk/codegen/ir"
)

// endpointParamsFunc writes an operation's Operation.EndpointParams: each
// rule parameter the operation fixes, or reads from its input. An unset
// member (nil, empty enum, empty list) sets nothing, so the rule set's
// default holds.
func endpointParamsFunc(op *ir.Operation, in string) jen.Code {
	var body []jen.Code
	for _, b := range op.EndpointBindings {
		body = append(body, endpointBinding(b)...)
	}
	return jen.Func().Params(jen.Id("in").Op("*").Id(in), jen.Id("p").Op("*").Qual(pkgPipeline, "EndpointParams")).Block(body...)
}

func endpointBinding(b ir.EndpointBinding) []jen.Code {
	name := jen.Lit(b.Param)
	if b.Static != nil {
		var v any
		_ = json.Unmarshal(b.Static, &v) // resolve checked it is a string or a bool
		switch v := v.(type) {
		case string:
			return []jen.Code{jen.Id("p").Dot("String").Call(name, jen.Lit(v))}
		case bool:
			return []jen.Code{jen.Id("p").Dot("Bool").Call(name, jen.Lit(v))}
		}
		return nil
	}
	w := &pathWalker{}
	switch {
	case b.Keys:
		return w.walk(jen.Id("in"), b.Path, func(m jen.Code, t *ir.Type) []jen.Code {
			key := jen.Id("k")
			if t.Shape.Key.Type.Kind == ir.Enum {
				key = jen.String().Call(jen.Id("k"))
			}
			return []jen.Code{jen.If(jen.Len(m).Op(">").Lit(0)).Block(
				jen.Id("keys").Op(":=").Make(jen.Index().String(), jen.Lit(0), jen.Len(m)),
				jen.For(jen.Id("k").Op(":=").Range().Add(m)).Block(jen.Id("keys").Op("=").Append(jen.Id("keys"), key)),
				jen.Qual("sort", "Strings").Call(jen.Id("keys")),
				jen.Id("p").Dot("Strings").Call(name, jen.Id("keys")),
			)}
		})
	case b.Each >= 0:
		list := b.Path[:b.Each+1]
		rest := b.Path[b.Each+1:]
		return w.walk(jen.Id("in"), list, func(l jen.Code, _ *ir.Type) []jen.Code {
			return []jen.Code{
				jen.Var().Id("vs").Index().String(),
				jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Add(l)).Block(
					w.walk(jen.Id("e"), rest, func(v jen.Code, t *ir.Type) []jen.Code {
						return stringLeaf(v, t, func(s jen.Code) jen.Code { return jen.Id("vs").Op("=").Append(jen.Id("vs"), s) })
					})...,
				),
				jen.If(jen.Len(jen.Id("vs")).Op(">").Lit(0)).Block(jen.Id("p").Dot("Strings").Call(name, jen.Id("vs"))),
			}
		})
	}
	return w.walk(jen.Id("in"), b.Path, func(v jen.Code, t *ir.Type) []jen.Code {
		switch {
		case t.Kind == ir.Bool && t.Pointer:
			return []jen.Code{jen.If(jen.Add(v).Op("!=").Nil()).Block(jen.Id("p").Dot("Bool").Call(name, jen.Op("*").Add(v)))}
		case t.Kind == ir.Bool:
			return []jen.Code{jen.Id("p").Dot("Bool").Call(name, v)}
		case t.Kind == ir.List:
			return []jen.Code{jen.If(jen.Len(v).Op(">").Lit(0)).Block(jen.Id("p").Dot("Strings").Call(name, v))}
		}
		return stringLeaf(v, t, func(s jen.Code) jen.Code { return jen.Id("p").Dot("String").Call(name, s) })
	})
}

// stringLeaf hands a string or enum member's value to sink when it is set.
func stringLeaf(v jen.Code, t *ir.Type, sink func(jen.Code) jen.Code) []jen.Code {
	switch {
	case t.Kind == ir.Enum && t.Pointer:
		return []jen.Code{jen.If(jen.Add(v).Op("!=").Nil()).Block(sink(jen.String().Call(jen.Op("*").Add(v))))}
	case t.Kind == ir.Enum:
		return []jen.Code{jen.If(jen.Add(v).Op("!=").Lit("")).Block(sink(jen.String().Call(v)))}
	case t.Pointer:
		return []jen.Code{jen.If(jen.Add(v).Op("!=").Nil()).Block(sink(jen.Op("*").Add(v)))}
	}
	return []jen.Code{sink(v)}
}

// pathWalker writes the nil checks down a member path; each structure
// pointer on the way gets a variable of its own.
type pathWalker struct{ n int }

func (w *pathWalker) walk(from jen.Code, path []*ir.Member, leaf func(jen.Code, *ir.Type) []jen.Code) []jen.Code {
	m := path[0]
	val := jen.Add(from).Dot(m.GoName)
	if len(path) == 1 {
		return leaf(val, m.Type)
	}
	if !m.Type.Pointer {
		return w.walk(val, path[1:], leaf)
	}
	w.n++
	v := "v" + strconv.Itoa(w.n)
	return []jen.Code{jen.If(jen.Id(v).Op(":=").Add(val), jen.Id(v).Op("!=").Nil()).Block(w.walk(jen.Id(v), path[1:], leaf)...)}
}
