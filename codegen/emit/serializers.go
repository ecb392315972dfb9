package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eucsdk/eucsdk/codegen/ir"
)

// Serializers writes serializers.go: one function per input shape and per
// aggregate reachable from an input, writing awsJson with awsjson.Encoder.
func Serializers(svc *ir.Service, fs *Files) error {
	if isCBOR(svc) {
		return cborSerializers(svc, fs)
	}
	if svc.Protocol.XML {
		return restXMLSerializers(svc, fs)
	}
	if svc.Protocol.Query {
		return querySerializers(svc, fs)
	}
	f := fs.main(svc, "serializers.go")
	for _, s := range ir.Closure(svc.Inputs()) {
		if s.IsInput && svc.Protocol.HTTPBindings && !hasBodyDoc(s) {
			continue // nothing of it goes into a document
		}
		f.Add(serializer(s))
	}
	if svc.Protocol.HTTPBindings {
		for _, op := range svc.Operations {
			f.Add(httpSerializer(svc, op))
		}
	}
	return nil
}

func enc() *jen.Statement { return jen.Id("e") }

func serializer(s *ir.Shape) *jen.Statement {
	params := jen.Params(jen.Id("e").Op("*").Qual(pkgAWSJSON, "Encoder"), jen.Id("v").Add(shapeType(s)))
	var body []jen.Code
	switch s.Kind {
	case ir.Struct:
		body = append(body, enc().Dot("ObjectStart").Call())
		for _, m := range s.BodyMembers() {
			field := jen.Id("v").Dot(m.GoName)
			write := []jen.Code{enc().Dot("Key").Call(jen.Lit(m.Key()))}
			write = append(write, writeValue(m, valueOf(m.Type, field.Clone()))...)
			cond := present(m.Type, field.Clone())
			if s.IsInput {
				// Clients leave the operation's own input defaults to the service.
				cond = presentNoDefault(m.Type, field.Clone())
			}
			switch {
			case s.IsInput:
				body = append(body, jen.If(cond).Block(write...))
			case s.IsOutput && (m.Type.Kind == ir.List || m.Type.Kind == ir.Map):
				// AWS sends an operation output's lists and maps even when
				// empty ({"Fleets":[]}), and clients written against AWS read
				// them without a nil check; a nil slice or map writes [] or {}.
				body = append(body, write...)
			case cond == nil || (m.DefaultWire != "" && !m.Type.Pointer && m.Type.Kind.Scalar() && m.Type.Kind != ir.Enum && m.Type.Kind != ir.IntEnum && m.Type.Kind != ir.Blob):
				// Zero-valued defaults are real values: always sent.
				body = append(body, write...)
			case m.DefaultWire != "":
				// An unset member with a default sends the default, as Smithy asks of clients.
				body = append(body, jen.If(cond).Block(write...).Else().Block(
					enc().Dot("Key").Call(jen.Lit(m.Key())),
					enc().Dot("RawJSONString").Call(jen.Lit(m.DefaultWire)),
				))
			default:
				body = append(body, jen.If(cond).Block(write...))
			}
		}
		body = append(body, enc().Dot("ObjectEnd").Call())
	case ir.Union:
		var cases []jen.Code
		for _, m := range s.Members {
			cases = append(cases, jen.Case(jen.Op("*").Qual(s.Package, m.UnionType)).Block(
				append([]jen.Code{enc().Dot("Key").Call(jen.Lit(m.Key()))}, writeValue(m, elemValue(m.Type, jen.Id("uv").Dot("Value")))...)...,
			))
		}
		body = append(body,
			enc().Dot("ObjectStart").Call(),
			jen.Switch(jen.Id("uv").Op(":=").Id("v").Assert(jen.Type())).Block(cases...),
			enc().Dot("ObjectEnd").Call(),
		)
		if len(s.Members) == 0 {
			body = []jen.Code{enc().Dot("ObjectStart").Call(), enc().Dot("ObjectEnd").Call()}
		}
	case ir.List:
		el := s.Elem
		elem := jen.Id("v").Index(jen.Id("i"))
		loop := []jen.Code{}
		if el.Type.Pointer {
			loop = append(loop, jen.If(elem.Clone().Op("==").Nil()).Block(enc().Dot("Null").Call(), jen.Continue()))
		}
		loop = append(loop, writeValue(el, elemValue(el.Type, elem.Clone()))...)
		body = append(body,
			enc().Dot("ArrayStart").Call(),
			jen.For(jen.Id("i").Op(":=").Range().Id("v")).Block(loop...),
			enc().Dot("ArrayEnd").Call(),
		)
	case ir.Map:
		val := s.Value
		loop := []jen.Code{enc().Dot("Key").Call(jen.Id("k"))}
		if val.Type.Pointer || s.Sparse && (val.Type.Kind == ir.List || val.Type.Kind == ir.Map) {
			loop = append(loop, jen.If(jen.Id("mv").Op("==").Nil()).Block(enc().Dot("Null").Call(), jen.Continue()))
		}
		loop = append(loop, writeValue(val, elemValue(val.Type, jen.Id("mv")))...)
		body = append(body,
			enc().Dot("ObjectStart").Call(),
			jen.For(jen.List(jen.Id("k"), jen.Id("mv")).Op(":=").Range().Id("v")).Block(loop...),
			enc().Dot("ObjectEnd").Call(),
		)
	}
	return jen.Func().Id(s.SerFunc).Add(params).Block(body...).Line()
}

// present is the condition under which a struct member is written, nil for always.
func present(t *ir.Type, field *jen.Statement) *jen.Statement {
	switch {
	case t.Pointer, t.Kind == ir.Blob, t.Kind == ir.List, t.Kind == ir.Map, t.Kind == ir.Union, t.Kind == ir.Document,
		t.Kind == ir.BigInt, t.Kind == ir.BigDecimal:
		return field.Op("!=").Nil()
	case t.Kind == ir.Enum, t.Kind == ir.String:
		return jen.Len(field).Op(">").Lit(0)
	case t.Kind == ir.Bool:
		return field
	case t.Kind == ir.Timestamp:
		return jen.Op("!").Add(field).Dot("IsZero").Call()
	case t.Kind == ir.Struct:
		return nil
	default:
		return field.Op("!=").Lit(0)
	}
}

// valueOf dereferences a struct field for writing; structures stay pointers.
func valueOf(t *ir.Type, field *jen.Statement) *jen.Statement {
	if t.Pointer && t.Kind != ir.Struct && t.Kind != ir.BigInt && t.Kind != ir.BigDecimal {
		return jen.Op("*").Add(field)
	}
	return field
}

// elemValue is a collection element ready for writing: structures by address.
func elemValue(t *ir.Type, elem *jen.Statement) *jen.Statement {
	switch {
	case t.Kind == ir.Struct && !t.Pointer:
		return jen.Op("&").Add(elem)
	case t.Pointer && t.Kind != ir.Struct && t.Kind != ir.BigInt && t.Kind != ir.BigDecimal:
		return jen.Op("*").Add(elem)
	}
	return elem
}

// writeValue writes one value of the member's type.
func writeValue(m *ir.Member, v *jen.Statement) []jen.Code {
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
		return call(timestampMethod(m.TimestampFormat), v)
	case ir.Document:
		return []jen.Code{jen.If(jen.List(jen.Id("b"), jen.Err()).Op(":=").Add(v).Dot("MarshalSmithyDocument").Call(), jen.Err().Op("!=").Nil()).Block(
			enc().Dot("Fail").Call(jen.Err()),
		).Else().Block(enc().Dot("RawJSON").Call(jen.Id("b")))}
	case ir.Struct, ir.Union, ir.List, ir.Map:
		return []jen.Code{jen.Id(t.Shape.SerFunc).Call(enc(), v)}
	}
	panic("emit: cannot write kind")
}

func timestampMethod(format string) string {
	switch format {
	case "date-time":
		return "TimestampDateTime"
	case "http-date":
		return "TimestampHTTPDate"
	}
	return "TimestampEpochSeconds"
}

// presentNoDefault treats the zero value of a value type as unset.
func presentNoDefault(t *ir.Type, field *jen.Statement) *jen.Statement {
	if c := present(t, field.Clone()); c != nil {
		return c
	}
	return jen.True()
}
