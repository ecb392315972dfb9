package codegen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const pinModel = `{"smithy": "2.0", "shapes": {
  "ex#Svc": {"type": "service", "version": "VERSION", "operations": [{"target": "ex#Ping"}],
    "traits": {"aws.api#service": {"sdkId": "Svc"}, "aws.protocols#awsJson1_0": {}}},
  "ex#Ping": {"type": "operation"}
}}`

// The -pin check: no pin refuses, -refresh records, the pinned model
// regenerates without touching the pins file, a changed model is refused
// naming the file, and a model of another service is refused even when
// refreshing. Nothing of the package is written by a refused run.
func TestPinCheck(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "svc.json")
	pins := filepath.Join(dir, "pins.json")
	out := filepath.Join(dir, "svc")
	writeFile(t, model, strings.Replace(pinModel, "VERSION", "1", 1))
	cfg := Config{Models: []string{model}, Package: "svc", ImportPath: "example.com/svc", OutDir: out, Pin: pins}

	if _, err := Run(cfg); err == nil || !strings.Contains(err.Error(), "no pins file") {
		t.Fatalf("unpinned run: %v", err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatal("a refused run wrote the package")
	}
	refresh := cfg
	refresh.Refresh = true
	if _, err := Run(refresh); err != nil {
		t.Fatal(err)
	}
	recorded := readFile(t, pins)
	if !strings.Contains(recorded, `"service": "ex#Svc"`) || !strings.Contains(recorded, `"version": "1"`) {
		t.Errorf("pins file:\n%s", recorded)
	}
	if _, err := Run(cfg); err != nil {
		t.Fatalf("pinned model refused: %v", err)
	}
	if _, err := Run(refresh); err != nil || readFile(t, pins) != recorded {
		t.Errorf("refreshing an unchanged model rewrote the pins (%v)", err)
	}

	writeFile(t, model, strings.Replace(pinModel, "VERSION", "2", 1))
	before := readFile(t, filepath.Join(out, "api_client.go"))
	_, err := Run(cfg)
	if err == nil || !strings.Contains(err.Error(), "model "+model+" changed") {
		t.Fatalf("changed model: %v", err)
	}
	if readFile(t, filepath.Join(out, "api_client.go")) != before {
		t.Error("a refused run rewrote the package")
	}
	if _, err := Run(refresh); err != nil || !strings.Contains(readFile(t, pins), `"version": "2"`) {
		t.Errorf("refresh did not record the new model (%v)", err)
	}

	writeFile(t, model, strings.ReplaceAll(pinModel, "ex#", "other#"))
	if _, err := Run(refresh); err == nil || !strings.Contains(err.Error(), "defines service other#Svc, but package svc is pinned to ex#Svc") {
		t.Errorf("other service: %v", err)
	}

	// Without -pin nothing is checked: a user's own model is unaffected.
	free := cfg
	free.Pin = ""
	if _, err := Run(free); err != nil {
		t.Errorf("unpinned generation: %v", err)
	}
}

func writeFile(t *testing.T, p, s string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
