package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// Stub makes operation (e.g. "appstream:DescribeFleets") answer with
// response instead of the emulator's own handler, after the model's input
// checks, for the rest of the test. response is one of:
//
//   - the operation's output structure (*appstream.DescribeFleetsOutput);
//   - its output as JSON ({"Fleets":[{"Name":"f1","State":"RUNNING"}]}),
//     decoded into that structure, where a member the model does not have
//     is refused;
//   - an error: a modeled error type of the service (&types.
//     ResourceNotFoundException{}) that the operation can return, or an
//     error the front end answers any call with (ThrottlingException,
//     InternalFailure, ServiceUnavailable), given as StubbedError.
//
// A response that does not fit the model fails t at once, as Ruby's
// stub_responses does, so a stub never describes an API that does not
// exist. Stubbing the same operation again queues the responses: each call
// takes the next and the last one repeats.
func (e *Emulator) Stub(t TB, operation string, response any) {
	t.Helper()
	svc, op, err := e.resolveOp(operation)
	if err == nil {
		err = checkStub(svc, op, response)
	}
	if err != nil {
		t.Fatalf("emulator: stub %s: %v", operation, err)
		return
	}
	if js, ok := response.(string); ok {
		out := modelOps[svc.targetPrefix].newOutput(op)
		_ = json.Unmarshal([]byte(js), out) // checkStub decoded it already
		response = out
	}
	key := svc.signingName + ":" + op
	e.mu.Lock()
	if e.stubs == nil {
		e.stubs = map[string][]any{}
	}
	e.stubs[key] = append(e.stubs[key], response)
	e.mu.Unlock()
	t.Cleanup(func() {
		e.mu.Lock()
		delete(e.stubs, key)
		e.mu.Unlock()
	})
}

// StubbedError is a front-end error for Stub: one AWS answers any
// operation with, whatever the model lists.
type StubbedError struct {
	Code    string // ThrottlingException, InternalFailure or ServiceUnavailable
	Message string
}

func (s *StubbedError) Error() string { return s.Code + ": " + s.Message }

var frontEndCodes = map[string]int{"ThrottlingException": 400, "InternalFailure": 500, "ServiceUnavailable": 503}

func checkStub(svc *service, op string, response any) error {
	m := modelOps[svc.targetPrefix]
	want := m.newOutput(op)
	if want == nil {
		return fmt.Errorf("the %s model has no operation %s", svc.signingName, op)
	}
	switch r := response.(type) {
	case *StubbedError:
		if _, ok := frontEndCodes[r.Code]; !ok {
			return fmt.Errorf("StubbedError %q: want one of ThrottlingException, InternalFailure, ServiceUnavailable (modeled errors are their own types)", r.Code)
		}
		return nil
	case error:
		coded, ok := r.(interface{ ErrorCode() string })
		if !ok {
			return fmt.Errorf("error %T is not an error of the %s model", r, svc.signingName)
		}
		if _, _, ok := svc.encodeError(r); !ok {
			return fmt.Errorf("error %T is not an error of the %s model", r, svc.signingName)
		}
		codes := m.errors(op)
		for _, c := range codes {
			if c == coded.ErrorCode() {
				return nil
			}
		}
		return fmt.Errorf("%s cannot return %s; the model lists [%s]", op, coded.ErrorCode(), strings.Join(codes, ", "))
	case string:
		dec := json.NewDecoder(bytes.NewReader([]byte(r)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(want); err != nil {
			return fmt.Errorf("output JSON does not fit %T: %v", want, err)
		}
		return nil
	}
	if reflect.TypeOf(response) != reflect.TypeOf(want) {
		return fmt.Errorf("response is %T; %s returns %T", response, op, want)
	}
	return nil
}

// stubbed returns the next stubbed response of an operation, under e.mu.
func (e *Emulator) stubbed(svc *service, op string) (any, bool) {
	key := svc.signingName + ":" + op
	q := e.stubs[key]
	if len(q) == 0 {
		return nil, false
	}
	r := q[0]
	if len(q) > 1 {
		e.stubs[key] = q[1:]
	}
	return r, true
}

// Request is one call the emulator received, as its handler saw it.
type Request struct {
	Account   string
	Operation string // "appstream:CreateFleet"
	Input     any    // the decoded input structure, e.g. *appstream.CreateFleetInput
	Err       error  // what the call answered with, nil on success
}

// Requests returns the calls the emulator received so far, oldest first,
// optionally only those of one operation ("appstream:CreateFleet"), so a
// test can assert what the code under test sent. Calls rejected before
// their input was decoded (authentication, malformed JSON) are not there.
func (e *Emulator) Requests(operation ...string) []Request {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []Request
	for _, r := range e.requests {
		if len(operation) == 0 || r.Operation == operation[0] {
			out = append(out, r)
		}
	}
	return out
}

// ResetRequests forgets the calls recorded so far.
func (e *Emulator) ResetRequests() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.requests = nil
}
