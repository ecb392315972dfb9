package cbor

import (
	"encoding/hex"
	"math"
	"math/big"
	"testing"
	"time"
)

func mustHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatalf("bad hex %q: %v", s, err)
	}
	return b
}

func bigFromString(s string) *big.Int {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic(s)
	}
	return v
}

func ints(from, to uint64) []any {
	var out []any
	for i := from; i <= to; i++ {
		out = append(out, i)
	}
	return out
}

// rfc8949Examples is RFC 8949 Appendix A: each encoding and what it
// decodes to in this package's generic reading. encodes marks the vectors
// the Encoder produces byte for byte (the floats it writes are always
// single or double width, so the half-width vectors are decode-only).
var rfc8949Examples = []struct {
	hex     string
	want    any
	encodes bool
}{
	{"00", uint64(0), true},
	{"01", uint64(1), true},
	{"0a", uint64(10), true},
	{"17", uint64(23), true},
	{"1818", uint64(24), true},
	{"1819", uint64(25), true},
	{"1864", uint64(100), true},
	{"1903e8", uint64(1000), true},
	{"1a000f4240", uint64(1000000), true},
	{"1b000000e8d4a51000", uint64(1000000000000), true},
	{"1bffffffffffffffff", uint64(18446744073709551615), true},
	{"c249010000000000000000", tagged{2, []byte{1, 0, 0, 0, 0, 0, 0, 0, 0}}, true},
	{"3bffffffffffffffff", bigFromString("-18446744073709551616"), true},
	{"c349010000000000000000", tagged{3, []byte{1, 0, 0, 0, 0, 0, 0, 0, 0}}, true},
	{"20", int64(-1), true},
	{"29", int64(-10), true},
	{"3863", int64(-100), true},
	{"3903e7", int64(-1000), true},
	{"f90000", 0.0, false},
	{"f98000", math.Copysign(0, -1), false},
	{"f93c00", 1.0, false},
	{"fb3ff199999999999a", 1.1, true},
	{"f93e00", 1.5, false},
	{"f97bff", 65504.0, false},
	{"fa47c35000", 100000.0, false},
	{"fa7f7fffff", 3.4028234663852886e+38, false},
	{"fb7e37e43c8800759c", 1.0e+300, true},
	{"f90001", 5.960464477539063e-8, false},
	{"f90400", 0.00006103515625, false},
	{"f9c400", -4.0, false},
	{"fbc010666666666666", -4.1, true},
	{"f97c00", math.Inf(1), false},
	{"f97e00", math.NaN(), false},
	{"f9fc00", math.Inf(-1), false},
	{"fa7f800000", math.Inf(1), false},
	{"fa7fc00000", math.NaN(), false},
	{"faff800000", math.Inf(-1), false},
	{"fb7ff0000000000000", math.Inf(1), true},
	{"fb7ff8000000000000", math.NaN(), true},
	{"fbfff0000000000000", math.Inf(-1), true},
	{"f4", false, true},
	{"f5", true, true},
	{"f6", nil, true},
	{"f7", undefined{}, true},
	{"f0", simple(16), true},
	{"f8ff", simple(255), true},
	{"c074323031332d30332d32315432303a30343a30305a", tagged{0, "2013-03-21T20:04:00Z"}, true},
	{"c11a514b67b0", tagged{1, uint64(1363896240)}, true},
	{"c1fb41d452d9ec200000", tagged{1, 1363896240.5}, true},
	{"d74401020304", tagged{23, []byte{1, 2, 3, 4}}, true},
	{"d818456449455446", tagged{24, []byte("dIETF")}, true},
	{"d82076687474703a2f2f7777772e6578616d706c652e636f6d", tagged{32, "http://www.example.com"}, true},
	{"40", []byte{}, true},
	{"4401020304", []byte{1, 2, 3, 4}, true},
	{"60", "", true},
	{"6161", "a", true},
	{"6449455446", "IETF", true},
	{"62225c", "\"\\", true},
	{"62c3bc", "\u00fc", true},
	{"63e6b0b4", "\u6c34", true},
	{"64f0908591", "\U00010151", true},
	{"80", []any{}, true},
	{"83010203", ints(1, 3), true},
	{"8301820203820405", []any{uint64(1), ints(2, 3), ints(4, 5)}, true},
	{"98190102030405060708090a0b0c0d0e0f101112131415161718181819", ints(1, 25), true},
	{"a0", mapv{}, true},
	{"a201020304", mapv{{uint64(1), uint64(2)}, {uint64(3), uint64(4)}}, true},
	{"a26161016162820203", mapv{{"a", uint64(1)}, {"b", ints(2, 3)}}, true},
	{"826161a161626163", []any{"a", mapv{{"b", "c"}}}, true},
	{"a56161614161626142616361436164614461656145", mapv{{"a", "A"}, {"b", "B"}, {"c", "C"}, {"d", "D"}, {"e", "E"}}, true},
	{"5f42010243030405ff", indefBlob{1, 2, 3, 4, 5}, false},
	{"7f657374726561646d696e67ff", indefText("streaming"), false},
	{"9fff", []any{}, false},
	{"9f018202039f0405ffff", []any{uint64(1), ints(2, 3), ints(4, 5)}, false},
	{"9f01820203820405ff", []any{uint64(1), ints(2, 3), ints(4, 5)}, false},
	{"83018202039f0405ff", []any{uint64(1), ints(2, 3), ints(4, 5)}, false},
	{"83019f0203ff820405", []any{uint64(1), ints(2, 3), ints(4, 5)}, false},
	{"9f0102030405060708090a0b0c0d0e0f101112131415161718181819ff", ints(1, 25), false},
	{"bf61610161629f0203ffff", mapv{{"a", uint64(1)}, {"b", ints(2, 3)}}, false},
	{"826161bf61626163ff", []any{"a", mapv{{"b", "c"}}}, false},
	{"bf6346756ef563416d7421ff", mapv{{"Fun", true}, {"Amt", int64(-2)}}, false},
}

func TestRFC8949AppendixA(t *testing.T) {
	for _, tc := range rfc8949Examples {
		data := mustHex(t, tc.hex)
		var d Decoder
		d.Reset(data)
		got := value(&d)
		d.End()
		if err := d.Err(); err != nil {
			t.Errorf("%s: %v", tc.hex, err)
			continue
		}
		if !equal(tc.want, got) {
			t.Errorf("%s: decoded %#v, want %#v", tc.hex, got, tc.want)
		}
		// Skip must agree that the item is well-formed and consume it all.
		d.Reset(data)
		d.Skip()
		d.End()
		if err := d.Err(); err != nil {
			t.Errorf("%s: Skip: %v", tc.hex, err)
		}
		if !tc.encodes {
			continue
		}
		var e Encoder
		encodeValue(&e, tc.want)
		if h := hex.EncodeToString(e.Bytes()); h != tc.hex {
			t.Errorf("encoding %#v: got %s, want %s", tc.want, h, tc.hex)
		}
	}
}

// The typed readers on the Appendix A vectors they apply to.
func TestRFC8949TypedReaders(t *testing.T) {
	read := func(h string, f func(d *Decoder) any) (any, error) {
		var d Decoder
		d.Reset(mustHex(t, h))
		v := f(&d)
		d.End()
		return v, d.Err()
	}
	for _, tc := range []struct {
		hex  string
		f    func(d *Decoder) any
		want any
	}{
		{"c249010000000000000000", func(d *Decoder) any { return d.BigInt() }, bigFromString("18446744073709551616")},
		{"c349010000000000000000", func(d *Decoder) any { return d.BigInt() }, bigFromString("-18446744073709551617")},
		{"3bffffffffffffffff", func(d *Decoder) any { return d.BigInt() }, bigFromString("-18446744073709551616")},
		{"1bffffffffffffffff", func(d *Decoder) any { return d.BigInt() }, bigFromString("18446744073709551615")},
		{"c11a514b67b0", func(d *Decoder) any { return d.Timestamp() }, time.Unix(1363896240, 0).UTC()},
		{"c1fb41d452d9ec200000", func(d *Decoder) any { return d.Timestamp() }, time.UnixMilli(1363896240500).UTC()},
		{"7f657374726561646d696e67ff", func(d *Decoder) any { return d.String() }, "streaming"},
		{"5f42010243030405ff", func(d *Decoder) any { return d.Blob() }, []byte{1, 2, 3, 4, 5}},
		{"f97bff", func(d *Decoder) any { return d.Float32() }, float32(65504)},
		{"3903e7", func(d *Decoder) any { return d.Int16() }, int16(-1000)},
		{"1a000f4240", func(d *Decoder) any { return d.Float64() }, 1e6},
	} {
		got, err := read(tc.hex, tc.f)
		if err != nil {
			t.Errorf("%s: %v", tc.hex, err)
			continue
		}
		if !equal(tc.want, got) {
			t.Errorf("%s: got %#v, want %#v", tc.hex, got, tc.want)
		}
	}
}
