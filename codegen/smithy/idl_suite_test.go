package smithy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/internal/testkit/shared"
)

// The Smithy protocol-test packages exist both as IDL and as JSON AST
// built by Smithy itself; loading the IDL must give the JSON AST's model.

// suiteCase is one IDL package and the JSON AST of (part of) it.
type suiteCase struct {
	idlPaths []string
	jsonAST  string
	// subset: the JSON AST was cut down to one service, so only its shapes
	// are compared. flatMixins: it was written with mixins flattened into
	// the shapes that use them (it has no mixin shapes and no "mixins"), a
	// representation Build's mixin expansion makes equal member by member.
	subset, flatMixins bool
	// allowed lists each difference SOURCES.md explains, with its reason;
	// every one must still occur, so a stale entry fails too.
	allowed map[string]string
}

const (
	whyNestedUnion = "added in 1.73.0 (smithy 1d7e37be) after the JSON AST was built from 1.72: NestedUnion and MyUnion$unionValue, and their JsonUnions/unions test cases (SOURCES.md)"
	whyUnions      = "operation RpcV2CborUnions and its four union cases (RpcV2Cbor{Serializes,Deserializes}{,Nested}UnionValue) were added in unions.smithy by 1d7e37be, after the JSON AST was built (SOURCES.md)"
	whyDenseSet    = "RpcV2CborDeserializesDenseSetMapAndSkipsNull was removed in 1.68.0 (ecbf993d); the JSON AST predates that (SOURCES.md)"
)

var suites = map[string]suiteCase{
	"smithy-aws-protocol-tests": {
		idlPaths: []string{"testdata/protocol/smithy-idl-full/smithy-aws-protocol-tests/model"},
		jsonAST:  "testdata/protocol/smithy-json-ast/smithy-aws-protocol-tests_model.json",
		allowed: map[string]string{
			"aws.protocoltests.restjson#NestedUnion: only in the IDL":                            whyNestedUnion,
			"aws.protocoltests.restjson#MyUnion: member unionValue only in the IDL":              whyNestedUnion,
			"aws.protocoltests.restjson#JsonUnions: trait smithy.test#httpRequestTests differs":  whyNestedUnion,
			"aws.protocoltests.restjson#JsonUnions: trait smithy.test#httpResponseTests differs": whyNestedUnion,
		},
	},
	"smithy-protocol-tests/rpcv2Cbor": {
		// The JSON AST holds only the rpcv2Cbor service and what it uses.
		idlPaths: []string{
			"testdata/protocol/smithy-idl-full/smithy-protocol-tests/model/rpcv2Cbor",
			"testdata/protocol/smithy-idl-full/smithy-protocol-tests/model/shared-types.smithy",
		},
		jsonAST:    "testdata/protocol/smithy-json-ast/smithy-rpcv2-cbor.json",
		subset:     true,
		flatMixins: true,
		allowed: map[string]string{
			"smithy.protocoltests.rpcv2Cbor#RpcV2CborDenseMaps: trait smithy.test#httpResponseTests differs": whyDenseSet,
			"smithy.protocoltests.rpcv2Cbor#RpcV2Protocol: operations differ":                                whyUnions,
			"metadata suppressions: entries differ":                                                          "the JSON AST was built together with smithy-aws-protocol-tests and keeps that package's suppressions (SOURCES.md)",
			"metadata validators: entries differ":                                                            "the JSON AST keeps the AWS package's UnboundTestOperation validator and the older rpcv2Cbor namespaces of smithy 1.57-1.67 (SOURCES.md)",
		},
	},
}

func TestIDLMatchesJSONAST(t *testing.T) {
	for name, sc := range suites {
		t.Run(name, func(t *testing.T) {
			idlModel, jsonModel, userNS := loadBoth(t, sc)
			diffs := compareModels(idlModel, jsonModel, userNS, sc)
			seen := map[string]bool{}
			for _, d := range diffs {
				key := d
				if i := strings.Index(d, "\n"); i >= 0 {
					key = d[:i]
				}
				if _, ok := sc.allowed[key]; ok {
					seen[key] = true
					continue
				}
				t.Errorf("%s", d)
			}
			for k, why := range sc.allowed {
				if !seen[k] {
					t.Errorf("expected difference did not occur (stale allow-list entry): %s (%s)", k, why)
				}
			}
			t.Logf("%d user shapes compared, %d known differences", countUser(jsonModel, userNS), len(seen))
		})
	}
}

// loadBoth loads the IDL package, with the shapes it imports from packages
// outside it (aws.api, smithy.test, ...) taken from the JSON AST, and the
// JSON AST. userNS are the namespaces the IDL files define.
func loadBoth(t *testing.T, sc suiteCase) (*Model, *Model, map[string]bool) {
	t.Helper()
	root := shared.Path(t)
	jsonPath := filepath.Join(root, sc.jsonAST)
	var paths []string
	for _, p := range sc.idlPaths {
		paths = append(paths, filepath.Join(root, p))
	}
	idlFiles, err := ExpandModelPaths(paths)
	if err != nil {
		t.Fatal(err)
	}
	userNS := map[string]bool{}
	var docs []*document
	for _, f := range idlFiles {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := ParseIDL(f, data)
		if err != nil {
			t.Fatal(err)
		}
		userNS[d.idl.namespace] = true
		docs = append(docs, d)
	}
	deps := dependencyDoc(t, jsonPath, userNS)
	dd, err := Parse("dependencies from "+jsonPath, deps)
	if err != nil {
		t.Fatal(err)
	}
	idlModel, err := Build(append(docs, dd), nil)
	if err != nil {
		t.Fatal(err)
	}
	jsonModel, err := LoadFiles([]string{jsonPath}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return idlModel, jsonModel, userNS
}

// dependencyDoc is the JSON AST cut down to the shapes of namespaces the IDL
// package does not define: the trait and shape packages Smithy's build puts
// on the classpath beside the IDL.
func dependencyDoc(t *testing.T, jsonPath string, userNS map[string]bool) []byte {
	t.Helper()
	data, err := os.ReadFile(jsonPath)
	if err != nil {
		t.Fatal(err)
	}
	var raw struct {
		Shapes map[string]json.RawMessage `json:"shapes"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	out := map[string]any{"smithy": "2.0", "shapes": map[string]json.RawMessage{}}
	for id, s := range raw.Shapes {
		if !userNS[ShapeID(id).Namespace()] {
			out["shapes"].(map[string]json.RawMessage)[id] = s
		}
	}
	b, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func countUser(m *Model, userNS map[string]bool) int {
	n := 0
	for id := range m.Shapes {
		if userNS[id.Namespace()] {
			n++
		}
	}
	return n
}

// compareModels lists every difference between the user shapes of two
// models; each starts with "shape: what", details follow on later lines.
func compareModels(idl, ast *Model, userNS map[string]bool, sc suiteCase) []string {
	diffs := compareMetadata(idl, ast)
	for _, id := range union(idl.IDs(), ast.IDs()) {
		if !userNS[id.Namespace()] {
			continue
		}
		a, b := idl.Shapes[id], ast.Shapes[id]
		switch {
		case b == nil && sc.subset:
			continue
		case b == nil && sc.flatMixins && a.Traits.Has("smithy.api#mixin"):
			continue
		case b == nil:
			diffs = append(diffs, fmt.Sprintf("%s: only in the IDL", id))
			continue
		case a == nil:
			diffs = append(diffs, fmt.Sprintf("%s: only in the JSON AST", id))
			continue
		}
		if sc.flatMixins {
			c := *a
			c.Mixins = nil
			a = &c
		}
		diffs = append(diffs, compareShape(a, b)...)
	}
	return diffs
}

// compareMetadata compares metadata values; arrays, which merging
// concatenates in file order, compare as multisets.
func compareMetadata(idl, ast *Model) []string {
	var diffs []string
	keys := map[string]bool{}
	for k := range idl.Metadata {
		keys[k] = true
	}
	for k := range ast.Metadata {
		keys[k] = true
	}
	for _, k := range sortedKeys(keys) {
		// A key one side lacks compares as an empty array.
		x, y := []json.RawMessage{}, []json.RawMessage{}
		arrays := func(raw json.RawMessage, v *[]json.RawMessage) bool {
			return raw == nil || json.Unmarshal(raw, v) == nil
		}
		if !arrays(idl.Metadata[k], &x) || !arrays(ast.Metadata[k], &y) {
			if !bytes.Equal(normJSON(idl.Metadata[k]), normJSON(ast.Metadata[k])) {
				diffs = append(diffs, fmt.Sprintf("metadata %s: values differ", k))
			}
			continue
		}
		count := map[string]int{}
		for _, e := range x {
			count[string(normJSON(e))]++
		}
		for _, e := range y {
			count[string(normJSON(e))]--
		}
		var detail []string
		for _, e := range sortedKeys(count) {
			if n := count[e]; n != 0 {
				detail = append(detail, fmt.Sprintf("  %+d in the IDL: %.200s", n, e))
			}
		}
		if len(detail) > 0 {
			diffs = append(diffs, fmt.Sprintf("metadata %s: entries differ\n%s", k, strings.Join(detail, "\n")))
		}
	}
	return diffs
}

func union(a, b []ShapeID) []ShapeID {
	seen := map[ShapeID]bool{}
	var out []ShapeID
	for _, id := range append(a, b...) {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func compareShape(a, b *Shape) []string {
	var diffs []string
	add := func(format string, args ...any) {
		diffs = append(diffs, fmt.Sprintf("%s: ", a.ID)+fmt.Sprintf(format, args...))
	}
	if a.Type != b.Type {
		add("type %s in the IDL, %s in the JSON AST", a.Type, b.Type)
	}
	for _, f := range []struct {
		name string
		x, y any
	}{
		{"input", a.Input, b.Input}, {"output", a.Output, b.Output}, {"errors", a.Errors, b.Errors},
		{"version", a.Version, b.Version}, {"operations", a.Operations, b.Operations},
		{"resources", a.Resources, b.Resources}, {"rename", a.Rename, b.Rename}, {"mixins", a.Mixins, b.Mixins},
		{"identifiers", a.Identifiers, b.Identifiers}, {"properties", a.Properties, b.Properties},
	} {
		if !reflect.DeepEqual(f.x, f.y) {
			add("%s differ\n  IDL:  %v\n  JSON: %v", f.name, f.x, f.y)
		}
	}
	diffs = append(diffs, compareTraits(string(a.ID), a.Traits, b.Traits)...)
	var an, bn []string
	for _, m := range a.Members {
		an = append(an, m.Name)
	}
	for _, m := range b.Members {
		bn = append(bn, m.Name)
	}
	for _, n := range an {
		if b.MemberNamed(n) == nil {
			add("member %s only in the IDL", n)
		}
	}
	for _, n := range bn {
		if a.MemberNamed(n) == nil {
			add("member %s only in the JSON AST", n)
		}
	}
	if common(an, bn) {
		if strings.Join(an, ",") != strings.Join(bn, ",") {
			add("member order differs\n  IDL:  %v\n  JSON: %v", an, bn)
		}
	}
	pairs := [][2]*Member{{a.Member, b.Member}, {a.Key, b.Key}, {a.Value, b.Value}}
	for _, m := range a.Members {
		if o := b.MemberNamed(m.Name); o != nil {
			pairs = append(pairs, [2]*Member{m, o})
		}
	}
	for _, p := range pairs {
		x, y := p[0], p[1]
		if x == nil && y == nil {
			continue
		}
		if x == nil || y == nil {
			add("list or map member present on one side only")
			continue
		}
		if x.Target != y.Target {
			add("member %s targets %s in the IDL, %s in the JSON AST", x.Name, x.Target, y.Target)
		}
		if x.Container != y.Container {
			add("member %s container %s vs %s", x.Name, x.Container, y.Container)
		}
		diffs = append(diffs, compareTraits(string(a.ID)+"$"+x.Name, x.Traits, y.Traits)...)
	}
	return diffs
}

func common(a, b []string) bool { return len(a) == len(b) }

// compareTraits compares trait values as normalized JSON.
func compareTraits(where string, a, b Traits) []string {
	var diffs []string
	keys := map[string]bool{}
	for k := range a {
		keys[k] = true
	}
	for k := range b {
		keys[k] = true
	}
	for _, k := range sortedKeys(keys) {
		x, okx := a[k]
		y, oky := b[k]
		switch {
		case !okx:
			diffs = append(diffs, fmt.Sprintf("%s: trait %s only in the JSON AST: %s", where, k, y))
		case !oky:
			diffs = append(diffs, fmt.Sprintf("%s: trait %s only in the IDL: %s", where, k, x))
		default:
			nx, ny := normJSON(x), normJSON(y)
			if !bytes.Equal(nx, ny) {
				i := 0
				for i < len(nx) && i < len(ny) && nx[i] == ny[i] {
					i++
				}
				from := max(0, i-80)
				diffs = append(diffs, fmt.Sprintf("%s: trait %s differs\n  at byte %d\n  IDL:  …%.240s\n  JSON: …%.240s", where, k, i, nx[from:], ny[from:]))
			}
		}
	}
	return diffs
}

// normJSON sorts object keys and spells numbers one way: Smithy's JSON AST
// writes 946845296.123 as 9.46845296123E8, the same value.
func normJSON(raw json.RawMessage) []byte {
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return []byte("invalid JSON: " + err.Error())
	}
	b, _ := json.Marshal(canonNumbers(v))
	return b
}

func canonNumbers(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = canonNumbers(e)
		}
	case []any:
		for i, e := range x {
			x[i] = canonNumbers(e)
		}
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return json.Number(strconv.FormatInt(i, 10))
		}
		if f, err := x.Float64(); err == nil {
			return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
		}
	}
	return v
}

// TestIDLParsesEveryProtocolTestFile parses each of the 162 files, rpcv2Json
// included, which no JSON AST covers.
func TestIDLParsesEveryProtocolTestFile(t *testing.T) {
	files, err := ExpandModelPaths([]string{shared.Path(t, "testdata/protocol/smithy-idl-full")})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		if !strings.HasSuffix(f, ".smithy") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ParseIDL(f, data); err != nil {
			t.Error(err)
		}
		n++
	}
	if n != 162 {
		t.Errorf("parsed %d .smithy files, SOURCES.md lists 162", n)
	}
}
