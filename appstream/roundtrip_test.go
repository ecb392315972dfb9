package appstream_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/appstream/types"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/runtime/pipeline"
	"github.com/eucsdk/eucsdk/runtime/signer"
)

func newTestClient(t *testing.T, h http.HandlerFunc) *appstream.Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return appstream.New(appstream.Options{
		Region:       "us-west-2",
		BaseEndpoint: aws.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""),
	})
}

func TestDescribeImageBuildersRoundTrip(t *testing.T) {
	var gotTarget, gotCT, gotAuth string
	var gotBody map[string]any
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		gotTarget, gotCT, gotAuth = r.Header.Get("X-Amz-Target"), r.Header.Get("Content-Type"), r.Header.Get("Authorization")
		b, _ := io.ReadAll(r.Body)
		if err := json.Unmarshal(b, &gotBody); err != nil {
			t.Errorf("request body %q: %v", b, err)
		}
		if r.Method != http.MethodPost || r.URL.Path != "/" {
			t.Errorf("got %s %s, want POST /", r.Method, r.URL.Path)
		}
		auth, err := signer.ParseAuthorization(gotAuth)
		if err != nil || auth.Service != "appstream" || auth.Region != "us-west-2" || auth.AccessKeyID != "AKIDEXAMPLE" {
			t.Errorf("authorization %q parsed as %+v, %v", gotAuth, auth, err)
		}
		if _, _, err := signer.New().Verify(r.WithContext(context.Background()), sha(b), "secret"); err != nil {
			t.Errorf("signature does not verify: %v", err)
		}
		w.Header().Set("X-Amzn-Requestid", "req-1")
		io.WriteString(w, `{"ImageBuilders":[{"Name":"b1","State":"RUNNING","CreatedTime":1700000000.5,"VpcConfig":{"SubnetIds":["s-1"]},"Unknown":{"x":[1,2]}}],"NextToken":"t2"}`)
	})
	out, err := c.DescribeImageBuilders(context.Background(), &appstream.DescribeImageBuildersInput{Names: []string{"b1"}, MaxResults: aws.Int32(5)})
	if err != nil {
		t.Fatal(err)
	}
	if gotTarget != "PhotonAdminProxyService.DescribeImageBuilders" || gotCT != "application/x-amz-json-1.1" {
		t.Errorf("target %q content-type %q", gotTarget, gotCT)
	}
	if gotBody["MaxResults"] != float64(5) || gotBody["Names"].([]any)[0] != "b1" || len(gotBody) != 2 {
		t.Errorf("body %v", gotBody)
	}
	if len(out.ImageBuilders) != 1 || aws.ToString(out.ImageBuilders[0].Name) != "b1" || out.ImageBuilders[0].State != types.ImageBuilderStateRunning {
		t.Fatalf("decoded %+v", out.ImageBuilders)
	}
	if got := out.ImageBuilders[0].CreatedTime.UnixMilli(); got != 1700000000500 {
		t.Errorf("CreatedTime %d", got)
	}
	if aws.ToString(out.NextToken) != "t2" || out.ImageBuilders[0].VpcConfig.SubnetIds[0] != "s-1" {
		t.Errorf("out %+v", out)
	}
	if rid, ok := pipeline.GetRequestID(out.ResultMetadata); !ok || rid != "req-1" {
		t.Errorf("request id %q, %v", rid, ok)
	}
}

func TestModeledErrorAndValidation(t *testing.T) {
	calls := 0
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		calls++
		w.Header().Set("X-Amzn-Requestid", "req-9")
		w.WriteHeader(400)
		io.WriteString(w, `{"__type":"com.amazonaws.appstream#ResourceNotFoundException","message":"no such builder"}`)
	})
	_, err := c.StartImageBuilder(context.Background(), &appstream.StartImageBuilderInput{Name: aws.String("nope")})
	var nf *types.ResourceNotFoundException
	if !errors.As(err, &nf) || nf.ErrorMessage() != "no such builder" || nf.ErrorCode() != "ResourceNotFoundException" {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(err.Error(), "req-9") {
		t.Errorf("error lacks request id: %v", err)
	}
	calls = 0
	_, err = c.CreateImageBuilder(context.Background(), &appstream.CreateImageBuilderInput{})
	if err == nil || calls != 0 || !strings.Contains(err.Error(), "Name") || !strings.Contains(err.Error(), "InstanceType") {
		t.Fatalf("validation: calls=%d err=%v", calls, err)
	}
}
