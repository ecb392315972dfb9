package pipeline_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/appstream/types"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/aws/retry"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/runtime/signer"
)

// A user middleware in the Build step sees the serialized request and can add
// a header that is then signed and sent; retries rerun the finalize steps.
func TestAPIOptionsMiddlewareAddsSignedHeader(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := calls.Add(1)
		body, _ := io.ReadAll(r.Body)
		if r.Header.Get("X-Team") != "images" {
			t.Errorf("missing user header")
		}
		if !strings.Contains(r.Header.Get("Authorization"), "x-team") {
			t.Errorf("user header not signed: %s", r.Header.Get("Authorization"))
		}
		if _, _, err := signer.New().Verify(r, sha(body), "secret"); err != nil {
			t.Errorf("attempt %d: signature does not verify: %v", n, err)
		}
		if want := "attempt=" + string(rune('0'+n)) + "; max=3"; r.Header.Get("Amz-Sdk-Request") != want {
			t.Errorf("amz-sdk-request %q, want %q", r.Header.Get("Amz-Sdk-Request"), want)
		}
		if n == 1 {
			w.WriteHeader(503)
			io.WriteString(w, `{"__type":"ServiceUnavailable","message":"busy"}`)
			return
		}
		w.Header().Set("X-Amzn-Requestid", "rid-2")
		io.WriteString(w, `{"ImageBuilders":[{"Name":"b1","State":"RUNNING"}]}`)
	}))
	defer srv.Close()
	var sawBody string
	addHeader := func(s *middleware.Stack) error {
		return s.Build.Add(middleware.BuildMiddlewareFunc("AddTeam", func(ctx context.Context, in middleware.BuildInput, next middleware.BuildHandler) (middleware.BuildOutput, middleware.Metadata, error) {
			req := in.Request.(*smithyhttp.Request)
			req.Header.Set("X-Team", "images")
			b, _ := io.ReadAll(req.GetStream())
			sawBody = string(b)
			req.RewindStream()
			return next.HandleBuild(ctx, in)
		}), middleware.After)
	}
	c := appstream.New(appstream.Options{
		Region: "us-west-2", BaseEndpoint: aws.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", ""),
		Retryer:     retry.NewStandard(func(o *retry.StandardOptions) { o.Rand = func() float64 { return 0 } }),
		APIOptions:  []func(*middleware.Stack) error{addHeader},
	})
	out, err := c.DescribeImageBuilders(context.Background(), &appstream.DescribeImageBuildersInput{Names: []string{"b1"}})
	if err != nil {
		t.Fatal(err)
	}
	if calls.Load() != 2 || len(out.ImageBuilders) != 1 || out.ImageBuilders[0].State != types.ImageBuilderStateRunning {
		t.Fatalf("calls=%d out=%+v", calls.Load(), out)
	}
	if sawBody != `{"Names":["b1"]}` {
		t.Errorf("middleware saw body %q", sawBody)
	}
	res, ok := retry.GetResult(out.ResultMetadata)
	if !ok || len(res.Attempts) != 2 {
		t.Errorf("attempts = %+v", res)
	}
}

// An APIOptions function that fails stops the call before any I/O.
func TestAPIOptionsErrorStopsCall(t *testing.T) {
	c := appstream.New(appstream.Options{Region: "us-west-2", BaseEndpoint: aws.String("http://127.0.0.1:1"), Credentials: aws.AnonymousCredentials{},
		APIOptions: []func(*middleware.Stack) error{func(*middleware.Stack) error { return errors.New("no thanks") }}})
	_, err := c.DescribeImageBuilders(context.Background(), nil)
	if err == nil || !strings.Contains(err.Error(), "no thanks") {
		t.Fatalf("err = %v", err)
	}
}
