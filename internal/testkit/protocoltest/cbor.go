package protocoltest

import (
	"encoding/base64"
	"errors"
	"fmt"
	"math"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// CBORMediaType is the bodyMediaType of rpcv2Cbor cases, whose bodies the
// test traits give in base64.
const CBORMediaType = "application/cbor"

// cborTag is a tagged CBOR value, kept as such so a timestamp (tag 1) never
// equals a bare number.
type cborTag struct {
	Tag   uint64
	Value any
}

// CBORDiff compares two CBOR bodies as decoded values, not bytes: a map's
// key order, definite or indefinite lengths, chunked strings and the width
// of a float or integer do not matter. Empty bodies equal each other only.
func CBORDiff(got, want []byte) string {
	if len(got) == 0 || len(want) == 0 {
		if len(got) == len(want) {
			return ""
		}
		return fmt.Sprintf("got %d bytes, want %d", len(got), len(want))
	}
	g, err := decodeCBORValue(got)
	if err != nil {
		return "got is not CBOR: " + err.Error()
	}
	w, err := decodeCBORValue(want)
	if err != nil {
		return "want is not CBOR: " + err.Error()
	}
	return cmp.Diff(g, w, cmpopts.EquateNaNs())
}

// DecodeBase64Body is a case's base64 body as bytes; a body that is not
// base64 is a broken test case, reported as such.
func DecodeBase64Body(s string) ([]byte, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("protocol test body is not base64: %w", err)
	}
	return b, nil
}

func decodeCBORValue(b []byte) (any, error) {
	r := &cborReader{b: b}
	v, err := r.value(0)
	if err == nil && r.pos != len(b) {
		err = fmt.Errorf("offset %d: %d bytes after the value", r.pos, len(b)-r.pos)
	}
	return v, err
}

// cborReader is a small generic decoder for comparing test bodies; the
// client's own decoder is what the tests test, so it is not used here.
type cborReader struct {
	b   []byte
	pos int
}

var errCBORBreak = errors.New("break")

func (r *cborReader) need(n uint64) error {
	if uint64(len(r.b)-r.pos) < n {
		return fmt.Errorf("offset %d: truncated", r.pos)
	}
	return nil
}

func (r *cborReader) head() (major byte, info byte, arg uint64, err error) {
	if err = r.need(1); err != nil {
		return
	}
	c := r.b[r.pos]
	r.pos++
	major, info = c>>5, c&0x1f
	switch {
	case info < 24:
		arg = uint64(info)
	case info <= 27:
		n := uint64(1) << (info - 24)
		if err = r.need(n); err != nil {
			return
		}
		for i := uint64(0); i < n; i++ {
			arg = arg<<8 | uint64(r.b[r.pos])
			r.pos++
		}
	case info == 31:
	default:
		err = fmt.Errorf("offset %d: reserved additional info %d", r.pos-1, info)
	}
	return
}

func (r *cborReader) value(depth int) (any, error) {
	if depth > 64 {
		return nil, errors.New("nested too deep")
	}
	major, info, arg, err := r.head()
	if err != nil {
		return nil, err
	}
	indef := info == 31
	switch major {
	case 0:
		return int64OrBig(arg, false), nil
	case 1:
		return int64OrBig(arg, true), nil
	case 2, 3:
		var s []byte
		if indef {
			for {
				v, err := r.value(depth + 1)
				if err == errCBORBreak {
					break
				}
				if err != nil {
					return nil, err
				}
				switch c := v.(type) {
				case []byte:
					s = append(s, c...)
				case string:
					s = append(s, c...)
				}
			}
		} else {
			if err := r.need(arg); err != nil {
				return nil, err
			}
			s = append([]byte{}, r.b[r.pos:r.pos+int(arg)]...)
			r.pos += int(arg)
		}
		if major == 3 {
			return string(s), nil
		}
		if s == nil {
			s = []byte{}
		}
		return s, nil
	case 4:
		out := []any{}
		for i := uint64(0); indef || i < arg; i++ {
			v, err := r.value(depth + 1)
			if indef && err == errCBORBreak {
				break
			}
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case 5:
		out := map[string]any{}
		for i := uint64(0); indef || i < arg; i++ {
			k, err := r.value(depth + 1)
			if indef && err == errCBORBreak {
				break
			}
			if err != nil {
				return nil, err
			}
			v, err := r.value(depth + 1)
			if err != nil {
				return nil, err
			}
			out[fmt.Sprint(k)] = v
		}
		return out, nil
	case 6:
		v, err := r.value(depth + 1)
		if err != nil {
			return nil, err
		}
		if n, ok := v.(int64); ok && arg == 1 {
			// Epoch seconds may be sent as an integer or a float; the
			// instant is what must match.
			v = float64(n)
		}
		return cborTag{arg, v}, nil
	}
	switch info {
	case 20:
		return false, nil
	case 21:
		return true, nil
	case 22, 23:
		return nil, nil
	case 25:
		return halfFloat(uint16(arg)), nil
	case 26:
		return float64(math.Float32frombits(uint32(arg))), nil
	case 27:
		return math.Float64frombits(arg), nil
	case 31:
		return nil, errCBORBreak
	}
	return nil, fmt.Errorf("offset %d: simple value %d", r.pos, arg)
}

// int64OrBig keeps integers that fit int64 comparable with each other
// whatever width they were sent in.
func int64OrBig(arg uint64, neg bool) any {
	if arg <= math.MaxInt64 {
		if neg {
			return -1 - int64(arg)
		}
		return int64(arg)
	}
	if neg {
		return fmt.Sprintf("-1-%d", arg)
	}
	return arg
}

func halfFloat(h uint16) float64 {
	exp, frac := (h>>10)&0x1f, float64(h&0x3ff)
	var f float64
	switch exp {
	case 0:
		f = math.Ldexp(frac, -24)
	case 31:
		if frac == 0 {
			f = math.Inf(1)
		} else {
			f = math.NaN()
		}
	default:
		f = math.Ldexp(frac+1024, int(exp)-25)
	}
	if h&0x8000 != 0 {
		f = -f
	}
	return f
}
