package awsjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"reflect"
	"strings"
	"testing"
	"time"
)

// decodeOne runs f over input as a whole document and returns its result
// and the Decoder's error (End included).
func decodeOne[T any](input string, f func(d *Decoder) T) (T, error) {
	var d Decoder
	d.Reset([]byte(input))
	v := f(&d)
	d.End()
	return v, d.Err()
}

func TestDecodeString(t *testing.T) {
	valid := []string{
		`""`, `"plain"`, ` "ws" `, `"\"\\\/\b\f\n\r\t"`, `"\u0041\u00e9\u4e16"`, `"\uD83D\uDE00"`, `"\ud83d\ude00x"`,
		`"\uD800"`, `"\uDC00"`, `"\uD800\u0041"`, `"\uD800\uD800\uDC00"`, `"\uDE00\uD83D"`, `"héllo 世界 😀"`,
		"\"a\xffb\"", "\"\xe2\x82\"", "\"\xed\xa0\x80\"", "\"\xc0\xaf\"", `"\u0000"`, "\"\x7f\"", "\"\u2028\"",
		"\"é\\n\xff\"",
	}
	for _, in := range valid {
		got, err := decodeOne(in, (*Decoder).String)
		if err != nil {
			t.Errorf("String(%q): %v", in, err)
			continue
		}
		// encoding/json is the reference for escapes, surrogates and
		// invalid UTF-8 replacement.
		var want string
		if err := json.Unmarshal([]byte(in), &want); err != nil {
			t.Fatalf("reference rejected %q: %v", in, err)
		}
		if got != want {
			t.Errorf("String(%q) = %q, want %q", in, got, want)
		}
	}

	invalid := []struct {
		in     string
		offset int
	}{
		{`"abc`, 4}, {`"`, 1}, {`"a\`, 3}, {"\"a\nb\"", 2}, {"\"\x00\"", 1}, {`"\x"`, 1}, {`"\u12"`, 1},
		{`"\u12G4"`, 1}, {`"\uD800\u12"`, 7}, {`abc`, 0}, {`123`, 0}, {`null`, 0}, {``, 0}, {`"a" "b"`, 4},
	}
	for _, tt := range invalid {
		_, err := decodeOne(tt.in, (*Decoder).String)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("String(%q): err = %v, want *Error", tt.in, err)
			continue
		}
		if e.Offset != tt.offset {
			t.Errorf("String(%q): offset %d, want %d (%v)", tt.in, e.Offset, tt.offset, err)
		}
	}
}

func TestDecodeStringLong(t *testing.T) {
	// Exercises scratch-buffer reuse across strings of different sizes.
	var d Decoder
	long := strings.Repeat("x\\n", 1000)
	d.Reset([]byte(`["` + long + `","\u00e9","` + long + `"]`))
	var got []string
	for d.ArrayStart(); d.NextElem(); {
		got = append(got, d.String())
	}
	d.End()
	want := []string{strings.Repeat("x\n", 1000), "é", strings.Repeat("x\n", 1000)}
	if d.Err() != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("got %d strings, err %v", len(got), d.Err())
	}
}

func TestDecodeInts(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"0", 0, true}, {"-0", 0, true}, {"42", 42, true}, {" -7 ", -7, true},
		{"9223372036854775807", math.MaxInt64, true}, {"-9223372036854775808", math.MinInt64, true},
		{"9223372036854775808", 0, false}, {"-9223372036854775809", 0, false}, {"99999999999999999999", 0, false},
		{"1.0", 1, true}, {"1e3", 1000, true}, {"-2.5e1", -25, true}, {"1E+2", 100, true}, {"100e-2", 1, true},
		{"1.5", 0, false}, {"1e19", 0, false}, {"9.3e18", 0, false}, {"-9.3e18", 0, false},
		{"01", 0, false}, {"+1", 0, false}, {"1.", 0, false}, {".5", 0, false}, {"1e", 0, false}, {"-", 0, false},
		{"--1", 0, false}, {`"1"`, 0, false}, {"true", 0, false}, {"1 2", 1, false}, {"0x10", 0, false}, {"", 0, false},
	}
	for _, tt := range tests {
		got, err := decodeOne(tt.in, (*Decoder).Int64)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("Int64(%q) = %d, %v; want %d, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	ranges := []struct {
		in                    string
		ok8, ok16, ok32, ok64 bool
	}{
		{"127", true, true, true, true}, {"-128", true, true, true, true}, {"128", false, true, true, true},
		{"-129", false, true, true, true}, {"32767", false, true, true, true}, {"-32769", false, false, true, true},
		{"2147483647", false, false, true, true}, {"-2147483649", false, false, false, true},
	}
	for _, tt := range ranges {
		_, e8 := decodeOne(tt.in, (*Decoder).Int8)
		_, e16 := decodeOne(tt.in, (*Decoder).Int16)
		_, e32 := decodeOne(tt.in, (*Decoder).Int32)
		_, e64 := decodeOne(tt.in, (*Decoder).Int64)
		if (e8 == nil) != tt.ok8 || (e16 == nil) != tt.ok16 || (e32 == nil) != tt.ok32 || (e64 == nil) != tt.ok64 {
			t.Errorf("%s: int8 %v, int16 %v, int32 %v, int64 %v", tt.in, e8, e16, e32, e64)
		}
		if e8 != nil && !errors.Is(e8, ErrRange) {
			t.Errorf("Int8(%s) error %v is not ErrRange", tt.in, e8)
		}
	}
	if v, err := decodeOne("-2147483648", (*Decoder).Int32); err != nil || v != math.MinInt32 {
		t.Errorf("Int32(min) = %d, %v", v, err)
	}
}

func TestDecodeFloats(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"0", 0, true}, {"1.5", 1.5, true}, {"-1e-3", -0.001, true}, {"1e308", 1e308, true}, {"-1.7976931348623157e308", -math.MaxFloat64, true},
		{"5e-324", math.SmallestNonzeroFloat64, true}, {"2.2250738585072011e-308", 2.2250738585072011e-308, true},
		{"1e-400", 0, true}, {"123456789012345678901234567890", 1.2345678901234568e29, true}, {"1E2", 100, true},
		{`"NaN"`, math.NaN(), true}, {`"Infinity"`, math.Inf(1), true}, {`"-Infinity"`, math.Inf(-1), true},
		{"1e309", 0, false}, {"-1e400", 0, false}, {`"nan"`, 0, false}, {`"Inf"`, 0, false}, {`"1.5"`, 0, false},
		{"NaN", 0, false}, {"Infinity", 0, false}, {"1.e5", 0, false}, {"00", 0, false}, {"null", 0, false},
	}
	for _, tt := range tests {
		got, err := decodeOne(tt.in, (*Decoder).Float64)
		same := got == tt.want || math.IsNaN(got) && math.IsNaN(tt.want)
		if (err == nil) != tt.ok || !same {
			t.Errorf("Float64(%q) = %v, %v; want %v, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	if got, _ := decodeOne("-0", (*Decoder).Float64); !math.Signbit(got) || got != 0 {
		t.Errorf("Float64(-0) = %v, want negative zero", got)
	}
	if got, err := decodeOne("0.1", (*Decoder).Float32); err != nil || got != float32(0.1) {
		t.Errorf("Float32(0.1) = %v, %v", got, err)
	}
	if _, err := decodeOne("1e39", (*Decoder).Float32); !errors.Is(err, ErrRange) {
		t.Errorf("Float32(1e39) err = %v, want ErrRange", err)
	}
	if got, err := decodeOne(`"-Infinity"`, (*Decoder).Float32); err != nil || !math.IsInf(float64(got), -1) {
		t.Errorf("Float32(-Infinity) = %v, %v", got, err)
	}
}

func TestDecodeBoolNull(t *testing.T) {
	for in, want := range map[string]bool{"true": true, " false ": false} {
		if got, err := decodeOne(in, (*Decoder).Bool); err != nil || got != want {
			t.Errorf("Bool(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"tru", "True", "1", `"true"`, "null", "falsey", ""} {
		if _, err := decodeOne(in, (*Decoder).Bool); err == nil {
			t.Errorf("Bool(%q) succeeded", in)
		}
	}
	if got, err := decodeOne(" null ", (*Decoder).Null); !got || err != nil {
		t.Errorf("Null(null) = %v, %v", got, err)
	}
	// Null does not consume anything else, so the value is still there.
	var d Decoder
	d.Reset([]byte(`"x"`))
	if d.Null() || d.String() != "x" || d.Err() != nil {
		t.Errorf("Null consumed a non-null value: %v", d.Err())
	}
	if _, err := decodeOne("nul", (*Decoder).Null); err == nil {
		t.Errorf("Null(nul) succeeded")
	}
}

func TestDecodeBlob(t *testing.T) {
	tests := []struct {
		in   string
		want []byte
		ok   bool
	}{
		{`""`, []byte{}, true}, {`"Zg=="`, []byte("f"), true}, {`"Zm8="`, []byte("fo"), true}, {`"//4A"`, []byte{0xff, 0xfe, 0}, true},
		{`"\/\/4A"`, []byte{0xff, 0xfe, 0}, true}, // JSON may escape '/'
		{`"Zg"`, nil, false}, {`"Zg=!"`, nil, false}, {`"-_8A"`, nil, false}, {`5`, nil, false},
	}
	for _, tt := range tests {
		got, err := decodeOne(tt.in, (*Decoder).Blob)
		if (err == nil) != tt.ok || !bytes.Equal(got, tt.want) || (tt.ok && got == nil) {
			t.Errorf("Blob(%s) = %v, %v; want %v ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestDecodeTimestamps(t *testing.T) {
	ts := func(ms int64) time.Time { return time.UnixMilli(ms).UTC() }
	epoch := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"1398796238", ts(1398796238000), true}, {"1398796238.123", ts(1398796238123), true},
		{"1398796238.1", ts(1398796238100), true}, {"1398796238.1239", ts(1398796238124), true},
		{"1.398796238123E9", ts(1398796238123), true}, {"0", ts(0), true}, {"-1.5", ts(-1500), true},
		{"1398796238.12299999", ts(1398796238123), true}, {"253402300799", ts(253402300799000), true},
		{"9223372036854775807", time.Time{}, false}, {"1e300", time.Time{}, false},
		{`"1398796238"`, time.Time{}, false}, {`"2014-04-29T18:30:38Z"`, time.Time{}, false},
	}
	for _, tt := range epoch {
		got, err := decodeOne(tt.in, (*Decoder).TimestampEpochSeconds)
		if (err == nil) != tt.ok || !got.Equal(tt.want) || (tt.ok && got.Location() != time.UTC) {
			t.Errorf("epoch(%s) = %v, %v; want %v ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}

	base := time.Date(2014, 4, 29, 18, 30, 38, 0, time.UTC)
	dateTime := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{`"2014-04-29T18:30:38Z"`, base, true},
		{`"2014-04-29T18:30:38.123Z"`, base.Add(123 * time.Millisecond), true},
		{`"2014-04-29T18:30:38.123456789123Z"`, base.Add(123456789), true},
		{`"2014-04-29t18:30:38z"`, base, true},
		{`"2014-04-29T20:30:38+02:00"`, base, true},
		{`"2014-04-29T10:00:38.5-08:30"`, base.Add(500 * time.Millisecond), true},
		{`"2000-02-29T00:00:00Z"`, time.Date(2000, 2, 29, 0, 0, 0, 0, time.UTC), true},
		{`"1985-04-12T23:20:50.52Z"`, time.Date(1985, 4, 12, 23, 20, 50, 520e6, time.UTC), true},
		{`"2014-04-29T18:30:38"`, time.Time{}, false}, {`"2014-04-29"`, time.Time{}, false},
		{`"2014-13-29T18:30:38Z"`, time.Time{}, false}, {`"2014-02-29T18:30:38Z"`, time.Time{}, false},
		{`"1900-02-29T00:00:00Z"`, time.Time{}, false}, {`"2014-04-29T24:00:00Z"`, time.Time{}, false},
		{`"2014-04-29T18:30:38.Z"`, time.Time{}, false}, {`"2014-04-29T18:30:38+0200"`, time.Time{}, false},
		{`"2014-04-29T18:30:38Z "`, time.Time{}, false}, {`"Tue, 29 Apr 2014 18:30:38 GMT"`, time.Time{}, false},
		{`1398796238`, time.Time{}, false}, {`"2014-04-29T18:30:3xZ"`, time.Time{}, false},
	}
	for _, tt := range dateTime {
		got, err := decodeOne(tt.in, (*Decoder).TimestampDateTime)
		if (err == nil) != tt.ok || !got.Equal(tt.want) || (tt.ok && got.Location() != time.UTC) {
			t.Errorf("date-time(%s) = %v, %v; want %v ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}

	httpDate := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{`"Tue, 29 Apr 2014 18:30:38 GMT"`, base, true},
		{`"Tue, 29 Apr 2014 18:30:38.25 GMT"`, base.Add(250 * time.Millisecond), true},
		{`"Thu, 01 Jan 1970 00:00:00 GMT"`, time.Unix(0, 0).UTC(), true},
		{`"Wed, 29 Apr 2014 18:30:38 GMT"`, time.Time{}, false}, // wrong weekday
		{`"Tue, 29 Apr 2014 18:30:38 UTC"`, time.Time{}, false},
		{`"Tue, 31 Apr 2014 18:30:38 GMT"`, time.Time{}, false},
		{`"Tue, 29 Foo 2014 18:30:38 GMT"`, time.Time{}, false},
		{`"Tuesday, 29-Apr-14 18:30:38 GMT"`, time.Time{}, false},
		{`"2014-04-29T18:30:38Z"`, time.Time{}, false},
	}
	for _, tt := range httpDate {
		got, err := decodeOne(tt.in, (*Decoder).TimestampHTTPDate)
		if (err == nil) != tt.ok || !got.Equal(tt.want) {
			t.Errorf("http-date(%s) = %v, %v; want %v ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestDecodeBig(t *testing.T) {
	huge := "123456789012345678901234567890123456789012345678901234567890"
	ints := []struct {
		in, want string
		ok       bool
	}{
		{huge, huge, true}, {"-" + huge, "-" + huge, true}, {"0", "0", true}, {"1e2", "100", true}, {"12.50e1", "125", true},
		{"1.5", "", false}, {"1e999999999", "", false}, {"1e-3", "", false}, {`"1"`, "", false}, {"1e100", "1" + strings.Repeat("0", 100), true},
	}
	for _, tt := range ints {
		got, err := decodeOne(tt.in, (*Decoder).BigInt)
		if (err == nil) != tt.ok || (tt.ok && got.String() != tt.want) {
			t.Errorf("BigInt(%s) = %v, %v; want %s ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	floats := []struct {
		in, want string
		ok       bool
	}{
		{"0.1", "0.1", true}, {"-1.25e-400", "-1.25e-400", true}, {huge + ".5", huge + ".5", true},
		{`"Infinity"`, "+Inf", true}, {`"NaN"`, "", false}, {`"x"`, "", false}, {"true", "", false},
	}
	for _, tt := range floats {
		got, err := decodeOne(tt.in, (*Decoder).BigFloat)
		if (err == nil) != tt.ok {
			t.Errorf("BigFloat(%s): err %v, want ok=%v", tt.in, err, tt.ok)
			continue
		}
		if tt.ok {
			want, _, _ := big.ParseFloat(tt.want, 10, got.Prec(), big.ToNearestEven)
			if tt.want == "+Inf" {
				want = new(big.Float).SetInf(false)
			}
			if got.Cmp(want) != 0 {
				t.Errorf("BigFloat(%s) = %s, want %s", tt.in, got.Text('g', -1), tt.want)
			}
		}
	}
	// Huge exponents are refused quickly instead of hanging big.Float or
	// making big.Rat allocate gigabytes.
	for _, in := range []string{"9e400000000", "1e1500000000", "-1e-99999999", "1e99999999999999999999", "1.5e10001"} {
		start := time.Now()
		if v, err := decodeOne(in, (*Decoder).BigFloat); !errors.Is(err, ErrRange) {
			t.Errorf("BigFloat(%s) = %v, %v; want ErrRange", in, v, err)
		}
		if v, err := decodeOne(in, (*Decoder).BigInt); !errors.Is(err, ErrRange) {
			t.Errorf("BigInt(%s) = %v, %v; want ErrRange", in, v, err)
		}
		if el := time.Since(start); el > time.Second {
			t.Errorf("%s took %v", in, el)
		}
	}
	for _, in := range []string{"9.87654321e10000", "-1.23456789123456789e-10000", strings.Repeat("9", 5000) + "e-10000"} {
		start := time.Now()
		if _, err := decodeOne(in, (*Decoder).BigFloat); err != nil {
			t.Errorf("BigFloat(%.40s…): %v", in, err)
		}
		if el := time.Since(start); el > time.Second {
			t.Errorf("BigFloat(%.40s…) took %v", in, el)
		}
	}
}

func TestDecodeDocument(t *testing.T) {
	inputs := []string{
		`null`, `true`, `"s\u00e9"`, `-1.5e10`, `123456789012345678901234567890`, `[]`, `{}`,
		`{"a":[1,"x",{"b":null,"c":[true,false]}],"a":2,"z":{}}`, ` [ 1 , [ [ ] ] , { } ] `,
	}
	for _, in := range inputs {
		got, err := decodeOne(in, (*Decoder).Document)
		if err != nil {
			t.Errorf("Document(%s): %v", in, err)
			continue
		}
		dec := json.NewDecoder(strings.NewReader(in))
		dec.UseNumber()
		var want any
		if err := dec.Decode(&want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Document(%s) = %#v, want %#v", in, got, want)
		}
	}
	for _, in := range []string{`{"a":}`, `[1,]`, `{"a" 1}`, `[1 2]`, `{1:2}`, `[`, `{"a":1`, `]`, `{"a":1}}`} {
		if got, err := decodeOne(in, (*Decoder).Document); err == nil {
			t.Errorf("Document(%s) = %v, want error", in, got)
		}
	}
}

// TestDecodeStructural checks the object/array protocol generated code
// follows, including every malformed shape it must refuse.
func TestDecodeStructural(t *testing.T) {
	walk := func(d *Decoder) any { d.Skip(); return nil }
	valid := []string{`{}`, `[]`, ` { "a" : [ 1 , { } , [ ] ] , "b" : null } `, `[[[[]]]]`, "\t\r\n{}\n", `{"a\"b":1}`}
	for _, in := range valid {
		if _, err := decodeOne(in, walk); err != nil {
			t.Errorf("Skip(%s): %v", in, err)
		}
	}
	invalid := []struct {
		in     string
		offset int
	}{
		{`{"a":1,}`, 7}, {`[1,]`, 3}, {`[,1]`, 1}, {`{,}`, 1}, {`{"a"}`, 4}, {`{"a" 1}`, 5}, {`{"a":1 "b":2}`, 7},
		{`[}`, 1}, {`{]`, 1}, {`{"a":1]`, 6}, {`[1}`, 2}, {`[1`, 2}, {`{`, 1}, {`{} {}`, 3}, {`{}x`, 2},
		{`{a:1}`, 1}, {`['a']`, 1}, {`[tru]`, 1}, {`[nul]`, 1}, {`[1.]`, 3}, {`[-]`, 2}, {`[01]`, 2}, {`[1e+]`, 4},
		{`[+1]`, 1}, {`[NaN]`, 1}, {"[\"a\x01\"]", 3}, {`[1]]`, 3}, {``, 0}, {`   `, 3},
	}
	for _, tt := range invalid {
		_, err := decodeOne(tt.in, walk)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Skip(%q): err = %v, want *Error", tt.in, err)
			continue
		}
		if e.Offset != tt.offset {
			t.Errorf("Skip(%q): offset %d, want %d (%v)", tt.in, e.Offset, tt.offset, err)
		}
	}
}

func TestDecodeProtocolMisuse(t *testing.T) {
	// Generated code that forgets to read a value, or asks for a key inside
	// an array, must get an error rather than a loop or a silent pass.
	var d Decoder
	d.Reset([]byte(`[1,2,3]`))
	n := 0
	for d.ArrayStart(); d.NextElem(); n++ {
		if n > 10 {
			t.Fatal("NextElem loops without consuming")
		}
	}
	if d.Err() == nil {
		t.Error("NextElem without consuming values succeeded")
	}

	d.Reset([]byte(`{"a":1,"b":2}`))
	n = 0
	if d.ObjectStart() {
		for _, ok := d.NextKey(); ok; _, ok = d.NextKey() {
			n++
		}
	}
	if d.Err() == nil || n != 1 {
		t.Errorf("NextKey without consuming values: %d keys, err %v", n, d.Err())
	}

	d.Reset([]byte(`["a":1]`))
	d.ArrayStart()
	if _, ok := d.NextKey(); ok || d.Err() == nil {
		t.Error("NextKey inside an array succeeded")
	}
	d.Reset([]byte(`{"a":1}`))
	if d.NextElem() || d.Err() == nil {
		t.Error("NextElem outside an array succeeded")
	}
	d.Reset([]byte(`{"a":1}`))
	d.ObjectStart()
	d.End()
	if d.Err() == nil {
		t.Error("End inside an open object succeeded")
	}
	d.Reset([]byte(`null`))
	if d.ObjectStart() || d.Err() != nil {
		t.Errorf("ObjectStart(null) = true or error %v", d.Err())
	}
	d.End()
	d.Reset([]byte(`null`))
	if d.ArrayStart() || d.Err() != nil {
		t.Errorf("ArrayStart(null) = true or error %v", d.Err())
	}
	d.Reset([]byte(`"x"`))
	if d.ObjectStart() || !errors.Is(d.Err(), ErrType) {
		t.Errorf("ObjectStart on a string: err %v, want ErrType", d.Err())
	}
}

func TestDecodeKeys(t *testing.T) {
	var d Decoder
	d.Reset([]byte(`{"plain":1,"esc\u00e9\n":2,"":3,"\ud83d\ude00":4}`))
	var keys []string
	if d.ObjectStart() {
		for {
			k, ok := d.NextKey()
			if !ok {
				break
			}
			keys = append(keys, string(k))
			d.Skip()
		}
	}
	d.End()
	want := []string{"plain", "esc\u00e9\n", "", "\U0001F600"}
	if d.Err() != nil || !reflect.DeepEqual(keys, want) {
		t.Errorf("keys %q, err %v; want %q", keys, d.Err(), want)
	}
}

func TestDecodeDepth(t *testing.T) {
	nest := func(n int, open, close string) string {
		return strings.Repeat(open, n) + "0" + strings.Repeat(close, n)
	}
	// An unknown member nested to the limit is skipped; one level more fails.
	for _, tc := range []struct {
		open, close string
	}{{"[", "]"}, {`{"k":`, "}"}} {
		ok := `{"Known":1,"Unknown":` + nest(MaxDepth-1, tc.open, tc.close) + `}`
		if _, err := decodeOne(ok, func(d *Decoder) any { d.Skip(); return nil }); err != nil {
			t.Errorf("depth %d (%s) rejected: %v", MaxDepth, tc.open, err)
		}
		if _, err := decodeOne(ok, (*Decoder).Document); err != nil {
			t.Errorf("Document at depth %d (%s) rejected: %v", MaxDepth, tc.open, err)
		}
		bad := `{"Known":1,"Unknown":` + nest(MaxDepth, tc.open, tc.close) + `}`
		for name, f := range map[string]func(*Decoder) any{
			"Skip":     func(d *Decoder) any { d.Skip(); return nil },
			"Document": (*Decoder).Document,
		} {
			_, err := decodeOne(bad, f)
			if !errors.Is(err, ErrDepth) {
				t.Errorf("%s at depth %d (%s): err %v, want ErrDepth", name, MaxDepth+1, tc.open, err)
			}
		}
	}
	// Far deeper input fails fast instead of exhausting the stack.
	huge := strings.Repeat("[", 1_000_000)
	if _, err := decodeOne(huge, (*Decoder).Document); !errors.Is(err, ErrDepth) {
		t.Errorf("1e6 nested arrays: %v", err)
	}
}

func TestDecodeStickyErrors(t *testing.T) {
	var d Decoder
	d.Reset([]byte(`{"a":tru,"b":"x","c":[1]}`))
	d.ObjectStart()
	d.NextKey()
	if d.Bool() {
		t.Error("Bool on bad literal returned true")
	}
	first := d.Err()
	var e *Error
	if !errors.As(first, &e) || e.Offset != 5 || !errors.Is(first, ErrSyntax) {
		t.Fatalf("first error %v, want ErrSyntax at 5", first)
	}
	if k, ok := d.NextKey(); ok || k != nil {
		t.Error("NextKey after error returned a key")
	}
	if d.String() != "" || d.Int64() != 0 || d.Float64() != 0 || d.Bool() || d.Null() || d.ObjectStart() ||
		d.ArrayStart() || d.NextElem() || d.Blob() != nil || !d.TimestampEpochSeconds().IsZero() ||
		!d.TimestampDateTime().IsZero() || !d.TimestampHTTPDate().IsZero() || d.BigInt() != nil ||
		d.BigFloat() != nil || d.Document() != nil {
		t.Error("a method returned a non-zero value after an error")
	}
	d.Skip()
	d.End()
	d.Fail(errors.New("later"))
	if d.Err() != first {
		t.Errorf("error changed to %v", d.Err())
	}

	custom := errors.New("unknown enum value")
	d.Reset([]byte(`{"a":1}`))
	d.ObjectStart()
	d.Fail(custom)
	if !errors.Is(d.Err(), custom) || d.Err().(*Error).Offset != 1 {
		t.Errorf("Fail: %v", d.Err())
	}
	d.Fail(nil)
	d.Reset([]byte(`7`))
	if d.Err() != nil || d.Int64() != 7 {
		t.Errorf("Reset did not clear the error: %v", d.Err())
	}
	if NewDecoder([]byte(`"s"`)).String() != "s" {
		t.Error("NewDecoder")
	}
}
