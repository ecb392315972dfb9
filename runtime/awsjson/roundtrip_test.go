package awsjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func randString(r *rand.Rand) string {
	alphabet := []string{"a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\x00", "\x1f", "\x7f", "é", "世", "😀",
		"\u2028", "\u2029", "\ufffd", "\xff", "\xe2\x82", "\xed\xa0\x80", "<", "&"}
	var b strings.Builder
	for n := r.IntN(20); n > 0; n-- {
		b.WriteString(alphabet[r.IntN(len(alphabet))])
	}
	return b.String()
}

// TestRoundTripScalars encodes random values of every type inside an object
// and decodes them back with a generated-style walker.
func TestRoundTripScalars(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		s := randString(r)
		i64 := int64(r.Uint64())
		f64 := math.Float64frombits(r.Uint64())
		f32 := math.Float32frombits(r.Uint32())
		blob := []byte(randString(r))
		ms := r.Int64N(400_000_000_000_000) - 100_000_000_000_000 // years ~ -1200..14600
		ts := time.UnixMilli(ms)
		sec := time.Unix(r.Int64N(253402300800), 0) // years 1970..9999 for http-date
		bi := new(big.Int).Lsh(big.NewInt(i64), uint(r.IntN(200)))

		e := NewEncoder()
		e.ObjectStart()
		e.Key("s")
		e.String(s)
		e.Key("i")
		e.Int64(i64)
		e.Key("f")
		e.Float64(f64)
		e.Key("g")
		e.Float32(f32)
		e.Key("b")
		e.Blob(blob)
		e.Key("e")
		e.TimestampEpochSeconds(ts)
		e.Key("d")
		e.TimestampDateTime(sec.Add(time.Duration(ms%1000) * time.Millisecond))
		e.Key("h")
		e.TimestampHTTPDate(sec)
		e.Key("n")
		e.BigInt(bi)
		e.ObjectEnd()
		data := append([]byte(nil), e.Bytes()...)
		e.Release()
		if !json.Valid(data) {
			t.Fatalf("invalid JSON: %s", data)
		}

		var d Decoder
		d.Reset(data)
		seen := 0
		if d.ObjectStart() {
			for {
				k, ok := d.NextKey()
				if !ok {
					break
				}
				seen++
				switch string(k) {
				case "s":
					if got := d.String(); got != strings.ToValidUTF8(s, "\ufffd") && utf8.ValidString(s) {
						t.Errorf("string %q -> %q", s, got)
					} else if !utf8.ValidString(got) {
						t.Errorf("string %q decoded to invalid UTF-8 %q", s, got)
					}
				case "i":
					if got := d.Int64(); got != i64 {
						t.Errorf("int64 %d -> %d", i64, got)
					}
				case "f":
					if got := d.Float64(); math.Float64bits(got) != math.Float64bits(f64) && !(math.IsNaN(got) && math.IsNaN(f64)) {
						t.Errorf("float64 %v -> %v", f64, got)
					}
				case "g":
					if got := d.Float32(); math.Float32bits(got) != math.Float32bits(f32) && !(got != got && f32 != f32) {
						t.Errorf("float32 %v -> %v", f32, got)
					}
				case "b":
					if got := d.Blob(); !bytes.Equal(got, blob) {
						t.Errorf("blob %q -> %q", blob, got)
					}
				case "e":
					if got := d.TimestampEpochSeconds(); !got.Equal(ts) {
						t.Errorf("epoch %v -> %v (%s)", ts, got, data)
					}
				case "d":
					want := sec.Add(time.Duration(ms%1000) * time.Millisecond)
					if got := d.TimestampDateTime(); !got.Equal(want) {
						t.Errorf("date-time %v -> %v", want, got)
					}
				case "h":
					if got := d.TimestampHTTPDate(); !got.Equal(sec) {
						t.Errorf("http-date %v -> %v", sec, got)
					}
				case "n":
					if got := d.BigInt(); got.Cmp(bi) != 0 {
						t.Errorf("bigint %v -> %v", bi, got)
					}
				default:
					t.Fatalf("unexpected key %q", k)
				}
			}
		}
		d.End()
		if d.Err() != nil || seen != 9 {
			t.Fatalf("decoding %s: %v (%d members)", data, d.Err(), seen)
		}
	}
}

func randDoc(r *rand.Rand, depth int) any {
	switch n := r.IntN(8); {
	case n == 0:
		return nil
	case n == 1:
		return r.IntN(2) == 0
	case n == 2:
		return randString(r)
	case n == 3:
		return float64(r.Int64N(1<<40)) / 8
	case n == 4 && depth < 6:
		s := []any{}
		for i := r.IntN(4); i > 0; i-- {
			s = append(s, randDoc(r, depth+1))
		}
		return s
	case n == 5 && depth < 6:
		m := map[string]any{}
		for i := r.IntN(4); i > 0; i-- {
			m[randString(r)] = randDoc(r, depth+1)
		}
		return m
	}
	return int64(r.Uint64())
}

// TestRoundTripDocument checks Encoder.Document and Decoder.Document against
// each other and against encoding/json's reading of the same bytes.
func TestRoundTripDocument(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 500; i++ {
		doc := randDoc(r, 0)
		var e Encoder
		if err := e.Document(doc); err != nil {
			t.Fatal(err)
		}
		got, err := decodeOne(string(e.Bytes()), (*Decoder).Document)
		if err != nil {
			t.Fatalf("%s: %v", e.Bytes(), err)
		}
		dec := json.NewDecoder(bytes.NewReader(e.Bytes()))
		dec.UseNumber()
		var want any
		if err := dec.Decode(&want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s:\n got %#v\nwant %#v", e.Bytes(), got, want)
		}
		// Once invalid UTF-8 has become U+FFFD, encoding is a fixed point:
		// sorted keys and numbers kept as text give identical bytes.
		var e2, e3 Encoder
		if err := e2.Document(got); err != nil {
			t.Fatal(err)
		}
		again, err := decodeOne(string(e2.Bytes()), (*Decoder).Document)
		if err != nil || !reflect.DeepEqual(again, got) {
			t.Fatalf("re-decode: %v\n%#v\n%#v", err, again, got)
		}
		if err := e3.Document(again); err != nil || !bytes.Equal(e2.Bytes(), e3.Bytes()) {
			t.Fatalf("re-encode: %v\n%s\n%s", err, e2.Bytes(), e3.Bytes())
		}
	}
}

// FuzzDecoder walks arbitrary input through every generic path and checks
// it against encoding/json: same verdict on validity (bar the depth and element caps),
// same document when valid, and no panic or hang either way.
func FuzzDecoder(f *testing.F) {
	for _, s := range []string{
		`{}`, `[]`, `null`, `{"a":[1,2.5e-3,"x\u00e9\ud83d\ude00",true,false,null,{"b":{}}]}`, `"\uD800"`, "\"\xff\"",
		`{"a":1,}`, `[1,]`, `-0.0e+0`, `01`, `[[[[[[[[`, `{"a" 1}`, string(benchPayload(2)), `1e999`,
		`{"Workspaces":[{"WorkspaceId":"x","Created":1.5,"Tags":["a",null],"WorkspaceProperties":{"RootVolumeSizeGib":1e2}}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var d Decoder
		d.Reset(data)
		doc := d.Document()
		d.End()
		docErr := d.Err()

		d.Reset(data)
		d.Skip()
		d.End()
		if (d.Err() == nil) != (docErr == nil) {
			t.Fatalf("Skip err %v, Document err %v", d.Err(), docErr)
		}

		valid := json.Valid(data)
		switch {
		case docErr == nil:
			if !valid {
				t.Fatalf("accepted invalid JSON %q", data)
			}
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.UseNumber()
			var want any
			if err := dec.Decode(&want); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(doc, want) {
				t.Fatalf("Document(%q) = %#v, want %#v", data, doc, want)
			}
		case errors.Is(docErr, ErrDepth), errors.Is(docErr, ErrElements):
		case valid:
			t.Fatalf("rejected valid JSON %q: %v", data, docErr)
		}
		var e *Error
		if docErr != nil && (!errors.As(docErr, &e) || e.Offset < 0 || e.Offset > len(data)) {
			t.Fatalf("bad error %v", docErr)
		}

		// A generated-style typed walk must cope with anything too.
		_, _ = decodeBench(data)
		d.Reset(data)
		_ = d.BigFloat()
		d.Reset(data)
		_ = d.BigInt()
		d.Reset(data)
		_ = d.Blob()
		d.Reset(data)
		_ = d.TimestampDateTime()
		d.Reset(data)
		_ = d.TimestampHTTPDate()
		d.Reset(data)
		_ = d.TimestampEpochSeconds()
		d.Reset(data)
		_ = d.Float32()
		d.Reset(data)
		_ = d.Int8()
		DecodeErrorInfo(nil, data)
	})
}

// FuzzRoundTrip checks that any string encodes to valid JSON that both this
// Decoder and encoding/json read back identically, and unchanged when the
// input was valid UTF-8.
func FuzzRoundTrip(f *testing.F) {
	for _, s := range []string{"", "a", "\"\\", "\x00\x1f", "\u2028", "é世😀", "\xff\xfe", "\xed\xa0\x80", "\xe2\x82"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var e Encoder
		e.ArrayStart()
		e.String(s)
		e.Key(s) // keys use the same escaping; not valid here, so checked alone below
		e.Reset()
		e.ObjectStart()
		e.Key(s)
		e.String(s)
		e.ObjectEnd()
		data := e.Bytes()
		if !json.Valid(data) {
			t.Fatalf("invalid JSON for %q: %s", s, data)
		}
		var want map[string]string
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		var d Decoder
		d.Reset(data)
		d.ObjectStart()
		k, _ := d.NextKey()
		key := string(k)
		val := d.String()
		if _, ok := d.NextKey(); ok {
			t.Fatal("extra member")
		}
		d.End()
		if d.Err() != nil {
			t.Fatalf("%s: %v", data, d.Err())
		}
		if want[key] != val || len(want) != 1 {
			t.Fatalf("decoded (%q, %q), encoding/json %q", key, val, want)
		}
		if utf8.ValidString(s) && (val != s || key != s) {
			t.Fatalf("round trip changed %q to %q", s, val)
		}
	})
}
