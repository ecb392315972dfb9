package restbind

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/runtime/wire"
)

// Three leaves (2.5 MiB): the root is H(H(L1||L2)||L3), the odd leaf
// carried up; the stream is rewound to where the caller left it.
func TestTreeHashHeaders(t *testing.T) {
	data := bytes.Repeat([]byte("0123456789abcdef"), (5<<20)/2/16)
	leaf := func(b []byte) []byte { s := sha256.Sum256(b); return s[:] }
	l1, l2, l3 := leaf(data[:1<<20]), leaf(data[1<<20:2<<20]), leaf(data[2<<20:])
	want := hex.EncodeToString(leaf(append(leaf(append(l1, l2...)), l3...)))
	body := bytes.NewReader(append([]byte("xx"), data...))
	body.Seek(2, io.SeekStart)
	var r wire.Request
	r.SetStream(body, -1)
	if err := TreeHashHeaders(&r); err != nil {
		t.Fatal(err)
	}
	if got := r.Header("X-Amz-Sha256-Tree-Hash"); got != want {
		t.Errorf("tree hash %s, want %s", got, want)
	}
	if got := r.Header("X-Amz-Content-Sha256"); got != hex.EncodeToString(leaf(data)) {
		t.Errorf("linear hash %s", got)
	}
	if pos, _ := body.Seek(0, io.SeekCurrent); pos != 2 {
		t.Errorf("stream left at %d, want 2", pos)
	}
	// A checksum the caller set is kept.
	var r2 wire.Request
	r2.SetStream(bytes.NewReader(data), -1)
	r2.SetHeader("X-Amz-Sha256-Tree-Hash", "given")
	TreeHashHeaders(&r2)
	if got := r2.Header("X-Amz-Sha256-Tree-Hash"); got != "given" {
		t.Errorf("caller's tree hash replaced by %s", got)
	}
}

// A hostLabel value must be one DNS label: dots, slashes or an empty value
// would send the request to another host.
func TestHostLabel(t *testing.T) {
	s := func(v string) *string { return &v }
	if got, err := HostLabel("Label", s("bar-1")); err != nil || got != "bar-1" {
		t.Errorf("bar-1: %q, %v", got, err)
	}
	for _, bad := range []*string{nil, s(""), s("a.b"), s("-a"), s("a/b"), s("evil.com#"), s(string(make([]byte, 64)))} {
		if _, err := HostLabel("Label", bad); err == nil || !strings.Contains(err.Error(), "input member Label") {
			t.Errorf("%v: err = %v, want one naming the member", bad, err)
		}
	}
}
