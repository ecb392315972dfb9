package awsjson

import (
	"encoding/json"
	"net/http"
	"os"
	"testing"

	"github.com/eucsdk/eucsdk/internal/testkit/shared"
)

func TestDecodeErrorInfo(t *testing.T) {
	const uri = ":http://internal.amazon.com/coral/com.amazon.coral.validate/"
	tests := []struct {
		name      string
		header    string
		body      string
		code, msg string
	}{
		{"header only", "FooError", ``, "FooError", ""},
		{"header with uri", "FooError" + uri, `{}`, "FooError", ""},
		{"header with namespace and uri", "aws.protocoltests.restjson#FooError" + uri, ``, "FooError", ""},
		{"header beats body", "FromHeader", `{"__type":"FromType","code":"FromCode"}`, "FromHeader", ""},
		{"__type beats code", "", `{"code":"FromCode","__type":"ns#FromType"}`, "FromType", ""},
		{"code", "", `{"code":"aws.protocoltests.json#FooError"}`, "FooError", ""},
		{"code uri namespace", "", `{"code":"aws.protocoltests.json#FooError` + uri + `"}`, "FooError", ""},
		{"__type uri namespace", "", `{"__type":"aws.protocoltests.json#FooError` + uri + `"}`, "FooError", ""},
		{"different namespace", "", `{"__type":"aws.different.namespace#FooError"}`, "FooError", ""},
		{"nested __type ignored", "", `{"ErrorDetails":[{"__type":"com.amazon.internal#ErrorDetails","reason":"r"}],"__type":"aws.protocoltests.json#FooError"}`, "FooError", ""},
		{"nested __type only", "", `{"Details":{"__type":"Inner"}}`, "", ""},
		{"message lowercase", "", `{"__type":"X","message":"hi"}`, "X", "hi"},
		{"Message", "", `{"__type":"X","Message":"Hi"}`, "X", "Hi"},
		{"errorMessage", "", `{"__type":"X","errorMessage":"oops"}`, "X", "oops"},
		{"message preferred over Message", "", `{"Message":"second","message":"first","errorMessage":"third"}`, "", "first"},
		{"Message preferred over errorMessage", "", `{"errorMessage":"third","Message":"second"}`, "", "second"},
		{"escaped message", "", `{"message":"a\"b\u00e9"}`, "", "a\"b\u00e9"},
		{"null and non-string values skipped", "", `{"__type":null,"code":7,"message":{"x":1},"Message":"ok"}`, "", "ok"},
		{"empty body", "", ``, "", ""},
		{"not json", "", `<html>Bad Gateway</html>`, "", ""},
		{"array body", "", `["__type"]`, "", ""},
		{"truncated body keeps what was read", "", `{"__type":"FooError","message":"cut`, "FooError", ""},
		{"whitespace around header", "  FooError ", ``, "FooError", ""},
		{"several #: text after the first, per the spec", "", `{"__type":"a#b#C"}`, "b#C", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			if tt.header != "" {
				h.Set("X-Amzn-ErrorType", tt.header)
			}
			code, msg := DecodeErrorInfo(h, []byte(tt.body))
			if code != tt.code || msg != tt.msg {
				t.Errorf("DecodeErrorInfo = (%q, %q), want (%q, %q)", code, msg, tt.code, tt.msg)
			}
		})
	}
}

// TestDecodeErrorInfoConformance runs the awsJson error cases from the
// Smithy protocol tests, as botocore ships them, from the shared folder.
func TestDecodeErrorInfoConformance(t *testing.T) {
	n := 0
	for _, f := range []string{"json.json", "json_1_0.json"} {
		raw, err := os.ReadFile(shared.Path(t, "testdata", "protocol", "botocore", "output", f))
		if err != nil {
			t.Fatal(err)
		}
		var suites []struct {
			Cases []struct {
				ID           string `json:"id"`
				ErrorCode    string `json:"errorCode"`
				ErrorMessage string `json:"errorMessage"`
				Response     struct {
					Headers map[string]string `json:"headers"`
					Body    string            `json:"body"`
				} `json:"response"`
			} `json:"cases"`
		}
		if err := json.Unmarshal(raw, &suites); err != nil {
			t.Fatal(err)
		}
		for _, s := range suites {
			for _, c := range s.Cases {
				if c.ErrorCode == "" {
					continue
				}
				h := http.Header{}
				for k, v := range c.Response.Headers {
					h.Set(k, v)
				}
				code, msg := DecodeErrorInfo(h, []byte(c.Response.Body))
				if code != c.ErrorCode || msg != c.ErrorMessage {
					t.Errorf("%s/%s: got (%q, %q), want (%q, %q)", f, c.ID, code, msg, c.ErrorCode, c.ErrorMessage)
				}
				n++
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d error cases found; the test data layout may have changed", n)
	}
}

func BenchmarkDecodeErrorInfo(b *testing.B) {
	h := http.Header{}
	body := []byte(`{"__type":"com.amazonaws.workspaces#ResourceNotFoundException","message":"The workspace ws-123 was not found.","ResourceId":"ws-123"}`)
	b.ReportAllocs()
	for b.Loop() {
		DecodeErrorInfo(h, body)
	}
}
