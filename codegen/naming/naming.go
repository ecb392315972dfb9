// Package naming decides Go identifiers, the same ones aws-sdk-go-v2 uses for
// the same shapes, so code moves between the two by changing imports.
package naming

import (
	"go/token"
	"strings"
	"unicode"
)

// Exported upper-cases the first letter and drops characters Go identifiers
// cannot hold.
func Exported(name string) string {
	name = clean(name)
	if name == "" {
		return "X"
	}
	r := []rune(name)
	if unicode.IsDigit(r[0]) {
		return "X" + name
	}
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// Unexported lower-cases the first letter, avoiding Go keywords.
func Unexported(name string) string {
	name = clean(name)
	if name == "" {
		return "x"
	}
	r := []rune(name)
	r[0] = unicode.ToLower(r[0])
	s := string(r)
	if token.IsKeyword(s) {
		return s + "_"
	}
	return s
}

func clean(name string) string {
	var b strings.Builder
	for _, r := range name {
		if r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// EnumVariant names an enum constant from the Smithy member name: split on
// anything that is not a letter or digit, each part title-cased, joined
// (SIXTY_FOUR_BIT_OS → SixtyFourBitOs), then prefixed with the enum's name.
func EnumVariant(enumName, memberName string) string {
	var b strings.Builder
	b.WriteString(enumName)
	for _, part := range strings.FieldsFunc(memberName, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		r := []rune(strings.ToLower(part))
		r[0] = unicode.ToUpper(r[0])
		b.WriteString(string(r))
	}
	return b.String()
}

// Scope hands out names that are unique within it: the first asker keeps a
// name, later ones get a numeric suffix.
type Scope struct{ used map[string]bool }

// NewScope returns a scope with the given names already taken.
func NewScope(reserved ...string) *Scope {
	s := &Scope{used: map[string]bool{}}
	for _, r := range reserved {
		s.used[r] = true
	}
	return s
}

// Claim returns name, or name with the smallest suffix that is still free.
func (s *Scope) Claim(name string) string {
	if !s.used[name] {
		s.used[name] = true
		return name
	}
	for i := 2; ; i++ {
		n := name + itoa(i)
		if !s.used[n] {
			s.used[n] = true
			return n
		}
	}
}

func itoa(i int) string {
	var buf [20]byte
	p := len(buf)
	for i > 0 {
		p--
		buf[p] = byte('0' + i%10)
		i /= 10
	}
	return string(buf[p:])
}
