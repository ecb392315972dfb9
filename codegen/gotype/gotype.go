// Package gotype spells the Go type of IR types as jennifer code, for the
// emitters and the JMESPath compiler alike.
package gotype

import (
	"github.com/dave/jennifer/jen"

	"github.com/eucsdk/eucsdk/codegen/ir"
)

// PkgDocument is the runtime package of document values.
const PkgDocument = "github.com/eucsdk/eucsdk/runtime/document"

// Of is the Go type of a member as declared in a struct field.
func Of(t *ir.Type) *jen.Statement {
	base := Base(t)
	if t.Pointer && t.Kind != ir.BigInt && t.Kind != ir.BigDecimal {
		return jen.Op("*").Add(base)
	}
	return base
}

// Base is the type without the member's pointer.
func Base(t *ir.Type) *jen.Statement {
	switch t.Kind {
	case ir.String:
		return jen.String()
	case ir.Bool:
		return jen.Bool()
	case ir.Byte:
		return jen.Int8()
	case ir.Short:
		return jen.Int16()
	case ir.Int:
		return jen.Int32()
	case ir.Long:
		return jen.Int64()
	case ir.Float:
		return jen.Float32()
	case ir.Double:
		return jen.Float64()
	case ir.BigInt:
		return jen.Op("*").Qual("math/big", "Int")
	case ir.BigDecimal:
		return jen.Op("*").Qual("math/big", "Float")
	case ir.Timestamp:
		return jen.Qual("time", "Time")
	case ir.Blob:
		switch t.Stream {
		case ir.StreamIn:
			return jen.Qual("io", "Reader")
		case ir.StreamOut:
			return jen.Qual("io", "ReadCloser")
		}
		return jen.Index().Byte()
	case ir.Document:
		return jen.Qual(PkgDocument, "Interface")
	case ir.Enum, ir.IntEnum, ir.Struct, ir.Union:
		return jen.Qual(t.Shape.Package, t.Shape.GoName)
	case ir.List:
		return jen.Index().Add(Of(t.Shape.Elem.Type))
	case ir.Map:
		return jen.Map(jen.String()).Add(Of(t.Shape.Value.Type))
	}
	panic("gotype: unknown kind")
}

// Shape is the Go type a serializer or deserializer of s works on: a
// pointer for structures, the collection itself for lists and maps.
func Shape(s *ir.Shape) *jen.Statement {
	switch s.Kind {
	case ir.Struct:
		return jen.Op("*").Qual(s.Package, s.GoName)
	case ir.Union:
		return jen.Qual(s.Package, s.GoName)
	case ir.List:
		return jen.Index().Add(Of(s.Elem.Type))
	case ir.Map:
		return jen.Map(jen.String()).Add(Of(s.Value.Type))
	}
	panic("gotype: not an aggregate: " + s.ShapeID)
}
