package pipeline

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/aws/retry"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/runtime/awsjson"
	"github.com/eucsdk/eucsdk/runtime/endpoints"
	"github.com/eucsdk/eucsdk/runtime/wire"
)

// A rule set that puts a Name parameter into the host, refuses a name that
// is no host label, and otherwise answers one fixed endpoint.
const nameRules = `{"version":"1.0","parameters":{
 "Region":{"builtIn":"AWS::Region","type":"String","required":false},
 "Endpoint":{"builtIn":"SDK::Endpoint","type":"String","required":false},
 "Name":{"type":"String","required":false}},
 "rules":[
  {"conditions":[{"fn":"isSet","argv":[{"ref":"Name"}]},{"fn":"isValidHostLabel","argv":[{"ref":"Name"},false]}],
   "endpoint":{"url":"https://{Name}.{Region}.example.com"},"type":"endpoint"},
  {"conditions":[{"fn":"isSet","argv":[{"ref":"Name"}]}],"error":"Name is not a host label","type":"error"},
  {"conditions":[],"endpoint":{"url":"https://plain.{Region}.example.com"},"type":"endpoint"}]}`

type nameIn struct{ Name *string }
type nameOut struct{}

var nameOp = &Operation[nameIn, nameOut]{
	Name:        "Named",
	Serialize:   awsjson.Serializer[nameIn](func(e *awsjson.Encoder, in *nameIn) { e.ObjectStart(); e.ObjectEnd() }),
	Deserialize: wire.DeserializeFunc[nameOut](func(*wire.Response, *nameOut) error { return nil }),
	EndpointParams: func(in *nameIn, p *EndpointParams) {
		if in.Name != nil {
			p.String("Name", *in.Name)
		}
	},
}

// TestOperationEndpointParams: what an operation binds reaches the rules;
// each distinct set is resolved once per client (per-call clients share the
// cache), failures are not cached, and the cache stays bounded.
func TestOperationEndpointParams(t *testing.T) {
	rs, err := endpoints.Parse([]byte(nameRules))
	if err != nil {
		t.Fatal(err)
	}
	var resolutions atomic.Int64
	svc := &Service{ID: "Named", SigningName: "named", Protocol: awsjson.JSON10,
		RuleSet: func() (*endpoints.RuleSet, error) { resolutions.Add(1); return rs, nil }}
	rec := &endpoints.Recorder{}
	c := NewClient(svc, Options{
		Region: "us-west-2", Retryer: retry.Nop(), HTTPClient: &http.Client{Transport: rec},
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", ""),
	}, nil)
	call := func(name *string, optFns ...func(*Options)) (string, error) {
		_, _, err := Invoke(context.Background(), c, nameOp, &nameIn{Name: name}, optFns)
		if errors.Is(err, endpoints.ErrRecorded) {
			return rec.Request().URL.Host, nil
		}
		return "", err
	}
	str := func(s string) *string { return &s }
	for _, tc := range []struct {
		name      *string
		host, err string
		resolved  int64 // resolutions so far
	}{
		{str("alpha"), "alpha.us-west-2.example.com", "", 1},
		{str("alpha"), "alpha.us-west-2.example.com", "", 1},
		{str("beta"), "beta.us-west-2.example.com", "", 2},
		{nil, "plain.us-west-2.example.com", "", 3}, // the client's own endpoint
		{nil, "plain.us-west-2.example.com", "", 3},
		{str("not a label"), "", "Name is not a host label", 4},
		{str("not a label"), "", "Name is not a host label", 5},
	} {
		host, err := call(tc.name)
		if host != tc.host || (tc.err == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), tc.err) {
			t.Errorf("Name %v: host %q, err %v; want %q, %q", tc.name, host, err, tc.host, tc.err)
		}
		if got := resolutions.Load(); got != tc.resolved {
			t.Errorf("Name %v: %d resolutions so far, want %d", tc.name, got, tc.resolved)
		}
	}
	// A per-call client that resolves the same way shares the cache.
	if host, err := call(str("beta"), func(o *Options) { o.RetryMaxAttempts = 1 }); host != "beta.us-west-2.example.com" || err != nil {
		t.Errorf("per-call client: host %q, err %v", host, err)
	}
	if got := resolutions.Load(); got != 5 {
		t.Errorf("per-call client resolved again (%d resolutions, want 5)", got)
	}
	for i := range 2 * endpointCacheSize {
		if _, err := call(str(fmt.Sprintf("n%d", i))); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(c.cache().m); n > endpointCacheSize {
		t.Errorf("cache holds %d endpoints, more than %d", n, endpointCacheSize)
	}
}

const accountRules = `{"version":"1.0","parameters":{
 "Region":{"builtIn":"AWS::Region","type":"String","required":false},
 "AccountId":{"builtIn":"AWS::Auth::AccountId","type":"String","required":false},
 "AccountIdEndpointMode":{"builtIn":"AWS::Auth::AccountIdEndpointMode","type":"String","required":false}},
 "rules":[
  {"conditions":[{"fn":"isSet","argv":[{"ref":"AccountIdEndpointMode"}]},{"fn":"stringEquals","argv":[{"ref":"AccountIdEndpointMode"},"disabled"]}],
   "endpoint":{"url":"https://regional.{Region}.example.com"},"type":"endpoint"},
  {"conditions":[{"fn":"isSet","argv":[{"ref":"AccountId"}]}],
   "endpoint":{"url":"https://{AccountId}.{Region}.example.com"},"type":"endpoint"},
  {"conditions":[{"fn":"isSet","argv":[{"ref":"AccountIdEndpointMode"}]},{"fn":"stringEquals","argv":[{"ref":"AccountIdEndpointMode"},"required"]}],
   "error":"AccountIdEndpointMode is required but no AccountID was provided","type":"error"},
  {"conditions":[],"endpoint":{"url":"https://regional.{Region}.example.com"},"type":"endpoint"}]}`

// TestAccountIDEndpoints: for a service whose rules take the account-id
// built-ins, the credentials' account id and the client's mode reach them.
func TestAccountIDEndpoints(t *testing.T) {
	rs, err := endpoints.Parse([]byte(accountRules))
	if err != nil {
		t.Fatal(err)
	}
	svc := &Service{ID: "Accounts", SigningName: "accounts", Protocol: awsjson.JSON10,
		RuleSet:        func() (*endpoints.RuleSet, error) { return rs, nil },
		AccountIDParam: "AccountId", AccountIDModeParam: "AccountIdEndpointMode"}
	op := &Operation[nameIn, nameOut]{Name: "Get", Serialize: nameOp.Serialize, Deserialize: nameOp.Deserialize}
	for _, tc := range []struct {
		account   string
		mode      aws.AccountIDEndpointMode
		host, err string
	}{
		{"111122223333", "", "111122223333.us-east-1.example.com", ""},
		{"111122223333", aws.AccountIDEndpointModePreferred, "111122223333.us-east-1.example.com", ""},
		{"111122223333", aws.AccountIDEndpointModeDisabled, "regional.us-east-1.example.com", ""},
		{"", "", "regional.us-east-1.example.com", ""},
		{"", aws.AccountIDEndpointModeRequired, "", "AccountIdEndpointMode is required"},
	} {
		rec := &endpoints.Recorder{}
		account := tc.account
		var retrievals int
		c := NewClient(svc, Options{
			Region: "us-east-1", Retryer: retry.Nop(), HTTPClient: &http.Client{Transport: rec}, AccountIDEndpointMode: tc.mode,
			Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
				retrievals++
				return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "secret", AccountID: account, Source: "test"}, nil
			}),
		}, nil)
		_, _, err := Invoke(context.Background(), c, op, &nameIn{}, nil)
		host := ""
		if errors.Is(err, endpoints.ErrRecorded) {
			host, err = rec.Request().URL.Host, nil
		}
		if host != tc.host || (tc.err == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), tc.err) {
			t.Errorf("account %q, mode %q: host %q, err %v; want %q, %q", tc.account, tc.mode, host, err, tc.host, tc.err)
		}
		// The credentials read for the endpoint sign the request too.
		if tc.err == "" && retrievals != 1 {
			t.Errorf("account %q, mode %q: credentials retrieved %d times, want once", tc.account, tc.mode, retrievals)
		}
	}
}
