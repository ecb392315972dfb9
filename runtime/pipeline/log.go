package pipeline

import (
	"fmt"
	"net/http"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/runtime/redact"
)

// redactedHeaders are never logged with their values: the signature, the
// session token, and SSO's access token (GetRoleCredentials and the other
// portal calls carry it in a header, not in a signature), and the DPoP
// proof of aws login refreshes.
var redactedHeaders = map[string]bool{"Authorization": true, "X-Amz-Security-Token": true, "X-Amz-Sso_bearer_token": true, "Dpop": true}

func describeRequest(req *http.Request, op string, attempt int) string {
	var b strings.Builder
	b.WriteString("Request " + op + " attempt " + strconv.Itoa(attempt) + "\n" + req.Method + " " + req.URL.Redacted() + "\n")
	writeHeaders(&b, req.Header)
	return b.String()
}

func describeResponse(resp *http.Response, op string, attempt int) string {
	var b strings.Builder
	b.WriteString("Response " + op + " attempt " + strconv.Itoa(attempt) + "\n" + resp.Status + "\n")
	writeHeaders(&b, resp.Header)
	return b.String()
}

func writeHeaders(b *strings.Builder, h http.Header) {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := strings.Join(h[k], ", ")
		if redactedHeaders[http.CanonicalHeaderKey(k)] {
			v = "<redacted>"
		}
		b.WriteString(k + ": " + v + "\n")
	}
}

// describeValue prints a call's input or output for LogRequestWithBody and
// LogResponseWithBody. The wire body is never logged: it holds sensitive
// members in clear. The decoded structure is printed instead, through its
// generated String method when it has sensitive members (redact.Struct with
// their names) and redact.Struct otherwise, which follows pointers and lets
// nested structures with sensitive members print themselves. Either way
// every sensitive value prints as redact.Placeholder.
func describeValue(kind, op string, v any) string {
	var s string
	if st, ok := v.(fmt.Stringer); ok {
		s = st.String()
	} else if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && !rv.IsNil() && rv.Elem().Kind() == reflect.Struct {
		s = redact.Struct(rv.Elem().Interface())
	} else {
		s = "<no body>"
	}
	return kind + " body " + op + "\n" + s
}

// describeSigning names what a request was signed with, never the secret,
// the session token or the signature.
func describeSigning(target, sdkRequest string, ep *resolvedEndpoint, creds aws.Credentials, t time.Time) string {
	return "Signing " + target + " (" + sdkRequest + "): SigV4 service " + ep.signingName + ", region " + ep.signingRegion +
		", access key " + creds.AccessKeyID + " from " + creds.Source + ", session token " + strconv.FormatBool(creds.SessionToken != "") +
		", time " + t.UTC().Format("20060102T150405Z")
}
