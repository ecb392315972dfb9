package signer

import "net/http"

// CanonicalRequestForTest exposes the suite-verified independent
// canonicalizer to the external tests.
func CanonicalRequestForTest(req *http.Request, payloadHash string) string {
	return testCanonicalRequest(req, payloadHash, true)
}
