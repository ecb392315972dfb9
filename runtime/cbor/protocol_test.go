package cbor

import (
	"encoding/base64"
	"math"
	"testing"
	"time"
)

// Bodies from the Smithy rpcv2Cbor protocol tests (smithy-protocol-tests,
// model/rpcv2Cbor), run through serializers and deserializers written the
// way the generator will emit them.

type scalars struct {
	ByteValue         *int8
	DoubleValue       *float64
	FalseBooleanValue *bool
	FloatValue        *float32
	IntegerValue      *int32
	LongValue         *int64
	ShortValue        *int16
	StringValue       *string
	TrueBooleanValue  *bool
	BlobValue         []byte
	DateTime          *time.Time
}

func decodeScalars(d *Decoder, v *scalars) {
	if !d.ObjectStart() {
		return
	}
	for {
		k, ok := d.NextKey()
		if !ok {
			return
		}
		if d.Null() {
			continue
		}
		switch string(k) {
		case "byteValue":
			v.ByteValue = d.Int8Ptr()
		case "doubleValue", "value":
			v.DoubleValue = d.Float64Ptr()
		case "falseBooleanValue":
			v.FalseBooleanValue = d.BoolPtr()
		case "floatValue":
			v.FloatValue = d.Float32Ptr()
		case "integerValue":
			v.IntegerValue = d.Int32Ptr()
		case "longValue":
			v.LongValue = d.Int64Ptr()
		case "shortValue":
			v.ShortValue = d.Int16Ptr()
		case "stringValue":
			v.StringValue = d.StringPtr()
		case "trueBooleanValue":
			v.TrueBooleanValue = d.BoolPtr()
		case "blobValue":
			v.BlobValue = d.Blob()
		case "datetime":
			v.DateTime = d.TimestampPtr()
		default:
			d.Skip()
		}
	}
}

// encodeScalars writes members in declaration order, skipping nil ones, as
// an indefinite-length map.
func encodeScalars(e *Encoder, v *scalars) {
	e.MapStartIndefinite()
	if v.ByteValue != nil {
		e.Key("byteValue")
		e.Int64(int64(*v.ByteValue))
	}
	if v.DoubleValue != nil {
		e.Key("doubleValue")
		e.Float64(*v.DoubleValue)
	}
	if v.FalseBooleanValue != nil {
		e.Key("falseBooleanValue")
		e.Bool(*v.FalseBooleanValue)
	}
	if v.FloatValue != nil {
		e.Key("floatValue")
		e.Float32(*v.FloatValue)
	}
	if v.IntegerValue != nil {
		e.Key("integerValue")
		e.Int64(int64(*v.IntegerValue))
	}
	if v.LongValue != nil {
		e.Key("longValue")
		e.Int64(*v.LongValue)
	}
	if v.ShortValue != nil {
		e.Key("shortValue")
		e.Int64(int64(*v.ShortValue))
	}
	if v.StringValue != nil {
		e.Key("stringValue")
		e.String(*v.StringValue)
	}
	if v.TrueBooleanValue != nil {
		e.Key("trueBooleanValue")
		e.Bool(*v.TrueBooleanValue)
	}
	if v.BlobValue != nil {
		e.Key("blobValue")
		e.Blob(v.BlobValue)
	}
	if v.DateTime != nil {
		e.Key("datetime")
		e.Timestamp(*v.DateTime)
	}
	e.Break()
}

func ptr[T any](v T) *T { return &v }

// fullScalars is the params of RpcV2CborSimpleScalarProperties and the tests
// that share its values.
func fullScalars() scalars {
	return scalars{
		ByteValue: ptr[int8](5), DoubleValue: ptr(1.889), FalseBooleanValue: ptr(false),
		FloatValue: ptr[float32](7.625), IntegerValue: ptr[int32](256), LongValue: ptr[int64](9873),
		ShortValue: ptr[int16](9898), StringValue: ptr("simple"), TrueBooleanValue: ptr(true),
		BlobValue: []byte("foo"),
	}
}

func (s scalars) flat() []any {
	deref := func(p any) any {
		switch p := p.(type) {
		case *int8:
			if p != nil {
				return *p
			}
		case *int16:
			if p != nil {
				return *p
			}
		case *int32:
			if p != nil {
				return *p
			}
		case *int64:
			if p != nil {
				return *p
			}
		case *float32:
			if p != nil {
				return *p
			}
		case *float64:
			if p != nil {
				return *p
			}
		case *bool:
			if p != nil {
				return *p
			}
		case *string:
			if p != nil {
				return *p
			}
		case *time.Time:
			if p != nil {
				return *p
			}
		}
		return nil
	}
	return []any{deref(s.ByteValue), deref(s.DoubleValue), deref(s.FalseBooleanValue), deref(s.FloatValue),
		deref(s.IntegerValue), deref(s.LongValue), deref(s.ShortValue), deref(s.StringValue),
		deref(s.TrueBooleanValue), s.BlobValue, deref(s.DateTime)}
}

func TestSmithyProtocolBodiesDecode(t *testing.T) {
	full := fullScalars()
	noLong := fullScalars()
	noLong.LongValue = nil
	for _, tc := range []struct {
		id   string
		body string
		want scalars
	}{
		{"RpcV2CborSimpleScalarProperties", "v2lieXRlVmFsdWUFa2RvdWJsZVZhbHVl+z/+OVgQYk3TcWZhbHNlQm9vbGVhblZhbHVl9GpmbG9hdFZhbHVl+kD0AABsaW50ZWdlclZhbHVlGQEAaWxvbmdWYWx1ZRkmkWpzaG9ydFZhbHVlGSaqa3N0cmluZ1ZhbHVlZnNpbXBsZXB0cnVlQm9vbGVhblZhbHVl9WlibG9iVmFsdWVDZm9v/w==", full},
		{"RpcV2CborSimpleScalarPropertiesUsingIndefiniteLength", "qmlieXRlVmFsdWUFf2Zkb3VibGVlVmFsdWX/+z/+OVgQYk3Tf2VmYWxzZWdCb29sZWFuZVZhbHVl//RqZmxvYXRWYWx1ZfpA9AAAbGludGVnZXJWYWx1ZRkBAGlsb25nVmFsdWUZJpFqc2hvcnRWYWx1ZRkmqn9mc3RyaW5nZVZhbHVl/2ZzaW1wbGVwdHJ1ZUJvb2xlYW5WYWx1ZfVpYmxvYlZhbHVlQ2Zvbw==", full},
		{"RpcV2CborSimpleScalarPropertiesUsingDefiniteLength", "qXB0cnVlQm9vbGVhblZhbHVl9XFmYWxzZUJvb2xlYW5WYWx1ZfRpYnl0ZVZhbHVlBWtkb3VibGVWYWx1Zfs//jlYEGJN02pmbG9hdFZhbHVl+kD0AABsaW50ZWdlclZhbHVlGQEAanNob3J0VmFsdWUZJqprc3RyaW5nVmFsdWVmc2ltcGxlaWJsb2JWYWx1ZUNmb28=", noLong},
		{"RpcV2CborExtraFieldsInTheBodyShouldBeSkippedByClients", "v2lieXRlVmFsdWUFa2RvdWJsZVZhbHVl+z/+OVgQYk3TcWZhbHNlQm9vbGVhblZhbHVl9GpmbG9hdFZhbHVl+kD0AABrZXh0cmFPYmplY3S/c2luZGVmaW5pdGVMZW5ndGhNYXC/a3dpdGhBbkFycmF5nwECA///cWRlZmluaXRlTGVuZ3RoTWFwo3J3aXRoQURlZmluaXRlQXJyYXmDAQIDeB1hbmRTb21lSW5kZWZpbml0ZUxlbmd0aFN0cmluZ3gfdGhhdCBoYXMsIGJlZW4gY2h1bmtlZCBvbiBjb21tYWxub3JtYWxTdHJpbmdjZm9vanNob3J0VmFsdWUZJw9uc29tZU90aGVyRmllbGR2dGhpcyBzaG91bGQgYmUgc2tpcHBlZP9saW50ZWdlclZhbHVlGQEAaWxvbmdWYWx1ZRkmkWpzaG9ydFZhbHVlGSaqa3N0cmluZ1ZhbHVlZnNpbXBsZXB0cnVlQm9vbGVhblZhbHVl9WlibG9iVmFsdWVDZm9v/w==", full},
		{"RpcV2CborClientDoesntDeserializeNullStructureValues", "v2tzdHJpbmdWYWx1Zfb/", scalars{}},
		{"RpcV2CborSupportsNaNFloatOutputs", "v2tkb3VibGVWYWx1Zft/+AAAAAAAAGpmbG9hdFZhbHVl+n/AAAD/", scalars{DoubleValue: ptr(math.NaN()), FloatValue: ptr(float32(math.NaN()))}},
		{"RpcV2CborSupportsInfinityFloatOutputs", "v2tkb3VibGVWYWx1Zft/8AAAAAAAAGpmbG9hdFZhbHVl+n+AAAD/", scalars{DoubleValue: ptr(math.Inf(1)), FloatValue: ptr(float32(math.Inf(1)))}},
		{"RpcV2CborSupportsNegativeInfinityFloatOutputs", "v2tkb3VibGVWYWx1Zfv/8AAAAAAAAGpmbG9hdFZhbHVl+v+AAAD/", scalars{DoubleValue: ptr(math.Inf(-1)), FloatValue: ptr(float32(math.Inf(-1)))}},
		{"RpcV2CborSupportsUpcastingDataOnDeserialize", "v2tkb3VibGVWYWx1Zfk+AGpmbG9hdFZhbHVl+UegbGludGVnZXJWYWx1ZRg4aWxvbmdWYWx1ZRkBAGpzaG9ydFZhbHVlCv8=", scalars{DoubleValue: ptr(1.5), FloatValue: ptr[float32](7.625), IntegerValue: ptr[int32](56), LongValue: ptr[int64](256), ShortValue: ptr[int16](10)}},
		{"RpcV2CborIndefiniteLengthStringsCanBeDeserialized", "oWtzdHJpbmdWYWx1ZX94HUFuIGV4YW1wbGUgaW5kZWZpbml0ZSBzdHJpbmcscSBjaHVua2VkIG9uIGNvbW1h/w==", scalars{StringValue: ptr("An example indefinite string, chunked on comma")}},
		{"RpcV2CborIndefiniteLengthByteStringsCanBeDeserialized", "oWlibG9iVmFsdWVfWCJBbiBleGFtcGxlIGluZGVmaW5pdGUtYnl0ZSBzdHJpbmcsUSBjaHVua2VkIG9uIGNvbW1h/w==", scalars{BlobValue: []byte("An example indefinite-byte string, chunked on comma")}},
		{"RpcV2CborFloat16Inf", "oWV2YWx1Zfl8AA==", scalars{DoubleValue: ptr(math.Inf(1))}},
		{"RpcV2CborFloat16NegInf", "oWV2YWx1Zfn8AA==", scalars{DoubleValue: ptr(math.Inf(-1))}},
		{"RpcV2CborFloat16LSBNaN", "oWV2YWx1Zfl8AQ==", scalars{DoubleValue: ptr(math.NaN())}},
		{"RpcV2CborFloat16MSBNaN", "oWV2YWx1Zfl+AA==", scalars{DoubleValue: ptr(math.NaN())}},
		{"RpcV2CborFloat16Subnormal", "oWV2YWx1ZfkAUA==", scalars{DoubleValue: ptr(0.00000476837158203125)}},
		{"RpcV2CborDateTimeWithFractionalSeconds", "v2hkYXRldGltZcH7Qcw32zgPvnf/", scalars{DateTime: ptr(time.UnixMilli(946845296123).UTC())}},
	} {
		body, err := base64.StdEncoding.DecodeString(tc.body)
		if err != nil {
			t.Fatal(err)
		}
		for _, shared := range []bool{false, true} {
			var d Decoder
			if shared {
				d.ResetString(string(body))
			} else {
				d.Reset(body)
			}
			var got scalars
			decodeScalars(&d, &got)
			d.End()
			if err := d.Err(); err != nil {
				t.Errorf("%s: %v", tc.id, err)
				continue
			}
			if !equal(tc.want.flat(), got.flat()) {
				t.Errorf("%s (shared=%v):\n got %v\nwant %v", tc.id, shared, got.flat(), tc.want.flat())
			}
		}
	}
}

func TestSmithyProtocolBodiesEncode(t *testing.T) {
	for _, tc := range []struct {
		id   string
		in   scalars
		body string
	}{
		{"RpcV2CborSimpleScalarProperties", fullScalars(), "v2lieXRlVmFsdWUFa2RvdWJsZVZhbHVl+z/+OVgQYk3TcWZhbHNlQm9vbGVhblZhbHVl9GpmbG9hdFZhbHVl+kD0AABsaW50ZWdlclZhbHVlGQEAaWxvbmdWYWx1ZRkmkWpzaG9ydFZhbHVlGSaqa3N0cmluZ1ZhbHVlZnNpbXBsZXB0cnVlQm9vbGVhblZhbHVl9WlibG9iVmFsdWVDZm9v/w=="},
		{"RpcV2CborClientDoesntSerializeNullStructureValues", scalars{}, "v/8="},
		{"RpcV2CborSupportsNaNFloatInputs", scalars{DoubleValue: ptr(math.NaN()), FloatValue: ptr(float32(math.NaN()))}, "v2tkb3VibGVWYWx1Zft/+AAAAAAAAGpmbG9hdFZhbHVl+n/AAAD/"},
		{"RpcV2CborSupportsInfinityFloatInputs", scalars{DoubleValue: ptr(math.Inf(1)), FloatValue: ptr(float32(math.Inf(1)))}, "v2tkb3VibGVWYWx1Zft/8AAAAAAAAGpmbG9hdFZhbHVl+n+AAAD/"},
		{"RpcV2CborSupportsNegativeInfinityFloatInputs", scalars{DoubleValue: ptr(math.Inf(-1)), FloatValue: ptr(float32(math.Inf(-1)))}, "v2tkb3VibGVWYWx1Zfv/8AAAAAAAAGpmbG9hdFZhbHVl+v+AAAD/"},
		// The response test's body, as a server would write it.
		{"RpcV2CborDateTimeWithFractionalSeconds", scalars{DateTime: ptr(time.UnixMilli(946845296123))}, "v2hkYXRldGltZcH7Qcw32zgPvnf/"},
	} {
		e := NewEncoder()
		encodeScalars(e, &tc.in)
		if got := base64.StdEncoding.EncodeToString(e.Bytes()); got != tc.body {
			t.Errorf("%s:\n got %s\nwant %s", tc.id, got, tc.body)
		}
		e.Release()
	}
}
