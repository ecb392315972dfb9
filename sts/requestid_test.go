package sts_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"testing"

	"github.com/eucsdk/eucsdk/runtime/pipeline"
	"github.com/eucsdk/eucsdk/sts"
)

// Without an x-amzn-RequestId header, the request id comes from the body:
// <ResponseMetadata><RequestId> of a result, <RequestId> of <ErrorResponse>.
func TestRequestIDFromBody(t *testing.T) {
	c := newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/u</Arn><UserId>AIDA</UserId><Account>123456789012</Account></GetCallerIdentityResult>
  <ResponseMetadata><RequestId>body-id-1</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`)
	})
	out, err := c.GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	if err != nil {
		t.Fatal(err)
	}
	if id, _ := pipeline.GetRequestID(out.ResultMetadata); id != "body-id-1" {
		t.Errorf("request id %q, want body-id-1", id)
	}

	c = newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(403)
		io.WriteString(w, `<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>no</Message></Error><RequestId>body-id-2</RequestId></ErrorResponse>`)
	})
	_, err = c.GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	var re interface{ ServiceRequestID() string }
	if !errors.As(err, &re) || re.ServiceRequestID() != "body-id-2" {
		t.Errorf("error %v: want request id body-id-2", err)
	}

	// The header wins when present.
	c = newTestClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Amzn-RequestId", "header-id")
		io.WriteString(w, `<GetCallerIdentityResponse><GetCallerIdentityResult/><ResponseMetadata><RequestId>body-id-3</RequestId></ResponseMetadata></GetCallerIdentityResponse>`)
	})
	out, err = c.GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	if err != nil {
		t.Fatal(err)
	}
	if id, _ := pipeline.GetRequestID(out.ResultMetadata); id != "header-id" {
		t.Errorf("request id %q, want header-id", id)
	}
}
