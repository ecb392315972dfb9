// Package regionpattern matches the region patterns of partitions.json.
package regionpattern

import (
	"fmt"
	"strings"
)

// Pattern matches a partition's regionRegex from partitions.json.
// Those patterns use a tiny subset of regular expressions (anchors,
// literals, one group of literal alternatives, \w+ and \d+), so matching
// them here keeps the regexp package, about a tenth of a small client's
// binary, out of every program. Compile refuses anything
// outside the subset, so a new construct in partitions.json fails loudly at
// start-up and in the tests instead of matching wrongly.
type Pattern []patternTerm

// patternTerm is one of: a choice of literals (a plain literal is a choice
// of one), or a character class repeated one or more times.
type patternTerm struct {
	alts  []string
	class byte // 'w' or 'd'; 0 for literals
}

// MustCompile is Compile for patterns the generator already checked.
func MustCompile(expr string) Pattern {
	p, err := Compile(expr)
	if err != nil {
		panic(err)
	}
	return p
}

// Compile parses expr, which must be anchored and use only the subset above.
func Compile(expr string) (Pattern, error) {
	bad := func(i int, why string) (Pattern, error) {
		return nil, fmt.Errorf("region pattern %q at offset %d: %s", expr, i, why)
	}
	if !strings.HasPrefix(expr, "^") || !strings.HasSuffix(expr, "$") || len(expr) < 2 {
		return bad(0, "must be anchored with ^ and $")
	}
	body := expr[1 : len(expr)-1]
	var p Pattern
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			p = append(p, patternTerm{alts: []string{lit.String()}})
			lit.Reset()
		}
	}
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c == '\\':
			if i+1 >= len(body) {
				return bad(i+1, "trailing backslash")
			}
			e := body[i+1]
			if e == 'w' || e == 'd' {
				if i+2 >= len(body) || body[i+2] != '+' {
					return bad(i+2, `\`+string(e)+" must be followed by +")
				}
				flush()
				p = append(p, patternTerm{class: e})
				i += 2
				continue
			}
			if !isLiteral(e) {
				return bad(i+1, fmt.Sprintf("unsupported escape \\%c", e))
			}
			lit.WriteByte(e)
			i++
		case c == '(':
			end := strings.IndexByte(body[i:], ')')
			if end < 0 {
				return bad(i, "unclosed group")
			}
			alts := strings.Split(body[i+1:i+end], "|")
			for _, a := range alts {
				if a == "" {
					return bad(i, "empty alternative")
				}
				for j := 0; j < len(a); j++ {
					if !isLiteral(a[j]) {
						return bad(i+1+j, fmt.Sprintf("unsupported character %q in a group", a[j]))
					}
				}
			}
			flush()
			p = append(p, patternTerm{alts: alts})
			i += end
		case isLiteral(c):
			lit.WriteByte(c)
		default:
			return bad(i+1, fmt.Sprintf("unsupported character %q", c))
		}
	}
	flush()
	return p, nil
}

func isLiteral(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

// inClass follows RE2: \w is [0-9A-Za-z_], \d is [0-9].
func inClass(class, c byte) bool {
	if class == 'd' {
		return c >= '0' && c <= '9'
	}
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_'
}

// MatchString reports whether the whole of s matches. Backtracking is
// bounded by the pattern's few terms and the short region names.
func (p Pattern) MatchString(s string) bool {
	if len(p) == 0 {
		return s == ""
	}
	t := p[0]
	if t.class == 0 {
		for _, a := range t.alts {
			if strings.HasPrefix(s, a) && p[1:].MatchString(s[len(a):]) {
				return true
			}
		}
		return false
	}
	n := 0
	for n < len(s) && inClass(t.class, s[n]) {
		n++
	}
	for ; n >= 1; n-- {
		if p[1:].MatchString(s[n:]) {
			return true
		}
	}
	return false
}
