package emit

import "github.com/eucsdk/eucsdk/codegen/gotype"

// Short names for the type spellers every emitter uses.
var (
	goType    = gotype.Of
	baseType  = gotype.Base
	shapeType = gotype.Shape
)
