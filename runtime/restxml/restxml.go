// Package restxml is the restXml protocol: operations are addressed by their
// HTTP bindings (written by the generated serializers with runtime/restbind,
// as for restJson1), documents are XML read and written with runtime/awsxml,
// and errors come in <ErrorResponse><Error>, or bare <Error> for services
// with noErrorWrapping (S3).
package restxml

import (
	"bytes"
	"sort"
	"strings"
	"sync"

	"github.com/eucsdk/eucsdk/runtime/awsxml"
	"github.com/eucsdk/eucsdk/runtime/wire"
)

// RestXML is the protocol value generated restXml services point to.
var RestXML wire.Protocol = Protocol{}

// Protocol is restXml. It has no state: what differs per operation is in
// the generated bindings.
type Protocol struct{}

// ContentType is the media type of XML documents, sent with every body the
// protocol writes.
const ContentType = "application/xml"

// Frame writes nothing: method, path and content type come from the
// operation's bindings, which only its serializer knows.
func (Protocol) Frame(*wire.Request, wire.Op) {}

// ErrorInfo reads the code and message of either error envelope.
func (Protocol) ErrorInfo(resp *wire.Response) (code, message string) {
	info, _ := awsxml.DecodeErrorInfo(resp.Header, resp.Body)
	return strings.TrimSpace(info.Code), info.Message
}

// RequestID is the id S3 and the other restXml services send in
// x-amz-request-id rather than x-amzn-RequestId; an error body's
// <RequestId> is the fallback when no header has one.
func (Protocol) RequestID(resp *wire.Response) string {
	if id := resp.Header.Get("X-Amz-Request-Id"); id != "" {
		return id
	}
	if resp.StatusCode >= 300 && len(resp.Body) > 0 {
		info, _ := awsxml.DecodeErrorInfo(resp.Header, resp.Body)
		return info.RequestID
	}
	return ""
}

// WriteBody writes v with fn as the request's XML document: fn writes the
// attributes and children of the root element root, which declares the
// namespace uri (with prefix, when not empty) if uri is set.
func WriteBody[T any](r *wire.Request, root, prefix, uri string, v T, fn func(*awsxml.Encoder, T)) error {
	e := awsxml.NewEncoder()
	e.Start(root)
	if uri != "" {
		e.Namespace(prefix, uri)
	}
	fn(e, v)
	e.End()
	if err := e.Err(); err != nil {
		e.Release()
		return err
	}
	r.SetBody(e.Bytes(), e)
	r.SetHeader("Content-Type", ContentType)
	return nil
}

// ReadBody decodes an XML response document with fn, called just inside
// the root element (whatever its name: services name it after the output
// or the payload shape, and nothing else depends on it). An empty body
// reads as an empty document.
func ReadBody(resp *wire.Response, fn func(*awsxml.Decoder)) error {
	if len(bytes.TrimSpace(resp.Body)) == 0 {
		return nil
	}
	d := decoderPool.Get().(*awsxml.Decoder)
	d.Reset(resp.Body)
	if d.Next() {
		fn(d)
	}
	d.End()
	err := d.Err()
	d.Reset(nil)
	decoderPool.Put(d)
	return err
}

// decoderPool keeps Decoders (and their name and scratch buffers) between
// calls, as awsquery's does; a Decoder is reset before it goes back, so it
// holds no response.
var decoderPool = sync.Pool{New: func() any { return new(awsxml.Decoder) }}

// RESTModeledErrors adapts a generated modeled-error decoder: it reads the
// error's header bindings from resp and its members as the children of d,
// which is inside the envelope's <Error> element (an empty one when the
// body has none, so the error still gets its type). Generated code
// converts to it, so the service descriptor stays static data.
type RESTModeledErrors func(code string, resp *wire.Response, d *awsxml.Decoder) error

// DecodeError decodes resp into the modeled error for code.
func (fn RESTModeledErrors) DecodeError(code string, resp *wire.Response) error {
	var d awsxml.Decoder
	d.Reset(resp.Body)
	if !d.EnterError() {
		d.Reset([]byte("<Error></Error>"))
		d.Next()
	}
	return fn(code, resp, &d)
}

// SortedKeys returns a map's keys in order, so that a map member's entries
// are written the same way every time.
func SortedKeys[M ~map[string]V, V any](m M) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
