package pipeline

import (
	"net/http"
	"sort"
	"strconv"
	"strings"
)

// redactedHeaders are never logged with their values.
var redactedHeaders = map[string]bool{"Authorization": true, "X-Amz-Security-Token": true}

func describeRequest(req *http.Request, op string, attempt int) string {
	var b strings.Builder
	b.WriteString("Request " + op + " attempt " + strconv.Itoa(attempt) + "\n" + req.Method + " " + req.URL.String() + "\n")
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
