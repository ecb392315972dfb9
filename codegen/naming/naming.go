// Package naming decides Go identifiers, the same ones aws-sdk-go-v2 uses for
// the same shapes, so code moves between the two by changing imports.
package naming

import (
	"go/token"
	"strings"
	"unicode"
)

// Exported upper-cases the first letter and drops characters Go identifiers
// cannot hold, and leading underscores, which would leave the name
// unexported (MediaPackage's __AdTriggersElement is AdTriggersElement, as in
// aws-sdk-go-v2).
func Exported(name string) string {
	name = strings.TrimLeft(clean(name), "_")
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

// EnumVariant names an enum constant from the Smithy member name (or a 1.0
// enum's name, else its value) as aws-sdk-go-v2 does: split on anything that
// is not a letter or digit (underscores too), then a part written in one case
// is title-cased (SIXTY_FOUR_BIT_OS → SixtyFourBitOs) while a mixed-case part
// keeps the model's word boundaries and only gains a capital first letter
// (ImageNotFound stays ImageNotFound, KMSKeyNotFound stays KMSKeyNotFound);
// the enum's name goes in front.
func EnumVariant(enumName, memberName string) string {
	var b strings.Builder
	b.WriteString(enumName)
	for _, part := range strings.FieldsFunc(memberName, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if !mixedCase(part) {
			part = strings.ToLower(part)
		}
		r := []rune(part)
		r[0] = unicode.ToUpper(r[0])
		b.WriteString(string(r))
	}
	return b.String()
}

// mixedCase reports whether s has both an ASCII lower-case and an ASCII
// upper-case letter: v2's test, which looks at ASCII letters only.
func mixedCase(s string) bool {
	var lower, upper bool
	for i := 0; i < len(s); i++ {
		c := s[i]
		lower = lower || 'a' <= c && c <= 'z'
		upper = upper || 'A' <= c && c <= 'Z'
	}
	return lower && upper
}

// Scope hands out names that are unique within it: Claim gives a later
// asker a numeric suffix; Take refuses a name already held and names both
// holders.
type Scope struct{ used map[string]string }

// NewScope returns a scope with the given names already taken.
func NewScope(reserved ...string) *Scope {
	s := &Scope{used: map[string]string{}}
	for _, r := range reserved {
		s.used[r] = "a fixed declaration"
	}
	return s
}

// Claim returns name, or name with the smallest suffix that is still free.
func (s *Scope) Claim(name string) string {
	if _, ok := s.used[name]; !ok {
		s.used[name] = "another declaration"
		return name
	}
	for i := 2; ; i++ {
		n := name + itoa(i)
		if _, ok := s.used[n]; !ok {
			s.used[n] = "another declaration"
			return n
		}
	}
}

// Take claims exactly name for owner (a shape id, or what the name is for).
// Names that must match aws-sdk-go-v2's cannot take a suffix, so a name
// already held is a *CollisionError rather than a silent rename.
func (s *Scope) Take(name, owner string) (string, error) {
	if prev, ok := s.used[name]; ok {
		return "", &CollisionError{Name: name, Owner: owner, Holder: prev}
	}
	s.used[name] = owner
	return name, nil
}

// CollisionError is a generated name two things of the model want.
type CollisionError struct {
	Name   string
	Owner  string // the one asking
	Holder string // the one that has it
}

func (e *CollisionError) Error() string {
	return "generated name " + e.Name + " for " + e.Owner + " collides with " + e.Holder
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
