package pipeline

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/smithy-go"

	"github.com/eucsdk/eucsdk/runtime/awsjson"
	"github.com/eucsdk/eucsdk/runtime/wire"
)

type fuzzModeled struct{ msg *string }

func (e *fuzzModeled) Error() string                 { return "Modeled: " + e.ErrorMessage() }
func (e *fuzzModeled) ErrorCode() string             { return "Modeled" }
func (e *fuzzModeled) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }
func (e *fuzzModeled) ErrorMessage() string {
	if e.msg == nil {
		return ""
	}
	return *e.msg
}

// FuzzErrorResponse drives the pipeline's error path (awsjson.DecodeErrorInfo,
// the XML fallback, the modeled-error hook and clock-skew handling) with
// arbitrary statuses, X-Amzn-ErrorType and Date headers and bodies. The result
// is always a *ResponseError of the status wrapping a smithy.APIError with a
// non-empty, sanitized code.
func FuzzErrorResponse(f *testing.F) {
	for _, s := range []struct {
		status      uint16
		header, day string
		body        string
	}{
		{400, "", "", `{"__type":"com.amazonaws.appstream#Modeled","message":"m"}`},
		{400, "Modeled:http://internal.amazon.com/coral/com.amazon.coral.validate/", "", `{"Message":"m"}`},
		{403, "", "Mon, 02 Jan 2006 15:04:05 GMT", `<ErrorResponse><Errors><Error><Code>SignatureDoesNotMatch</Code><Message>sig</Message></Error></Errors></ErrorResponse>`},
		{500, "", "", "<!doctype html>\n<title>500 Internal Server Error</title>"},
		{503, "", "", ``},
		{400, "", "", `{"code":"Modeled","errorMessage":"x","__type":null}`},
		{400, "", "", `<Error><Code>A#B:C</Code><Message><![CDATA[x]]></Message></Error>`},
		{429, "", "", `{"__type":"ThrottlingException"}`},
	} {
		f.Add(s.status, s.header, s.day, []byte(s.body))
	}
	c := NewClient(&Service{ID: "Fuzz", Protocol: awsjson.JSON11, ModeledError: awsjson.ModeledErrors(func(code string, d *awsjson.Decoder) error {
		if code != "Modeled" {
			return nil
		}
		e := &fuzzModeled{}
		if d.ObjectStart() {
			for k, ok := d.NextKey(); ok; k, ok = d.NextKey() {
				if string(k) == "message" && !d.Null() {
					s := d.String()
					e.msg = &s
					continue
				}
				d.Skip()
			}
		}
		return e
	})}, Options{Region: "us-east-1"}, nil)
	c.ready()
	f.Fuzz(func(t *testing.T, status uint16, errorType, date string, body []byte) {
		code := 300 + int(status)%300 // 300-599: what reaches responseError
		h := http.Header{}
		if errorType != "" {
			h.Set("X-Amzn-Errortype", errorType)
		}
		if date != "" {
			h.Set("Date", date)
		}
		err := c.responseError(&wire.Response{StatusCode: code, Header: h, Body: body}, "rid")
		var re *ResponseError
		var apiErr smithy.APIError
		if !errors.As(err, &re) || re.StatusCode != code || !errors.As(err, &apiErr) {
			t.Fatalf("error %T %v: want an APIError in a *ResponseError of status %d", err, err, code)
		}
		// No ':' suffix; the text after the first '#' is kept even if it
		// holds another '#', as the Smithy specification words it (found by
		// fuzzing: X-Amzn-ErrorType "##" gives code "#").
		if ec := apiErr.ErrorCode(); ec == "" || strings.Contains(ec, ":") {
			t.Fatalf("code %q is empty or not sanitized", ec)
		}
		_ = err.Error()
	})
}
