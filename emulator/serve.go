package emulator

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/eucsdk/eucsdk/runtime/signer"
)

// contentType is what awsJson1_1 services answer with, errors included.
const contentType = "application/x-amz-json-1.1"

// maxRecorded bounds the request recorder (see Requests).
const maxRecorded = 10000

// maxBody bounds a request body; the APIs emulated here send a few KB.
const maxBody = 1 << 20

var verifier = signer.New()

// apiError is an error the emulator answers with that no model declares:
// the ones AWS's front end produces (signature, throttling, serialization,
// validation) before a request reaches the service.
type apiError struct {
	status int
	code   string
	msg    string
}

func (e *apiError) Error() string { return e.code + ": " + e.msg }

func errorf(status int, code, format string, args ...any) *apiError {
	return &apiError{status: status, code: code, msg: fmt.Sprintf(format, args...)}
}

// call is what a handler knows about the request it serves.
type call struct {
	acct   Account
	region string
	now    time.Time
	op     string
}

type handler func(c *call, in any) (any, error)

// op adapts a typed handler to the table of handlers.
func op[In any](f func(c *call, in *In) (any, error)) handler {
	return func(c *call, in any) (any, error) { return f(c, in.(*In)) }
}

// service is one emulated API: its target prefix, signing name, generated
// codec and the operations the emulator implements.
type service struct {
	name         string
	targetPrefix string
	signingName  string
	decode       func(target string, body []byte) (string, any, error)
	encodeOutput func(any) ([]byte, error)
	encodeError  func(error) (int, []byte, bool)
	ops          map[string]handler
}

// ServeHTTP answers one awsJson1_1 request in the order AWS's front end
// does: transport faults, authentication, throttling, then the operation.
func (e *Emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := e.calls.Add(1)
	start := time.Now()
	reqID := uuid.NewString()
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("X-Amzn-Requestid", reqID)
	// The Date header carries the emulator's clock so a client can measure
	// and correct skew against it, as it would against AWS.
	h.Set("Date", e.now().UTC().Format(http.TimeFormat))

	f := e.faults.get()
	sleep(r.Context(), f.Latency)
	if e.faults.drop(f) {
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				e.logf("-", r.Header.Get("X-Amz-Target"), 0, time.Since(start), "connection dropped")
				return
			}
		}
	}

	acct, op, status, err := e.serve(w, r, n, f)
	if err != nil {
		status = e.writeError(w, op.svc, err)
		e.logf(acct, r.Header.Get("X-Amz-Target"), status, time.Since(start), err.Error())
		return
	}
	e.logf(acct, r.Header.Get("X-Amz-Target"), status, time.Since(start), "")
}

type opRef struct{ svc *service }

func (e *Emulator) serve(w http.ResponseWriter, r *http.Request, n int64, f Faults) (acctID string, ref opRef, status int, err error) {
	if r.Method != http.MethodPost {
		return "-", ref, 0, errorf(404, "UnknownOperationException", "%s is not supported; awsJson services take POST", r.Method)
	}
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBody))
	if err != nil {
		return "-", ref, 0, errorf(413, "SerializationException", "request body: %v", err)
	}
	target := r.Header.Get("X-Amz-Target")
	prefix, opName, _ := strings.Cut(target, ".")
	var svc *service
	for _, s := range e.svcs {
		if s.targetPrefix == prefix {
			svc = s
		}
	}
	ref.svc = svc

	acct, region, err := e.authenticate(r, body, svc)
	if err != nil {
		return "-", ref, 0, err
	}
	acctID = acct.ID
	if f.ThrottleEvery > 0 && n%int64(f.ThrottleEvery) == 0 {
		suggestRetryAfter(w, f)
		return acctID, ref, 0, errorf(400, "ThrottlingException", "Rate exceeded")
	}
	if e.faults.serverError(f) {
		suggestRetryAfter(w, f)
		return acctID, ref, 0, errorf(500, "InternalFailure", "We encountered an internal error. Please try again.")
	}
	if svc == nil {
		return acctID, ref, 0, errorf(400, "UnknownOperationException", "unknown target %q", target)
	}
	out, err := e.dispatch(svc, acct, region, opName, body)
	if err != nil {
		return acctID, ref, 0, err
	}
	b, err := svc.encodeOutput(out)
	if err != nil {
		return acctID, ref, 0, errorf(500, "InternalFailure", "encode %s output: %v", opName, err)
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(b)
	return acctID, ref, http.StatusOK, nil
}

// dispatch runs one operation as the API does once a request is
// authenticated: decode, the front end's checks, the handler (or the
// model-driven fallback) under the state lock, and, with a state file, the
// journal entry that makes the mutation durable before it is acknowledged.
// Seeds and state replay come through here too, so they are checked
// exactly as requests are.
func (e *Emulator) dispatch(svc *service, acct Account, region, opName string, body []byte) (any, error) {
	target := svc.targetPrefix + "." + opName
	handle, ok := svc.ops[opName]
	if !ok {
		handle, ok = e.fallback(svc, opName)
	}
	if !ok {
		return nil, errorf(400, "UnknownOperationException", "the eucsdk emulator does not implement %s", target)
	}
	_, in, err := svc.decode(target, body)
	if err != nil {
		return nil, errorf(400, "SerializationException", "%v", err)
	}
	c := &call{acct: acct, region: region, now: e.now(), op: opName}
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.requests) >= maxRecorded {
		// A long-running emulator keeps the latest calls, not all of them.
		e.requests = append(e.requests[:0], e.requests[maxRecorded/2:]...)
	}
	e.requests = append(e.requests, Request{Account: acct.ID, Operation: svc.signingName + ":" + opName, Input: in})
	rec := &e.requests[len(e.requests)-1]
	if err := frontEnd(svc, in); err != nil {
		rec.Err = err
		return nil, err
	}
	if r, ok := e.stubbed(svc, opName); ok {
		if se, ok := r.(*StubbedError); ok {
			r = errorf(frontEndCodes[se.Code], se.Code, "%s", se.Message)
		}
		if err, ok := r.(error); ok {
			rec.Err = err
			return nil, err
		}
		return r, nil // stubs change nothing, so nothing to journal
	}
	e.tick(c.now)
	out, err := handle(c, in)
	if err != nil {
		rec.Err = err
		return nil, err
	}
	if err := e.journal(svc, acct.ID, opName, body); err != nil {
		return nil, errorf(500, "InternalFailure", "state file: %v", err)
	}
	return out, nil
}

// authenticate finds the account of the request's access key and checks
// the signature, scope and age the way AWS does, with AWS's codes and
// messages so clients classify them (clock skew, credentials) correctly.
func (e *Emulator) authenticate(r *http.Request, body []byte, svc *service) (Account, string, error) {
	authz := r.Header.Get(signer.HeaderAuthorization)
	if authz == "" {
		return Account{}, "", errorf(400, "MissingAuthenticationTokenException", "Missing Authentication Token")
	}
	a, err := signer.ParseAuthorization(authz)
	if err != nil {
		return Account{}, "", errorf(400, "IncompleteSignatureException", "%v", err)
	}
	e.mu.Lock()
	acct, ok := e.accounts[a.AccessKeyID]
	e.mu.Unlock()
	if !ok {
		return Account{}, "", errorf(400, "UnrecognizedClientException", "The security token included in the request is invalid.")
	}
	sum := sha256.Sum256(body)
	_, t, err := verifier.Verify(r, hex.EncodeToString(sum[:]), acct.SecretAccessKey)
	if errors.Is(err, signer.ErrSignatureMismatch) {
		return Account{}, "", errorf(403, "InvalidSignatureException", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")
	}
	if err != nil {
		return Account{}, "", errorf(400, "IncompleteSignatureException", "%v", err)
	}
	if a.Region != e.region {
		return Account{}, "", errorf(403, "InvalidSignatureException", "Credential should be scoped to a valid region, not '%s'. ", a.Region)
	}
	if svc != nil && a.Service != svc.signingName {
		return Account{}, "", errorf(403, "InvalidSignatureException", "Credential should be scoped to correct service: '%s'. ", svc.signingName)
	}
	now := e.now().UTC()
	const f = signer.TimeFormat
	if t.Before(now.Add(-MaxSignatureAge)) {
		return Account{}, "", errorf(403, "InvalidSignatureException", "Signature expired: %s is now earlier than %s (%s - 5 min.)",
			t.Format(f), now.Add(-MaxSignatureAge).Format(f), now.Format(f))
	}
	if t.After(now.Add(MaxSignatureAge)) {
		return Account{}, "", errorf(403, "InvalidSignatureException", "Signature not yet current: %s is still later than %s (%s + 5 min.)",
			t.Format(f), now.Add(MaxSignatureAge).Format(f), now.Format(f))
	}
	return acct, a.Region, nil
}

// writeError encodes a modeled error with the service's generated codec and
// anything else in the {"__type","message"} shape AWS's front end uses.
func (e *Emulator) writeError(w http.ResponseWriter, svc *service, err error) int {
	if svc != nil {
		if status, body, ok := svc.encodeError(err); ok {
			if coded, ok := err.(interface{ ErrorCode() string }); ok {
				w.Header().Set("X-Amzn-Errortype", coded.ErrorCode())
			}
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			w.WriteHeader(status)
			_, _ = w.Write(body)
			return status
		}
	}
	var ae *apiError
	if !errors.As(err, &ae) {
		ae = errorf(500, "InternalFailure", "%v", err)
	}
	body, _ := json.Marshal(struct {
		Type    string `json:"__type"`
		Message string `json:"message"`
	}{ae.code, ae.msg})
	w.Header().Set("X-Amzn-Errortype", ae.code)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(ae.status)
	_, _ = w.Write(body)
	return ae.status
}

// logf writes the one-line summary -v shows: time, account, operation,
// status, duration and, for errors, the message. Nothing from the request's
// headers is logged, so no credential or signature can reach the log;
// messages quote only values the emulator's own checks redact.
func (e *Emulator) logf(acct, target string, status int, took time.Duration, detail string) {
	if e.log == nil {
		return
	}
	e.logMu.Lock()
	defer e.logMu.Unlock()
	if detail != "" {
		detail = "  " + detail
	}
	fmt.Fprintf(e.log, "%s %-12s %-55s %d %6.1fms%s\n", e.now().UTC().Format("15:04:05.000"), acct, target, status, float64(took.Microseconds())/1000, detail)
}

// tick moves every resource whose transitional state has lasted the state
// delay to its next state. Transitions are computed lazily, under e.mu, so
// an injected clock fully controls them and no goroutine runs in the
// background.
func (e *Emulator) tick(now time.Time) {
	e.as.tick(now, e.delay)
	e.asf.tick(now, e.delay)
	e.ws.tick(now, e.delay)
}
