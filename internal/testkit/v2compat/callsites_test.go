package v2compat

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/aws"
)

// The call sites compile (the point of the package); this checks one of them
// also behaves: the manual NextToken loop walks two pages.
func TestListPermissionsWalksPages(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		if strings.Contains(string(b), `"NextToken":"p2"`) {
			io.WriteString(w, `{"SharedImagePermissionsList":[{"sharedAccountId":"222222222222","imagePermissions":{"allowFleet":true}}]}`)
			return
		}
		io.WriteString(w, `{"SharedImagePermissionsList":[{"sharedAccountId":"111111111111","imagePermissions":{"allowFleet":false}}],"NextToken":"p2"}`)
	}))
	defer srv.Close()
	c := appstream.New(appstream.Options{Region: "us-west-2", BaseEndpoint: aws.String(srv.URL), Credentials: aws.AnonymousCredentials{}})
	perms, err := ListPermissions(context.Background(), c, "img")
	if err != nil {
		t.Fatal(err)
	}
	if len(perms) != 2 || aws.ToString(perms[1].SharedAccountId) != "222222222222" || !aws.ToBool(perms[1].ImagePermissions.AllowFleet) {
		t.Fatalf("perms = %+v", perms)
	}
	as, ws := Clients(aws.Config{Region: "eu-west-1"})
	if as.Options().Region != "us-west-2" || as.Options().RetryMaxAttempts != 5 || ws.Options().Region != "us-east-1" {
		t.Fatalf("options not applied: %+v %+v", as.Options().Region, ws.Options().Region)
	}
}
