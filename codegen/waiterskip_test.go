package codegen

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWaiterSkipped: a waiter whose path the JMESPath compiler rejects is
// left out and reported, naming operation and waiter; the service and its
// other waiters are still generated.
func TestWaiterSkipped(t *testing.T) {
	data, err := os.ReadFile("testdata/models/waiters.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	op := m["shapes"].(map[string]any)["example.waiters#GetThing"].(map[string]any)
	w := op["traits"].(map[string]any)["smithy.waiters#waitable"].(map[string]any)["AllReady"].(map[string]any)
	acc := w["acceptors"].([]any)[0].(map[string]any)
	acc["matcher"] = map[string]any{"output": map[string]any{"path": "Nope", "expected": "x", "comparator": "stringEquals"}}
	bad, _ := json.Marshal(m)
	model := filepath.Join(t.TempDir(), "waiters.json")
	if err := os.WriteFile(model, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	svc, files, _, err := Generate(Config{Models: []string{model}, Package: "waiters", ImportPath: "example.com/waiters"})
	if err != nil {
		t.Fatalf("one bad waiter failed the service: %v", err)
	}
	if len(svc.Unsupported) != 1 || svc.Unsupported[0].Operation != "GetThing" || !strings.Contains(svc.Unsupported[0].Reason, "waiter AllReady not generated") {
		t.Fatalf("unsupported: %+v", svc.Unsupported)
	}
	src := string(files["api_op_GetThing.go"])
	if strings.Contains(src, "AllReadyWaiter") {
		t.Error("the rejected waiter was generated")
	}
	if !strings.Contains(string(files["UNSUPPORTED.md"]), "AllReady") {
		t.Error("UNSUPPORTED.md does not list the waiter")
	}
}
