package jmespath

import (
	"errors"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct{ expr, want string }{
		{"Status", "Status"},
		{"Table.TableStatus", "(subexpression Table TableStatus)"},
		{"Fleets[].State", "(projection (flatten Fleets) State)"},
		{"a[*].b", "(projection a b)"},
		{"a[0].b", "(subexpression (index a 0) b)"},
		{"a[-1]", "(index a -1)"},
		{"a[].b[].c", "(projection (flatten (projection (flatten a) b)) c)"},
		{"a[?b == 'x'].c", "(filter projection a c (comparator == b `\"x\"`))"},
		{"length(a[?!(length(d) == `1` && r == w)]) == `0`",
			"(comparator == (function length (filter projection a identity (not (and (comparator == (function length d) `1`) (comparator == r w))))) `0`)"},
		{"a || b && c", "(or a (and b c))"},
		{"!a.b", "(subexpression (not a) b)"}, // ! binds tighter than ., as in the reference parser
		{"!(a.b)", "(not (subexpression a b))"},
		{"a | b", "(pipe a b)"},
		{`"quoted id".x`, "(subexpression quoted id x)"},
		{"input.Id == output.Thing.Name", "(comparator == (subexpression input Id) (subexpression (subexpression output Thing) Name))"},
		{"a[1:2]", "(projection (slice a) identity)"},
		{"[a, b]", "(multi-select list a b)"},
		{"a.{x: b}", "(subexpression a (multi-select hash b))"},
		{"@", "@"},
		{"`[1, 2]`", "`[1,2]`"},
	} {
		n, err := Parse(tc.expr)
		if err != nil {
			t.Errorf("%s: %v", tc.expr, err)
			continue
		}
		if got := n.String(); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.expr, got, tc.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, expr := range []string{"", "a.", "a[", "a = b", "a[?b", "'open", "`{bad`", "a..b", "f(", "a ^ b", "(a"} {
		_, err := Parse(expr)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%q: %v, want a *SyntaxError", expr, err)
		}
	}
}
