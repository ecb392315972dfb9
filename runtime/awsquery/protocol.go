package awsquery

import (
	"bytes"
	"fmt"
	"strings"
	"sync"

	"github.com/eucsdk/eucsdk/runtime/awsxml"
	"github.com/eucsdk/eucsdk/runtime/wire"
)

// Protocol is awsQuery or ec2Query: every operation is a form POST to "/"
// named by its Action field, and responses are XML. The two differ in the
// response wrapper (awsQuery nests the output in <OpResult>, ec2Query puts
// its members straight under <OpResponse>) and in the error envelope, which
// awsxml.DecodeErrorInfo tells apart by itself. Key naming differs too, but
// the generator resolves names statically, so the runtime never sees it.
type Protocol struct{ ec2 bool }

// The query protocols, for generated services to point to.
var (
	Query = &Protocol{}
	EC2   = &Protocol{ec2: true}
)

// ContentType is the media type of every query request body.
const ContentType = "application/x-www-form-urlencoded"

// Frame addresses op: POST / with a form body. The Action field lives in
// the body, which the serializer writes (Serializer), because a form body
// has no place to put it ahead of the members other than its start.
func (p *Protocol) Frame(r *wire.Request, op wire.Op) {
	r.Method, r.Path = "POST", "/"
	r.SetHeader("Content-Type", ContentType)
}

// ErrorInfo reads the error envelope's code and message. Codes are passed on
// as sent: awsQueryError codes such as "AWS.SimpleQueueService.NoSuchQueue"
// contain dots and colons that awsJson's sanitizing would cut.
func (p *Protocol) ErrorInfo(resp *wire.Response) (code, message string) {
	info, _ := awsxml.DecodeErrorInfo(resp.Header, resp.Body)
	return strings.TrimSpace(info.Code), info.Message
}

// RequestID finds the request id in the body when the service sent no
// x-amzn-RequestId header (the pipeline asks only then): an error
// envelope's <RequestId> (<RequestID> for EC2), or a success response's
// <ResponseMetadata><RequestId> (ec2Query: <requestId>). A success body is
// not parsed a second time: the element is looked for as bytes, from the
// end where awsQuery puts it, which is exact because '<' inside text is
// always escaped.
func (p *Protocol) RequestID(resp *wire.Response) string {
	if id := resp.Header.Get("X-Amz-Request-Id"); id != "" {
		return id
	}
	if resp.StatusCode >= 300 {
		info, _ := awsxml.DecodeErrorInfo(resp.Header, resp.Body)
		return info.RequestID
	}
	if p.ec2 {
		return elementText(resp.Body, "requestId", false)
	}
	return elementText(resp.Body, "RequestId", true)
}

// elementText returns the text of the first (or, with last, the last)
// <name> element of body when it holds plain text, "" otherwise.
func elementText(body []byte, name string, last bool) string {
	open, closing := "<"+name+">", "</"+name+">"
	var i int
	if last {
		i = bytes.LastIndex(body, []byte(open))
	} else {
		i = bytes.Index(body, []byte(open))
	}
	if i < 0 {
		return ""
	}
	rest := body[i+len(open):]
	j := bytes.Index(rest, []byte(closing))
	if j < 0 || bytes.ContainsAny(rest[:j], "<&") {
		return ""
	}
	return string(bytes.TrimSpace(rest[:j]))
}

// Serializer adapts a generated input serializer to the pipeline: the body
// starts with Action and Version, and Fn writes the members into a pooled
// Encoder that the request releases after the call. Generated code writes
// it as a composite literal, which the compiler lays out as static data
// (see wire.Serializer).
type Serializer[In any] struct {
	Action, Version string
	Fn              func(*Encoder, *In)
}

// Serialize writes in as the request's form body.
func (s Serializer[In]) Serialize(r *wire.Request, in *In) error {
	e := NewEncoder(s.Action, s.Version)
	s.Fn(e, in)
	if err := e.Err(); err != nil {
		e.Release()
		return err
	}
	r.SetBody(e.Bytes(), e)
	return nil
}

// Deserializer adapts a generated output deserializer to the pipeline. Fn
// reads the output's members as the children of the current element: of
// <OpResult> for awsQuery (not called when the response has none, as for
// an operation without output), of <OpResponse> for ec2Query, where the
// <requestId> child is a member Fn does not know and skips. Op is the
// operation's name, which the wrappers carry; EC2 is set for ec2Query. A
// flag rather than the Protocol value, because reading a variable of
// another package would make the literal dynamic again.
type Deserializer[Out any] struct {
	Op  string
	EC2 bool
	Fn  func(*awsxml.Decoder, *Out)
}

// Deserialize reads the response body into out.
func (s Deserializer[Out]) Deserialize(resp *wire.Response, out *Out) error {
	if len(bytes.TrimSpace(resp.Body)) == 0 {
		return nil
	}
	d := decoderPool.Get().(*awsxml.Decoder)
	d.Reset(resp.Body)
	if s.EC2 {
		if enterRoot(d, s.Op+"Response") {
			s.Fn(d, out)
			d.End()
		}
	} else {
		d.QueryResponse(s.Op, func(d *awsxml.Decoder) { s.Fn(d, out) })
	}
	err := d.Err()
	d.Reset(nil)
	decoderPool.Put(d)
	return err
}

// enterRoot enters the root element, which must be want.
func enterRoot(d *awsxml.Decoder, want string) bool {
	if !d.Next() {
		if d.Err() == nil {
			d.Fail(fmt.Errorf("%w: no root element", awsxml.ErrEOF))
		}
		return false
	}
	if got := d.Name(); string(got) != want {
		d.Fail(fmt.Errorf("%w: expected root element <%s>, found <%.64s>", awsxml.ErrType, want, got))
		return false
	}
	return true
}

// ModeledErrors adapts a generated modeled-error decoder to the pipeline,
// as a conversion: fn is called with the decoder inside the envelope's
// <Error> element (either envelope), so the error structure's members are
// its children.
type ModeledErrors func(code string, d *awsxml.Decoder) error

// DecodeError decodes resp's body into the modeled error for code.
func (fn ModeledErrors) DecodeError(code string, resp *wire.Response) error {
	var d awsxml.Decoder
	d.Reset(resp.Body)
	if !d.EnterError() {
		// No envelope to read members from: the modeled error still
		// gets its type, from an empty element.
		d.Reset([]byte("<Error></Error>"))
		d.Next()
	}
	return fn(code, &d)
}

// decoderPool keeps Decoders (and their arenas) between calls; a Decoder is
// reset before it goes back, so it holds no response.
var decoderPool = sync.Pool{New: func() any { return new(awsxml.Decoder) }}
