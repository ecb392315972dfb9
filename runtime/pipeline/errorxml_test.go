package pipeline_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/smithy-go"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/appstream/types"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/aws/retry"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/runtime/pipeline"
)

// Responses the client must cope with from servers that bend the awsJson
// protocol (moto, proxies, authentication front ends): the client reads
// bodies by protocol, not by Content-Type, and names errors from whatever
// the body carries.
func TestNonConformingResponses(t *testing.T) {
	const sigMsg = "The request signature we calculated does not match the signature you provided."
	for _, tc := range []struct {
		name        string
		status      int
		contentType string
		header      map[string]string
		body        string
		check       func(t *testing.T, out *appstream.DescribeImagesOutput, err error)
	}{
		{
			name: "JSON success served as text/html", status: 200, contentType: "text/html; charset=utf-8",
			body: `{"Images": [{"Name": "img", "State": "AVAILABLE"}]}`,
			check: func(t *testing.T, out *appstream.DescribeImagesOutput, err error) {
				if err != nil || len(out.Images) != 1 || aws.ToString(out.Images[0].Name) != "img" {
					t.Fatalf("out %+v, err %v", out, err)
				}
			},
		},
		{
			name: "lower-case message on a modeled error", status: 400, contentType: "text/html",
			body: `{"__type": "ResourceNotFoundException", "message": "no such image"}`,
			check: func(t *testing.T, _ *appstream.DescribeImagesOutput, err error) {
				var nf *types.ResourceNotFoundException
				if !errors.As(err, &nf) || nf.ErrorMessage() != "no such image" {
					t.Fatalf("err = %v", err)
				}
			},
		},
		{
			name: "XML SignatureDoesNotMatch", status: 403, contentType: "text/html; charset=utf-8",
			body: `<?xml version="1.0" encoding="utf-8"?>
<ErrorResponse><Errors><Error><Code>SignatureDoesNotMatch</Code><Message>` + sigMsg + `</Message><Type>Sender</Type></Error></Errors></ErrorResponse>`,
			check: func(t *testing.T, _ *appstream.DescribeImagesOutput, err error) {
				var ae smithy.APIError
				if !errors.As(err, &ae) || ae.ErrorCode() != "SignatureDoesNotMatch" || ae.ErrorMessage() != sigMsg || ae.ErrorFault() != smithy.FaultClient {
					t.Fatalf("err = %v", err)
				}
			},
		},
		{
			name: "XML body with a modeled code keeps its message", status: 400, contentType: "application/xml",
			body: `<ErrorResponse><Error><Code>ResourceNotFoundException</Code><Message>gone &amp; "quoted"</Message></Error></ErrorResponse>`,
			check: func(t *testing.T, _ *appstream.DescribeImagesOutput, err error) {
				var nf *types.ResourceNotFoundException
				if !errors.As(err, &nf) || nf.ErrorMessage() != `gone & "quoted"` {
					t.Fatalf("err = %v", err)
				}
			},
		},
		{
			name: "header code wins over an XML body's", status: 400, contentType: "application/xml",
			header: map[string]string{"X-Amzn-Errortype": "ResourceNotFoundException:http://docs"},
			body:   `<Error><Code>SomethingElse</Code><Message>m</Message></Error>`,
			check: func(t *testing.T, _ *appstream.DescribeImagesOutput, err error) {
				var nf *types.ResourceNotFoundException
				if !errors.As(err, &nf) || nf.ErrorMessage() != "m" {
					t.Fatalf("err = %v", err)
				}
			},
		},
		{
			name: "HTML 500 page", status: 500, contentType: "text/html; charset=utf-8",
			body: "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error.</p>\n",
			check: func(t *testing.T, _ *appstream.DescribeImagesOutput, err error) {
				var ge *smithy.GenericAPIError
				var re *pipeline.ResponseError
				if !errors.As(err, &ge) || ge.Code != "UnknownError" || ge.Message != "Internal Server Error" || ge.Fault != smithy.FaultServer ||
					!errors.As(err, &re) || re.StatusCode != 500 {
					t.Fatalf("err = %#v", err)
				}
				if !retry.IsErrorRetryable(err) {
					t.Errorf("an HTML 500 is not retryable")
				}
			},
		},
		{
			name: "XML without an Error element is not an error code", status: 502, contentType: "text/xml",
			body: `<html><body><Code>nope</Code></body></html>`,
			check: func(t *testing.T, _ *appstream.DescribeImagesOutput, err error) {
				var ge *smithy.GenericAPIError
				if !errors.As(err, &ge) || ge.Code != "UnknownError" || ge.Message != "Bad Gateway" {
					t.Fatalf("err = %#v", err)
				}
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				io.Copy(io.Discard, r.Body)
				w.Header().Set("Content-Type", tc.contentType)
				for k, v := range tc.header {
					w.Header().Set(k, v)
				}
				w.WriteHeader(tc.status)
				io.WriteString(w, tc.body)
			}))
			defer srv.Close()
			c := appstream.New(appstream.Options{
				Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), RetryMaxAttempts: 1,
				Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", ""),
			})
			out, err := c.DescribeImages(context.Background(), nil)
			if err != nil && strings.Contains(err.Error(), "deserialization failed") {
				t.Fatalf("error body was decoded as an output: %v", err)
			}
			tc.check(t, out, err)
		})
	}
}
