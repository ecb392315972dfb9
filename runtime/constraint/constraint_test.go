package constraint

import (
	"strings"
	"testing"
)

func TestViolationsWording(t *testing.T) {
	var v Violations
	v.Length(Path("", "Name"), "", 0, Bound(1), Bound(100))
	v.Length(Path("VpcConfig", "SubnetIds"), []string{"a", "b"}, 2, nil, Bound(1))
	v.Range(Path("", "MaxResults"), int32(0), 0, Bound(1), nil)
	v.Pattern(Elem("Names", 0), "Bad Name", "Bad Name", NewRegexp("^[a-z]+$", "^[a-z]+$"))
	v.Enum(Path("", "FleetType"), "SLOW", "SLOW", []string{"ALWAYS_ON", "ON_DEMAND"})
	v.Length(Path("", "Password"), Redacted, 3, Bound(8), nil)
	want := []string{
		"Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1",
		"Value '[a, b]' at 'VpcConfig.subnetIds' failed to satisfy constraint: Member must have length less than or equal to 1",
		"Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
		"Value 'Bad Name' at 'Names.1.member' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z]+$",
		"Value 'SLOW' at 'fleetType' failed to satisfy constraint: Member must satisfy enum value set: [ALWAYS_ON, ON_DEMAND]",
		"Value '*** Sensitive Data Redacted ***' at 'password' failed to satisfy constraint: Member must have length greater than or equal to 8",
	}
	if strings.Join(v, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(v, "\n"), strings.Join(want, "\n"))
	}
	if m := v[:1].Message(); !strings.HasPrefix(m, "1 validation error detected: Value '' at 'name'") {
		t.Errorf("Message: %q", m)
	}
	if m := v.Message(); !strings.HasPrefix(m, "6 validation errors detected: ") || strings.Count(m, "; ") != 5 {
		t.Errorf("Message: %q", m)
	}
	if m := Violations(nil).Message(); m != "" {
		t.Errorf("no violations: %q", m)
	}
}

// A pattern Go cannot compile (the generator refuses them, but a
// hand-built one could slip through) is no constraint, not a panic.
func TestUncompilablePatternIsNoConstraint(t *testing.T) {
	p := NewRegexp("^(?!aws:).*$", "^(?!aws:).*$")
	if p.Err() == nil {
		t.Fatal("Go compiled a lookahead")
	}
	var v Violations
	v.Pattern("k", "aws:x", "aws:x", p)
	if len(v) != 0 {
		t.Fatalf("violations: %v", v)
	}
}

func TestBoundsAreInclusive(t *testing.T) {
	var v Violations
	v.Length("s", "ab", 2, Bound(2), Bound(2))
	v.Range("n", 10, 10, Bound(0), Bound(10))
	v.Range("f", 0.5, 0.5, Bound(0.5), nil)
	if len(v) != 0 {
		t.Fatalf("violations at the bounds: %v", v)
	}
}
