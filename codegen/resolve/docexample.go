package resolve

import "github.com/eucsdk/eucsdk/codegen/ir"

// docExample picks the operation the package doc's example calls. It must
// run as written against any account, so it takes no required input, and a
// paginated list with its items one member deep gives a line worth
// printing. Among those the shortest name reads best (DescribeFleets over
// DescribeAppBlockBuilderAppBlockAssociations); ties go by name, so the
// choice does not depend on model order.
func docExample(ops []*ir.Operation) *ir.Operation {
	var best *ir.Operation
	for _, op := range ops {
		if pg := op.Paginator; pg == nil || len(pg.Items) != 1 || hasRequired(op.Input) {
			continue
		}
		if best == nil || len(op.Name) < len(best.Name) || len(op.Name) == len(best.Name) && op.Name < best.Name {
			best = op
		}
	}
	return best
}

func hasRequired(s *ir.Shape) bool {
	if s == nil {
		return false
	}
	for _, m := range s.Members {
		if m.Required {
			return true
		}
	}
	return false
}
