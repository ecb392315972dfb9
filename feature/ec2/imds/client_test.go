package imds

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/internal/testkit/awsenv"
)

var ctx = context.Background()

// fakeIMDS is a metadata service: tokens with a TTL, a revocable token
// (as after an instance restart), and switches for the token endpoint's
// answer.
type fakeIMDS struct {
	mu          sync.Mutex
	tokenStatus int // 0 means issue tokens
	ttl         int
	issued      []string
	valid       map[string]bool
	tokenPuts   atomic.Int32
	gets        atomic.Int32
	v1Gets      atomic.Int32
	requireV2   bool
}

func (f *fakeIMDS) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if r.URL.Path == "/latest/api/token" {
		f.tokenPuts.Add(1)
		if r.Method != http.MethodPut {
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		if f.tokenStatus != 0 {
			w.WriteHeader(f.tokenStatus)
			return
		}
		if r.Header.Get("X-Aws-Ec2-Metadata-Token-Ttl-Seconds") != "300" {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		tok := "IMDSTOKEN" + strconv.Itoa(len(f.issued))
		f.issued = append(f.issued, tok)
		if f.valid == nil {
			f.valid = map[string]bool{}
		}
		f.valid[tok] = true
		w.Header().Set("X-Aws-Ec2-Metadata-Token-Ttl-Seconds", strconv.Itoa(f.ttl))
		io.WriteString(w, tok)
		return
	}
	f.gets.Add(1)
	tok := r.Header.Get("X-Aws-Ec2-Metadata-Token")
	if tok == "" {
		f.v1Gets.Add(1)
		if f.requireV2 {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
	} else if !f.valid[tok] {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	switch r.URL.Path {
	case "/latest/dynamic/instance-identity/document":
		io.WriteString(w, `{"region": "eu-central-1", "instanceId": "i-123", "accountId": "123456789012"}`)
	case "/latest/meta-data/iam/info":
		io.WriteString(w, `{"Code": "Success", "LastUpdated": "2025-01-01T00:00:00Z", "InstanceProfileArn": "arn:aws:iam::123456789012:instance-profile/p", "InstanceProfileId": "AIPA"}`)
	case "/latest/meta-data/hostname":
		io.WriteString(w, "ip-10-0-0-1")
	default:
		w.WriteHeader(http.StatusNotFound)
	}
}

func (f *fakeIMDS) revokeAll() {
	f.mu.Lock()
	f.valid = nil
	f.mu.Unlock()
}

func newFake(t *testing.T) (*fakeIMDS, *httptest.Server) {
	awsenv.Clean(t)
	t.Setenv("AWS_EC2_METADATA_DISABLED", "")
	f := &fakeIMDS{ttl: 300}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, srv
}

func TestTokenCachedForItsTTLAndRefetchedAfter(t *testing.T) {
	f, srv := newFake(t)
	f.ttl = 60
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	c := New(Options{Endpoint: srv.URL, Now: func() time.Time { return now }})
	for i := 0; i < 3; i++ {
		out, err := c.GetRegion(ctx, nil)
		if err != nil || out.Region != "eu-central-1" {
			t.Fatalf("GetRegion: %v, %v", out, err)
		}
	}
	if n := f.tokenPuts.Load(); n != 1 {
		t.Errorf("%d token requests within the TTL, want 1", n)
	}
	now = now.Add(61 * time.Second) // the service's TTL, not the 300 s asked for
	if _, err := c.GetRegion(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if n := f.tokenPuts.Load(); n != 2 {
		t.Errorf("%d token requests after the TTL, want 2", n)
	}
	if f.v1Gets.Load() != 0 {
		t.Error("IMDSv1 used although tokens work")
	}
}

func TestRetokenOn401(t *testing.T) {
	f, srv := newFake(t)
	c := New(Options{Endpoint: srv.URL})
	if _, err := c.GetIAMInfo(ctx, nil); err != nil {
		t.Fatal(err)
	}
	f.revokeAll()
	out, err := c.GetIAMInfo(ctx, nil)
	if err != nil || out.InstanceProfileID != "AIPA" {
		t.Fatalf("after revocation: %v, %v", out, err)
	}
	if n := f.tokenPuts.Load(); n != 2 {
		t.Errorf("%d token requests, want 2", n)
	}
}

func TestFallbackToV1(t *testing.T) {
	for _, status := range []int{http.StatusForbidden, http.StatusNotFound, http.StatusMethodNotAllowed} {
		f, srv := newFake(t)
		f.tokenStatus = status
		out, err := New(Options{Endpoint: srv.URL}).GetMetadata(ctx, &GetMetadataInput{Path: "/hostname"})
		if err != nil {
			t.Fatalf("%d: %v", status, err)
		}
		b, _ := io.ReadAll(out.Content)
		if string(b) != "ip-10-0-0-1" || f.v1Gets.Load() != 1 {
			t.Errorf("%d: got %q, %d IMDSv1 requests", status, b, f.v1Gets.Load())
		}

		// Disabled by option, by environment variable: the token error.
		_, err = New(Options{Endpoint: srv.URL, EnableFallback: aws.FalseTernary}).GetRegion(ctx, nil)
		if err == nil || !strings.Contains(err.Error(), "IMDSv1 fallback is disabled") || !strings.Contains(err.Error(), strconv.Itoa(status)) {
			t.Errorf("%d, fallback disabled: %v", status, err)
		}
	}
}

// A hop-limit error looks, from inside a container, like a token request
// that never gets an answer: it times out, and the client must neither
// hang nor retry the whole budget on IMDSv1.
func TestTokenTimeoutDoesNotFallBackAndIsShort(t *testing.T) {
	awsenv.Clean(t)
	t.Setenv("AWS_EC2_METADATA_DISABLED", "")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var conns atomic.Int32
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns.Add(1)
			defer c.Close() // never answer
		}
	}()
	start := time.Now()
	_, err = New(Options{Endpoint: "http://" + ln.Addr().String()}).GetRegion(ctx, nil)
	if err == nil || !strings.Contains(err.Error(), "session token") {
		t.Fatalf("err = %v", err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("took %v", took)
	}
	if n := conns.Load(); n != 1 {
		t.Errorf("%d connections, want 1 (no IMDSv1 fallback after a timeout)", n)
	}
}

func TestDisabledAndEndpointSettings(t *testing.T) {
	f, srv := newFake(t)
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	if _, err := New(Options{Endpoint: srv.URL}).GetRegion(ctx, nil); !errors.Is(err, ErrDisabled) {
		t.Errorf("disabled: %v", err)
	}
	if _, err := New(Options{Endpoint: srv.URL, ClientEnableState: ClientEnabled}).GetRegion(ctx, nil); err != nil {
		t.Errorf("enabled by option over the environment: %v", err)
	}
	if f.gets.Load() != 1 {
		t.Errorf("%d requests, want 1", f.gets.Load())
	}
	t.Setenv("AWS_EC2_METADATA_DISABLED", "")
	t.Setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", srv.URL+"/")
	if c := New(Options{}); c.Endpoint() != srv.URL {
		t.Errorf("endpoint from the environment: %s", c.Endpoint())
	}
	t.Setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", "")
	if c := New(Options{EndpointMode: EndpointModeStateIPv6}); c.Endpoint() != "http://[fd00:ec2::254]" {
		t.Errorf("IPv6: %s", c.Endpoint())
	}
	if c := New(Options{}); c.Endpoint() != "http://169.254.169.254" {
		t.Errorf("default: %s", c.Endpoint())
	}
	var m EndpointModeState
	if err := m.SetFromString("ipv6"); err != nil || m != EndpointModeStateIPv6 {
		t.Errorf("mode: %v %v", m, err)
	}
	if err := m.SetFromString("IPv5"); err == nil {
		t.Error("IPv5 accepted")
	}
}

func TestConcurrentCallsShareOneToken(t *testing.T) {
	f, srv := newFake(t)
	c := New(Options{Endpoint: srv.URL})
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.GetRegion(ctx, nil); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if n := f.tokenPuts.Load(); n != 1 {
		t.Errorf("%d token requests, want 1", n)
	}
}

func TestErrorsNeverHoldTheToken(t *testing.T) {
	f, srv := newFake(t)
	c := New(Options{Endpoint: srv.URL})
	_, err := c.GetMetadata(ctx, &GetMetadataInput{Path: "missing"})
	var se *StatusError
	if !errors.As(err, &se) || se.HTTPStatusCode() != 404 {
		t.Fatalf("err = %v", err)
	}
	for _, tok := range f.issued {
		if strings.Contains(err.Error(), tok) {
			t.Errorf("error holds the token: %v", err)
		}
	}
}
