package awsquery

import (
	"encoding/base64"
	"fmt"
	"math"
	"math/big"
	"sort"
	"strconv"
	"sync"
	"time"
)

// Encoder appends an application/x-www-form-urlencoded awsQuery or ec2Query
// request body to a byte slice. Keys are built from a prefix stack:
// generated code Enters a member, list or map entry, writes Key (or Index)
// and a value, and Leaves, in model order; the body is exactly that order.
//
//	e := awsquery.NewEncoder("QueryLists", "2020-01-08")
//	e.Enter("ListArg")
//	e.Enter("member")         // omitted for flattened lists and for ec2Query
//	for i, v := range in.ListArg {
//		e.Index(i + 1)
//		e.String(v)
//	}
//	e.Leave()
//	e.Leave()
//	body := e.Bytes()
type Encoder struct {
	buf []byte
	// prefix is the escaped key prefix, every segment followed by '.';
	// marks holds its length before each Enter.
	prefix []byte
	marks  []int
	err    error
}

// maxPooledBuffer keeps one huge request from pinning its buffer in the pool
// for the life of the process.
const maxPooledBuffer = 64 << 10

var encoderPool = sync.Pool{
	New: func() any {
		return &Encoder{buf: make([]byte, 0, 1024), prefix: make([]byte, 0, 128), marks: make([]int, 0, 16)}
	},
}

// NewEncoder returns an Encoder whose body starts with Action and Version,
// reusing a pooled buffer when one is available so that serialization does
// not allocate per call.
func NewEncoder(action, version string) *Encoder {
	e := encoderPool.Get().(*Encoder)
	e.Reset(action, version)
	return e
}

// Release returns e to the pool. Neither e nor any slice obtained from Bytes
// may be used afterwards.
func (e *Encoder) Release() {
	if cap(e.buf) > maxPooledBuffer {
		return
	}
	e.buf, e.prefix, e.marks, e.err = e.buf[:0], e.prefix[:0], e.marks[:0], nil
	encoderPool.Put(e)
}

// Reset empties the Encoder and writes Action and Version.
func (e *Encoder) Reset(action, version string) {
	e.buf, e.prefix, e.marks, e.err = e.buf[:0], e.prefix[:0], e.marks[:0], nil
	e.buf = append(e.buf, "Action="...)
	e.buf = appendEscaped(e.buf, action)
	e.buf = append(e.buf, "&Version="...)
	e.buf = appendEscaped(e.buf, version)
}

// Bytes returns the body. It aliases the Encoder's buffer, so copy it if it
// must outlive Release or a later write.
func (e *Encoder) Bytes() []byte { return e.buf }

// Fail records the first error of a serializer; Err reports it afterwards.
func (e *Encoder) Fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

// Err returns the first error: one recorded with Fail, or unbalanced
// Enter and Leave calls.
func (e *Encoder) Err() error {
	if e.err == nil && len(e.marks) > 0 {
		return fmt.Errorf("awsquery: %d Enter calls without Leave (prefix %q)", len(e.marks), e.prefix)
	}
	return e.err
}

// Enter appends "name." to the key prefix: a structure member, a list's
// or map's member name, or a map's "entry".
func (e *Encoder) Enter(name string) {
	e.marks = append(e.marks, len(e.prefix))
	e.prefix = appendEscaped(e.prefix, name)
	e.prefix = append(e.prefix, '.')
}

// EnterIndex appends "n." to the key prefix: a list element that is a
// structure, list or map, or a map entry. Indexes start at 1.
func (e *Encoder) EnterIndex(n int) {
	e.marks = append(e.marks, len(e.prefix))
	e.prefix = strconv.AppendInt(e.prefix, int64(n), 10)
	e.prefix = append(e.prefix, '.')
}

// Leave undoes the innermost Enter or EnterIndex.
func (e *Encoder) Leave() {
	n := len(e.marks)
	if n == 0 {
		e.Fail(fmt.Errorf("awsquery: Leave without Enter"))
		return
	}
	e.prefix = e.prefix[:e.marks[n-1]]
	e.marks = e.marks[:n-1]
}

// Key starts a parameter named prefix+name; a value method follows. Key
// alone sends an empty value, which is how awsQuery sends an empty list
// ("ListArg="); ec2Query sends nothing for one.
func (e *Encoder) Key(name string) {
	e.buf = append(e.buf, '&')
	e.buf = append(e.buf, e.prefix...)
	e.buf = appendEscaped(e.buf, name)
	e.buf = append(e.buf, '=')
}

// Index starts a parameter named prefix+n, a scalar list element.
func (e *Encoder) Index(n int) {
	e.buf = append(e.buf, '&')
	e.buf = append(e.buf, e.prefix...)
	e.buf = strconv.AppendInt(e.buf, int64(n), 10)
	e.buf = append(e.buf, '=')
}

// String writes a string value.
func (e *Encoder) String(v string) { e.buf = appendEscaped(e.buf, v) }

// Bool writes true or false.
func (e *Encoder) Bool(v bool) { e.buf = strconv.AppendBool(e.buf, v) }

// Int64 writes an integer; the smaller integer types widen to it.
func (e *Encoder) Int64(v int64) { e.buf = strconv.AppendInt(e.buf, v, 10) }

// Float64 writes a double: "NaN", "Infinity" and "-Infinity" for the
// non-finite values, plain decimal for ordinary magnitudes.
func (e *Encoder) Float64(v float64) { e.float(v, 64) }

// Float32 writes a float with the shortest text that round-trips as float32.
func (e *Encoder) Float32(v float32) { e.float(float64(v), 32) }

func (e *Encoder) float(f float64, bits int) {
	switch {
	case math.IsNaN(f):
		e.buf = append(e.buf, "NaN"...)
		return
	case math.IsInf(f, 1):
		e.buf = append(e.buf, "Infinity"...)
		return
	case math.IsInf(f, -1):
		e.buf = append(e.buf, "-Infinity"...)
		return
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) ||
			bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	if format == 'f' {
		// Digits, '.', '-': nothing to escape.
		e.buf = strconv.AppendFloat(e.buf, f, format, -1, bits)
		return
	}
	var tmp [32]byte
	e.buf = appendEscapedBytes(e.buf, strconv.AppendFloat(tmp[:0], f, format, -1, bits))
}

// Blob writes standard, padded base64, escaped ('+', '/', '=').
func (e *Encoder) Blob(v []byte) {
	for len(v) > 0 {
		// Encode in chunks through a stack buffer to escape without
		// allocating.
		var tmp [192]byte
		n := min(len(v), 144) // 144 bytes -> 192 base64 characters
		base64.StdEncoding.Encode(tmp[:], v[:n])
		e.buf = appendEscapedBytes(e.buf, tmp[:base64.StdEncoding.EncodedLen(n)])
		v = v[n:]
	}
}

// TimestampDateTime writes RFC 3339 in UTC with millisecond precision,
// omitting a zero fraction: the query protocols' default format.
func (e *Encoder) TimestampDateTime(t time.Time) {
	var tmp [40]byte
	e.buf = appendEscapedBytes(e.buf, t.UTC().AppendFormat(tmp[:0], "2006-01-02T15:04:05.999Z"))
}

// TimestampHTTPDate writes an IMF-fixdate, always in GMT.
func (e *Encoder) TimestampHTTPDate(t time.Time) {
	var tmp [40]byte
	e.buf = appendEscapedBytes(e.buf, t.UTC().AppendFormat(tmp[:0], "Mon, 02 Jan 2006 15:04:05 GMT"))
}

// TimestampEpochSeconds writes seconds since the epoch, with a millisecond
// fraction only when there is one.
func (e *Encoder) TimestampEpochSeconds(t time.Time) {
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

// BigInt writes an arbitrary-precision integer; nil writes an empty value.
func (e *Encoder) BigInt(v *big.Int) {
	if v != nil {
		e.buf = v.Append(e.buf, 10)
	}
}

// BigFloat writes an arbitrary-precision number with the fewest digits that
// identify it; nil writes an empty value.
func (e *Encoder) BigFloat(v *big.Float) {
	switch {
	case v == nil:
	case v.IsInf() && v.Signbit():
		e.buf = append(e.buf, "-Infinity"...)
	case v.IsInf():
		e.buf = append(e.buf, "Infinity"...)
	default:
		e.buf = appendEscapedBytes(e.buf, v.Append(nil, 'g', -1))
	}
}

// SortedKeys returns m's keys in byte order. Go maps have no order, and the
// body must be deterministic, so generated code numbers map entries in this
// order (the order the protocol tests expect).
func SortedKeys[M ~map[string]V, V any](m M) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// unreserved marks the bytes sent as they are: RFC 3986's unreserved set.
// Everything else is percent-encoded, the space as %20 rather than '+',
// which is what AWS's canonicalization and the protocol tests expect.
var unreserved = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '-' || c == '_' || c == '.' || c == '~'
	}
	return t
}()

const upperhex = "0123456789ABCDEF"

func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreserved[c] {
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, '%', upperhex[c>>4], upperhex[c&15])
		last = i + 1
	}
	return append(b, s[last:]...)
}

func appendEscapedBytes(b, s []byte) []byte {
	for _, c := range s {
		if unreserved[c] {
			b = append(b, c)
		} else {
			b = append(b, '%', upperhex[c>>4], upperhex[c&15])
		}
	}
	return b
}
