package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eucsdk/eucsdk/codegen/ir"
)

// goType is the Go type of a member as declared in a struct field.
func goType(t *ir.Type) *jen.Statement {
	base := baseType(t)
	if t.Pointer && t.Kind != ir.BigInt && t.Kind != ir.BigDecimal {
		return jen.Op("*").Add(base)
	}
	return base
}

// baseType is the type without the member's pointer.
func baseType(t *ir.Type) *jen.Statement {
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
		return jen.Index().Byte()
	case ir.Document:
		return jen.Qual(pkgDocument, "Interface")
	case ir.Enum, ir.IntEnum, ir.Struct, ir.Union:
		return jen.Qual(t.Shape.Package, t.Shape.GoName)
	case ir.List:
		return jen.Index().Add(goType(t.Shape.Elem.Type))
	case ir.Map:
		return jen.Map(jen.String()).Add(goType(t.Shape.Value.Type))
	}
	panic("emit: unknown kind")
}

// shapeType is the Go type a serializer or deserializer of s works on: a
// pointer for structures, the collection itself for lists and maps.
func shapeType(s *ir.Shape) *jen.Statement {
	switch s.Kind {
	case ir.Struct:
		return jen.Op("*").Qual(s.Package, s.GoName)
	case ir.Union:
		return jen.Qual(s.Package, s.GoName)
	case ir.List:
		return jen.Index().Add(goType(s.Elem.Type))
	case ir.Map:
		return jen.Map(jen.String()).Add(goType(s.Value.Type))
	}
	panic("emit: not an aggregate: " + s.ShapeID)
}
