package sts_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/sts"
	"github.com/eucsdk/eucsdk/sts/types"
)

func newTestClient(t *testing.T, h http.HandlerFunc) *sts.Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return sts.New(sts.Options{
		Region:       "us-west-2",
		BaseEndpoint: aws.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""),
	})
}

// AssumeRole over awsQuery: a form body with Action, Version and the
// members under their query keys; an XML result with a date-time timestamp.
func TestAssumeRoleRoundTrip(t *testing.T) {
	var form url.Values
	var ct, auth string
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		form, _ = url.ParseQuery(string(b))
		ct, auth = r.Header.Get("Content-Type"), r.Header.Get("Authorization")
		io.WriteString(w, `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/r/s</Arn><AssumedRoleId>ARO:s</AssumedRoleId></AssumedRoleUser>
    <Credentials><AccessKeyId>ASIA1</AccessKeyId><SecretAccessKey>sk</SecretAccessKey><SessionToken>tok</SessionToken><Expiration>2026-12-01T00:00:00Z</Expiration></Credentials>
    <PackedPolicySize>6</PackedPolicySize>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
</AssumeRoleResponse>`)
	})
	out, err := c.AssumeRole(context.Background(), &sts.AssumeRoleInput{
		RoleArn:         aws.String("arn:aws:iam::123456789012:role/r"),
		RoleSessionName: aws.String("s"),
		Tags:            []types.Tag{{Key: aws.String("k"), Value: aws.String("v")}},
		PolicyArns:      []types.PolicyDescriptorType{},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := url.Values{
		"Action": {"AssumeRole"}, "Version": {"2011-06-15"},
		"RoleArn": {"arn:aws:iam::123456789012:role/r"}, "RoleSessionName": {"s"},
		"Tags.member.1.Key": {"k"}, "Tags.member.1.Value": {"v"},
		"PolicyArns": {""},
	}
	for k, v := range want {
		if form.Get(k) != v[0] || len(form[k]) != 1 {
			t.Errorf("form %s = %q, want %q", k, form[k], v)
		}
	}
	if len(form) != len(want) {
		t.Errorf("form has %d keys, want %d: %v", len(form), len(want), form)
	}
	if ct != "application/x-www-form-urlencoded" || auth == "" {
		t.Errorf("content-type %q, authorization %q", ct, auth)
	}
	cr := out.Credentials
	if cr == nil || aws.ToString(cr.AccessKeyId) != "ASIA1" || !cr.Expiration.Equal(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("credentials %+v", cr)
	}
	if aws.ToInt32(out.PackedPolicySize) != 6 || aws.ToString(out.AssumedRoleUser.AssumedRoleId) != "ARO:s" {
		t.Errorf("output %+v", out)
	}
}

// An awsQuery error names its modeled type by the awsQueryError code
// (MalformedPolicyDocument, not the shape name MalformedPolicyDocumentException).
func TestAssumeRoleModeledError(t *testing.T) {
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(400)
		io.WriteString(w, `<ErrorResponse><Error><Type>Sender</Type><Code>MalformedPolicyDocument</Code><Message>bad policy</Message></Error><RequestId>r-2</RequestId></ErrorResponse>`)
	})
	_, err := c.AssumeRole(context.Background(), &sts.AssumeRoleInput{RoleArn: aws.String("a"), RoleSessionName: aws.String("s")})
	var mp *types.MalformedPolicyDocumentException
	if !errors.As(err, &mp) || aws.ToString(mp.Message) != "bad policy" || mp.ErrorCode() != "MalformedPolicyDocument" {
		t.Fatalf("error %v (%T), want a MalformedPolicyDocumentException", err, err)
	}
}

// failingCreds stands for a credential chain that finds nothing.
type failingCreds struct{ calls int }

func (f *failingCreds) Retrieve(context.Context) (aws.Credentials, error) {
	f.calls++
	return aws.Credentials{}, errors.New("no credentials anywhere")
}

// AssumeRoleWithWebIdentity is @auth([]): the token in its input is the
// proof of identity, so the request is never signed, with or without
// credentials, and the credential chain is not even consulted (the client
// calling it is usually the one building the credentials).
func TestUnsignedOperationSendsNoAuthorization(t *testing.T) {
	var auth, token []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth = append(auth, r.Header.Get("Authorization"))
		token = append(token, r.Header.Get("X-Amz-Security-Token"))
		io.WriteString(w, `<AssumeRoleWithWebIdentityResponse><AssumeRoleWithWebIdentityResult>
<Credentials><AccessKeyId>ASIA2</AccessKeyId><SecretAccessKey>sk</SecretAccessKey><SessionToken>tok</SessionToken><Expiration>2026-12-01T00:00:00Z</Expiration></Credentials>
</AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>`)
	}))
	defer srv.Close()
	failing := &failingCreds{}
	for _, creds := range []aws.CredentialsProvider{
		credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", "session"),
		failing,
	} {
		c := sts.New(sts.Options{Region: "us-west-2", BaseEndpoint: aws.String(srv.URL), Credentials: creds})
		out, err := c.AssumeRoleWithWebIdentity(context.Background(), &sts.AssumeRoleWithWebIdentityInput{
			RoleArn: aws.String("arn:aws:iam::123456789012:role/r"), RoleSessionName: aws.String("s"), WebIdentityToken: aws.String("jwt"),
		})
		if err != nil {
			t.Fatalf("%T: %v", creds, err)
		}
		if aws.ToString(out.Credentials.AccessKeyId) != "ASIA2" {
			t.Errorf("output %+v", out.Credentials)
		}
	}
	for i := range auth {
		if auth[i] != "" || token[i] != "" {
			t.Errorf("request %d: Authorization %q, X-Amz-Security-Token %q: want neither", i, auth[i], token[i])
		}
	}
	if failing.calls != 0 {
		t.Errorf("the credential provider was asked %d times for an unsigned operation", failing.calls)
	}
	// A signed operation with the same failing provider still fails.
	c := sts.New(sts.Options{Region: "us-west-2", BaseEndpoint: aws.String(srv.URL), Credentials: failing})
	if _, err := c.GetCallerIdentity(context.Background(), nil); err == nil {
		t.Error("GetCallerIdentity without credentials succeeded")
	}
}
