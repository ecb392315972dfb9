package smithy

import (
	"encoding/json"
	"strings"
)

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

// preludeNames are the shapes of the smithy.api prelude, traits included,
// that a relative shape id falls back to when neither a use statement nor
// the file's namespace defines the name. Only the simple shapes and Unit are
// shapes of the loaded model: traits are kept as ids and never checked.
var preludeNames = func() map[string]bool {
	names := strings.Fields(`
		String Blob BigInteger BigDecimal Timestamp Document Boolean Byte Short
		Integer Long Float Double PrimitiveBoolean PrimitiveByte PrimitiveShort
		PrimitiveInteger PrimitiveLong PrimitiveFloat PrimitiveDouble Unit
		addedDefault auth authDefinition box clientOptional cors default
		deprecated documentation endpoint enum enumValue error eventHeader
		eventPayload examples externalDocumentation hostLabel http
		httpApiKeyAuth httpBasicAuth httpBearerAuth httpChecksumRequired
		httpDigestAuth httpError httpHeader httpLabel httpPayload
		httpPrefixHeaders httpQuery httpQueryParams httpResponseCode idRef
		idempotencyToken idempotent input internal jsonName length mediaType
		mixin nestedProperties noReplace notProperty optionalAuth output
		paginated pattern private property protocolDefinition range readonly
		recommended references required requestCompression requiresLength
		resourceIdentifier retryable sensitive since sparse streaming suppress
		tags timestampFormat title trait traitValidators uniqueItems unitType
		unstable xmlAttribute xmlFlattened xmlName xmlNamespace`)
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}()
