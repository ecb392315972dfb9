package modeldiff

import (
	"github.com/eucsdk/eucsdk/internal/testkit/shared"

	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/codegen/smithy"
)

// sharedModels is where the upstream models live beside the checkout. The
// tests read them in place and never copy them.
func sharedModels(t testing.TB) string {
	return shared.Path(t, "models")
}

// rollback describes a past release as what it added to today's model.
type rollback struct {
	operations []string            // operation names the release added
	members    map[string][]string // structure name → members it added
}

// pastModel builds an older model from today's JSON: it removes what the
// release added, then drops every shape nothing reaches any more, as the
// old model would not have had them.
func pastModel(t testing.TB, file string, rb rollback) (today, past *smithy.Model) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(sharedModels(t), file))
	if err != nil {
		t.Fatal(err)
	}
	today = build(t, file, data)
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	shapes := doc["shapes"].(map[string]any)
	var svcID, ns string
	for id, s := range shapes {
		if s.(map[string]any)["type"] == "service" {
			svcID, ns = id, id[:strings.IndexByte(id, '#')+1]
		}
	}
	svc := shapes[svcID].(map[string]any)
	ops := svc["operations"].([]any)
	for _, name := range rb.operations {
		i := slices.IndexFunc(ops, func(o any) bool { return o.(map[string]any)["target"] == ns+name })
		if i < 0 {
			t.Fatalf("%s: operation %s is not in today's model", file, name)
		}
		ops = slices.Delete(ops, i, i+1)
	}
	svc["operations"] = ops
	for shape, names := range rb.members {
		members := shapes[ns+shape].(map[string]any)["members"].(map[string]any)
		for _, n := range names {
			if _, ok := members[n]; !ok {
				t.Fatalf("%s: %s has no member %s today", file, shape, n)
			}
			delete(members, n)
		}
	}
	reach := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if k == "traits" {
					continue
				}
				if id, ok := x.(string); ok && k == "target" {
					if !reach[id] {
						reach[id] = true
						if s, ok := shapes[id]; ok {
							walk(s)
						}
					}
					continue
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	reach[svcID] = true
	walk(svc)
	for id := range shapes {
		if !reach[id] {
			delete(shapes, id)
		}
	}
	for _, name := range rb.operations {
		if reach[ns+name] {
			t.Fatalf("operation %s is still reachable after the rollback", name)
		}
	}
	out, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return today, build(t, "past-"+file, out)
}

func build(t testing.TB, name string, data []byte) *smithy.Model {
	t.Helper()
	d, err := smithy.Parse(name, data)
	if err != nil {
		t.Fatal(err)
	}
	m, err := smithy.Build(one(d), nil)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

type wantChange struct{ path, change, newType, enum string }

func checkChanges(t *testing.T, side string, got []*MemberChange, want []wantChange) {
	t.Helper()
	if len(got) != len(want) {
		for _, c := range got {
			t.Logf("%s: %s", side, c.summary())
		}
		t.Fatalf("%s: %d changes, want %d", side, len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Path != w.path || g.Change != w.change || g.NewType != w.newType || strings.Join(g.Enum, " | ") != w.enum || g.Breaking {
			t.Errorf("%s change %d = %+v, want %+v (not breaking)", side, i, *g, w)
		}
	}
}

// Seed 003: the 2020-07-23 WorkSpaces release added image sharing: two
// operations, the ImageType filter and two fields of WorkspaceImage.
func TestSeedWorkSpaces20200723(t *testing.T) {
	today, past := pastModel(t, "workspaces-2015-04-08.json", rollback{
		operations: []string{"DescribeWorkspaceImagePermissions", "UpdateWorkspaceImagePermission"},
		members: map[string][]string{
			"DescribeWorkspaceImagesRequest": {"ImageType"},
			"WorkspaceImage":                 {"Created", "OwnerAccountId"},
		},
	})
	r, err := Compare(past, today, Options{Date: "2020-07-23"})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(r.Heading())
	if got, want := r.Heading(), "2020/07/23 - Amazon WorkSpaces - 2 new 1 updated api methods"; got != want {
		t.Errorf("heading %q, want %q", got, want)
	}
	if got := names(r.NewOperations); !slices.Equal(got, []string{"DescribeWorkspaceImagePermissions", "UpdateWorkspaceImagePermission"}) {
		t.Errorf("new operations %v", got)
	}
	if len(r.RemovedOperations) != 0 || len(r.Breaking) != 0 {
		t.Errorf("removed %v, breaking %v: an additive release broke nothing", names(r.RemovedOperations), r.Breaking)
	}
	if len(r.UpdatedOperations) != 1 || r.UpdatedOperations[0].Name != "DescribeWorkspaceImages" {
		t.Fatalf("updated operations %+v", r.UpdatedOperations)
	}
	u := r.UpdatedOperations[0]
	checkChanges(t, "request", u.Request, []wantChange{{"ImageType", Added, "types.ImageType", "OWNED | SHARED"}})
	checkChanges(t, "response", u.Response, []wantChange{
		{"Images[].Created", Added, "*time.Time", ""},
		{"Images[].OwnerAccountId", Added, "*string", ""},
	})
	if len(u.ErrorsAdded)+len(u.ErrorsRemoved)+len(u.WaitersAdded) != 0 || u.Paginator != nil {
		t.Errorf("unexpected non-member changes: %+v", u)
	}
	// The new methods carry their syntax: the permission call's request.
	req := r.NewOperations[0].Request
	var got []string
	for _, f := range req.Fields {
		got = append(got, f.Name+" "+f.GoType)
	}
	if !slices.Equal(got, []string{"ImageId *string", "NextToken *string", "MaxResults *int32"}) {
		t.Errorf("DescribeWorkspaceImagePermissions request fields %v", got)
	}
	if !req.Fields[0].Required {
		t.Error("ImageId should be marked required")
	}
	md := r.Markdown()
	for _, want := range []string{
		"## 2020/07/23 - Amazon WorkSpaces - 2 new 1 updated api methods\n",
		"### DescribeWorkspaceImagePermissions (new)",
		"### UpdateWorkspaceImagePermission (new)",
		"### DescribeWorkspaceImages (updated)",
		"Changes (request, response)",
		"- `ImageType` added: `types.ImageType` = OWNED | SHARED\n",
		"- `Images[].Created` added: `*time.Time`\n",
		"    ImagePermissions []types.ImagePermission {\n        SharedAccountId *string\n    }\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	if strings.Contains(md, "Breaking") {
		t.Error("markdown calls out breaking changes for an additive release")
	}
}

// Seed 004: the 2017-09-29 AppStream release added image builders and
// DeleteImage: seven operations and nothing else.
func TestSeedAppStream20170929(t *testing.T) {
	added := []string{"CreateImageBuilder", "CreateImageBuilderStreamingURL", "DeleteImage", "DeleteImageBuilder", "DescribeImageBuilders", "StartImageBuilder", "StopImageBuilder"}
	today, past := pastModel(t, "appstream-2016-12-01.json", rollback{operations: added})
	r, err := Compare(past, today, Options{Date: "2017-09-29"})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(r.Heading())
	if got, want := r.Heading(), "2017/09/29 - Amazon AppStream - 7 new api methods"; got != want {
		t.Errorf("heading %q, want %q", got, want)
	}
	if got := names(r.NewOperations); !slices.Equal(got, added) {
		t.Errorf("new operations %v, want %v", got, added)
	}
	if len(r.UpdatedOperations)+len(r.RemovedOperations)+len(r.NewErrors)+len(r.RemovedErrors)+len(r.Breaking) != 0 {
		t.Errorf("the release only added operations, got %+v", r)
	}
	// The builder's state is an enum whose values the syntax shows.
	var state *Field
	for _, o := range r.NewOperations {
		if o.Name == "StartImageBuilder" {
			for _, f := range o.Response.Fields[0].Fields {
				if f.Name == "State" {
					state = f
				}
			}
		}
	}
	if state == nil || state.GoType != "types.ImageBuilderState" || !slices.Contains(state.Enum, "SNAPSHOTTING") {
		t.Errorf("StartImageBuilder ImageBuilder.State = %+v", state)
	}
	// Rolling forward and back must be symmetric: the reverse diff removes
	// the same seven methods and calls each a breaking change.
	back, err := Compare(today, past, Options{Date: "2017-09-30"})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(back.Heading())
	if got := names(back.RemovedOperations); !slices.Equal(got, added) {
		t.Errorf("reverse diff removed %v", got)
	}
	for _, name := range added {
		if !slices.Contains(back.Breaking, "operation "+name+" removed") {
			t.Errorf("reverse diff does not call out removing %s: %v", name, back.Breaking)
		}
	}
	if !strings.Contains(back.Markdown(), "**Breaking changes for Go users:**") {
		t.Error("reverse markdown lacks the breaking call-out")
	}
}

// The ground-truth fixtures are only meaningful if the reverse of the
// WorkSpaces release is reported as breaking too: removing members is.
func TestSeedWorkSpacesReverseIsBreaking(t *testing.T) {
	today, past := pastModel(t, "workspaces-2015-04-08.json", rollback{
		operations: []string{"DescribeWorkspaceImagePermissions", "UpdateWorkspaceImagePermission"},
		members: map[string][]string{
			"DescribeWorkspaceImagesRequest": {"ImageType"},
			"WorkspaceImage":                 {"Created", "OwnerAccountId"},
		},
	})
	r, err := Compare(today, past, Options{Date: "2020-07-24"})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(r.Heading())
	want := []string{
		"operation DescribeWorkspaceImagePermissions removed",
		"operation UpdateWorkspaceImagePermission removed",
		"DescribeWorkspaceImages request: `ImageType` removed (was `types.ImageType`)",
		"DescribeWorkspaceImages response: `Images[].Created` removed (was `*time.Time`)",
		"DescribeWorkspaceImages response: `Images[].OwnerAccountId` removed (was `*string`)",
	}
	if !slices.Equal(r.Breaking, want) {
		t.Errorf("breaking:\n%s\nwant:\n%s", strings.Join(r.Breaking, "\n"), strings.Join(want, "\n"))
	}
}
