package endpoints

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
)

// ErrRecorded is what a Recorder answers every request with: the request
// was kept, not sent.
var ErrRecorded = errors.New("endpoints: request recorded, not sent")

// Recorder is an http.RoundTripper for the operation cases of a rule set's
// tests (smithy.rules#endpointTests operationInputs): it keeps the request
// a call would send and sends nothing.
type Recorder struct {
	mu  sync.Mutex
	req *http.Request
}

// RoundTrip keeps req and fails with ErrRecorded.
func (r *Recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.req = req
	r.mu.Unlock()
	if req.Body != nil {
		req.Body.Close()
	}
	return nil, ErrRecorded
}

// Request is the last request recorded, or nil.
func (r *Recorder) Request() *http.Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.req
}

// CheckOperationCase checks what one call of an operation case did against
// the case's expect object (JSON): for an endpoint, that the request went
// to its URL (scheme, host, and a path under the URL's), carried its
// headers, and was signed for the signing name and region of its sigv4
// auth scheme (Endpoint.SigV4); for an error, that the call sent nothing
// and failed with the rule set's message. req is the request a Recorder kept (nil if none)
// and callErr the call's error.
func CheckOperationCase(req *http.Request, callErr error, expectJSON []byte) error {
	var expect expectation
	if err := json.Unmarshal(expectJSON, &expect); err != nil {
		return fmt.Errorf("expect: %w", err)
	}
	if expect.Error != nil {
		if req != nil {
			return fmt.Errorf("sent %s, want error %q", req.URL, *expect.Error)
		}
		if callErr == nil || !strings.Contains(callErr.Error(), *expect.Error) {
			return fmt.Errorf("error %v, want one saying %q", callErr, *expect.Error)
		}
		return nil
	}
	if expect.Endpoint == nil {
		return errors.New("test case expects neither an endpoint nor an error")
	}
	if req == nil {
		return fmt.Errorf("nothing sent (%v), want a request to %s", callErr, expect.Endpoint.URL)
	}
	want, err := url.Parse(expect.Endpoint.URL)
	if err != nil {
		return fmt.Errorf("expect: url: %w", err)
	}
	got := req.URL
	if got.Scheme != want.Scheme || got.Host != want.Host || !strings.HasPrefix(got.EscapedPath(), strings.TrimSuffix(want.EscapedPath(), "/")) {
		return fmt.Errorf("sent to %s, want %s", got, want)
	}
	for name, vs := range expect.Endpoint.Headers {
		for _, v := range vs {
			if !slices.Contains(req.Header.Values(name), v) {
				return fmt.Errorf("header %s = %q, want it to hold %q", name, req.Header.Values(name), v)
			}
		}
	}
	// The sigv4 scheme the client signs with, found as the client finds it.
	if name, region, ok := (Endpoint{Properties: expect.Endpoint.Properties}).SigV4(); ok {
		auth := req.Header.Get("Authorization")
		_, cred, _ := strings.Cut(auth, "Credential=")
		cred, _, _ = strings.Cut(cred, ",")
		// AKID/date/region/service/aws4_request
		parts := strings.Split(cred, "/")
		if len(parts) != 5 {
			return errors.New("request not signed with SigV4")
		}
		if name != "" && parts[3] != name {
			return fmt.Errorf("signed for service %q, want %q", parts[3], name)
		}
		if region != "" && parts[2] != region {
			return fmt.Errorf("signed for region %q, want %q", parts[2], region)
		}
	}
	return nil
}
