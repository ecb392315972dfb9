package awsxml

import (
	"net/http"
	"strings"
	"testing"
)

func TestDecodeErrorInfo(t *testing.T) {
	cases := []struct {
		name   string
		header http.Header
		body   string
		want   ErrorInfo
		err    bool
	}{
		{"s3 unwrapped", http.Header{"X-Amz-Id-2": {"host"}},
			`<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>NoSuchKey</Code><Message>The resource you requested does not exist</Message><Resource>/b/k</Resource><RequestId>4442587FB7D0A2F9</RequestId><HostId>h2</HostId></Error>`,
			ErrorInfo{Code: "NoSuchKey", Message: "The resource you requested does not exist", RequestID: "4442587FB7D0A2F9", HostID: "h2"}, false},
		{"request id from x-amzn-RequestId", http.Header{"X-Amzn-Requestid": {"hdr"}},
			`<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>`,
			ErrorInfo{Code: "Throttling", Message: "Rate exceeded", RequestID: "hdr"}, false},
		{"request id from x-amz-request-id, empty body", http.Header{"X-Amz-Request-Id": {"s3id"}}, ``,
			ErrorInfo{RequestID: "s3id"}, false},
		{"body wins over header", http.Header{"X-Amzn-Requestid": {"hdr"}},
			`<Response><Errors><Error><Code>A</Code></Error><Error><Code>B</Code></Error></Errors><RequestID>body</RequestID></Response>`,
			ErrorInfo{Code: "A", RequestID: "body"}, false},
		{"namespaced awsQuery", nil,
			`<ErrorResponse xmlns="http://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>m &amp; n</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
			ErrorInfo{Code: "NoSuchEntity", Message: "m & n", Type: "Sender", RequestID: "r"}, false},
		{"html", nil, `<html><body>Bad Gateway</body></html>`, ErrorInfo{}, false},
		{"garbage keeps what came first", nil, `<Error><Code>C</Code><Message>oops`, ErrorInfo{Code: "C"}, true},
	}
	for _, c := range cases {
		got, err := DecodeErrorInfo(c.header, []byte(c.body))
		if (err != nil) != c.err {
			t.Errorf("%s: err = %v", c.name, err)
		}
		if got != c.want {
			t.Errorf("%s: got %+v, want %+v", c.name, got, c.want)
		}
	}
}

func TestResponseWrapperErrors(t *testing.T) {
	var d Decoder
	d.Reset([]byte(`<OtherResponse><OtherResult/></OtherResponse>`))
	called := false
	d.QueryResponse("ListTopics", func(*Decoder) { called = true })
	if d.Err() == nil || called {
		t.Fatalf("wrong wrapper accepted: %v", d.Err())
	}
	if want := "expected root element <ListTopicsResponse>, found <OtherResponse>"; !strings.Contains(d.Err().Error(), want) {
		t.Fatalf("err %q lacks %q", d.Err(), want)
	}
	// No output: no result element, the request id still found.
	d.Reset([]byte(`<DeleteTopicResponse xmlns="x"><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></DeleteTopicResponse>`))
	if id := d.QueryResponse("DeleteTopic", func(*Decoder) { called = true }); id != "r1" || called || d.Err() != nil {
		t.Fatalf("id %q called %v err %v", id, called, d.Err())
	}
}
