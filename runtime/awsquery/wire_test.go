package awsquery

import (
	"errors"
	"net/http"
	"testing"

	"github.com/eucsdk/eucsdk/runtime/awsxml"
	"github.com/eucsdk/eucsdk/runtime/wire"
)

type callerOut struct{ Account, Arn string }

func readCaller(d *awsxml.Decoder, v *callerOut) {
	for d.Next() {
		switch string(d.Name()) {
		case "Account":
			v.Account = d.String()
		case "Arn":
			v.Arn = d.String()
		default:
			d.Skip()
		}
	}
}

func TestFrameAndSerializer(t *testing.T) {
	var r wire.Request
	Query.Frame(&r, wire.Op{Name: "GetCallerIdentity"})
	ser := Serializer[string]{Action: "GetCallerIdentity", Version: "2011-06-15", Fn: func(e *Encoder, in *string) {
		e.Key("Name")
		e.String(*in)
	}}
	in := "a b"
	if err := ser.Serialize(&r, &in); err != nil {
		t.Fatal(err)
	}
	if got, want := string(r.Body), "Action=GetCallerIdentity&Version=2011-06-15&Name=a%20b"; got != want {
		t.Errorf("body = %q, want %q", got, want)
	}
	if r.Method != "POST" || r.Path != "/" || r.Header("Content-Type") != ContentType {
		t.Errorf("frame = %s %s %q", r.Method, r.Path, r.Header("Content-Type"))
	}
	r.Release()
}

func TestDeserializerWrappers(t *testing.T) {
	cases := []struct {
		p    *Protocol
		body string
		want callerOut
		err  error
	}{
		{Query, `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult><Arn>arn:aws:iam::1:user/x</Arn><Account>1</Account></GetCallerIdentityResult>
  <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
			callerOut{"1", "arn:aws:iam::1:user/x"}, nil},
		{Query, `<GetCallerIdentityResponse><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>`, callerOut{}, nil},
		{EC2, `<GetCallerIdentityResponse><requestId>r</requestId><Account>2</Account></GetCallerIdentityResponse>`, callerOut{Account: "2"}, nil},
		{Query, `<OtherResponse/>`, callerOut{}, awsxml.ErrType},
		{EC2, `<OtherResponse/>`, callerOut{}, awsxml.ErrType},
		{EC2, `<GetCallerIdentityResponse><Account>2</Account>`, callerOut{Account: "2"}, awsxml.ErrEOF},
	}
	for i, c := range cases {
		var out callerOut
		err := Deserializer[callerOut]{Op: "GetCallerIdentity", EC2: c.p == EC2, Fn: readCaller}.Deserialize(&wire.Response{StatusCode: 200, Body: []byte(c.body)}, &out)
		if c.err == nil && err != nil || c.err != nil && !errors.Is(err, c.err) {
			t.Errorf("case %d: err = %v, want %v", i, err, c.err)
		}
		if out != c.want {
			t.Errorf("case %d: out = %+v, want %+v", i, out, c.want)
		}
	}
}

type modeled struct{ Code, Message, Extra string }

func (m *modeled) Error() string { return m.Code + ": " + m.Message }

func TestErrorEnvelopes(t *testing.T) {
	decode := ModeledErrors(func(code string, d *awsxml.Decoder) error {
		if code != "AWS.Custom:Code" && code != "InvalidGreeting" {
			return nil
		}
		m := &modeled{Code: code}
		for d.Next() {
			switch string(d.Name()) {
			case "Message":
				m.Message = d.String()
			case "Extra":
				m.Extra = d.String()
			default:
				d.Skip()
			}
		}
		return m
	})
	cases := []struct {
		body      string
		code, msg string
		wantExtra string
		wantTyped bool
	}{
		{`<ErrorResponse><Error><Type>Sender</Type><Code>AWS.Custom:Code</Code><Message>Hi</Message><Extra>x</Extra></Error><RequestId>r</RequestId></ErrorResponse>`,
			"AWS.Custom:Code", "Hi", "x", true},
		{`<Response><Errors><Error><Code>InvalidGreeting</Code><Message>Hi</Message><Extra>y</Extra></Error></Errors><RequestID>r</RequestID></Response>`,
			"InvalidGreeting", "Hi", "y", true},
		{`<ErrorResponse><Error><Code>Unknown</Code><Message>m</Message></Error></ErrorResponse>`, "Unknown", "m", "", false},
		{`not xml`, "", "", "", false},
	}
	for i, c := range cases {
		resp := &wire.Response{StatusCode: 400, Header: http.Header{}, Body: []byte(c.body)}
		code, msg := Query.ErrorInfo(resp)
		if code != c.code || msg != c.msg {
			t.Errorf("case %d: ErrorInfo = %q, %q; want %q, %q", i, code, msg, c.code, c.msg)
		}
		err := decode.DecodeError(code, resp)
		var m *modeled
		if errors.As(err, &m) != c.wantTyped {
			t.Errorf("case %d: modeled error = %v, want typed %v", i, err, c.wantTyped)
			continue
		}
		if m != nil && (m.Message != c.msg || m.Extra != c.wantExtra) {
			t.Errorf("case %d: modeled = %+v", i, m)
		}
	}
}
