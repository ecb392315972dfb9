package smithy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestMalformedJSONNamesFileAndOffset(t *testing.T) {
	p := writeFile(t, "bad.json", "{\n  \"smithy\": \"2.0\",\n  \"shapes\": {,}\n}")
	_, err := LoadFiles([]string{p}, nil)
	if err == nil || !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), "byte offset 35") || !strings.Contains(err.Error(), "line 3") {
		t.Fatalf("err = %v", err)
	}
}

func TestNotAModel(t *testing.T) {
	p := writeFile(t, "x.json", `{"hello": 1}`)
	if _, err := LoadFiles([]string{p}, nil); err == nil || !strings.Contains(err.Error(), "not a Smithy JSON AST model") {
		t.Fatalf("err = %v", err)
	}
}

const base = `{"smithy":"2.0","shapes":{
 "ex#S":{"type":"service","operations":[{"target":"ex#Op"}]},
 "ex#Op":{"type":"operation","input":{"target":"ex#In"}},
 "ex#Mix":{"type":"structure","members":{"Tag":{"target":"smithy.api#String","traits":{"smithy.api#documentation":"from mixin"}}},"traits":{"smithy.api#mixin":{}}},
 "ex#In":{"type":"structure","mixins":[{"target":"ex#Mix"}],"members":{"B":{"target":"smithy.api#String"},"A":{"target":"smithy.api#PrimitiveInteger"}}}
}}`

func TestMembersKeepOrderAndMixinsComeFirst(t *testing.T) {
	m, err := LoadFiles([]string{writeFile(t, "m.json", base)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, mem := range m.Shape("ex#In").Members {
		names = append(names, mem.Name)
	}
	if strings.Join(names, ",") != "Tag,B,A" {
		t.Fatalf("members %v", names)
	}
	if got := m.Shape("ex#In").MemberNamed("Tag").Container; got != "ex#In" {
		t.Fatalf("mixin member container %s", got)
	}
	if !m.Shape("smithy.api#PrimitiveInteger").Traits.Has("smithy.api#default") {
		t.Fatal("prelude primitive lacks its default")
	}
	if ops := m.ServiceOperations(m.Shape("ex#S")); len(ops) != 1 || ops[0].ID != "ex#Op" {
		t.Fatalf("ops %v", ops)
	}
}

func TestOverlayAppliesTraitsAndRejectsMissingTargets(t *testing.T) {
	model := writeFile(t, "m.json", base)
	good := writeFile(t, "o.json", `{"smithy":"2.0","shapes":{"ex#Op":{"type":"apply","traits":{"smithy.api#paginated":{"inputToken":"B","outputToken":"B"}}},
	 "ex#In$B":{"type":"apply","traits":{"smithy.api#documentation":"added"}}}}`)
	m, err := LoadFiles([]string{model}, []string{good})
	if err != nil {
		t.Fatal(err)
	}
	if !m.Shape("ex#Op").Traits.Has("smithy.api#paginated") || m.Shape("ex#In").MemberNamed("B").Traits.String("smithy.api#documentation") != "added" {
		t.Fatal("overlay traits not applied")
	}
	for name, body := range map[string]string{
		"missing shape":  `{"smithy":"2.0","shapes":{"ex#Nope":{"type":"apply","traits":{"smithy.api#documentation":"x"}}}}`,
		"missing member": `{"smithy":"2.0","shapes":{"ex#In$Nope":{"type":"apply","traits":{"smithy.api#documentation":"x"}}}}`,
	} {
		bad := writeFile(t, "bad.json", body)
		_, err := LoadFiles([]string{model}, []string{bad})
		if err == nil || !strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), "Nope") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
	conflict := writeFile(t, "c.json", `{"smithy":"2.0","shapes":{"ex#In$Tag":{"type":"apply","traits":{"smithy.api#documentation":"other"}}}}`)
	if _, err := LoadFiles([]string{model}, []string{conflict}); err == nil || !strings.Contains(err.Error(), "conflicts") {
		t.Errorf("conflicting trait: err = %v", err)
	}
}

func TestMissingReferenceIsAnError(t *testing.T) {
	p := writeFile(t, "m.json", `{"smithy":"2.0","shapes":{"ex#A":{"type":"structure","members":{"x":{"target":"ex#Gone"}}}}}`)
	_, err := LoadFiles([]string{p}, nil)
	if err == nil || !strings.Contains(err.Error(), "ex#A") || !strings.Contains(err.Error(), "ex#Gone") {
		t.Fatalf("err = %v", err)
	}
}
