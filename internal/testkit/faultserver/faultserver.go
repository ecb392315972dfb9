// Package faultserver is an httptest server that answers each request with
// the next step of a script (throttling, server errors, dropped connections,
// hangs, cut-off or malformed bodies, a skewed clock, success) and records
// every request it received. Tests use it to drive a client's retry loop
// through each fault class and then check what was sent on every attempt:
// that a replayed body is byte-identical, and that per-attempt headers such as
// amz-sdk-request advance.
//
// Error responses use the awsJson1_1 shape (AppStream and WorkSpaces): a JSON
// body with __type and message, and the X-Amzn-ErrorType header.
package faultserver

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"
)

// Step is one scripted response.
type Step struct {
	name   string
	header http.Header
	serve  func(s *Server, w http.ResponseWriter, r *http.Request)
}

// String names the step in recorded requests and failure messages.
func (st Step) String() string { return st.name }

// WithHeader returns a copy of st that also sets header k to v on its
// response (steps that drop the connection send no headers).
func (st Step) WithHeader(k, v string) Step {
	h := st.header.Clone()
	if h == nil {
		h = http.Header{}
	}
	h.Add(k, v)
	st.header = h
	return st
}

// JSONContentType is the content type of every scripted body.
const JSONContentType = "application/x-amz-json-1.1"

// Status answers with an AWS JSON error of the given HTTP status and code.
func Status(status int, code string) Step {
	return Step{
		name: fmt.Sprintf("Status(%d, %s)", status, code),
		serve: func(_ *Server, w http.ResponseWriter, _ *http.Request) {
			writeError(w, status, code, "fault injected by faultserver")
		},
	}
}

// Throttle answers 400 with a throttling error code, as AWS JSON services do.
func Throttle(code string) Step {
	st := Status(http.StatusBadRequest, code)
	st.name = fmt.Sprintf("Throttle(%s)", code)
	return st
}

// ResetConnection drops the TCP connection with a reset (SO_LINGER 0) after
// reading the request, so the client sees "connection reset by peer" and no
// response at all.
func ResetConnection() Step {
	return Step{
		name: "ResetConnection",
		serve: func(s *Server, w http.ResponseWriter, _ *http.Request) {
			conn, _, err := http.NewResponseController(w).Hijack()
			if err != nil {
				s.tb.Errorf("faultserver: ResetConnection: hijack: %v", err)
				return
			}
			if tcp, ok := conn.(*net.TCPConn); ok {
				_ = tcp.SetLinger(0)
			}
			_ = conn.Close()
		},
	}
}

// HangUntilCancelled never answers: it holds the request until the client
// gives up (its context is cancelled or its timeout fires) or the server
// closes.
func HangUntilCancelled() Step {
	return Step{
		name: "HangUntilCancelled",
		serve: func(s *Server, _ http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-s.closing:
			}
		},
	}
}

// TruncateBody answers 200 with a Content-Length for all of body but sends
// only its first half, then closes the connection: the client's body read ends
// in io.ErrUnexpectedEOF.
func TruncateBody(body string) Step {
	return Step{
		name: "TruncateBody",
		serve: func(s *Server, w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", JSONContentType)
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			w.WriteHeader(http.StatusOK)
			_, _ = io.WriteString(w, body[:len(body)/2])
			rc := http.NewResponseController(w)
			_ = rc.Flush()
			conn, _, err := rc.Hijack()
			if err != nil {
				s.tb.Errorf("faultserver: TruncateBody: hijack: %v", err)
				return
			}
			_ = conn.Close()
		},
	}
}

// MalformedBody is what MalformedJSON sends: valid UTF-8, invalid JSON.
const MalformedBody = `{"Stacks": [{"Name": "half`

// MalformedJSON answers 200 with a body that is not valid JSON.
func MalformedJSON() Step {
	return Step{
		name: "MalformedJSON",
		serve: func(_ *Server, w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", JSONContentType)
			_, _ = io.WriteString(w, MalformedBody)
		},
	}
}

// SkewedDate answers the way a service rejects a request signed with a wrong
// clock: 400 InvalidSignatureException ("Signature expired"), with a Date
// header that is the server's clock (Server.Now) plus d.
func SkewedDate(d time.Duration) Step {
	return Step{
		name: fmt.Sprintf("SkewedDate(%v)", d),
		serve: func(s *Server, w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Date", s.now().Add(d).UTC().Format(http.TimeFormat))
			writeError(w, http.StatusBadRequest, "InvalidSignatureException",
				"Signature expired: the request time is outside the allowed window")
		},
	}
}

// OK answers 200 with body.
func OK(body string) Step {
	return Step{
		name: "OK",
		serve: func(_ *Server, w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", JSONContentType)
			_, _ = io.WriteString(w, body)
		},
	}
}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	b, _ := json.Marshal(map[string]string{"__type": code, "message": msg})
	w.Header().Set("Content-Type", JSONContentType)
	w.Header().Set("X-Amzn-ErrorType", code)
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// Request is what the server received for one request.
type Request struct {
	Method string
	URI    string // path and query as sent
	Header http.Header
	Body   []byte
	Step   string // the step that answered it
}

// Server plays its script, one step per request, in order.
type Server struct {
	*httptest.Server

	tb      testing.TB
	closing chan struct{}
	once    sync.Once

	mu       sync.Mutex
	steps    []Step
	next     int
	requests []Request
	arrived  chan struct{} // closed and replaced on every request
	clock    func() time.Time
}

// New starts a server with the given script and closes it when the test ends.
// A request beyond the script fails the test and gets a non-retryable 501.
func New(tb testing.TB, steps ...Step) *Server {
	s := &Server{
		tb:      tb,
		closing: make(chan struct{}),
		steps:   append([]Step(nil), steps...),
		arrived: make(chan struct{}),
		clock:   time.Now,
	}
	s.Server = httptest.NewServer(http.HandlerFunc(s.handle))
	tb.Cleanup(s.Close)
	return s
}

// Add appends steps to the script.
func (s *Server) Add(steps ...Step) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.steps = append(s.steps, steps...)
}

// SetNow replaces the server's clock (used by SkewedDate).
func (s *Server) SetNow(now func() time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.clock = now
}

func (s *Server) now() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.clock()
}

// Requests returns a copy of what the server has received so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// WaitForRequests blocks until at least n requests have arrived or ctx is
// done, so a test can act (cancel, say) at the right moment without sleeping.
func (s *Server) WaitForRequests(ctx context.Context, n int) error {
	for {
		s.mu.Lock()
		got, ch := len(s.requests), s.arrived
		s.mu.Unlock()
		if got >= n {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("faultserver: %d of %d requests arrived: %w", got, n, ctx.Err())
		}
	}
}

// Close unblocks hanging steps and shuts the server down; it is idempotent.
func (s *Server) Close() {
	s.once.Do(func() {
		close(s.closing)
		s.Server.CloseClientConnections()
		s.Server.Close()
	})
}

func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		s.tb.Errorf("faultserver: reading request body: %v", err)
	}
	s.mu.Lock()
	var st Step
	ok := s.next < len(s.steps)
	if ok {
		st = s.steps[s.next]
		s.next++
	}
	rec := Request{Method: r.Method, URI: r.RequestURI, Header: r.Header.Clone(), Body: body, Step: "ScriptExhausted"}
	if ok {
		rec.Step = st.name
	}
	s.requests = append(s.requests, rec)
	n, total := len(s.requests), len(s.steps)
	close(s.arrived)
	s.arrived = make(chan struct{})
	s.mu.Unlock()

	if !ok {
		s.tb.Errorf("faultserver: request %d (%s %s) is beyond the %d-step script", n, r.Method, r.RequestURI, total)
		writeError(w, http.StatusNotImplemented, "ScriptExhausted", "faultserver has no scripted response for this request")
		return
	}
	for k, vs := range st.header {
		w.Header()[k] = append(w.Header()[k], vs...)
	}
	st.serve(s, w, r)
}
