package faultserver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func post(t *testing.T, ctx context.Context, s *Server, body string, hdr map[string]string) (*http.Response, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.URL+"/", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	return s.Client().Do(req)
}

func readAll(t *testing.T, resp *http.Response) []byte {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading body: %v", err)
	}
	return b
}

func wantAWSError(t *testing.T, resp *http.Response, status int, code string) {
	t.Helper()
	b := readAll(t, resp)
	if resp.StatusCode != status {
		t.Errorf("status = %d, want %d", resp.StatusCode, status)
	}
	if got := resp.Header.Get("X-Amzn-ErrorType"); got != code {
		t.Errorf("X-Amzn-ErrorType = %q, want %q", got, code)
	}
	var e struct {
		Type    string `json:"__type"`
		Message string `json:"message"`
	}
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatalf("error body %q: %v", b, err)
	}
	if e.Type != code || e.Message == "" {
		t.Errorf("error body = %+v, want __type %q and a message", e, code)
	}
}

func TestScriptPlaysInOrderAndRecordsRequests(t *testing.T) {
	s := New(t, Throttle("ThrottlingException"), Status(503, "ServiceUnavailable"), Status(500, "InternalError"), OK(`{"ok":true}`))
	ctx := context.Background()
	const body = `{"StackName":"s1"}`

	wantAWSError(t, must(t)(post(t, ctx, s, body, map[string]string{"amz-sdk-request": "attempt=1; max=4"})), 400, "ThrottlingException")
	wantAWSError(t, must(t)(post(t, ctx, s, body, map[string]string{"amz-sdk-request": "attempt=2; max=4"})), 503, "ServiceUnavailable")
	wantAWSError(t, must(t)(post(t, ctx, s, body, map[string]string{"amz-sdk-request": "attempt=3; max=4"})), 500, "InternalError")
	resp := must(t)(post(t, ctx, s, body, map[string]string{"amz-sdk-request": "attempt=4; max=4"}))
	if got := string(readAll(t, resp)); resp.StatusCode != 200 || got != `{"ok":true}` {
		t.Errorf("OK step: %d %q", resp.StatusCode, got)
	}
	if ct := resp.Header.Get("Content-Type"); ct != JSONContentType {
		t.Errorf("Content-Type = %q", ct)
	}

	reqs := s.Requests()
	if len(reqs) != 4 {
		t.Fatalf("recorded %d requests, want 4", len(reqs))
	}
	wantSteps := []string{"Throttle(ThrottlingException)", "Status(503, ServiceUnavailable)", "Status(500, InternalError)", "OK"}
	for i, r := range reqs {
		if r.Method != http.MethodPost || r.URI != "/" {
			t.Errorf("request %d: %s %s", i, r.Method, r.URI)
		}
		if !bytes.Equal(r.Body, []byte(body)) {
			t.Errorf("request %d body = %q", i, r.Body)
		}
		if got, want := r.Header.Get("Amz-Sdk-Request"), fmt.Sprintf("attempt=%d; max=4", i+1); got != want {
			t.Errorf("request %d amz-sdk-request = %q, want %q", i, got, want)
		}
		if r.Step != wantSteps[i] {
			t.Errorf("request %d answered by %q, want %q", i, r.Step, wantSteps[i])
		}
	}
}

func must(t *testing.T) func(*http.Response, error) *http.Response {
	return func(resp *http.Response, err error) *http.Response {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
}

func TestResetConnection(t *testing.T) {
	s := New(t, ResetConnection())
	resp, err := post(t, context.Background(), s, "x", nil)
	if err == nil {
		resp.Body.Close()
		t.Fatalf("got a response (%d), want a connection error", resp.StatusCode)
	}
	// A reset arrives as ECONNRESET; if the reset races the client's read
	// of the (empty) response it surfaces as EOF. Both mean no response.
	if !errors.Is(err, syscall.ECONNRESET) && !errors.Is(err, io.EOF) {
		t.Errorf("err = %v, want connection reset or EOF", err)
	}
	if n := len(s.Requests()); n != 1 {
		t.Errorf("server saw %d requests, want 1", n)
	}
}

func TestHangUntilCancelled(t *testing.T) {
	s := New(t, HangUntilCancelled())
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		resp, err := post(t, ctx, s, "x", nil)
		if err == nil {
			resp.Body.Close()
		}
		errc <- err
	}()
	wctx, wcancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer wcancel()
	if err := s.WaitForRequests(wctx, 1); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-errc:
		t.Fatalf("request returned before cancellation: %v", err)
	default:
	}
	cancel()
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestHangReleasedByClose(t *testing.T) {
	s := New(t, HangUntilCancelled())
	errc := make(chan error, 1)
	go func() {
		resp, err := post(t, context.Background(), s, "x", nil)
		if err == nil {
			resp.Body.Close()
		}
		errc <- err
	}()
	if err := s.WaitForRequests(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	s.Close() // must not deadlock on the hanging handler
	<-errc
	s.Close() // idempotent
}

func TestTruncateBody(t *testing.T) {
	const full = `{"Fleets":[{"Name":"a"},{"Name":"b"}]}`
	s := New(t, TruncateBody(full))
	resp, err := post(t, context.Background(), s, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 || resp.ContentLength != int64(len(full)) {
		t.Errorf("status %d, Content-Length %d, want 200 and %d", resp.StatusCode, resp.ContentLength, len(full))
	}
	b, err := io.ReadAll(resp.Body)
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("read err = %v, want io.ErrUnexpectedEOF", err)
	}
	if string(b) != full[:len(full)/2] {
		t.Errorf("received %q, want the first half", b)
	}
}

func TestMalformedJSON(t *testing.T) {
	s := New(t, MalformedJSON())
	resp := must(t)(post(t, context.Background(), s, "", nil))
	b := readAll(t, resp)
	if resp.StatusCode != 200 {
		t.Errorf("status %d", resp.StatusCode)
	}
	var v any
	var syn *json.SyntaxError
	if err := json.Unmarshal(b, &v); err == nil || (!errors.As(err, &syn) && !strings.Contains(err.Error(), "unexpected end")) {
		t.Errorf("decoding %q: err = %v, want a JSON syntax error", b, err)
	}
}

func TestSkewedDate(t *testing.T) {
	base := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	s := New(t, SkewedDate(-10*time.Minute), SkewedDate(7*time.Minute).WithHeader("X-Test", "1"))
	s.SetNow(func() time.Time { return base })
	for _, want := range []time.Duration{-10 * time.Minute, 7 * time.Minute} {
		resp := must(t)(post(t, context.Background(), s, "", nil))
		date, err := http.ParseTime(resp.Header.Get("Date"))
		if err != nil {
			t.Fatalf("Date %q: %v", resp.Header.Get("Date"), err)
		}
		if got := date.Sub(base); got != want {
			t.Errorf("Date offset = %v, want %v", got, want)
		}
		wantAWSError(t, resp, 400, "InvalidSignatureException")
		if want > 0 && resp.Header.Get("X-Test") != "1" {
			t.Errorf("WithHeader: X-Test missing")
		}
	}
}

// recorder stands in for the test so the exhausted-script failure can be
// observed instead of failing this test.
type recorder struct {
	testing.TB
	mu   sync.Mutex
	errs []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func TestScriptExhausted(t *testing.T) {
	rec := &recorder{TB: t}
	s := New(rec, OK("{}"))
	readAll(t, must(t)(post(t, context.Background(), s, "", nil)))
	resp := must(t)(post(t, context.Background(), s, "", nil))
	wantAWSError(t, resp, 501, "ScriptExhausted")
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if len(rec.errs) != 1 || !strings.Contains(rec.errs[0], "beyond the 1-step script") {
		t.Errorf("reported %q, want one beyond-the-script failure", rec.errs)
	}
	if got := s.Requests(); len(got) != 2 || got[1].Step != "ScriptExhausted" {
		t.Errorf("requests = %+v", got)
	}
}

func TestAddAndConcurrentRequests(t *testing.T) {
	s := New(t)
	const n = 20
	for i := 0; i < n; i++ {
		s.Add(OK(fmt.Sprintf(`{"i":%d}`, i)))
	}
	var wg sync.WaitGroup
	bodies := make(chan string, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := post(t, context.Background(), s, "x", nil)
			if err != nil {
				t.Error(err)
				return
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			bodies <- string(b)
		}()
	}
	wg.Wait()
	close(bodies)
	seen := map[string]bool{}
	for b := range bodies {
		if seen[b] {
			t.Errorf("step body %s served twice", b)
		}
		seen[b] = true
	}
	if len(seen) != n || len(s.Requests()) != n {
		t.Errorf("served %d distinct steps for %d requests, want %d", len(seen), len(s.Requests()), n)
	}
}
