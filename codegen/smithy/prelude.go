package smithy

import "encoding/json"

const preludeFile = "<prelude>"

// addPrelude defines the smithy.api shapes every model may target.
func addPrelude(m *Model) {
	simple := map[string]string{
		"String": TypeString, "Blob": TypeBlob, "BigInteger": TypeBigInteger,
		"BigDecimal": TypeBigDecimal, "Timestamp": TypeTimestamp, "Document": TypeDocument,
		"Boolean": TypeBoolean, "Byte": TypeByte, "Short": TypeShort, "Integer": TypeInteger,
		"Long": TypeLong, "Float": TypeFloat, "Double": TypeDouble,
	}
	for name, typ := range simple {
		id := ShapeID("smithy.api#" + name)
		m.Shapes[id] = &Shape{ID: id, Type: typ, Traits: Traits{}, File: preludeFile}
	}
	primitives := map[string]string{
		"PrimitiveBoolean": TypeBoolean, "PrimitiveByte": TypeByte, "PrimitiveShort": TypeShort,
		"PrimitiveInteger": TypeInteger, "PrimitiveLong": TypeLong, "PrimitiveFloat": TypeFloat,
		"PrimitiveDouble": TypeDouble,
	}
	for name, typ := range primitives {
		id := ShapeID("smithy.api#" + name)
		def := json.RawMessage("0")
		if typ == TypeBoolean {
			def = json.RawMessage("false")
		}
		m.Shapes[id] = &Shape{ID: id, Type: typ, Traits: Traits{"smithy.api#default": def}, File: preludeFile}
	}
	unit := ShapeID("smithy.api#Unit")
	m.Shapes[unit] = &Shape{ID: unit, Type: TypeStructure, Traits: Traits{"smithy.api#unitType": json.RawMessage("{}")}, File: preludeFile}
}
