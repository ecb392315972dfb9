package bench

import (
	"context"
	"testing"
)

// TestCasesVerified runs every case once per implementation against an
// in-process server that checks each SigV4 signature in full and the
// decoded output against the canned responses.
func TestCasesVerified(t *testing.T) {
	s := NewServer()
	defer s.Close()
	s.Verify.Store(true)
	saved := [...]any{ours, v2, floor}
	defer func() { ours, v2, floor = saved[0].(Ours), saved[1].(V2), saved[2].(*Floor) }()
	ours, v2, floor = NewOurs(s.URL, NewHTTPClient()), NewV2(s.URL, NewHTTPClient()), NewFloor(s.URL, NewHTTPClient())

	cases := map[string]benchCase{
		"DescribeImageBuilders":             describeImageBuilders,
		"DescribeWorkspaceImagePermissions": describeWorkspaceImagePermissions,
		"UpdateWorkspaceImagePermission":    updateWorkspaceImagePermission,
		"DescribeImagesWalk":                describeImagesWalk,
		"GetCallerIdentity":                 getCallerIdentity,
		"ListFunctions":                     listFunctions,
	}
	for name, c := range cases {
		for _, impl := range impls {
			if c[impl] == nil {
				continue
			}
			before := s.Requests.Load()
			if err := c[impl](context.Background(), true); err != nil {
				t.Errorf("%s/impl=%s: %v", name, impl, err)
			}
			want := int64(1)
			if name == "DescribeImagesWalk" {
				want = NumImagePages
			}
			// aws-sdk-go-v2 now and then retries an attempt whose
			// response body it read after the transport had closed the
			// connection ("use of closed network connection"); allow that.
			if got := s.Requests.Load() - before; got < want || got > want && impl != "v2" {
				t.Errorf("%s/impl=%s: %d requests, want %d", name, impl, got, want)
			}
		}
	}
}

// TestServerRefusesUnsigned makes sure a client that does not sign fails.
func TestServerRefusesUnsigned(t *testing.T) {
	s := NewServer()
	defer s.Close()
	f := NewFloor(s.URL, NewHTTPClient())
	f.creds.AccessKeyID = "AKIDSOMEONEELSE00000"
	if _, err := f.DescribeImageBuilders(context.Background()); err == nil {
		t.Fatal("server accepted a request signed with another key")
	}
}
