package wire

import (
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type releaser struct{ n int }

func (r *releaser) Release() { r.n++ }

// Headers past the inline ones spill into a slice, and a value appended by
// a later middleware never writes into the request's own array.
func TestRequestHeaders(t *testing.T) {
	var r Request
	names := []string{"A", "B", "C", "D", "E", "F"}
	for i, n := range names {
		r.SetHeader(n, string(rune('a'+i)))
	}
	h := http.Header{}
	r.CopyHeaders(h)
	want := http.Header{"A": {"a"}, "B": {"b"}, "C": {"c"}, "D": {"d"}, "E": {"e"}, "F": {"f"}}
	if diff := cmp.Diff(want, h); diff != "" {
		t.Fatalf("headers (-want +got):\n%s", diff)
	}
	h.Add("A", "x")
	if r.Header("A") != "a" || r.Header("F") != "f" || r.Header("Z") != "" {
		t.Fatalf("Header after Add: A=%q F=%q", r.Header("A"), r.Header("F"))
	}
}

func TestRequestBodyReleasedOnce(t *testing.T) {
	var r Request
	owner := &releaser{}
	r.SetBody([]byte("x"), owner)
	r.SetBody([]byte("y"), nil) // replacing a pooled body gives it back
	r.Release()
	r.Release()
	if owner.n != 1 || r.Body != nil {
		t.Fatalf("released %d times, body %q; want once, nil", owner.n, r.Body)
	}
}
