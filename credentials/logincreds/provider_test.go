package logincreds_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/credentials/logincreds"
	"github.com/eucsdk/eucsdk/signin"
)

var t0 = time.Date(2030, 6, 1, 12, 0, 0, 0, time.UTC)

// fakeSignin speaks Signin's restJson1 CreateOAuth2Token (POST /v1/token)
// and checks each request's DPoP proof against the session's public key,
// as the service does.
type fakeSignin struct {
	t      *testing.T
	srv    *httptest.Server
	key    *ecdsa.PublicKey
	mu     sync.Mutex
	bodies []map[string]string
	proofs []map[string]any
	auth   []string
	deny   string // an OAuth2ErrorCode to deny with
}

func newFakeSignin(t *testing.T, key *ecdsa.PublicKey) *fakeSignin {
	f := &fakeSignin{t: t, key: key}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeSignin) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Amzn-Requestid", "signin-rid-1")
	if r.Method != "POST" || r.URL.Path != "/v1/token" {
		w.WriteHeader(404)
		return
	}
	b, _ := io.ReadAll(r.Body)
	var body map[string]string
	json.Unmarshal(b, &body)
	f.bodies = append(f.bodies, body)
	f.auth = append(f.auth, r.Header.Get("Authorization"))
	claims, err := verifyDPoP(r.Header.Get("DPoP"), f.key)
	if err != nil {
		w.Header().Set("X-Amzn-Errortype", "ValidationException")
		w.WriteHeader(400)
		fmt.Fprintf(w, `{"error":"INVALID_REQUEST","message":%q}`, "DPoP: "+err.Error())
		return
	}
	f.proofs = append(f.proofs, claims)
	if f.deny != "" {
		w.Header().Set("X-Amzn-Errortype", "AccessDeniedException")
		w.WriteHeader(403)
		fmt.Fprintf(w, `{"error":%q,"message":"denied"}`, f.deny)
		return
	}
	io.WriteString(w, `{"accessToken":{"accessKeyId":"ASIALOGIN2","secretAccessKey":"refreshedLoginSecret","sessionToken":"refreshedLoginSession"},"tokenType":"aws_sigv4","expiresIn":900,"refreshToken":"rotatedLoginRefresh"}`)
}

// verifyDPoP checks an ES256 DPoP JWT: typ, alg, the embedded JWK equal to
// key, and the signature; it returns the payload.
func verifyDPoP(jwt string, key *ecdsa.PublicKey) (map[string]any, error) {
	parts := strings.Split(jwt, ".")
	if len(parts) != 3 {
		return nil, fmt.Errorf("not a compact JWT: %d parts", len(parts))
	}
	dec := func(s string, v any) error {
		b, err := base64.RawURLEncoding.DecodeString(s)
		if err != nil {
			return err
		}
		return json.Unmarshal(b, v)
	}
	var h struct {
		Typ, Alg string
		Jwk      map[string]string
	}
	var payload map[string]any
	if err := dec(parts[0], &h); err != nil {
		return nil, err
	}
	if err := dec(parts[1], &payload); err != nil {
		return nil, err
	}
	if h.Typ != "dpop+jwt" || h.Alg != "ES256" || h.Jwk["kty"] != "EC" || h.Jwk["crv"] != "P-256" {
		return nil, fmt.Errorf("header %+v", h)
	}
	x, _ := base64.RawURLEncoding.DecodeString(h.Jwk["x"])
	y, _ := base64.RawURLEncoding.DecodeString(h.Jwk["y"])
	if len(x) != 32 || len(y) != 32 || new(big.Int).SetBytes(x).Cmp(key.X) != 0 || new(big.Int).SetBytes(y).Cmp(key.Y) != 0 {
		return nil, fmt.Errorf("jwk is not the session key")
	}
	sig, _ := base64.RawURLEncoding.DecodeString(parts[2])
	if len(sig) != 64 {
		return nil, fmt.Errorf("signature length %d", len(sig))
	}
	digest := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if !ecdsa.Verify(key, digest[:], new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:])) {
		return nil, fmt.Errorf("bad signature")
	}
	return payload, nil
}

func newKey(t *testing.T) (*ecdsa.PrivateKey, string) {
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, _ := x509.MarshalECPrivateKey(k)
	return k, string(pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: der}))
}

func writeSession(t *testing.T, path, keyPEM string, expires time.Time) {
	t.Helper()
	b, _ := json.Marshal(map[string]any{
		"accessToken": map[string]any{"accessKeyId": "ASIALOGIN1", "secretAccessKey": "cachedLoginSecret", "sessionToken": "cachedLoginSession",
			"accountId": "111122223333", "expiresAt": expires.Format(time.RFC3339)},
		"tokenType": "aws_sigv4", "refreshToken": "cachedLoginRefresh", "identityToken": "cachedIdentityToken",
		"clientId": "arn:aws:signin:::devtools/same-device", "dpopKey": keyPEM,
	})
	os.MkdirAll(filepath.Dir(path), 0o700)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func (f *fakeSignin) client() *signin.Client {
	return signin.New(signin.Options{Region: "us-east-1", BaseEndpoint: aws.String(f.srv.URL),
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: "AKIAUNUSED", SecretAccessKey: "unused"}, nil
		})})
}

func TestStandardCachedTokenFilepath(t *testing.T) {
	got, err := logincreds.StandardCachedTokenFilepath("  arn:aws:iam::111122223333:user/dev \n", "/cache")
	sum := sha256.Sum256([]byte("arn:aws:iam::111122223333:user/dev"))
	if want := filepath.Join("/cache", fmt.Sprintf("%x.json", sum)); err != nil || got != want {
		t.Errorf("got %s, %v; want %s", got, err, want)
	}
}

// Valid cached credentials are returned as they are, with no call.
func TestLoginCachedCredentials(t *testing.T) {
	defer logincreds.SetNow(func() time.Time { return t0 })()
	k, pemKey := newKey(t)
	f := newFakeSignin(t, &k.PublicKey)
	path := filepath.Join(t.TempDir(), "s.json")
	writeSession(t, path, pemKey, t0.Add(10*time.Minute))
	c, err := logincreds.New(f.client(), path).Retrieve(context.Background())
	want := aws.Credentials{AccessKeyID: "ASIALOGIN1", SecretAccessKey: "cachedLoginSecret", SessionToken: "cachedLoginSession",
		Source: logincreds.ProviderName, CanExpire: true, Expires: t0.Add(10 * time.Minute), AccountID: "111122223333"}
	if err != nil || c != want {
		t.Errorf("got %+v, %v\nwant %+v", c, err, want)
	}
	if len(f.bodies) != 0 {
		t.Errorf("%d calls for valid cached credentials", len(f.bodies))
	}
}

// Expired: CreateOAuth2Token with the refresh grant and a DPoP proof signed
// by the session key, unsigned by SigV4; the new credentials and rotated
// refresh token are written back atomically, the other fields kept.
func TestLoginRefreshWithDPoP(t *testing.T) {
	defer logincreds.SetNow(func() time.Time { return t0 })()
	k, pemKey := newKey(t)
	f := newFakeSignin(t, &k.PublicKey)
	path := filepath.Join(t.TempDir(), "s.json")
	writeSession(t, path, pemKey, t0.Add(-time.Minute))
	p := logincreds.New(f.client(), path, func(o *logincreds.Options) { o.RestrictPermissions = true })
	c, err := p.Retrieve(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := aws.Credentials{AccessKeyID: "ASIALOGIN2", SecretAccessKey: "refreshedLoginSecret", SessionToken: "refreshedLoginSession",
		Source: logincreds.ProviderName, CanExpire: true, Expires: t0.Add(15 * time.Minute), AccountID: "111122223333"}
	if c != want {
		t.Errorf("got  %+v\nwant %+v", c, want)
	}
	wantBody := map[string]string{"clientId": "arn:aws:signin:::devtools/same-device", "grantType": "refresh_token", "refreshToken": "cachedLoginRefresh"}
	if len(f.bodies) != 1 || fmt.Sprint(f.bodies[0]) != fmt.Sprint(wantBody) {
		t.Errorf("request bodies %v, want %v", f.bodies, wantBody)
	}
	if f.auth[0] != "" {
		t.Errorf("CreateOAuth2Token was SigV4-signed: %q", f.auth[0])
	}
	proof := f.proofs[0]
	if proof["htm"] != "POST" || proof["htu"] != f.srv.URL+"/v1/token" || proof["iat"] != float64(t0.Unix()) || proof["jti"] == "" {
		t.Errorf("DPoP payload %v", proof)
	}
	b, _ := os.ReadFile(path)
	var file map[string]any
	json.Unmarshal(b, &file)
	at := file["accessToken"].(map[string]any)
	if at["accessKeyId"] != "ASIALOGIN2" || file["refreshToken"] != "rotatedLoginRefresh" || file["dpopKey"] != pemKey ||
		file["identityToken"] != "cachedIdentityToken" || at["accountId"] != "111122223333" || at["expiresAt"] != t0.Add(15*time.Minute).Format(time.RFC3339) {
		t.Errorf("cache file after refresh: %s", b)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
	if left, _ := filepath.Glob(path + ".tmp-*"); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// An expired session says to run aws login, with the service's code and
// request id; a missing file says the same.
func TestLoginExpiredSession(t *testing.T) {
	defer logincreds.SetNow(func() time.Time { return t0 })()
	k, pemKey := newKey(t)
	f := newFakeSignin(t, &k.PublicKey)
	f.deny = "TOKEN_EXPIRED"
	path := filepath.Join(t.TempDir(), "s.json")
	_, err := logincreds.New(f.client(), path).Retrieve(context.Background())
	if err == nil || !strings.Contains(err.Error(), "run aws login") {
		t.Errorf("missing file: %v", err)
	}
	writeSession(t, path, pemKey, t0.Add(-time.Minute))
	_, err = logincreds.New(f.client(), path).Retrieve(context.Background())
	for _, want := range []string{"run aws login", "AccessDeniedException", "signin-rid-1"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("expired session: %v; want %q in it", err, want)
		}
	}
}
