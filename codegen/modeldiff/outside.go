package modeldiff

import (
	"github.com/eucsdk/eucsdk/codegen/pins"

	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"

	"github.com/eucsdk/eucsdk/codegen/smithy"
)

// Prose traits change what the reference pages say, never what a Go caller
// can spell or send, so a release that touches only these is documentation.
var proseTraits = map[string]bool{
	"smithy.api#documentation": true,
	"smithy.api#examples":      true,
}

// outsideAPI names traits whose changes reach generated code but not the
// API: endpoint resolution is behaviour, and the tests only check it.
var outsideAPI = map[string]string{
	"smithy.rules#endpointRuleSet": "endpoint rules",
	"smithy.rules#endpointTests":   "endpoint rule tests",
}

// RawChanges sorts the difference between two model files into what a Go
// API diff cannot see: whether any documentation changed, and which other
// parts changed (endpoint rules, or else the shapes that did). The API
// changes themselves come from Compare; this explains a release whose
// Compare report is empty, so the changelog can say what it was.
func RawChanges(oldData, newData []byte) (docs bool, other []string, err error) {
	var o, n struct {
		Shapes map[string]json.RawMessage `json:"shapes"`
	}
	if err := json.Unmarshal(oldData, &o); err != nil {
		return false, nil, fmt.Errorf("old model: %w", err)
	}
	if err := json.Unmarshal(newData, &n); err != nil {
		return false, nil, fmt.Errorf("new model: %w", err)
	}
	ids := map[string]bool{}
	for id := range o.Shapes {
		ids[id] = true
	}
	for id := range n.Shapes {
		ids[id] = true
	}
	seen := map[string]bool{}
	for _, id := range sortedKeys(ids) {
		ob, nb := o.Shapes[id], n.Shapes[id]
		if bytes.Equal(ob, nb) {
			continue
		}
		var os, ns map[string]any
		if ob != nil {
			if err := json.Unmarshal(ob, &os); err != nil {
				return false, nil, fmt.Errorf("old model: shape %s: %w", id, err)
			}
		}
		if nb != nil {
			if err := json.Unmarshal(nb, &ns); err != nil {
				return false, nil, fmt.Errorf("new model: shape %s: %w", id, err)
			}
		}
		d, rest := splitShape(os, ns)
		docs = docs || d
		for _, r := range rest {
			label := outsideAPI[r]
			if label == "" {
				label = "shape " + id
			}
			if !seen[label] {
				seen[label] = true
				other = append(other, label)
			}
		}
	}
	sort.Strings(other)
	return docs, other, nil
}

// splitShape compares one shape's two versions, member traits included:
// docs reports prose changes, rest lists the endpoint traits that changed,
// or "" for any other difference.
func splitShape(o, n map[string]any) (docs bool, rest []string) {
	if o == nil || n == nil {
		return false, []string{""}
	}
	var other bool
	for _, k := range unionKeys(o, n) {
		switch k {
		case "traits":
			d, r := splitTraits(asMap(o[k]), asMap(n[k]))
			docs = docs || d
			rest = append(rest, r...)
		case "members":
			om, nm := asMap(o[k]), asMap(n[k])
			for _, name := range unionKeys(om, nm) {
				a, b := asMap(om[name]), asMap(nm[name])
				if a == nil || b == nil {
					other = true
					continue
				}
				for _, mk := range unionKeys(a, b) {
					if mk == "traits" {
						d, r := splitTraits(asMap(a[mk]), asMap(b[mk]))
						docs = docs || d
						rest = append(rest, r...)
					} else if !jsonEqual(a[mk], b[mk]) {
						other = true
					}
				}
			}
		default:
			if !jsonEqual(o[k], n[k]) {
				other = true
			}
		}
	}
	if other {
		rest = append(rest, "")
	}
	return docs, rest
}

func splitTraits(o, n map[string]any) (docs bool, rest []string) {
	for _, t := range unionKeys(o, n) {
		if jsonEqual(o[t], n[t]) {
			continue
		}
		switch {
		case proseTraits[t]:
			docs = true
		case outsideAPI[t] != "":
			rest = append(rest, t)
		default:
			rest = append(rest, "")
		}
	}
	return docs, rest
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func unionKeys(a, b map[string]any) []string {
	keys := map[string]bool{}
	for k := range a {
		keys[k] = true
	}
	for k := range b {
		keys[k] = true
	}
	return sortedKeys(keys)
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// CompareFiles is the changelog entry between two model files as AWS
// publishes them: no overlays, since those are ours and change on their own
// schedule, and a release's entry must be rebuildable from its two files
// alone. The names are the files' paths, for messages and the entry.
func CompareFiles(oldName string, oldData []byte, newName string, newData []byte, opts Options) (*Report, error) {
	oldModel, err := parseOne(oldName, oldData)
	if err != nil {
		return nil, err
	}
	newModel, err := parseOne(newName, newData)
	if err != nil {
		return nil, err
	}
	r, err := Compare(oldModel, newModel, opts)
	if err != nil {
		return nil, err
	}
	r.ModelFile = filepath.Base(newName)
	r.OldSHA256, r.NewSHA256 = pins.SHA256(oldData), pins.SHA256(newData)
	if err := r.AddRawChanges(oldData, newData); err != nil {
		return nil, err
	}
	return r, nil
}

func parseOne(name string, data []byte) (*smithy.Model, error) {
	d, err := smithy.Parse(name, data)
	if err != nil {
		return nil, err
	}
	return smithy.Build(one(d), nil)
}

// one wraps the loader's unexported document type in a slice.
func one[T any](x T) []T { return []T{x} }
