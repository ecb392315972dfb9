package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eucsdk/eucsdk/codegen/ir"
)

// pkgCBOR is rpcv2Cbor's codec.
const pkgCBOR = "github.com/eucsdk/eucsdk/runtime/cbor"

// isCBOR tells whether svc's per-shape codecs are CBOR ones (rpcv2Cbor)
// rather than awsJson ones.
func isCBOR(svc *ir.Service) bool { return svc.Protocol.CodecPath == pkgCBOR }

// cborSerializers writes serializers.go for rpcv2Cbor: the same functions as
// the awsJson emitter, writing CBOR with cbor.Encoder. Structures are
// indefinite-length maps, so optional members need no counting pass.
func cborSerializers(svc *ir.Service, fs *Files) error {
	f := fs.main(svc, "serializers.go")
	for _, s := range ir.Closure(svc.Inputs()) {
		f.Add(cborSerializer(s))
	}
	return nil
}

func cborSerializer(s *ir.Shape) *jen.Statement {
	params := jen.Params(jen.Id("e").Op("*").Qual(pkgCBOR, "Encoder"), jen.Id("v").Add(shapeType(s)))
	var body []jen.Code
	switch s.Kind {
	case ir.Struct:
		body = append(body, enc().Dot("MapStartIndefinite").Call())
		for _, m := range s.Members {
			field := jen.Id("v").Dot(m.GoName)
			write := []jen.Code{enc().Dot("Key").Call(jen.Lit(m.Name))}
			write = append(write, cborWrite(m, valueOf(m.Type, field.Clone()))...)
			cond := present(m.Type, field.Clone())
			if s.IsInput {
				// Clients leave the operation's own input defaults to the service.
				cond = presentNoDefault(m.Type, field.Clone())
			}
			switch {
			case s.IsInput:
				body = append(body, jen.If(cond).Block(write...))
			case cond == nil || (m.DefaultWire != "" && !m.Type.Pointer && m.Type.Kind.Scalar() && m.Type.Kind != ir.Enum && m.Type.Kind != ir.IntEnum && m.Type.Kind != ir.Blob):
				// Zero-valued defaults are real values: always sent.
				body = append(body, write...)
			case m.Default != nil:
				// An unset member with a default sends the default, as Smithy asks of clients.
				def := m.Default
				if m.Type.Kind == ir.Blob {
					def = decodeBase64Node(def)
				}
				lit, err := structLiteralMember(m, def)
				if err != nil {
					body = append(body, jen.If(cond).Block(write...))
					continue
				}
				dflt := append([]jen.Code{enc().Dot("Key").Call(jen.Lit(m.Name))}, cborWrite(m, valueOf(m.Type, jen.Add(lit)))...)
				body = append(body, jen.If(cond).Block(write...).Else().Block(dflt...))
			default:
				body = append(body, jen.If(cond).Block(write...))
			}
		}
		body = append(body, enc().Dot("Break").Call())
	case ir.Union:
		var cases []jen.Code
		for _, m := range s.Members {
			cases = append(cases, jen.Case(jen.Op("*").Qual(s.Package, m.UnionType)).Block(
				append([]jen.Code{enc().Dot("Key").Call(jen.Lit(m.Name))}, cborWrite(m, elemValue(m.Type, jen.Id("uv").Dot("Value")))...)...,
			))
		}
		body = append(body,
			enc().Dot("MapStartIndefinite").Call(),
			jen.Switch(jen.Id("uv").Op(":=").Id("v").Assert(jen.Type())).Block(cases...),
			enc().Dot("Break").Call(),
		)
		if len(s.Members) == 0 {
			body = []jen.Code{enc().Dot("MapStart").Call(jen.Lit(0))}
		}
	case ir.List:
		el := s.Elem
		elem := jen.Id("v").Index(jen.Id("i"))
		loop := []jen.Code{}
		if el.Type.Pointer || (s.Sparse && nilable(el.Type)) {
			loop = append(loop, jen.If(elem.Clone().Op("==").Nil()).Block(enc().Dot("Null").Call(), jen.Continue()))
		}
		loop = append(loop, cborWrite(el, elemValue(el.Type, elem.Clone()))...)
		body = append(body,
			enc().Dot("ArrayStart").Call(jen.Len(jen.Id("v"))),
			jen.For(jen.Id("i").Op(":=").Range().Id("v")).Block(loop...),
		)
	case ir.Map:
		val := s.Value
		loop := []jen.Code{enc().Dot("Key").Call(jen.Id("k"))}
		if val.Type.Pointer || (s.Sparse && nilable(val.Type)) {
			loop = append(loop, jen.If(jen.Id("mv").Op("==").Nil()).Block(enc().Dot("Null").Call(), jen.Continue()))
		}
		loop = append(loop, cborWrite(val, elemValue(val.Type, jen.Id("mv")))...)
		body = append(body,
			enc().Dot("MapStart").Call(jen.Len(jen.Id("v"))),
			jen.For(jen.List(jen.Id("k"), jen.Id("mv")).Op(":=").Range().Id("v")).Block(loop...),
		)
	}
	return jen.Func().Id(s.SerFunc).Add(params).Block(body...).Line()
}

// cborWrite writes one value of the member's type.
func cborWrite(m *ir.Member, v *jen.Statement) []jen.Code {
	t := m.Type
	call := func(name string, arg jen.Code) []jen.Code { return []jen.Code{enc().Dot(name).Call(arg)} }
	switch t.Kind {
	case ir.String:
		return call("String", v)
	case ir.Enum:
		return call("String", jen.String().Call(v))
	case ir.IntEnum, ir.Byte, ir.Short, ir.Int, ir.Long:
		return call("Int64", jen.Int64().Call(v))
	case ir.Bool:
		return call("Bool", v)
	case ir.Float:
		return call("Float32", v)
	case ir.Double:
		return call("Float64", v)
	case ir.BigInt:
		return call("BigInt", v)
	case ir.BigDecimal:
		return call("BigFloat", v)
	case ir.Blob:
		return call("Blob", v)
	case ir.Timestamp:
		// rpcv2Cbor ignores timestampFormat: always tag 1 epoch seconds.
		return call("Timestamp", v)
	case ir.Document:
		return []jen.Code{enc().Dot("Fail").Call(jen.Qual("errors", "New").Call(jen.Lit("rpcv2Cbor: member " + m.Name + " is a document, which rpcv2Cbor does not carry")))}
	case ir.Struct, ir.Union, ir.List, ir.Map:
		return []jen.Code{jen.Id(t.Shape.SerFunc).Call(enc(), v)}
	}
	panic("emit: cannot write kind")
}

// cborDeserializers writes deserializers.go for rpcv2Cbor. The decoders
// have the awsJson ones' shape, so the struct, union, list and map bodies
// are the awsJson emitter's, read through cbor.Decoder; only the scalar
// reads and the error dispatch differ.
func cborDeserializers(svc *ir.Service, fs *Files) error {
	f := fs.main(svc, "deserializers.go")
	f.Add(cborErrorDispatch(svc))
	for _, s := range ir.Closure(svc.OutputsAndErrors()) {
		f.Add(cborDeserializer(s))
	}
	return nil
}

// cborErrorDispatch decodes a modeled error by its code. override is the
// code the service reported for it in another form (awsQueryCompatible's
// x-amzn-query-error), kept as the error's ErrorCode.
func cborErrorDispatch(svc *ir.Service) *jen.Statement {
	var cases []jen.Code
	for _, e := range svc.Errors() {
		cases = append(cases, jen.Case(jen.Lit(e.Error.Code)).Block(
			jen.Id("v").Op(":=").Op("&").Qual(e.Package, e.GoName).Values(),
			jen.Id(e.DeserFunc).Call(dec(), jen.Id("v")),
			jen.If(jen.Id("override").Op("!=").Lit("")).Block(jen.Id("v").Dot("ErrorCodeOverride").Op("=").Op("&").Id("override")),
			jen.Return(jen.Id("v")),
		))
	}
	cases = append(cases, jen.Default().Block(jen.Return(jen.Nil())))
	return jen.Comment("newModeledError decodes the body of an error response into the modeled\nerror type for code.").Line().
		Func().Id("newModeledError").Params(jen.List(jen.Id("code"), jen.Id("override")).String(), cborDecParam()).Error().Block(
		jen.Switch(jen.Id("code")).Block(cases...),
	).Line()
}

func cborDecParam() jen.Code { return jen.Id("d").Op("*").Qual(pkgCBOR, "Decoder") }

// cborDeserializer decodes one aggregate, as the awsJson deserializer does:
// a client error-corrects missing required members to zero values.
func cborDeserializer(s *ir.Shape) *jen.Statement {
	const client = true
	switch s.Kind {
	case ir.Struct:
		var cases []jen.Code
		for _, m := range s.Members {
			keys := []jen.Code{jen.Lit(m.Name)}
			if s.Error != nil && m.GoName == "Message" {
				// Services send the message as "message" or "Message" whatever the model says.
				keys = []jen.Code{jen.Lit("message"), jen.Lit("Message")}
			}
			cases = append(cases, jen.Case(keys...).Block(cborReadInto(m, jen.Id("v").Dot(m.GoName))...))
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
		return jen.Func().Id(s.DeserFunc).Params(cborDecParam(), jen.Id("v").Add(shapeType(s))).Block(body...).Line()
	case ir.Union:
		var cases []jen.Code
		for _, m := range s.Members {
			cases = append(cases, jen.Case(jen.Lit(m.Name)).Block(
				jen.Var().Id("mv").Add(goType(m.Type)),
				jen.Add(cborReadInto(m, jen.Id("mv"))...),
				jen.Id("v").Op("=").Op("&").Qual(s.Package, m.UnionType).Values(jen.Dict{jen.Id("Value"): jen.Id("mv")}),
			))
		}
		cases = append(cases, jen.Default().Block(
			jen.Id("v").Op("=").Op("&").Qual(s.Package, "UnknownUnionMember").Values(jen.Dict{
				jen.Id("Tag"):   jen.String().Call(jen.Id("key")),
				jen.Id("Value"): dec().Dot("Raw").Call(),
			}),
		))
		return jen.Func().Id(s.DeserFunc).Params(cborDecParam()).Params(jen.Id("v").Add(shapeType(s))).Block(
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
		if el.Type.Pointer || (s.Sparse && nilable(el.Type)) {
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
			loop = append(loop, cborReadValue(el, jen.Id("ev"))...)
			loop = append(loop, jen.Id("v").Op("=").Append(jen.Id("v"), jen.Id("ev")))
		}
		return jen.Func().Id(s.DeserFunc).Params(cborDecParam()).Add(shapeType(s)).Block(
			jen.If(jen.Op("!").Add(dec()).Dot("ArrayStart").Call()).Block(jen.Return(jen.Nil())),
			jen.Id("v").Op(":=").Add(shapeType(s)).Values(),
			jen.For(dec().Dot("NextElem").Call()).Block(loop...),
			jen.Return(jen.Id("v")),
		).Line()
	case ir.Map:
		val := s.Value
		loop := []jen.Code{}
		if val.Type.Pointer || (s.Sparse && nilable(val.Type)) {
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
			loop = append(loop, cborReadValue(val, jen.Id("mv"))...)
		}
		loop = append(loop, jen.Id("v").Index(jen.Id("k")).Op("=").Id("mv"))
		return jen.Func().Id(s.DeserFunc).Params(cborDecParam()).Add(shapeType(s)).Block(
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
func cborReadInto(m *ir.Member, dst *jen.Statement) []jen.Code {
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
	return []jen.Code{jen.If(jen.Op("!").Add(dec()).Dot("Null").Call()).Block(cborReadValue(m, dst)...)}
}

// readValue reads a non-null value into dst, taking an address for pointers.
func cborReadValue(m *ir.Member, dst *jen.Statement) []jen.Code {
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
		// rpcv2Cbor ignores timestampFormat: tag 1 epoch seconds.
		read = dec().Dot("Timestamp").Call()
	case ir.Document:
		// rpcv2Cbor carries no documents; the resolver reports such members.
		return []jen.Code{dec().Dot("Skip").Call()}
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
		case ir.String, ir.Bool, ir.Byte, ir.Short, ir.Int, ir.Long, ir.Float, ir.Double:
			return []jen.Code{dst.Op("=").Add(dec()).Dot(cborPtrMethods[t.Kind]).Call()}
		case ir.Timestamp:
			return []jen.Code{dst.Op("=").Add(dec()).Dot("TimestampPtr").Call()}
		}
		return []jen.Code{jen.Id("x").Op(":=").Add(read), dst.Op("=").Op("&").Id("x")}
	}
	return []jen.Code{dst.Op("=").Add(read)}
}

var cborPtrMethods = map[ir.Kind]string{
	ir.String: "StringPtr",
	ir.Bool:   "BoolPtr",
	ir.Byte:   "Int8Ptr",
	ir.Short:  "Int16Ptr",
	ir.Int:    "Int32Ptr",
	ir.Long:   "Int64Ptr",
	ir.Float:  "Float32Ptr",
	ir.Double: "Float64Ptr",
}

// nilable types carry a sparse collection's null as nil without a pointer.
func nilable(t *ir.Type) bool {
	switch t.Kind {
	case ir.List, ir.Map, ir.Blob, ir.Union:
		return true
	}
	return false
}
