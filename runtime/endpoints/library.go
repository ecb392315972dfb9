package endpoints

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

type function struct {
	minArgs, maxArgs int // maxArgs < 0: variadic
	fn               func(args []any) (any, error)
}

// library is the rules-language standard library plus the AWS extensions.
// getAttr is compiled specially (its path is parsed once) and is not here.
//
// Unless noted, a function given an unset argument returns unset, which
// makes its condition fail; rule sets guard optional values with isSet, so
// this only matters for malformed input, where failing soft beats a panic.
var library = map[string]function{
	"isSet":         {1, 1, func(a []any) (any, error) { return a[0] != nil, nil }},
	"not":           {1, 1, typed1(asBool, func(b bool) any { return !b })},
	"booleanEquals": {2, 2, typed2(asBool, asBool, func(x, y bool) any { return x == y })},
	"stringEquals":  {2, 2, typed2(asString, asString, func(x, y string) any { return x == y })},
	"uriEncode":     {1, 1, typed1(asString, func(s string) any { return uriEncode(s) })},
	"parseURL":      {1, 1, typed1(asString, func(s string) any { return orUnset(parseURL(s)) })},
	"aws.parseArn":  {1, 1, typed1(asString, func(s string) any { return orUnset(parseARN(s)) })},
	"aws.partition": {1, 1, typed1(asString, partitionFn)},
	"substring":     {4, 4, substringFn},
	"split":         {3, 3, splitFn},
	"coalesce":      {1, -1, coalesceFn},
	"ite":           {3, 3, iteFn},
	"isValidHostLabel": {2, 2, typed2(asString, asBool, func(s string, sub bool) any {
		return isValidHostLabel(s, sub)
	})},
	"aws.isVirtualHostableS3Bucket": {2, 2, typed2(asString, asBool, func(s string, sub bool) any {
		return isVirtualHostableS3Bucket(s, sub)
	})},
}

// orUnset keeps a nil map from becoming a non-nil interface, which would
// read as "set".
func orUnset(m map[string]any) any {
	if m == nil {
		return nil
	}
	return m
}

func asString(v any) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("got %T, want string", v)
	}
	return s, nil
}

func asBool(v any) (bool, error) {
	b, ok := v.(bool)
	if !ok {
		return false, fmt.Errorf("got %T, want bool", v)
	}
	return b, nil
}

func asInt(v any) (int, error) {
	n, ok := v.(int)
	if !ok {
		return 0, fmt.Errorf("got %T, want integer", v)
	}
	return n, nil
}

func typed1[A any](conv func(any) (A, error), f func(A) any) func([]any) (any, error) {
	return func(args []any) (any, error) {
		if args[0] == nil {
			return nil, nil
		}
		a, err := conv(args[0])
		if err != nil {
			return nil, fmt.Errorf("argument 0: %w", err)
		}
		return f(a), nil
	}
}

func typed2[A, B any](ca func(any) (A, error), cb func(any) (B, error), f func(A, B) any) func([]any) (any, error) {
	return func(args []any) (any, error) {
		if args[0] == nil || args[1] == nil {
			return nil, nil
		}
		a, err := ca(args[0])
		if err != nil {
			return nil, fmt.Errorf("argument 0: %w", err)
		}
		b, err := cb(args[1])
		if err != nil {
			return nil, fmt.Errorf("argument 1: %w", err)
		}
		return f(a, b), nil
	}
}

func partitionFn(region string) any {
	p := partitionFor(region)
	if p == nil {
		return nil
	}
	return p.record()
}

func substringFn(args []any) (any, error) {
	for _, a := range args {
		if a == nil {
			return nil, nil
		}
	}
	s, err := asString(args[0])
	if err != nil {
		return nil, err
	}
	start, err := asInt(args[1])
	if err != nil {
		return nil, err
	}
	stop, err := asInt(args[2])
	if err != nil {
		return nil, err
	}
	rev, err := asBool(args[3])
	if err != nil {
		return nil, err
	}
	if r, ok := substring(s, start, stop, rev); ok {
		return r, nil
	}
	return nil, nil
}

func splitFn(args []any) (any, error) {
	for _, a := range args {
		if a == nil {
			return nil, nil
		}
	}
	s, err := asString(args[0])
	if err != nil {
		return nil, err
	}
	delim, err := asString(args[1])
	if err != nil {
		return nil, err
	}
	limit, err := asInt(args[2])
	if err != nil {
		return nil, err
	}
	parts := split(s, delim, limit)
	if parts == nil {
		return nil, nil
	}
	out := make([]any, len(parts))
	for i, p := range parts {
		out[i] = p
	}
	return out, nil
}

func coalesceFn(args []any) (any, error) {
	for _, a := range args {
		if a != nil {
			return a, nil
		}
	}
	return nil, nil
}

func iteFn(args []any) (any, error) {
	if args[0] == nil {
		return nil, nil
	}
	c, err := asBool(args[0])
	if err != nil {
		return nil, err
	}
	if c {
		return args[1], nil
	}
	return args[2], nil
}

// substring returns s[start:stop], counted from the end when reverse is
// set. Only ASCII input is accepted so that byte and character offsets
// agree; anything out of range reports !ok.
func substring(s string, start, stop int, reverse bool) (string, bool) {
	if start < 0 || start >= stop || stop > len(s) {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return "", false
		}
	}
	if reverse {
		start, stop = len(s)-stop, len(s)-start
	}
	return s[start:stop], true
}

// split divides s at delim; limit > 0 caps the number of parts. An empty
// delimiter cannot divide anything, so it yields no result.
func split(s, delim string, limit int) []string {
	if delim == "" {
		return nil
	}
	if limit > 0 {
		return strings.SplitN(s, delim, limit)
	}
	return strings.Split(s, delim)
}

// uriEncode percent-encodes every byte outside RFC 3986's unreserved set,
// with upper-case hex digits.
func uriEncode(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// parseURL splits an endpoint URL into the record rule sets inspect. Only
// absolute http(s) URLs with a host and no query qualify: a query cannot be
// carried into request URLs, so such an endpoint is rejected rather than
// silently truncated. The path is kept percent-encoded as written, so that
// rebuilding a URL from its parts addresses the same resource.
func parseURL(s string) map[string]any {
	u, err := url.Parse(s)
	if err != nil || u.Opaque != "" || u.Host == "" {
		return nil
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil
	}
	if u.RawQuery != "" || u.ForceQuery {
		return nil
	}
	path := u.EscapedPath()
	norm := path
	if !strings.HasPrefix(norm, "/") {
		norm = "/" + norm
	}
	if !strings.HasSuffix(norm, "/") {
		norm += "/"
	}
	host := u.Hostname()
	if i := strings.IndexByte(host, '%'); i >= 0 {
		host = host[:i] // IPv6 zone
	}
	return map[string]any{
		"scheme":         u.Scheme,
		"authority":      strings.ReplaceAll(u.Host, "%", "%25"),
		"path":           path,
		"normalizedPath": norm,
		"isIp":           net.ParseIP(host) != nil,
	}
}

// isValidHostLabel reports whether s is an RFC 1123 host label (1-63
// letters, digits and hyphens, not starting or ending with a hyphen), or
// with allowSubDomains a dot-separated sequence of them.
func isValidHostLabel(s string, allowSubDomains bool) bool {
	if !allowSubDomains {
		return validLabel(s)
	}
	for _, l := range strings.Split(s, ".") {
		if !validLabel(l) {
			return false
		}
	}
	return true
}

func validLabel(l string) bool {
	if len(l) < 1 || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
		return false
	}
	for i := 0; i < len(l); i++ {
		c := l[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// isVirtualHostableS3Bucket reports whether a bucket name can be used as a
// host label: S3's lower-case, 3-63 character rule on top of host-label
// syntax, and never an IP address (which would be misread as the host).
func isVirtualHostableS3Bucket(s string, allowSubDomains bool) bool {
	if net.ParseIP(s) != nil {
		return false
	}
	labels := []string{s}
	if allowSubDomains {
		labels = strings.Split(s, ".")
	}
	for _, l := range labels {
		if len(l) < 3 || len(l) > 63 || strings.ToLower(l) != l || !validLabel(l) {
			return false
		}
	}
	return true
}

// parseARN splits "arn:partition:service:region:account:resource". The
// resource is split on both ':' and '/', since ARNs use either separator.
func parseARN(s string) map[string]any {
	rest, ok := strings.CutPrefix(s, "arn:")
	if !ok {
		return nil
	}
	f := strings.SplitN(rest, ":", 5)
	if len(f) != 5 || f[0] == "" || f[1] == "" || f[4] == "" {
		return nil
	}
	var ids []any
	res := f[4]
	for {
		i := strings.IndexAny(res, ":/")
		if i < 0 {
			ids = append(ids, res)
			break
		}
		ids = append(ids, res[:i])
		res = res[i+1:]
	}
	return map[string]any{
		"partition":  f[0],
		"service":    f[1],
		"region":     f[2],
		"accountId":  f[3],
		"resourceId": ids,
	}
}
