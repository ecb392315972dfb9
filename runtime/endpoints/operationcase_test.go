package endpoints

import (
	"errors"
	"net/http"
	"strings"
	"testing"
)

func TestCheckOperationCase(t *testing.T) {
	req, _ := http.NewRequest("GET", "https://s3-outposts.us-west-2.amazonaws.com/v20180820/accesspoint/ap", nil)
	req.Header.Set("X-Amz-Outpost-Id", "op-1")
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20250101/us-west-2/s3-outposts/aws4_request, SignedHeaders=host, Signature=00")
	ok := `{"endpoint":{"url":"https://s3-outposts.us-west-2.amazonaws.com","headers":{"x-amz-outpost-id":["op-1"]},
	 "properties":{"authSchemes":[{"name":"sigv4","signingName":"s3-outposts","signingRegion":"us-west-2"}]}}}`
	for _, tc := range []struct {
		name    string
		req     *http.Request
		callErr error
		expect  string
		want    string // "" for no error, else a part of it
	}{
		{"match", req, ErrRecorded, ok, ""},
		{"other host", req, ErrRecorded, strings.Replace(ok, "us-west-2.amazonaws", "us-east-1.amazonaws", 1), "sent to"},
		{"missing header", req, ErrRecorded, strings.Replace(ok, `["op-1"]`, `["op-2"]`, 1), "x-amz-outpost-id"},
		{"other signing name", req, ErrRecorded, strings.Replace(ok, `"signingName":"s3-outposts"`, `"signingName":"s3"`, 1), `signed for service "s3-outposts"`},
		{"other signing region", req, ErrRecorded, strings.Replace(ok, `"signingRegion":"us-west-2"`, `"signingRegion":"us-east-1"`, 1), `signed for region`},
		{"nothing sent", nil, errors.New("boom"), ok, "nothing sent"},
		{"error expected and given", nil, errors.New("endpoint: Invalid ARN: bad"), `{"error":"Invalid ARN: bad"}`, ""},
		{"error expected, other given", nil, errors.New("endpoint: other"), `{"error":"Invalid ARN: bad"}`, "want one saying"},
		{"error expected, request sent", req, ErrRecorded, `{"error":"Invalid ARN: bad"}`, "want error"},
	} {
		err := CheckOperationCase(tc.req, tc.callErr, []byte(tc.expect))
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
}
