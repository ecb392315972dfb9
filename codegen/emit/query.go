package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eucsdk/eucsdk/codegen/ir"
)

// The awsQuery and ec2Query codecs: form serializers over awsquery.Encoder
// and XML deserializers over awsxml.Decoder. Names come resolved from the IR
// (Member.QueryName for form keys, Member.XMLName for elements), so the only
// protocol difference left here is ec2Query's: no "member"/"entry" wrappers
// in keys, and nothing sent for an empty list.

const (
	pkgAWSQuery = "github.com/eucsdk/eucsdk/runtime/awsquery"
	pkgAWSXML   = "github.com/eucsdk/eucsdk/runtime/awsxml"
)

func querySerializers(svc *ir.Service, fs *Files) error {
	f := fs.main(svc, "serializers.go")
	for _, s := range ir.Closure(svc.Inputs()) {
		f.Add(querySerializer(s, svc.Protocol.EC2))
	}
	return nil
}

func querySerializer(s *ir.Shape, ec2 bool) *jen.Statement {
	params := jen.Params(jen.Id("e").Op("*").Qual(pkgAWSQuery, "Encoder"), jen.Id("v").Add(shapeType(s)))
	var body []jen.Code
	switch s.Kind {
	case ir.Struct:
		for _, m := range s.Members {
			field := jen.Id("v").Dot(m.GoName)
			write := queryWrite("Key", "Enter", jen.Lit(m.QueryName), m, valueOf(m.Type, field.Clone()), ec2)
			cond := present(m.Type, field.Clone())
			if s.IsInput {
				cond = presentNoDefault(m.Type, field.Clone())
			}
			if cond == nil {
				body = append(body, write...)
			} else {
				body = append(body, jen.If(cond).Block(write...))
			}
		}
	case ir.Union:
		var cases []jen.Code
		for _, m := range s.Members {
			cases = append(cases, jen.Case(jen.Op("*").Qual(s.Package, m.UnionType)).Block(
				queryWrite("Key", "Enter", jen.Lit(m.QueryName), m, elemValue(m.Type, jen.Id("uv").Dot("Value")), ec2)...,
			))
		}
		if len(cases) > 0 {
			body = append(body, jen.Switch(jen.Id("uv").Op(":=").Id("v").Assert(jen.Type())).Block(cases...))
		}
	case ir.List:
		el := s.Elem
		elem := jen.Id("v").Index(jen.Id("i"))
		var loop []jen.Code
		if el.Type.Pointer {
			loop = append(loop, jen.If(elem.Clone().Op("==").Nil()).Block(jen.Continue()))
		}
		loop = append(loop, queryWrite("Index", "EnterIndex", jen.Id("i").Op("+").Lit(1), el, elemValue(el.Type, elem.Clone()), ec2)...)
		body = append(body, jen.For(jen.Id("i").Op(":=").Range().Id("v")).Block(loop...))
	case ir.Map:
		val := s.Value
		loop := []jen.Code{
			jen.Id("mv").Op(":=").Id("v").Index(jen.Id("k")),
		}
		if val.Type.Pointer {
			loop = append(loop, jen.If(jen.Id("mv").Op("==").Nil()).Block(jen.Continue()))
		}
		loop = append(loop,
			jen.Id("e").Dot("EnterIndex").Call(jen.Id("i").Op("+").Lit(1)),
			jen.Id("e").Dot("Key").Call(jen.Lit(s.Key.QueryName)),
			jen.Id("e").Dot("String").Call(jen.Id("k")),
		)
		loop = append(loop, queryWrite("Key", "Enter", jen.Lit(val.QueryName), val, elemValue(val.Type, jen.Id("mv")), ec2)...)
		loop = append(loop, jen.Id("e").Dot("Leave").Call())
		body = append(body, jen.For(jen.List(jen.Id("i"), jen.Id("k")).Op(":=").Range().Qual(pkgAWSQuery, "SortedKeys").Call(jen.Id("v"))).Block(loop...))
	}
	return jen.Func().Id(s.SerFunc).Add(params).Block(body...).Line()
}

// queryWrite writes value v of member m under a key: a name (Key/Enter) or
// a list position (Index/EnterIndex).
func queryWrite(key, enter string, arg *jen.Statement, m *ir.Member, v *jen.Statement, ec2 bool) []jen.Code {
	e := jen.Id("e")
	t := m.Type
	switch t.Kind {
	case ir.Struct, ir.Union:
		return []jen.Code{e.Clone().Dot(enter).Call(arg), jen.Id(t.Shape.SerFunc).Call(jen.Id("e"), v), e.Clone().Dot("Leave").Call()}
	case ir.List, ir.Map:
		wrapper := ""
		if !m.Flattened && !ec2 {
			wrapper = "entry"
			if t.Kind == ir.List {
				wrapper = t.Shape.Elem.QueryName
			}
		}
		write := []jen.Code{e.Clone().Dot(enter).Call(arg.Clone())}
		if wrapper != "" {
			write = append(write, e.Clone().Dot("Enter").Call(jen.Lit(wrapper)))
		}
		write = append(write, jen.Id(t.Shape.SerFunc).Call(jen.Id("e"), v))
		if wrapper != "" {
			write = append(write, e.Clone().Dot("Leave").Call())
		}
		write = append(write, e.Clone().Dot("Leave").Call())
		if ec2 || t.Kind == ir.Map {
			// ec2Query sends nothing for an empty list, neither protocol
			// anything for an empty map.
			return []jen.Code{jen.If(jen.Len(v.Clone()).Op(">").Lit(0)).Block(write...)}
		}
		// awsQuery sends an empty list as the bare key, "List=".
		return []jen.Code{jen.If(jen.Len(v.Clone()).Op("==").Lit(0)).Block(
			e.Clone().Dot(key).Call(arg.Clone()),
		).Else().Block(write...)}
	}
	return append([]jen.Code{e.Clone().Dot(key).Call(arg)}, writeValue(m, v)...)
}

func queryDeserializers(svc *ir.Service, fs *Files) error {
	f := fs.main(svc, "deserializers.go")
	f.Add(queryErrorDispatch(svc))
	for _, s := range ir.Closure(svc.OutputsAndErrors()) {
		f.Add(xmlDeserializer(s))
	}
	return nil
}

func xmlDecParam() jen.Code { return jen.Id("d").Op("*").Qual(pkgAWSXML, "Decoder") }

func queryErrorDispatch(svc *ir.Service) *jen.Statement {
	var cases []jen.Code
	for _, e := range svc.Errors() {
		cases = append(cases, jen.Case(jen.Lit(e.Error.Code)).Block(
			jen.Id("v").Op(":=").Op("&").Qual(e.Package, e.GoName).Values(),
			jen.Id(e.DeserFunc).Call(dec(), jen.Id("v")),
			jen.Return(jen.Id("v")),
		))
	}
	cases = append(cases, jen.Default().Block(jen.Return(jen.Nil())))
	return jen.Comment("newModeledError decodes the <Error> element of an error response into the\nmodeled error type for code.").Line().
		Func().Id("newModeledError").Params(jen.Id("code").String(), xmlDecParam()).Error().Block(
		jen.Switch(jen.Id("code")).Block(cases...),
	).Line()
}

// xmlDeserializer reads one aggregate whose element the decoder has just
// entered: structures and unions loop over their children; a list or map
// function reads the wrapped form, and its Item function one item or entry
// (the whole flattened form comes as repeated items).
func xmlDeserializer(s *ir.Shape) *jen.Statement {
	switch s.Kind {
	case ir.Struct:
		var body, cases []jen.Code
		for _, m := range s.BodyMembers() {
			if m.XMLAttribute {
				if m.Type.Kind == ir.String || m.Type.Kind == ir.Enum {
					val := jen.Id("a")
					var set jen.Code = jen.Id("v").Dot(m.GoName).Op("=").Add(val)
					if m.Type.Kind == ir.Enum {
						set = jen.Id("v").Dot(m.GoName).Op("=").Qual(m.Type.Shape.Package, m.Type.Shape.GoName).Call(val)
					} else if m.Type.Pointer {
						set = jen.Id("v").Dot(m.GoName).Op("=").Op("&").Add(val)
					}
					body = append(body, jen.If(jen.List(jen.Id("a"), jen.Id("ok")).Op(":=").Add(dec()).Dot("Attr").Call(jen.Lit(xmlLocal(m.XMLName))), jen.Id("ok")).Block(set))
				}
				continue
			}
			keys := []jen.Code{jen.Lit(xmlLocal(m.XMLName))}
			if s.Error != nil && m.GoName == "Message" {
				keys = []jen.Code{jen.Lit("message"), jen.Lit("Message")}
			}
			cases = append(cases, jen.Case(keys...).Block(xmlReadInto(m, jen.Id("v").Dot(m.GoName))...))
		}
		cases = append(cases, jen.Default().Block(dec().Dot("Skip").Call()))
		body = append(body, jen.For(dec().Dot("Next").Call()).Block(
			jen.Switch(jen.String().Call(dec().Dot("Name").Call())).Block(cases...),
		))
		body = append(body, fillMissing(s, true)...)
		return jen.Func().Id(s.DeserFunc).Params(xmlDecParam(), jen.Id("v").Add(shapeType(s))).Block(body...).Line()
	case ir.Union:
		var cases []jen.Code
		for _, m := range s.Members {
			cases = append(cases, jen.Case(jen.Lit(m.XMLName)).Block(
				jen.Var().Id("mv").Add(goType(m.Type)),
				jen.Add(xmlReadInto(m, jen.Id("mv"))...),
				jen.Id("v").Op("=").Op("&").Qual(s.Package, m.UnionType).Values(jen.Dict{jen.Id("Value"): jen.Id("mv")}),
			))
		}
		cases = append(cases, jen.Default().Block(
			jen.Id("v").Op("=").Op("&").Qual(s.Package, "UnknownUnionMember").Values(jen.Dict{
				jen.Id("Tag"): jen.String().Call(dec().Dot("Name").Call()),
			}),
			dec().Dot("Skip").Call(),
		))
		return jen.Func().Id(s.DeserFunc).Params(xmlDecParam()).Params(jen.Id("v").Add(shapeType(s))).Block(
			jen.For(dec().Dot("Next").Call()).Block(
				jen.Switch(jen.String().Call(dec().Dot("Name").Call())).Block(cases...),
			),
			jen.Return(jen.Id("v")),
		).Line()
	case ir.List, ir.Map:
		item := s.DeserFunc + "Item"
		wrapped := jen.Func().Id(s.DeserFunc).Params(xmlDecParam(), jen.Id("v").Add(shapeType(s))).Add(shapeType(s)).Block(
			jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Id("v").Op("=").Add(shapeType(s)).Values()),
			jen.For(dec().Dot("Next").Call()).Block(jen.Id("v").Op("=").Id(item).Call(dec(), jen.Id("v"))),
			jen.Return(jen.Id("v")),
		).Line()
		var itemBody []jen.Code
		if s.Kind == ir.List {
			itemBody = xmlAppendItem(s.Elem)
		} else {
			itemBody = []jen.Code{
				jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Id("v").Op("=").Add(shapeType(s)).Values()),
				jen.Var().Id("k").String(),
				jen.Var().Id("mv").Add(goType(s.Value.Type)),
				jen.For(dec().Dot("Next").Call()).Block(
					jen.Switch(jen.String().Call(dec().Dot("Name").Call())).Block(
						jen.Case(jen.Lit(s.Key.XMLName)).Block(jen.Id("k").Op("=").Add(dec()).Dot("String").Call()),
						jen.Case(jen.Lit(s.Value.XMLName)).Block(xmlReadInto(s.Value, jen.Id("mv"))...),
						jen.Default().Block(dec().Dot("Skip").Call()),
					),
				),
				jen.Id("v").Index(jen.Id("k")).Op("=").Id("mv"),
			}
		}
		itemBody = append(itemBody, jen.Return(jen.Id("v")))
		return wrapped.Add(jen.Func().Id(item).Params(xmlDecParam(), jen.Id("v").Add(shapeType(s))).Add(shapeType(s)).Block(itemBody...).Line())
	}
	panic("emit: not an aggregate")
}

// xmlAppendItem reads the current element as one list item appended to v.
func xmlAppendItem(el *ir.Member) []jen.Code {
	t := el.Type
	switch {
	case t.Kind == ir.Struct && !t.Pointer:
		return []jen.Code{
			jen.Id("v").Op("=").Append(jen.Id("v"), jen.Qual(t.Shape.Package, t.Shape.GoName).Values()),
			jen.Id(t.Shape.DeserFunc).Call(dec(), jen.Op("&").Id("v").Index(jen.Len(jen.Id("v")).Op("-").Lit(1))),
		}
	}
	out := []jen.Code{jen.Var().Id("ev").Add(goType(t))}
	out = append(out, xmlReadInto(el, jen.Id("ev"))...)
	return append(out, jen.Id("v").Op("=").Append(jen.Id("v"), jen.Id("ev")))
}

// xmlReadInto reads the current element into dst.
func xmlReadInto(m *ir.Member, dst *jen.Statement) []jen.Code {
	t := m.Type
	switch t.Kind {
	case ir.List, ir.Map:
		fn := t.Shape.DeserFunc
		if m.Flattened {
			fn += "Item"
		}
		return []jen.Code{dst.Clone().Op("=").Id(fn).Call(dec(), dst.Clone())}
	case ir.Union:
		return []jen.Code{dst.Op("=").Id(t.Shape.DeserFunc).Call(dec())}
	case ir.Struct:
		if t.Pointer {
			return []jen.Code{
				dst.Clone().Op("=").New(jen.Qual(t.Shape.Package, t.Shape.GoName)),
				jen.Id(t.Shape.DeserFunc).Call(dec(), dst.Clone()),
			}
		}
		return []jen.Code{jen.Id(t.Shape.DeserFunc).Call(dec(), jen.Op("&").Add(dst))}
	}
	return readValue(m, dst)
}
