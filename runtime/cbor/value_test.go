package cbor

import (
	"math"
	"math/big"
	"reflect"
	"time"
)

// The tests compare whole items, so they need a generic reading of CBOR that
// generated code never does. These types are that reading, built only from
// the Decoder's own methods (plus a peek at the next byte, which generated
// code never needs because the model says what comes next).

type (
	pair struct{ K, V any }
	// mapv keeps pairs in wire order; Appendix A has non-text keys.
	mapv   []pair
	tagged struct {
		Num uint64
		V   any
	}
	simple    uint8
	undefined struct{}
	indefBlob []byte // a joined indefinite-length byte string
	indefText string
)

// value reads any item into the generic form: uint64 for major 0, a
// negative int64 (or *big.Int below MinInt64) for major 1, []byte, string,
// []any, mapv, tagged, bool, nil, undefined, simple, float64.
func value(d *Decoder) any {
	c, ok := d.peek()
	if !ok {
		return nil
	}
	switch c >> 5 {
	case 0:
		_, n, _ := d.definiteHead()
		return n
	case 1:
		v := d.BigInt()
		if v != nil && v.IsInt64() {
			return v.Int64()
		}
		return v
	case 2:
		indef := c&0x1f == infoIndefinite
		b := d.Blob()
		if indef {
			return indefBlob(b)
		}
		return b
	case 3:
		indef := c&0x1f == infoIndefinite
		s := d.String()
		if indef {
			return indefText(s)
		}
		return s
	case 4:
		out := []any{}
		if !d.push(false) {
			return nil
		}
		for d.more(false) {
			out = append(out, value(d))
		}
		return out
	case 5:
		out := mapv{}
		if !d.push(true) {
			return nil
		}
		for d.more(true) {
			k := value(d)
			out = append(out, pair{k, value(d)})
		}
		return out
	case 6:
		// Iterative, like Skip: a body may hold a long run of tags.
		var tags []uint64
		for c>>5 == 6 {
			n, ok := d.tagHead()
			if !ok {
				return nil
			}
			tags = append(tags, n)
			if c, ok = d.peek(); !ok {
				return nil
			}
		}
		v := value(d)
		for i := len(tags) - 1; i >= 0; i-- {
			v = tagged{tags[i], v}
		}
		return v
	}
	switch c {
	case byteFalse, byteTrue:
		return d.Bool()
	case byteNull:
		d.pos++
		return nil
	case byteUndefined:
		d.pos++
		return undefined{}
	case byteFloat16, byteFloat32, byteFloat64:
		return d.Float64()
	case 0xf8:
		d.Skip()
		if d.err != nil {
			return nil
		}
		return simple(d.data[d.pos-1])
	}
	d.Skip()
	if d.err != nil {
		return nil
	}
	return simple(c & 0x1f)
}

// encodeValue writes the generic form back with the Encoder's methods,
// choosing the encodings value's types stand for.
func encodeValue(e *Encoder, v any) {
	switch v := v.(type) {
	case uint64:
		e.Uint64(v)
	case int64:
		e.Int64(v)
	case *big.Int:
		e.BigInt(v)
	case []byte:
		e.Blob(v)
	case indefBlob:
		e.buf = append(e.buf, majorBytes|infoIndefinite)
		if len(v) > 0 {
			e.Blob(v)
		}
		e.Break()
	case string:
		e.String(v)
	case indefText:
		e.buf = append(e.buf, majorText|infoIndefinite)
		if len(v) > 0 {
			e.String(string(v))
		}
		e.Break()
	case []any:
		e.ArrayStart(len(v))
		for _, x := range v {
			encodeValue(e, x)
		}
	case mapv:
		e.MapStart(len(v))
		for _, p := range v {
			encodeValue(e, p.K)
			encodeValue(e, p.V)
		}
	case tagged:
		x := any(v)
		for t, ok := x.(tagged); ok; t, ok = x.(tagged) {
			e.Tag(t.Num)
			x = t.V
		}
		encodeValue(e, x)
	case bool:
		e.Bool(v)
	case nil:
		e.Null()
	case undefined:
		e.buf = append(e.buf, byteUndefined)
	case simple:
		if v < 32 {
			e.buf = append(e.buf, majorSimple|byte(v))
		} else {
			e.buf = append(e.buf, 0xf8, byte(v))
		}
	case float64:
		e.Float64(v)
	default:
		panic("encodeValue: unexpected type")
	}
}

// sameFloat treats NaNs as equal, for comparing decoded values.
func sameFloat(a, b float64) bool {
	return a == b && math.Signbit(a) == math.Signbit(b) || math.IsNaN(a) && math.IsNaN(b)
}

// equal is reflect.DeepEqual except that NaNs are equal to each other, the
// sign of zero counts, *big.Int compares by value and time.Time by instant.
// (The package is a leaf: its tests use only the standard library.)
func equal(a, b any) bool {
	switch a := a.(type) {
	case float64:
		b, ok := b.(float64)
		return ok && sameFloat(a, b)
	case float32:
		b, ok := b.(float32)
		return ok && sameFloat(float64(a), float64(b))
	case *big.Int:
		b, ok := b.(*big.Int)
		return ok && (a == nil) == (b == nil) && (a == nil || a.Cmp(b) == 0)
	case time.Time:
		b, ok := b.(time.Time)
		return ok && a.Equal(b)
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !equal(a[i], b[i]) {
				return false
			}
		}
		return true
	case mapv:
		b, ok := b.(mapv)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !equal(a[i].K, b[i].K) || !equal(a[i].V, b[i].V) {
				return false
			}
		}
		return true
	case tagged:
		var x, y any = a, b
		for {
			tx, okx := x.(tagged)
			ty, oky := y.(tagged)
			if !okx || !oky {
				return !okx && !oky && equal(x, y)
			}
			if tx.Num != ty.Num {
				return false
			}
			x, y = tx.V, ty.V
		}
	}
	return reflect.DeepEqual(a, b)
}
