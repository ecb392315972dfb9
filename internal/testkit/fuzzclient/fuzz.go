package fuzzclient

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"testing"

	"github.com/aws/smithy-go"

	"github.com/eucsdk/eucsdk/runtime/pipeline"
)

// Target configures Fuzz for one service.
type Target struct {
	// Client is a generated client whose HTTPClient uses Transport and
	// whose retries are off (retry.Nop), with static credentials.
	Client    any
	Transport *Transport
	// EncodeOutput is the service's server.EncodeOutput, used to seed each
	// operation with a realistic body.
	EncodeOutput func(any) ([]byte, error)
	// Seeds are extra bodies, e.g. responses captured from AWS, moto or the
	// emulator; each is tried as a success and as an error.
	Seeds [][]byte
	// Unions are union members to fill union-typed members with, one per
	// union the service has (see Fill).
	Unions []any
}

// Fuzz runs a fuzz target that answers a chosen operation with a chosen
// status, X-Amzn-ErrorType header and body. Whatever the bytes, the call
// must not panic or hang, and its result must be one the pipeline
// documents: a 2xx yields an output or a *smithy.DeserializationError; any
// other status yields a smithy.APIError wrapped in a
// *pipeline.ResponseError of that status. Outputs and errors must also
// print with %v, %+v and %#v.
func Fuzz(f *testing.F, tg Target) {
	ops := Ops(tg.Client, tg.Unions...)
	if len(ops) == 0 {
		f.Fatal("no operations found on the client")
	}
	for i, op := range ops {
		out := reflect.New(op.OutputType)
		Fill(out.Elem(), tg.Unions...)
		body, err := tg.EncodeOutput(out.Interface())
		if err != nil {
			f.Fatalf("%s: encode seed output: %v", op.Name, err)
		}
		f.Add(uint16(i), uint8(0), "", body)

		// The harness must reach every deserializer: each operation's
		// seed decodes back to the output it was encoded from.
		tg.Transport.Set(http.StatusOK, nil, body, false)
		got, err := op.Call(context.Background())
		if err != nil {
			f.Fatalf("%s: seed call failed: %v", op.Name, err)
		}
		g := reflect.ValueOf(got).Elem()
		if md := g.FieldByName("ResultMetadata"); md.IsValid() {
			md.Set(reflect.Zero(md.Type()))
		}
		if !reflect.DeepEqual(g.Interface(), out.Elem().Interface()) {
			f.Fatalf("%s: seed decoded to %+v, want %+v", op.Name, g.Interface(), out.Elem().Interface())
		}
	}
	for i, s := range tg.Seeds {
		f.Add(uint16(i), uint8(0), "", s)
		f.Add(uint16(i), uint8(1), "", s)
		f.Add(uint16(i), uint8(7), "", s)
	}
	f.Add(uint16(0), uint8(1), "ValidationException:http://internal.amazon.com/coral/", []byte(`{"Message":"m"}`))
	f.Fuzz(func(t *testing.T, opIndex uint16, statusIndex uint8, errorType string, body []byte) {
		op := ops[int(opIndex)%len(ops)]
		status := Statuses[int(statusIndex)%len(Statuses)]
		h := http.Header{"Content-Type": {"application/x-amz-json-1.1"}}
		if errorType != "" {
			h.Set("X-Amzn-Errortype", errorType)
		}
		tg.Transport.Set(status, h, body, statusIndex&0x80 != 0)
		out, err := op.Call(context.Background())
		Check(t, op.Name, status, out, err)
	})
}

// Check asserts the documented outcome of a call answered with status.
func Check(t testing.TB, name string, status int, out any, err error) {
	t.Helper()
	if status/100 == 2 {
		if err == nil {
			if out == nil {
				t.Fatalf("%s: nil output and nil error", name)
			}
			_ = fmt.Sprintf("%v %+v %#v", out, out, out)
			return
		}
		var de *smithy.DeserializationError
		var tooLarge *pipeline.ResponseTooLargeError
		if !errors.As(err, &de) && !errors.As(err, &tooLarge) {
			t.Fatalf("%s: HTTP %d: error %T %v, want a *smithy.DeserializationError", name, status, err, err)
		}
	} else {
		if err == nil {
			t.Fatalf("%s: HTTP %d gave no error", name, status)
		}
		var apiErr smithy.APIError
		var re *pipeline.ResponseError
		if !errors.As(err, &apiErr) || !errors.As(err, &re) || re.StatusCode != status {
			t.Fatalf("%s: HTTP %d: error %T %v, want a smithy.APIError in a *pipeline.ResponseError", name, status, err, err)
		}
		if apiErr.ErrorCode() == "" {
			t.Fatalf("%s: HTTP %d: empty error code in %v", name, status, err)
		}
	}
	var oe *smithy.OperationError
	if !errors.As(err, &oe) || oe.OperationName != name {
		t.Fatalf("%s: error %v is not an OperationError of the operation", name, err)
	}
	_ = fmt.Sprintf("%v %+v %#v %s", err, err, err, err.Error())
}
