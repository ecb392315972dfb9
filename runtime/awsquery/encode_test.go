package awsquery

import (
	"math"
	"math/big"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestEscaping(t *testing.T) {
	e := NewEncoder("Op", "2020-01-08")
	defer e.Release()
	e.Enter("A b")
	e.Key("k")
	e.String("a b+c&d=e/é~_.-")
	e.Leave()
	want := "Action=Op&Version=2020-01-08&A%20b.k=a%20b%2Bc%26d%3De%2F%C3%A9~_.-"
	if got := string(e.Bytes()); got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	// What a server's form parser makes of it.
	v, err := url.ParseQuery(string(e.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if v.Get("A b.k") != "a b+c&d=e/é~_.-" {
		t.Fatalf("parsed %q", v)
	}
}

func TestScalars(t *testing.T) {
	ts := time.Date(2014, 4, 29, 18, 30, 38, 123e6, time.UTC)
	neg := time.Unix(-2, 500e6)
	cases := []struct {
		write func(e *Encoder)
		want  string
	}{
		{func(e *Encoder) { e.Int64(-9223372036854775808) }, "-9223372036854775808"},
		{func(e *Encoder) { e.Float32(0.1) }, "0.1"},
		{func(e *Encoder) { e.Float64(1e21) }, "1e%2B21"},
		{func(e *Encoder) { e.Float64(1e-7) }, "1e-07"},
		{func(e *Encoder) { e.Float64(math.Inf(1)) }, "Infinity"},
		{func(e *Encoder) { e.TimestampDateTime(ts) }, "2014-04-29T18%3A30%3A38.123Z"},
		{func(e *Encoder) { e.TimestampHTTPDate(ts) }, "Tue%2C%2029%20Apr%202014%2018%3A30%3A38%20GMT"},
		{func(e *Encoder) { e.TimestampEpochSeconds(ts) }, "1398796238.123"},
		{func(e *Encoder) { e.TimestampEpochSeconds(neg) }, "-1.5"},
		{func(e *Encoder) { e.BigInt(new(big.Int).Lsh(big.NewInt(1), 70)) }, "1180591620717411303424"},
		{func(e *Encoder) { e.BigFloat(big.NewFloat(1.5e30)) }, "1.5e%2B30"},
		{func(e *Encoder) { e.BigFloat(nil) }, ""},
		{func(e *Encoder) { e.Blob([]byte{0xfb, 0xff}) }, "%2B%2F8%3D"},
		{func(e *Encoder) { e.Blob(nil) }, ""},
	}
	for _, c := range cases {
		e := NewEncoder("A", "1")
		e.Key("v")
		c.write(e)
		got := strings.TrimPrefix(string(e.Bytes()), "Action=A&Version=1&v=")
		if got != c.want {
			t.Errorf("got %s, want %s", got, c.want)
		}
		e.Release()
	}
}

// TestBlobChunks checks a blob longer than the stack chunk round-trips.
func TestBlobChunks(t *testing.T) {
	blob := make([]byte, 1000)
	for i := range blob {
		blob[i] = byte(i * 7)
	}
	e := NewEncoder("A", "1")
	defer e.Release()
	e.Key("b")
	e.Blob(blob)
	v, err := url.ParseQuery(string(e.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	want := e2b64(blob)
	if v.Get("b") != want {
		t.Fatalf("blob mangled:\n got %s\nwant %s", v.Get("b"), want)
	}
}

func TestUnbalanced(t *testing.T) {
	e := NewEncoder("A", "1")
	e.Enter("X")
	if err := e.Err(); err == nil || !strings.Contains(err.Error(), `"X."`) {
		t.Fatalf("Err = %v, want the open prefix named", err)
	}
	e.Leave()
	e.Leave()
	if e.Err() == nil {
		t.Fatal("Leave without Enter not reported")
	}
	e.Release()
	// A pooled encoder starts clean.
	if e := NewEncoder("A", "1"); e.Err() != nil || string(e.Bytes()) != "Action=A&Version=1" {
		t.Fatalf("reused encoder not reset: %v %q", e.Err(), e.Bytes())
	}
}

// TestAllocs: building a body from a pooled encoder allocates nothing.
func TestAllocs(t *testing.T) {
	ts := time.Unix(1422172800, 0)
	n := testing.AllocsPerRun(100, func() {
		e := NewEncoder("QueryLists", "2020-01-08")
		e.Enter("ListArg")
		e.Enter("member")
		for i := 1; i <= 5; i++ {
			e.Index(i)
			e.String("some value")
		}
		e.Leave()
		e.Leave()
		e.Key("When")
		e.TimestampDateTime(ts)
		e.Key("F")
		e.Float64(1.5)
		e.Key("B")
		e.Blob([]byte("blob"))
		e.Release()
	})
	if n != 0 {
		t.Fatalf("%v allocations per body, want 0", n)
	}
}

// FuzzQueryEncoder writes arbitrary names and values and requires a body
// that a form parser reads back to the same pairs.
func FuzzQueryEncoder(f *testing.F) {
	f.Add("Action", "a b", "x&y=z", []byte{0, 1, 2}, 1.5, int64(-3))
	f.Add("", "é", "%41+", []byte(nil), math.NaN(), int64(0))
	f.Fuzz(func(t *testing.T, name, prefix, value string, blob []byte, fl float64, n int64) {
		e := NewEncoder("Op", "v1")
		defer e.Release()
		e.Enter(prefix)
		e.Key(name)
		e.String(value)
		e.EnterIndex(3)
		e.Key("b")
		e.Blob(blob)
		e.Key("f")
		e.Float64(fl)
		e.Index(7)
		e.Int64(n)
		e.Leave()
		e.Leave()
		if err := e.Err(); err != nil {
			t.Fatal(err)
		}
		v, err := url.ParseQuery(string(e.Bytes()))
		if err != nil {
			t.Fatalf("%q: %v", e.Bytes(), err)
		}
		if strings.Contains(string(e.Bytes()), "+") {
			t.Fatalf("'+' in body %q", e.Bytes())
		}
		check := func(k, want string) {
			if got, ok := v[k]; !ok || len(got) != 1 || got[0] != want {
				// Keys can collide when fuzzed names contain '.';
				// only complain when they cannot have.
				if !strings.ContainsAny(prefix+name, ".") {
					t.Fatalf("%s = %q, want %q (body %q)", k, got, want, e.Bytes())
				}
			}
		}
		check(prefix+"."+name, value)
		check(prefix+".3.b", e2b64(blob))
		check(prefix+".3.7", itoa(n))
	})
}
