// Package pipeline is the request path every generated client shares.
// Generated packages describe their service and operations; this package
// does the work, so generated code stays thin.
//
// # One path
//
// A call runs these steps, each one function in invoke.go:
//
//	validate → fill idempotency token → serialize (protocol frames, codec writes)
//	→ compress → begin (endpoint, payload hash, invocation id)
//	→ retry loop { build request → sign → send → read: error or output }
//
// Without APIOptions, Invoke calls them in order. With APIOptions, stack.go
// wraps the same functions as smithy-go middleware on aws-sdk-go-v2's step
// names (OperationInputValidation, OperationIdempotencyTokenAutoFill,
// OperationSerializer, Retry, Signing, OperationDeserializer), with the send
// step as the stack's handler, so the two paths cannot drift: buildRequest
// is the only place headers are written. TestDirectAndStackSendSameBytes
// holds them to byte-identical requests.
//
// # Protocols are values
//
// The runtime never switches on a protocol name. A Service points to a
// wire.Protocol, which frames a request (method, path, content type,
// addressing headers such as X-Amz-Target) and recognises an error response
// (code and message). An Operation carries the protocol-neutral Serialize
// (writes body and bindings into a wire.Request) and Deserialize (reads a
// wire.Response), which generated code gets by converting its per-shape
// codecs to its codec package's adapter types: for awsJson,
//
//	Serialize:   awsjson.Serializer[XInput](serializeOpXInput),
//	Deserialize: awsjson.Deserializer[XOutput](deserializeOpXOutput),
//
// and ModeledError: awsjson.ModeledErrors(newModeledError) on the Service.
// These are conversions (or, for awsQuery's Action and Version, composite
// literals), never calls, so every descriptor is static data and a program
// links the codecs of the operations it calls and no others.
//
// To add a protocol (rpcv2Cbor, restJson1, restXml, awsQuery, ec2Query):
//
//  1. In its codec package (runtime/cbor, runtime/xml, ...), implement
//     wire.Protocol and the three adapter types Serializer, Deserializer
//     and ModeledErrors over that codec's encoder and decoder (types with
//     a method, implementing wire.Serializer, wire.Deserializer and
//     wire.ErrorDecoder). rpcv2Cbor's Frame
//     sets the path /service/{Service}/operation/{Operation} and the
//     smithy-protocol header; awsQuery's serializer writes Action and
//     Version into its form body; the REST protocols' Frame sets only the
//     content type, because method, URI labels, query and header bindings
//     depend on the input and are written by the generated per-operation
//     serializer into wire.Request (Method, Path, RawQuery, SetHeader).
//     Response-side bindings (headers, status code) read wire.Response.
//  2. In codegen/resolve, set ir.Protocol's CodecPath and Value for the
//     protocol's trait, and emit that codec's per-shape serializers and
//     deserializers.
//
// Nothing in this package changes. Streaming bodies are the one planned
// extension of wire.Request and wire.Response.
package pipeline
