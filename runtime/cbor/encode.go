package cbor

import (
	"encoding/binary"
	"errors"
	"math"
	"math/big"
	"strconv"
	"sync"
	"time"
)

// Major types (RFC 8949 section 3.1), already shifted into the top three
// bits of the initial byte.
const (
	majorUint   byte = 0 << 5
	majorNegInt byte = 1 << 5
	majorBytes  byte = 2 << 5
	majorText   byte = 3 << 5
	majorArray  byte = 4 << 5
	majorMap    byte = 5 << 5
	majorTag    byte = 6 << 5
	majorSimple byte = 7 << 5
)

// Initial bytes with a fixed meaning.
const (
	byteFalse     byte = 0xf4
	byteTrue      byte = 0xf5
	byteNull      byte = 0xf6
	byteUndefined byte = 0xf7
	byteFloat16   byte = 0xf9
	byteFloat32   byte = 0xfa
	byteFloat64   byte = 0xfb
	byteBreak     byte = 0xff
	// infoIndefinite is the additional information that opens an
	// indefinite-length string, array or map.
	infoIndefinite byte = 31
)

// Tag numbers Smithy's rpcv2Cbor uses (RFC 8949 section 3.4).
const (
	TagEpochTime      = 1
	TagPositiveBignum = 2
	TagNegativeBignum = 3
	TagDecimal        = 4
)

// Encoder appends CBOR to a byte slice. Structures are written as
// indefinite-length maps (MapStartIndefinite … Break) because a serializer
// only learns how many optional members are set by visiting them; lists and
// maps, whose length is known up front, use the definite forms.
type Encoder struct {
	buf []byte
	// err is the first failure a generated serializer recorded with Fail,
	// or a value CBOR cannot carry (an infinite bigDecimal).
	err error
}

// maxPooledBuffer keeps one huge request from pinning its buffer in the pool
// for the life of the process.
const maxPooledBuffer = 64 << 10

var encoderPool = sync.Pool{
	New: func() any { return &Encoder{buf: make([]byte, 0, 1024)} },
}

// NewEncoder returns an empty Encoder, reusing a pooled buffer when one is
// available so that request serialization does not allocate per call.
func NewEncoder() *Encoder {
	e := encoderPool.Get().(*Encoder)
	e.Reset()
	return e
}

// Release returns e to the pool. Neither e nor any slice obtained from Bytes
// may be used afterwards.
func (e *Encoder) Release() {
	if cap(e.buf) > maxPooledBuffer {
		return
	}
	e.Reset()
	encoderPool.Put(e)
}

// Reset empties the buffer while keeping its capacity, and drops any error.
func (e *Encoder) Reset() { e.buf, e.err = e.buf[:0], nil }

// Bytes returns the encoded CBOR. It aliases the Encoder's buffer, so copy
// it if it must outlive Release or a later write.
func (e *Encoder) Bytes() []byte { return e.buf }

// Fail records the first error of a serializer; Err reports it afterwards.
func (e *Encoder) Fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

// Err returns the first error recorded, if any.
func (e *Encoder) Err() error { return e.err }

// head appends an initial byte and its argument in the shortest form, which
// is RFC 8949's preferred serialization and what every decoder expects.
func appendHead(b []byte, major byte, n uint64) []byte {
	switch {
	case n < 24:
		return append(b, major|byte(n))
	case n <= math.MaxUint8:
		return append(b, major|24, byte(n))
	case n <= math.MaxUint16:
		return binary.BigEndian.AppendUint16(append(b, major|25), uint16(n))
	case n <= math.MaxUint32:
		return binary.BigEndian.AppendUint32(append(b, major|26), uint32(n))
	}
	return binary.BigEndian.AppendUint64(append(b, major|27), n)
}

// MapStart opens a map of n pairs; nothing closes it.
func (e *Encoder) MapStart(n int) { e.buf = appendHead(e.buf, majorMap, uint64(n)) }

// MapStartIndefinite opens a map of unknown length; Break closes it.
func (e *Encoder) MapStartIndefinite() { e.buf = append(e.buf, majorMap|infoIndefinite) }

// ArrayStart opens an array of n elements; nothing closes it.
func (e *Encoder) ArrayStart(n int) { e.buf = appendHead(e.buf, majorArray, uint64(n)) }

// ArrayStartIndefinite opens an array of unknown length; Break closes it.
func (e *Encoder) ArrayStartIndefinite() { e.buf = append(e.buf, majorArray|infoIndefinite) }

// Break closes the innermost indefinite-length map or array.
func (e *Encoder) Break() { e.buf = append(e.buf, byteBreak) }

// Key writes a map key. Smithy map keys and member names are text strings.
func (e *Encoder) Key(k string) { e.String(k) }

// String writes a text string. It is written as given: Go strings from a
// model are UTF-8, and re-validating every one would cost more than the
// copy.
func (e *Encoder) String(v string) {
	e.buf = appendHead(e.buf, majorText, uint64(len(v)))
	e.buf = append(e.buf, v...)
}

// Blob writes a byte string.
func (e *Encoder) Blob(v []byte) {
	e.buf = appendHead(e.buf, majorBytes, uint64(len(v)))
	e.buf = append(e.buf, v...)
}

// Bool writes true or false.
func (e *Encoder) Bool(v bool) {
	if v {
		e.buf = append(e.buf, byteTrue)
	} else {
		e.buf = append(e.buf, byteFalse)
	}
}

// Null writes null.
func (e *Encoder) Null() { e.buf = append(e.buf, byteNull) }

// Int64 writes an integer in its shortest form. byte, short, integer and
// long all widen to it.
func (e *Encoder) Int64(v int64) {
	if v >= 0 {
		e.buf = appendHead(e.buf, majorUint, uint64(v))
		return
	}
	// Major type 1 carries -1-v, which for MinInt64 is MaxInt64: no
	// overflow.
	e.buf = appendHead(e.buf, majorNegInt, uint64(-(v + 1)))
}

// Uint64 writes a non-negative integer in its shortest form.
func (e *Encoder) Uint64(v uint64) { e.buf = appendHead(e.buf, majorUint, v) }

// Float32 writes a Smithy float as a single-precision float (0xfa), the
// width the rpcv2Cbor protocol tests expect for float shapes.
func (e *Encoder) Float32(v float32) {
	bits := math.Float32bits(v)
	if v != v {
		bits = 0x7fc00000 // the canonical quiet NaN, whatever the payload
	}
	e.buf = binary.BigEndian.AppendUint32(append(e.buf, byteFloat32), bits)
}

// Float64 writes a Smithy double as a double-precision float (0xfb).
func (e *Encoder) Float64(v float64) {
	bits := math.Float64bits(v)
	if v != v {
		// Go's math.NaN() has a payload bit set; peers and the protocol
		// tests expect the canonical quiet NaN.
		bits = 0x7ff8000000000000
	}
	e.buf = binary.BigEndian.AppendUint64(append(e.buf, byteFloat64), bits)
}

// Tag writes a tag head; the tagged item follows.
func (e *Encoder) Tag(n uint64) { e.buf = appendHead(e.buf, majorTag, n) }

// Timestamp writes tag 1 over the epoch seconds as a double, millisecond
// precision, which is how rpcv2Cbor sends every timestamp (the
// timestampFormat trait does not apply to it).
func (e *Encoder) Timestamp(t time.Time) {
	e.buf = append(e.buf, majorTag|TagEpochTime)
	e.Float64(float64(t.UnixMilli()) / 1000)
}

// BigInt writes a bigInteger: as a plain integer when it fits in 64 bits
// (the preferred serialization), otherwise as a tag 2 or 3 bignum. nil is
// written as null.
func (e *Encoder) BigInt(v *big.Int) {
	if v == nil {
		e.Null()
		return
	}
	e.buf = appendBigInt(e.buf, v)
}

func appendBigInt(b []byte, v *big.Int) []byte {
	if v.Sign() >= 0 {
		if v.IsUint64() {
			return appendHead(b, majorUint, v.Uint64())
		}
		b = append(b, majorTag|TagPositiveBignum)
		return appendBignumBytes(b, v)
	}
	// Negative: the wire carries -1-v, a non-negative number.
	m := new(big.Int).Neg(v)
	m.Sub(m, big.NewInt(1))
	if m.IsUint64() {
		return appendHead(b, majorNegInt, m.Uint64())
	}
	b = append(b, majorTag|TagNegativeBignum)
	return appendBignumBytes(b, m)
}

func appendBignumBytes(b []byte, m *big.Int) []byte {
	n := (m.BitLen() + 7) / 8
	b = appendHead(b, majorBytes, uint64(n))
	start := len(b)
	b = append(b, make([]byte, n)...)
	m.FillBytes(b[start:])
	return b
}

// errInfiniteDecimal is recorded for an infinite bigDecimal: a decimal
// fraction has no representation for it.
var errInfiniteDecimal = errors.New("cbor: bigDecimal is infinite, which CBOR decimal fractions cannot represent")

// BigFloat writes a bigDecimal as a tag 4 decimal fraction [exponent,
// mantissa], using the fewest decimal digits that identify v at its
// precision; nil is written as null. An infinite value is recorded with Fail
// and written as null so the output stays well-formed.
func (e *Encoder) BigFloat(v *big.Float) {
	if v == nil {
		e.Null()
		return
	}
	if v.IsInf() {
		e.Fail(errInfiniteDecimal)
		e.Null()
		return
	}
	mant, exp := decimalParts(v)
	e.buf = append(e.buf, majorTag|TagDecimal, majorArray|2)
	e.Int64(exp)
	e.buf = appendBigInt(e.buf, mant)
}

// decimalParts splits v into mantissa and base-10 exponent with
// v ≈ mant × 10^exp, from the shortest decimal text that round-trips.
func decimalParts(v *big.Float) (*big.Int, int64) {
	if v.Sign() == 0 {
		return new(big.Int), 0
	}
	// 'e' with -1 precision: "-d.ddde±x", the shortest exact-enough form.
	s := v.Text('e', -1)
	i := len(s) - 1
	for s[i] != 'e' {
		i--
	}
	exp, _ := strconv.ParseInt(s[i+1:], 10, 64)
	digits := make([]byte, 0, i)
	frac := 0
	seenDot := false
	for _, c := range []byte(s[:i]) {
		switch {
		case c == '.':
			seenDot = true
		case c == '-':
			digits = append(digits, c)
		default:
			digits = append(digits, c)
			if seenDot {
				frac++
			}
		}
	}
	mant, _ := new(big.Int).SetString(string(digits), 10)
	return mant, exp - int64(frac)
}

// Raw writes b, which must be one complete CBOR item.
func (e *Encoder) Raw(b []byte) { e.buf = append(e.buf, b...) }
