package resolve

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/eucsdk/eucsdk/codegen/ir"
	"github.com/eucsdk/eucsdk/codegen/smithy"
)

// bounds converts a length or range trait (the member's wins over the
// target's) for the server checks; nil when neither has one.
func bounds(member, target *smithy.Bounds) *ir.Bounds {
	b := member
	if b == nil {
		b = target
	}
	if b == nil || (b.Min == nil && b.Max == nil) {
		return nil
	}
	out := &ir.Bounds{}
	for _, c := range []struct {
		n  *string
		to **float64
	}{{numText(b.Min), &out.Min}, {numText(b.Max), &out.Max}} {
		if c.n == nil {
			continue
		}
		f, err := strconv.ParseFloat(*c.n, 64)
		if err != nil {
			continue
		}
		*c.to = &f
	}
	return out
}

func numText(n *json.Number) *string {
	if n == nil {
		return nil
	}
	s := n.String()
	return &s
}

// maxRepeat is the largest repeat count Go's regexp accepts.
const maxRepeat = 1000

var bigRepeat = regexp.MustCompile(`\{(\d+),(\d+)\}`)

// goPattern translates a Smithy pattern (ECMA 262 syntax, not anchored) to
// Go's RE2 syntax where the two differ only in spelling, and reports what
// RE2 cannot express at all (lookaround, backreferences) as an error that
// names the pattern.
func goPattern(p string) (string, error) {
	out := p
	// \uXXXX is \x{XXXX} in RE2.
	if strings.Contains(out, `\u`) {
		out = regexp.MustCompile(`\\u([0-9A-Fa-f]{4})`).ReplaceAllString(out, `\x{$1}`)
	}
	// X{m,n} with n above RE2's limit is X{m,1000}X{0,n-1000}: the same
	// language, when X is one character class (the only form the models use).
	out = splitRepeats(out)
	if _, err := regexp.Compile(out); err != nil {
		return "", fmt.Errorf("pattern %q: Go's regexp cannot express it: %v", p, err)
	}
	return out, nil
}

// splitRepeats rewrites [class]{m,n} with n > maxRepeat as two repeats of
// the class whose counts add up to the same range.
func splitRepeats(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); {
		loc := bigRepeat.FindStringSubmatchIndex(p[i:])
		if loc == nil {
			b.WriteString(p[i:])
			break
		}
		start, end := i+loc[0], i+loc[1]
		lo, _ := strconv.Atoi(p[i+loc[2] : i+loc[3]])
		hi, _ := strconv.Atoi(p[i+loc[4] : i+loc[5]])
		cls := classBefore(p[:start])
		if hi <= maxRepeat || cls == "" || lo > maxRepeat {
			b.WriteString(p[i:end])
			i = end
			continue
		}
		b.WriteString(p[i:start])
		fmt.Fprintf(&b, "{%d,%d}%s{0,%d}", lo, maxRepeat, cls, hi-maxRepeat)
		i = end
	}
	return b.String()
}

// classBefore returns the bracket expression p ends with, or "".
func classBefore(p string) string {
	if !strings.HasSuffix(p, "]") {
		return ""
	}
	for j := len(p) - 2; j >= 0; j-- {
		if p[j] == '[' && (j == 0 || p[j-1] != '\\') {
			return p[j:]
		}
	}
	return ""
}

// memberPattern resolves the pattern a server enforces on a member; a
// pattern Go cannot express is recorded on the member so the service can
// list it as unsupported, and the member goes unchecked rather than
// crashing the generator or the server.
func memberPattern(mem *ir.Member, id smithy.ShapeID, member, target *smithy.TypedTraits) {
	p := member.Pattern
	if p == nil {
		p = target.Pattern
	}
	if p == nil {
		return
	}
	goP, err := goPattern(*p)
	if err != nil {
		mem.PatternProblem = string(id) + ": " + err.Error()
		return
	}
	mem.Pattern, mem.GoPattern = *p, goP
}

// unsupportedPatterns lists the input members whose pattern a server
// cannot check, for the services that get a server package.
func (r *resolver) unsupportedPatterns() {
	p := r.svc.Protocol
	if p.HTTPBindings || p.Query || p.Name == "rpcv2Cbor" {
		return
	}
	seen := map[string]bool{}
	for _, s := range ir.Closure(r.svc.Inputs()) {
		ms := append([]*ir.Member{}, s.Members...)
		for _, m := range []*ir.Member{s.Elem, s.Key, s.Value} {
			if m != nil {
				ms = append(ms, m)
			}
		}
		for _, m := range ms {
			if m.PatternProblem == "" || seen[m.PatternProblem] {
				continue
			}
			seen[m.PatternProblem] = true
			id, reason, _ := strings.Cut(m.PatternProblem, ": ")
			r.svc.Unsupported = append(r.svc.Unsupported, ir.Unsupported{Operation: "-", ShapeID: id,
				Reason: reason + "; the server does not check this pattern"})
		}
	}
}
