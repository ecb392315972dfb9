// Package mototest runs moto (https://github.com/getmoto/moto), a third-party
// AWS emulator, as a local server for integration tests, with SigV4
// signatures checked.
//
// moto checks signatures only after its first INITIAL_NO_AUTH_ACTION_COUNT
// actions. Start sets that count to the few IAM calls Reset needs to create a
// user, an allow-all policy and an access key; every later request must be
// signed with that key, so a wrong secret is refused as it would be by AWS.
//
// Tests skip when moto_server is not on PATH (install it with
// pip install 'moto[server]'), unless EUCSDK_REQUIRE_MOTO=1, which turns the
// skip into a failure so CI cannot pass by silently skipping.
package mototest

import (
	"github.com/eucsdk/eucsdk/internal/testkit/shared"

	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/runtime/signer"
)

const (
	// EnvRequire set to 1 makes a missing moto_server a test failure.
	EnvRequire = "EUCSDK_REQUIRE_MOTO"
	// Binary is the command Start runs.
	Binary = "moto_server"
	// Region is the region every helper signs for.
	Region = "us-east-1"
	// AccountID is moto's default account; the access key Reset creates
	// belongs to it.
	AccountID = "123456789012"
	// InstallHint says how to get moto.
	InstallHint = "pip install 'moto[server]'"

	// bootstrapActions is the number of unauthenticated actions Reset uses:
	// CreateUser, CreatePolicy, AttachUserPolicy, CreateAccessKey.
	bootstrapActions = 4
	bootstrapUser    = "eucsdk-test"
	allowAllPolicy   = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`
)

// ErrNotInstalled is returned by Start when moto_server is not on PATH.
var ErrNotInstalled = errors.New("moto_server not found on PATH; install moto with: " + InstallHint)

// Server is one running moto_server process.
type Server struct {
	// Endpoint is the server's base URL, e.g. http://127.0.0.1:40123.
	Endpoint string

	cmd    *exec.Cmd
	done   chan struct{}
	output *syncBuffer
	client *http.Client
	once   sync.Once
}

// Start runs moto_server on a free loopback port and waits until it answers
// GET /moto-api/. The caller must Close it.
func Start(ctx context.Context) (*Server, error) {
	bin, err := exec.LookPath(Binary)
	if err != nil {
		return nil, ErrNotInstalled
	}
	var lastErr error
	// The free port is found by binding and releasing it, so another process
	// may take it first; a second try is enough in practice.
	for range 3 {
		s, err := start(ctx, bin)
		if err == nil {
			return s, nil
		}
		lastErr = err
		if ctx.Err() != nil {
			break
		}
	}
	return nil, lastErr
}

func start(ctx context.Context, bin string) (*Server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "-H", "127.0.0.1", "-p", strconv.Itoa(port))
	cmd.Env = append(os.Environ(), "INITIAL_NO_AUTH_ACTION_COUNT="+strconv.Itoa(bootstrapActions))
	out := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	ownProcessGroup(cmd)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("mototest: start %s: %w", bin, err)
	}
	s := &Server{
		Endpoint: "http://127.0.0.1:" + strconv.Itoa(port),
		cmd:      cmd,
		done:     make(chan struct{}),
		output:   out,
		// A client of its own: tests of connection handling must not see
		// moto's connections in the default transport's pool.
		client: &http.Client{Transport: &http.Transport{}, Timeout: 30 * time.Second},
	}
	go func() { _ = cmd.Wait(); close(s.done) }()
	if err := s.waitReady(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// waitReady polls GET /moto-api/ until it answers 200, the process exits or
// a minute passes (moto imports every backend at start, which takes a few
// seconds on a busy machine).
func (s *Server) waitReady(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.Endpoint+"/moto-api/", nil)
		if resp, err := s.client.Do(req); err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-s.done:
			return fmt.Errorf("mototest: moto_server exited before it was ready:\n%s", s.Output())
		case <-ctx.Done():
			return fmt.Errorf("mototest: moto_server not ready: %w\n%s", ctx.Err(), s.Output())
		case <-tick.C:
		}
	}
}

// Close stops the server's whole process group and reaps it. It is safe to
// call more than once.
func (s *Server) Close() {
	s.once.Do(func() {
		s.client.CloseIdleConnections()
		stopGroup(s.cmd, s.done, 5*time.Second)
	})
}

// Pid is the server process id (and its process group id).
func (s *Server) Pid() int { return s.cmd.Process.Pid }

// Output is what the server printed so far: one line per request, and
// Python tracebacks of its 500 responses.
func (s *Server) Output() string { return s.output.String() }

// Reset drops all of moto's state, re-arms its unauthenticated-action
// budget, and creates an IAM user with an allow-all policy and an access
// key, which it returns. Every request after Reset must be signed with
// those credentials.
func (s *Server) Reset(ctx context.Context) (aws.Credentials, error) {
	if err := s.post(ctx, "/moto-api/reset", ""); err != nil {
		return aws.Credentials{}, err
	}
	if err := s.post(ctx, "/moto-api/reset-auth", strconv.Itoa(bootstrapActions)); err != nil {
		return aws.Credentials{}, err
	}
	// The bootstrap calls are not checked, but moto routes a request to a
	// service by its credential scope, so they are signed all the same.
	boot := aws.Credentials{AccessKeyID: "AKIDMOTOBOOTSTRAP", SecretAccessKey: "bootstrap", Source: "mototest"}
	iam := func(action string, kv ...string) ([]byte, error) {
		v := url.Values{"Action": {action}, "Version": {"2010-05-08"}}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return s.Query(ctx, boot, "iam", v)
	}
	if _, err := iam("CreateUser", "UserName", bootstrapUser); err != nil {
		return aws.Credentials{}, err
	}
	pol, err := iam("CreatePolicy", "PolicyName", "allow-all", "PolicyDocument", allowAllPolicy)
	if err != nil {
		return aws.Credentials{}, err
	}
	arn := XMLValue(pol, "Arn")
	if _, err := iam("AttachUserPolicy", "UserName", bootstrapUser, "PolicyArn", arn); err != nil {
		return aws.Credentials{}, err
	}
	key, err := iam("CreateAccessKey", "UserName", bootstrapUser)
	if err != nil {
		return aws.Credentials{}, err
	}
	creds := aws.Credentials{
		AccessKeyID:     XMLValue(key, "AccessKeyId"),
		SecretAccessKey: XMLValue(key, "SecretAccessKey"),
		Source:          "mototest",
	}
	if !creds.HasKeys() {
		return aws.Credentials{}, fmt.Errorf("mototest: CreateAccessKey returned no key: %s", key)
	}
	return creds, nil
}

func (s *Server) post(ctx context.Context, path, body string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.Endpoint+path, strings.NewReader(body))
	if err != nil {
		return err
	}
	// moto reads reset-auth's count from the raw body, which a form
	// content type would hide.
	req.Header.Set("Content-Type", "text/plain")
	_, err = s.do(req)
	return err
}

// Query sends a signed awsQuery/ec2Query form POST (IAM, EC2) and returns the
// XML body of a 2xx response; other statuses are a *StatusError.
func (s *Server) Query(ctx context.Context, creds aws.Credentials, service string, params url.Values) ([]byte, error) {
	body := []byte(params.Encode())
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.Endpoint+"/", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
	return s.signed(ctx, creds, service, req, body)
}

// JSON sends a signed awsJson1_1 POST (Directory Service) with X-Amz-Target
// target and returns the body of a 2xx response.
func (s *Server) JSON(ctx context.Context, creds aws.Credentials, service, target string, body []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.Endpoint+"/", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", target)
	return s.signed(ctx, creds, service, req, body)
}

var sig = signer.New()

func (s *Server) signed(ctx context.Context, creds aws.Credentials, service string, req *http.Request, body []byte) ([]byte, error) {
	sum := sha256.Sum256(body)
	if err := sig.SignHTTP(ctx, creds, req, hex.EncodeToString(sum[:]), service, Region, time.Now()); err != nil {
		return nil, err
	}
	return s.do(req)
}

func (s *Server) do(req *http.Request) ([]byte, error) {
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 8<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 != 2 {
		return b, &StatusError{Path: req.URL.Path, Target: req.Header.Get("X-Amz-Target"), StatusCode: resp.StatusCode, Body: string(b)}
	}
	return b, nil
}

// StatusError is a non-2xx answer to a hand-built request.
type StatusError struct {
	Path, Target string
	StatusCode   int
	Body         string
}

func (e *StatusError) Error() string {
	body := e.Body
	if len(body) > 512 {
		body = body[:512] + "..."
	}
	return fmt.Sprintf("mototest: POST %s %s: HTTP %d: %s", e.Path, e.Target, e.StatusCode, body)
}

// XMLValue returns the text of the first element named name in an XML
// document, or "" when there is none.
func XMLValue(doc []byte, name string) string {
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := d.Token()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == name {
			var v string
			if d.DecodeElement(&v, &se) != nil {
				return ""
			}
			return v
		}
	}
}

// Required reports whether EUCSDK_REQUIRE_MOTO asks for moto to be present.
func Required() bool {
	v, _ := strconv.ParseBool(os.Getenv(EnvRequire))
	return v
}

// SkipOrFail ends tb for a Start error: a skip naming the install command
// when moto is not installed and EUCSDK_REQUIRE_MOTO is not set, a failure
// otherwise.
func SkipOrFail(tb testing.TB, err error) {
	tb.Helper()
	if errors.Is(err, ErrNotInstalled) && !Required() && !shared.Strict() {
		tb.Skipf("skipping moto integration test: %v (set %s=1 to make this a failure)", err, EnvRequire)
	}
	tb.Fatalf("moto: %v", err)
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	// Bounded: moto logs a line per request; keep the last 1 MiB.
	if b.b.Len() > 1<<20 {
		b.b.Next(b.b.Len() - 512<<10)
	}
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
