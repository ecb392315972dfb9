package ssocreds_test

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/credentials/ssocreds"
	"github.com/eucsdk/eucsdk/sso"
	"github.com/eucsdk/eucsdk/ssooidc"
)

// fakePortal speaks the SSO portal's and SSO OIDC's restJson1: GET
// /federation/credentials with the token in x-amz-sso_bearer_token, and
// POST /token with a refresh grant. Tokens it issues are numbered.
type fakePortal struct {
	srv       *httptest.Server
	mu        sync.Mutex
	valid     map[string]bool // access tokens the portal accepts
	tokenN    int
	refreshes []map[string]string
	auth      []string
	roleCalls []string
	denyOIDC  bool
}

func newFakePortal(t *testing.T, accessTokens ...string) *fakePortal {
	f := &fakePortal{valid: map[string]bool{}}
	for _, a := range accessTokens {
		f.valid[a] = true
	}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakePortal) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.auth = append(f.auth, r.Header.Get("Authorization"))
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Amzn-Requestid", fmt.Sprintf("rid-%d", len(f.auth)))
	switch {
	case r.Method == "GET" && r.URL.Path == "/federation/credentials":
		tok := r.Header.Get("X-Amz-Sso_bearer_token")
		f.roleCalls = append(f.roleCalls, tok)
		if !f.valid[tok] {
			w.Header().Set("X-Amzn-Errortype", "UnauthorizedException")
			w.WriteHeader(401)
			io.WriteString(w, `{"message":"Session token not found or invalid"}`)
			return
		}
		q := r.URL.Query()
		fmt.Fprintf(w, `{"roleCredentials":{"accessKeyId":"ASIASSO-%s-%s","secretAccessKey":"ssoSecretValue","sessionToken":"ssoSessionToken","expiration":1893456000000}}`,
			q.Get("account_id"), q.Get("role_name"))
	case r.Method == "POST" && r.URL.Path == "/token":
		var in map[string]string
		json.NewDecoder(r.Body).Decode(&in)
		f.refreshes = append(f.refreshes, in)
		if f.denyOIDC {
			w.Header().Set("X-Amzn-Errortype", "InvalidGrantException")
			w.WriteHeader(400)
			io.WriteString(w, `{"error":"invalid_grant","error_description":"refresh token expired"}`)
			return
		}
		f.tokenN++
		access := fmt.Sprintf("refreshedAccessToken%d", f.tokenN)
		f.valid[access] = true
		fmt.Fprintf(w, `{"accessToken":%q,"tokenType":"Bearer","expiresIn":28800,"refreshToken":"rotatedRefreshToken%d"}`, access, f.tokenN)
	default:
		w.WriteHeader(404)
	}
}

func (f *fakePortal) sso() *sso.Client {
	return sso.New(sso.Options{Region: "us-east-1", BaseEndpoint: aws.String(f.srv.URL), Credentials: aws.AnonymousCredentials{}})
}

func (f *fakePortal) oidc() *ssooidc.Client {
	return ssooidc.New(ssooidc.Options{Region: "us-east-1", BaseEndpoint: aws.String(f.srv.URL), Credentials: aws.AnonymousCredentials{}})
}

var t0 = time.Date(2030, 6, 1, 12, 0, 0, 0, time.UTC)

// writeCache writes a cache file as the CLI does, with fields the SDK does
// not read.
func writeCache(t *testing.T, path string, fields map[string]any) {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o700)
	b, _ := json.Marshal(fields)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// The cache file name is the SHA-1 of the session name (sso_session) or of
// the start URL (legacy), under ~/.aws/sso/cache, as the AWS CLI names it.
func TestStandardCachedTokenFilepath(t *testing.T) {
	home := t.TempDir()
	defer ssocreds.SetHome(home)()
	for _, key := range []string{"my-sso", "https://d-123.awsapps.com/start"} {
		got, err := ssocreds.StandardCachedTokenFilepath(key)
		sum := sha1.Sum([]byte(key))
		if want := filepath.Join(home, ".aws", "sso", "cache", hex.EncodeToString(sum[:])+".json"); err != nil || got != want {
			t.Errorf("%s: %s, %v; want %s", key, got, err, want)
		}
	}
	// A known vector: the AWS CLI's cache name for session "dev".
	got, _ := ssocreds.StandardCachedTokenFilepath("dev")
	if filepath.Base(got) != "34c6fceca75e456f25e7e99531e2425c6c1de443.json" {
		t.Errorf("dev -> %s", filepath.Base(got))
	}
}

// Legacy form: the token cache named by the start URL, read, and exchanged
// for role credentials without signing.
func TestProviderLegacyStartURL(t *testing.T) {
	home := t.TempDir()
	defer ssocreds.SetHome(home)()
	defer ssocreds.SetNow(func() time.Time { return t0 })()
	start := "https://d-123.awsapps.com/start"
	path, _ := ssocreds.StandardCachedTokenFilepath(start)
	writeCache(t, path, map[string]any{"startUrl": start, "region": "us-east-1", "accessToken": "cachedAccessToken", "expiresAt": t0.Add(time.Hour).Format(time.RFC3339)})
	f := newFakePortal(t, "cachedAccessToken")
	p := ssocreds.New(f.sso(), "123456789012", "Admin", start)
	c, err := p.Retrieve(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := aws.Credentials{AccessKeyID: "ASIASSO-123456789012-Admin", SecretAccessKey: "ssoSecretValue", SessionToken: "ssoSessionToken",
		Source: ssocreds.ProviderName, CanExpire: true, Expires: time.UnixMilli(1893456000000).UTC(), AccountID: "123456789012"}
	if c != want {
		t.Errorf("got  %+v\nwant %+v", c, want)
	}
	if f.auth[0] != "" {
		t.Errorf("GetRoleCredentials was signed: %q", f.auth[0])
	}
}

// Expired or missing tokens say how to sign in again, naming the profile.
func TestExpiredOrMissingTokenSaysRunSSOLogin(t *testing.T) {
	home := t.TempDir()
	defer ssocreds.SetHome(home)()
	defer ssocreds.SetNow(func() time.Time { return t0 })()
	f := newFakePortal(t)
	start := "https://d-123.awsapps.com/start"
	p := ssocreds.New(f.sso(), "123456789012", "Admin", start, func(o *ssocreds.Options) { o.Profile = "dev" })
	_, err := p.Retrieve(context.Background())
	if err == nil || !strings.Contains(err.Error(), "run aws sso login --profile dev") {
		t.Errorf("missing token: %v", err)
	}
	path, _ := ssocreds.StandardCachedTokenFilepath(start)
	writeCache(t, path, map[string]any{"accessToken": "staleAccessToken", "expiresAt": t0.Add(-time.Minute).Format(time.RFC3339)})
	_, err = p.Retrieve(context.Background())
	var inv *ssocreds.InvalidTokenError
	if err == nil || !strings.Contains(err.Error(), "run aws sso login --profile dev") || !asInvalid(err, &inv) {
		t.Errorf("expired token: %v", err)
	}
	if strings.Contains(fmt.Sprint(err), "staleAccessToken") {
		t.Errorf("the error shows the token: %v", err)
	}
	// Through an SSOTokenProvider with nothing to refresh with.
	tp := ssocreds.NewSSOTokenProvider(f.oidc(), path)
	p = ssocreds.New(f.sso(), "123456789012", "Admin", start, func(o *ssocreds.Options) { o.SSOTokenProvider, o.Profile = tp, "dev" })
	if _, err = p.Retrieve(context.Background()); err == nil || !strings.Contains(err.Error(), "run aws sso login --profile dev") {
		t.Errorf("expired token, token provider: %v", err)
	}
	if len(f.roleCalls) != 0 {
		t.Errorf("GetRoleCredentials called with an expired token")
	}
}

// sso_session form: a token near expiry is refreshed through CreateToken
// (refresh grant with the cached client registration), written back
// atomically with mode 0600 and the CLI's other fields kept, and the new
// token is used for GetRoleCredentials.
func TestSSOTokenRefreshWrittenBackAtomically(t *testing.T) {
	home := t.TempDir()
	defer ssocreds.SetHome(home)()
	clock := t0
	defer ssocreds.SetNow(func() time.Time { return clock })()
	path, _ := ssocreds.StandardCachedTokenFilepath("my-sso")
	writeCache(t, path, map[string]any{
		"startUrl": "https://d-123.awsapps.com/start", "region": "us-east-1",
		"accessToken": "cachedAccessToken", "expiresAt": t0.Add(10 * time.Minute).Format(time.RFC3339),
		"clientId": "cid", "clientSecret": "cachedClientSecret", "refreshToken": "cachedRefreshToken",
		"registrationExpiresAt": "2031-01-01T00:00:00Z",
	})
	os.Chmod(path, 0o644) // the rewrite tightens it
	f := newFakePortal(t, "cachedAccessToken")
	tp := ssocreds.NewSSOTokenProvider(f.oidc(), path)
	p := ssocreds.New(f.sso(), "123456789012", "Admin", "", func(o *ssocreds.Options) { o.SSOTokenProvider = tp })
	c, err := p.Retrieve(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if c.AccessKeyID != "ASIASSO-123456789012-Admin" || f.roleCalls[0] != "refreshedAccessToken1" {
		t.Errorf("credentials %+v from token %q", c, f.roleCalls)
	}
	want := map[string]string{"clientId": "cid", "clientSecret": "cachedClientSecret", "grantType": "refresh_token", "refreshToken": "cachedRefreshToken"}
	if len(f.refreshes) != 1 || fmt.Sprint(f.refreshes[0]) != fmt.Sprint(want) {
		t.Errorf("CreateToken requests %v, want one with %v", f.refreshes, want)
	}
	b, _ := os.ReadFile(path)
	var got map[string]string
	json.Unmarshal(b, &got)
	wantFile := map[string]string{
		"startUrl": "https://d-123.awsapps.com/start", "region": "us-east-1",
		"accessToken": "refreshedAccessToken1", "expiresAt": t0.Add(8 * time.Hour).Format(time.RFC3339),
		"clientId": "cid", "clientSecret": "cachedClientSecret", "refreshToken": "rotatedRefreshToken1",
		"registrationExpiresAt": "2031-01-01T00:00:00Z",
	}
	if fmt.Sprint(got) != fmt.Sprint(wantFile) {
		t.Errorf("cache file\n got %v\nwant %v", got, wantFile)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("cache file mode %v, want 0600", fi.Mode().Perm())
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*.tmp-*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	// Far from expiry now: no second refresh.
	if _, err := p.Retrieve(context.Background()); err != nil || len(f.refreshes) != 1 {
		t.Errorf("second retrieve: %v, %d refreshes", err, len(f.refreshes))
	}
	// A failed refresh while the token is still valid keeps the token; once
	// it has expired, the error says to log in again and carries the code.
	clock = t0.Add(8*time.Hour - 5*time.Minute)
	f.denyOIDC = true
	if tok, err := tp.RetrieveBearerToken(context.Background()); err != nil || tok.Value != "refreshedAccessToken1" {
		t.Errorf("refresh failing before expiry: %v, %v", tok.Value, err)
	}
	clock = t0.Add(9 * time.Hour)
	_, err = tp.RetrieveBearerToken(context.Background())
	if err == nil || !strings.Contains(err.Error(), "run aws sso login") || !strings.Contains(err.Error(), "InvalidGrantException") {
		t.Errorf("refresh failing after expiry: %v", err)
	}
}

// A service error from GetRoleCredentials carries its code and request id.
func TestServiceErrorSurfaced(t *testing.T) {
	home := t.TempDir()
	defer ssocreds.SetHome(home)()
	defer ssocreds.SetNow(func() time.Time { return t0 })()
	path, _ := ssocreds.StandardCachedTokenFilepath("x")
	writeCache(t, path, map[string]any{"accessToken": "revokedAccessToken", "expiresAt": t0.Add(time.Hour).Format(time.RFC3339)})
	f := newFakePortal(t)
	_, err := ssocreds.New(f.sso(), "123456789012", "Admin", "", func(o *ssocreds.Options) { o.CachedTokenFilepath = path }).Retrieve(context.Background())
	if err == nil || !strings.Contains(err.Error(), "UnauthorizedException") || !strings.Contains(err.Error(), "rid-1") || strings.Contains(err.Error(), "revokedAccessToken") {
		t.Errorf("error %v: want the code and request id, not the token", err)
	}
}
