package awsjson

import (
	"bytes"

	"github.com/eucsdk/eucsdk/runtime/wire"
)

// RestJSON1 is the restJson1 protocol: operations are addressed by their
// HTTP bindings, which the generated serializers write (method, path,
// query, headers); bodies are JSON documents or a bound payload; errors are
// named as in awsJson, by X-Amzn-Errortype or the body's code or __type.
var RestJSON1 wire.Protocol = restJSON{}

type restJSON struct{}

// Frame writes nothing: the content type depends on whether the input has
// a body, which only the operation's serializer knows.
func (restJSON) Frame(*wire.Request, wire.Op) {}

// ErrorInfo reads the error code and message as awsJson does.
func (restJSON) ErrorInfo(resp *wire.Response) (code, message string) {
	return JSON11.ErrorInfo(resp)
}

// WriteBody encodes v with fn as the request's JSON body.
func WriteBody[T any](r *wire.Request, v T, fn func(*Encoder, T)) error {
	e := NewEncoder()
	fn(e, v)
	if err := e.Err(); err != nil {
		e.Release()
		return err
	}
	r.SetBody(e.Bytes(), e)
	r.SetHeader("Content-Type", "application/json")
	return nil
}

// ReadBody decodes a JSON response body with fn; an empty body reads as an
// empty document.
func ReadBody(resp *wire.Response, fn func(*Decoder)) error {
	if len(bytes.TrimSpace(resp.Body)) == 0 {
		return nil
	}
	d := acquire(resp.Body)
	fn(d)
	return release(d)
}

// RESTModeledErrors adapts a generated modeled-error decoder of a REST
// protocol, which also reads error members bound to headers; generated code
// converts to it, as to ModeledErrors.
type RESTModeledErrors func(code string, resp *wire.Response, d *Decoder) error

// DecodeError decodes resp into the modeled error for code.
func (fn RESTModeledErrors) DecodeError(code string, resp *wire.Response) error {
	var d Decoder
	d.Reset(resp.Body)
	return fn(code, resp, &d)
}
