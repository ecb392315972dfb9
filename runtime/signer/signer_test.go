package signer

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/aws"
)

var testCreds = aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", SessionToken: "TOKEN"}

func hashOf(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func newJSONRequest(t *testing.T, url string, body []byte) *http.Request {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", "PhotonAdminProxyService.DescribeFleets")
	req.Header.Set("User-Agent", "eucsdk/test")
	req.Header.Set("X-Custom", "  a   b  ")
	return req
}

func TestSignHTTPSetsOnlySignatureHeaders(t *testing.T) {
	body := []byte(`{}`)
	req := newJSONRequest(t, "https://appstream2.us-east-1.amazonaws.com/", body)
	req.Header.Set(HeaderSecurityToken, "stale")
	at := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	if err := New().SignHTTP(context.Background(), testCreds, req, hashOf(body), "appstream", "us-east-1", at); err != nil {
		t.Fatal(err)
	}
	if got := req.Header.Get(HeaderDate); got != "20240506T070809Z" {
		t.Errorf("X-Amz-Date = %q", got)
	}
	if got := req.Header.Get(HeaderSecurityToken); got != "TOKEN" {
		t.Errorf("X-Amz-Security-Token = %q, want the credentials' token", got)
	}
	a, err := ParseAuthorization(req.Header.Get(HeaderAuthorization))
	if err != nil {
		t.Fatal(err)
	}
	want := Authorization{AccessKeyID: "AKID", Date: "20240506", Region: "us-east-1", Service: "appstream",
		SignedHeaders: strings.Split("content-length;content-type;host;x-amz-date;x-amz-security-token;x-amz-target;x-custom", ";"),
		Signature:     a.Signature}
	if strings.Join(a.SignedHeaders, ";") != strings.Join(want.SignedHeaders, ";") || a.AccessKeyID != want.AccessKeyID ||
		a.Date != want.Date || a.Region != want.Region || a.Service != want.Service || len(a.Signature) != 64 {
		t.Errorf("Authorization = %+v, want %+v", a, want)
	}
	if got := req.Header.Get("X-Custom"); got != "  a   b  " {
		t.Errorf("caller's header value changed to %q", got)
	}
	if _, ok := req.Header["Host"]; ok {
		t.Error("Host was added to the header map; net/http sends req.Host")
	}
}

func TestSignHTTPWithoutTokenDropsStaleToken(t *testing.T) {
	req := newJSONRequest(t, "https://example.com/", nil)
	req.Header.Set(HeaderSecurityToken, "from-an-earlier-attempt")
	creds := aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET"}
	if err := New().SignHTTP(context.Background(), creds, req, EmptyPayloadHash, "svc", "eu-west-1", time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	if v, ok := req.Header[HeaderSecurityToken]; ok {
		t.Errorf("stale token kept: %q", v)
	}
}

func TestSignHTTPErrors(t *testing.T) {
	ctx := context.Background()
	now := time.Unix(1, 0)
	for name, call := range map[string]func(*http.Request) error{
		"no keys": func(r *http.Request) error {
			return New().SignHTTP(ctx, aws.Credentials{}, r, EmptyPayloadHash, "s", "r", now)
		},
		"empty hash": func(r *http.Request) error { return New().SignHTTP(ctx, testCreds, r, "", "s", "r", now) },
		"bad hash":   func(r *http.Request) error { return New().SignHTTP(ctx, testCreds, r, "abc", "s", "r", now) },
		"no time": func(r *http.Request) error {
			return New().SignHTTP(ctx, testCreds, r, EmptyPayloadHash, "s", "r", time.Time{})
		},
		"canceled ctx": func(r *http.Request) error {
			c, cancel := context.WithCancel(ctx)
			cancel()
			return New().SignHTTP(c, testCreds, r, EmptyPayloadHash, "s", "r", now)
		},
	} {
		req := newJSONRequest(t, "https://example.com/", nil)
		if err := call(req); err == nil {
			t.Errorf("%s: no error", name)
		}
		if req.Header.Get(HeaderAuthorization) != "" {
			t.Errorf("%s: request was signed anyway", name)
		}
	}
}

func TestUnsignedPayloadSigns(t *testing.T) {
	req := newJSONRequest(t, "https://example.com/", nil)
	if err := New().SignHTTP(context.Background(), testCreds, req, UnsignedPayload, "s", "r", time.Unix(1, 0)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := New().Verify(req, UnsignedPayload, "SECRET"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := New().Verify(req, EmptyPayloadHash, "SECRET"); !errors.Is(err, ErrSignatureMismatch) {
		t.Errorf("verify with another payload hash: %v", err)
	}
}

// TestVerifyOverHTTP is how the emulator will use the package: the server
// sees the request only as net/http parsed it off the wire.
func TestVerifyOverHTTP(t *testing.T) {
	type result struct {
		auth Authorization
		err  error
	}
	results := make(chan result, 4)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		a, _, err := New().Verify(r, hashOf(b), "SECRET")
		results <- result{a, err}
	}))
	defer srv.Close()

	send := func(path string, tamper func(*http.Request)) result {
		body := []byte(`{"Name":"fleet"}`)
		req := newJSONRequest(t, srv.URL+path, body)
		if err := New().SignHTTP(context.Background(), testCreds, req, hashOf(body), "appstream", "us-east-1", time.Now()); err != nil {
			t.Fatal(err)
		}
		tamper(req)
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return <-results
	}
	if r := send("/", func(*http.Request) {}); r.err != nil || r.auth.AccessKeyID != "AKID" {
		t.Errorf("untouched request: %+v", r)
	}
	if r := send("/a b/./c", func(*http.Request) {}); r.err != nil {
		t.Errorf("escaped, unnormalized path: %v", r.err)
	}
	if r := send("/", func(r *http.Request) { r.Header.Set("X-Amz-Target", "Other") }); !errors.Is(r.err, ErrSignatureMismatch) {
		t.Errorf("changed signed header: %v", r.err)
	}
	if r := send("/", func(r *http.Request) { r.Header.Set("User-Agent", "changed-by-a-proxy") }); r.err != nil {
		t.Errorf("changed unsigned header: %v", r.err)
	}
}

func TestParseAuthorizationRejects(t *testing.T) {
	for _, v := range []string{
		"",
		"AWS4-HMAC-SHA512 Credential=A/20150830/r/s/aws4_request, SignedHeaders=host, Signature=ab",
		"AWS4-HMAC-SHA256 Credential=A/20150830/r/s, SignedHeaders=host, Signature=ab",
		"AWS4-HMAC-SHA256 Credential=A/20150830/r/s/aws4_request, Signature=ab",
		"AWS4-HMAC-SHA256 Credential=A/20150830/r/s/aws4_request SignedHeaders=host",
	} {
		if _, err := ParseAuthorization(v); err == nil {
			t.Errorf("ParseAuthorization(%q) accepted", v)
		}
	}
}

func TestVerifyRejectsScopeDateMismatch(t *testing.T) {
	req := newJSONRequest(t, "https://example.com/", nil)
	if err := New().SignHTTP(context.Background(), testCreds, req, EmptyPayloadHash, "s", "r", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	req.Header.Set(HeaderDate, "20200102T000000Z")
	if _, _, err := New().Verify(req, EmptyPayloadHash, "SECRET"); err == nil || errors.Is(err, ErrSignatureMismatch) {
		t.Errorf("Verify = %v, want a scope date error", err)
	}
}

func TestNormalizePath(t *testing.T) {
	for in, want := range map[string]string{
		"":                  "/",
		"/":                 "/",
		"//":                "/",
		"/a/./b/../c":       "/a/c",
		"/a/b/..":           "/a/",
		"/../..":            "/",
		"//example//":       "/example/",
		"/example%20space/": "/example%20space/",
	} {
		if got := normalizePath(in); got != want {
			t.Errorf("normalizePath(%q) = %q, want %q", in, got, want)
		}
	}
}
