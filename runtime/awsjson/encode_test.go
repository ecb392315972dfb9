package awsjson

import (
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"strings"
	"testing"
	"time"
)

func encode(f func(e *Encoder)) string {
	var e Encoder
	f(&e)
	return string(e.Bytes())
}

func TestEncoderSeparators(t *testing.T) {
	got := encode(func(e *Encoder) {
		e.ObjectStart()
		e.Key("a")
		e.Int64(1)
		e.Key("b")
		e.ArrayStart()
		e.Int64(1)
		e.String("x")
		e.ObjectStart()
		e.ObjectEnd()
		e.ArrayStart()
		e.ArrayEnd()
		e.Null()
		e.ArrayEnd()
		e.Key("c")
		e.ObjectStart()
		e.Key("d")
		e.Bool(true)
		e.ObjectEnd()
		e.Key("e")
		e.Null()
		e.ObjectEnd()
	})
	want := `{"a":1,"b":[1,"x",{},[],null],"c":{"d":true},"e":null}`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestEncoderPool(t *testing.T) {
	e := NewEncoder()
	e.String("left over")
	e.Fail(errors.New("stale"))
	e.Release()
	e2 := NewEncoder()
	defer e2.Release()
	if len(e2.Bytes()) != 0 || e2.Err() != nil {
		t.Fatalf("pooled encoder not clean: %q, %v", e2.Bytes(), e2.Err())
	}
	e2.Int64(5)
	e2.Reset()
	e2.Bool(false)
	if got := string(e2.Bytes()); got != "false" {
		t.Errorf("after Reset got %q", got)
	}
}

func TestEncoderString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", `""`},
		{"plain", `"plain"`},
		{`q"b\s/`, `"q\"b\\s/"`},
		{"\n\r\t\b\f", `"\n\r\t\b\f"`},
		{"\x00\x01\x1f\x7f", `"\u0000\u0001\u001f` + "\x7f" + `"`},
		{"héllo 世界 😀", `"héllo 世界 😀"`},
		{"\u2028\u2029", `"\u2028\u2029"`},
		{"a\xffb", `"a\ufffdb"`},
		{"\xe2\x82", `"\ufffd\ufffd"`},           // truncated 3-byte sequence: one U+FFFD per byte, like encoding/json
		{"\xed\xa0\x80", `"\ufffd\ufffd\ufffd"`}, // UTF-8-encoded surrogate is invalid
		{"<&>", `"<&>"`},                         // no HTML escaping: AWS does not need it and it bloats payloads
	}
	for _, tt := range tests {
		got := encode(func(e *Encoder) { e.String(tt.in) })
		if got != tt.want {
			t.Errorf("String(%q) = %s, want %s", tt.in, got, tt.want)
		}
		if !json.Valid([]byte(got)) {
			t.Errorf("String(%q) produced invalid JSON %s", tt.in, got)
		}
	}
	if got := encode(func(e *Encoder) { e.ObjectStart(); e.Key("we\"ird"); e.Int64(1); e.ObjectEnd() }); got != `{"we\"ird":1}` {
		t.Errorf("Key escaping: %s", got)
	}
}

func TestEncoderNumbers(t *testing.T) {
	floats := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 1.5, 100, 1e6, 1e20, 1e21, 1e-6, 1e-7, 123456789.125,
		1e308, -1e308, math.MaxFloat64, math.SmallestNonzeroFloat64, 2.2250738585072014e-308, 1 << 53, 3.14159e-300}
	for _, f := range floats {
		want, _ := json.Marshal(f)
		if got := encode(func(e *Encoder) { e.Float64(f) }); got != string(want) {
			t.Errorf("Float64(%g) = %s, want %s", f, got, want)
		}
		f32 := float32(f)
		if math.IsInf(float64(f32), 0) {
			continue
		}
		want, _ = json.Marshal(f32)
		if got := encode(func(e *Encoder) { e.Float32(f32) }); got != string(want) {
			t.Errorf("Float32(%g) = %s, want %s", f32, got, want)
		}
	}
	special := map[float64]string{math.NaN(): `"NaN"`, math.Inf(1): `"Infinity"`, math.Inf(-1): `"-Infinity"`}
	for f, want := range special {
		if got := encode(func(e *Encoder) { e.Float64(f) }); got != want {
			t.Errorf("Float64(%v) = %s, want %s", f, got, want)
		}
		if got := encode(func(e *Encoder) { e.Float32(float32(f)) }); got != want {
			t.Errorf("Float32(%v) = %s, want %s", f, got, want)
		}
	}
	if got := encode(func(e *Encoder) { e.Float32(0.1) }); got != "0.1" {
		t.Errorf("Float32(0.1) = %s, want shortest float32 form 0.1", got)
	}
	ints := map[int64]string{0: "0", -1: "-1", math.MaxInt64: "9223372036854775807", math.MinInt64: "-9223372036854775808"}
	for v, want := range ints {
		if got := encode(func(e *Encoder) { e.Int64(v) }); got != want {
			t.Errorf("Int64(%d) = %s", v, got)
		}
	}
	bi, _ := new(big.Int).SetString("-123456789012345678901234567890", 10)
	if got := encode(func(e *Encoder) { e.BigInt(bi) }); got != "-123456789012345678901234567890" {
		t.Errorf("BigInt = %s", got)
	}
	bf, _, _ := big.ParseFloat("1.25e-400", 10, 200, big.ToNearestEven)
	if got := encode(func(e *Encoder) { e.ArrayStart(); e.BigFloat(bf); e.BigInt(nil); e.BigFloat(nil); e.ArrayEnd() }); got != `[1.25e-400,null,null]` {
		t.Errorf("BigFloat = %s", got)
	}
	if got := encode(func(e *Encoder) { e.BigFloat(new(big.Float).SetInf(true)) }); got != `"-Infinity"` {
		t.Errorf("BigFloat(-Inf) = %s", got)
	}
}

func TestEncoderBlob(t *testing.T) {
	got := encode(func(e *Encoder) {
		e.ArrayStart()
		e.Blob(nil)
		e.Blob([]byte("f"))
		e.Blob([]byte{0xff, 0xfe, 0x00})
		e.ArrayEnd()
	})
	if want := `["","Zg==","//4A"]`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestEncoderTimestamps(t *testing.T) {
	base := time.Date(2014, 4, 29, 18, 30, 38, 0, time.UTC)
	tests := []struct {
		t                   time.Time
		epoch, dt, httpDate string
	}{
		{base, "1398796238", `"2014-04-29T18:30:38Z"`, `"Tue, 29 Apr 2014 18:30:38 GMT"`},
		{base.Add(123 * time.Millisecond), "1398796238.123", `"2014-04-29T18:30:38.123Z"`, `"Tue, 29 Apr 2014 18:30:38 GMT"`},
		{base.Add(100*time.Millisecond + 999*time.Microsecond), "1398796238.1", `"2014-04-29T18:30:38.1Z"`, `"Tue, 29 Apr 2014 18:30:38 GMT"`},
		{base.Add(999 * time.Microsecond), "1398796238", `"2014-04-29T18:30:38Z"`, `"Tue, 29 Apr 2014 18:30:38 GMT"`},
		{base.In(time.FixedZone("X", -7*3600)), "1398796238", `"2014-04-29T18:30:38Z"`, `"Tue, 29 Apr 2014 18:30:38 GMT"`},
		{time.Unix(0, 0), "0", `"1970-01-01T00:00:00Z"`, `"Thu, 01 Jan 1970 00:00:00 GMT"`},
		{time.UnixMilli(-1500), "-1.5", `"1969-12-31T23:59:58.5Z"`, `"Wed, 31 Dec 1969 23:59:58 GMT"`},
		{time.UnixMilli(-500), "-0.5", `"1969-12-31T23:59:59.5Z"`, `"Wed, 31 Dec 1969 23:59:59 GMT"`},
		{time.UnixMilli(-86400_000 - 20), "-86400.02", `"1969-12-30T23:59:59.98Z"`, `"Tue, 30 Dec 1969 23:59:59 GMT"`},
	}
	for _, tt := range tests {
		if got := encode(func(e *Encoder) { e.TimestampEpochSeconds(tt.t) }); got != tt.epoch {
			t.Errorf("epoch(%v) = %s, want %s", tt.t, got, tt.epoch)
		}
		if got := encode(func(e *Encoder) { e.TimestampDateTime(tt.t) }); got != tt.dt {
			t.Errorf("date-time(%v) = %s, want %s", tt.t, got, tt.dt)
		}
		if got := encode(func(e *Encoder) { e.TimestampHTTPDate(tt.t) }); got != tt.httpDate {
			t.Errorf("http-date(%v) = %s, want %s", tt.t, got, tt.httpDate)
		}
	}
}

type docStruct struct {
	A int    `json:"a"`
	B string `json:"b,omitempty"`
}

func TestEncoderDocument(t *testing.T) {
	tests := []struct {
		in   any
		want string
	}{
		{nil, `null`},
		{true, `true`},
		{"s\n", `"s\n"`},
		{1.5, `1.5`},
		{float32(0.1), `0.1`},
		{int8(-8), `-8`},
		{uint64(math.MaxUint64), `18446744073709551615`},
		{json.Number("-1.5e10"), `-1.5e10`},
		{[]any{}, `[]`},
		{map[string]any{}, `{}`},
		{map[string]any{"z": 1, "a": []any{nil, "x", map[string]any{"k": false}}, "m": 2.5}, `{"a":[null,"x",{"k":false}],"m":2.5,"z":1}`},
		{docStruct{A: 1}, `{"a":1}`},
		{(*docStruct)(nil), `null`},
		{[]string{"a", "b"}, `["a","b"]`},
		{json.RawMessage(`{ "x" : 1 }`), `{"x":1}`},
	}
	for _, tt := range tests {
		var e Encoder
		e.ArrayStart()
		e.Int64(0)
		if err := e.Document(tt.in); err != nil {
			t.Errorf("Document(%#v): %v", tt.in, err)
			continue
		}
		e.ArrayEnd()
		if got, want := string(e.Bytes()), "[0,"+tt.want+"]"; got != want {
			t.Errorf("Document(%#v) = %s, want %s", tt.in, got, want)
		}
	}

	cyclic := []any{nil}
	cyclic[0] = cyclic
	for _, bad := range []any{math.NaN(), math.Inf(1), json.Number("01"), json.Number(""), map[string]any{"a": []any{1, math.Inf(-1)}}, make(chan int), cyclic} {
		var e Encoder
		e.ObjectStart()
		e.Key("k")
		before := string(e.Bytes())
		if err := e.Document(bad); err == nil {
			t.Errorf("Document(%T) succeeded with %s", bad, e.Bytes())
		}
		if got := string(e.Bytes()); got != before {
			t.Errorf("failed Document(%T) left %q, want buffer unchanged %q", bad, got, before)
		}
	}
}

func TestEncoderOutputIsValidJSON(t *testing.T) {
	var e Encoder
	e.ObjectStart()
	e.Key("s")
	e.String(strings.Repeat("\x00\xff\u2028é", 10))
	e.Key("f")
	e.ArrayStart()
	e.Float64(math.NaN())
	e.Float32(float32(math.Inf(1)))
	e.Float64(math.Copysign(0, -1)) // the literal -0.0 is positive zero in Go
	e.ArrayEnd()
	e.Key("t")
	e.TimestampEpochSeconds(time.UnixMilli(-1))
	e.ObjectEnd()
	if !json.Valid(e.Bytes()) {
		t.Errorf("invalid JSON: %s", e.Bytes())
	}
	if !strings.Contains(string(e.Bytes()), `"Infinity",-0]`) {
		t.Errorf("negative zero not kept: %s", e.Bytes())
	}
}
