package pipeline_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/smithy-go/middleware"
	"github.com/google/go-cmp/cmp"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/codegen/testdata/golden/kitchensink"
	kstypes "github.com/eucsdk/eucsdk/codegen/testdata/golden/kitchensink/types"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/internal/testkit/protocoltest/awsjson10"
	"github.com/eucsdk/eucsdk/runtime/pipeline"
)

// recorder is an httptest server that keeps every request byte for byte
// (as httputil.DumpRequest prints what arrived) and answers from a script
// keyed by X-Amz-Target: each entry is consumed by one request, the last
// one repeats.
type recorder struct {
	mu     sync.Mutex
	dumps  []string
	script map[string][]reply
}

type reply struct {
	status int
	body   string
}

func (r *recorder) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	dump, err := httputil.DumpRequest(req, true)
	if err != nil {
		http.Error(w, err.Error(), 500)
		return
	}
	r.mu.Lock()
	r.dumps = append(r.dumps, string(dump))
	target := req.Header.Get("X-Amz-Target")
	rs := r.script[target]
	rep := reply{200, "{}"}
	if len(rs) > 0 {
		rep = rs[0]
		if len(rs) > 1 {
			r.script[target] = rs[1:]
		}
	}
	r.mu.Unlock()
	w.Header().Set("X-Amzn-Requestid", "req-1")
	w.WriteHeader(rep.status)
	io.WriteString(w, rep.body)
}

// TestDirectAndStackSendSameBytes runs the same calls through the direct
// path and through the middleware stack (APIOptions set to a middleware
// that does nothing) and requires byte-identical requests, signatures
// included, given a fixed clock, invocation id and idempotency token. The
// calls cover a plain call, an idempotency token filled in, gzip request
// compression, a modeled error, a retried 500, and a validation error that
// must send nothing.
func TestDirectAndStackSendSameBytes(t *testing.T) {
	defer pipeline.FixInvocationID("00000000-0000-4000-8000-000000000001")()
	clock := func() time.Time { return time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC) }
	noop := func(s *middleware.Stack) error {
		return s.Build.Add(middleware.BuildMiddlewareFunc("Noop", func(ctx context.Context, in middleware.BuildInput, next middleware.BuildHandler) (middleware.BuildOutput, middleware.Metadata, error) {
			return next.HandleBuild(ctx, in)
		}), middleware.After)
	}
	type run struct {
		dumps []string
		errs  []string
	}
	// One server for both runs, so the Host header and the signature can
	// match.
	rec := &recorder{}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	do := func(t *testing.T, stack bool) run {
		rec.dumps, rec.script = nil, map[string][]reply{
			"PhotonAdminProxyService.CreateImageBuilder": {{400, `{"__type":"ResourceAlreadyExistsException","Message":"exists"}`}},
			"PhotonAdminProxyService.DescribeImages":     {{500, `{"__type":"InternalFailure"}`}, {200, `{"Images":[{"Name":"img"}]}`}},
			"Kitchen.PutEverything":                      {{400, `{"__type":"Missing","message":"gone"}`}},
		}
		opts := func(o *pipeline.Options) {
			o.Region = "us-west-2"
			o.BaseEndpoint = aws.String(srv.URL)
			o.Credentials = credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "token")
			o.Clock = clock
			o.IdempotencyTokenProvider = func() string { return "tok-1" }
			o.RequestMinCompressSizeBytes = 1
			o.RetryMaxAttempts = 3
			o.Retryer = nil
			o.HTTPClient = srv.Client()
			if stack {
				o.APIOptions = append(o.APIOptions, noop)
			}
		}
		ctx := context.Background()
		var r run
		errStr := func(err error) {
			if err == nil {
				r.errs = append(r.errs, "<nil>")
				return
			}
			r.errs = append(r.errs, fmt.Sprintf("%T: %v", err, err))
		}
		as := appstream.New(appstream.Options{}, opts)
		_, err := as.DescribeImageBuilders(ctx, &appstream.DescribeImageBuildersInput{MaxResults: aws.Int32(5)})
		errStr(err)
		_, err = as.CreateImageBuilder(ctx, &appstream.CreateImageBuilderInput{Name: aws.String("b"), InstanceType: aws.String("stream.standard.small"), ImageName: aws.String("img")})
		errStr(err)
		out, err := as.DescribeImages(ctx, &appstream.DescribeImagesInput{})
		errStr(err)
		if err == nil && (len(out.Images) != 1 || aws.ToString(out.Images[0].Name) != "img") {
			t.Errorf("DescribeImages after a retry: %+v", out.Images)
		}
		_, err = as.CreateImageBuilder(ctx, &appstream.CreateImageBuilderInput{Name: aws.String("no-instance-type")})
		errStr(err)

		ks := kitchensink.New(kitchensink.Options{}, opts)
		_, err = ks.PutEverything(ctx, &kitchensink.PutEverythingInput{Name: aws.String("n"), Items: []kstypes.Item{{Key: aws.String("k")}}})
		errStr(err)
		_, err = ks.PutEverything(ctx, &kitchensink.PutEverythingInput{Items: []kstypes.Item{{}}})
		errStr(err)

		pt := awsjson10.New(awsjson10.Options{}, opts)
		_, err = pt.PutWithContentEncoding(ctx, &awsjson10.PutWithContentEncodingInput{Data: aws.String(strings.Repeat("compress me ", 20))})
		errStr(err)

		r.dumps = rec.dumps
		return r
	}
	direct, stacked := do(t, false), do(t, true)
	if diff := cmp.Diff(direct.dumps, stacked.dumps); diff != "" {
		t.Errorf("requests differ between the direct path and APIOptions (-direct +stack):\n%s", diff)
	}
	if diff := cmp.Diff(direct.errs, stacked.errs); diff != "" {
		t.Errorf("errors differ between the direct path and APIOptions (-direct +stack):\n%s", diff)
	}
	// The calls did what the comparison relies on.
	want := []string{
		"PhotonAdminProxyService.DescribeImageBuilders",
		"PhotonAdminProxyService.CreateImageBuilder",
		"PhotonAdminProxyService.DescribeImages", "PhotonAdminProxyService.DescribeImages",
		"Kitchen.PutEverything",
		"JsonRpc10.PutWithContentEncoding",
	}
	if len(direct.dumps) != len(want) {
		t.Fatalf("%d requests, want %d:\n%s", len(direct.dumps), len(want), strings.Join(direct.dumps, "\n----\n"))
	}
	for i, d := range direct.dumps {
		if !strings.Contains(d, "X-Amz-Target: "+want[i]+"\r\n") {
			t.Errorf("request %d is not %s:\n%s", i, want[i], d)
		}
	}
	for _, check := range []struct {
		i    int
		want string
	}{
		{0, "Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261130/us-west-2/appstream/aws4_request"},
		{0, "Amz-Sdk-Invocation-Id: 00000000-0000-4000-8000-000000000001"},
		{2, "Amz-Sdk-Request: attempt=1; max=3"},
		{3, "Amz-Sdk-Request: attempt=2; max=3"},
		{4, `"Token":"tok-1"`},
		{5, "Content-Encoding: gzip"},
	} {
		if !strings.Contains(direct.dumps[check.i], check.want) {
			t.Errorf("request %d lacks %q:\n%s", check.i, check.want, direct.dumps[check.i])
		}
	}
	for i, want := range []string{"<nil>", "ResourceAlreadyExistsException", "<nil>", "InstanceType", "Missing", "Name", "<nil>"} {
		if !strings.Contains(direct.errs[i], want) {
			t.Errorf("call %d: error %s, want one naming %s", i, direct.errs[i], want)
		}
	}
	if bytes.Contains([]byte(strings.Join(direct.dumps, "")), []byte("wJalrXUtnFEMI")) {
		t.Error("a request carries the secret key")
	}
}
