package signer_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/runtime/signer"
)

func hmacSHA256(key []byte, s string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(s))
	return m.Sum(nil)
}

// A request from the generated AppStream client, as the server receives it,
// is checked by an independent SigV4 implementation: the canonicalizer that
// reproduces the AWS suites byte for byte, and the signing key and HMAC
// computed here with crypto/hmac, not with the signer under test.
func TestGeneratedRequestVerifiesIndependently(t *testing.T) {
	const secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
	signedAt := time.Date(2026, 11, 22, 10, 30, 0, 0, time.UTC)
	var got *http.Request
	var body []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ = io.ReadAll(r.Body)
		got = r.Clone(context.Background())
		io.WriteString(w, `{}`)
	}))
	defer srv.Close()
	c := appstream.New(appstream.Options{
		Region:       "eu-west-1",
		BaseEndpoint: aws.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", secret, "token-1"),
		Clock:        func() time.Time { return signedAt },
	})
	if _, err := c.StopImageBuilder(context.Background(), &appstream.StopImageBuilderInput{Name: aws.String("builder-1")}); err != nil {
		t.Fatal(err)
	}
	auth, err := signer.ParseAuthorization(got.Header.Get("Authorization"))
	if err != nil {
		t.Fatal(err)
	}
	if auth.Service != "appstream" || auth.Region != "eu-west-1" || auth.Date != "20261122" {
		t.Fatalf("scope %+v", auth)
	}
	for _, h := range []string{"content-type", "host", "x-amz-date", "x-amz-security-token", "x-amz-target"} {
		if !strings.Contains(strings.Join(auth.SignedHeaders, ";"), h) {
			t.Errorf("%s is not signed: %v", h, auth.SignedHeaders)
		}
	}
	// Keep only the headers the client signed: the transport adds others after signing.
	signed := got.Clone(context.Background())
	signed.Header = http.Header{}
	for _, h := range auth.SignedHeaders {
		if h != "host" {
			signed.Header[http.CanonicalHeaderKey(h)] = got.Header.Values(h)
		}
	}
	sum := sha256.Sum256(body)
	canonical := signer.CanonicalRequestForTest(signed, hex.EncodeToString(sum[:]))
	creq := sha256.Sum256([]byte(canonical))
	stringToSign := strings.Join([]string{"AWS4-HMAC-SHA256", "20261122T103000Z", "20261122/eu-west-1/appstream/aws4_request", hex.EncodeToString(creq[:])}, "\n")
	key := hmacSHA256(hmacSHA256(hmacSHA256(hmacSHA256([]byte("AWS4"+secret), "20261122"), "eu-west-1"), "appstream"), "aws4_request")
	want := hex.EncodeToString(hmacSHA256(key, stringToSign))
	if auth.Signature != want {
		t.Fatalf("signature %s, independent computation %s\ncanonical request:\n%s", auth.Signature, want, canonical)
	}
	if string(body) != `{"Name":"builder-1"}` || got.Header.Get("X-Amz-Target") != "PhotonAdminProxyService.StopImageBuilder" {
		t.Errorf("body %s target %s", body, got.Header.Get("X-Amz-Target"))
	}
}
