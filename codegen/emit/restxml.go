package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/eucsdk/eucsdk/codegen/ir"
)

// restXml: the HTTP bindings are restJson1's (httpbind.go); the documents
// are XML, written with awsxml.Encoder and read with the query protocols'
// XML deserializers (query.go).

const pkgRestXML = "github.com/eucsdk/eucsdk/runtime/restxml"

func restXMLSerializers(svc *ir.Service, fs *Files) error {
	f := fs.main(svc, "serializers.go")
	for _, s := range ir.Closure(svc.Inputs()) {
		if s.IsInput && !hasBodyDoc(s) {
			continue
		}
		f.Add(xmlSerializer(s))
	}
	for _, op := range svc.Operations {
		f.Add(httpSerializer(svc, op))
	}
	return nil
}

func restXMLDeserializers(svc *ir.Service, fs *Files) error {
	f := fs.main(svc, "deserializers.go")
	f.Add(restXMLErrorDispatch(svc))
	for _, s := range ir.Closure(svc.OutputsAndErrors()) {
		if s.IsOutput && !hasBodyDoc(s) {
			continue
		}
		f.Add(xmlDeserializer(s))
	}
	for _, op := range svc.Operations {
		f.Add(httpDeserializer(svc, op))
	}
	return nil
}

func restXMLErrorDispatch(svc *ir.Service) *jen.Statement {
	var cases []jen.Code
	for _, e := range svc.Errors() {
		block := []jen.Code{
			jen.Id("v").Op(":=").Op("&").Qual(e.Package, e.GoName).Values(),
			jen.Id(e.DeserFunc).Call(dec(), jen.Id("v")),
		}
		if reads := readBindings(e); len(reads) > 0 {
			block = append(block, jen.Var().Id("rd").Qual(pkgRestBind, "Reader"))
			block = append(block, reads...)
			// A header that does not parse loses that member, not the error.
			block = append(block, jen.Id("_").Op("=").Id("rd").Dot("Err").Call())
		}
		cases = append(cases, jen.Case(jen.Lit(e.Error.Code)).Block(append(block, jen.Return(jen.Id("v")))...))
	}
	cases = append(cases, jen.Default().Block(jen.Return(jen.Nil())))
	return jen.Comment(slashes("newModeledError decodes the <Error> element of an error response, and\nthe error's header bindings, into the modeled error type for code.")).Line().
		Func().Id("newModeledError").Params(jen.Id("code").String(), jen.Id("resp").Op("*").Qual(pkgWire, "Response"), xmlDecParam()).Error().Block(
		jen.Switch(jen.Id("code")).Block(cases...),
	).Line()
}

// xmlNS declares ns on the element just started.
func xmlNS(ns *ir.XMLNamespace) []jen.Code {
	if ns == nil {
		return nil
	}
	return []jen.Code{jen.Id("e").Dot("Namespace").Call(jen.Lit(ns.Prefix), jen.Lit(ns.URI))}
}

// xmlSerializer writes one aggregate. A structure or union function writes
// the attributes and children of its element, which the caller has
// started; a list or map function writes its items or entries as elements
// named by its caller ("member"/"entry" inside a wrapper, or the member's
// own name when flattened).
func xmlSerializer(s *ir.Shape) *jen.Statement {
	e := jen.Id("e")
	var body []jen.Code
	params := jen.Params(e.Clone().Op("*").Qual(pkgAWSXML, "Encoder"), jen.Id("v").Add(shapeType(s)))
	switch s.Kind {
	case ir.Struct:
		var attrs, children []jen.Code
		for _, m := range s.BodyMembers() {
			field := jen.Id("v").Dot(m.GoName)
			cond := present(m.Type, field.Clone())
			if s.IsInput {
				cond = presentNoDefault(m.Type, field.Clone())
			}
			var write []jen.Code
			if m.XMLAttribute {
				write = []jen.Code{e.Clone().Dot("Attr").Call(jen.Lit(m.XMLName), toText(m, m.Type, m.TimestampFormat, deref(m.Type, field.Clone()), false))}
			} else {
				write = xmlWrite(m, jen.Lit(m.XMLName), valueOf(m.Type, field.Clone()))
			}
			if cond != nil {
				write = []jen.Code{jen.If(cond).Block(write...)}
			}
			if m.XMLAttribute {
				attrs = append(attrs, write...)
			} else {
				children = append(children, write...)
			}
		}
		body = append(attrs, children...)
	case ir.Union:
		var cases []jen.Code
		for _, m := range s.Members {
			cases = append(cases, jen.Case(jen.Op("*").Qual(s.Package, m.UnionType)).Block(
				xmlWrite(m, jen.Lit(m.XMLName), elemValue(m.Type, jen.Id("uv").Dot("Value")))...,
			))
		}
		if len(cases) > 0 {
			body = append(body, jen.Switch(jen.Id("uv").Op(":=").Id("v").Assert(jen.Type())).Block(cases...))
		}
	case ir.List:
		params = jen.Params(e.Clone().Op("*").Qual(pkgAWSXML, "Encoder"), jen.Id("name").String(), jen.Id("v").Add(shapeType(s)))
		el := s.Elem
		elem := jen.Id("v").Index(jen.Id("i"))
		var loop []jen.Code
		if el.Type.Pointer {
			loop = append(loop, jen.If(elem.Clone().Op("==").Nil()).Block(jen.Continue()))
		}
		loop = append(loop, xmlWrite(el, jen.Id("name"), elemValue(el.Type, elem.Clone()))...)
		body = append(body, jen.For(jen.Id("i").Op(":=").Range().Id("v")).Block(loop...))
	case ir.Map:
		params = jen.Params(e.Clone().Op("*").Qual(pkgAWSXML, "Encoder"), jen.Id("name").String(), jen.Id("v").Add(shapeType(s)))
		val := s.Value
		loop := []jen.Code{jen.Id("mv").Op(":=").Id("v").Index(jen.Id("k"))}
		if val.Type.Pointer {
			loop = append(loop, jen.If(jen.Id("mv").Op("==").Nil()).Block(jen.Continue()))
		}
		loop = append(loop, e.Clone().Dot("Start").Call(jen.Id("name")))
		loop = append(loop, e.Clone().Dot("Start").Call(jen.Lit(s.Key.XMLName)))
		loop = append(loop, xmlNS(s.Key.XMLNamespace)...)
		loop = append(loop, e.Clone().Dot("String").Call(jen.Id("k")), e.Clone().Dot("End").Call())
		loop = append(loop, xmlWrite(val, jen.Lit(val.XMLName), elemValue(val.Type, jen.Id("mv")))...)
		loop = append(loop, e.Clone().Dot("End").Call())
		body = append(body, jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Qual(pkgRestXML, "SortedKeys").Call(jen.Id("v"))).Block(loop...))
	}
	return jen.Func().Id(s.SerFunc).Add(params).Block(body...).Line()
}

// xmlWrite writes value v of member m as the element name (an expression).
func xmlWrite(m *ir.Member, name jen.Code, v *jen.Statement) []jen.Code {
	e := jen.Id("e")
	t := m.Type
	start := append([]jen.Code{e.Clone().Dot("Start").Call(name)}, xmlNS(m.XMLNamespace)...)
	switch t.Kind {
	case ir.Struct, ir.Union:
		return append(append(start, jen.Id(t.Shape.SerFunc).Call(e.Clone(), v)), e.Clone().Dot("End").Call())
	case ir.List, ir.Map:
		inner := "entry"
		if t.Kind == ir.List {
			inner = t.Shape.Elem.XMLName
		}
		if m.Flattened {
			return []jen.Code{jen.Id(t.Shape.SerFunc).Call(e.Clone(), name, v)}
		}
		return append(append(start, jen.Id(t.Shape.SerFunc).Call(e.Clone(), jen.Lit(inner), v)), e.Clone().Dot("End").Call())
	}
	return append(append(start, writeValue(m, v)...), e.Clone().Dot("End").Call())
}

// xmlPayloadWrite writes the request body of restXml: the payload member,
// or the document of the input's body members, or nothing.
func xmlPayloadWrite(svc *ir.Service, in *ir.Shape) []jen.Code {
	write := func(root string, ns *ir.XMLNamespace, v jen.Code, fn string) jen.Code {
		if ns == nil {
			ns = svc.Protocol.XMLNamespace
		}
		prefix, uri := "", ""
		if ns != nil {
			prefix, uri = ns.Prefix, ns.URI
		}
		return jen.If(jen.Err().Op(":=").Qual(pkgRestXML, "WriteBody").Call(jen.Id("r"), jen.Lit(root), jen.Lit(prefix), jen.Lit(uri), v, jen.Id(fn)), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
	}
	p := in.Payload()
	if p == nil {
		if len(in.BodyMembers()) == 0 {
			return nil
		}
		return []jen.Code{write(in.XMLName, in.XMLNamespace, jen.Id("v"), in.SerFunc)}
	}
	field := jen.Id("v").Dot(p.GoName)
	switch p.Type.Kind {
	case ir.Struct, ir.Union:
		ns := p.XMLNamespace
		if ns == nil {
			ns = p.Type.Shape.XMLNamespace
		}
		return []jen.Code{jen.If(field.Clone().Op("!=").Nil()).Block(write(p.XMLName, ns, field.Clone(), p.Type.Shape.SerFunc))}
	}
	return payloadWrite(svc, in)
}

// xmlPayloadRead reads the response body of restXml.
func xmlPayloadRead(svc *ir.Service, op *ir.Operation) []jen.Code {
	out := op.Output
	read := func(fn ...jen.Code) jen.Code {
		return jen.If(jen.Err().Op(":=").Qual(pkgRestXML, "ReadBody").Call(jen.Id("resp"), jen.Func().Params(xmlDecParam()).Block(fn...)), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
	}
	p := out.Payload()
	if bm := out.BodyMembers(); p == nil && op.UnwrappedXMLOutput && len(bm) == 1 {
		return []jen.Code{read(xmlReadInto(bm[0], jen.Id("v").Dot(bm[0].GoName))...)}
	}
	if p == nil {
		if len(out.BodyMembers()) == 0 {
			return nil
		}
		return []jen.Code{read(jen.Id(out.DeserFunc).Call(dec(), jen.Id("v")))}
	}
	field := jen.Id("v").Dot(p.GoName)
	nonEmpty := jen.Len(jen.Qual("bytes", "TrimSpace").Call(jen.Id("resp").Dot("Body"))).Op(">").Lit(0)
	switch p.Type.Kind {
	case ir.Struct:
		return []jen.Code{jen.If(nonEmpty).Block(
			field.Clone().Op("=").New(jen.Qual(p.Type.Shape.Package, p.Type.Shape.GoName)),
			read(jen.Id(p.Type.Shape.DeserFunc).Call(dec(), field.Clone())),
		)}
	case ir.Union:
		return []jen.Code{jen.If(nonEmpty).Block(read(field.Clone().Op("=").Id(p.Type.Shape.DeserFunc).Call(dec())))}
	}
	return payloadRead(svc, out)
}

// xmlLocal is the local part of an element or attribute name: the decoder
// drops namespace prefixes, so that is what generated code matches.
func xmlLocal(name string) string {
	if i := strings.LastIndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}
