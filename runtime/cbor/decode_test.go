package cbor

import (
	"errors"
	"math"
	"math/big"
	"strings"
	"testing"
	"time"
)

func decodeHex[T any](t *testing.T, h string, f func(d *Decoder) T) (T, error) {
	t.Helper()
	var d Decoder
	d.Reset(mustHex(t, h))
	v := f(&d)
	d.End()
	return v, d.Err()
}

func TestDecodeIntRanges(t *testing.T) {
	for _, tc := range []struct {
		hex  string
		f    func(d *Decoder) int64
		want int64
		err  error
	}{
		{"187f", func(d *Decoder) int64 { return int64(d.Int8()) }, 127, nil},
		{"1880", func(d *Decoder) int64 { return int64(d.Int8()) }, 0, ErrRange},
		{"387f", func(d *Decoder) int64 { return int64(d.Int8()) }, -128, nil},
		{"3880", func(d *Decoder) int64 { return int64(d.Int8()) }, 0, ErrRange},
		{"197fff", func(d *Decoder) int64 { return int64(d.Int16()) }, 32767, nil},
		{"198000", func(d *Decoder) int64 { return int64(d.Int16()) }, 0, ErrRange},
		{"397fff", func(d *Decoder) int64 { return int64(d.Int16()) }, -32768, nil},
		{"1a7fffffff", func(d *Decoder) int64 { return int64(d.Int32()) }, math.MaxInt32, nil},
		{"1a80000000", func(d *Decoder) int64 { return int64(d.Int32()) }, 0, ErrRange},
		{"3a7fffffff", func(d *Decoder) int64 { return int64(d.Int32()) }, math.MinInt32, nil},
		{"3a80000000", func(d *Decoder) int64 { return int64(d.Int32()) }, 0, ErrRange},
		{"1b7fffffffffffffff", func(d *Decoder) int64 { return d.Int64() }, math.MaxInt64, nil},
		{"1b8000000000000000", func(d *Decoder) int64 { return d.Int64() }, 0, ErrRange},
		{"3b7fffffffffffffff", func(d *Decoder) int64 { return d.Int64() }, math.MinInt64, nil},
		{"3b8000000000000000", func(d *Decoder) int64 { return d.Int64() }, 0, ErrRange},
		{"3bffffffffffffffff", func(d *Decoder) int64 { return d.Int64() }, 0, ErrRange},
		// Non-preferred (longer than needed) arguments are well-formed.
		{"1b0000000000000005", func(d *Decoder) int64 { return d.Int64() }, 5, nil},
		{"1805", func(d *Decoder) int64 { return int64(d.Int8()) }, 5, nil},
		// Integers are not floats and not indefinite.
		{"f93c00", func(d *Decoder) int64 { return d.Int64() }, 0, ErrType},
		{"1f", func(d *Decoder) int64 { return d.Int64() }, 0, ErrSyntax},
		{"3f", func(d *Decoder) int64 { return d.Int64() }, 0, ErrSyntax},
		{"1c", func(d *Decoder) int64 { return d.Int64() }, 0, ErrSyntax},
		{"19ff", func(d *Decoder) int64 { return d.Int64() }, 0, ErrEOF},
		{"", func(d *Decoder) int64 { return d.Int64() }, 0, ErrEOF},
		{"6131", func(d *Decoder) int64 { return d.Int64() }, 0, ErrType},
	} {
		got, err := decodeHex(t, tc.hex, tc.f)
		if !errors.Is(err, tc.err) || (tc.err == nil && err != nil) {
			t.Errorf("%s: err = %v, want %v", tc.hex, err, tc.err)
			continue
		}
		if got != tc.want {
			t.Errorf("%s: got %d, want %d", tc.hex, got, tc.want)
		}
	}
}

func TestDecodeFloats(t *testing.T) {
	for _, tc := range []struct {
		hex    string
		want64 float64
		err32  error
	}{
		{"f93c00", 1, nil},
		{"fa3fc00000", 1.5, nil},
		{"fb3ff8000000000000", 1.5, nil},
		{"0a", 10, nil},
		{"29", -10, nil},
		{"1bffffffffffffffff", 18446744073709551615, nil},
		{"fb47efffffe0000000", math.MaxFloat32, nil},
		{"fb7fefffffffffffff", math.MaxFloat64, ErrRange},
		{"fbffefffffffffffff", -math.MaxFloat64, ErrRange},
	} {
		got, err := decodeHex(t, tc.hex, func(d *Decoder) float64 { return d.Float64() })
		if err != nil || !sameFloat(got, tc.want64) {
			t.Errorf("Float64 %s = %v, %v; want %v", tc.hex, got, err, tc.want64)
		}
		got32, err := decodeHex(t, tc.hex, func(d *Decoder) float32 { return d.Float32() })
		if !errors.Is(err, tc.err32) || tc.err32 == nil && (err != nil || !sameFloat(float64(got32), float64(float32(tc.want64)))) {
			t.Errorf("Float32 %s = %v, %v; want %v, %v", tc.hex, got32, err, float32(tc.want64), tc.err32)
		}
	}
	for _, h := range []string{"6131", "f5", "f9", "fa0000", "fb00", "c11a514b67b0"} {
		if _, err := decodeHex(t, h, func(d *Decoder) float64 { return d.Float64() }); err == nil {
			t.Errorf("Float64 %s: no error", h)
		}
	}
}

func TestDecodeNullBool(t *testing.T) {
	for _, h := range []string{"f6", "f7"} {
		if ok, err := decodeHex(t, h, func(d *Decoder) bool { return d.Null() }); !ok || err != nil {
			t.Errorf("Null(%s) = %v, %v", h, ok, err)
		}
		// An absent structure or list: consumed, false, no error.
		if ok, err := decodeHex(t, h, func(d *Decoder) bool { return d.ObjectStart() }); ok || err != nil {
			t.Errorf("ObjectStart(%s) = %v, %v", h, ok, err)
		}
		if ok, err := decodeHex(t, h, func(d *Decoder) bool { return d.ArrayStart() }); ok || err != nil {
			t.Errorf("ArrayStart(%s) = %v, %v", h, ok, err)
		}
	}
	var d Decoder
	d.Reset([]byte{0xf4})
	if d.Null() || d.Offset() != 0 {
		t.Error("Null consumed false")
	}
	if v, err := decodeHex(t, "f5", func(d *Decoder) bool { return d.Bool() }); !v || err != nil {
		t.Errorf("Bool(f5) = %v, %v", v, err)
	}
	if _, err := decodeHex(t, "01", func(d *Decoder) bool { return d.Bool() }); !errors.Is(err, ErrType) {
		t.Errorf("Bool(01): %v", err)
	}
}

func TestDecodeStrings(t *testing.T) {
	for _, tc := range []struct {
		hex  string
		want string
		err  error
	}{
		{"6161", "a", nil},
		{"7f6161616260ff", "ab", nil},
		{"7fff", "", nil},
		// Invalid UTF-8 is replaced, in definite and chunked strings.
		{"62ff61", "\uFFFDa", nil},
		{"7f61ff6161ff", "\uFFFDa", nil},
		// A chunk of another major type, or itself indefinite.
		{"7f4161ff", "", ErrSyntax},
		{"7f7f6161ffff", "", ErrSyntax},
		{"7f6161", "", ErrEOF},
		{"6461", "", ErrEOF},
		{"7b8000000000000000", "", ErrEOF},
		{"4161", "", ErrType},
	} {
		for _, shared := range []bool{false, true} {
			var d Decoder
			if shared {
				d.ResetString(string(mustHex(t, tc.hex)))
			} else {
				d.Reset(mustHex(t, tc.hex))
			}
			got := d.String()
			d.End()
			err := d.Err()
			if !errors.Is(err, tc.err) || tc.err == nil && err != nil {
				t.Errorf("%s: err = %v, want %v", tc.hex, err, tc.err)
				continue
			}
			if got != tc.want {
				t.Errorf("%s: got %q, want %q", tc.hex, got, tc.want)
			}
		}
	}
	// Blob returns a copy, non-nil when empty.
	data := mustHex(t, "43010203")
	var d Decoder
	d.Reset(data)
	b := d.Blob()
	data[1] = 9
	if string(b) != "\x01\x02\x03" {
		t.Errorf("Blob aliases the input: %x", b)
	}
	if b, err := decodeHex(t, "40", func(d *Decoder) []byte { return d.Blob() }); b == nil || len(b) != 0 || err != nil {
		t.Errorf("empty Blob = %#v, %v", b, err)
	}
}

func TestDecodeTimestamp(t *testing.T) {
	for _, tc := range []struct {
		hex  string
		want time.Time
		err  error
	}{
		{"c11a514b67b0", time.Unix(1363896240, 0), nil},
		{"c1fb41d452d9ec200000", time.UnixMilli(1363896240500), nil},
		{"c1fa4f000000", time.Unix(2147483648, 0), nil},
		{"c1f93c00", time.Unix(1, 0), nil},
		{"c120", time.Unix(-1, 0), nil},
		{"c1fbbff8000000000000", time.UnixMilli(-1500), nil},
		// Untagged numbers are accepted.
		{"1a514b67b0", time.Unix(1363896240, 0), nil},
		// Float noise rounds to the millisecond.
		{"c1fb3ff0147ae147ae14", time.UnixMilli(1005), nil},
		{"d8011a514b67b0", time.Unix(1363896240, 0), nil},
		{"c01a514b67b0", time.Time{}, ErrType},
		{"c16161", time.Time{}, ErrType},
		{"c1fb7ff8000000000000", time.Time{}, ErrRange},
		{"c1fb7ff0000000000000", time.Time{}, ErrRange},
		{"c11b7fffffffffffffff", time.Time{}, ErrRange},
		{"c1", time.Time{}, ErrEOF},
	} {
		got, err := decodeHex(t, tc.hex, func(d *Decoder) time.Time { return d.Timestamp() })
		if !errors.Is(err, tc.err) || tc.err == nil && err != nil {
			t.Errorf("%s: err = %v, want %v", tc.hex, err, tc.err)
			continue
		}
		if !got.Equal(tc.want) || got.Location() != time.UTC {
			t.Errorf("%s: got %v, want %v", tc.hex, got, tc.want.UTC())
		}
	}
}

func TestDecodeBig(t *testing.T) {
	for _, tc := range []struct {
		hex  string
		want string // big.Float text, 'g' format
		err  error
	}{
		{"c48221196ab3", "273.15", nil},                                // RFC 8949 section 3.4.4
		{"c482201bffffffffffffffff", "1.8446744073709551615e+18", nil}, // 18446744073709551615e-1
		{"c48201c249010000000000000000", "1.8446744073709551616e+20", nil},
		{"c4820038ff", "-256", nil},
		{"05", "5", nil},
		{"c249010000000000000000", "1.8446744073709551616e+19", nil},
		{"fb3ff8000000000000", "1.5", nil},
		{"c4821927110a", "", ErrRange},                                    // exponent 10001
		{"c48200c25a00002001" + strings.Repeat("ff", 8193), "", ErrRange}, // mantissa of 65,544 bits
		{"c48301020a", "", ErrType},
		{"c4836161", "", ErrType},
		{"c5820102", "", ErrType},
		{"fb7ff8000000000000", "", ErrRange},
		{"6161", "", ErrType},
	} {
		got, err := decodeHex(t, tc.hex, func(d *Decoder) *big.Float { return d.BigFloat() })
		if !errors.Is(err, tc.err) || tc.err == nil && err != nil {
			t.Errorf("BigFloat %s: err = %v, want %v", tc.hex, err, tc.err)
			continue
		}
		if tc.err == nil && got.Text('g', -1) != tc.want {
			t.Errorf("BigFloat %s = %s, want %s", tc.hex, got.Text('g', -1), tc.want)
		}
	}
	for _, tc := range []struct {
		hex, want string
		err       error
	}{
		{"c240", "0", nil},
		{"c340", "-1", nil},
		{"c25f4101ff", "1", nil},
		{"c2", "", ErrEOF},
		{"c26161", "", ErrType},
		{"c401", "", ErrType},
		{"f93c00", "", ErrType},
	} {
		got, err := decodeHex(t, tc.hex, func(d *Decoder) *big.Int { return d.BigInt() })
		if !errors.Is(err, tc.err) || tc.err == nil && err != nil {
			t.Errorf("BigInt %s: err = %v, want %v", tc.hex, err, tc.err)
			continue
		}
		if tc.err == nil && got.String() != tc.want {
			t.Errorf("BigInt %s = %s, want %s", tc.hex, got, tc.want)
		}
	}
}

// Malformed items (RFC 8949 Appendix F) are rejected by Skip, with an offset
// inside the input.
func TestDecodeMalformed(t *testing.T) {
	for _, h := range []string{
		// End of input in a head or in content.
		"18", "19", "1a", "1b", "1901", "1a0102", "1b01020304050607",
		"38", "58", "78", "98", "9a01ff00", "b8", "d8", "f8",
		"f900", "fa0000", "fb000000000000",
		"41", "5affffffff00", "61", "7affffffff00", "81", "818181818181818181", "8200", "a1", "a20102", "a100",
		"5f4100", "7f6100", "9f", "9f01", "bf", "bf0102", "bf01020102",
		"5f41", "7f61", "c0", "c1c2",
		// Reserved additional information.
		"1c", "1d", "1e", "3c", "3d", "3e", "5c", "5d", "5e", "7c", "7d", "7e",
		"9c", "9d", "9e", "bc", "bd", "be", "dc", "dd", "de", "fc", "fd", "fe",
		// Two-byte simple values below 32.
		"f800", "f801", "f818", "f81f",
		// Indefinite length where it is not allowed.
		"1f", "3f", "df",
		// Breaks outside indefinite items, and chunks of the wrong type.
		"ff", "81ff", "8200ff", "a1ff", "a1ff00", "a100ff", "a20001ff",
		"5f00ff", "5f21ff", "5f6100ff", "5f80ff", "5fa0ff", "5fc000ff", "5fe0ff",
		"7f4100ff", "5f5f4100ffff", "7f7f6100ffff",
		// An indefinite map with a key and no value.
		"bf00ff",
		// Trailing data.
		"0000", "f6f6",
	} {
		var d Decoder
		d.Reset(mustHex(t, h))
		d.Skip()
		d.End()
		err := d.Err()
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%s: err = %v, want *Error", h, err)
			continue
		}
		if e.Offset < 0 || e.Offset > len(h)/2 {
			t.Errorf("%s: offset %d outside the input", h, e.Offset)
		}
		if !strings.HasPrefix(err.Error(), "cbor: offset ") {
			t.Errorf("%s: message %q", h, err)
		}
	}
}

func TestDecodeErrorOffsets(t *testing.T) {
	for _, tc := range []struct {
		hex    string
		offset int
		err    error
	}{
		{"a2616101616218ff", 6, ErrRange}, // {"a": 1, "b": 255} read as int8: at the 255
		{"a2616101616219", 6, ErrEOF},     // end of input inside the second value
		{"a26161016162fc", 6, ErrType},
	} {
		var d Decoder
		d.Reset(mustHex(t, tc.hex))
		if d.ObjectStart() {
			for _, ok := d.NextKey(); ok; _, ok = d.NextKey() {
				d.Int8()
			}
		}
		d.End()
		var e *Error
		if !errors.As(d.Err(), &e) || !errors.Is(e, tc.err) {
			t.Errorf("%s: err = %v, want %v", tc.hex, d.Err(), tc.err)
			continue
		}
		if tc.err != ErrEOF && e.Offset != tc.offset {
			t.Errorf("%s: offset %d, want %d (%v)", tc.hex, e.Offset, tc.offset, e)
		}
	}
}

func TestDecodeStructural(t *testing.T) {
	// Map keys must be text for NextKey; Skip accepts any.
	var d Decoder
	d.Reset(mustHex(t, "a10102"))
	d.ObjectStart()
	if _, ok := d.NextKey(); ok || !errors.Is(d.Err(), ErrType) {
		t.Errorf("integer key: %v", d.Err())
	}
	// Misuse: NextKey in an array, NextElem in a map, either at top level.
	for _, tc := range []struct {
		hex string
		f   func(d *Decoder)
	}{
		{"8101", func(d *Decoder) { d.ArrayStart(); d.NextKey() }},
		{"a0", func(d *Decoder) { d.ObjectStart(); d.NextElem() }},
		{"01", func(d *Decoder) { d.NextElem() }},
		{"01", func(d *Decoder) { d.NextKey() }},
		{"8101", func(d *Decoder) { d.ArrayStart() }}, // never closed
		{"a0", func(d *Decoder) { d.ArrayStart() }},
		{"80", func(d *Decoder) { d.ObjectStart() }},
	} {
		d.Reset(mustHex(t, tc.hex))
		tc.f(&d)
		d.End()
		if d.Err() == nil {
			t.Errorf("%s: misuse not reported", tc.hex)
		}
	}
	// Nested definite and indefinite containers close in order.
	d.Reset(mustHex(t, "bf61618201bf6162f5ff6163a0ff"))
	var got []string
	if d.ObjectStart() {
		for k, ok := d.NextKey(); ok; k, ok = d.NextKey() {
			got = append(got, string(k))
			d.Skip()
		}
	}
	d.End()
	if d.Err() != nil || strings.Join(got, ",") != "a,c" {
		t.Errorf("keys %v, err %v", got, d.Err())
	}
}

func TestDecodeDepth(t *testing.T) {
	nest := func(n int, open string) string { return strings.Repeat(open, n) + "00" }
	for _, tc := range []struct {
		name string
		hex  string
		ok   bool
	}{
		{"arrays at the cap", nest(MaxDepth, "81"), true},
		{"arrays over the cap", nest(MaxDepth+1, "81"), false},
		{"indefinite arrays over the cap", strings.Repeat("9f", MaxDepth+1), false},
		{"maps over the cap", nest(MaxDepth+1, "a100"), false},
		// Tags do not nest containers, but a long run of them must not
		// recurse either.
		{"many tags", strings.Repeat("c6", 100000) + "00", true},
	} {
		var d Decoder
		d.Reset(mustHex(t, tc.hex))
		d.Skip()
		d.End()
		if tc.ok && d.Err() != nil {
			t.Errorf("%s: %v", tc.name, d.Err())
		}
		if !tc.ok && !errors.Is(d.Err(), ErrDepth) {
			t.Errorf("%s: err = %v, want ErrDepth", tc.name, d.Err())
		}
	}
}

func TestDecodeStickyErrors(t *testing.T) {
	var d Decoder
	d.Reset(mustHex(t, "82f5616101"))
	d.ArrayStart()
	d.NextElem()
	_ = d.String() // type error at offset 1
	first := d.Err()
	if first == nil {
		t.Fatal("no error")
	}
	// Nothing after the first error reads input or replaces the error.
	if d.NextElem() || d.Bool() || d.String() != "" || d.Int64() != 0 || d.Blob() != nil ||
		d.BigInt() != nil || d.BigFloat() != nil || !d.Timestamp().IsZero() || d.Raw() != nil ||
		d.ObjectStart() || d.ArrayStart() || d.Null() || d.SizeHint() != 0 {
		t.Error("a method returned a value after an error")
	}
	d.Skip()
	d.End()
	d.Fail(errors.New("later"))
	if d.Err() != first {
		t.Errorf("error replaced: %v", d.Err())
	}
	// Reset clears it.
	d.Reset([]byte{0x01})
	if d.Int64() != 1 || d.Err() != nil {
		t.Errorf("after Reset: %v", d.Err())
	}
}

func TestDecodeRawAndSizeHint(t *testing.T) {
	var d Decoder
	d.Reset(mustHex(t, "a2617583c1016162bf6163f6ff6178f5"))
	d.ObjectStart()
	if d.SizeHint() != 2 {
		t.Errorf("SizeHint of the map = %d", d.SizeHint())
	}
	d.NextKey()
	if !d.ArrayStart() || d.SizeHint() != 3 {
		t.Fatalf("SizeHint of the array = %d, %v", d.SizeHint(), d.Err())
	}
	var raws []string
	for d.NextElem() {
		raws = append(raws, string(d.Raw()))
	}
	d.NextKey()
	d.Bool()
	if _, ok := d.NextKey(); ok {
		t.Error("extra key")
	}
	d.End()
	if d.Err() != nil || len(raws) != 3 || raws[0] != "\xc1\x01" || raws[2] != "\xbf\x61\x63\xf6\xff" {
		t.Errorf("raws %q, err %v", raws, d.Err())
	}
	d.Reset(mustHex(t, "9f01ff"))
	if d.ArrayStart(); d.SizeHint() != 0 {
		t.Errorf("SizeHint of an indefinite array = %d", d.SizeHint())
	}
}

func TestNextKeyString(t *testing.T) {
	// {"a": 1, (_ "b", "c"): 2, "\xff": 3}
	body := string(mustHex(t, "a36161017f61626163ff0261ff03"))
	for _, shared := range []bool{false, true} {
		var d Decoder
		if shared {
			d.ResetString(body)
		} else {
			d.Reset([]byte(body))
		}
		var keys []string
		if d.ObjectStart() {
			for k, ok := d.NextKeyString(); ok; k, ok = d.NextKeyString() {
				keys = append(keys, k)
				d.Int64()
			}
		}
		d.End()
		if d.Err() != nil || strings.Join(keys, ",") != "a,bc,\uFFFD" {
			t.Errorf("shared=%v: keys %q, err %v", shared, keys, d.Err())
		}
	}
	var d Decoder
	d.ResetString(body)
	d.ObjectStart()
	if allocs := testing.AllocsPerRun(100, func() {
		d.ResetString(body)
		d.ObjectStart()
		d.NextKeyString()
	}); allocs != 0 {
		t.Errorf("NextKeyString on a shared body: %v allocations", allocs)
	}
}
