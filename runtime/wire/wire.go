// Package wire is the protocol-neutral envelope between runtime/pipeline and
// the protocol codecs (runtime/awsjson today; CBOR, XML and query codecs
// later): what a protocol writes into a request before it is signed, what it
// reads from a response, and the Protocol interface a generated service
// points to. It imports nothing of this module, so every codec can implement
// it and the pipeline can drive any of them without naming one.
package wire

import (
	"io"
	"net/http"
)

// Op names one operation to its protocol.
type Op struct {
	// Name is the operation's shape name, e.g. CreateImageBuilder.
	Name string
	// Target is the operation's static address where the protocol has one:
	// the X-Amz-Target value for awsJson, the path
	// /service/{Service}/operation/{Operation} for rpcv2Cbor. Protocols
	// that address an operation by bound URI (restJson1, restXml) or by
	// form field (awsQuery) leave it empty and use Name or their generated
	// bindings.
	Target string
}

// Protocol is one wire protocol: a value, not a name the runtime switches on.
// A generated service points to one; its generated per-operation
// serializers and deserializers write and read the body in the protocol's
// codec.
type Protocol interface {
	// Frame writes how op is addressed before the operation's serializer
	// runs: method, path, the content type and addressing headers. Anything
	// that depends on the input (path labels, query, header bindings) is
	// the serializer's to write.
	Frame(r *Request, op Op)

	// ErrorInfo recognises an error response: the error shape's name
	// (sanitized) and its message, either possibly empty. It may replace
	// resp.Body with a body the protocol's modeled-error decoders read, for
	// error bodies a front end sent in another format.
	ErrorInfo(resp *Response) (code, message string)
}

// RequestIDReader is implemented by protocols whose services send the
// request id somewhere other than the x-amzn-RequestId header the pipeline
// reads (restXml's x-amz-request-id, the query protocols' response body).
// It is called only when that header is absent.
type RequestIDReader interface {
	RequestID(resp *Response) string
}

// Releaser is the owner of a request body taken from a pool; it gets the
// buffer back once the call is over.
type Releaser interface{ Release() }

// inlineHeaders is how many header fields a request holds without
// allocating: awsJson uses two, rpcv2Cbor would use three.
const inlineHeaders = 4

// Request is an operation's HTTP request as the protocol and the serializer
// describe it, before the pipeline adds the endpoint and the SDK's own
// headers (User-Agent, invocation id, attempt) and signs it.
type Request struct {
	// Method is the HTTP method; empty means POST.
	Method string
	// Path is joined to the endpoint's path, percent-encoded as sent;
	// empty means "/".
	Path string
	// RawQuery is the encoded query string, without '?'.
	RawQuery string
	// HostPrefix is prepended to the endpoint's host (the endpoint
	// trait's hostPrefix, its labels filled and checked by the serializer).
	HostPrefix string
	// Body is the serialized payload, or nil for none.
	Body []byte
	// ContentEncoding is the body's encoding after compression, e.g. gzip.
	ContentEncoding string

	// Stream is a streaming payload (an @streaming blob bound with
	// httpPayload), set with SetStream instead of Body. The pipeline sends
	// it as it reads it, never whole in memory: with a Content-Length when
	// StreamLength or a seekable stream gives one, chunked otherwise.
	Stream io.Reader
	// StreamLength is Stream's length in bytes, or -1 when the caller did
	// not say (the pipeline then measures a seekable stream, or takes a
	// bound Content-Length header).
	StreamLength int64

	owner Releaser
	n     int
	names [inlineHeaders]string
	// vals backs the one-element value slices of the inline headers, so a
	// request's headers cost no allocation of their own.
	vals [inlineHeaders]string
	more []field
}

type field struct{ name, value string }

// SetHeader adds the header name (in canonical form, as http.Header keys
// are) with one value. Names are not checked for repeats: a protocol sets
// each once.
func (r *Request) SetHeader(name, value string) {
	if r.n < inlineHeaders {
		r.names[r.n], r.vals[r.n] = name, value
		r.n++
		return
	}
	r.more = append(r.more, field{name, value})
}

// Header returns the value of the header name set with SetHeader.
func (r *Request) Header(name string) string {
	for i := 0; i < r.n; i++ {
		if r.names[i] == name {
			return r.vals[i]
		}
	}
	for _, f := range r.more {
		if f.name == name {
			return f.value
		}
	}
	return ""
}

// CopyHeaders writes the headers set with SetHeader into h. The inline
// values are shared, not copied: h must not be modified in place (net/http
// and the signer only read it; replacing a value is fine).
func (r *Request) CopyHeaders(h http.Header) {
	for i := 0; i < r.n; i++ {
		h[r.names[i]] = r.vals[i : i+1 : i+1]
	}
	for _, f := range r.more {
		h[f.name] = []string{f.value}
	}
}

// SetBody sets the body, owned by owner (nil for none) until Release.
func (r *Request) SetBody(b []byte, owner Releaser) {
	r.Release()
	r.Body, r.owner = b, owner
}

// SetStream makes s the payload, sent as read; length is its size in
// bytes, or -1 when unknown. A nil s means no payload. The caller keeps
// ownership: the pipeline never closes s.
func (r *Request) SetStream(s io.Reader, length int64) {
	r.Release()
	r.Stream, r.StreamLength = s, length
}

// Release gives a pooled body back; the request must not be sent after.
func (r *Request) Release() {
	if r.owner != nil {
		r.owner.Release()
		r.owner = nil
	}
	r.Body, r.Stream = nil, nil
}

// Response is a received response, its body read whole, or, for an
// operation whose output streams, not read at all.
type Response struct {
	StatusCode int
	Header     http.Header
	Body       []byte
	// Stream is the unread body of a successful response of an operation
	// whose output is a streaming payload; Body is nil then. The
	// deserializer hands it to the output unread (the caller closes it);
	// if the deserializer fails, the pipeline closes it.
	Stream io.ReadCloser
}

// Serializer writes an operation's input into a request: its body and its
// bindings. An operation descriptor holds one as an interface rather than
// a func field so that generated code can fill it in with a conversion
// (awsjson.Serializer[In](fn)) instead of a call. A conversion is laid out
// by the compiler as static data; a call runs at package init and makes the
// linker keep every operation's codec, used or not.
type Serializer[In any] interface {
	Serialize(r *Request, in *In) error
}

// Deserializer reads a successful response into an operation's output; see
// Serializer for why it is an interface.
type Deserializer[Out any] interface {
	Deserialize(resp *Response, out *Out) error
}

// ErrorDecoder decodes an error response into the service's modeled error
// for code, or returns nil when the model has no such error.
type ErrorDecoder interface {
	DecodeError(code string, resp *Response) error
}

// SerializeFunc is a Serializer that is a plain function, as the REST
// protocols' generated serializers are: they write the bindings and the
// body themselves.
type SerializeFunc[In any] func(r *Request, in *In) error

// Serialize calls f.
func (f SerializeFunc[In]) Serialize(r *Request, in *In) error { return f(r, in) }

// DeserializeFunc is a Deserializer that is a plain function.
type DeserializeFunc[Out any] func(resp *Response, out *Out) error

// Deserialize calls f.
func (f DeserializeFunc[Out]) Deserialize(resp *Response, out *Out) error { return f(resp, out) }

// ErrorDecoderFunc is an ErrorDecoder that is a plain function.
type ErrorDecoderFunc func(code string, resp *Response) error

// DecodeError calls f.
func (f ErrorDecoderFunc) DecodeError(code string, resp *Response) error { return f(code, resp) }
