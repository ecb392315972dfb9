// Package restbind holds what generated clients of the REST protocols
// (restJson1 today, restXml later) share to bind members to the HTTP
// message: URI labels, the query string, header values and their lists,
// and the text forms of numbers and timestamps in those places. It is
// protocol-neutral: the body codec is the protocol's own package.
package restbind

import (
	"crypto/md5"
	"encoding/base64"
	"fmt"
	"math"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Timestamp formats, as smithy.api#timestampFormat names them.
const (
	DateTime     = "date-time"
	HTTPDate     = "http-date"
	EpochSeconds = "epoch-seconds"
)

// FormatTime writes t in format, in UTC with millisecond precision.
func FormatTime(t time.Time, format string) string {
	switch format {
	case HTTPDate:
		return t.UTC().Format("Mon, 02 Jan 2006 15:04:05 GMT")
	case EpochSeconds:
		ms := t.UnixMilli()
		if ms%1000 == 0 {
			return strconv.FormatInt(ms/1000, 10)
		}
		return strconv.FormatFloat(float64(ms)/1000, 'f', -1, 64)
	}
	return t.UTC().Format("2006-01-02T15:04:05.999Z")
}

// ParseTime reads a timestamp written in format.
func ParseTime(s, format string) (time.Time, error) {
	switch format {
	case HTTPDate:
		return time.Parse(time.RFC1123, strings.TrimSpace(s))
	case EpochSeconds:
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil {
			return time.Time{}, err
		}
		return time.UnixMilli(int64(math.Round(f * 1000))).UTC(), nil
	}
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(s))
	return t.UTC(), err
}

// FormatFloat writes a float as the REST protocols spell it outside a
// document: shortest form, and NaN, Infinity, -Infinity by name.
func FormatFloat(f float64, bits int) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	return strconv.FormatFloat(f, 'g', -1, bits)
}

// ParseFloat reads a float written by FormatFloat.
func ParseFloat(s string, bits int) (float64, error) {
	switch s = strings.TrimSpace(s); s {
	case "NaN":
		return math.NaN(), nil
	case "Infinity":
		return math.Inf(1), nil
	case "-Infinity":
		return math.Inf(-1), nil
	}
	return strconv.ParseFloat(s, bits)
}

// Base64 encodes a blob, or a string with a media type, for a header.
func Base64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

// escape percent-encodes everything but RFC 3986's unreserved characters,
// and also '/' when keepSlash is set.
func escape(s string, keepSlash bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' || keepSlash && c == '/' {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// Path builds a request path from a URI template's segments.
type Path struct {
	b   strings.Builder
	err error
}

// Literal appends a literal segment.
func (p *Path) Literal(s string) {
	p.b.WriteByte('/')
	p.b.WriteString(s)
}

// Label appends a label's value, escaped as one segment. An empty value
// is an error naming the member: the URI would change meaning.
func (p *Path) Label(member, v string) {
	if v == "" && p.err == nil {
		p.err = fmt.Errorf("input member %s: an httpLabel must not be empty", member)
	}
	p.b.WriteByte('/')
	p.b.WriteString(escape(v, false))
}

// Greedy appends a greedy label's value: its slashes stay separators.
func (p *Path) Greedy(member, v string) {
	if v == "" && p.err == nil {
		p.err = fmt.Errorf("input member %s: an httpLabel must not be empty", member)
	}
	p.b.WriteByte('/')
	p.b.WriteString(escape(strings.TrimPrefix(v, "/"), true))
}

// String returns the path and the first label error.
func (p *Path) String() (string, error) {
	if p.b.Len() == 0 {
		return "/", p.err
	}
	return p.b.String(), p.err
}

// Query builds a query string: the template's literals first, then bound
// members in the order the generated code adds them.
type Query struct {
	pairs []string
	keys  map[string]bool
}

// NewQuery starts a query with the URI template's literal pairs, as written.
func NewQuery(literals ...string) *Query {
	return &Query{pairs: append([]string(nil), literals...)}
}

// Add appends key=value, both percent-encoded.
func (q *Query) Add(key, value string) {
	if q.keys == nil {
		q.keys = map[string]bool{}
	}
	q.keys[key] = true
	q.pairs = append(q.pairs, escape(key, false)+"="+escape(value, false))
}

// AddMap appends an httpQueryParams map in key order, skipping keys an
// httpQuery member already set: the named member wins.
func (q *Query) AddMap(m map[string][]string) {
	keys := make([]string, 0, len(m))
	for k := range m {
		if !q.keys[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, v := range m[k] {
			q.pairs = append(q.pairs, escape(k, false)+"="+escape(v, false))
		}
	}
}

// Encode returns the query string, without '?'.
func (q *Query) Encode() string { return strings.Join(q.pairs, "&") }

// HeaderList joins list values into one header value, quoting values that
// hold a comma or a double quote.
func HeaderList(vs []string) string {
	out := make([]string, len(vs))
	for i, v := range vs {
		if strings.ContainsAny(v, ",\"") {
			v = strconv.Quote(v)
		}
		out[i] = v
	}
	return strings.Join(out, ", ")
}

// SplitHeaderList splits a list header into its values, unquoting quoted
// ones and trimming HTTP's optional whitespace (space and tab only: a
// value may end in any other Unicode space). http-date lists (whose values hold a comma) split on every second
// comma.
func SplitHeaderList(s string, httpDates bool) []string {
	var out []string
	if httpDates {
		parts := strings.Split(s, ",")
		for i := 0; i+1 < len(parts); i += 2 {
			out = append(out, strings.Trim(parts[i]+","+parts[i+1], " \t"))
		}
		return out
	}
	for len(s) > 0 {
		s = strings.TrimLeft(s, " \t")
		if strings.HasPrefix(s, "\"") {
			end := 1
			for end < len(s) && s[end] != '"' {
				if s[end] == '\\' {
					end++
				}
				end++
			}
			if end < len(s) {
				if v, err := strconv.Unquote(s[:end+1]); err == nil {
					out = append(out, v)
					s = strings.TrimLeft(s[end+1:], " \t")
					s = strings.TrimPrefix(s, ",")
					continue
				}
			}
		}
		v, rest, found := strings.Cut(s, ",")
		out = append(out, strings.Trim(v, " \t"))
		if !found {
			break
		}
		s = rest
	}
	return out
}

// Header returns a header's values joined as one list value, and whether
// it was present.
func Header(h http.Header, name string) (string, bool) {
	vs, ok := h[http.CanonicalHeaderKey(name)]
	if !ok {
		return "", false
	}
	return strings.Join(vs, ", "), true
}

// PrefixHeaders returns the headers starting with prefix (case-insensitive),
// keyed by the rest of their name in lower case, or nil when there is none.
func PrefixHeaders(h http.Header, prefix string) map[string]string {
	var out map[string]string
	lp := strings.ToLower(prefix)
	for name, vs := range h {
		ln := strings.ToLower(name)
		if !strings.HasPrefix(ln, lp) {
			continue
		}
		if out == nil {
			out = map[string]string{}
		}
		out[ln[len(lp):]] = strings.Join(vs, ", ")
	}
	return out
}

// Reader parses bound response values, keeping the first error, which
// names the header at fault.
type Reader struct{ err error }

// Err returns the first parse error.
func (r *Reader) Err() error { return r.err }

func (r *Reader) fail(where string, err error) {
	if r.err == nil {
		r.err = fmt.Errorf("%s: %w", where, err)
	}
}

// Int parses an integer of bits bits.
func (r *Reader) Int(where, s string, bits int) int64 {
	v, err := strconv.ParseInt(strings.TrimSpace(s), 10, bits)
	if err != nil {
		r.fail(where, err)
	}
	return v
}

// Float parses a float of bits bits.
func (r *Reader) Float(where, s string, bits int) float64 {
	v, err := ParseFloat(s, bits)
	if err != nil {
		r.fail(where, err)
	}
	return v
}

// Bool parses true or false.
func (r *Reader) Bool(where, s string) bool {
	v, err := strconv.ParseBool(strings.TrimSpace(s))
	if err != nil {
		r.fail(where, err)
	}
	return v
}

// Time parses a timestamp in format.
func (r *Reader) Time(where, s, format string) time.Time {
	v, err := ParseTime(s, format)
	if err != nil {
		r.fail(where, err)
	}
	return v
}

// Blob decodes a base64 header value.
func (r *Reader) Blob(where, s string) []byte {
	v, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
	if err != nil {
		r.fail(where, err)
	}
	return v
}

// MediaString decodes a base64 string with a media type.
func (r *Reader) MediaString(where, s string) string { return string(r.Blob(where, s)) }

// ContentMD5 is the Content-MD5 value of a body, for operations with
// smithy.api#httpChecksumRequired.
func ContentMD5(body []byte) string {
	sum := md5.Sum(body)
	return base64.StdEncoding.EncodeToString(sum[:])
}

// HostLabel returns the value of a hostLabel member for an endpoint host
// prefix, or an error naming the member when it is missing or is not one
// RFC 1123 label (letters, digits and hyphens, 1 to 63 characters, not
// starting with a hyphen): anything else would change which host the
// request goes to.
func HostLabel(member string, v *string) (string, error) {
	if v == nil || *v == "" {
		return "", fmt.Errorf("input member %s: a hostLabel must not be empty", member)
	}
	s := *v
	ok := len(s) <= 63 && s[0] != '-'
	for i := 0; ok && i < len(s); i++ {
		c := s[i]
		ok = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-'
	}
	if !ok {
		return "", fmt.Errorf("input member %s: %q is not a valid host label", member, s)
	}
	return s, nil
}
