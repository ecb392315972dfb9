package signer

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/eucsdk/eucsdk/aws"
)

// This file is the allocation-light path of SignHTTP. It computes exactly the
// signature the general path (a canonical copy of the request signed by
// aws-http-auth) computes, for the requests the SDK's clients send: no query
// string, a path that needs no escaping or normalizing, header names that are
// distinct when lowercased. Anything else takes the general path, and
// TestFastMatchesGeneral checks both give the same headers.
//
// What it saves: the request clone, the header map and URL copies, the
// strings aws-http-auth builds for the canonical request and the string to
// sign, the five HMACs of the signing-key derivation (the key is cached per
// secret, day, region and service, as the AWS SDKs do) and the hash.Hash
// values of the final HMAC.

const maxFastHeaders = 32

type fastHeader struct {
	name  string   // as in the request, or the lowercase name of an added header
	vals  []string // the request's values, or nil for an added header
	added string   // the value of an added header
}

var scratchPool = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// lowerCmp compares two ASCII header names as if lowercased.
func lowerCmp(a, b string) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return len(a) - len(b)
}

func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// plainValue reports whether v is already in canonical form: printable
// ASCII with single inner spaces, so foldSpace would return it unchanged.
func plainValue(v string) bool {
	prevSpace := true // a leading space is not plain
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case c > ' ' && c < 0x7f:
			prevSpace = false
		default:
			return false
		}
	}
	return !prevSpace || v == ""
}

func asciiName(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// plainPath reports whether p is already its own normalized, escaped form.
func plainPath(p string, normalize bool) bool {
	if p == "/" {
		return true
	}
	if p == "" || p[0] != '/' {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
			return false
		}
	}
	return !normalize || normalizePath(p) == p
}

func lowerHex(h string) bool {
	if len(h) != 64 {
		return false
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// signFast signs req in place and reports true, or reports false without
// touching req when the request needs the general path.
func (s *Signer) signFast(req *http.Request, payloadHash string, creds aws.Credentials, service, region string, t time.Time) bool {
	u := req.URL
	if u == nil || u.RawQuery != "" || u.RawPath != "" || u.Opaque != "" || !plainPath(u.Path, !s.options.DisableURIPathNormalization) {
		return false
	}
	path := u.Path
	if path == "" {
		path = "/"
	}
	if payloadHash != UnsignedPayload && !lowerHex(payloadHash) {
		return false
	}
	host := req.Host
	if host == "" {
		host = u.Host
	}
	token := creds.SessionToken
	if !plainValue(host) || !plainValue(token) {
		return false
	}
	t = t.UTC()
	date := s.amzDate(t)

	var hs [maxFastHeaders]fastHeader
	n := 0
	add := func(h fastHeader) bool {
		if n == len(hs) {
			return false
		}
		// insertion sort by lowercase name; equal names need the general path
		i := n
		for i > 0 {
			c := lowerCmp(hs[i-1].name, h.name)
			if c == 0 {
				return false
			}
			if c < 0 {
				break
			}
			hs[i] = hs[i-1]
			i--
		}
		hs[i] = h
		n++
		return true
	}
	for k, vs := range req.Header {
		if !asciiName(k) {
			return false
		}
		switch {
		case ignoredFold(k):
			continue
		case k == "Host", k == HeaderDate, k == HeaderContentSHA256 && s.options.AddPayloadHashHeader:
			continue // replaced below
		case strings.EqualFold(k, "host"), strings.EqualFold(k, HeaderDate), strings.EqualFold(k, HeaderSecurityToken),
			strings.EqualFold(k, "content-length"), strings.EqualFold(k, HeaderContentSHA256):
			return false // the general path's handling of these is not worth copying
		}
		if !add(fastHeader{name: k, vals: vs}) {
			return false
		}
	}
	var clen [20]byte
	if !add(fastHeader{name: "host", added: host}) || !add(fastHeader{name: "x-amz-date", added: date}) {
		return false
	}
	if req.ContentLength > 0 && !add(fastHeader{name: "content-length", added: string(strconv.AppendInt(clen[:0], req.ContentLength, 10))}) {
		return false
	}
	if token != "" && !add(fastHeader{name: "x-amz-security-token", added: token}) {
		return false
	}
	if s.options.AddPayloadHashHeader && !add(fastHeader{name: "x-amz-content-sha256", added: payloadHash}) {
		return false
	}

	bp := scratchPool.Get().(*[]byte)
	defer scratchPool.Put(bp)
	b := (*bp)[:0]

	// Canonical request.
	b = append(b, req.Method...)
	b = append(b, '\n')
	b = append(b, path...)
	b = append(b, "\n\n"...)
	for i := range n {
		h := &hs[i]
		b = appendLower(b, h.name)
		b = append(b, ':')
		if h.vals == nil {
			b = append(b, h.added...)
		}
		for j, v := range h.vals {
			if j > 0 {
				b = append(b, ',')
			}
			if !plainValue(v) {
				v = strings.TrimSpace(foldSpace(v))
			}
			b = append(b, v...)
		}
		b = append(b, '\n')
	}
	b = append(b, '\n')
	signedStart := len(b)
	for i := range n {
		if i > 0 {
			b = append(b, ';')
		}
		b = appendLower(b, hs[i].name)
	}
	signedEnd := len(b)
	b = append(b, '\n')
	b = append(b, payloadHash...)
	crHash := sha256.Sum256(b)

	// String to sign, after 64 bytes of room for the HMAC's inner pad.
	key := s.signingKey(creds.SecretAccessKey, date[:8], region, service)
	sts := len(b)
	b = append(b, make([]byte, 64)...)
	for i := range 64 {
		pad := byte(0)
		if i < len(key) {
			pad = key[i]
		}
		b[sts+i] = pad ^ 0x36
	}
	b = append(b, Algorithm+"\n"...)
	b = append(b, date...)
	b = append(b, '\n')
	scopeStart := len(b)
	b = append(b, date[:8]...)
	b = append(b, '/')
	b = append(b, region...)
	b = append(b, '/')
	b = append(b, service...)
	b = append(b, "/aws4_request"...)
	scopeEnd := len(b)
	b = append(b, '\n')
	var hx [64]byte
	hex.Encode(hx[:], crHash[:])
	b = append(b, hx[:]...)
	inner := sha256.Sum256(b[sts:])
	var outer [64 + 32]byte
	for i := range 64 {
		pad := byte(0)
		if i < len(key) {
			pad = key[i]
		}
		outer[i] = pad ^ 0x5c
	}
	copy(outer[64:], inner[:])
	sig := sha256.Sum256(outer[:])
	hex.Encode(hx[:], sig[:])

	// Authorization header, built in one allocation.
	var a strings.Builder
	a.Grow(len(Algorithm) + len(" Credential=") + len(creds.AccessKeyID) + 1 + (scopeEnd - scopeStart) +
		len(", SignedHeaders=") + (signedEnd - signedStart) + len(", Signature=") + 64)
	a.WriteString(Algorithm + " Credential=")
	a.WriteString(creds.AccessKeyID)
	a.WriteByte('/')
	a.Write(b[scopeStart:scopeEnd])
	a.WriteString(", SignedHeaders=")
	a.Write(b[signedStart:signedEnd])
	a.WriteString(", Signature=")
	a.Write(hx[:])
	*bp = b

	nv := 2
	if token != "" {
		nv++
	}
	if s.options.AddPayloadHashHeader {
		nv++
	}
	vals := make([]string, nv)
	vals[0], vals[1] = date, a.String()
	req.Header[HeaderDate] = vals[0:1:1]
	req.Header[HeaderAuthorization] = vals[1:2:2]
	i := 2
	if token != "" {
		vals[i] = token
		req.Header[HeaderSecurityToken] = vals[i : i+1 : i+1]
		i++
	}
	if s.options.AddPayloadHashHeader {
		vals[i] = payloadHash
		req.Header[HeaderContentSHA256] = vals[i : i+1 : i+1]
	}
	return true
}

func ignoredFold(k string) bool {
	switch len(k) {
	case 6:
		return strings.EqualFold(k, "expect")
	case 10:
		return strings.EqualFold(k, "user-agent")
	case 13:
		return strings.EqualFold(k, "authorization")
	case 15:
		return strings.EqualFold(k, "x-amzn-trace-id")
	case 17:
		return strings.EqualFold(k, "transfer-encoding")
	}
	return false
}

// dateCache holds the X-Amz-Date of the last second signed in.
type dateCache struct {
	unix int64
	s    string
}

func (s *Signer) amzDate(t time.Time) string {
	sec := t.Unix()
	if c := s.date.Load(); c != nil && c.unix == sec {
		return c.s
	}
	d := t.Format(TimeFormat)
	s.date.Store(&dateCache{unix: sec, s: d})
	return d
}

// keyEntry is one cached SigV4 signing key.
type keyEntry struct {
	secret, region, service string
	day                     [8]byte
	key                     [32]byte
}

const keyCacheSize = 8

type keyCache struct {
	entries [keyCacheSize]atomic.Pointer[keyEntry]
	next    atomic.Uint32
}

// signingKey returns the key derived from secret for day (YYYYMMDD), region
// and service, from the cache when it has it.
func (s *Signer) signingKey(secret, day, region, service string) []byte {
	for i := range s.keys.entries {
		e := s.keys.entries[i].Load()
		if e != nil && string(e.day[:]) == day && e.secret == secret && e.region == region && e.service == service {
			return e.key[:]
		}
	}
	e := &keyEntry{secret: secret, region: region, service: service}
	copy(e.day[:], day)
	k := hmacSHA256([]byte("AWS4"+secret), []byte(day))
	k = hmacSHA256(k, []byte(region))
	k = hmacSHA256(k, []byte(service))
	k = hmacSHA256(k, []byte("aws4_request"))
	copy(e.key[:], k)
	s.keys.entries[s.keys.next.Add(1)%keyCacheSize].Store(e)
	return e.key[:]
}

func hmacSHA256(key, data []byte) []byte {
	h := hmac.New(sha256.New, key)
	h.Write(data)
	return h.Sum(nil)
}
