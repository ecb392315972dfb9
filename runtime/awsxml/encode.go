package awsxml

import (
	"encoding/base64"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"
)

// Encoder appends an XML document (a restXml request body) to a byte slice.
// Generated serializers drive it in model order: Start, then any Attr and
// Namespace calls, then either a value or child elements, then End. Output
// depends only on the calls, so it is deterministic.
type Encoder struct {
	buf []byte
	// names holds the open elements' qualified names for their end tags.
	names []string
	// open is set while the last start tag still lacks its '>', so that
	// attributes can be added to it.
	open bool
	err  error
}

// maxPooledBuffer keeps one huge request from pinning its buffer in the pool
// for the life of the process.
const maxPooledBuffer = 64 << 10

var encoderPool = sync.Pool{
	New: func() any { return &Encoder{buf: make([]byte, 0, 1024), names: make([]string, 0, 16)} },
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

// Reset empties the Encoder while keeping its capacity.
func (e *Encoder) Reset() {
	e.buf, e.names, e.open, e.err = e.buf[:0], e.names[:0], false, nil
}

// Bytes returns the document. It aliases the Encoder's buffer, so copy it if
// it must outlive Release or a later write.
func (e *Encoder) Bytes() []byte { return e.buf }

// Fail records the first error of a serializer; Err reports it afterwards.
func (e *Encoder) Fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

// Err returns the first error: one recorded with Fail, a misuse such as an
// unbalanced End, or text that XML 1.0 cannot carry.
func (e *Encoder) Err() error {
	if e.err == nil && len(e.names) > 0 {
		return fmt.Errorf("awsxml: element <%s> not closed", e.names[len(e.names)-1])
	}
	return e.err
}

func (e *Encoder) closeTag() {
	if e.open {
		e.buf = append(e.buf, '>')
		e.open = false
	}
}

// Start opens element name (qualified, "prefix:local" when the model gives
// the member a prefixed xmlNamespace).
func (e *Encoder) Start(name string) {
	e.closeTag()
	e.buf = append(e.buf, '<')
	e.buf = append(e.buf, name...)
	e.names = append(e.names, name)
	e.open = true
}

// Namespace declares a namespace on the element just started: xmlns="uri"
// for an empty prefix, xmlns:prefix="uri" otherwise.
func (e *Encoder) Namespace(prefix, uri string) {
	if !e.open {
		e.Fail(fmt.Errorf("awsxml: namespace %s written after the content of its element", uri))
		return
	}
	e.buf = append(e.buf, " xmlns"...)
	if prefix != "" {
		e.buf = append(e.buf, ':')
		e.buf = append(e.buf, prefix...)
	}
	e.buf = append(e.buf, '=', '"')
	e.escape(uri, true)
	e.buf = append(e.buf, '"')
}

// Attr adds an attribute to the element just started; it must come before
// the element's content.
func (e *Encoder) Attr(name, value string) {
	if !e.open {
		e.Fail(fmt.Errorf("awsxml: attribute %s written after the content of its element", name))
		return
	}
	e.buf = append(e.buf, ' ')
	e.buf = append(e.buf, name...)
	e.buf = append(e.buf, '=', '"')
	e.escape(value, true)
	e.buf = append(e.buf, '"')
}

// End closes the innermost open element.
func (e *Encoder) End() {
	n := len(e.names)
	if n == 0 {
		e.Fail(fmt.Errorf("awsxml: End without an open element"))
		return
	}
	e.closeTag()
	e.buf = append(e.buf, '<', '/')
	e.buf = append(e.buf, e.names[n-1]...)
	e.buf = append(e.buf, '>')
	e.names = e.names[:n-1]
}

// text prepares for character data.
func (e *Encoder) text() { e.closeTag() }

// escape appends s with the characters markup would misread replaced by
// references. CR, and in attributes tab and LF, are written as character
// references because a reader would otherwise normalize them away. A
// character XML 1.0 cannot hold at all (NUL, most C0 controls, invalid
// UTF-8) is an error: it would be silently altered otherwise.
func (e *Encoder) escape(s string, attr bool) {
	b := e.buf
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		var rep string
		switch {
		case c == '&':
			rep = "&amp;"
		case c == '<':
			rep = "&lt;"
		case c == '>':
			rep = "&gt;"
		case c == '"' && attr:
			rep = "&quot;"
		case c == '\r':
			rep = "&#xD;"
		case c == '\n' && attr:
			rep = "&#xA;"
		case c == '\t' && attr:
			rep = "&#x9;"
		case c < 0x20 && c != '\n' && c != '\t':
			e.Fail(fmt.Errorf("awsxml: text contains %U, which XML 1.0 cannot carry", rune(c)))
			i++
			continue
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 || !xmlChar(r) {
				e.Fail(fmt.Errorf("awsxml: text contains invalid UTF-8 or a character XML 1.0 cannot carry at byte %d", i))
			}
			i += size
			continue
		default:
			i++
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, rep...)
		i++
		last = i
	}
	e.buf = append(b, s[last:]...)
}

// String writes escaped text.
func (e *Encoder) String(v string) {
	e.text()
	e.escape(v, false)
}

// Bool writes true or false.
func (e *Encoder) Bool(v bool) {
	e.text()
	e.buf = strconv.AppendBool(e.buf, v)
}

// Int64 writes an integer; the smaller integer types widen to it.
func (e *Encoder) Int64(v int64) {
	e.text()
	e.buf = strconv.AppendInt(e.buf, v, 10)
}

// Float64 writes a double; the non-finite values as Smithy names them.
func (e *Encoder) Float64(v float64) {
	e.text()
	e.buf = appendFloat(e.buf, v, 64)
}

// Float32 writes a float with the shortest text that round-trips as float32.
func (e *Encoder) Float32(v float32) {
	e.text()
	e.buf = appendFloat(e.buf, float64(v), 32)
}

// appendFloat formats f as the XML and query protocols send it: "NaN",
// "Infinity", "-Infinity", plain decimal for ordinary magnitudes and
// exponent form outside them.
func appendFloat(b []byte, f float64, bits int) []byte {
	switch {
	case math.IsNaN(f):
		return append(b, "NaN"...)
	case math.IsInf(f, 1):
		return append(b, "Infinity"...)
	case math.IsInf(f, -1):
		return append(b, "-Infinity"...)
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) ||
			bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	return strconv.AppendFloat(b, f, format, -1, bits)
}

// Blob writes standard, padded base64.
func (e *Encoder) Blob(v []byte) {
	e.text()
	e.buf = base64.StdEncoding.AppendEncode(e.buf, v)
}

// TimestampDateTime writes RFC 3339 in UTC with millisecond precision,
// omitting a zero fraction: the XML protocols' default format.
func (e *Encoder) TimestampDateTime(t time.Time) {
	e.text()
	e.buf = t.UTC().AppendFormat(e.buf, "2006-01-02T15:04:05.999Z")
}

// TimestampHTTPDate writes an IMF-fixdate, always in GMT.
func (e *Encoder) TimestampHTTPDate(t time.Time) {
	e.text()
	e.buf = t.UTC().AppendFormat(e.buf, "Mon, 02 Jan 2006 15:04:05 GMT")
}

// TimestampEpochSeconds writes seconds since the epoch, with a millisecond
// fraction only when there is one.
func (e *Encoder) TimestampEpochSeconds(t time.Time) {
	e.text()
	e.buf = appendEpochSeconds(e.buf, t)
}

// appendEpochSeconds formats t as seconds since the epoch from integers, so
// that the fraction is exact and large dates keep plain notation.
func appendEpochSeconds(b []byte, t time.Time) []byte {
	sec := t.Unix()
	ms := int64(t.Nanosecond() / 1e6)
	if ms == 0 {
		return strconv.AppendInt(b, sec, 10)
	}
	if sec < 0 {
		// Unix floors, so -1.5s is sec=-2, ms=500.
		b = append(b, '-')
		sec = -(sec + 1)
		ms = 1000 - ms
	}
	b = strconv.AppendUint(b, uint64(sec), 10)
	digits := [4]byte{'.', byte('0' + ms/100), byte('0' + ms/10%10), byte('0' + ms%10)}
	n := 4
	for digits[n-1] == '0' {
		n--
	}
	return append(b, digits[:n]...)
}

// BigInt writes an arbitrary-precision integer; nil writes nothing.
func (e *Encoder) BigInt(v *big.Int) {
	e.text()
	if v != nil {
		e.buf = v.Append(e.buf, 10)
	}
}

// BigFloat writes an arbitrary-precision number with the fewest digits that
// identify it; nil writes nothing.
func (e *Encoder) BigFloat(v *big.Float) {
	e.text()
	switch {
	case v == nil:
	case v.IsInf() && v.Signbit():
		e.buf = append(e.buf, "-Infinity"...)
	case v.IsInf():
		e.buf = append(e.buf, "Infinity"...)
	default:
		e.buf = v.Append(e.buf, 'g', -1)
	}
}
