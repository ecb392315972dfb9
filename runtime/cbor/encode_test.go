package cbor

import (
	"encoding/hex"
	"errors"
	"math"
	"math/big"
	"testing"
	"time"
)

func encodeHex(f func(e *Encoder)) string {
	var e Encoder
	f(&e)
	return hex.EncodeToString(e.Bytes())
}

func TestEncoderHeads(t *testing.T) {
	for _, tc := range []struct {
		v    int64
		want string
	}{
		{0, "00"}, {23, "17"}, {24, "1818"}, {255, "18ff"}, {256, "190100"}, {65535, "19ffff"},
		{65536, "1a00010000"}, {math.MaxUint32, "1affffffff"}, {math.MaxUint32 + 1, "1b0000000100000000"},
		{math.MaxInt64, "1b7fffffffffffffff"}, {-1, "20"}, {-24, "37"}, {-25, "3818"}, {-256, "38ff"},
		{-257, "390100"}, {math.MinInt64, "3b7fffffffffffffff"},
	} {
		if got := encodeHex(func(e *Encoder) { e.Int64(tc.v) }); got != tc.want {
			t.Errorf("Int64(%d) = %s, want %s", tc.v, got, tc.want)
		}
	}
	if got := encodeHex(func(e *Encoder) { e.Uint64(math.MaxUint64) }); got != "1bffffffffffffffff" {
		t.Errorf("Uint64(max) = %s", got)
	}
	if got := encodeHex(func(e *Encoder) { e.ArrayStart(24); e.MapStart(1); e.Key("a"); e.Null(); e.Blob(nil) }); got != "9818a16161f640" {
		t.Errorf("containers = %s", got)
	}
	if got := encodeHex(func(e *Encoder) { e.ArrayStartIndefinite(); e.Bool(true); e.Bool(false); e.Break() }); got != "9ff5f4ff" {
		t.Errorf("indefinite array = %s", got)
	}
	if got := encodeHex(func(e *Encoder) { e.Float32(1.5); e.Float64(0) }); got != "fa3fc00000fb0000000000000000" {
		t.Errorf("floats = %s", got)
	}
	if got := encodeHex(func(e *Encoder) { e.Float64(math.Copysign(0, -1)) }); got != "fb8000000000000000" {
		t.Errorf("-0 = %s", got)
	}
}

func TestEncoderTimestamp(t *testing.T) {
	for _, tc := range []struct {
		t    time.Time
		want float64
	}{
		{time.Unix(1363896240, 0), 1363896240},
		{time.UnixMilli(1363896240500), 1363896240.5},
		{time.Unix(1, 999_999_999), 1.999}, // truncated to the millisecond
		{time.UnixMilli(-1500), -1.5},
		{time.Unix(0, 0).In(time.FixedZone("x", 3600)), 0},
	} {
		var e Encoder
		e.Timestamp(tc.t)
		b := e.Bytes()
		if b[0] != 0xc1 || b[1] != 0xfb || len(b) != 10 {
			t.Errorf("%v: %x is not tag 1 over a double", tc.t, b)
			continue
		}
		var d Decoder
		d.Reset(b[1:])
		if got := d.Float64(); got != tc.want {
			t.Errorf("%v: seconds %v, want %v", tc.t, got, tc.want)
		}
		d.Reset(b)
		if got := d.Timestamp(); !got.Equal(tc.t.Truncate(time.Millisecond)) {
			t.Errorf("%v: round trip %v", tc.t, got)
		}
	}
}

func TestEncoderBig(t *testing.T) {
	for _, tc := range []struct {
		v, want string
	}{
		{"0", "00"},
		{"18446744073709551615", "1bffffffffffffffff"},
		{"18446744073709551616", "c249010000000000000000"},
		{"-18446744073709551616", "3bffffffffffffffff"},
		{"-18446744073709551617", "c349010000000000000000"},
		{"-1", "20"},
	} {
		if got := encodeHex(func(e *Encoder) { e.BigInt(bigFromString(tc.v)) }); got != tc.want {
			t.Errorf("BigInt(%s) = %s, want %s", tc.v, got, tc.want)
		}
	}
	if got := encodeHex(func(e *Encoder) { e.BigInt(nil); e.BigFloat(nil) }); got != "f6f6" {
		t.Errorf("nil big = %s", got)
	}
	for _, tc := range []struct {
		v, want string
	}{
		{"273.15", "c48221196ab3"}, // RFC 8949 section 3.4.4
		{"0", "c4820000"},
		{"-1.5", "c482202e"},
		{"1e300", "c48219012c01"},
	} {
		f, _, err := big.ParseFloat(tc.v, 10, 64, big.ToNearestEven)
		if err != nil {
			t.Fatal(err)
		}
		if got := encodeHex(func(e *Encoder) { e.BigFloat(f) }); got != tc.want {
			t.Errorf("BigFloat(%s) = %s, want %s", tc.v, got, tc.want)
		}
	}
	// Round trips at higher precision keep every digit: the decimal
	// written is the shortest that identifies v, and reading it back gives
	// a value whose own shortest decimal is the same.
	for _, s := range []string{"3.14159265358979323846264338327950288", "-1e-4000", "123456789012345678901234567890"} {
		f, _, err := big.ParseFloat(s, 10, 200, big.ToNearestEven)
		if err != nil {
			t.Fatal(err)
		}
		var e Encoder
		e.BigFloat(f)
		var d Decoder
		d.Reset(e.Bytes())
		got := d.BigFloat()
		if d.Err() != nil || got.Text('g', -1) != f.Text('g', -1) {
			t.Errorf("BigFloat round trip %s: %v, %v", s, got, d.Err())
		}
	}
	var e Encoder
	e.BigFloat(new(big.Float).SetInf(false))
	if e.Err() == nil || hex.EncodeToString(e.Bytes()) != "f6" {
		t.Errorf("infinite bigDecimal: %x, %v", e.Bytes(), e.Err())
	}
}

func TestEncoderPoolAndFail(t *testing.T) {
	e := NewEncoder()
	e.String("x")
	e.Fail(errors.New("first"))
	e.Fail(errors.New("second"))
	if e.Err().Error() != "first" {
		t.Errorf("Err = %v", e.Err())
	}
	e.Release()
	e = NewEncoder()
	defer e.Release()
	if len(e.Bytes()) != 0 || e.Err() != nil {
		t.Errorf("pooled encoder not reset: %x, %v", e.Bytes(), e.Err())
	}
	big := &Encoder{buf: make([]byte, 0, maxPooledBuffer+1)}
	big.Release() // dropped rather than pooled; must not panic
	allocs := testing.AllocsPerRun(100, func() {
		e := NewEncoder()
		e.MapStartIndefinite()
		e.Key("arn")
		e.String("arn:aws:workspaces:us-east-1:123456789012:workspace/ws-0123456789")
		e.Key("n")
		e.Int64(-12345)
		e.Key("t")
		e.Timestamp(time.Unix(1, 0))
		e.Break()
		e.Release()
	})
	if allocs != 0 {
		t.Errorf("pooled encoding allocates %v times per call", allocs)
	}
}
