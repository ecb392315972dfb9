package resolve

import (
	"testing"

	"github.com/eucsdk/eucsdk/codegen/ir"
)

func TestDocExamplePicksShortestRunnableList(t *testing.T) {
	items := []*ir.Member{{GoName: "Things"}}
	op := func(name string, pg bool, required bool) *ir.Operation {
		o := &ir.Operation{Name: name, Input: &ir.Shape{Members: []*ir.Member{{GoName: "X", Required: required}}}}
		if pg {
			o.Paginator = &ir.Paginator{Items: items}
		}
		return o
	}
	ops := []*ir.Operation{
		op("DescribeAppBlockBuilderAppBlockAssociations", true, false),
		op("ListUsers", true, true),  // needs input: not runnable as written
		op("GetThing", false, false), // no list to print
		op("DescribeStacks", true, false),
		op("DescribeFleets", true, false),
	}
	if got := docExample(ops); got == nil || got.Name != "DescribeFleets" {
		t.Fatalf("docExample = %v, want DescribeFleets (shortest, then by name)", got)
	}
	if got := docExample(ops[1:3]); got != nil {
		t.Fatalf("docExample = %s, want none", got.Name)
	}
}
