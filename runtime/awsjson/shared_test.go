package awsjson

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestResetStringMatchesReset decodes the same input from bytes and from a
// shared string and requires the same values, escapes included.
func TestResetStringMatchesReset(t *testing.T) {
	in := `["plain","esc\"aped","uni\u00e9","ünï","","tab\t",` + strings.Repeat(`"x",`, 300) + `"last"]`
	read := func(d *Decoder) []string {
		var out []string
		d.ArrayStart()
		for d.NextElem() {
			out = append(out, d.String())
		}
		d.End()
		if err := d.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	var a, b Decoder
	a.Reset([]byte(in))
	b.ResetString(in)
	x, y := read(&a), read(&b)
	if fmt.Sprint(x) != fmt.Sprint(y) {
		t.Fatalf("Reset: %q\nResetString: %q", x, y)
	}
	if y[1] != `esc"aped` || y[2] != "unié" || y[3] != "ünï" {
		t.Fatalf("decoded %q", y[:4])
	}
}

// TestPtrArenas checks that the *Ptr methods return distinct pointers with
// the right values across chunk boundaries, and that Reset starts afresh.
func TestPtrArenas(t *testing.T) {
	const n = 500
	var sb strings.Builder
	sb.WriteString("[")
	for i := range n {
		if i > 0 {
			sb.WriteString(",")
		}
		fmt.Fprintf(&sb, `{"s":"v%d","b":%t,"i":%d,"l":%d,"f":%d.5,"t":%d}`, i, i%2 == 0, i, int64(i)<<33, i, 1700000000+i)
	}
	sb.WriteString("]")
	type rec struct {
		s *string
		b *bool
		i *int32
		l *int64
		f *float64
		t *time.Time
	}
	var d Decoder
	d.ResetString(sb.String())
	var recs []rec
	d.ArrayStart()
	for d.NextElem() {
		var r rec
		d.ObjectStart()
		for k, ok := d.NextKey(); ok; k, ok = d.NextKey() {
			switch string(k) {
			case "s":
				r.s = d.StringPtr()
			case "b":
				r.b = d.BoolPtr()
			case "i":
				r.i = d.Int32Ptr()
			case "l":
				r.l = d.Int64Ptr()
			case "f":
				r.f = d.Float64Ptr()
			case "t":
				r.t = d.TimePtr(d.TimestampEpochSeconds())
			}
		}
		recs = append(recs, r)
	}
	d.End()
	if err := d.Err(); err != nil {
		t.Fatal(err)
	}
	for i, r := range recs {
		if *r.s != fmt.Sprintf("v%d", i) || *r.b != (i%2 == 0) || *r.i != int32(i) || *r.l != int64(i)<<33 ||
			*r.f != float64(i)+0.5 || r.t.Unix() != int64(1700000000+i) {
			t.Fatalf("record %d: %q %v %v %v %v %v", i, *r.s, *r.b, *r.i, *r.l, *r.f, r.t)
		}
	}
	// Reset hands out new chunks: earlier pointers keep their values.
	d.Reset([]byte(`"other"`))
	p := d.StringPtr()
	if *p != "other" || *recs[0].s != "v0" || p == recs[0].s {
		t.Fatalf("after Reset: %q, first record %q", *p, *recs[0].s)
	}
}
