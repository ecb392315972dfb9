package regionpattern

import "testing"

func TestRefusesOtherSyntax(t *testing.T) {
	for _, expr := range []string{`us-\w+`, `^us.*$`, `^us\-\w$`, `^(us|)\-\d+$`, `^(us$`, `^[a-z]+$`, `^us\s+$`, `^us\`, `^$x`} {
		if _, err := Compile(expr); err == nil {
			t.Errorf("Compile(%q) accepted syntax it does not implement", expr)
		}
	}
}

func TestMatch(t *testing.T) {
	p := MustCompile(`^(us|eu)\-\w+\-\d+$`)
	for s, want := range map[string]bool{"us-east-1": true, "eu-west-12": true, "us-east-": false, "ap-east-1": false, "us-east-1a": false, "us-ea_st-1": true} {
		if got := p.MatchString(s); got != want {
			t.Errorf("MatchString(%q) = %v, want %v", s, got, want)
		}
	}
}
