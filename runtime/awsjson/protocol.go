package awsjson

import (
	"bytes"
	"sync"

	"github.com/eucsdk/eucsdk/runtime/wire"
)

// Protocol is awsJson1_0 or awsJson1_1: every operation is a POST to "/"
// named by its X-Amz-Target header, bodies are JSON documents, and an error
// is named by X-Amzn-Errortype or the body's __type or code. The two
// versions differ only in their content type.
type Protocol struct{ contentType string }

// The awsJson protocols, for generated services to point to.
var (
	JSON10 = &Protocol{contentType: "application/x-amz-json-1.0"}
	JSON11 = &Protocol{contentType: "application/x-amz-json-1.1"}
)

// ContentType returns the protocol's media type.
func (p *Protocol) ContentType() string { return p.contentType }

// Frame addresses op: POST / with its X-Amz-Target.
func (p *Protocol) Frame(r *wire.Request, op wire.Op) {
	r.Method, r.Path = "POST", "/"
	r.SetHeader("Content-Type", p.contentType)
	r.SetHeader("X-Amz-Target", op.Target)
}

// ErrorInfo reads an error response's code and message (see
// DecodeErrorInfo). A body that carries no JSON message but is an XML error
// from a front end is read as one, and replaced by {"message": …} so the
// modeled error keeps its message.
func (p *Protocol) ErrorInfo(resp *wire.Response) (code, message string) {
	code, message = DecodeErrorInfo(resp.Header, resp.Body)
	if message != "" {
		return code, message
	}
	if xc, xm := xmlErrorInfo(resp.Body); xc != "" || xm != "" {
		if code == "" {
			code = SanitizeErrorCode(xc)
		}
		message, resp.Body = xm, jsonMessage(xm)
	}
	return code, message
}

// Serializer adapts a generated input serializer to the pipeline: the body
// is written into a pooled Encoder that the request releases after the call.
// Generated code converts to it (Serializer[In](fn)) so that the operation
// descriptor stays static data (see wire.Serializer).
type Serializer[In any] func(*Encoder, *In)

// Serialize writes in as the request's JSON body.
func (fn Serializer[In]) Serialize(r *wire.Request, in *In) error {
	e := NewEncoder()
	fn(e, in)
	if err := e.Err(); err != nil {
		e.Release()
		return err
	}
	r.SetBody(e.Bytes(), e)
	return nil
}

// Deserializer adapts a generated output deserializer to the pipeline, as a
// conversion like Serializer.
type Deserializer[Out any] func(*Decoder, *Out)

// Deserialize reads the response body into out. An empty body is an empty
// output, as awsJson allows.
func (fn Deserializer[Out]) Deserialize(resp *wire.Response, out *Out) error {
	if len(bytes.TrimSpace(resp.Body)) == 0 {
		return nil
	}
	d := acquire(resp.Body)
	fn(d, out)
	return release(d)
}

// acquire takes a pooled Decoder reading body.
func acquire(body []byte) *Decoder {
	d := decoderPool.Get().(*Decoder)
	if n := len(body); n >= sharedBodyMin && n <= sharedBodyMax {
		// One copy of the body; decoded strings are substrings of it.
		d.ResetString(string(body))
	} else {
		d.Reset(body)
	}
	return d
}

// release checks that d read one whole document, returns it to the pool,
// and reports its error.
func release(d *Decoder) error {
	d.End()
	err := d.Err()
	d.Reset(nil)
	decoderPool.Put(d)
	return err
}

// ModeledErrors adapts a generated modeled-error decoder to the pipeline,
// as a conversion like Serializer.
type ModeledErrors func(code string, d *Decoder) error

// DecodeError decodes resp's body into the modeled error for code.
func (fn ModeledErrors) DecodeError(code string, resp *wire.Response) error {
	var d Decoder
	d.Reset(resp.Body)
	return fn(code, &d)
}

// Response bodies of sharedBodyMin to sharedBodyMax bytes are copied once
// into a string that the decoded strings share: one allocation instead of
// one per string. Past sharedBodyMax, each string gets its own copy, so that
// keeping one value does not keep a large response alive; below
// sharedBodyMin the copy would cost more than it saves.
const (
	sharedBodyMin = 128
	sharedBodyMax = 1 << 20
)

// decoderPool keeps Decoders (and their scratch buffers) between calls;
// a Decoder is reset before it goes back, so it holds no response.
var decoderPool = sync.Pool{New: func() any { return new(Decoder) }}
