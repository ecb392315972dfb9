package modeldiff

import (
	"github.com/eucsdk/eucsdk/codegen/ir"
	"slices"
	"strings"
	"testing"
)

// twoVersions is a service whose v2 changes one thing of every kind the
// report lists; the same JSON with NS-placeholders keeps the pair readable.
const v1 = `{"smithy": "2.0", "shapes": {
  "ex#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex#List"}, {"target": "ex#Gone"}],
    "traits": {"aws.api#service": {"sdkId": "Svc"}, "aws.protocols#awsJson1_1": {}, "smithy.api#title": "Example"}},
  "ex#List": {"type": "operation", "input": {"target": "ex#ListIn"}, "output": {"target": "ex#ListOut"}, "errors": [{"target": "ex#Old"}],
    "traits": {"smithy.api#paginated": {"inputToken": "Next", "outputToken": "Next", "items": "Items"},
      "smithy.waiters#waitable": {"Ready": {"acceptors": [{"state": "success", "matcher": {"success": true}}]}}}},
  "ex#Gone": {"type": "operation"},
  "ex#ListIn": {"type": "structure", "members": {"Next": {"target": "smithy.api#String"}, "Size": {"target": "smithy.api#Integer"}, "Kind": {"target": "ex#Kind"}}},
  "ex#ListOut": {"type": "structure", "members": {"Next": {"target": "smithy.api#String"}, "Items": {"target": "ex#Items"}}},
  "ex#Items": {"type": "list", "member": {"target": "ex#Item"}},
  "ex#Item": {"type": "structure", "members": {"Id": {"target": "smithy.api#String"}, "Child": {"target": "ex#Item"}, "Tags": {"target": "ex#Tags"}}},
  "ex#Tags": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "ex#Kind"}},
  "ex#Kind": {"type": "enum", "members": {"A": {"target": "smithy.api#Unit"}, "B": {"target": "smithy.api#Unit"}}},
  "ex#Old": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "client"}}
}}`

func v2() string {
	r := strings.NewReplacer(
		`{"target": "ex#List"}, {"target": "ex#Gone"}`, `{"target": "ex#List"}`,
		`"errors": [{"target": "ex#Old"}]`, `"errors": [{"target": "ex#New"}]`,
		`"items": "Items"}`, `"items": "Items", "pageSize": "Size"}`,
		`"matcher": {"success": true}`, `"matcher": {"success": false}`,
		`"Size": {"target": "smithy.api#Integer"}`, `"Size": {"target": "smithy.api#Long", "traits": {"smithy.api#required": {}}}`,
		`"B": {"target": "smithy.api#Unit"}}`, `"C": {"target": "smithy.api#Unit"}}`,
		`"ex#Old": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "client"}}`, `"ex#New": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "server"}}`,
		`"Id": {"target": "smithy.api#String"}`, `"Id": {"target": "smithy.api#String"}, "Name": {"target": "smithy.api#String"}`,
	)
	return r.Replace(v1)
}

func TestEveryKindOfChange(t *testing.T) {
	r, err := Compare(build(t, "v1", []byte(v1)), build(t, "v2", []byte(v2())), Options{Date: "2024-01-02"})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(r.Heading())
	if r.Heading() != "2024/01/02 - Example - 1 updated 1 removed api methods" {
		t.Errorf("heading %q", r.Heading())
	}
	if len(r.UpdatedOperations) != 1 {
		t.Fatalf("updated %+v", r.UpdatedOperations)
	}
	u := r.UpdatedOperations[0]
	var req, resp []string
	for _, c := range u.Request {
		req = append(req, c.summary())
	}
	for _, c := range u.Response {
		resp = append(resp, c.summary())
	}
	wantReq := []string{
		"`Size` changed: type `*int32` → `*int64`; now required",
		"`Kind` changed: enum values added: C; enum values removed: B",
	}
	wantResp := []string{
		"`Items[].Name` added: `*string`",
		"`Items[].Tags{}` changed: enum values added: C; enum values removed: B",
	}
	if !slices.Equal(req, wantReq) {
		t.Errorf("request changes\n%s\nwant\n%s", strings.Join(req, "\n"), strings.Join(wantReq, "\n"))
	}
	if !slices.Equal(resp, wantResp) {
		t.Errorf("response changes\n%s\nwant\n%s", strings.Join(resp, "\n"), strings.Join(wantResp, "\n"))
	}
	if !slices.Equal(u.ErrorsAdded, []string{"types.New"}) || !slices.Equal(u.ErrorsRemoved, []string{"types.Old"}) {
		t.Errorf("errors +%v -%v", u.ErrorsAdded, u.ErrorsRemoved)
	}
	if u.Paginator == nil || strings.Contains(u.Paginator.Old, "page size") || !strings.Contains(u.Paginator.New, "page size Size") {
		t.Errorf("paginator change %+v", u.Paginator)
	}
	if !slices.Equal(u.WaitersChanged, []string{"Ready"}) {
		t.Errorf("waiters changed %v", u.WaitersChanged)
	}
	if !slices.Equal(r.NewErrors, []string{"types.New"}) || !slices.Equal(r.RemovedErrors, []string{"types.Old"}) {
		t.Errorf("service errors +%v -%v", r.NewErrors, r.RemovedErrors)
	}
	wantBreaking := []string{
		"operation Gone removed",
		"List request: `Size` changed: type `*int32` → `*int64`; now required",
		"List request: `Kind` changed: enum values added: C; enum values removed: B",
		"List response: `Items[].Tags{}` changed: enum values added: C; enum values removed: B",
		"error type types.Old removed",
	}
	if !slices.Equal(r.Breaking, wantBreaking) {
		t.Errorf("breaking\n%s\nwant\n%s", strings.Join(r.Breaking, "\n"), strings.Join(wantBreaking, "\n"))
	}
	md := r.Markdown()
	if !strings.HasPrefix(md, "## 2024/01/02 - Example - 1 updated 1 removed api methods\n") || !strings.Contains(md, "### Gone (removed)") {
		t.Errorf("markdown:\n%s", md)
	}
	js, err := r.JSON()
	if err != nil || !strings.Contains(string(js), `"path": "Items[].Name"`) {
		t.Errorf("json %s %v", js, err)
	}
}

// A self-referencing structure (Item.Child) must neither loop nor be
// expanded forever, and a model compared with itself reports nothing.
func TestRecursiveShapesTerminate(t *testing.T) {
	m := build(t, "v1", []byte(v1))
	empty, err := Compare(m, m, Options{Date: "2024-01-02"})
	if err != nil {
		t.Fatal(err)
	}
	if !empty.Empty() || empty.Heading() != "2024/01/02 - Example - no api method changes" {
		t.Errorf("identical models differ: %s", empty.Heading())
	}
	op := summarize(mustResolve(t, v1).Operations[1])
	if op.Name != "List" {
		t.Fatalf("operation %s, want List", op.Name)
	}
	child := op.Response.Fields[1].Fields[1]
	if child.Name != "Child" || !child.Recursive || len(child.Fields) != 0 {
		t.Errorf("recursive member %+v", child)
	}
}

func mustResolve(t *testing.T, src string) *ir.Service {
	t.Helper()
	s, err := Resolve(build(t, "m", []byte(src)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}
