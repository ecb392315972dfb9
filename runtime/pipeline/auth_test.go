package pipeline_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/runtime/pipeline"
)

type noCreds struct{}

func (noCreds) Retrieve(context.Context) (aws.Credentials, error) {
	return aws.Credentials{}, errors.New("no credentials found")
}

// The descriptor's Auth decides signing, on the direct path and on the
// middleware path alike: AuthNone never signs, AuthOptional signs only when
// credentials resolve, AuthSigV4 signs or fails.
func TestOperationAuthModes(t *testing.T) {
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Get("Authorization")
		w.Write([]byte("{}"))
	}))
	defer srv.Close()
	static := credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")
	cases := []struct {
		auth            pipeline.Auth
		creds           aws.CredentialsProvider
		signed, failure bool
	}{
		{pipeline.AuthSigV4, static, true, false},
		{pipeline.AuthSigV4, noCreds{}, false, true},
		{pipeline.AuthNone, static, false, false},
		{pipeline.AuthNone, noCreds{}, false, false},
		{pipeline.AuthOptional, static, true, false},
		{pipeline.AuthOptional, noCreds{}, false, false},
		{pipeline.AuthOptional, aws.AnonymousCredentials{}, false, false},
	}
	for _, stack := range []bool{false, true} {
		for _, tc := range cases {
			got = "unset"
			o := pipeline.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), Credentials: tc.creds}
			if stack {
				o.APIOptions = append(o.APIOptions, noopMiddleware)
			}
			op := pollOp(false)
			op.Auth = tc.auth
			c := pipeline.NewClient(pollService, o, nil)
			_, _, err := pipeline.Invoke(context.Background(), c, op, &pollIn{}, nil)
			if (err != nil) != tc.failure {
				t.Errorf("stack %v auth %d creds %T: error %v", stack, tc.auth, tc.creds, err)
				continue
			}
			if tc.failure {
				continue
			}
			if (got != "") != tc.signed {
				t.Errorf("stack %v auth %d creds %T: Authorization %q, want signed %v", stack, tc.auth, tc.creds, got, tc.signed)
			}
		}
	}
}
