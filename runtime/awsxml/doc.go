// Package awsxml is the XML codec behind eucsdk's generated awsQuery,
// ec2Query and restXml deserializers (and restXml serializers).
//
// Generated code knows every shape statically, so instead of encoding/xml's
// reflection it drives this package directly, the way awsjson is driven: a
// pull Decoder that hands out one element at a time straight from the
// response bytes, and an Encoder that appends to a byte slice.
//
// A structure deserializer is a loop: Next enters the next child element and
// reports its Name, a switch picks the member, and a typed reader (String,
// Int32, TimestampDateTime, …) consumes the child's text and end tag, or a
// nested deserializer consumes its children, or Skip drops it. Next reports
// false at the parent's end tag, having consumed it. Lists are the same loop
// over <member> (or, flattened, repeated member elements); maps over <entry>
// with <key> and <value>.
//
// The Decoder checks well-formedness as it goes (tag balance, attribute
// syntax, references, XML 1.0 characters), decodes entity and character
// references and CDATA, normalizes line ends, slices text from the input
// without copying when it needs no decoding (and, after ResetString, without
// allocating), caps nesting at MaxDepth and elements at MaxElements, refuses
// DOCTYPE and entity declarations (so entity expansion attacks have nothing
// to expand), has sticky errors carrying byte offset and line, and never
// panics. Namespace prefixes are stripped from names; namespace URIs are not
// resolved, because AWS responses are told apart by element names alone.
//
// Why not encoding/xml: on an IAM ListRoles-shaped response (50 roles,
// 66.8 KB) this Decoder with generated-style code takes 0.08× the CPU time,
// 0.14× the bytes and 0.014× the allocations of xml.Unmarshal into tagged
// structs, and 0.07× the CPU time of encoding/xml's token API driven the same
// way (BenchmarkListRoles; figures in docs/PERFORMANCE.md, "XML codec").
//
// DecodeErrorInfo reads the three error envelopes; QueryResponse and
// EC2Response unwrap the awsQuery and ec2Query response elements.
package awsxml
