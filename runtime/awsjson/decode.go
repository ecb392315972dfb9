package awsjson

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"time"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// MaxDepth is the deepest nesting of objects and arrays the Decoder accepts.
// Generated deserializers recurse once per level, so the cap is what keeps a
// hostile or corrupt response from exhausting the stack.
const MaxDepth = 512

// MaxElements is the most array elements and object members, counted
// together, that one document may hold. AWS JSON responses are paginated to
// at most hundreds of items, so the cap is far above anything real, but it
// bounds what a hostile or corrupt body can make generated code allocate: a
// structure list of 10 MB of "{}," would otherwise decode into millions of
// zero structures, gigabytes for a few megabytes of input.
const MaxElements = 100_000

// Error is the error a Decoder reports: what went wrong and the byte offset
// in the input where it was noticed.
type Error struct {
	Offset int
	Err    error
}

func (e *Error) Error() string {
	return fmt.Sprintf("awsjson: offset %d: %v", e.Offset, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Sentinel causes, for callers that want to tell them apart with errors.Is.
var (
	ErrSyntax   = errors.New("invalid JSON")
	ErrType     = errors.New("unexpected JSON type")
	ErrRange    = errors.New("number out of range")
	ErrDepth    = errors.New("nesting too deep")
	ErrElements = errors.New("too many elements")
	ErrEOF      = errors.New("unexpected end of input")
	ErrTrailing = errors.New("data after top-level value")
)

// Decoder reads one JSON value from a byte slice, one token at a time, in the
// order generated code asks for it. Errors are sticky: after the first one
// every method returns a zero value (or false) without looking at the input,
// so generated code need only check Err at the end.
//
// The zero Decoder is ready for Reset.
type Decoder struct {
	data  []byte
	pos   int
	err   error
	depth int
	// elements counts array elements and object members (MaxElements).
	elements int
	// first is set right after '{' or '[' so NextKey and NextElem know
	// that no comma is due.
	first bool
	// kinds holds one bit per open container (1 = object) so that a
	// mismatched ']' or '}' is caught even though the caller, not the
	// Decoder, decides what it expects next.
	kinds [MaxDepth / 64]uint64
	// scratch holds keys and strings that needed unescaping; reused to
	// keep decoding allocation-free apart from the values returned.
	scratch []byte

	// src, when set, is data as a string (ResetString): String returns
	// substrings of it instead of copies. strStart is where the string
	// readString last returned starts in data, or -1 if it came from scratch.
	src      string
	strStart int

	// Values the *Ptr methods return pointers to, allocated in chunks.
	strs   arena[string]
	bools  arena[bool]
	int32s arena[int32]
	int64s arena[int64]
	f64s   arena[float64]
	times  arena[time.Time]
}

// arena hands out pointers to values stored in chunks, so that decoding a
// struct's optional members costs one allocation per chunk rather than one
// per member. Chunks are never reused: the pointers belong to the caller.
type arena[T any] struct{ buf []T }

func (a *arena[T]) new(v T) *T {
	if len(a.buf) == cap(a.buf) {
		n := 2 * cap(a.buf)
		n = max(n, 8)
		n = min(n, 128)
		a.buf = make([]T, 0, n)
	}
	a.buf = append(a.buf, v)
	return &a.buf[len(a.buf)-1]
}

// NewDecoder returns a Decoder reading data.
func NewDecoder(data []byte) *Decoder {
	d := new(Decoder)
	d.Reset(data)
	return d
}

// Reset makes d read data from the start, keeping its scratch buffer.
func (d *Decoder) Reset(data []byte) {
	scratch := d.scratch[:0]
	*d = Decoder{data: data, scratch: scratch}
}

// ResetString makes d read s from the start. Strings it returns are
// substrings of s where s holds them verbatim, so decoding allocates no
// string data; they keep s reachable for as long as any of them is.
func (d *Decoder) ResetString(s string) {
	d.Reset(unsafe.Slice(unsafe.StringData(s), len(s)))
	d.src = s
}

// Err returns the first error, or nil.
func (d *Decoder) Err() error { return d.err }

// Offset returns the number of input bytes consumed so far.
func (d *Decoder) Offset() int { return d.pos }

// Fail records err (wrapped in *Error with the current offset) unless an
// error is already recorded; generated code uses it to report schema
// violations such as an unknown enum with the same stickiness.
func (d *Decoder) Fail(err error) {
	if d.err == nil && err != nil {
		d.err = &Error{Offset: d.pos, Err: err}
	}
}

func (d *Decoder) fail(cause error, format string, args ...any) {
	if d.err == nil {
		d.err = &Error{Offset: d.pos, Err: fmt.Errorf("%w: "+format, append([]any{cause}, args...)...)}
	}
}

func (d *Decoder) failEOF() {
	if d.err == nil {
		d.err = &Error{Offset: d.pos, Err: ErrEOF}
	}
}

// describe names the byte at pos for error messages.
func (d *Decoder) describe() string {
	if d.pos >= len(d.data) {
		return "end of input"
	}
	c := d.data[d.pos]
	switch {
	case c == '{':
		return "object"
	case c == '[':
		return "array"
	case c == '"':
		return "string"
	case c == 't' || c == 'f':
		return "boolean"
	case c == 'n':
		return "null"
	case c == '-' || c >= '0' && c <= '9':
		return "number"
	case c >= 0x20 && c < 0x7f:
		return strconv.QuoteRune(rune(c))
	}
	return fmt.Sprintf("byte 0x%02x", c)
}

func (d *Decoder) typeErr(want string) {
	d.fail(ErrType, "expected %s, found %s", want, d.describe())
}

// ws skips whitespace and reports whether a byte follows.
func (d *Decoder) ws() bool {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\n', '\r', '\t':
			d.pos++
		default:
			return true
		}
	}
	return false
}

// peek skips whitespace and returns the next byte, recording EOF if none.
func (d *Decoder) peek() (byte, bool) {
	if d.err != nil {
		return 0, false
	}
	if !d.ws() {
		d.failEOF()
		return 0, false
	}
	return d.data[d.pos], true
}

func (d *Decoder) literal(lit string) bool {
	if len(d.data)-d.pos >= len(lit) && string(d.data[d.pos:d.pos+len(lit)]) == lit {
		d.pos += len(lit)
		return true
	}
	d.fail(ErrSyntax, "invalid literal")
	return false
}

// Null consumes a null and reports whether there was one. Generated code
// calls it before a member value because awsJson treats null as absent.
func (d *Decoder) Null() bool {
	if d.err != nil || !d.ws() || d.data[d.pos] != 'n' {
		return false
	}
	return d.literal("null")
}

func (d *Decoder) push(object bool) bool {
	if d.depth >= MaxDepth {
		d.fail(ErrDepth, "more than %d nested objects and arrays", MaxDepth)
		return false
	}
	w, bit := d.depth>>6, uint64(1)<<(d.depth&63)
	if object {
		d.kinds[w] |= bit
	} else {
		d.kinds[w] &^= bit
	}
	d.depth++
	d.pos++
	d.first = true
	return true
}

func (d *Decoder) inObject() bool {
	if d.depth == 0 {
		return false
	}
	n := d.depth - 1
	return d.kinds[n>>6]>>(n&63)&1 == 1
}

// ObjectStart consumes '{'. A null is consumed and reported as false with no
// error, so an absent structure needs no separate check.
func (d *Decoder) ObjectStart() bool {
	c, ok := d.peek()
	if !ok {
		return false
	}
	switch c {
	case '{':
		return d.push(true)
	case 'n':
		d.literal("null")
		return false
	}
	d.typeErr("object")
	return false
}

// ArrayStart consumes '['; null is consumed and reported as false.
func (d *Decoder) ArrayStart() bool {
	c, ok := d.peek()
	if !ok {
		return false
	}
	switch c {
	case '[':
		return d.push(false)
	case 'n':
		d.literal("null")
		return false
	}
	d.typeErr("array")
	return false
}

// more handles the separator before the next member or element of the
// innermost container and reports whether one follows; at the closing
// bracket it pops the container.
func (d *Decoder) more(object bool) bool {
	if d.err != nil {
		return false
	}
	if d.depth == 0 || d.inObject() != object {
		if object {
			d.fail(ErrSyntax, "NextKey called outside an object")
		} else {
			d.fail(ErrSyntax, "NextElem called outside an array")
		}
		return false
	}
	closer := byte(']')
	if object {
		closer = '}'
	}
	if !d.ws() {
		d.failEOF()
		return false
	}
	c := d.data[d.pos]
	if c == closer {
		d.pos++
		d.depth--
		d.first = false
		return false
	}
	if d.elements++; d.elements > MaxElements {
		d.fail(ErrElements, "more than %d array elements and object members", MaxElements)
		return false
	}
	if d.first {
		d.first = false
		return true
	}
	if c != ',' {
		d.fail(ErrSyntax, "expected ',' or %q, found %s", closer, d.describe())
		return false
	}
	d.pos++
	if !d.ws() {
		d.failEOF()
		return false
	}
	if d.data[d.pos] == closer {
		d.fail(ErrSyntax, "trailing comma")
		return false
	}
	return true
}

// NextKey advances to the next member of the current object and returns its
// name with escapes decoded, having consumed the ':'. The name may alias the
// input or an internal buffer and is valid only until the next call. At '}'
// it consumes the brace and returns false.
func (d *Decoder) NextKey() ([]byte, bool) {
	if !d.more(true) {
		return nil, false
	}
	if d.data[d.pos] != '"' {
		d.fail(ErrSyntax, "expected member name, found %s", d.describe())
		return nil, false
	}
	key, ok := d.readString()
	if !ok {
		return nil, false
	}
	if !d.ws() {
		d.failEOF()
		return nil, false
	}
	if d.data[d.pos] != ':' {
		d.fail(ErrSyntax, "expected ':' after member name, found %s", d.describe())
		return nil, false
	}
	d.pos++
	return key, true
}

// NextElem reports whether another element of the current array follows,
// consuming the comma before it. At ']' it consumes the bracket and returns
// false.
func (d *Decoder) NextElem() bool { return d.more(false) }

// Skip consumes one value of any type, validating it; generated code uses it
// for members the model does not know about.
func (d *Decoder) Skip() {
	c, ok := d.peek()
	if !ok {
		return
	}
	switch c {
	case '{':
		if d.push(true) {
			for {
				if _, ok := d.NextKey(); !ok {
					return
				}
				d.Skip()
			}
		}
	case '[':
		if d.push(false) {
			for d.NextElem() {
				d.Skip()
			}
		}
	case '"':
		d.skipString()
	case 't':
		d.literal("true")
	case 'f':
		d.literal("false")
	case 'n':
		d.literal("null")
	default:
		d.number()
	}
}

// strSpecial marks the bytes that end the fast scan of a string body: the
// quote, the backslash, control characters and every non-ASCII byte.
var strSpecial = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c < 0x20 || c == '"' || c == '\\' || c >= utf8.RuneSelf
	}
	return t
}()

// readString consumes the string at pos (which must be '"') and returns its
// decoded bytes: a subslice of the input when it holds no escapes and valid
// UTF-8 (the common case, no copying), otherwise d.scratch.
func (d *Decoder) readString() ([]byte, bool) {
	data := d.data
	start := d.pos + 1
	i := start
	ascii := true
	for {
		for i < len(data) && !strSpecial[data[i]] {
			i++
		}
		if i >= len(data) {
			d.pos = len(data)
			d.failEOF()
			return nil, false
		}
		switch c := data[i]; {
		case c == '"':
			s := data[start:i]
			if !ascii && !utf8.Valid(s) {
				return d.readStringSlow(start)
			}
			d.pos = i + 1
			d.strStart = start
			return s, true
		case c == '\\':
			return d.readStringSlow(start)
		case c < 0x20:
			d.pos = i
			d.fail(ErrSyntax, "control character in string")
			return nil, false
		default:
			ascii = false
			i++
		}
	}
}

// readStringSlow decodes escapes and replaces invalid UTF-8 and lone
// surrogates with U+FFFD, as encoding/json does, into d.scratch.
func (d *Decoder) readStringSlow(start int) ([]byte, bool) {
	d.strStart = -1
	data := d.data
	b := d.scratch[:0]
	i := start
	for {
		j := i
		for j < len(data) && !strSpecial[data[j]] {
			j++
		}
		b = append(b, data[i:j]...)
		i = j
		if i >= len(data) {
			d.pos = len(data)
			d.failEOF()
			d.scratch = b
			return nil, false
		}
		c := data[i]
		switch {
		case c == '"':
			d.pos = i + 1
			d.scratch = b
			return b, true
		case c < 0x20:
			d.pos = i
			d.scratch = b
			d.fail(ErrSyntax, "control character in string")
			return nil, false
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				b = append(b, "\uFFFD"...)
			} else {
				b = append(b, data[i:i+size]...)
			}
			i += size
			continue
		}
		// Backslash.
		if i+1 >= len(data) {
			d.pos = len(data)
			d.scratch = b
			d.failEOF()
			return nil, false
		}
		switch e := data[i+1]; e {
		case '"', '\\', '/':
			b = append(b, e)
			i += 2
		case 'b':
			b = append(b, '\b')
			i += 2
		case 'f':
			b = append(b, '\f')
			i += 2
		case 'n':
			b = append(b, '\n')
			i += 2
		case 'r':
			b = append(b, '\r')
			i += 2
		case 't':
			b = append(b, '\t')
			i += 2
		case 'u':
			r, ok := hex4(data, i+2)
			if !ok {
				d.pos = i
				d.scratch = b
				d.fail(ErrSyntax, "invalid \\u escape")
				return nil, false
			}
			i += 6
			if utf16.IsSurrogate(r) {
				r2, ok2 := rune(-1), false
				if i+1 < len(data) && data[i] == '\\' && data[i+1] == 'u' {
					r2, ok2 = hex4(data, i+2)
				}
				if dec := utf16.DecodeRune(r, r2); ok2 && dec != utf8.RuneError {
					r = dec
					i += 6
				} else {
					// A lone surrogate; the following escape, if
					// any, is decoded on its own next time round.
					r = utf8.RuneError
				}
			}
			b = utf8.AppendRune(b, r)
		default:
			d.pos = i
			d.scratch = b
			d.fail(ErrSyntax, "invalid escape '\\%c'", e)
			return nil, false
		}
	}
}

func hex4(data []byte, i int) (rune, bool) {
	if i+4 > len(data) {
		return 0, false
	}
	var r rune
	for _, c := range data[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// skipString validates and consumes a string without building its value.
func (d *Decoder) skipString() {
	data := d.data
	i := d.pos + 1
	for {
		for i < len(data) && !strSpecial[data[i]] {
			i++
		}
		if i >= len(data) {
			d.pos = len(data)
			d.failEOF()
			return
		}
		switch c := data[i]; {
		case c == '"':
			d.pos = i + 1
			return
		case c == '\\':
			if i+1 >= len(data) {
				d.pos = len(data)
				d.failEOF()
				return
			}
			switch data[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if _, ok := hex4(data, i+2); !ok {
					d.pos = i
					d.fail(ErrSyntax, "invalid \\u escape")
					return
				}
				i += 6
			default:
				d.pos = i
				d.fail(ErrSyntax, "invalid escape")
				return
			}
		case c < 0x20:
			d.pos = i
			d.fail(ErrSyntax, "control character in string")
			return
		default:
			i++ // Non-ASCII needs no validation when skipping.
		}
	}
}

// stringBytes reads a string value, reporting a type error for anything
// else. The result is only valid until the next read.
func (d *Decoder) stringBytes(want string) ([]byte, bool) {
	c, ok := d.peek()
	if !ok {
		return nil, false
	}
	if c != '"' {
		d.typeErr(want)
		return nil, false
	}
	return d.readString()
}

// String reads a string.
func (d *Decoder) String() string {
	b, ok := d.stringBytes("string")
	if !ok {
		return ""
	}
	if d.src != "" && d.strStart >= 0 {
		return d.src[d.strStart : d.strStart+len(b)]
	}
	return string(b)
}

// StringPtr reads a string and returns a pointer to it.
func (d *Decoder) StringPtr() *string { return d.strs.new(d.String()) }

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

// Bool reads true or false.
func (d *Decoder) Bool() bool {
	c, ok := d.peek()
	if !ok {
		return false
	}
	switch c {
	case 't':
		return d.literal("true")
	case 'f':
		d.literal("false")
		return false
	}
	d.typeErr("boolean")
	return false
}

// number consumes a number token, validating the JSON grammar, and returns
// its text and whether it is a plain integer (no fraction or exponent).
func (d *Decoder) number() (tok []byte, isInt bool) {
	if d.err != nil {
		return nil, false
	}
	data := d.data
	start := d.pos
	i := start
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i < len(data) && data[i] == '0':
		i++
	case i < len(data) && data[i] >= '1' && data[i] <= '9':
		for i++; i < len(data) && data[i] >= '0' && data[i] <= '9'; i++ {
		}
	default:
		if i == start {
			d.typeErr("number")
		} else {
			d.pos = i
			d.fail(ErrSyntax, "invalid number")
		}
		return nil, false
	}
	isInt = true
	if i < len(data) && data[i] == '.' {
		isInt = false
		i++
		if i >= len(data) || data[i] < '0' || data[i] > '9' {
			d.pos = i
			d.fail(ErrSyntax, "invalid number: no digits after '.'")
			return nil, false
		}
		for i < len(data) && data[i] >= '0' && data[i] <= '9' {
			i++
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		isInt = false
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= len(data) || data[i] < '0' || data[i] > '9' {
			d.pos = i
			d.fail(ErrSyntax, "invalid number: no digits in exponent")
			return nil, false
		}
		for i < len(data) && data[i] >= '0' && data[i] <= '9' {
			i++
		}
	}
	d.pos = i
	return data[start:i], isInt
}

// validNumber reports whether b is exactly one JSON number.
func validNumber(b []byte) bool {
	var d Decoder
	d.Reset(b)
	tok, _ := d.number()
	return d.err == nil && len(tok) == len(b) && len(b) > 0
}

// intValue reads an integer in [lo, hi]. Integral values written with a
// fraction or exponent (1.0, 1e3), which some services emit, are accepted.
func (d *Decoder) intValue(lo, hi int64) int64 {
	if _, ok := d.peek(); !ok {
		return 0
	}
	start := d.pos
	tok, isInt := d.number()
	if d.err != nil {
		return 0
	}
	if isInt {
		neg := tok[0] == '-'
		digits := tok
		if neg {
			digits = tok[1:]
		}
		// Accumulate as a negative number so that MinInt64 fits.
		var n int64
		for _, c := range digits {
			dgt := int64(c - '0')
			if n < (math.MinInt64+dgt)/10 {
				d.pos = start
				d.fail(ErrRange, "%s overflows int64", tok)
				return 0
			}
			n = n*10 - dgt
		}
		if !neg {
			if n == math.MinInt64 {
				d.pos = start
				d.fail(ErrRange, "%s overflows int64", tok)
				return 0
			}
			n = -n
		}
		if n < lo || n > hi {
			d.pos = start
			d.fail(ErrRange, "%s out of range [%d, %d]", tok, lo, hi)
			return 0
		}
		return n
	}
	f, err := strconv.ParseFloat(string(tok), 64)
	// 2^63 is exactly representable and is the first value past int64.
	if err != nil || f != math.Trunc(f) || f < -(1<<63) || f >= 1<<63 {
		d.pos = start
		d.fail(ErrRange, "%s is not an integer in range", tok)
		return 0
	}
	n := int64(f)
	if n < lo || n > hi {
		d.pos = start
		d.fail(ErrRange, "%s out of range [%d, %d]", tok, lo, hi)
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

// floatValue reads a number, or one of the strings Smithy uses for the
// non-finite values.
func (d *Decoder) floatValue(bits int) float64 {
	c, ok := d.peek()
	if !ok {
		return 0
	}
	start := d.pos
	if c == '"' {
		s, ok := d.readString()
		if !ok {
			return 0
		}
		switch string(s) {
		case "NaN":
			return math.NaN()
		case "Infinity":
			return math.Inf(1)
		case "-Infinity":
			return math.Inf(-1)
		}
		d.pos = start
		d.fail(ErrType, "expected number, found string %q", s)
		return 0
	}
	tok, _ := d.number()
	if d.err != nil {
		return 0
	}
	f, err := strconv.ParseFloat(string(tok), bits)
	if err != nil {
		// The grammar is already checked, so only overflow remains;
		// underflow rounds to zero without an error.
		d.pos = start
		d.fail(ErrRange, "%s overflows float%d", tok, bits)
		return 0
	}
	return f
}

// Float64 reads a double.
func (d *Decoder) Float64() float64 { return d.floatValue(64) }

// Float32 reads a float.
func (d *Decoder) Float32() float32 { return float32(d.floatValue(32)) }

// Blob reads a standard, padded base64 string. An empty string yields an
// empty, non-nil slice so that "present but empty" survives.
func (d *Decoder) Blob() []byte {
	start := d.pos
	s, ok := d.stringBytes("base64 string")
	if !ok {
		return nil
	}
	out := make([]byte, base64.StdEncoding.DecodedLen(len(s)))
	n, err := base64.StdEncoding.Decode(out, s)
	if err != nil {
		d.pos = start
		d.fail(ErrSyntax, "invalid base64: %v", err)
		return nil
	}
	return out[:n]
}

// maxEpochMillis bounds epoch timestamps to what time.UnixMilli and int64
// arithmetic can hold, with room to spare (about 292 million years).
const maxEpochMillis = 1 << 62

// TimestampEpochSeconds reads seconds since the epoch (integer, fraction or
// exponent form) and rounds to the millisecond, the precision Smithy
// guarantees, which also absorbs float noise such as 1.0049999.
func (d *Decoder) TimestampEpochSeconds() time.Time {
	if _, ok := d.peek(); !ok {
		return time.Time{}
	}
	start := d.pos
	tok, isInt := d.number()
	if d.err != nil {
		return time.Time{}
	}
	if isInt && len(tok) <= 15 {
		// Whole seconds, small enough that the digits cannot overflow.
		digits, neg := tok, tok[0] == '-'
		if neg {
			digits = tok[1:]
		}
		var sec int64
		for _, c := range digits {
			sec = sec*10 + int64(c-'0')
		}
		if neg {
			sec = -sec
		}
		return time.Unix(sec, 0).UTC()
	}
	f, err := strconv.ParseFloat(string(tok), 64)
	ms := math.Round(f * 1000)
	if err != nil || ms > maxEpochMillis || ms < -maxEpochMillis {
		d.pos = start
		d.fail(ErrRange, "timestamp %s out of range", tok)
		return time.Time{}
	}
	return time.UnixMilli(int64(ms)).UTC()
}

// TimestampDateTime reads an RFC 3339 date-time, with or without fractional
// seconds and with Z or a numeric offset, and returns it in UTC. It is parsed
// by hand because time.Parse would need the bytes copied to a string.
func (d *Decoder) TimestampDateTime() time.Time {
	start := d.pos
	s, ok := d.stringBytes("date-time string")
	if !ok {
		return time.Time{}
	}
	t, ok := parseDateTime(s)
	if !ok {
		d.pos = start
		d.fail(ErrSyntax, "invalid RFC 3339 date-time %q", s)
		return time.Time{}
	}
	return t
}

// num parses n decimal digits at s[i:].
func num(s []byte, i, n int) (int, bool) {
	if i+n > len(s) {
		return 0, false
	}
	v := 0
	for _, c := range s[i : i+n] {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// fraction parses ".ddd…" at s[i:] into nanoseconds (digits past the ninth
// are dropped) and returns the index after it.
func fraction(s []byte, i int) (ns, next int, ok bool) {
	if i >= len(s) || s[i] != '.' {
		return 0, i, true
	}
	i++
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		if digits < 9 {
			ns = ns*10 + int(s[i]-'0')
			digits++
		}
		i++
	}
	if digits == 0 {
		return 0, i, false
	}
	for ; digits < 9; digits++ {
		ns *= 10
	}
	return ns, i, true
}

func parseDateTime(s []byte) (time.Time, bool) {
	// 2006-01-02T15:04:05[.frac](Z|±hh:mm)
	if len(s) < 20 || s[4] != '-' || s[7] != '-' || s[13] != ':' || s[16] != ':' ||
		(s[10] != 'T' && s[10] != 't' && s[10] != ' ') {
		return time.Time{}, false
	}
	year, ok1 := num(s, 0, 4)
	month, ok2 := num(s, 5, 2)
	day, ok3 := num(s, 8, 2)
	hour, ok4 := num(s, 11, 2)
	minute, ok5 := num(s, 14, 2)
	sec, ok6 := num(s, 17, 2)
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || month < 1 || month > 12 ||
		day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	ns, i, ok := fraction(s, 19)
	if !ok || i >= len(s) {
		return time.Time{}, false
	}
	offset := 0
	switch s[i] {
	case 'Z', 'z':
		i++
	case '+', '-':
		oh, okh := num(s, i+1, 2)
		om, okm := num(s, i+4, 2)
		if !okh || !okm || s[i+3] != ':' || oh > 23 || om > 59 {
			return time.Time{}, false
		}
		offset = (oh*60 + om) * 60
		if s[i] == '-' {
			offset = -offset
		}
		i += 6
	default:
		return time.Time{}, false
	}
	if i != len(s) {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, ns, time.UTC)
	return t.Add(-time.Duration(offset) * time.Second), true
}

var (
	weekdays = [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
	months   = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
)

// TimestampHTTPDate reads an IMF-fixdate ("Tue, 29 Apr 2014 18:30:38 GMT"),
// also accepting fractional seconds, which some services add.
func (d *Decoder) TimestampHTTPDate() time.Time {
	start := d.pos
	s, ok := d.stringBytes("http-date string")
	if !ok {
		return time.Time{}
	}
	t, ok := parseHTTPDate(s)
	if !ok {
		d.pos = start
		d.fail(ErrSyntax, "invalid http-date %q", s)
		return time.Time{}
	}
	return t
}

func parseHTTPDate(s []byte) (time.Time, bool) {
	// Mon, 02 Jan 2006 15:04:05[.frac] GMT
	if len(s) < 29 || s[3] != ',' || s[4] != ' ' || s[7] != ' ' || s[11] != ' ' ||
		s[16] != ' ' || s[19] != ':' || s[22] != ':' {
		return time.Time{}, false
	}
	wd := -1
	for i, w := range weekdays {
		if string(s[0:3]) == w {
			wd = i
		}
	}
	month := 0
	for i, m := range months {
		if string(s[8:11]) == m {
			month = i + 1
		}
	}
	day, ok1 := num(s, 5, 2)
	year, ok2 := num(s, 12, 4)
	hour, ok3 := num(s, 17, 2)
	minute, ok4 := num(s, 20, 2)
	sec, ok5 := num(s, 23, 2)
	if wd < 0 || month == 0 || !(ok1 && ok2 && ok3 && ok4 && ok5) ||
		day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	ns, i, ok := fraction(s, 25)
	if !ok || string(s[i:]) != " GMT" {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, ns, time.UTC)
	if int(t.Weekday()) != wd {
		return time.Time{}, false
	}
	return t, true
}

// maxBigExponent bounds the decimal exponent BigInt will expand, so that a
// short input like 1e999999999 cannot demand gigabytes.
const maxBigExponent = 10000

// BigInt reads a bigInteger. Integral values with a fraction or exponent are
// accepted when the exponent is modest.
func (d *Decoder) BigInt() *big.Int {
	if _, ok := d.peek(); !ok {
		return nil
	}
	start := d.pos
	tok, isInt := d.number()
	if d.err != nil {
		return nil
	}
	if isInt {
		n, ok := new(big.Int).SetString(string(tok), 10)
		if !ok {
			d.pos = start
			d.fail(ErrSyntax, "invalid integer %s", tok)
			return nil
		}
		return n
	}
	r, ok := parseBoundedRat(tok)
	if !ok || !r.IsInt() {
		d.pos = start
		d.fail(ErrRange, "%s is not an integer in range", tok)
		return nil
	}
	return new(big.Int).Set(r.Num())
}

// parseBoundedRat parses a number exactly, refusing exponents that would
// make the result (or the work to compute it) explode.
func parseBoundedRat(tok []byte) (*big.Rat, bool) {
	if !exponentInBounds(tok) {
		return nil, false
	}
	return new(big.Rat).SetString(string(tok))
}

// exponentInBounds reports whether a number token's explicit exponent is
// within ±maxBigExponent. Both big.Rat and big.Float do work (and, for
// big.Rat, allocate) in proportion to the exponent's value, not its length:
// big.Float.Parse spends minutes on "9e400000000".
func exponentInBounds(tok []byte) bool {
	for i, c := range tok {
		if c == 'e' || c == 'E' {
			exp, err := strconv.Atoi(string(tok[i+1:]))
			return err == nil && exp <= maxBigExponent && exp >= -maxBigExponent
		}
	}
	return true
}

// BigFloat reads a bigDecimal. The precision grows with the number of digits
// so that the decimal value survives as closely as binary floating point
// allows.
func (d *Decoder) BigFloat() *big.Float {
	c, ok := d.peek()
	if !ok {
		return nil
	}
	start := d.pos
	if c == '"' {
		f := d.floatValue(64)
		if d.err != nil {
			return nil
		}
		if math.IsNaN(f) {
			// big.Float cannot represent NaN.
			d.pos = start
			d.fail(ErrRange, "NaN is not a valid bigDecimal")
			return nil
		}
		return big.NewFloat(f)
	}
	tok, _ := d.number()
	if d.err != nil {
		return nil
	}
	if !exponentInBounds(tok) {
		d.pos = start
		d.fail(ErrRange, "bigDecimal %s: exponent beyond ±%d", tok, maxBigExponent)
		return nil
	}
	prec := uint(len(tok))*4 + 64 // log2(10) < 4 bits per digit
	f, _, err := new(big.Float).SetPrec(prec).Parse(string(tok), 10)
	if err != nil {
		d.pos = start
		d.fail(ErrRange, "invalid bigDecimal %s: %v", tok, err)
		return nil
	}
	return f
}

// Document reads any value into the generic form used for Smithy documents:
// nil, bool, string, json.Number, []any and map[string]any.
func (d *Decoder) Document() any {
	c, ok := d.peek()
	if !ok {
		return nil
	}
	switch c {
	case '{':
		if !d.push(true) {
			return nil
		}
		m := map[string]any{}
		for {
			k, ok := d.NextKey()
			if !ok {
				break
			}
			key := string(k)
			v := d.Document()
			if d.err != nil {
				return nil
			}
			m[key] = v
		}
		if d.err != nil {
			return nil
		}
		return m
	case '[':
		if !d.push(false) {
			return nil
		}
		s := []any{}
		for d.NextElem() {
			v := d.Document()
			if d.err != nil {
				return nil
			}
			s = append(s, v)
		}
		if d.err != nil {
			return nil
		}
		return s
	case '"':
		return d.String()
	case 't', 'f':
		return d.Bool()
	case 'n':
		d.literal("null")
		return nil
	}
	tok, _ := d.number()
	if d.err != nil {
		return nil
	}
	return json.Number(tok)
}

// End checks that nothing but whitespace follows the top-level value and
// that every object and array was closed.
func (d *Decoder) End() {
	if d.err != nil {
		return
	}
	if d.depth != 0 {
		d.fail(ErrSyntax, "%d unclosed objects or arrays", d.depth)
		return
	}
	if d.ws() {
		d.fail(ErrTrailing, "found %s", d.describe())
	}
}
