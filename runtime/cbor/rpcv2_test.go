package cbor

import (
	"errors"
	"net/http"
	"testing"

	smithy "github.com/aws/smithy-go"

	"github.com/eucsdk/eucsdk/runtime/wire"
)

func TestFrameAddressesByPath(t *testing.T) {
	for _, tc := range []struct {
		p         *Protocol
		queryMode string
	}{{RPCv2, ""}, {RPCv2QueryCompatible, "true"}} {
		var r wire.Request
		tc.p.Frame(&r, wire.Op{Name: "Op", Target: "/service/S/operation/Op"})
		h := http.Header{}
		r.CopyHeaders(h)
		if r.Method != "POST" || r.Path != "/service/S/operation/Op" || h.Get("Smithy-Protocol") != "rpc-v2-cbor" ||
			h.Get("Accept") != "application/cbor" || h.Get("Content-Type") != "" || h.Get("X-Amzn-Query-Mode") != tc.queryMode {
			t.Errorf("framed %s %s %v", r.Method, r.Path, h)
		}
	}
}

func errorBody(typ, msgKey, msg string) []byte {
	e := NewEncoder()
	e.MapStartIndefinite()
	e.Key("__type")
	e.String(typ)
	e.Key(msgKey)
	e.String(msg)
	e.Break()
	return append([]byte(nil), e.Bytes()...)
}

func TestErrorInfoStripsNamespace(t *testing.T) {
	for _, tc := range []struct{ typ, key, code string }{
		{"aws.protocoltests.rpcv2Cbor#InvalidGreeting", "message", "InvalidGreeting"},
		{"InvalidGreeting", "Message", "InvalidGreeting"},
		{"ns#Err:http://internal.amazon.com/", "message", "Err"},
	} {
		code, msg := RPCv2.ErrorInfo(&wire.Response{StatusCode: 400, Body: errorBody(tc.typ, tc.key, "Hi")})
		if code != tc.code || msg != "Hi" {
			t.Errorf("__type %q: code %q message %q", tc.typ, code, msg)
		}
	}
	for _, body := range [][]byte{nil, []byte("{}"), {0xa1}} {
		if code, _ := RPCv2.ErrorInfo(&wire.Response{Body: body}); code != "" {
			t.Errorf("body %x: code %q, want none", body, code)
		}
	}
}

// An error the model does not know still reports the awsQuery code, and a
// known one gets it as the override.
func TestQueryModeledErrors(t *testing.T) {
	var gotOverride string
	known := errors.New("known")
	fn := QueryModeledErrors(func(code, override string, d *Decoder) error {
		gotOverride = override
		if code == "Known" {
			return known
		}
		return nil
	})
	resp := &wire.Response{StatusCode: 500, Header: http.Header{"X-Amzn-Query-Error": {"AWS.Legacy;Receiver"}}, Body: errorBody("ns#Other", "message", "boom")}
	err := fn.DecodeError("Other", resp)
	var ae *smithy.GenericAPIError
	if !errors.As(err, &ae) || ae.Code != "AWS.Legacy" || ae.Message != "boom" || ae.Fault != smithy.FaultServer {
		t.Fatalf("unmodeled: %#v", err)
	}
	if err := fn.DecodeError("Known", resp); err != known || gotOverride != "AWS.Legacy" {
		t.Fatalf("modeled: %v, override %q", err, gotOverride)
	}
	resp.Header.Set("X-Amzn-Query-Error", "NoSemicolon")
	if err := fn.DecodeError("Other", resp); err != nil || gotOverride != "" {
		t.Fatalf("malformed header: %v, override %q", err, gotOverride)
	}
}
