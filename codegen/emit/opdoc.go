package emit

import (
	"fmt"
	"strings"

	"github.com/eucsdk/eucsdk/codegen/docs"
	"github.com/eucsdk/eucsdk/codegen/ir"
)

// operationDoc is an operation method's doc comment: the model's text, its
// deprecation, then what a caller looks for next to the method: the
// paginator, the waiters and the errors to test for with errors.As. Every
// name comes from the IR.
func operationDoc(op *ir.Operation) string {
	body := op.Doc
	if body == "" {
		body = op.Name + " calls the " + op.Name + " API operation."
	}
	var extra []string
	if pg := op.Paginator; pg != nil {
		iters := "Pages method is an iterator"
		if hasItems(pg) {
			iters = "Pages and Items methods are iterators"
		}
		extra = append(extra, fmt.Sprintf("To read every page, use [%s]; its %s.", pg.New, iters))
	}
	if len(op.Waiters) > 0 {
		var ws []string
		for _, w := range op.Waiters {
			ws = append(ws, "["+w.New+"]")
		}
		extra = append(extra, "To wait for a state, use "+joinOr(ws)+".")
	}
	if len(op.Errors) > 0 {
		var es []string
		for _, e := range op.Errors {
			es = append(es, "*types."+e.GoName)
		}
		extra = append(extra, "Modeled errors, which errors.As finds in the returned error: "+strings.Join(es, ", ")+".")
	}
	var dep string
	if op.Deprecated != "" {
		// Last, and a paragraph of its own, as go doc expects.
		dep = "Deprecated: " + op.Deprecated
	}
	parts := []string{body}
	for _, e := range extra {
		parts = append(parts, docs.Godoc(e, 77))
	}
	return docWith(append(parts, dep)...)
}

// joinOr lists names as "a", "a or b", "a, b or c".
func joinOr(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
