package emit

import (
	"encoding/base64"
	"encoding/json"
	"github.com/dave/jennifer/jen"

	"github.com/eucsdk/eucsdk/codegen/ir"
)

// Deserializers writes deserializers.go: one function per output, error and
// aggregate reachable from them, reading awsJson with awsjson.Decoder, plus
// the function that turns an error code into the modeled error.
func Deserializers(svc *ir.Service, fs *Files) error {
	if isCBOR(svc) {
		return cborDeserializers(svc, fs)
	}
	if svc.Protocol.XML {
		return restXMLDeserializers(svc, fs)
	}
	if svc.Protocol.Query {
		return queryDeserializers(svc, fs)
	}
	f := fs.main(svc, "deserializers.go")
	f.Add(errorDispatch(svc))
	for _, s := range ir.Closure(svc.OutputsAndErrors()) {
		if s.IsOutput && svc.Protocol.HTTPBindings && !hasBodyDoc(s) {
			continue // nothing of it comes from a document
		}
		f.Add(deserializer(s, true))
	}
	if svc.Protocol.HTTPBindings {
		for _, op := range svc.Operations {
			f.Add(httpDeserializer(svc, op))
		}
	}
	return nil
}

func dec() *jen.Statement { return jen.Id("d") }

func decParam() jen.Code { return jen.Id("d").Op("*").Qual(pkgAWSJSON, "Decoder") }

// errorDispatch decodes a modeled error by its code; nil for codes the model
// does not know, which the runtime turns into a generic API error.
func errorDispatch(svc *ir.Service) *jen.Statement {
	var cases []jen.Code
	for _, e := range svc.Errors() {
		block := []jen.Code{
			jen.Id("v").Op(":=").Op("&").Qual(e.Package, e.GoName).Values(),
			jen.Id(e.DeserFunc).Call(dec(), jen.Id("v")),
		}
		if svc.Protocol.HTTPBindings {
			if reads := readBindings(e); len(reads) > 0 {
				block = append(block, jen.Var().Id("rd").Qual(pkgRestBind, "Reader"))
				block = append(block, reads...)
				// A header that does not parse loses that member, not the error.
				block = append(block, jen.Id("_").Op("=").Id("rd").Dot("Err").Call())
			}
		}
		cases = append(cases, jen.Case(jen.Lit(e.Error.Code)).Block(append(block, jen.Return(jen.Id("v")))...))
	}
	cases = append(cases, jen.Default().Block(jen.Return(jen.Nil())))
	params := []jen.Code{jen.Id("code").String(), decParam()}
	if svc.Protocol.HTTPBindings {
		params = []jen.Code{jen.Id("code").String(), jen.Id("resp").Op("*").Qual(pkgWire, "Response"), decParam()}
	}
	return jen.Comment(slashes("newModeledError decodes the body of an error response into the modeled\nerror type for code.")).Line().
		Func().Id("newModeledError").Params(params...).Error().Block(
		jen.Switch(jen.Id("code")).Block(cases...),
	).Line()
}

// deserializer decodes one aggregate. A client also error-corrects: required
// members the service failed to send get zero values, as Smithy specifies.
func deserializer(s *ir.Shape, client bool) *jen.Statement {
	switch s.Kind {
	case ir.Struct:
		var cases []jen.Code
		for _, m := range s.BodyMembers() {
			keys := []jen.Code{jen.Lit(m.Key())}
			if s.Error != nil && m.GoName == "Message" {
				// Services send the message as "message" or "Message" whatever the model says.
				keys = []jen.Code{jen.Lit("message"), jen.Lit("Message")}
			}
			cases = append(cases, jen.Case(keys...).Block(readInto(m, jen.Id("v").Dot(m.GoName))...))
		}
		cases = append(cases, jen.Default().Block(dec().Dot("Skip").Call()))
		body := []jen.Code{
			jen.If(jen.Op("!").Add(dec()).Dot("ObjectStart").Call()).Block(jen.Return()),
			jen.For(
				jen.List(jen.Id("key"), jen.Id("ok")).Op(":=").Add(dec()).Dot("NextKey").Call(),
				jen.Id("ok"),
				jen.List(jen.Id("key"), jen.Id("ok")).Op("=").Add(dec()).Dot("NextKey").Call(),
			).Block(
				jen.Switch(jen.String().Call(jen.Id("key"))).Block(cases...),
			),
		}
		body = append(body, fillMissing(s, client)...)
		return jen.Func().Id(s.DeserFunc).Params(decParam(), jen.Id("v").Add(shapeType(s))).Block(body...).Line()
	case ir.Union:
		var cases []jen.Code
		for _, m := range s.Members {
			cases = append(cases, jen.Case(jen.Lit(m.Key())).Block(
				jen.Var().Id("mv").Add(goType(m.Type)),
				jen.Add(readInto(m, jen.Id("mv"))...),
				jen.Id("v").Op("=").Op("&").Qual(s.Package, m.UnionType).Values(jen.Dict{jen.Id("Value"): jen.Id("mv")}),
			))
		}
		cases = append(cases, jen.Default().Block(
			jen.Id("v").Op("=").Op("&").Qual(s.Package, "UnknownUnionMember").Values(jen.Dict{
				jen.Id("Tag"):   jen.String().Call(jen.Id("key")),
				jen.Id("Value"): dec().Dot("Raw").Call(),
			}),
		))
		return jen.Func().Id(s.DeserFunc).Params(decParam()).Params(jen.Id("v").Add(shapeType(s))).Block(
			jen.If(jen.Op("!").Add(dec()).Dot("ObjectStart").Call()).Block(jen.Return(jen.Nil())),
			jen.For(
				jen.List(jen.Id("key"), jen.Id("ok")).Op(":=").Add(dec()).Dot("NextKey").Call(),
				jen.Id("ok"),
				jen.List(jen.Id("key"), jen.Id("ok")).Op("=").Add(dec()).Dot("NextKey").Call(),
			).Block(
				jen.If(dec().Dot("Null").Call()).Block(jen.Continue()),
				jen.Switch(jen.String().Call(jen.Id("key"))).Block(cases...),
			),
			jen.Return(jen.Id("v")),
		).Line()
	case ir.List:
		el := s.Elem
		var loop []jen.Code
		if el.Type.Pointer {
			loop = append(loop, jen.If(dec().Dot("Null").Call()).Block(jen.Id("v").Op("=").Append(jen.Id("v"), jen.Nil()), jen.Continue()))
		} else {
			// A null in a dense list carries nothing; dropping it is the lenient reading.
			loop = append(loop, jen.If(dec().Dot("Null").Call()).Block(jen.Continue()))
		}
		if el.Type.Kind == ir.Struct && !el.Type.Pointer {
			loop = append(loop,
				jen.Id("v").Op("=").Append(jen.Id("v"), jen.Qual(el.Type.Shape.Package, el.Type.Shape.GoName).Values()),
				jen.Id(el.Type.Shape.DeserFunc).Call(dec(), jen.Op("&").Id("v").Index(jen.Len(jen.Id("v")).Op("-").Lit(1))),
			)
		} else {
			loop = append(loop, jen.Var().Id("ev").Add(goType(el.Type)))
			loop = append(loop, readValue(el, jen.Id("ev"))...)
			loop = append(loop, jen.Id("v").Op("=").Append(jen.Id("v"), jen.Id("ev")))
		}
		return jen.Func().Id(s.DeserFunc).Params(decParam()).Add(shapeType(s)).Block(
			jen.If(jen.Op("!").Add(dec()).Dot("ArrayStart").Call()).Block(jen.Return(jen.Nil())),
			jen.Id("v").Op(":=").Add(shapeType(s)).Values(),
			jen.For(dec().Dot("NextElem").Call()).Block(loop...),
			jen.Return(jen.Id("v")),
		).Line()
	case ir.Map:
		val := s.Value
		loop := []jen.Code{}
		if val.Type.Pointer || s.Sparse && (val.Type.Kind == ir.List || val.Type.Kind == ir.Map) {
			loop = append(loop, jen.If(dec().Dot("Null").Call()).Block(jen.Id("v").Index(jen.String().Call(jen.Id("key"))).Op("=").Nil(), jen.Continue()))
		} else {
			loop = append(loop, jen.If(dec().Dot("Null").Call()).Block(jen.Continue()))
		}
		loop = append(loop, jen.Id("k").Op(":=").String().Call(jen.Id("key")))
		if val.Type.Kind == ir.Struct && !val.Type.Pointer {
			loop = append(loop,
				jen.Var().Id("mv").Qual(val.Type.Shape.Package, val.Type.Shape.GoName),
				jen.Id(val.Type.Shape.DeserFunc).Call(dec(), jen.Op("&").Id("mv")),
			)
		} else {
			loop = append(loop, jen.Var().Id("mv").Add(goType(val.Type)))
			loop = append(loop, readValue(val, jen.Id("mv"))...)
		}
		loop = append(loop, jen.Id("v").Index(jen.Id("k")).Op("=").Id("mv"))
		return jen.Func().Id(s.DeserFunc).Params(decParam()).Add(shapeType(s)).Block(
			jen.If(jen.Op("!").Add(dec()).Dot("ObjectStart").Call()).Block(jen.Return(jen.Nil())),
			jen.Id("v").Op(":=").Add(shapeType(s)).Values(),
			jen.For(
				jen.List(jen.Id("key"), jen.Id("ok")).Op(":=").Add(dec()).Dot("NextKey").Call(),
				jen.Id("ok"),
				jen.List(jen.Id("key"), jen.Id("ok")).Op("=").Add(dec()).Dot("NextKey").Call(),
			).Block(loop...),
			jen.Return(jen.Id("v")),
		).Line()
	}
	panic("emit: not an aggregate")
}

// readInto reads a struct member into dst, leaving it unset on null.
func readInto(m *ir.Member, dst *jen.Statement) []jen.Code {
	t := m.Type
	switch t.Kind {
	case ir.List, ir.Map, ir.Union:
		return []jen.Code{dst.Op("=").Id(t.Shape.DeserFunc).Call(dec())}
	case ir.Struct:
		if t.Pointer {
			return []jen.Code{jen.If(jen.Op("!").Add(dec()).Dot("Null").Call()).Block(
				dst.Clone().Op("=").New(jen.Qual(t.Shape.Package, t.Shape.GoName)),
				jen.Id(t.Shape.DeserFunc).Call(dec(), dst.Clone()),
			)}
		}
		return []jen.Code{jen.Id(t.Shape.DeserFunc).Call(dec(), jen.Op("&").Add(dst))}
	}
	return []jen.Code{jen.If(jen.Op("!").Add(dec()).Dot("Null").Call()).Block(readValue(m, dst)...)}
}

// readValue reads a non-null value into dst, taking an address for pointers.
func readValue(m *ir.Member, dst *jen.Statement) []jen.Code {
	t := m.Type
	var read *jen.Statement
	switch t.Kind {
	case ir.String:
		read = dec().Dot("String").Call()
	case ir.Enum:
		read = jen.Qual(t.Shape.Package, t.Shape.GoName).Call(dec().Dot("String").Call())
	case ir.IntEnum:
		read = jen.Qual(t.Shape.Package, t.Shape.GoName).Call(dec().Dot("Int32").Call())
	case ir.Bool:
		read = dec().Dot("Bool").Call()
	case ir.Byte:
		read = dec().Dot("Int8").Call()
	case ir.Short:
		read = dec().Dot("Int16").Call()
	case ir.Int:
		read = dec().Dot("Int32").Call()
	case ir.Long:
		read = dec().Dot("Int64").Call()
	case ir.Float:
		read = dec().Dot("Float32").Call()
	case ir.Double:
		read = dec().Dot("Float64").Call()
	case ir.BigInt:
		return []jen.Code{dst.Op("=").Add(dec()).Dot("BigInt").Call()}
	case ir.BigDecimal:
		return []jen.Code{dst.Op("=").Add(dec()).Dot("BigFloat").Call()}
	case ir.Blob:
		return []jen.Code{dst.Op("=").Add(dec()).Dot("Blob").Call()}
	case ir.Timestamp:
		read = dec().Dot(timestampMethod(m.TimestampFormat)).Call()
	case ir.Document:
		return []jen.Code{dst.Op("=").Qual(pkgDocument, "NewLazyDocument").Call(dec().Dot("Document").Call())}
	case ir.Struct:
		return []jen.Code{
			dst.Clone().Op("=").New(jen.Qual(t.Shape.Package, t.Shape.GoName)),
			jen.Id(t.Shape.DeserFunc).Call(dec(), dst.Clone()),
		}
	case ir.List, ir.Map, ir.Union:
		return []jen.Code{dst.Op("=").Id(t.Shape.DeserFunc).Call(dec())}
	}
	if t.Pointer {
		// Pointers to scalars come from the Decoder's chunked arenas:
		// one allocation per chunk instead of one per member.
		switch t.Kind {
		case ir.String, ir.Bool, ir.Int, ir.Long, ir.Double:
			return []jen.Code{dst.Op("=").Add(dec()).Dot(ptrMethods[t.Kind]).Call()}
		case ir.Timestamp:
			return []jen.Code{dst.Op("=").Add(dec()).Dot("TimePtr").Call(read)}
		}
		return []jen.Code{jen.Id("x").Op(":=").Add(read), dst.Op("=").Op("&").Id("x")}
	}
	return []jen.Code{dst.Op("=").Add(read)}
}

var ptrMethods = map[ir.Kind]string{
	ir.String: "StringPtr",
	ir.Bool:   "BoolPtr",
	ir.Int:    "Int32Ptr",
	ir.Long:   "Int64Ptr",
	ir.Double: "Float64Ptr",
}

// fillMissing sets members the response left out: their modeled default, and
// for a client, a zero value for required members without one.
func fillMissing(s *ir.Shape, client bool) []jen.Code {
	var out []jen.Code
	for _, m := range s.BodyMembers() {
		field := jen.Id("v").Dot(m.GoName)
		missing := unsetCond(m.Type, field.Clone())
		if missing == nil {
			continue
		}
		var val jen.Code
		if m.Default != nil {
			def := m.Default
			if m.Type.Kind == ir.Blob {
				def = decodeBase64Node(def)
			}
			if c, err := structLiteralMember(m, def); err == nil {
				val = c
			}
		} else if client && m.Required {
			val = zeroValue(m.Type)
		}
		if val != nil {
			out = append(out, jen.If(missing).Block(field.Clone().Op("=").Add(val)))
		}
	}
	return out
}

// unsetCond is true when a decoded member was absent; nil for members whose
// zero value is a real value.
func unsetCond(t *ir.Type, field *jen.Statement) *jen.Statement {
	switch {
	case t.Pointer, t.Kind == ir.Blob, t.Kind == ir.List, t.Kind == ir.Map, t.Kind == ir.Document, t.Kind == ir.BigInt, t.Kind == ir.BigDecimal:
		return field.Op("==").Nil()
	case t.Kind == ir.Enum:
		return jen.Len(field).Op("==").Lit(0)
	case t.Kind == ir.IntEnum:
		return field.Op("==").Lit(0)
	}
	return nil
}

// zeroValue is what error correction puts in a missing required member.
func zeroValue(t *ir.Type) jen.Code {
	switch t.Kind {
	case ir.List, ir.Map:
		return goType(t).Values()
	case ir.Blob:
		return jen.Index().Byte().Values()
	case ir.Struct:
		if t.Pointer {
			return jen.Op("&").Qual(t.Shape.Package, t.Shape.GoName).Values()
		}
		return nil
	case ir.BigInt:
		return jen.New(jen.Qual("math/big", "Int"))
	case ir.BigDecimal:
		return jen.New(jen.Qual("math/big", "Float"))
	case ir.Timestamp:
		if t.Pointer {
			return jen.Qual(pkgAWS, "Time").Call(jen.Qual("time", "Unix").Call(jen.Lit(0), jen.Lit(0)).Dot("UTC").Call())
		}
	case ir.String, ir.Bool, ir.Byte, ir.Short, ir.Int, ir.Long, ir.Float, ir.Double:
		if t.Pointer {
			zero := map[ir.Kind]jen.Code{ir.String: jen.Lit(""), ir.Bool: jen.False()}[t.Kind]
			if zero == nil {
				zero = baseType(t).Call(jen.Lit(0))
			}
			return ptrTo(t, zero)
		}
	}
	return nil
}

// decodeBase64Node turns a base64 blob default into the raw string node the
// literal builder takes for blobs.
func decodeBase64Node(raw json.RawMessage) json.RawMessage {
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return raw
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return raw
	}
	out, _ := json.Marshal(string(b))
	return out
}
