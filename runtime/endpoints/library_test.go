package endpoints

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseURL(t *testing.T) {
	rec := func(scheme, authority, path, norm string, ip bool) map[string]any {
		return map[string]any{"scheme": scheme, "authority": authority, "path": path, "normalizedPath": norm, "isIp": ip}
	}
	tests := []struct {
		in   string
		want map[string]any // nil: not a usable endpoint URL
	}{
		{"https://example.com", rec("https", "example.com", "", "/", false)},
		{"https://example.com/", rec("https", "example.com", "/", "/", false)},
		{"http://example.com:8080/foo/bar", rec("http", "example.com:8080", "/foo/bar", "/foo/bar/", false)},
		{"https://example.com/foo/", rec("https", "example.com", "/foo/", "/foo/", false)},
		{"HTTPS://Example.com", rec("https", "Example.com", "", "/", false)},
		{"https://127.0.0.1:8443", rec("https", "127.0.0.1:8443", "", "/", true)},
		{"https://[fe80::1]/p", rec("https", "[fe80::1]", "/p", "/p/", true)},
		{"https://[fe80::1%25en0]", rec("https", "[fe80::1%25en0]", "", "/", true)},
		{"https://999.0.0.1", rec("https", "999.0.0.1", "", "/", false)},
		{"https://example.com/a%2Fb", rec("https", "example.com", "/a%2Fb", "/a%2Fb/", false)},
		{"https://example.com?foo=bar", nil},
		{"https://example.com/?", nil},
		{"ftp://example.com", nil},
		{"example.com", nil},
		{"https:example.com", nil},
		{"https:///path", nil},
		{"", nil},
		{"https://exa mple.com", nil},
	}
	for _, tt := range tests {
		got := parseURL(tt.in)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("parseURL(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestIsValidHostLabel(t *testing.T) {
	long := strings.Repeat("a", 63)
	tests := []struct {
		in       string
		sub      bool
		want     bool
		wantWith bool // with allowSubDomains
	}{
		{"a", false, true, true},
		{"abc-123", false, true, true},
		{"UPPER9", false, true, true},
		{long, false, true, true},
		{long + "a", false, false, false},
		{"", false, false, false},
		{"-abc", false, false, false},
		{"abc-", false, false, false},
		{"ab_c", false, false, false},
		{"über", false, false, false},
		{"a.b", false, false, true},
		{"foo.bar-baz.q1", false, false, true},
		{"a..b", false, false, false},
		{".a", false, false, false},
		{"a.", false, false, false},
		{"a.-b", false, false, false},
		{long + "." + long, false, false, true},
	}
	for _, tt := range tests {
		if got := isValidHostLabel(tt.in, false); got != tt.want {
			t.Errorf("isValidHostLabel(%q, false) = %t, want %t", tt.in, got, tt.want)
		}
		if got := isValidHostLabel(tt.in, true); got != tt.wantWith {
			t.Errorf("isValidHostLabel(%q, true) = %t, want %t", tt.in, got, tt.wantWith)
		}
	}
}

func TestSubstring(t *testing.T) {
	tests := []struct {
		in          string
		start, stop int
		reverse     bool
		want        string
		ok          bool
	}{
		{"abcdefg", 0, 4, false, "abcd", true},
		{"abcdefg", 0, 4, true, "defg", true},
		{"abcdefg", 1, 3, true, "ef", true},
		{"abcdefg", 0, 7, false, "abcdefg", true},
		{"abcdefg", 0, 7, true, "abcdefg", true},
		{"abcdefg", 6, 7, true, "a", true},
		{"abcdefg", 0, 8, false, "", false},
		{"abcdefg", 3, 3, false, "", false},
		{"abcdefg", 4, 2, false, "", false},
		{"abcdefg", -1, 2, false, "", false},
		{"abcdéf", 0, 2, false, "", false}, // non-ASCII anywhere
		{"", 0, 0, false, "", false},
	}
	for _, tt := range tests {
		got, ok := substring(tt.in, tt.start, tt.stop, tt.reverse)
		if got != tt.want || ok != tt.ok {
			t.Errorf("substring(%q, %d, %d, %t) = %q, %t; want %q, %t", tt.in, tt.start, tt.stop, tt.reverse, got, ok, tt.want, tt.ok)
		}
	}
}

func TestURIEncode(t *testing.T) {
	tests := map[string]string{
		"":                   "",
		"~-_.AZaz09":         "~-_.AZaz09",
		"a b/c?d=e&f":        "a%20b%2Fc%3Fd%3De%26f",
		"%":                  "%25",
		"é":                  "%C3%A9",
		"a+b:c@d":            "a%2Bb%3Ac%40d",
		"\x00\x7f\xff":       "%00%7F%FF",
		"arn:aws:s3:::bk/ky": "arn%3Aaws%3As3%3A%3A%3Abk%2Fky",
	}
	for in, want := range tests {
		if got := uriEncode(in); got != want {
			t.Errorf("uriEncode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseARN(t *testing.T) {
	arn := func(partition, service, region, account string, resource ...any) map[string]any {
		return map[string]any{"partition": partition, "service": service, "region": region, "accountId": account, "resourceId": resource}
	}
	tests := []struct {
		in   string
		want map[string]any
	}{
		{"arn:aws:s3:us-east-1:123456789012:bucket/key:part", arn("aws", "s3", "us-east-1", "123456789012", "bucket", "key", "part")},
		{"arn:aws:iam::123456789012:role/admin", arn("aws", "iam", "", "123456789012", "role", "admin")},
		{"arn:aws-cn:sns:cn-north-1:1:topic:with:colons", arn("aws-cn", "sns", "cn-north-1", "1", "topic", "with", "colons")},
		{"arn:aws:s3:::bucket", arn("aws", "s3", "", "", "bucket")},
		{"arn:aws:s3:::bucket/", arn("aws", "s3", "", "", "bucket", "")},
		{"arn:aws:s3:::", nil},
		{"arn::s3:::bucket", nil},
		{"arn:aws::us-east-1:1:x", nil},
		{"arn:aws:s3:us-east-1", nil},
		{"arn:aws:s3:us-east-1:1", nil},
		{"urn:aws:s3:::bucket", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, parseARN(tt.in)); diff != "" {
			t.Errorf("parseARN(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestIsVirtualHostableS3Bucket(t *testing.T) {
	tests := []struct {
		in        string
		want, sub bool
	}{
		{"bucket-name", true, true},
		{"abc", true, true},
		{"ab", false, false},
		{strings.Repeat("a", 64), false, false},
		{"Bucket", false, false},
		{"192.168.0.1", false, false},
		{"abc.def", false, true},
		{"abc..def", false, false},
		{"abc.de", false, false},
		{"-abc", false, false},
	}
	for _, tt := range tests {
		if got := isVirtualHostableS3Bucket(tt.in, false); got != tt.want {
			t.Errorf("isVirtualHostableS3Bucket(%q, false) = %t, want %t", tt.in, got, tt.want)
		}
		if got := isVirtualHostableS3Bucket(tt.in, true); got != tt.sub {
			t.Errorf("isVirtualHostableS3Bucket(%q, true) = %t, want %t", tt.in, got, tt.sub)
		}
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		in, delim string
		limit     int
		want      []string
	}{
		{"a--b--c", "--", 0, []string{"a", "b", "c"}},
		{"a--b--c", "--", 2, []string{"a", "b--c"}},
		{"a--b--c", "--", 1, []string{"a--b--c"}},
		{"", ",", 0, []string{""}},
		{"a,", ",", 0, []string{"a", ""}},
		{"abc", "", 0, nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, split(tt.in, tt.delim, tt.limit)); diff != "" {
			t.Errorf("split(%q, %q, %d) (-want +got):\n%s", tt.in, tt.delim, tt.limit, diff)
		}
	}
}

func TestPartitionFor(t *testing.T) {
	tests := map[string]string{
		"us-east-1":      "aws",
		"aws-global":     "aws",    // listed region, matches no regex
		"ap-future-7":    "aws",    // regex only
		"mars-north-1":   "aws",    // nothing matches: default partition
		"":               "aws",    // likewise
		"cn-north-1":     "aws-cn", // listed
		"cn-future-9":    "aws-cn", // regex only
		"aws-cn-global":  "aws-cn",
		"us-gov-west-1":  "aws-us-gov",
		"us-gov-east-9":  "aws-us-gov",
		"us-iso-east-1":  "aws-iso",
		"us-isob-east-1": "aws-iso-b",
		"eu-isoe-west-1": "aws-iso-e",
		"us-isof-east-1": "aws-iso-f",
		"eusc-de-east-1": "aws-eusc",
	}
	for region, want := range tests {
		if got := partitionFor(region).name; got != want {
			t.Errorf("partitionFor(%q) = %s, want %s", region, got, want)
		}
	}
	got := partitionFor("cn-north-1").record()
	want := map[string]any{
		"name": "aws-cn", "dnsSuffix": "amazonaws.com.cn", "dualStackDnsSuffix": "api.amazonwebservices.com.cn",
		"supportsFIPS": true, "supportsDualStack": true, "implicitGlobalRegion": "cn-northwest-1",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("aws-cn record (-want +got):\n%s", diff)
	}
}

func TestParsePath(t *testing.T) {
	good := map[string][]pathStep{
		"name":       {{key: "name"}},
		"a.b[0]":     {{key: "a"}, {key: "b"}, {index: 0}},
		"[1]":        {{index: 1}},
		"a[0][-1]":   {{key: "a"}, {index: 0}, {index: -1}},
		"resourceId": {{key: "resourceId"}},
	}
	for in, want := range good {
		got, err := parsePath(in)
		if err != nil {
			t.Errorf("parsePath(%q): %v", in, err)
			continue
		}
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(pathStep{})); diff != "" {
			t.Errorf("parsePath(%q) (-want +got):\n%s", in, diff)
		}
	}
	for _, in := range []string{"", "a..b", "a[x]", "a[", "a]", "a[0]b", "."} {
		if _, err := parsePath(in); err == nil {
			t.Errorf("parsePath(%q) succeeded, want error", in)
		}
	}
}
