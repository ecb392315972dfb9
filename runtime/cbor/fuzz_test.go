package cbor

import (
	"bytes"
	"errors"
	"math"
	"math/big"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzDecoder feeds arbitrary bytes through the generic reading, Skip, a
// generated-style typed walk and every typed reader: none may panic, hang or
// read past the input; the generic reading and Skip must agree on
// well-formedness; and whatever is accepted must survive a round trip
// through the Encoder.
func FuzzDecoder(f *testing.F) {
	for _, ex := range rfc8949Examples {
		f.Add(mustHex(f, ex.hex))
	}
	for _, h := range []string{
		"bf6b737472696e6756616c7565f6ff", "c4821927110a", "c48201c249010000000000000000", "9b7fffffffffffffff",
		"5f5b8000000000000000", "7f61ff6161ff", "f81f", "1c", "a10102", "c1fb7ff8000000000000",
	} {
		f.Add(mustHex(f, h))
	}
	f.Add(benchPayload(2))
	f.Fuzz(checkDecoder)
}

func checkDecoder(t *testing.T, data []byte) {
	{
		var d Decoder
		d.Reset(data)
		v := value(&d)
		d.End()
		valueErr := d.Err()
		checkErr(t, valueErr, len(data))

		d.Reset(data)
		d.Skip()
		d.End()
		skipErr := d.Err()
		checkErr(t, skipErr, len(data))
		if (valueErr == nil) != (skipErr == nil) {
			t.Fatalf("generic reading err %v, Skip err %v", valueErr, skipErr)
		}

		if valueErr == nil {
			var e Encoder
			encodeValue(&e, v)
			d.Reset(e.Bytes())
			again := value(&d)
			d.End()
			if d.Err() != nil {
				t.Fatalf("re-encoding %x: %v", e.Bytes(), d.Err())
			}
			if !equal(v, again) {
				t.Fatalf("round trip changed %#v to %#v", v, again)
			}
		}

		// Typed walks must cope with anything too.
		var out benchOutput
		d.Reset(data)
		decodeBenchOutput(&d, &out)
		d.End()
		checkErr(t, d.Err(), len(data))
		var s scalars
		d.ResetString(string(data))
		decodeScalars(&d, &s)
		d.End()
		checkErr(t, d.Err(), len(data))
		for _, read := range []func(d *Decoder){
			func(d *Decoder) { d.BigFloat() },
			func(d *Decoder) { d.BigInt() },
			func(d *Decoder) { d.Timestamp() },
			func(d *Decoder) { d.Float32() },
			func(d *Decoder) { d.Int8() },
			func(d *Decoder) { d.Blob() },
			func(d *Decoder) {
				if s := d.String(); d.Err() == nil && !utf8.ValidString(s) {
					t.Fatalf("String returned invalid UTF-8 %q", s)
				}
			},
			func(d *Decoder) {
				if raw := d.Raw(); d.Err() == nil && !bytes.HasPrefix(data, raw) {
					t.Fatalf("Raw %x is not a prefix of the input", raw)
				}
			},
		} {
			d.Reset(data)
			read(&d)
			if d.Offset() > len(data) {
				t.Fatalf("offset %d past the input", d.Offset())
			}
			d.End()
			checkErr(t, d.Err(), len(data))
		}
	}
}

func checkErr(t *testing.T, err error, n int) {
	t.Helper()
	if err == nil {
		return
	}
	var e *Error
	if !errors.As(err, &e) || e.Offset < 0 || e.Offset > n {
		t.Fatalf("bad error %v for a %d-byte input", err, n)
	}
}

// FuzzRoundTrip checks that every scalar the Encoder writes reads back
// unchanged (strings: unchanged when valid UTF-8, valid UTF-8 otherwise),
// through definite and indefinite containers alike.
func FuzzRoundTrip(f *testing.F) {
	f.Add("", int64(0), uint64(0), 0.0, float32(0), []byte(nil), int64(0), false)
	f.Add("é世😀", int64(math.MinInt64), uint64(math.MaxUint64), math.Inf(-1), float32(math.NaN()), []byte{0}, int64(-1500), true)
	f.Add("\xff\xfe", int64(math.MaxInt64), uint64(24), 1.1, float32(7.625), []byte("foo"), int64(1363896240500), false)
	f.Fuzz(func(t *testing.T, s string, i int64, u uint64, f64 float64, f32 float32, b []byte, ms int64, indefinite bool) {
		// Smithy timestamps span years 1 to 9999, well inside 2^48 ms, where
		// a double still holds every millisecond exactly.
		ms %= 1 << 48
		bi := new(big.Int).SetUint64(u)
		if i < 0 {
			bi.Neg(bi).Sub(bi, big.NewInt(1)) // a value below -2^64 when u is large
		}
		e := NewEncoder()
		defer e.Release()
		if indefinite {
			e.MapStartIndefinite()
		} else {
			e.MapStart(8)
		}
		e.Key(s)
		e.String(s)
		e.Key("i")
		e.Int64(i)
		e.Key("u")
		e.Uint64(u)
		e.Key("f64")
		e.Float64(f64)
		e.Key("f32")
		e.Float32(f32)
		e.Key("b")
		e.Blob(b)
		e.Key("t")
		e.Timestamp(time.UnixMilli(ms))
		e.Key("big")
		e.BigInt(bi)
		if indefinite {
			e.Break()
		}
		data := e.Bytes()

		var d Decoder
		d.ResetString(string(data))
		if !d.ObjectStart() {
			t.Fatalf("no map: %v", d.Err())
		}
		k, _ := d.NextKey()
		key := string(k)
		val := d.String()
		if !utf8.ValidString(key) || !utf8.ValidString(val) || key != val {
			t.Fatalf("string %q read back as key %q, value %q", s, key, val)
		}
		if utf8.ValidString(s) && val != s {
			t.Fatalf("string %q read back as %q", s, val)
		}
		d.NextKey()
		if got := d.Int64(); got != i {
			t.Fatalf("Int64 %d read back as %d", i, got)
		}
		d.NextKey()
		if got := d.BigInt(); got == nil || !got.IsUint64() || got.Uint64() != u {
			t.Fatalf("Uint64 %d read back as %v", u, got)
		}
		d.NextKey()
		if got := d.Float64(); !sameFloat(got, f64) {
			t.Fatalf("Float64 %v read back as %v", f64, got)
		}
		d.NextKey()
		if got := d.Float32(); !sameFloat(float64(got), float64(f32)) {
			t.Fatalf("Float32 %v read back as %v", f32, got)
		}
		d.NextKey()
		if got := d.Blob(); !bytes.Equal(got, b) || got == nil {
			t.Fatalf("Blob %x read back as %x", b, got)
		}
		d.NextKey()
		if got := d.Timestamp(); !got.Equal(time.UnixMilli(ms)) {
			t.Fatalf("Timestamp %d ms read back as %v", ms, got)
		}
		d.NextKey()
		if got := d.BigInt(); got == nil || got.Cmp(bi) != 0 {
			t.Fatalf("BigInt %v read back as %v", bi, got)
		}
		if _, ok := d.NextKey(); ok {
			t.Fatal("extra key")
		}
		d.End()
		if d.Err() != nil {
			t.Fatalf("%x: %v", data, d.Err())
		}
	})
}
