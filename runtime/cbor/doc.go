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
// it decodes the whole body into a tree of interface values that generated
// code then converts, and encodes from such a tree. BenchmarkCodec measures
// both on a 50-item, 32 KB response (go test -bench . -benchmem -count=5,
// medians on a shared 2-core machine): decoding took 530 µs, 51 KiB and 102
// allocations here against 3.8 ms, 269 KiB and 4,413 with smithy-go;
// encoding 91 µs with no allocation against 1.1 ms, 165 KiB and 1,706. The
// benchmark decided: this package. docs/PERFORMANCE.md ("CBOR codec") has
// the details.
package cbor
