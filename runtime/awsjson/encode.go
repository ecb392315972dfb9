package awsjson

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"
)

// Encoder appends JSON to a byte slice. Separators are inserted from the
// previous byte, so generated serializers can emit members and elements
// without tracking whether they are the first one.
type Encoder struct {
	buf []byte
	// err is the first failure a generated serializer recorded with Fail;
	// serializers have no error result, so the pipeline asks Err afterwards.
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
	e.Reset() // also drops an error a previous user recorded
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

// Reset empties the buffer while keeping its capacity.
func (e *Encoder) Reset() { e.buf, e.err = e.buf[:0], nil }

// Bytes returns the encoded JSON. It aliases the Encoder's buffer, so copy it
// if it must outlive Release or a later write.
func (e *Encoder) Bytes() []byte { return e.buf }

// sep writes the comma that separates members and elements. Every value and
// key goes through it, which is what makes "append in order" enough for
// callers.
func (e *Encoder) sep() {
	if n := len(e.buf); n > 0 {
		switch e.buf[n-1] {
		case '{', '[', ':':
		default:
			e.buf = append(e.buf, ',')
		}
	}
}

// ObjectStart opens an object.
func (e *Encoder) ObjectStart() { e.sep(); e.buf = append(e.buf, '{') }

// ObjectEnd closes an object.
func (e *Encoder) ObjectEnd() { e.buf = append(e.buf, '}') }

// ArrayStart opens an array.
func (e *Encoder) ArrayStart() { e.sep(); e.buf = append(e.buf, '[') }

// ArrayEnd closes an array.
func (e *Encoder) ArrayEnd() { e.buf = append(e.buf, ']') }

// Key writes a member name and its colon. Member names come from the model and
// are nearly always plain identifiers, so they take the same fast path as
// String and are escaped only when they need it.
func (e *Encoder) Key(k string) {
	e.sep()
	e.buf = appendQuoted(e.buf, k)
	e.buf = append(e.buf, ':')
}

// String writes a JSON string.
func (e *Encoder) String(v string) {
	e.sep()
	e.buf = appendQuoted(e.buf, v)
}

// Bool writes true or false.
func (e *Encoder) Bool(v bool) {
	e.sep()
	e.buf = strconv.AppendBool(e.buf, v)
}

// Int64 writes an integer. Smaller Smithy integer types widen to it.
func (e *Encoder) Int64(v int64) {
	e.sep()
	e.buf = strconv.AppendInt(e.buf, v, 10)
}

// Float64 writes a double. Smithy sends the non-finite values as the strings
// "NaN", "Infinity" and "-Infinity" because JSON numbers cannot hold them.
func (e *Encoder) Float64(v float64) {
	e.sep()
	e.buf = appendFloat(e.buf, v, 64)
}

// Float32 writes a float using the shortest representation that round-trips
// as float32, so 0.1f is sent as 0.1 and not 0.10000000149011612.
func (e *Encoder) Float32(v float32) {
	e.sep()
	e.buf = appendFloat(e.buf, float64(v), 32)
}

func appendFloat(b []byte, f float64, bits int) []byte {
	switch {
	case math.IsNaN(f):
		return append(b, `"NaN"`...)
	case math.IsInf(f, 1):
		return append(b, `"Infinity"`...)
	case math.IsInf(f, -1):
		return append(b, `"-Infinity"`...)
	}
	// Same cut-over points as encoding/json (and ECMAScript): plain decimal
	// notation for "ordinary" magnitudes, exponent notation outside them, so
	// services and other SDKs see the numbers they are used to.
	format := byte('f')
	if abs := math.Abs(f); abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) ||
			bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	b = strconv.AppendFloat(b, f, format, -1, bits)
	if format == 'e' {
		// strconv pads the exponent to two digits ("1e-07"); JSON readers
		// do not need that and encoding/json drops it.
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// Blob writes bytes as a standard, padded base64 string.
func (e *Encoder) Blob(v []byte) {
	e.sep()
	e.buf = append(e.buf, '"')
	e.buf = base64.StdEncoding.AppendEncode(e.buf, v)
	e.buf = append(e.buf, '"')
}

// TimestampEpochSeconds writes the default awsJson timestamp: seconds since
// the epoch as a number, with a millisecond fraction only when there is one.
// It is formatted from integers rather than a float64 so that the fraction is
// exact and large dates do not switch to exponent notation.
func (e *Encoder) TimestampEpochSeconds(t time.Time) {
	e.sep()
	sec := t.Unix()
	ms := int64(t.Nanosecond() / 1e6)
	if ms == 0 {
		e.buf = strconv.AppendInt(e.buf, sec, 10)
		return
	}
	if sec < 0 {
		// Unix floors, so -1.5s is sec=-2, ms=500.
		e.buf = append(e.buf, '-')
		sec = -(sec + 1)
		ms = 1000 - ms
	}
	e.buf = strconv.AppendUint(e.buf, uint64(sec), 10)
	digits := [4]byte{'.', byte('0' + ms/100), byte('0' + ms/10%10), byte('0' + ms%10)}
	n := 4
	for digits[n-1] == '0' {
		n--
	}
	e.buf = append(e.buf, digits[:n]...)
}

// TimestampDateTime writes an RFC 3339 string in UTC with millisecond
// precision, omitting the fraction when it is zero (the form Smithy's
// protocol tests expect).
func (e *Encoder) TimestampDateTime(t time.Time) {
	e.sep()
	e.buf = append(e.buf, '"')
	e.buf = t.UTC().AppendFormat(e.buf, "2006-01-02T15:04:05.999Z")
	e.buf = append(e.buf, '"')
}

// TimestampHTTPDate writes an IMF-fixdate string (RFC 9110), always in GMT.
func (e *Encoder) TimestampHTTPDate(t time.Time) {
	e.sep()
	e.buf = append(e.buf, '"')
	e.buf = t.UTC().AppendFormat(e.buf, "Mon, 02 Jan 2006 15:04:05 GMT")
	e.buf = append(e.buf, '"')
}

// BigInt writes an arbitrary-precision integer as a bare JSON number, as the
// awsJson protocols require; nil is written as null.
func (e *Encoder) BigInt(v *big.Int) {
	if v == nil {
		e.Null()
		return
	}
	e.sep()
	e.buf = v.Append(e.buf, 10)
}

// BigFloat writes an arbitrary-precision number as a bare JSON number with
// the fewest digits that identify it exactly; nil is written as null and the
// infinities as the same strings Float64 uses.
func (e *Encoder) BigFloat(v *big.Float) {
	if v == nil {
		e.Null()
		return
	}
	e.sep()
	if v.IsInf() {
		if v.Signbit() {
			e.buf = append(e.buf, `"-Infinity"`...)
		} else {
			e.buf = append(e.buf, `"Infinity"`...)
		}
		return
	}
	e.buf = v.Append(e.buf, 'g', -1)
}

// Null writes null.
func (e *Encoder) Null() {
	e.sep()
	e.buf = append(e.buf, "null"...)
}

// Document writes an untyped Smithy document. The common shapes produced by
// Decoder.Document and by users building documents by hand are encoded
// directly; anything else is handed to encoding/json. On error nothing is
// written, so the Encoder stays usable.
func (e *Encoder) Document(v any) error {
	mark := len(e.buf)
	if err := e.document(v, 0); err != nil {
		e.buf = e.buf[:mark]
		return err
	}
	return nil
}

// errDocumentDepth stops cyclic []any / map[string]any values, which
// encoding/json would otherwise also reject, from recursing forever.
var errDocumentDepth = errors.New("awsjson: document nested too deeply (cyclic value?)")

func (e *Encoder) document(v any, depth int) error {
	if depth > MaxDepth {
		return errDocumentDepth
	}
	switch v := v.(type) {
	case nil:
		e.Null()
	case bool:
		e.Bool(v)
	case string:
		e.String(v)
	case float64:
		return e.documentFloat(v, 64)
	case float32:
		return e.documentFloat(float64(v), 32)
	case int:
		e.Int64(int64(v))
	case int8:
		e.Int64(int64(v))
	case int16:
		e.Int64(int64(v))
	case int32:
		e.Int64(int64(v))
	case int64:
		e.Int64(v)
	case uint:
		e.sep()
		e.buf = strconv.AppendUint(e.buf, uint64(v), 10)
	case uint8:
		e.Int64(int64(v))
	case uint16:
		e.Int64(int64(v))
	case uint32:
		e.Int64(int64(v))
	case uint64:
		e.sep()
		e.buf = strconv.AppendUint(e.buf, v, 10)
	case json.Number:
		if !validNumber([]byte(v)) {
			return fmt.Errorf("awsjson: invalid json.Number %q", string(v))
		}
		e.sep()
		e.buf = append(e.buf, v...)
	case []any:
		e.ArrayStart()
		for _, x := range v {
			if err := e.document(x, depth+1); err != nil {
				return err
			}
		}
		e.ArrayEnd()
	case map[string]any:
		// Sorted so identical documents serialize identically (stable
		// request signatures and golden tests).
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		e.ObjectStart()
		for _, k := range keys {
			e.Key(k)
			if err := e.document(v[k], depth+1); err != nil {
				return err
			}
		}
		e.ObjectEnd()
	default:
		if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
			// Let a typed nil marshal as null the way encoding/json does,
			// but without an extra round trip through it.
			if _, ok := v.(json.Marshaler); !ok {
				e.Null()
				return nil
			}
		}
		b, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("awsjson: document: %w", err)
		}
		e.sep()
		e.buf = append(e.buf, b...)
	}
	return nil
}

func (e *Encoder) documentFloat(f float64, bits int) error {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		// A document has no schema telling the reader to turn "NaN" back
		// into a number, so refuse rather than silently change its type.
		return fmt.Errorf("awsjson: document: unsupported number %v", f)
	}
	e.sep()
	e.buf = appendFloat(e.buf, f, bits)
	return nil
}

// safeASCII marks the bytes that can be copied into a JSON string as they are.
var safeASCII = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// appendQuoted appends s as a JSON string. Invalid UTF-8 becomes U+FFFD so
// the output is always valid JSON; U+2028 and U+2029 are escaped because
// JavaScript-based consumers treat them as line terminators.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if safeASCII[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
