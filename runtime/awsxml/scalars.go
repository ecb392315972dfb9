package awsxml

import (
	"bytes"
	"encoding/base64"
	"math"
	"math/big"
	"strconv"
	"time"
)

// valueFail reports a value that does not fit its type, naming the element
// it came from and pointing at its text. Values are echoed at most 64 bytes
// long, so that an error never carries a whole response.
func (d *Decoder) valueFail(start int, cause error, format string, args ...any) {
	if d.err == nil {
		el := d.data[d.valueElem.start:d.valueElem.end]
		d.failAt(start, cause, "<%s>: "+format, append([]any{el}, args...)...)
	}
}

// trimmed reads the current element's text without surrounding white space,
// which XML pretty-printers add and no number, boolean or timestamp has.
func (d *Decoder) trimmed(want string) ([]byte, int, bool) {
	start := d.pos
	b, ok := d.readText(want)
	if !ok {
		return nil, start, false
	}
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b, start, true
}

// BoolPtr reads a boolean and returns a pointer to it.
func (d *Decoder) BoolPtr() *bool { return d.bools.new(d.Bool()) }

// Int32Ptr reads an integer and returns a pointer to it.
func (d *Decoder) Int32Ptr() *int32 { return d.int32s.new(d.Int32()) }

// Int64Ptr reads a long and returns a pointer to it.
func (d *Decoder) Int64Ptr() *int64 { return d.int64s.new(d.Int64()) }

// Float64Ptr reads a double and returns a pointer to it.
func (d *Decoder) Float64Ptr() *float64 { return d.f64s.new(d.Float64()) }

// TimePtr returns a pointer to t, which a Timestamp method just read.
func (d *Decoder) TimePtr(t time.Time) *time.Time { return d.times.new(t) }

// Bool reads "true" or "false".
func (d *Decoder) Bool() bool {
	b, start, ok := d.trimmed("boolean")
	if !ok {
		return false
	}
	switch string(b) {
	case "true":
		return true
	case "false":
		return false
	}
	d.valueFail(start, ErrType, "expected true or false, found %.64q", b)
	return false
}

// intValue reads a decimal integer in [lo, hi].
func (d *Decoder) intValue(lo, hi int64) int64 {
	b, start, ok := d.trimmed("integer")
	if !ok {
		return 0
	}
	digits, neg := b, false
	if len(digits) > 0 && (digits[0] == '-' || digits[0] == '+') {
		neg, digits = digits[0] == '-', digits[1:]
	}
	if len(digits) == 0 {
		d.valueFail(start, ErrType, "expected an integer, found %.64q", b)
		return 0
	}
	// Accumulate as a negative number so that MinInt64 fits.
	var n int64
	for _, c := range digits {
		if c < '0' || c > '9' {
			d.valueFail(start, ErrType, "expected an integer, found %.64q", b)
			return 0
		}
		dgt := int64(c - '0')
		if n < (math.MinInt64+dgt)/10 {
			d.valueFail(start, ErrRange, "%.64s overflows int64", b)
			return 0
		}
		n = n*10 - dgt
	}
	if !neg {
		if n == math.MinInt64 {
			d.valueFail(start, ErrRange, "%.64s overflows int64", b)
			return 0
		}
		n = -n
	}
	if n < lo || n > hi {
		d.valueFail(start, ErrRange, "%.64s out of range [%d, %d]", b, lo, hi)
		return 0
	}
	return n
}

// Int64 reads a long.
func (d *Decoder) Int64() int64 { return d.intValue(math.MinInt64, math.MaxInt64) }

// Int32 reads an integer.
func (d *Decoder) Int32() int32 { return int32(d.intValue(math.MinInt32, math.MaxInt32)) }

// Int16 reads a short.
func (d *Decoder) Int16() int16 { return int16(d.intValue(math.MinInt16, math.MaxInt16)) }

// Int8 reads a byte.
func (d *Decoder) Int8() int8 { return int8(d.intValue(math.MinInt8, math.MaxInt8)) }

// validDecimal reports whether b is a plain decimal number: an optional
// sign, digits with an optional fraction, an optional exponent. It keeps
// strconv's extras (hex floats, "inf", underscores) out of the wire format.
func validDecimal(b []byte) bool {
	i := 0
	if i < len(b) && (b[i] == '-' || b[i] == '+') {
		i++
	}
	digits := 0
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
		digits++
	}
	if i < len(b) && b[i] == '.' {
		i++
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '-' || b[i] == '+') {
			i++
		}
		n := 0
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
			n++
		}
		if n == 0 {
			return false
		}
	}
	return i == len(b)
}

// floatValue reads a number or one of Smithy's names for the non-finite
// values.
func (d *Decoder) floatValue(bits int) float64 {
	b, start, ok := d.trimmed("number")
	if !ok {
		return 0
	}
	switch string(b) {
	case "NaN":
		return math.NaN()
	case "Infinity":
		return math.Inf(1)
	case "-Infinity":
		return math.Inf(-1)
	}
	if !validDecimal(b) {
		d.valueFail(start, ErrType, "expected a number, found %.64q", b)
		return 0
	}
	f, err := strconv.ParseFloat(string(b), bits)
	if err != nil {
		// The grammar is already checked, so only overflow remains.
		d.valueFail(start, ErrRange, "%.64s overflows float%d", b, bits)
		return 0
	}
	return f
}

// Float64 reads a double.
func (d *Decoder) Float64() float64 { return d.floatValue(64) }

// Float32 reads a float.
func (d *Decoder) Float32() float32 { return float32(d.floatValue(32)) }

// Blob reads standard, padded base64; white space inside is ignored, as
// MIME-style encoders wrap long values and pretty-printers indent them. An empty element yields an empty,
// non-nil slice so that "present but empty" survives.
func (d *Decoder) Blob() []byte {
	b, start, ok := d.trimmed("base64")
	if !ok {
		return nil
	}
	if bytes.ContainsAny(b, " \t\r\n") {
		// Wrapped and indented base64 is rare; compact a copy.
		c := make([]byte, 0, len(b))
		for _, ch := range b {
			if !isSpace(ch) {
				c = append(c, ch)
			}
		}
		b = c
	}
	out := make([]byte, base64.StdEncoding.DecodedLen(len(b)))
	n, err := base64.StdEncoding.Decode(out, b)
	if err != nil {
		d.valueFail(start, ErrType, "invalid base64: %v", err)
		return nil
	}
	return out[:n]
}

// maxEpochMillis bounds epoch timestamps to what time.UnixMilli and int64
// arithmetic can hold, with room to spare (about 292 million years).
const maxEpochMillis = 1 << 62

// TimestampEpochSeconds reads seconds since the epoch (integer or fraction)
// and rounds to the millisecond, the precision Smithy guarantees.
func (d *Decoder) TimestampEpochSeconds() time.Time {
	b, start, ok := d.trimmed("epoch seconds")
	if !ok {
		return time.Time{}
	}
	if !validDecimal(b) {
		d.valueFail(start, ErrType, "expected epoch seconds, found %.64q", b)
		return time.Time{}
	}
	f, err := strconv.ParseFloat(string(b), 64)
	ms := math.Round(f * 1000)
	if err != nil || ms > maxEpochMillis || ms < -maxEpochMillis {
		d.valueFail(start, ErrRange, "timestamp %.64s out of range", b)
		return time.Time{}
	}
	return time.UnixMilli(int64(ms)).UTC()
}

// TimestampDateTime reads an RFC 3339 date-time, the XML protocols' default
// timestamp format, and returns it in UTC.
func (d *Decoder) TimestampDateTime() time.Time {
	b, start, ok := d.trimmed("date-time")
	if !ok {
		return time.Time{}
	}
	t, ok := parseDateTime(b)
	if !ok {
		d.valueFail(start, ErrType, "invalid RFC 3339 date-time %.64q", b)
		return time.Time{}
	}
	return t
}

// TimestampHTTPDate reads an IMF-fixdate ("Tue, 29 Apr 2014 18:30:38 GMT").
func (d *Decoder) TimestampHTTPDate() time.Time {
	b, start, ok := d.trimmed("http-date")
	if !ok {
		return time.Time{}
	}
	t, ok := parseHTTPDate(b)
	if !ok {
		d.valueFail(start, ErrType, "invalid http-date %.64q", b)
		return time.Time{}
	}
	return t
}

// maxBigExponent bounds the decimal exponent BigInt and BigFloat accept, so
// that a short input like 1e999999999 cannot demand gigabytes or minutes.
const maxBigExponent = 10000

func exponentInBounds(tok []byte) bool {
	for i, c := range tok {
		if c == 'e' || c == 'E' {
			exp, err := strconv.Atoi(string(tok[i+1:]))
			return err == nil && exp <= maxBigExponent && exp >= -maxBigExponent
		}
	}
	return true
}

// BigInt reads a bigInteger: decimal digits with an optional sign.
func (d *Decoder) BigInt() *big.Int {
	b, start, ok := d.trimmed("bigInteger")
	if !ok {
		return nil
	}
	// Base 10, unlike base 0, takes neither prefixes nor underscores.
	n, ok := new(big.Int).SetString(string(b), 10)
	if !ok {
		d.valueFail(start, ErrType, "invalid bigInteger %.64q", b)
		return nil
	}
	return n
}

// BigFloat reads a bigDecimal with enough precision for its digits.
func (d *Decoder) BigFloat() *big.Float {
	b, start, ok := d.trimmed("bigDecimal")
	if !ok {
		return nil
	}
	if !validDecimal(b) {
		d.valueFail(start, ErrType, "invalid bigDecimal %.64q", b)
		return nil
	}
	if !exponentInBounds(b) {
		d.valueFail(start, ErrRange, "bigDecimal %.64s: exponent beyond ±%d", b, maxBigExponent)
		return nil
	}
	prec := uint(len(b))*4 + 64 // log2(10) < 4 bits per digit
	f, _, err := new(big.Float).SetPrec(prec).Parse(string(b), 10)
	if err != nil {
		d.valueFail(start, ErrRange, "invalid bigDecimal %.64s: %v", b, err)
		return nil
	}
	return f
}
