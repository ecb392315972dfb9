// Package constraint checks input members against the model's length,
// range, pattern and enum constraints on the server side, for the
// generated server packages: an emulator rejects what AWS's front end
// rejects, with the same wording ("1 validation error detected: Value 'x'
// at 'name' failed to satisfy constraint: ..."), because callers match on
// those messages. Clients never check these: a service that relaxes a
// constraint must not break an old client.
package constraint

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// Redacted is what a violation shows instead of a sensitive member's value.
const Redacted = "*** Sensitive Data Redacted ***"

// Violations collects constraint failures in AWS's wording.
type Violations []string

// Path is the camel-case path AWS names a member by ("computeCapacity.desiredInstances").
func Path(parent, member string) string {
	if member != "" {
		member = strings.ToLower(member[:1]) + member[1:]
	}
	if parent == "" {
		return member
	}
	return parent + "." + member
}

// Elem is the path of the i-th (0-based) element of a list, as AWS names it.
func Elem(parent string, i int) string {
	return parent + "." + strconv.Itoa(i+1) + ".member"
}

func (v *Violations) add(path string, value any, rule string) {
	if value == nil {
		*v = append(*v, fmt.Sprintf("Value at '%s' failed to satisfy constraint: %s", path, rule))
		return
	}
	*v = append(*v, fmt.Sprintf("Value '%s' at '%s' failed to satisfy constraint: %s", show(value), path, rule))
}

// show formats a value as AWS quotes it: lists as [a, b].
func show(value any) string {
	switch x := value.(type) {
	case string:
		return x
	case []string:
		return "[" + strings.Join(x, ", ") + "]"
	}
	return fmt.Sprint(value)
}

// Length checks a length: runes of a string, bytes of a blob, elements of
// a list or entries of a map. A nil bound is unchecked.
func (v *Violations) Length(path string, value any, n int, min, max *float64) {
	if min != nil && float64(n) < *min {
		v.add(path, value, fmt.Sprintf("Member must have length greater than or equal to %s", num(*min)))
	}
	if max != nil && float64(n) > *max {
		v.add(path, value, fmt.Sprintf("Member must have length less than or equal to %s", num(*max)))
	}
}

// Range checks a number's value.
func (v *Violations) Range(path string, value any, x float64, min, max *float64) {
	if min != nil && x < *min {
		v.add(path, value, fmt.Sprintf("Member must have value greater than or equal to %s", num(*min)))
	}
	if max != nil && x > *max {
		v.add(path, value, fmt.Sprintf("Member must have value less than or equal to %s", num(*max)))
	}
}

// Pattern checks a string against a pattern; like Smithy's, the pattern
// is not anchored unless it says so.
func (v *Violations) Pattern(path string, value any, s string, p *Regexp) {
	if re := p.get(); re != nil && !re.MatchString(s) {
		v.add(path, value, "Member must satisfy regular expression pattern: "+p.model)
	}
}

// Enum checks a string against the enum's values.
func (v *Violations) Enum(path string, value any, s string, values []string) {
	for _, x := range values {
		if x == s {
			return
		}
	}
	v.add(path, value, "Member must satisfy enum value set: ["+strings.Join(values, ", ")+"]")
}

// Message is the text of the ValidationException, or "" when all is well.
func (v Violations) Message() string {
	switch len(v) {
	case 0:
		return ""
	case 1:
		return "1 validation error detected: " + v[0]
	}
	return fmt.Sprintf("%d validation errors detected: %s", len(v), strings.Join(v, "; "))
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// Regexp is a pattern compiled on first use, once: a server that never
// sees the member never pays for it.
type Regexp struct {
	model, expr string
	once        sync.Once
	re          *regexp.Regexp
}

// NewRegexp returns a lazily compiled pattern; model is the pattern as the
// model spells it (what violations quote), expr its Go translation.
func NewRegexp(model, expr string) *Regexp { return &Regexp{model: model, expr: expr} }

// get compiles the pattern; one Go cannot compile (the generator already
// refuses those) is treated as no constraint rather than a crash.
func (p *Regexp) get() *regexp.Regexp {
	p.once.Do(func() { p.re, _ = regexp.Compile(p.expr) })
	return p.re
}

// Err reports whether Go compiles the pattern, for tests of generated code.
func (p *Regexp) Err() error {
	_, err := regexp.Compile(p.expr)
	return err
}

// Bound is a bound for Length and Range, for generated code.
func Bound(f float64) *float64 { return &f }
