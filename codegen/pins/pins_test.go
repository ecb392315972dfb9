package pins

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPinsRoundTripAndCheck(t *testing.T) {
	p := &Pins{}
	p.Set(Pin{Name: "zeta", File: "z.json", Service: "z#Z", Version: "1", SHA256: SHA256([]byte("z"))})
	p.Set(Pin{Name: "alpha", File: "a.json", Service: "a#A", Version: "1", SHA256: SHA256([]byte("a"))})
	p.Set(Pin{Name: "zeta", File: "z2.json", Service: "z#Z", Version: "2", SHA256: SHA256([]byte("z2"))})
	path := filepath.Join(t.TempDir(), "pins.json")
	if err := p.Write(path); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if i, j := strings.Index(string(b), `"alpha"`), strings.Index(string(b), `"zeta"`); i < 0 || j < i || strings.Count(string(b), `"name"`) != 2 {
		t.Errorf("pins not sorted and deduplicated:\n%s", b)
	}
	q, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	z := q.Get("zeta")
	if z == nil || z.Version != "2" {
		t.Fatalf("zeta %+v", z)
	}
	if err := z.Check("z2.json", []byte("z2")); err != nil {
		t.Errorf("matching model refused: %v", err)
	}
	err = z.Check("models/z2.json", []byte("z3"))
	if err == nil || !strings.Contains(err.Error(), "model models/z2.json changed") || !strings.Contains(err.Error(), "eucsdk-refresh -service zeta") {
		t.Errorf("mismatch error %v", err)
	}
	if _, err := Read(filepath.Join(t.TempDir(), "none.json")); err == nil || !strings.Contains(err.Error(), "no pins file") {
		t.Errorf("missing file: %v", err)
	}
	os.WriteFile(path, []byte(`{"pins": [{"name": "a", "sha256": "x"}, {"name": "a", "sha256": "y"}]}`), 0o644)
	if _, err := Read(path); err == nil || !strings.Contains(err.Error(), "two pins named a") {
		t.Errorf("duplicate pins: %v", err)
	}
}
