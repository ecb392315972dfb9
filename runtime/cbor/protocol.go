package cbor

import (
	"strings"
	"sync"

	smithy "github.com/aws/smithy-go"

	"github.com/eucsdk/eucsdk/runtime/wire"
)

// Protocol is Smithy RPC v2 CBOR: every operation is a POST to
// /service/{Service}/operation/{Operation} with the smithy-protocol header,
// bodies are CBOR maps, and an error is named by the body's __type.
type Protocol struct {
	// queryCompatible services (aws.protocols#awsQueryCompatible) also send
	// x-amzn-query-mode and answer errors with x-amzn-query-error.
	queryCompatible bool
}

// The rpcv2Cbor protocol values, for generated services to point to.
var (
	RPCv2                = &Protocol{}
	RPCv2QueryCompatible = &Protocol{queryCompatible: true}
)

// ContentType is the media type of every rpcv2Cbor body.
const ContentType = "application/cbor"

// Frame addresses op by URI: op.Target is its static path,
// /service/{Service}/operation/{Operation}, which the generator writes out
// so that no call builds it. Content-Type is the serializer's to set: the
// protocol forbids it on a request without a body (an operation with no
// input), which Frame cannot tell.
func (p *Protocol) Frame(r *wire.Request, op wire.Op) {
	r.Method, r.Path = "POST", op.Target
	r.SetHeader("Smithy-Protocol", "rpc-v2-cbor")
	r.SetHeader("Accept", ContentType)
	if p.queryCompatible {
		r.SetHeader("X-Amzn-Query-Mode", "true")
	}
}

// ErrorInfo reads the error's name from the body's __type (a shape id whose
// namespace is dropped) and its message from message or Message. A body
// that is not CBOR gives no code, so the pipeline reports a generic error.
func (p *Protocol) ErrorInfo(resp *wire.Response) (code, message string) {
	if len(resp.Body) == 0 {
		return "", ""
	}
	var d Decoder
	d.Reset(resp.Body)
	if !d.ObjectStart() {
		return "", ""
	}
	for key, ok := d.NextKeyString(); ok; key, ok = d.NextKeyString() {
		switch key {
		case "__type":
			if !d.Null() {
				code = SanitizeErrorCode(d.String())
			}
		case "message", "Message":
			if !d.Null() {
				message = d.String()
			}
		default:
			d.Skip()
		}
	}
	if d.Err() != nil {
		return "", ""
	}
	return code, message
}

// SanitizeErrorCode reduces an error type to the error shape's name: a
// shape id loses its namespace ("ns#Name"), and anything after a ':' (a URI
// some front ends append) is dropped.
func SanitizeErrorCode(s string) string {
	if i := strings.IndexByte(s, ':'); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, '#'); i >= 0 {
		s = s[i+1:]
	}
	return s
}

// Serializer adapts a generated input serializer to the pipeline: the body
// is written into a pooled Encoder that the request releases after the call.
// Generated code converts to it (Serializer[In](fn)) so that the operation
// descriptor stays static data (see wire.Serializer).
type Serializer[In any] func(*Encoder, *In)

// Serialize writes in as the request's CBOR body.
func (fn Serializer[In]) Serialize(r *wire.Request, in *In) error {
	e := NewEncoder()
	fn(e, in)
	if err := e.Err(); err != nil {
		e.Release()
		return err
	}
	r.SetHeader("Content-Type", ContentType)
	r.SetBody(e.Bytes(), e)
	return nil
}

// NoInput is the serializer of an operation without input: no body and so,
// as rpcv2Cbor requires, no Content-Type.
type NoInput[In any] struct{}

// Serialize writes nothing.
func (NoInput[In]) Serialize(*wire.Request, *In) error { return nil }

// Deserializer adapts a generated output deserializer to the pipeline, as a
// conversion like Serializer.
type Deserializer[Out any] func(*Decoder, *Out)

// Deserialize reads the response body into out. An empty body is an empty
// output, as rpcv2Cbor allows.
func (fn Deserializer[Out]) Deserialize(resp *wire.Response, out *Out) error {
	if len(resp.Body) == 0 {
		return nil
	}
	d := decoderPool.Get().(*Decoder)
	if n := len(resp.Body); n >= sharedBodyMin && n <= sharedBodyMax {
		// One copy of the body; decoded strings are substrings of it.
		d.ResetString(string(resp.Body))
	} else {
		d.Reset(resp.Body)
	}
	fn(d, out)
	d.End()
	err := d.Err()
	d.Reset(nil)
	decoderPool.Put(d)
	return err
}

// Bodies of sharedBodyMin to sharedBodyMax bytes are copied once into a
// string the decoded strings share; past the upper bound each string gets
// its own copy so that one kept value does not pin a large response.
const (
	sharedBodyMin = 128
	sharedBodyMax = 1 << 20
)

// decoderPool keeps Decoders (and their scratch buffers) between calls; a
// Decoder is reset before it goes back, so it holds no response.
var decoderPool = sync.Pool{New: func() any { return new(Decoder) }}

// ModeledErrors adapts a generated modeled-error decoder to the pipeline,
// as a conversion like Serializer. The decoder gets the code to report as
// the error's ErrorCode when it differs from the modeled one (empty here;
// see QueryModeledErrors).
type ModeledErrors func(code, override string, d *Decoder) error

// DecodeError decodes resp's body into the modeled error for code.
func (fn ModeledErrors) DecodeError(code string, resp *wire.Response) error {
	var d Decoder
	d.Reset(resp.Body)
	return fn(code, "", &d)
}

// QueryModeledErrors is ModeledErrors for awsQueryCompatible services: the
// x-amzn-query-error header ("Code;Fault") carries the code the service's
// awsQuery API used, which the error reports as its ErrorCode. An error
// the model does not know becomes a generic API error with that code.
type QueryModeledErrors func(code, override string, d *Decoder) error

// DecodeError decodes resp into the modeled error for code, reporting the
// awsQuery code when the response names one.
func (fn QueryModeledErrors) DecodeError(code string, resp *wire.Response) error {
	qcode, fault := queryError(resp.Header.Get("X-Amzn-Query-Error"))
	var d Decoder
	d.Reset(resp.Body)
	if err := fn(code, qcode, &d); err != nil || qcode == "" {
		return err
	}
	_, msg := RPCv2.ErrorInfo(resp)
	f := smithy.FaultClient
	if fault == "Receiver" || (fault == "" && resp.StatusCode >= 500) {
		f = smithy.FaultServer
	}
	return &smithy.GenericAPIError{Code: qcode, Message: msg, Fault: f}
}

// queryError splits an x-amzn-query-error value "Code;Fault"; a value
// without the ';' or with an empty code is ignored.
func queryError(h string) (code, fault string) {
	code, fault, ok := strings.Cut(h, ";")
	if !ok || code == "" {
		return "", ""
	}
	return strings.TrimSpace(code), strings.TrimSpace(fault)
}
