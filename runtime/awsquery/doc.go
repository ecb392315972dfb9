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
package awsquery
