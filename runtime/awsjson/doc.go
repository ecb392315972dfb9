// Package awsjson is the JSON codec behind eucsdk's generated awsJson1_0 and
// awsJson1_1 serializers and deserializers.
//
// Generated code knows every shape statically, so instead of going through
// reflection or an interface{} tree (as encoding/json and aws-sdk-go-v2 do) it
// drives this package directly: an Encoder that appends tokens to a byte
// slice, and a pull Decoder that hands out one value at a time straight from
// the response bytes. Keeping the codec this small is what lets a generated
// deserializer beat encoding/json while allocating little more than the
// strings and slices it returns.
//
// The Decoder validates everything it consumes, has sticky errors that carry a
// byte offset, caps nesting at MaxDepth, and never panics on any input, so
// generated code can be written as straight-line calls that check Err once at
// the end.
package awsjson
