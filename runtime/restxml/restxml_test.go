package restxml

import (
	"net/http"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/runtime/awsxml"
	"github.com/eucsdk/eucsdk/runtime/wire"
)

func TestRequestID(t *testing.T) {
	h := http.Header{}
	h.Set("X-Amz-Request-Id", "s3-id")
	h.Set("X-Amz-Id-2", "host-id")
	if got := RestXML.(wire.RequestIDReader).RequestID(&wire.Response{StatusCode: 200, Header: h}); got != "s3-id" {
		t.Errorf("header id %q", got)
	}
	// S3's unwrapped error keeps the id inside <Error>.
	resp := &wire.Response{StatusCode: 404, Header: http.Header{}, Body: []byte(`<Error><Code>NoSuchKey</Code><Message>m</Message><RequestId>body-id</RequestId></Error>`)}
	if got := RestXML.(wire.RequestIDReader).RequestID(resp); got != "body-id" {
		t.Errorf("body id %q", got)
	}
	if code, msg := RestXML.ErrorInfo(resp); code != "NoSuchKey" || msg != "m" {
		t.Errorf("ErrorInfo = %q, %q", code, msg)
	}
}

// Both envelopes put the modeled error's members as the children of the
// decoder; a body without one still yields the error.
func TestModeledErrorsEnvelopes(t *testing.T) {
	for _, body := range []string{
		`<ErrorResponse><Error><Type>Sender</Type><Code>E</Code><Field>v</Field></Error><RequestId>r</RequestId></ErrorResponse>`,
		`<Error><Code>E</Code><Field>v</Field><RequestId>r</RequestId></Error>`,
		``,
	} {
		var field string
		fn := RESTModeledErrors(func(code string, resp *wire.Response, d *awsxml.Decoder) error {
			for d.Next() {
				if string(d.Name()) == "Field" {
					field = d.String()
				} else {
					d.Skip()
				}
			}
			return d.Err()
		})
		if err := fn.DecodeError("E", &wire.Response{Body: []byte(body)}); err != nil {
			t.Errorf("%s: %v", body, err)
		}
		if want := map[bool]string{true: "", false: "v"}[body == ""]; field != want {
			t.Errorf("%s: field %q, want %q", body, field, want)
		}
	}
}

func TestWriteBodyNamespace(t *testing.T) {
	var r wire.Request
	err := WriteBody(&r, "Root", "", "https://example.com", "x", func(e *awsxml.Encoder, v string) {
		e.Start("a")
		e.String(v)
		e.End()
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(r.Body), `<Root xmlns="https://example.com"><a>x</a></Root>`; got != want {
		t.Errorf("body %s, want %s", got, want)
	}
	r.Release()
}

// TestDecodeAllocations: ReadBody takes a pooled Decoder, as awsquery's
// Deserializer does; a fresh one cost 4 allocations a response (the
// Decoder, its element-name stack and scratch). The test is skipped under
// -race, where sync.Pool drops items at random.
func TestDecodeAllocations(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>bucket</Name>`)
	for range 50 {
		b.WriteString(`<Contents><Key>photos/2024/img-0001.jpg</Key><Size>12345</Size></Contents>`)
	}
	b.WriteString(`</ListBucketResult>`)
	resp := &wire.Response{Body: []byte(b.String())}
	read := func() {
		if err := ReadBody(resp, func(d *awsxml.Decoder) {
			for d.Next() {
				d.Skip()
			}
		}); err != nil {
			t.Fatal(err)
		}
	}
	read()
	if n := testing.AllocsPerRun(100, read); n > 0 {
		t.Errorf("ReadBody allocates %.1f times a response, want 0", n)
	}
}
