package signer

import (
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/aws/smithy-go/aws-http-auth/credentials"
)

// ErrSignatureMismatch is returned by Verify when the recomputed signature
// differs from the one the request carries.
var ErrSignatureMismatch = errors.New("signer: signature does not match")

// Authorization is a parsed SigV4 Authorization header, what a server needs
// to look up the secret and recompute the signature.
type Authorization struct {
	AccessKeyID   string
	Date          string // yyyymmdd of the credential scope
	Region        string
	Service       string
	SignedHeaders []string // lower case, as sent
	Signature     string   // hex
}

// ParseAuthorization parses the value of an Authorization header of the form
// "AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request,
// SignedHeaders=a;b, Signature=hex".
func ParseAuthorization(v string) (Authorization, error) {
	var a Authorization
	rest, ok := strings.CutPrefix(v, Algorithm+" ")
	if !ok {
		return a, fmt.Errorf("signer: authorization is not %s", Algorithm)
	}
	for _, part := range strings.Split(rest, ",") {
		k, val, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return a, fmt.Errorf("signer: malformed authorization component %q", part)
		}
		switch k {
		case "Credential":
			scope := strings.Split(val, "/")
			if len(scope) != 5 || scope[4] != "aws4_request" {
				return a, fmt.Errorf("signer: malformed credential scope %q", val)
			}
			a.AccessKeyID, a.Date, a.Region, a.Service = scope[0], scope[1], scope[2], scope[3]
		case "SignedHeaders":
			a.SignedHeaders = strings.Split(val, ";")
		case "Signature":
			a.Signature = val
		}
	}
	if a.AccessKeyID == "" || len(a.SignedHeaders) == 0 || a.Signature == "" {
		return a, errors.New("signer: authorization lacks Credential, SignedHeaders or Signature")
	}
	return a, nil
}

// Signature recomputes the signature of a received request from its
// Authorization and X-Amz-Date headers and the secret that belongs to the
// access key it names. payloadHash is the hex SHA-256 of the body the server
// read (or UnsignedPayload if the server accepts that).
func (s *Signer) Signature(req *http.Request, payloadHash, secretAccessKey string) (string, Authorization, time.Time, error) {
	a, err := ParseAuthorization(req.Header.Get(HeaderAuthorization))
	if err != nil {
		return "", a, time.Time{}, err
	}
	t, err := time.Parse(TimeFormat, req.Header.Get(HeaderDate))
	if err != nil {
		return "", a, t, fmt.Errorf("signer: bad %s header: %w", HeaderDate, err)
	}
	if t.Format("20060102") != a.Date {
		return "", a, t, fmt.Errorf("signer: credential scope date %s differs from %s", a.Date, HeaderDate)
	}
	signed := make(map[string]bool, len(a.SignedHeaders))
	for _, h := range a.SignedHeaders {
		signed[h] = true
	}
	token := ""
	if signed["x-amz-security-token"] {
		token = req.Header.Get(HeaderSecurityToken)
	}
	verifier := &Signer{options: s.options}
	verifier.options.AddPayloadHashHeader = false // keep the header the client sent
	c, err := verifier.sign(req, payloadHash, credentials.Credentials{
		AccessKeyID:     a.AccessKeyID,
		SecretAccessKey: secretAccessKey,
		SessionToken:    token,
	}, a.Service, a.Region, t, headerRule(func(h string) bool { return signed[h] }))
	if err != nil {
		return "", a, t, err
	}
	got, err := ParseAuthorization(c.Header.Get(HeaderAuthorization))
	return got.Signature, a, t, err
}

// Verify checks the signature of a received request in constant time. It
// returns the parsed Authorization and signing time so the caller can check
// the key, region, service and clock skew against its own policy.
func (s *Signer) Verify(req *http.Request, payloadHash, secretAccessKey string) (Authorization, time.Time, error) {
	sig, a, t, err := s.Signature(req, payloadHash, secretAccessKey)
	if err != nil {
		return a, t, err
	}
	if subtle.ConstantTimeCompare([]byte(sig), []byte(a.Signature)) != 1 {
		return a, t, ErrSignatureMismatch
	}
	return a, t, nil
}

func unescapeOr(p string) string {
	u, err := url.PathUnescape(p)
	if err != nil {
		return p
	}
	return u
}
