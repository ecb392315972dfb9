// Package signer signs requests with AWS Signature Version 4 and lets a
// server check such signatures. The cryptography and the canonical request
// come from github.com/aws/smithy-go/aws-http-auth; this package decides what
// is signed and keeps the caller's request free of signer-only edits.
package signer

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/aws/smithy-go/aws-http-auth/credentials"
	"github.com/aws/smithy-go/aws-http-auth/sigv4"
	v4 "github.com/aws/smithy-go/aws-http-auth/v4"

	"github.com/eucsdk/eucsdk/aws"
)

// Header names and formats of the SigV4 protocol.
const (
	HeaderAuthorization = "Authorization"
	HeaderDate          = "X-Amz-Date"
	HeaderSecurityToken = "X-Amz-Security-Token"
	HeaderContentSHA256 = "X-Amz-Content-Sha256"

	// TimeFormat is the layout of X-Amz-Date.
	TimeFormat = "20060102T150405Z"

	// Algorithm names SigV4 in the Authorization header.
	Algorithm = "AWS4-HMAC-SHA256"

	// UnsignedPayload stands in for the payload hash when the body is not signed.
	UnsignedPayload = "UNSIGNED-PAYLOAD"

	// EmptyPayloadHash is the SHA-256 of an empty body.
	EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
)

// Options tune a Signer. The zero value is right for every service this SDK
// targets; the switches exist for S3-like services and for test suites.
type Options struct {
	// DisableURIPathEscaping signs the request's escaped path as is instead
	// of escaping it a second time, which S3-style services expect.
	DisableURIPathEscaping bool

	// DisableURIPathNormalization keeps "." and ".." segments and repeated
	// slashes in the signed path; services other than S3 remove them before
	// they check a signature.
	DisableURIPathNormalization bool

	// AddPayloadHashHeader sends the payload hash in X-Amz-Content-Sha256.
	AddPayloadHashHeader bool
}

// Signer signs HTTP requests; it holds no per-request state and is safe for
// concurrent use.
type Signer struct {
	options Options

	date atomic.Pointer[dateCache] // X-Amz-Date of the last second signed in
	keys keyCache                  // derived signing keys

	noFast bool // tests: always take the general path
}

// New returns a Signer; options are applied in order.
func New(optFns ...func(*Options)) *Signer {
	s := &Signer{}
	for _, fn := range optFns {
		fn(&s.options)
	}
	return s
}

// ignoredHeaders are never signed: proxies and the transport may change or
// drop them, and Authorization holds the signature itself.
var ignoredHeaders = map[string]bool{
	"authorization":     true,
	"user-agent":        true,
	"x-amzn-trace-id":   true,
	"expect":            true,
	"transfer-encoding": true,
}

type headerRule func(string) bool

func (r headerRule) IsSigned(h string) bool { return r(h) }

// SignHTTP signs req in place. payloadHash is the hex SHA-256 of the body
// (or UnsignedPayload): callers hash the body once and reuse the hash across
// retries. Only X-Amz-Date, X-Amz-Security-Token (when creds has a session
// token), Authorization and, if enabled, X-Amz-Content-Sha256 are changed.
func (s *Signer) SignHTTP(ctx context.Context, creds aws.Credentials, req *http.Request, payloadHash, service, region string, signingTime time.Time) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if !creds.HasKeys() {
		return errors.New("signer: credentials have no access key id or secret access key")
	}
	req.Header.Del(HeaderSecurityToken) // a stale token from an earlier attempt must not be signed
	if !s.noFast && !signingTime.IsZero() && s.signFast(req, payloadHash, creds, service, region, signingTime) {
		return nil
	}
	signed, err := s.sign(req, payloadHash, credentials.Credentials{
		AccessKeyID:     creds.AccessKeyID,
		SecretAccessKey: creds.SecretAccessKey,
		SessionToken:    creds.SessionToken,
	}, service, region, signingTime, headerRule(func(h string) bool { return !ignoredHeaders[h] }))
	if err != nil {
		return err
	}
	for _, h := range []string{HeaderDate, HeaderSecurityToken, HeaderAuthorization, HeaderContentSHA256} {
		if v, ok := signed.Header[h]; ok {
			req.Header[h] = v
		}
	}
	return nil
}

// sign signs a copy of req whose header values and path are already in
// canonical form, so the caller's request keeps what it had; the server
// canonicalizes the originals to the same bytes.
func (s *Signer) sign(req *http.Request, payloadHash string, creds credentials.Credentials, service, region string, t time.Time, rule v4.SignedHeaderRules) (*http.Request, error) {
	if t.IsZero() {
		return nil, errors.New("signer: signing time is required")
	}
	hash, err := decodePayloadHash(payloadHash)
	if err != nil {
		return nil, err
	}
	if err := checkQueryOrder(req.URL); err != nil {
		return nil, err
	}
	c := canonicalCopy(req, !s.options.DisableURIPathNormalization)
	err = sigv4.New(func(o *v4.SignerOptions) {
		o.HeaderRules = rule
		o.DisableDoublePathEscape = s.options.DisableURIPathEscaping
		o.AddPayloadHashHeader = s.options.AddPayloadHashHeader
	}).SignRequest(&sigv4.SignRequestInput{
		Request:     c,
		PayloadHash: hash,
		Credentials: creds,
		Service:     service,
		Region:      region,
		Time:        t,
	})
	if err != nil {
		return nil, fmt.Errorf("signer: %w", err)
	}
	return c, nil
}

// decodePayloadHash turns the hex form the pipeline carries into the raw
// bytes aws-http-auth expects; an empty hash is a caller bug, since signing
// it silently would give a signature no server accepts.
func decodePayloadHash(h string) ([]byte, error) {
	switch h {
	case "":
		return nil, errors.New("signer: payload hash is required (use EmptyPayloadHash or UnsignedPayload)")
	case UnsignedPayload:
		return v4.UnsignedPayload(), nil
	}
	b, err := hex.DecodeString(h)
	if err != nil || len(b) != 32 {
		return nil, fmt.Errorf("signer: payload hash %q is not a hex SHA-256", h)
	}
	return b, nil
}

// canonicalCopy returns a shallow copy of req with its own header map and
// URL. Header values are trimmed with inner whitespace runs folded to one
// space, as SigV4 requires and aws-http-auth does not do.
func canonicalCopy(req *http.Request, normalize bool) *http.Request {
	c := req.Clone(context.Background())
	c.Body = nil // never read: the payload hash is supplied
	for k, vs := range c.Header {
		for i, v := range vs {
			vs[i] = foldSpace(v)
		}
		c.Header[k] = vs
	}
	if c.Header.Get("Content-Length") == "" && req.ContentLength > 0 {
		c.Header.Set("Content-Length", strconv.FormatInt(req.ContentLength, 10))
	}
	if c.Host == "" && c.URL != nil {
		c.Host = c.URL.Host
	}
	if normalize {
		p := normalizePath(c.URL.EscapedPath())
		c.URL.RawPath = p
		c.URL.Path = unescapeOr(p)
	}
	return c
}

func foldSpace(v string) string {
	return strings.Join(strings.Fields(v), " ")
}

// normalizePath removes empty, "." and ".." segments as RFC 3986 section
// 5.2.4 does and keeps a trailing slash, which is what AWS services other
// than S3 compute before they compare signatures.
func normalizePath(p string) string {
	segs := strings.Split(p, "/")
	out := make([]string, 0, len(segs))
	for _, s := range segs {
		switch s {
		case "", ".":
		case "..":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		default:
			out = append(out, s)
		}
	}
	n := "/" + strings.Join(out, "/")
	last := segs[len(segs)-1]
	if len(out) > 0 && (last == "" || last == "." || last == "..") {
		n += "/"
	}
	return n
}

// errQueryOrder guards a gap in aws-http-auth v1.1.3: it sorts query keys and
// values before percent-encoding them, while SigV4 sorts the encoded forms.
// The two orders differ only for keys or values with bytes outside the
// unreserved set at the point where they are compared (e.g. UTF-8 next to
// ASCII). The SDK's clients send no query string, so refusing such a request
// beats signing it in an order the service rejects.
var errQueryOrder = errors.New("signer: query parameters whose order changes when percent-encoded cannot be signed")

func checkQueryOrder(u *url.URL) error {
	q := u.Query()
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	if !sortsSameEncoded(keys) {
		return errQueryOrder
	}
	for _, vs := range q {
		if !sortsSameEncoded(vs) {
			return errQueryOrder
		}
	}
	return nil
}

func sortsSameEncoded(vs []string) bool {
	raw := slices.Clone(vs)
	slices.Sort(raw)
	enc := slices.Clone(vs)
	slices.SortFunc(enc, func(a, b string) int { return strings.Compare(queryEscape(a), queryEscape(b)) })
	return slices.Equal(raw, enc)
}

func queryEscape(s string) string {
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}
