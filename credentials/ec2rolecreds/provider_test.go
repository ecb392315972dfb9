package ec2rolecreds

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/feature/ec2/imds"
	"github.com/eucsdk/eucsdk/internal/testkit/awsenv"
)

// fakeIMDS serves one role's credentials behind IMDSv2 tokens.
func fakeIMDS(t *testing.T, role, doc string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/latest/api/token" {
			w.Header().Set("X-Aws-Ec2-Metadata-Token-Ttl-Seconds", "300")
			io.WriteString(w, "ROLETOKEN")
			return
		}
		if r.Header.Get("X-Aws-Ec2-Metadata-Token") != "ROLETOKEN" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		switch r.URL.Path {
		case "/latest/meta-data/iam/security-credentials/":
			io.WriteString(w, role)
		case "/latest/meta-data/iam/security-credentials/" + role:
			io.WriteString(w, doc)
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestRoleCredentials(t *testing.T) {
	awsenv.Clean(t)
	t.Setenv("AWS_EC2_METADATA_DISABLED", "")
	srv := fakeIMDS(t, "my-role", `{"Code": "Success", "AccessKeyId": "ASIAEC2", "SecretAccessKey": "EC2SECRET", "Token": "EC2SESSION", "Expiration": "2030-01-01T00:00:00Z"}`)
	p := New(func(o *Options) { o.Client = imds.New(imds.Options{Endpoint: srv.URL}) })
	c, err := p.Retrieve(context.Background())
	if err != nil || c.AccessKeyID != "ASIAEC2" || c.SessionToken != "EC2SESSION" || c.Source != ProviderName ||
		!c.CanExpire || !c.Expires.Equal(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("got %+v, %v", c, err)
	}
	// Through the cache, as config wires it: one retrieval serves many.
	cache := aws.NewCredentialsCache(p)
	for i := 0; i < 3; i++ {
		if _, err := cache.Retrieve(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRoleErrorsNameTheRoleNotTheSecrets(t *testing.T) {
	awsenv.Clean(t)
	t.Setenv("AWS_EC2_METADATA_DISABLED", "")
	for name, tc := range map[string]struct{ role, doc, want string }{
		"no role":      {"", "", "has no role"},
		"failure code": {"r", `{"Code": "AssumeRoleUnauthorizedAccess", "Message": "denied", "SecretAccessKey": "EC2SECRET"}`, `role r: the service answered code "AssumeRoleUnauthorizedAccess": denied`},
		"bad json":     {"r", `EC2SECRET`, "role r: the document (9 bytes) is not the expected JSON"},
		"no keys":      {"r", `{"Code": "Success", "AccessKeyId": "EC2SECRET"}`, "lacks AccessKeyId or SecretAccessKey"},
	} {
		srv := fakeIMDS(t, tc.role, tc.doc)
		_, err := New(func(o *Options) { o.Client = imds.New(imds.Options{Endpoint: srv.URL}) }).Retrieve(context.Background())
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", name, err, tc.want)
			continue
		}
		for _, s := range []string{"EC2SECRET", "ROLETOKEN"} {
			if strings.Contains(err.Error(), s) {
				t.Errorf("%s: error holds %s: %v", name, s, err)
			}
		}
	}
}
