package pipeline_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/aws/retry"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/runtime/awsjson"
	"github.com/eucsdk/eucsdk/runtime/pipeline"
	"github.com/eucsdk/eucsdk/runtime/signer"
	"github.com/eucsdk/eucsdk/runtime/wire"
)

type pathIn struct{ Path string }
type pathOut struct{}

var pathOp = &pipeline.Operation[pathIn, pathOut]{
	Name: "Get",
	Serialize: wire.SerializeFunc[pathIn](func(r *wire.Request, in *pathIn) error {
		r.Method, r.Path = http.MethodGet, in.Path
		return nil
	}),
	Deserialize: wire.DeserializeFunc[pathOut](func(*wire.Response, *pathOut) error { return nil }),
}

// TestServiceSignerOptions: a service's SignerOptions reach the signer. The
// server checks the signature the way S3 does (the escaped path signed as
// sent, X-Amz-Content-Sha256 required) and the default way; a path with a
// space and a dot segment signs differently under the two, so a client
// that ignored the options fails the S3-style check.
func TestServiceSignerOptions(t *testing.T) {
	s3Style := signer.Options{DisableURIPathEscaping: true, DisableURIPathNormalization: true, AddPayloadHashHeader: true}
	for _, tc := range []struct {
		name string
		opts signer.Options
	}{{"default", signer.Options{}}, {"s3", s3Style}} {
		t.Run(tc.name, func(t *testing.T) {
			var sha string
			var verr error
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				sha = r.Header.Get(signer.HeaderContentSHA256)
				_, _, verr = signer.New(func(o *signer.Options) { *o = tc.opts }).Verify(r, signer.EmptyPayloadHash, "secret")
				w.WriteHeader(http.StatusOK)
			}))
			defer srv.Close()
			svc := &pipeline.Service{ID: "Paths", SigningName: "paths", Protocol: awsjson.RestJSON1, SignerOptions: tc.opts}
			c := pipeline.NewClient(svc, pipeline.Options{
				Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), Retryer: retry.Nop(),
				Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", ""),
				HTTPClient:  srv.Client(),
			}, nil)
			if _, _, err := pipeline.Invoke(context.Background(), c, pathOp, &pathIn{Path: "/bucket/./a%20b.txt"}, nil); err != nil {
				t.Fatal(err)
			}
			if verr != nil {
				t.Errorf("server's %s-style check of the signature: %v", tc.name, verr)
			}
			if want := map[bool]string{true: signer.EmptyPayloadHash}[tc.opts.AddPayloadHashHeader]; sha != want {
				t.Errorf("X-Amz-Content-Sha256 = %q, want %q", sha, want)
			}
		})
	}
}
