package stscreds_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/credentials/stscreds"
	"github.com/eucsdk/eucsdk/sts"
)

// fakeSTS speaks STS's awsQuery wire format: a form body in, an XML result
// or an XML error (with Code and RequestId) out. It issues numbered
// credentials, so a test can tell a refresh from a cached value.
type fakeSTS struct {
	t       *testing.T
	srv     *httptest.Server
	mu      sync.Mutex
	n       int
	forms   []url.Values
	auth    []string
	errCode string // when set, every call fails with it
	failN   int    // when set, the first failN calls fail with errCode
	expiry  time.Time
}

func newFakeSTS(t *testing.T) *fakeSTS {
	f := &fakeSTS{t: t, expiry: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeSTS) serve(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	form, err := url.ParseQuery(string(b))
	if err != nil || r.Method != http.MethodPost {
		http.Error(w, "bad request", 400)
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.n++
	f.forms = append(f.forms, form)
	f.auth = append(f.auth, r.Header.Get("Authorization"))
	w.Header().Set("Content-Type", "text/xml")
	w.Header().Set("X-Amzn-Requestid", fmt.Sprintf("req-%d", f.n)) // STS sends it in both places
	if f.errCode != "" && (f.failN == 0 || f.n <= f.failN) {
		w.WriteHeader(403)
		fmt.Fprintf(w, `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>%s</Code><Message>Not authorized to perform sts:%s</Message></Error><RequestId>req-%d</RequestId></ErrorResponse>`, f.errCode, form.Get("Action"), f.n)
		return
	}
	action := form.Get("Action")
	fmt.Fprintf(w, `<%[1]sResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><%[1]sResult>
<AssumedRoleUser><Arn>arn:aws:sts::210987654321:assumed-role/deploy/%[2]s</Arn><AssumedRoleId>AROA:%[2]s</AssumedRoleId></AssumedRoleUser>
<Credentials><AccessKeyId>ASIAFAKE%[3]d</AccessKeyId><SecretAccessKey>fakeSecretValue%[3]d</SecretAccessKey><SessionToken>fakeSessionToken%[3]d</SessionToken><Expiration>%[4]s</Expiration></Credentials>
</%[1]sResult><ResponseMetadata><RequestId>req-%[3]d</RequestId></ResponseMetadata></%[1]sResponse>`,
		action, form.Get("RoleSessionName"), f.n, f.expiry.UTC().Format(time.RFC3339))
}

func (f *fakeSTS) client(creds aws.CredentialsProvider) *sts.Client {
	return sts.New(sts.Options{Region: "us-east-1", BaseEndpoint: aws.String(f.srv.URL), Credentials: creds})
}

func sourceCreds() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider("AKIASOURCE", "sourceSecretKeyValue", "")
}

func TestAssumeRoleSuccess(t *testing.T) {
	f := newFakeSTS(t)
	p := stscreds.NewAssumeRoleProvider(f.client(sourceCreds()), "arn:aws:iam::210987654321:role/deploy", func(o *stscreds.AssumeRoleOptions) {
		o.RoleSessionName = "build-42"
		o.ExternalID = aws.String("ext-1")
		o.Duration = time.Hour
		o.Policy = aws.String(`{"Version":"2012-10-17"}`)
	})
	c, err := p.Retrieve(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := aws.Credentials{AccessKeyID: "ASIAFAKE1", SecretAccessKey: "fakeSecretValue1", SessionToken: "fakeSessionToken1",
		Source: stscreds.ProviderName, CanExpire: true, Expires: f.expiry, AccountID: "210987654321"}
	if c != want {
		t.Errorf("credentials\n got %+v\nwant %+v", c, want)
	}
	form := f.forms[0]
	for k, v := range map[string]string{"Action": "AssumeRole", "RoleArn": "arn:aws:iam::210987654321:role/deploy", "RoleSessionName": "build-42",
		"ExternalId": "ext-1", "DurationSeconds": "3600", "Policy": `{"Version":"2012-10-17"}`} {
		if form.Get(k) != v {
			t.Errorf("%s = %q, want %q", k, form.Get(k), v)
		}
	}
	if !strings.Contains(f.auth[0], "Credential=AKIASOURCE/") {
		t.Errorf("AssumeRole must be signed with the source credentials: Authorization %q", f.auth[0])
	}
	if got := p.ProviderSources(); len(got) != 1 || got[0] != aws.CredentialSourceSTSAssumeRole {
		t.Errorf("ProviderSources = %v", got)
	}
}

// Defaults as v2: a generated aws-go-sdk-<ns> session name and 15 minutes.
func TestAssumeRoleDefaults(t *testing.T) {
	f := newFakeSTS(t)
	defer stscreds.SetNow(func() time.Time { return time.Unix(0, 1234) })()
	if _, err := stscreds.NewAssumeRoleProvider(f.client(sourceCreds()), "arn:aws:iam::210987654321:role/deploy").Retrieve(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := f.forms[0].Get("RoleSessionName"); got != "aws-go-sdk-1234" {
		t.Errorf("RoleSessionName %q", got)
	}
	if got := f.forms[0].Get("DurationSeconds"); got != "900" {
		t.Errorf("DurationSeconds %q", got)
	}
}

// The MFA token provider is asked on every refresh (codes are single-use),
// and its code and the serial number reach STS; without one, the error
// names the setting.
func TestAssumeRoleMFATokenProvider(t *testing.T) {
	f := newFakeSTS(t)
	calls := 0
	p := stscreds.NewAssumeRoleProvider(f.client(sourceCreds()), "arn:aws:iam::210987654321:role/deploy", func(o *stscreds.AssumeRoleOptions) {
		o.SerialNumber = aws.String("arn:aws:iam::210987654321:mfa/dev")
		o.TokenProvider = func() (string, error) { calls++; return fmt.Sprintf("%06d", calls), nil }
	})
	for i := 0; i < 2; i++ {
		if _, err := p.Retrieve(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if calls != 2 || f.forms[1].Get("TokenCode") != "000002" || f.forms[1].Get("SerialNumber") != "arn:aws:iam::210987654321:mfa/dev" {
		t.Errorf("token provider called %d times; form %v", calls, f.forms[1])
	}
	noTP := stscreds.NewAssumeRoleProvider(f.client(sourceCreds()), "arn:aws:iam::210987654321:role/deploy", func(o *stscreds.AssumeRoleOptions) {
		o.SerialNumber = aws.String("arn:aws:iam::210987654321:mfa/dev")
	})
	if _, err := noTP.Retrieve(context.Background()); err == nil || !strings.Contains(err.Error(), "TokenProvider") {
		t.Errorf("without a token provider: %v", err)
	}
}

// Behind the cache, credentials are reused until the expiry window and
// fetched again after it.
func TestAssumeRoleExpiryDrivenRefresh(t *testing.T) {
	f := newFakeSTS(t)
	clock := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	f.expiry = clock.Add(15 * time.Minute)
	p := stscreds.NewAssumeRoleProvider(f.client(sourceCreds()), "arn:aws:iam::210987654321:role/deploy")
	cache := aws.NewCredentialsCache(p, func(o *aws.CredentialsCacheOptions) {
		o.Now = func() time.Time { return clock }
		o.ExpiryWindow = time.Minute
	})
	get := func() string {
		c, err := cache.Retrieve(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return c.AccessKeyID
	}
	if a, b := get(), get(); a != "ASIAFAKE1" || b != a {
		t.Fatalf("first two retrievals %s, %s", a, b)
	}
	clock = clock.Add(13 * time.Minute)
	if got := get(); got != "ASIAFAKE1" {
		t.Errorf("before the window: %s", got)
	}
	clock = clock.Add(90 * time.Second) // inside the one-minute window
	if got := get(); got != "ASIAFAKE2" {
		t.Errorf("inside the window: %s, want a refresh", got)
	}
	if f.n != 2 {
		t.Errorf("%d STS calls, want 2", f.n)
	}
}

// The token file is read on every Retrieve (the platform rotates it in
// place), and the call is unsigned even when the client has credentials.
func TestWebIdentityReReadsTokenFile(t *testing.T) {
	f := newFakeSTS(t)
	file := filepath.Join(t.TempDir(), "token")
	os.WriteFile(file, []byte("jwt-one"), 0o600)
	p := stscreds.NewWebIdentityRoleProvider(f.client(sourceCreds()), "arn:aws:iam::210987654321:role/ci", stscreds.IdentityTokenFile(file),
		func(o *stscreds.WebIdentityRoleOptions) { o.RoleSessionName = "gha" })
	c, err := p.Retrieve(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if c.Source != stscreds.WebIdentityProviderName || c.AccountID != "210987654321" || !c.CanExpire {
		t.Errorf("credentials %+v", c)
	}
	os.WriteFile(file, []byte("jwt-two"), 0o600)
	if _, err := p.Retrieve(context.Background()); err != nil {
		t.Fatal(err)
	}
	if f.forms[0].Get("WebIdentityToken") != "jwt-one" || f.forms[1].Get("WebIdentityToken") != "jwt-two" {
		t.Errorf("tokens sent %q, %q", f.forms[0].Get("WebIdentityToken"), f.forms[1].Get("WebIdentityToken"))
	}
	if f.forms[0].Get("Action") != "AssumeRoleWithWebIdentity" || f.forms[0].Get("RoleSessionName") != "gha" {
		t.Errorf("form %v", f.forms[0])
	}
	for i, a := range f.auth {
		if a != "" {
			t.Errorf("call %d signed: %q", i, a)
		}
	}
	os.Remove(file)
	_, err = p.Retrieve(context.Background())
	if err == nil || !strings.Contains(err.Error(), file) {
		t.Errorf("missing token file: %v, want an error naming %s", err, file)
	}
}

// A service error reaches the caller with its code and request id.
func TestServiceErrorSurfaced(t *testing.T) {
	f := newFakeSTS(t)
	f.errCode = "AccessDenied"
	_, err := stscreds.NewAssumeRoleProvider(f.client(sourceCreds()), "arn:aws:iam::210987654321:role/deploy").Retrieve(context.Background())
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"AccessDenied", "req-1", "arn:aws:iam::210987654321:role/deploy"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
	var api interface{ ErrorCode() string }
	if !asAPIError(err, &api) || api.ErrorCode() != "AccessDenied" {
		t.Errorf("error %v is not an API error with code AccessDenied", err)
	}
}

// InvalidIdentityToken is retried (STS returns it while a new token's keys
// propagate), as aws-sdk-go-v2 does; the retry re-sends the same token.
func TestWebIdentityRetriesInvalidIdentityToken(t *testing.T) {
	f := newFakeSTS(t)
	f.errCode, f.failN = "InvalidIdentityToken", 1
	file := filepath.Join(t.TempDir(), "token")
	os.WriteFile(file, []byte("jwt"), 0o600)
	c, err := stscreds.NewWebIdentityRoleProvider(f.client(aws.AnonymousCredentials{}), "arn:aws:iam::210987654321:role/ci", stscreds.IdentityTokenFile(file)).Retrieve(context.Background())
	if err != nil || c.AccessKeyID != "ASIAFAKE2" || f.n != 2 {
		t.Errorf("got %v, %v after %d calls; want the second call's credentials", c.AccessKeyID, err, f.n)
	}
}
