package cbor

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"time"
	"unicode/utf8"
	"unsafe"
)

// MaxDepth is the deepest nesting of maps and arrays the Decoder accepts.
// Generated deserializers recurse once per level, so the cap is what keeps a
// hostile or corrupt response from exhausting the stack.
const MaxDepth = 512

// MaxElements is the most array elements and map pairs, counted together,
// that one body may hold. Real responses are paginated to hundreds of items;
// the cap bounds what a hostile body can make generated code allocate (a
// list of 10 MB of empty maps would otherwise decode into millions of zero
// structures).
const MaxElements = 100_000

// Error is the error a Decoder reports: what went wrong and the byte offset
// in the input where it was noticed.
type Error struct {
	Offset int
	Err    error
}

func (e *Error) Error() string { return fmt.Sprintf("cbor: offset %d: %v", e.Offset, e.Err) }

func (e *Error) Unwrap() error { return e.Err }

// Sentinel causes, for callers that want to tell them apart with errors.Is.
var (
	ErrSyntax   = errors.New("malformed CBOR")
	ErrType     = errors.New("unexpected CBOR type")
	ErrRange    = errors.New("number out of range")
	ErrDepth    = errors.New("nesting too deep")
	ErrElements = errors.New("too many elements")
	ErrEOF      = errors.New("unexpected end of input")
	ErrTrailing = errors.New("data after top-level item")
)

// frame is one open map or array.
type frame struct {
	// left counts the elements (pairs, for a map) still to come in a
	// definite-length container; -1 marks an indefinite one, which ends
	// at a break byte.
	left  int64
	isMap bool
}

// Decoder reads one CBOR item from a byte slice, one value at a time, in the
// order generated code asks for it. Errors are sticky: after the first one
// every method returns a zero value (or false) without looking at the input,
// so generated code need only check Err at the end.
//
// The zero Decoder is ready for Reset.
type Decoder struct {
	data []byte
	pos  int
	err  error
	// elements counts array elements and map pairs (MaxElements).
	elements int
	// stack holds the open containers; its length is the depth.
	stack []frame
	// scratch holds indefinite-length strings joined from their chunks
	// and text that needed invalid UTF-8 replaced.
	scratch []byte

	// src, when set, is data as a string (ResetString): String returns
	// substrings of it instead of copies. strStart is where the string
	// last read starts in data, or -1 if it came from scratch.
	src      string
	strStart int

	// Values the *Ptr methods return pointers to, allocated in chunks.
	strs   arena[string]
	bools  arena[bool]
	int8s  arena[int8]
	int16s arena[int16]
	int32s arena[int32]
	int64s arena[int64]
	f32s   arena[float32]
	f64s   arena[float64]
	times  arena[time.Time]
}

// arena hands out pointers to values stored in chunks, so that decoding a
// struct's optional members costs one allocation per chunk rather than one
// per member. Chunks are never reused: the pointers belong to the caller.
type arena[T any] struct{ buf []T }

func (a *arena[T]) new(v T) *T {
	if len(a.buf) == cap(a.buf) {
		n := min(max(2*cap(a.buf), 8), 128)
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

// Reset makes d read data from the start, keeping its scratch buffers. The
// arenas start afresh: a chunk kept from the last response would keep that
// response's body reachable (its strings are substrings of it) for as long
// as a pooled Decoder lives.
func (d *Decoder) Reset(data []byte) {
	stack, scratch := d.stack[:0], d.scratch[:0]
	*d = Decoder{data: data, stack: stack, scratch: scratch, strStart: -1}
}

// ResetString makes d read s from the start. Strings it returns are
// substrings of s where s holds them verbatim (definite-length, valid
// UTF-8), so decoding allocates no string data; they keep s reachable for as
// long as any of them is.
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

func (d *Decoder) failAt(pos int, cause error, format string, args ...any) {
	if d.err == nil {
		d.pos = pos
		d.err = &Error{Offset: pos, Err: fmt.Errorf("%w: "+format, append([]any{cause}, args...)...)}
	}
}

func (d *Decoder) failEOF() {
	if d.err == nil {
		d.pos = len(d.data)
		d.err = &Error{Offset: d.pos, Err: ErrEOF}
	}
}

// describe names the item starting with byte c for error messages.
func describe(c byte) string {
	switch c >> 5 {
	case 0:
		return "unsigned integer"
	case 1:
		return "negative integer"
	case 2:
		return "byte string"
	case 3:
		return "text string"
	case 4:
		return "array"
	case 5:
		return "map"
	case 6:
		return "tag"
	}
	switch c {
	case byteFalse, byteTrue:
		return "boolean"
	case byteNull:
		return "null"
	case byteUndefined:
		return "undefined"
	case byteFloat16, byteFloat32, byteFloat64:
		return "float"
	case byteBreak:
		return "break"
	}
	return fmt.Sprintf("simple value 0x%02x", c)
}

func (d *Decoder) typeErr(want string) {
	d.failAt(d.pos, ErrType, "expected %s, found %s", want, describe(d.data[d.pos]))
}

// peek returns the next byte without consuming it, recording EOF if none.
func (d *Decoder) peek() (byte, bool) {
	if d.err != nil {
		return 0, false
	}
	if d.pos >= len(d.data) {
		d.failEOF()
		return 0, false
	}
	return d.data[d.pos], true
}

// head consumes an initial byte and its argument. indef reports additional
// information 31, which only strings, arrays and maps may use; callers
// check that.
func (d *Decoder) head() (major byte, arg uint64, indef, ok bool) {
	c, ok := d.peek()
	if !ok {
		return 0, 0, false, false
	}
	major, info := c>>5, c&0x1f
	p := d.pos + 1
	switch {
	case info < 24:
		d.pos = p
		return major, uint64(info), false, true
	case info == infoIndefinite:
		d.pos = p
		return major, 0, true, true
	case info > 27:
		d.failAt(d.pos, ErrSyntax, "reserved additional information %d in initial byte 0x%02x", info, c)
		return 0, 0, false, false
	}
	n := 1 << (info - 24) // 1, 2, 4 or 8 argument bytes
	if len(d.data)-p < n {
		d.failEOF()
		return 0, 0, false, false
	}
	b := d.data[p : p+n]
	switch n {
	case 1:
		arg = uint64(b[0])
	case 2:
		arg = uint64(binary.BigEndian.Uint16(b))
	case 4:
		arg = uint64(binary.BigEndian.Uint32(b))
	default:
		arg = binary.BigEndian.Uint64(b)
	}
	d.pos = p + n
	return major, arg, false, true
}

// definiteHead is head for items that may not be indefinite (integers,
// tags).
func (d *Decoder) definiteHead() (major byte, arg uint64, ok bool) {
	start := d.pos
	major, arg, indef, ok := d.head()
	if ok && indef {
		d.failAt(start, ErrSyntax, "indefinite length on a %s", describe(major<<5))
		return 0, 0, false
	}
	return major, arg, ok
}

// Null consumes a null (or undefined, which Smithy treats the same) and
// reports whether there was one. Generated code calls it before a member
// value because rpcv2Cbor treats null as absent.
func (d *Decoder) Null() bool {
	if d.err != nil || d.pos >= len(d.data) {
		return false
	}
	if c := d.data[d.pos]; c == byteNull || c == byteUndefined {
		d.pos++
		return true
	}
	return false
}

// push consumes a map or array head and opens it. A declared length is
// checked against the bytes left, since every element takes at least one
// byte: a length of 2^63 fails here instead of reaching a make.
func (d *Decoder) push(isMap bool) bool {
	start := d.pos
	if len(d.stack) >= MaxDepth {
		d.failAt(start, ErrDepth, "more than %d nested maps and arrays", MaxDepth)
		return false
	}
	_, n, indef, ok := d.head()
	if !ok {
		return false
	}
	left := int64(-1)
	if !indef {
		per := uint64(1)
		if isMap {
			per = 2
		}
		if rest := uint64(len(d.data) - d.pos); n > rest/per {
			d.failAt(start, ErrEOF, "%s declares %d elements but only %d bytes follow", describe(d.data[start]), n, rest)
			return false
		}
		left = int64(n)
	}
	d.stack = append(d.stack, frame{left: left, isMap: isMap})
	return true
}

// ObjectStart consumes a map head (a structure, a union or a Smithy map). A
// null is consumed and reported as false with no error, so an absent
// structure needs no separate check.
func (d *Decoder) ObjectStart() bool {
	c, ok := d.peek()
	if !ok {
		return false
	}
	switch {
	case c>>5 == 5:
		return d.push(true)
	case c == byteNull || c == byteUndefined:
		d.pos++
		return false
	}
	d.typeErr("map")
	return false
}

// ArrayStart consumes an array head; null is consumed and reported as false.
func (d *Decoder) ArrayStart() bool {
	c, ok := d.peek()
	if !ok {
		return false
	}
	switch {
	case c>>5 == 4:
		return d.push(false)
	case c == byteNull || c == byteUndefined:
		d.pos++
		return false
	}
	d.typeErr("array")
	return false
}

// SizeHint returns how many elements (pairs, for a map) the innermost open
// container has still to come, or 0 if it has an indefinite length; called
// right after ArrayStart or ObjectStart, that is the declared length, for
// sizing the slice or map a generated deserializer fills. The hint is bounded by the
// bytes left and by MaxElements, so it is safe to pass to make.
func (d *Decoder) SizeHint() int {
	if d.err != nil || len(d.stack) == 0 {
		return 0
	}
	left := d.stack[len(d.stack)-1].left
	if left < 0 {
		return 0
	}
	return int(min(left, int64(MaxElements-d.elements)))
}

// more advances past the end of the innermost container or reports that an
// element follows it.
func (d *Decoder) more(isMap bool) bool {
	if d.err != nil {
		return false
	}
	n := len(d.stack)
	if n == 0 || d.stack[n-1].isMap != isMap {
		if isMap {
			d.failAt(d.pos, ErrSyntax, "NextKey called outside a map")
		} else {
			d.failAt(d.pos, ErrSyntax, "NextElem called outside an array")
		}
		return false
	}
	top := &d.stack[n-1]
	if top.left < 0 {
		if d.pos >= len(d.data) {
			d.failEOF()
			return false
		}
		if d.data[d.pos] == byteBreak {
			d.pos++
			d.stack = d.stack[:n-1]
			return false
		}
	} else {
		if top.left == 0 {
			d.stack = d.stack[:n-1]
			return false
		}
		top.left--
	}
	if d.elements++; d.elements > MaxElements {
		d.failAt(d.pos, ErrElements, "more than %d array elements and map pairs", MaxElements)
		return false
	}
	return true
}

// NextKey advances to the next pair of the current map and returns its key,
// which must be a text string. The key may alias the input or an internal
// buffer and is valid only until the next call. At the end of the map it
// closes it and returns false.
func (d *Decoder) NextKey() ([]byte, bool) {
	if !d.more(true) {
		return nil, false
	}
	if d.pos >= len(d.data) {
		d.failEOF()
		return nil, false
	}
	if d.data[d.pos]>>5 != 3 {
		d.failAt(d.pos, ErrType, "map key must be a text string, found %s", describe(d.data[d.pos]))
		return nil, false
	}
	return d.readString(3)
}

// NextKeyString is NextKey for Smithy maps, whose keys outlive the call: the
// key is a substring of the body after ResetString (no allocation) and a
// copy otherwise.
func (d *Decoder) NextKeyString() (string, bool) {
	k, ok := d.NextKey()
	if !ok {
		return "", false
	}
	if d.src != "" && d.strStart >= 0 {
		return d.src[d.strStart : d.strStart+len(k)], true
	}
	return string(k), true
}

// NextElem reports whether another element of the current array follows. At
// the end of the array it closes it and returns false.
func (d *Decoder) NextElem() bool { return d.more(false) }

// readString consumes a byte string (major 2) or text string (major 3) at
// pos, definite or indefinite, and returns its contents: a subslice of the
// input for a definite string (the common case, no copying), otherwise
// d.scratch. Text that is not valid UTF-8 has the bad bytes replaced with
// U+FFFD, as encoding/json and awsjson do, rather than failing a whole
// response over one field.
func (d *Decoder) readString(major byte) ([]byte, bool) {
	start := d.pos
	_, n, indef, ok := d.head()
	if !ok {
		return nil, false
	}
	var s []byte
	if !indef {
		if n > uint64(len(d.data)-d.pos) {
			d.failAt(start, ErrEOF, "%s declares %d bytes but only %d follow", describe(major<<5), n, len(d.data)-d.pos)
			return nil, false
		}
		s = d.data[d.pos : d.pos+int(n)]
		d.strStart = d.pos
		d.pos += int(n)
	} else {
		// Chunks are definite strings of the same major type, ended by a
		// break (RFC 8949 section 3.2.3).
		b := d.scratch[:0]
		for {
			if d.pos >= len(d.data) {
				d.scratch = b
				d.failEOF()
				return nil, false
			}
			c := d.data[d.pos]
			if c == byteBreak {
				d.pos++
				break
			}
			if c>>5 != major || c&0x1f == infoIndefinite {
				d.scratch = b
				d.failAt(d.pos, ErrSyntax, "chunk of an indefinite-length %s is a %s", describe(major<<5), describe(c))
				return nil, false
			}
			chunk := d.pos
			_, m, _, ok := d.head()
			if !ok {
				d.scratch = b
				return nil, false
			}
			if m > uint64(len(d.data)-d.pos) {
				d.scratch = b
				d.failAt(chunk, ErrEOF, "string chunk declares %d bytes but only %d follow", m, len(d.data)-d.pos)
				return nil, false
			}
			b = append(b, d.data[d.pos:d.pos+int(m)]...)
			d.pos += int(m)
		}
		d.scratch = b
		d.strStart = -1
		s = b
	}
	if major == 3 && !utf8.Valid(s) {
		d.strStart = -1
		if indef {
			// s is scratch itself, so the repaired copy needs its own
			// buffer; only invalid input gets here.
			d.scratch = appendValidUTF8(nil, s)
		} else {
			d.scratch = appendValidUTF8(d.scratch[:0], s)
		}
		s = d.scratch
	}
	return s, true
}

// appendValidUTF8 appends s to b with each invalid byte replaced by U+FFFD.
func appendValidUTF8(b, s []byte) []byte {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, "\uFFFD"...)
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return b
}

// stringBytes reads a string of the given major type, reporting a type error
// for anything else. The result is only valid until the next read.
func (d *Decoder) stringBytes(major byte) ([]byte, bool) {
	c, ok := d.peek()
	if !ok {
		return nil, false
	}
	if c>>5 != major {
		d.typeErr(describe(major << 5))
		return nil, false
	}
	return d.readString(major)
}

// String reads a text string.
func (d *Decoder) String() string {
	b, ok := d.stringBytes(3)
	if !ok {
		return ""
	}
	if d.src != "" && d.strStart >= 0 {
		return d.src[d.strStart : d.strStart+len(b)]
	}
	return string(b)
}

// Blob reads a byte string into a new slice. An empty string yields an
// empty, non-nil slice so that "present but empty" survives.
func (d *Decoder) Blob() []byte {
	b, ok := d.stringBytes(2)
	if !ok {
		return nil
	}
	return append(make([]byte, 0, len(b)), b...)
}

// Bool reads true or false.
func (d *Decoder) Bool() bool {
	c, ok := d.peek()
	if !ok {
		return false
	}
	switch c {
	case byteTrue:
		d.pos++
		return true
	case byteFalse:
		d.pos++
		return false
	}
	d.typeErr("boolean")
	return false
}

// intValue reads an integer (major type 0 or 1) in [lo, hi].
func (d *Decoder) intValue(lo, hi int64) int64 {
	c, ok := d.peek()
	if !ok {
		return 0
	}
	start := d.pos
	switch c >> 5 {
	case 0:
		_, n, ok := d.definiteHead()
		if !ok {
			return 0
		}
		if n > uint64(hi) {
			d.failAt(start, ErrRange, "%d out of range [%d, %d]", n, lo, hi)
			return 0
		}
		return int64(n)
	case 1:
		_, n, ok := d.definiteHead()
		if !ok {
			return 0
		}
		// The value is -1-n; it is in range when n <= -1-lo.
		if n > uint64(-1-lo) {
			d.failAt(start, ErrRange, "%s out of range [%d, %d]", negString(n), lo, hi)
			return 0
		}
		return -1 - int64(n)
	}
	d.typeErr("integer")
	return 0
}

// negString formats -1-n, which may be below MinInt64.
func negString(n uint64) string {
	if n == math.MaxUint64 {
		return "-18446744073709551616"
	}
	return "-" + strconv.FormatUint(n+1, 10)
}

// Int64 reads a long.
func (d *Decoder) Int64() int64 { return d.intValue(math.MinInt64, math.MaxInt64) }

// Int32 reads an integer.
func (d *Decoder) Int32() int32 { return int32(d.intValue(math.MinInt32, math.MaxInt32)) }

// Int16 reads a short.
func (d *Decoder) Int16() int16 { return int16(d.intValue(math.MinInt16, math.MaxInt16)) }

// Int8 reads a byte.
func (d *Decoder) Int8() int8 { return int8(d.intValue(math.MinInt8, math.MaxInt8)) }

// float16 widens an IEEE 754 half-precision value.
func float16(h uint16) float64 {
	exp, mant := int(h>>10&0x1f), float64(h&0x3ff)
	var f float64
	switch exp {
	case 0: // zero and subnormals
		f = math.Ldexp(mant, -24)
	case 0x1f:
		if mant != 0 {
			return math.NaN()
		}
		f = math.Inf(1)
	default:
		f = math.Ldexp(mant+1024, exp-25)
	}
	if h&0x8000 != 0 {
		f = -f
	}
	return f
}

// floatValue reads any numeric item as a float64: half, single and double
// floats, and integers, which senders may use for whole values.
func (d *Decoder) floatValue() float64 {
	c, ok := d.peek()
	if !ok {
		return 0
	}
	p := d.pos + 1
	switch c {
	case byteFloat16:
		if len(d.data)-p < 2 {
			d.failEOF()
			return 0
		}
		d.pos = p + 2
		return float16(binary.BigEndian.Uint16(d.data[p:]))
	case byteFloat32:
		if len(d.data)-p < 4 {
			d.failEOF()
			return 0
		}
		d.pos = p + 4
		return float64(math.Float32frombits(binary.BigEndian.Uint32(d.data[p:])))
	case byteFloat64:
		if len(d.data)-p < 8 {
			d.failEOF()
			return 0
		}
		d.pos = p + 8
		return math.Float64frombits(binary.BigEndian.Uint64(d.data[p:]))
	}
	switch c >> 5 {
	case 0:
		_, n, _ := d.definiteHead()
		return float64(n)
	case 1:
		_, n, _ := d.definiteHead()
		return -1 - float64(n)
	}
	d.typeErr("number")
	return 0
}

// Float64 reads a double.
func (d *Decoder) Float64() float64 { return d.floatValue() }

// Float32 reads a float. A finite value beyond float32's range is an error
// rather than a silent infinity.
func (d *Decoder) Float32() float32 {
	start := d.pos
	f := d.floatValue()
	if d.err != nil {
		return 0
	}
	if math.Abs(f) > math.MaxFloat32 && !math.IsInf(f, 0) {
		d.failAt(start, ErrRange, "%g overflows float32", f)
		return 0
	}
	return float32(f)
}

// StringPtr reads a text string and returns a pointer to it.
func (d *Decoder) StringPtr() *string { return d.strs.new(d.String()) }

// BoolPtr reads a boolean and returns a pointer to it.
func (d *Decoder) BoolPtr() *bool { return d.bools.new(d.Bool()) }

// Int8Ptr reads a byte and returns a pointer to it.
func (d *Decoder) Int8Ptr() *int8 { return d.int8s.new(d.Int8()) }

// Int16Ptr reads a short and returns a pointer to it.
func (d *Decoder) Int16Ptr() *int16 { return d.int16s.new(d.Int16()) }

// Int32Ptr reads an integer and returns a pointer to it.
func (d *Decoder) Int32Ptr() *int32 { return d.int32s.new(d.Int32()) }

// Int64Ptr reads a long and returns a pointer to it.
func (d *Decoder) Int64Ptr() *int64 { return d.int64s.new(d.Int64()) }

// Float32Ptr reads a float and returns a pointer to it.
func (d *Decoder) Float32Ptr() *float32 { return d.f32s.new(d.Float32()) }

// Float64Ptr reads a double and returns a pointer to it.
func (d *Decoder) Float64Ptr() *float64 { return d.f64s.new(d.Float64()) }

// TimestampPtr reads a timestamp and returns a pointer to it.
func (d *Decoder) TimestampPtr() *time.Time { return d.times.new(d.Timestamp()) }

// maxEpochMillis bounds epoch timestamps to what time.UnixMilli and int64
// arithmetic can hold, with room to spare (about 146 million years).
const maxEpochMillis = 1 << 62

// tagHead consumes a tag head and returns its number; the caller has seen
// major type 6.
func (d *Decoder) tagHead() (uint64, bool) {
	c := d.data[d.pos]
	if c&0x1f < 24 {
		d.pos++ // the common one-byte tags, 0 to 23
		return uint64(c & 0x1f), true
	}
	_, n, ok := d.definiteHead()
	return n, ok
}

// Timestamp reads an rpcv2Cbor timestamp: tag 1 over epoch seconds as an
// integer or a float, rounded to the millisecond (Smithy's precision, which
// also absorbs float noise such as 1.0049999). A bare number without the tag
// is accepted too.
func (d *Decoder) Timestamp() time.Time {
	c, ok := d.peek()
	if !ok {
		return time.Time{}
	}
	start := d.pos
	if c>>5 == 6 {
		tag, ok := d.tagHead()
		if !ok {
			return time.Time{}
		}
		if tag != TagEpochTime {
			d.failAt(start, ErrType, "expected tag 1 (epoch timestamp), found tag %d", tag)
			return time.Time{}
		}
		if c, ok = d.peek(); !ok {
			return time.Time{}
		}
	}
	numStart := d.pos
	switch c >> 5 {
	case 0, 1:
		sec := d.intValue(-maxEpochMillis/1000, maxEpochMillis/1000)
		if d.err != nil {
			return time.Time{}
		}
		return time.Unix(sec, 0).UTC()
	case 7:
		f := d.floatValue()
		if d.err != nil {
			return time.Time{}
		}
		ms := math.Round(f * 1000)
		if !(ms <= maxEpochMillis && ms >= -maxEpochMillis) { // also NaN
			d.failAt(numStart, ErrRange, "timestamp %g out of range", f)
			return time.Time{}
		}
		return time.UnixMilli(int64(ms)).UTC()
	}
	d.typeErr("epoch timestamp")
	return time.Time{}
}

// BigInt reads a bigInteger: a plain integer, or a tag 2 or 3 bignum.
func (d *Decoder) BigInt() *big.Int {
	c, ok := d.peek()
	if !ok {
		return nil
	}
	start := d.pos
	switch c >> 5 {
	case 0, 1:
		major, n, ok := d.definiteHead()
		if !ok {
			return nil
		}
		v := new(big.Int).SetUint64(n)
		if major == 1 {
			v.Neg(v.Add(v, big.NewInt(1)))
		}
		return v
	case 6:
		tag, ok := d.tagHead()
		if !ok {
			return nil
		}
		if tag != TagPositiveBignum && tag != TagNegativeBignum {
			d.failAt(start, ErrType, "expected bignum (tag 2 or 3), found tag %d", tag)
			return nil
		}
		b, ok := d.stringBytes(2)
		if !ok {
			return nil
		}
		v := new(big.Int).SetBytes(b)
		if tag == TagNegativeBignum {
			v.Neg(v.Add(v, big.NewInt(1)))
		}
		return v
	}
	d.typeErr("integer or bignum")
	return nil
}

// maxDecimalExponent bounds the base-10 exponent of a decimal fraction, so
// that a five-byte input cannot demand the work of expanding 10^(2^63).
const maxDecimalExponent = 10000

// maxDecimalMantissaBits bounds a decimal fraction's mantissa (about 19,700
// decimal digits, far beyond any real bigDecimal): dividing by a power of
// ten costs more than linear time in the mantissa's size, so an unbounded
// one would let a body cost seconds per kilobyte.
const maxDecimalMantissaBits = 1 << 16

// BigFloat reads a bigDecimal: a tag 4 decimal fraction [exponent,
// mantissa], or a plain integer, bignum or float. The precision grows with
// the mantissa's digits so that the decimal value survives as closely as
// binary floating point allows.
func (d *Decoder) BigFloat() *big.Float {
	c, ok := d.peek()
	if !ok {
		return nil
	}
	start := d.pos
	switch {
	case c>>5 == 0 || c>>5 == 1 || c == majorTag|TagPositiveBignum || c == majorTag|TagNegativeBignum:
		v := d.BigInt()
		if v == nil {
			return nil
		}
		return new(big.Float).SetPrec(uint(max(v.BitLen(), 64))).SetInt(v)
	case c == byteFloat16 || c == byteFloat32 || c == byteFloat64:
		f := d.floatValue()
		if math.IsNaN(f) {
			d.failAt(start, ErrRange, "NaN is not a valid bigDecimal")
			return nil
		}
		return big.NewFloat(f)
	case c>>5 != 6:
		d.typeErr("decimal fraction")
		return nil
	}
	tag, ok := d.tagHead()
	if !ok {
		return nil
	}
	if tag != TagDecimal {
		d.failAt(start, ErrType, "expected decimal fraction (tag 4), found tag %d", tag)
		return nil
	}
	if c, ok = d.peek(); !ok {
		return nil
	}
	if c != majorArray|2 {
		d.failAt(d.pos, ErrType, "decimal fraction must be an array of two items, found %s", describe(c))
		return nil
	}
	d.pos++
	exp := d.intValue(-maxDecimalExponent, maxDecimalExponent)
	mant := d.BigInt()
	if d.err != nil {
		return nil
	}
	if mant.BitLen() > maxDecimalMantissaBits {
		d.failAt(start, ErrRange, "decimal fraction mantissa of %d bits exceeds %d", mant.BitLen(), maxDecimalMantissaBits)
		return nil
	}
	// mant × 10^exp, computed directly: exactly when exp >= 0, otherwise
	// to 64 bits beyond the mantissa's own precision.
	prec := uint(mant.BitLen()) + 64
	f := new(big.Float)
	if exp == 0 {
		return f.SetPrec(prec).SetInt(mant)
	}
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(max(exp, -exp)), nil)
	if exp > 0 {
		f.SetPrec(prec + uint(p.BitLen())).SetInt(mant)
		return f.Mul(f, new(big.Float).SetInt(p))
	}
	f.SetPrec(prec).SetInt(mant)
	return f.Quo(f, new(big.Float).SetInt(p))
}

// Skip consumes one item of any type, tags included, checking that it is
// well-formed; generated code uses it for members the model does not know
// about. Map keys of any type are accepted here.
func (d *Decoder) Skip() {
	c, ok := d.peek()
	if !ok {
		return
	}
	// A tag applies to the item after it; a run of tags costs a byte each,
	// so this loop is linear in the input.
	for c>>5 == 6 {
		if _, ok := d.tagHead(); !ok {
			return
		}
		if c, ok = d.peek(); !ok {
			return
		}
	}
	start := d.pos
	switch c >> 5 {
	case 0, 1:
		d.definiteHead()
	case 2, 3:
		d.skipString(c >> 5)
	case 4:
		if d.push(false) {
			for d.more(false) {
				d.Skip()
			}
		}
	case 5:
		if d.push(true) {
			for d.more(true) {
				d.Skip()
				d.Skip()
			}
		}
	default:
		switch info := c & 0x1f; {
		case info < 24:
			d.pos++
		case info == 24:
			// Simple values below 32 must use the one-byte form.
			if len(d.data)-d.pos < 2 {
				d.failEOF()
				return
			}
			if d.data[d.pos+1] < 32 {
				d.failAt(start, ErrSyntax, "simple value %d in two-byte form", d.data[d.pos+1])
				return
			}
			d.pos += 2
		case info <= 27:
			d.floatValue()
		case info == infoIndefinite:
			d.failAt(start, ErrSyntax, "break outside an indefinite-length item")
		default:
			d.failAt(start, ErrSyntax, "reserved additional information %d in initial byte 0x%02x", info, c)
		}
	}
}

// skipString consumes a byte or text string without building its value.
// Text is not checked for valid UTF-8 here: that is a question for whoever
// reads the value, and Skip only promises well-formedness.
func (d *Decoder) skipString(major byte) {
	start := d.pos
	_, n, indef, ok := d.head()
	if !ok {
		return
	}
	if !indef {
		if n > uint64(len(d.data)-d.pos) {
			d.failAt(start, ErrEOF, "%s declares %d bytes but only %d follow", describe(major<<5), n, len(d.data)-d.pos)
			return
		}
		d.pos += int(n)
		return
	}
	for {
		c, ok := d.peek()
		if !ok {
			return
		}
		if c == byteBreak {
			d.pos++
			return
		}
		if c>>5 != major || c&0x1f == infoIndefinite {
			d.failAt(d.pos, ErrSyntax, "chunk of an indefinite-length %s is a %s", describe(major<<5), describe(c))
			return
		}
		chunk := d.pos
		_, m, _, ok := d.head()
		if !ok {
			return
		}
		if m > uint64(len(d.data)-d.pos) {
			d.failAt(chunk, ErrEOF, "string chunk declares %d bytes but only %d follow", m, len(d.data)-d.pos)
			return
		}
		d.pos += int(m)
	}
}

// Raw returns a copy of the next item's encoding and skips it; unknown union
// members keep their payload this way.
func (d *Decoder) Raw() []byte {
	if _, ok := d.peek(); !ok {
		return nil
	}
	start := d.pos
	d.Skip()
	if d.err != nil {
		return nil
	}
	return append([]byte(nil), d.data[start:d.pos]...)
}

// End checks that every map and array was closed and nothing follows the
// top-level item.
func (d *Decoder) End() {
	if d.err != nil {
		return
	}
	if len(d.stack) != 0 {
		d.failAt(d.pos, ErrSyntax, "%d unclosed maps or arrays", len(d.stack))
		return
	}
	if d.pos < len(d.data) {
		d.failAt(d.pos, ErrTrailing, "%d bytes after the top-level item", len(d.data)-d.pos)
	}
}
