package endpointcreds

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/internal/testkit/awsenv"
)

var ctx = context.Background()

const okBody = `{"AccessKeyId": "ASIACONT", "SecretAccessKey": "CONTSECRET", "Token": "CONTSESSION", "Expiration": "2030-01-01T00:00:00Z", "AccountId": "123456789012"}`

// fakeEndpoint answers okBody to requests that carry want as Authorization,
// and 401 with a JSON error otherwise; it records the tokens it saw.
func fakeEndpoint(t *testing.T, want *atomic.Value, seen *[]string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got := r.Header.Get("Authorization")
		*seen = append(*seen, got)
		if w2, _ := want.Load().(string); got != w2 {
			w.WriteHeader(http.StatusUnauthorized)
			io.WriteString(w, `{"code": "AccessDenied", "message": "token rejected"}`)
			return
		}
		io.WriteString(w, okBody)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestRelativeURIAndTokenFileReadEachTime(t *testing.T) {
	awsenv.Clean(t)
	var want atomic.Value
	want.Store("CONTTOKEN1")
	var seen []string
	srv := fakeEndpoint(t, &want, &seen)
	saved := ecsOrigin
	ecsOrigin = srv.URL
	t.Cleanup(func() { ecsOrigin = saved })

	tokenFile := filepath.Join(t.TempDir(), "token")
	os.WriteFile(tokenFile, []byte("CONTTOKEN1\n"), 0o600)
	t.Setenv(EnvRelativeURI, "/v2/credentials/abc")
	t.Setenv(EnvAuthToken, "IGNOREDTOKEN")
	t.Setenv(EnvAuthTokenFile, tokenFile)
	p, err := NewFromEnvironment()
	if err != nil || p == nil {
		t.Fatalf("%v, %v", p, err)
	}
	c, err := p.Retrieve(ctx)
	if err != nil || c.AccessKeyID != "ASIACONT" || c.SessionToken != "CONTSESSION" || c.AccountID != "123456789012" ||
		c.Source != ProviderName || !c.CanExpire || !c.Expires.Equal(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("got %+v, %v", c, err)
	}
	// The agent rotates the token file: the next Retrieve sends the new one.
	want.Store("CONTTOKEN2")
	os.WriteFile(tokenFile, []byte("CONTTOKEN2"), 0o600)
	if _, err := p.Retrieve(ctx); err != nil {
		t.Fatalf("after rotation: %v", err)
	}
	if strings.Join(seen, ",") != "CONTTOKEN1,CONTTOKEN2" {
		t.Errorf("tokens sent: %v", seen)
	}
}

func TestEndpointErrorCarriesCodeAndMessageNotToken(t *testing.T) {
	awsenv.Clean(t)
	var want atomic.Value
	want.Store("right")
	var seen []string
	srv := fakeEndpoint(t, &want, &seen)
	t.Setenv(EnvFullURI, srv.URL+"/creds")
	t.Setenv(EnvAuthToken, "CONTWRONGTOKEN")
	p, err := NewFromEnvironment()
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.Retrieve(ctx)
	var e *Error
	if !errors.As(err, &e) || e.StatusCode != 401 || e.Code != "AccessDenied" || e.Message != "token rejected" {
		t.Fatalf("err = %#v", err)
	}
	if strings.Contains(err.Error(), "CONTWRONGTOKEN") {
		t.Errorf("error holds the token: %v", err)
	}
	if len(seen) != 1 {
		t.Errorf("%d requests for a 401, want 1 (no retry)", len(seen))
	}
}

func TestServerErrorsRetriedThenReported(t *testing.T) {
	awsenv.Clean(t)
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) < 3 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, okBody)
	}))
	defer srv.Close()
	if c, err := New(srv.URL).Retrieve(ctx); err != nil || c.AccessKeyID != "ASIACONT" {
		t.Fatalf("%v, %v", c, err)
	}
	_, err := New(srv.URL, func(o *Options) { o.AuthorizationToken = "a\nb" }).Retrieve(ctx)
	if err == nil || !strings.Contains(err.Error(), "line break") {
		t.Errorf("token with newline: %v", err)
	}
	bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "CONTSECRET") }))
	defer bad.Close()
	if _, err := New(bad.URL).Retrieve(ctx); err == nil || strings.Contains(err.Error(), "CONTSECRET") || !strings.Contains(err.Error(), "10 bytes") {
		t.Errorf("bad body: %v", err)
	}
}

func TestAllowedHosts(t *testing.T) {
	awsenv.Clean(t)
	saved := lookupHost
	t.Cleanup(func() { lookupHost = saved })
	lookupHost = func(host string) ([]string, error) {
		switch host {
		case "localhost":
			return []string{"127.0.0.1", "::1"}, nil
		case "mixed.example":
			return []string{"127.0.0.1", "10.0.0.1"}, nil
		}
		return nil, errors.New("no such host")
	}
	for uri, ok := range map[string]bool{
		"http://127.0.0.1:8080/creds":          true,
		"http://[::1]/creds":                   true,
		"http://169.254.170.2/v2/credentials":  true,
		"http://169.254.170.23/v1/credentials": true,
		"http://[fd00:ec2::23]/v1/credentials": true,
		"http://localhost/creds":               true,
		"https://creds.example.com/creds":      true,
		"http://10.0.0.1/creds":                false,
		"http://169.254.169.254/creds":         false,
		"http://mixed.example/creds":           false,
		"http://unknown.example/creds":         false,
		"ftp://127.0.0.1/creds":                false,
		"http://user:PASSWORD@10.0.0.1/x":      false,
	} {
		t.Setenv(EnvFullURI, uri)
		p, err := NewFromEnvironment()
		if ok != (err == nil) || ok != (p != nil) {
			t.Errorf("%s: %v, %v", uri, p, err)
		}
		if err != nil && (!strings.Contains(err.Error(), EnvFullURI) || strings.Contains(err.Error(), "PASSWORD")) {
			t.Errorf("%s: error %v", uri, err)
		}
	}
	t.Setenv(EnvFullURI, "")
	if p, err := NewFromEnvironment(); p != nil || err != nil {
		t.Errorf("nothing set: %v, %v", p, err)
	}
}
