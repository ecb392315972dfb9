package emulator_test

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
	"testing"

	asserver "github.com/eucsdk/eucsdk/appstream/server"
	"github.com/eucsdk/eucsdk/emulator"
	"github.com/eucsdk/eucsdk/internal/testkit/shared"
	wsserver "github.com/eucsdk/eucsdk/workspaces/server"
)

// model is the part of a Smithy JSON AST the coverage tests read: they
// build inputs and check outputs from the upstream model itself, not from
// the generated code under test.
type model struct {
	Shapes map[string]mshape `json:"shapes"`
}

type mshape struct {
	Type       string             `json:"type"`
	Input      *mref              `json:"input"`
	Output     *mref              `json:"output"`
	Operations []mref             `json:"operations"`
	Members    map[string]mmember `json:"members"`
	Member     *mmember           `json:"member"`
	Key        *mmember           `json:"key"`
	Value      *mmember           `json:"value"`
	Traits     map[string]json.RawMessage
}

type mref struct {
	Target string `json:"target"`
}

type mmember struct {
	Target string                     `json:"target"`
	Traits map[string]json.RawMessage `json:"traits"`
}

// loadModel reads the model release the clients are generated from: the
// one models/pins.json pins for the service name.
func loadModel(t *testing.T, name string) *model {
	t.Helper()
	pb, err := os.ReadFile("../models/pins.json")
	if err != nil {
		t.Fatal(err)
	}
	var pins struct{ Pins []struct{ Name, File string } }
	if err := json.Unmarshal(pb, &pins); err != nil {
		t.Fatalf("models/pins.json: %v", err)
	}
	file := ""
	for _, p := range pins.Pins {
		if p.Name == name {
			file = p.File
		}
	}
	if file == "" {
		t.Fatalf("models/pins.json pins no %s model", name)
	}
	b, err := os.ReadFile(shared.Path(t, "models", "releases", name, file))
	if err != nil {
		t.Fatal(err)
	}
	var m model
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return &m
}

func (m *model) operation(name string) (mshape, bool) {
	for id, s := range m.Shapes {
		if s.Type == "operation" && strings.HasSuffix(id, "#"+name) {
			return s, true
		}
	}
	return mshape{}, false
}

// value builds a valid value of a shape: required members only, enum
// values from the model, strings padded to their minimum length, numbers
// at their minimum.
func (m *model) value(id string, depth int) any {
	if strings.HasPrefix(id, "smithy.api#") {
		switch strings.TrimPrefix(id, "smithy.api#") {
		case "String":
			return "emu1"
		case "Boolean", "PrimitiveBoolean":
			return false
		case "Timestamp":
			return 1700000000
		case "Blob":
			return "AA=="
		}
		return 1
	}
	s := m.Shapes[id]
	tr := func(name string, v any) bool {
		raw, ok := s.Traits["smithy.api#"+name]
		return ok && json.Unmarshal(raw, v) == nil
	}
	switch s.Type {
	case "structure", "union":
		out := map[string]any{}
		names := sortedKeys(s.Members)
		for _, n := range names {
			mem := s.Members[n]
			if _, req := mem.Traits["smithy.api#required"]; req || (s.Type == "union" && len(out) == 0) {
				out[n] = m.value(mem.Target, depth+1)
				if strings.HasSuffix(n, "RoleArn") {
					// The generic ARN patterns admit names the emulator's
					// role checks do not; a role ARN fits both.
					out[n] = "arn:aws:iam::111111111111:role/emu1"
				}
			}
		}
		return out
	case "list":
		return []any{m.value(s.Member.Target, depth+1)}
	case "map":
		return map[string]any{"emu1": m.value(s.Value.Target, depth+1)}
	case "enum":
		for _, n := range sortedKeys(s.Members) {
			var v string
			if json.Unmarshal(s.Members[n].Traits["smithy.api#enumValue"], &v) == nil {
				return v
			}
		}
	case "string":
		var enum []struct{ Value string }
		if tr("enum", &enum) && len(enum) > 0 {
			return enum[0].Value
		}
		var l struct{ Min int }
		tr("length", &l)
		var pattern string
		tr("pattern", &pattern)
		return stringFor(pattern, l.Min)
	case "boolean":
		return false
	case "timestamp":
		return 1700000000
	case "blob":
		return "AA=="
	case "integer", "long", "short", "byte", "float", "double", "intEnum":
		var r struct{ Min *float64 }
		if tr("range", &r) && r.Min != nil && *r.Min > 1 {
			return *r.Min
		}
		return 1
	}
	return nil
}

// stringFor returns a string that fits a pattern and a minimum length:
// the first candidate that fits, else one built from the pattern itself.
func stringFor(pattern string, min int) string {
	// RE2 caps repeat counts at 1000; the models' ARN patterns allow 1023.
	pattern = strings.ReplaceAll(pattern, "{0,1023}", "{0,1000}")
	re, _ := regexp.Compile(pattern) // a pattern Go cannot compile leaves the first candidate
	for _, v := range patternCandidates {
		if min > len(v) {
			v += strings.Repeat("a", min-len(v))
		}
		if re == nil || re.MatchString(v) {
			return v
		}
	}
	if re != nil {
		if t, err := syntax.Parse(pattern, syntax.Perl); err == nil {
			var b strings.Builder
			minimalMatch(&b, t.Simplify(), min)
			if v := b.String(); re.MatchString(v) {
				return v
			}
		}
	}
	return patternCandidates[0]
}

// minimalMatch writes a short string the regexp matches, repeating each
// repeatable part enough to reach min characters where it can.
func minimalMatch(b *strings.Builder, re *syntax.Regexp, min int) {
	switch re.Op {
	case syntax.OpLiteral:
		b.WriteString(string(re.Rune))
	case syntax.OpCharClass:
		r := re.Rune[0]
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i] <= 'a' && 'a' <= re.Rune[i+1] {
				r = 'a'
				break
			}
			if re.Rune[i] <= '0' && '0' <= re.Rune[i+1] {
				r = '0'
			}
		}
		b.WriteRune(r)
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteByte('a')
	case syntax.OpCapture:
		minimalMatch(b, re.Sub[0], min)
	case syntax.OpConcat:
		for _, s := range re.Sub {
			minimalMatch(b, s, min)
		}
	case syntax.OpAlternate:
		minimalMatch(b, re.Sub[0], min)
	case syntax.OpPlus, syntax.OpStar, syntax.OpRepeat:
		n := re.Min
		if re.Op == syntax.OpPlus {
			n = 1
		}
		for i := 0; i < n || (b.Len() < min && (re.Max == -1 || i < re.Max)); i++ {
			minimalMatch(b, re.Sub[0], min)
		}
	}
}

// patternCandidates are tried in order against a string shape's pattern;
// between them they fit the names, ids and account numbers of both models.
var patternCandidates = []string{"emu1", "111111111111", "wsi-0123456789", "ws-01234567", "d-1234567890",
	"wsb-0123456789", "wspool-0123456789", "wsipg-0123456789", "wsca-0123456789", "ami-0123456789abcdef0", "arn:aws:iam::111111111111:role/emu1",
	"arn:aws:imagebuilder:us-east-1:111111111111:infrastructure-configuration/emu1", "arn:aws:appstream:us-east-1:111111111111:fleet/emu1"}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// checkOutput walks a response body against the output shape: every list
// and map member of the output (which AWS always sends) is present, and
// every member present has the JSON type of its shape; timestamps are
// epoch seconds, as awsJson sends them.
func (m *model) checkOutput(path, id string, v any) []string {
	s, ok := m.Shapes[id]
	if !ok {
		return nil // a prelude shape: checked by the caller's type switch below
	}
	var errs []string
	bad := func(want string) []string { return []string{fmt.Sprintf("%s: %s is %T, want %s", path, id, v, want)} }
	switch s.Type {
	case "structure", "union":
		obj, ok := v.(map[string]any)
		if !ok {
			return bad("object")
		}
		for _, n := range sortedKeys(s.Members) {
			mem := s.Members[n]
			name := n
			var jn string
			if raw, ok := mem.Traits["smithy.api#jsonName"]; ok && json.Unmarshal(raw, &jn) == nil {
				name = jn
			}
			mv, present := obj[name]
			if !present {
				if t := m.Shapes[mem.Target].Type; path == "" && (t == "list" || t == "map") {
					errs = append(errs, fmt.Sprintf("%s.%s: list/map member missing", path, name))
				}
				if _, req := mem.Traits["smithy.api#required"]; req {
					errs = append(errs, fmt.Sprintf("%s.%s: required member missing", path, name))
				}
				continue
			}
			errs = append(errs, m.checkOutput(path+"."+name, mem.Target, mv)...)
		}
		for k := range obj {
			if _, ok := s.Members[k]; !ok && !hasJSONName(s, k) {
				errs = append(errs, fmt.Sprintf("%s.%s: not a member of %s", path, k, id))
			}
		}
	case "list":
		arr, ok := v.([]any)
		if !ok {
			return bad("array")
		}
		for i, e := range arr {
			errs = append(errs, m.checkOutput(fmt.Sprintf("%s[%d]", path, i), s.Member.Target, e)...)
		}
	case "map":
		obj, ok := v.(map[string]any)
		if !ok {
			return bad("object")
		}
		for k, e := range obj {
			errs = append(errs, m.checkOutput(path+"."+k, s.Value.Target, e)...)
		}
	case "string", "enum", "blob":
		if _, ok := v.(string); !ok {
			return bad("string")
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			return bad("boolean")
		}
	case "timestamp", "integer", "long", "short", "byte", "float", "double", "intEnum":
		if _, ok := v.(float64); !ok {
			return bad("number (timestamps are epoch seconds)")
		}
	}
	return errs
}

func hasJSONName(s mshape, k string) bool {
	for _, mem := range s.Members {
		var jn string
		if raw, ok := mem.Traits["smithy.api#jsonName"]; ok && json.Unmarshal(raw, &jn) == nil && jn == k {
			return true
		}
	}
	return false
}

// TestEveryOperationAnswers calls every operation of both services with a
// valid input built from the model and requires an answer that is not
// "unknown operation" (nor a codec or server failure); every successful
// answer is checked against the operation's output shape.
func TestEveryOperationAnswers(t *testing.T) {
	emu := emulator.NewServer(t, emulator.WithStateDelay(0))
	for _, svc := range []struct {
		file, signing, prefix string
		ops                   []string
	}{
		{"appstream", "appstream", asserver.ServiceTarget, asserver.Operations},
		{"workspaces", "workspaces", wsserver.ServiceTarget, wsserver.Operations},
	} {
		m := loadModel(t, svc.file)
		n := 0
		for _, s := range m.Shapes {
			if s.Type == "service" {
				n = len(s.Operations)
			}
		}
		if n != len(svc.ops) {
			t.Errorf("%s: model has %d operations, server package %d", svc.file, n, len(svc.ops))
		}
		for _, name := range svc.ops {
			op, ok := m.operation(name)
			if !ok {
				t.Errorf("%s: %s not in model", svc.file, name)
				continue
			}
			in := map[string]any{}
			if op.Input != nil {
				in = m.value(op.Input.Target, 0).(map[string]any)
			}
			body, _ := json.Marshal(in)
			r := rawCall(t, emu, emulator.DefaultAccount, svc.signing, svc.prefix+"."+name, string(body), nil)
			code, _ := r.body["__type"].(string)
			msg, _ := r.body["message"].(string)
			if code == "ValidationException" && strings.Contains(msg, "Value null at") {
				// A handler that needs a member the model leaves optional
				// (GetExportImageTask's TaskId) answers, just not with success.
				t.Logf("%s: %s", name, msg)
				continue
			}
			switch code {
			case "UnknownOperationException", "SerializationException", "InternalFailure", "ValidationException":
				t.Errorf("%s %s: %d %s %v", name, body, r.status, code, r.body["message"])
				continue
			}
			if r.header.Get("X-Amzn-Requestid") == "" {
				t.Errorf("%s: no x-amzn-RequestId", name)
			}
			if r.status != 200 {
				if code == "" || r.header.Get("X-Amzn-Errortype") != code {
					t.Errorf("%s: x-amzn-errortype %q, __type %q", name, r.header.Get("X-Amzn-Errortype"), code)
				}
				continue
			}
			if op.Output != nil {
				for _, e := range m.checkOutput("", op.Output.Target, r.body) {
					t.Errorf("%s output%s", name, e)
				}
			}
		}
	}
}

// TestEmptyListsArePresent: clients written against AWS read list members
// directly, so an empty listing is {"ImageBuilders":[]}, not {}.
func TestEmptyListsArePresent(t *testing.T) {
	emu := emulator.NewServer(t)
	r := rawCall(t, emu, emulator.DefaultAccount, "appstream", "PhotonAdminProxyService.DescribeImageBuilders", `{}`, nil)
	if l, ok := r.body["ImageBuilders"].([]any); r.status != 200 || !ok || len(l) != 0 {
		t.Fatalf("DescribeImageBuilders: %d %v", r.status, r.body)
	}
	r = rawCall(t, emu, emulator.DefaultAccount, "workspaces", "WorkspacesService.DescribeWorkspaceImages", `{"ImageType":"SHARED"}`, nil)
	if l, ok := r.body["Images"].([]any); r.status != 200 || !ok || len(l) != 0 {
		t.Fatalf("DescribeWorkspaceImages: %d %v", r.status, r.body)
	}
}

// TestFallbackValidatesRequiredMembers: an operation answered by the
// model-driven fallback still rejects input the model forbids.
func TestFallbackValidatesRequiredMembers(t *testing.T) {
	emu := emulator.NewServer(t)
	r := rawCall(t, emu, emulator.DefaultAccount, "appstream", "PhotonAdminProxyService.CreateEntitlement", `{"Name":"e1"}`, nil)
	wantRawError(t, r, 400, "ValidationException")
	if msg, _ := r.body["message"].(string); !strings.Contains(msg, "'stackName'") {
		t.Errorf("message %q does not name stackName", msg)
	}
}
