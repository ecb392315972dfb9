// Package cbor is the CBOR (RFC 8949) codec behind eucsdk's generated
// rpcv2Cbor serializers and deserializers.
//
// It has the same shape as package awsjson: generated code knows every shape
// statically, so it drives an append-only Encoder and a pull Decoder
// directly, with no reflection and no intermediate value tree. The Decoder
// hands out one value at a time straight from the response bytes (strings
// are sliced from one copy of the body with ResetString), validates
// everything it consumes, has sticky errors that carry a byte offset, caps
// nesting at MaxDepth and elements at MaxElements, checks every declared
// length against the bytes that remain before using it, and never panics on
// any input, so generated code can be straight-line calls that check Err
// once at the end.
//
// Wire choices follow the Smithy rpcv2Cbor protocol: float shapes are
// single-precision floats, doubles double-precision, timestamps tag 1 over
// epoch seconds as a double, bigInteger a plain integer or a tag 2/3
// bignum, bigDecimal a tag 4 decimal fraction. Documents are not part of
// rpcv2Cbor and are not supported. The Decoder accepts every encoding a
// conforming peer may send: definite and indefinite lengths, chunked
// strings, half/single/double floats and integers for float shapes,
// undefined as null.
//
// Why not github.com/aws/smithy-go/encoding/cbor, which aws-sdk-go-v2 uses:
// it decodes the whole body into a tree of interface values and generated
// code then converts the tree. BenchmarkCodec in this package measures both
// on a 50-item response; see docs/PERFORMANCE.md ("CBOR codec") for the
// numbers behind the decision.
package cbor
