package emit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/eucsdk/eucsdk/codegen/ir"
)

func TestSlashesWritesLineComments(t *testing.T) {
	got := slashes("First line\n\nsecond line\n")
	want := "// First line\n//\n// second line"
	if got != want {
		t.Errorf("slashes = %q, want %q", got, want)
	}
}

func TestCommentSkipsEmptyDocs(t *testing.T) {
	if got := fmt.Sprintf("%#v", comment("  \n")); got != "" {
		t.Errorf("empty doc rendered %q", got)
	}
	if got := fmt.Sprintf("%#v", comment("a\n\nb")); !strings.HasPrefix(got, "// a\n//\n// b") {
		t.Errorf("comment = %q", got)
	}
}

func TestDocWithSkipsEmptyParagraphs(t *testing.T) {
	if got := docWith("", "a", " ", "b"); got != "a\n\nb" {
		t.Errorf("docWith = %q", got)
	}
}

func TestJoinOr(t *testing.T) {
	for in, want := range map[string]string{"": "", "a": "a", "a b": "a or b", "a b c": "a, b or c"} {
		if got := joinOr(strings.Fields(in)); got != want {
			t.Errorf("joinOr(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestOperationDocNamesPaginatorWaitersAndErrors: the names are the IR's,
// and a deprecation stays the last paragraph.
func TestOperationDocNamesPaginatorWaitersAndErrors(t *testing.T) {
	list := &ir.Shape{Kind: ir.List, Elem: &ir.Member{Type: &ir.Type{Kind: ir.String}}}
	op := &ir.Operation{
		Name:       "ListThings",
		Doc:        "Lists things.",
		Deprecated: "Use ListItems.",
		Paginator:  &ir.Paginator{New: "NewListThingsPaginator", Items: []*ir.Member{{Name: "Things"}}, ItemType: list.Elem.Type},
		Waiters:    []*ir.Waiter{{New: "NewThingReadyWaiter"}, {New: "NewThingGoneWaiter"}},
		Errors:     []*ir.Shape{{GoName: "NotFound"}, {GoName: "Throttled"}},
	}
	want := `Lists things.

To read every page, use [NewListThingsPaginator]; its Pages and Items methods
are iterators.

To wait for a state, use [NewThingReadyWaiter] or [NewThingGoneWaiter].

Modeled errors, which errors.As finds in the returned error: *types.NotFound,
*types.Throttled.

Deprecated: Use ListItems.`
	if got := operationDoc(op); got != want {
		t.Errorf("operationDoc:\n%s\nwant:\n%s", got, want)
	}
	bare := &ir.Operation{Name: "Ping"}
	if got := operationDoc(bare); got != "Ping calls the Ping API operation." {
		t.Errorf("undocumented operation: %q", got)
	}
}

// TestOutputTokenFollowsNestedPaths: a nested token is read through nil
// checks, a top-level one directly.
func TestOutputTokenFollowsNestedPaths(t *testing.T) {
	str := &ir.Type{Kind: ir.String, Pointer: true}
	top := &ir.Paginator{OutputToken: []*ir.Member{{GoName: "NextToken", Type: str}}}
	if got := fmt.Sprintf("%#v", outputToken(top)); got != "out.NextToken" {
		t.Errorf("top-level token: %s", got)
	}
	nested := &ir.Paginator{OutputToken: []*ir.Member{{GoName: "Page"}, {GoName: "Next", Type: str}}}
	got := fmt.Sprintf("%#v", jen.Func().Id("f").Params().Op("*").String().Block(jen.Return(outputToken(nested))))
	for _, want := range []string{"out.Page == nil", "return out.Page.Next"} {
		if !strings.Contains(got, want) {
			t.Errorf("nested token %s lacks %q", got, want)
		}
	}
}
