// Package awsquery is the form encoder behind eucsdk's generated awsQuery
// and ec2Query request serializers.
//
// A query request is Action and Version followed by one key=value pair per
// scalar, keys built from member names joined by '.': "Nested.StringArg",
// "ListArg.member.1" (ec2Query and flattened lists: "ListArg.1"),
// "MapArg.entry.1.key" (flattened: "MapArg.1.key"). The generator knows
// every name statically (member name, xmlName, ec2QueryName, the
// capitalization ec2Query applies), so it passes final names and this
// package does no naming of its own: it keeps the prefix stack, numbers
// nothing by itself, and escapes keys and values as RFC 3986 percent-encoding
// with spaces as %20.
//
// Values come in the order generated code writes them, which is model order,
// so bodies are deterministic; map entries are numbered in SortedKeys order.
// The Encoder's buffers are pooled, so building a body allocates nothing on
// the common path.
//
// Responses of both protocols are XML and are read with package awsxml.
//
// Query and EC2 are the protocol values (wire.Protocol) generated services
// point to. Their adapters differ from awsjson's in what they are handed:
// Serializer takes the operation's Action and the service's Version, which
// the body starts with, and Deserializer takes the protocol and operation
// name, because the response wrapper (<OpResponse><OpResult>, or ec2Query's
// bare <OpResponse>) is named after the operation. ModeledErrors positions
// the decoder inside either envelope's <Error>, so an error structure is
// read like any other. Request ids in response bodies are not yet reported
// in ResultMetadata: the pipeline reads them from the x-amzn-RequestId
// header only.
package awsquery
