package emulator

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/aws/smithy-go"
)

// violations collects constraint failures in the form AWS's front end
// reports them ("Value null at 'name' failed to satisfy constraint: Member
// must not be null"), because callers match on those messages.
type violations []string

func (v *violations) add(format string, args ...any) { *v = append(*v, fmt.Sprintf(format, args...)) }

// fromModel reports the required members the generated validator found
// missing, so the emulator requires exactly what the model requires.
func (v *violations) fromModel(err error) {
	var invalid smithy.InvalidParamsError
	if !errors.As(err, &invalid) {
		return
	}
	for _, e := range invalid.Errs() {
		pe, ok := e.(smithy.InvalidParamError)
		if !ok {
			continue
		}
		// Field is "<Input type>.<path>"; AWS names the path in camel case.
		_, path, _ := strings.Cut(pe.Field(), ".")
		parts := strings.Split(path, ".")
		for i := range parts {
			parts[i] = lowerFirst(parts[i])
		}
		v.add("Value null at '%s' failed to satisfy constraint: Member must not be null", strings.Join(parts, "."))
	}
}

func (v *violations) pattern(member string, s *string, re *regexp.Regexp) {
	if s != nil && !re.MatchString(*s) {
		v.add("Value '%s' at '%s' failed to satisfy constraint: Member must satisfy regular expression pattern: %s", *s, lowerFirst(member), re.String())
	}
}

func (v *violations) length(member string, s *string, min, max int) {
	if s == nil {
		return
	}
	if n := len([]rune(*s)); n < min || (max > 0 && n > max) {
		if max > 0 {
			v.add("Value '%s' at '%s' failed to satisfy constraint: Member must have length between %d and %d", *s, lowerFirst(member), min, max)
		} else {
			v.add("Value '%s' at '%s' failed to satisfy constraint: Member must have length greater than or equal to %d", *s, lowerFirst(member), min)
		}
	}
}

func (v *violations) count(member string, n, min, max int) {
	if n < min || n > max {
		v.add("Value at '%s' failed to satisfy constraint: Member must have length between %d and %d", lowerFirst(member), min, max)
	}
}

func (v *violations) between(member string, n *int32, min, max int32) {
	if n != nil && (*n < min || *n > max) {
		v.add("Value '%d' at '%s' failed to satisfy constraint: Member must have value between %d and %d", *n, lowerFirst(member), min, max)
	}
}

// message is the text of the ValidationException, or "" when all is well.
func (v violations) message() string {
	switch len(v) {
	case 0:
		return ""
	case 1:
		return "1 validation error detected: " + v[0]
	}
	return fmt.Sprintf("%d validation errors detected: %s", len(v), strings.Join(v, "; "))
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// pageToken is what a NextToken carries: where the previous page ended and
// which listing it belongs to. It is signed so a client cannot forge one or
// replay it against another listing or account, which is how AWS tokens
// behave from a client's point of view.
type pageToken struct {
	Scope string `json:"s"`
	After string `json:"a"`
}

func (e *Emulator) encodeToken(scope, after string) string {
	b, _ := json.Marshal(pageToken{Scope: scope, After: after})
	m := hmac.New(sha256.New, e.tokenKey)
	m.Write(b)
	return base64.RawURLEncoding.EncodeToString(append(m.Sum(nil)[:12], b...))
}

func (e *Emulator) decodeToken(tok, scope string) (string, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(tok)
	if err != nil || len(raw) < 12 {
		return "", false
	}
	m := hmac.New(sha256.New, e.tokenKey)
	m.Write(raw[12:])
	if !hmac.Equal(m.Sum(nil)[:12], raw[:12]) {
		return "", false
	}
	var p pageToken
	if json.Unmarshal(raw[12:], &p) != nil || p.Scope != scope {
		return "", false
	}
	return p.After, true
}

// errBadToken is returned by paginate; each service turns it into its own
// modeled error.
var errBadToken = fmt.Errorf("invalid NextToken")

// paginate returns the page of items after the token's position, sorted by
// key. Positions are keys rather than offsets so that items created or
// deleted between pages neither repeat nor vanish from the listing.
func paginate[T any](e *Emulator, items []T, key func(T) string, token *string, limit int, scope string) ([]T, *string, error) {
	sort.Slice(items, func(i, j int) bool { return key(items[i]) < key(items[j]) })
	start := 0
	if token != nil {
		after, ok := e.decodeToken(*token, scope)
		if !ok {
			return nil, nil, errBadToken
		}
		start = sort.Search(len(items), func(i int) bool { return key(items[i]) > after })
	}
	items = items[start:]
	if limit <= 0 || len(items) <= limit {
		return items, nil, nil
	}
	page := items[:limit]
	next := e.encodeToken(scope, key(page[limit-1]))
	return page, &next, nil
}

// scope names a listing for its page tokens: operation, caller and filters.
func scope(c *call, filters ...any) string {
	b, _ := json.Marshal(filters)
	sum := sha256.Sum256(b)
	return c.op + "/" + c.acct.ID + "/" + base64.RawURLEncoding.EncodeToString(sum[:9])
}

func deref[T any](p *T) T {
	var z T
	if p == nil {
		return z
	}
	return *p
}

func ptr[T any](v T) *T { return &v }
