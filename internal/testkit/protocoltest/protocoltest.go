// Package protocoltest runs the Smithy protocol compliance cases that the
// generator turns into Go tests: it records what a generated client sends and
// plays back what a service answers, over real HTTP on loopback.
package protocoltest

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/smithy-go/middleware"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/aws/retry"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/runtime/document"
	"github.com/eucsdk/eucsdk/runtime/pipeline"
)

// IdempotencyToken is the token the Smithy test cases expect clients to fill in.
const IdempotencyToken = "00000000-0000-4000-8000-000000000000"

var ran, skipped, inexpressible, customized atomic.Int64

// SkipCustomization skips a client case that needs a service customization
// the generator does not implement (S3 virtual-host addressing); why names
// it, and UNSUPPORTED.md lists it.
func SkipCustomization(t *testing.T, why string) {
	t.Helper()
	customized.Add(1)
	t.Skip(why)
}

// Ran counts a client case that runs.
func Ran(t *testing.T) { t.Helper(); ran.Add(1) }

// SkipServerOnly skips a case that applies only to servers, by name.
func SkipServerOnly(t *testing.T) {
	t.Helper()
	skipped.Add(1)
	t.Skip("server-only protocol test case (appliesTo: server)")
}

// SkipMalformedRequest skips an httpMalformedRequestTests case: it says how
// a server must reject a request, which a client never does.
func SkipMalformedRequest(t *testing.T) {
	t.Helper()
	skipped.Add(1)
	t.Skip("server-only protocol test case (httpMalformedRequestTests: how a server rejects a malformed request)")
}

// SkipNotExpressible skips a client case that asks for something the
// generated API, which is aws-sdk-go-v2's, cannot say; why names the member.
func SkipNotExpressible(t *testing.T, why string) {
	t.Helper()
	inexpressible.Add(1)
	t.Skip("client case not expressible in aws-sdk-go-v2's API: " + why)
}

// RunAndReport runs the tests and prints how many protocol cases ran.
func RunAndReport(m *testing.M, protocol string) int {
	code := m.Run()
	fmt.Printf("%s protocol compliance: %d client cases ran, %d server-only cases skipped", protocol, ran.Load(), skipped.Load())
	if n := inexpressible.Load(); n > 0 {
		fmt.Printf(", %d client cases not expressible in aws-sdk-go-v2's API skipped", n)
	}
	if n := customized.Load(); n > 0 {
		fmt.Printf(", %d skipped for a listed customization", n)
	}
	fmt.Println()
	return code
}

// Options are the client options every case uses: a fixed region, static
// keys, no retries and the fixed idempotency token.
func Options(endpoint string) pipeline.Options {
	return pipeline.Options{
		Region:                   "us-west-2",
		BaseEndpoint:             aws.String(endpoint),
		Credentials:              credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""),
		Retryer:                  retry.Nop(),
		IdempotencyTokenProvider: func() string { return IdempotencyToken },
		Clock:                    func() time.Time { return time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC) },
		HTTPClient:               prefixedHostClient,
	}
}

// prefixedHostClient sends a request for a host under 127.0.0.1 (an
// endpoint trait's prefix before a test server's address) to 127.0.0.1, so
// the server sees the prefixed Host.
var prefixedHostClient = &http.Client{Transport: &http.Transport{
	DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		if host, port, err := net.SplitHostPort(addr); err == nil && strings.HasSuffix(host, ".127.0.0.1") {
			addr = net.JoinHostPort("127.0.0.1", port)
		}
		var d net.Dialer
		return d.DialContext(ctx, network, addr)
	},
}}

// Request is what a client sent.
type Request struct {
	Host   string
	Method string
	URL    *url.URL
	Header http.Header
	Body   []byte
}

// RecordingServer answers every request with 200 {} and returns its URL and
// a function returning the last request.
func RecordingServer(t *testing.T, host string) (string, func() *Request) {
	t.Helper()
	return RecordingServerWith(t, host, "application/x-amz-json-1.1", "{}")
}

// RecordingServerWith is RecordingServer answering 200 with the given
// content type and body: protocols whose empty output is not "{}" (the
// query protocols read an empty body as an empty output).
func RecordingServerWith(t *testing.T, host, contentType, respBody string) (string, func() *Request) {
	t.Helper()
	var last atomic.Pointer[Request]
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		last.Store(&Request{Host: r.Host, Method: r.Method, URL: r.URL, Header: r.Header.Clone(), Body: b})
		if r.Header.Get("Smithy-Protocol") == "rpc-v2-cbor" {
			w.Header().Set("Smithy-Protocol", "rpc-v2-cbor")
			w.Header().Set("Content-Type", CBORMediaType)
			w.Write([]byte{0xa0}) // {}
			return
		}
		w.Header().Set("Content-Type", contentType)
		io.WriteString(w, respBody)
	}))
	t.Cleanup(srv.Close)
	endpoint := srv.URL
	if i := strings.IndexByte(host, '/'); i >= 0 {
		endpoint += host[i:]
	}
	return endpoint, func() *Request {
		r := last.Load()
		if r == nil {
			t.Fatal("the client sent no request")
		}
		return r
	}
}

// ResponseServer answers every request with the given status, headers and body.
func ResponseServer(t *testing.T, code int, headers [][2]string, body string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, h := range headers {
			w.Header().Set(h[0], h[1])
		}
		// Send the case's headers only: no Date, and no Content-Length
		// (flushing first makes the body chunked), so that an empty
		// httpPrefixHeaders prefix sees what the case lists.
		w.Header()["Date"] = nil
		w.WriteHeader(code)
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// WantRequest is what a request case expects.
type WantRequest struct {
	Method         string
	URI            string
	Headers        [][2]string
	ForbidHeaders  []string
	RequireHeaders []string
	Body           *string
	BodyMediaType  string
	// QueryParams are "k=v" pairs the query must hold, as encoded;
	// ForbidQuery and RequireQuery name keys that must be absent or present.
	QueryParams  []string
	ForbidQuery  []string
	RequireQuery []string
	// HostPrefix is what the request's host must hold before the test
	// server's own (the endpoint trait's prefix).
	HostPrefix string
}

// CheckRequest compares a recorded request with the case's expectations:
// method, path, headers, and the body (as JSON when the media type says so).
func CheckRequest(t *testing.T, got *Request, want WantRequest) {
	t.Helper()
	if want.HostPrefix != "" {
		if rest, ok := strings.CutPrefix(got.Host, want.HostPrefix); !ok || !strings.HasPrefix(rest, "127.0.0.1:") {
			t.Errorf("host %s, want %q before the test server's address", got.Host, want.HostPrefix)
		}
	}
	if want.Method != "" && got.Method != want.Method {
		t.Errorf("method %s, want %s", got.Method, want.Method)
	}
	if want.URI != "" && got.URL.EscapedPath() != want.URI {
		t.Errorf("path %q, want %q", got.URL.EscapedPath(), want.URI)
	}
	pairs := strings.Split(got.URL.RawQuery, "&")
	keys := map[string]bool{}
	for _, p := range pairs {
		k, _, _ := strings.Cut(p, "=")
		keys[k] = true
	}
	for _, q := range want.QueryParams {
		found := false
		for _, p := range pairs {
			found = found || p == q
		}
		if !found {
			t.Errorf("query %q lacks %q", got.URL.RawQuery, q)
		}
	}
	for _, k := range want.ForbidQuery {
		if keys[k] {
			t.Errorf("query %q must not hold %q", got.URL.RawQuery, k)
		}
	}
	for _, k := range want.RequireQuery {
		if !keys[k] {
			t.Errorf("query %q must hold %q", got.URL.RawQuery, k)
		}
	}
	for _, h := range want.Headers {
		if v := strings.Join(got.Header.Values(h[0]), ", "); v != h[1] {
			t.Errorf("header %s = %q, want %q", h[0], v, h[1])
		}
	}
	for _, h := range want.ForbidHeaders {
		if _, ok := got.Header[http.CanonicalHeaderKey(h)]; ok {
			t.Errorf("header %s must not be sent", h)
		}
	}
	for _, h := range want.RequireHeaders {
		if _, ok := got.Header[http.CanonicalHeaderKey(h)]; !ok {
			t.Errorf("header %s is required", h)
		}
	}
	if want.Body == nil {
		return
	}
	if want.BodyMediaType == CBORMediaType {
		wb, err := DecodeBase64Body(*want.Body)
		if err != nil {
			t.Fatal(err)
		}
		if diff := CBORDiff(got.Body, wb); diff != "" {
			t.Errorf("CBOR body differs (-got +want):\n%s", diff)
		}
		return
	}
	if want.BodyMediaType == "application/json" || strings.HasPrefix(strings.TrimSpace(*want.Body), "{") {
		if diff := JSONDiff(got.Body, []byte(*want.Body)); diff != "" {
			t.Errorf("body differs (-got +want):\n%s\ngot:  %s\nwant: %s", diff, got.Body, *want.Body)
		}
		return
	}
	if want.BodyMediaType == "application/xml" || strings.HasPrefix(strings.TrimSpace(*want.Body), "<") {
		if diff := XMLDiff(got.Body, []byte(*want.Body)); diff != "" {
			t.Errorf("XML body differs (-got +want):\n%s\ngot:  %s\nwant: %s", diff, got.Body, *want.Body)
		}
		return
	}
	if want.BodyMediaType == "application/x-www-form-urlencoded" {
		if diff := FormDiff(got.Body, []byte(*want.Body)); diff != "" {
			t.Errorf("form body differs (-got +want):\n%s\ngot:  %s\nwant: %s", diff, got.Body, *want.Body)
		}
		return
	}
	if !bytes.Equal(got.Body, []byte(*want.Body)) {
		t.Errorf("body %q, want %q", got.Body, *want.Body)
	}
}

// FormDiff compares two form bodies as parameter sets: order does not
// matter, repeated keys and their values do; "" when equal. The protocol
// tests write bodies over several lines, so line breaks around '&' are
// dropped first.
func FormDiff(got, want []byte) string {
	parse := func(b []byte) (map[string][]string, error) {
		s := strings.NewReplacer("\n", "", "\r", "").Replace(strings.TrimSpace(string(b)))
		v, err := url.ParseQuery(s)
		return v, err
	}
	g, err := parse(got)
	if err != nil {
		return "got is not a form: " + err.Error()
	}
	w, err := parse(want)
	if err != nil {
		return "want is not a form: " + err.Error()
	}
	return cmp.Diff(g, w)
}

// XMLDiff compares two XML documents as trees: white space between
// elements, attribute order, the order of sibling elements (map entries
// have none) and the XML declaration do not matter; names as written
// (prefixes included), namespace declarations, attributes and text do.
// "" when equal; an empty document equals an empty one only.
func XMLDiff(got, want []byte) string {
	g, err := canonicalXML(got)
	if err != nil {
		return "got is not XML: " + err.Error()
	}
	w, err := canonicalXML(want)
	if err != nil {
		return "want is not XML: " + err.Error()
	}
	return cmp.Diff(g, w)
}

// canonicalXML renders a document with children sorted, one form for
// every equal tree.
func canonicalXML(b []byte) (string, error) {
	type node struct {
		head     string
		text     strings.Builder
		children []string
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	var stack []*node
	root := &node{}
	stack = append(stack, root)
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		top := stack[len(stack)-1]
		switch tok := tok.(type) {
		case xml.StartElement:
			var attrs []string
			for _, a := range tok.Attr {
				n := a.Name.Local
				if a.Name.Space != "" {
					n = a.Name.Space + ":" + n
				}
				attrs = append(attrs, fmt.Sprintf("%s=%q", n, a.Value))
			}
			sort.Strings(attrs)
			n := tok.Name.Local
			if tok.Name.Space != "" {
				n = tok.Name.Space + ":" + n
			}
			stack = append(stack, &node{head: strings.Join(append([]string{n}, attrs...), " ")})
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			var s string
			if len(top.children) > 0 {
				sort.Strings(top.children)
				s = "<" + top.head + ">" + strings.Join(top.children, "") + "</>"
			} else {
				s = "<" + top.head + ">" + fmt.Sprintf("%q", top.text.String()) + "</>"
			}
			parent := stack[len(stack)-1]
			parent.children = append(parent.children, s)
		case xml.CharData:
			top.text.Write(tok)
		}
	}
	return strings.Join(root.children, ""), nil
}

// JSONDiff compares two JSON documents by value; "" when equal. An empty
// document equals {}.
func JSONDiff(got, want []byte) string {
	var g, w any
	if len(bytes.TrimSpace(got)) == 0 {
		got = []byte("{}")
	}
	if len(bytes.TrimSpace(want)) == 0 {
		want = []byte("{}")
	}
	if err := json.Unmarshal(got, &g); err != nil {
		return "got is not JSON: " + err.Error()
	}
	if err := json.Unmarshal(want, &w); err != nil {
		return "want is not JSON: " + err.Error()
	}
	return cmp.Diff(g, w)
}

// CheckOutput compares a decoded value with the expected one, treating NaN as
// equal to NaN, comparing documents by their JSON, and ignoring metadata.
func CheckOutput(t *testing.T, want, got any) {
	t.Helper()
	read := map[io.ReadCloser]string{}
	opts := []cmp.Option{
		cmpopts.EquateNaNs(),
		cmpopts.IgnoreTypes(middleware.Metadata{}),
		cmpopts.IgnoreUnexported(),
		cmp.Comparer(func(a, b *big.Int) bool { return (a == nil) == (b == nil) && (a == nil || a.Cmp(b) == 0) }),
		cmp.Comparer(func(a, b *big.Float) bool { return (a == nil) == (b == nil) && (a == nil || a.Cmp(b) == 0) }),
		cmp.Comparer(func(a, b document.Interface) bool {
			if a == nil || b == nil {
				return a == nil && b == nil
			}
			ab, err1 := a.MarshalSmithyDocument()
			bb, err2 := b.MarshalSmithyDocument()
			return err1 == nil && err2 == nil && JSONDiff(ab, bb) == ""
		}),
		cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) }),
		// Prefix-header maps (the only map[string]string a response binds)
		// stay nil when no header has the prefix, as v2's do; the suites
		// write that as {}.
		cmp.FilterValues(func(a, b map[string]string) bool { return len(a) == 0 && len(b) == 0 },
			cmp.Comparer(func(_, _ map[string]string) bool { return true })),
		// Streaming payloads compare by content; a reader is read once,
		// since cmp may look at a pair twice.
		cmp.Comparer(func(a, b io.ReadCloser) bool { return streamText(read, a) == streamText(read, b) }),
	}
	if diff := cmp.Diff(want, got, opts...); diff != "" {
		t.Errorf("decoded value differs (-want +got):\n%s", diff)
	}
}

// streamText returns what r holds (nil holds nothing), read once.
func streamText(read map[io.ReadCloser]string, r io.ReadCloser) string {
	if r == nil {
		return ""
	}
	if s, ok := read[r]; ok {
		return s
	}
	b, err := io.ReadAll(r)
	r.Close()
	s := string(b)
	if err != nil {
		s += "(read error: " + err.Error() + ")"
	}
	read[r] = s
	return s
}
