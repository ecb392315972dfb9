// Package ir is the resolved representation the emitters read: every Go
// name, type, nullability and documentation decision is made once, by the
// resolve package, and stored here. Slices are sorted; there are no maps to
// range over.
package ir

import "encoding/json"

// Kind classifies a Smithy shape as the generated Go code sees it.
type Kind int

const (
	String Kind = iota
	Bool
	Byte
	Short
	Int
	Long
	Float
	Double
	BigInt
	BigDecimal
	Timestamp
	Blob
	Document
	Enum
	IntEnum
	Struct
	Union
	List
	Map
)

// Scalar reports whether values of the kind are read and written in one call.
func (k Kind) Scalar() bool { return k <= Blob || k == Enum || k == IntEnum }

// Service is one generated client package.
type Service struct {
	ShapeID      string
	Name         string // the service shape's name, e.g. PhotonAdminProxyService
	ServiceID    string // aws.api#service sdkId, e.g. AppStream
	Title        string
	Doc          string
	Version      string
	Package      string // Go package name
	ImportPath   string
	TypesPath    string
	ServerPath   string // server-side codecs, for emulators and tests
	DocumentPath string

	Protocol    Protocol
	SigningName string

	EndpointRuleSet json.RawMessage // compact JSON of smithy.rules#endpointRuleSet
	EndpointParams  []EndpointParam
	EndpointTests   []EndpointTest

	Operations []*Operation
	// Types are the named shapes of the types package: structures, unions,
	// enums, intEnums and errors, sorted by Go name.
	Types []*Shape
	// Aggregates are every structure, union, list and map that needs a
	// serializer, deserializer or validator, sorted by function name.
	Aggregates []*Shape

	Unsupported []Unsupported
	// HasDocuments is true when a member targets a document shape.
	HasDocuments bool
}

// Protocol is the wire protocol of the service.
type Protocol struct {
	Name         string // awsJson1_0 or awsJson1_1
	ContentType  string
	TargetPrefix string // X-Amz-Target is TargetPrefix.Operation; empty for protocols without it
	// CodecPath is the runtime package of the protocol's codec: it holds the
	// protocol value named Value and the Serializer, Deserializer and
	// ModeledErrors adapters generated code hands its per-shape codecs to.
	CodecPath string
	Value     string
	// Query marks awsQuery and ec2Query: form requests whose adapters take
	// the operation's Action and the service's Version, XML responses.
	Query bool
	// EC2 marks ec2Query among the query protocols.
	EC2 bool
}

// EndpointParam is one parameter of the endpoint rule set.
type EndpointParam struct {
	Name     string
	GoName   string
	Type     string // string, boolean or stringArray
	BuiltIn  string
	Required bool
	Default  json.RawMessage
	Doc      string
}

// EndpointTest is one case of smithy.rules#endpointTests.
type EndpointTest struct {
	Doc     string
	Params  json.RawMessage
	Expect  json.RawMessage
	SkipWhy string
}

// Unsupported records a model feature the generator cannot express.
type Unsupported struct {
	Operation string
	ShapeID   string
	Reason    string
}

// Operation is one API call.
type Operation struct {
	ShapeID    string
	Name       string // Go and wire name
	Doc        string
	Deprecated string
	Input      *Shape
	Output     *Shape
	Errors     []*Shape
	Paginator  *Paginator
	Waiters    []*Waiter
	// Idempotency is the input member auto-filled with a UUID when empty.
	Idempotency *Member
	// Compression lists the request encodings of smithy.api#requestCompression.
	Compression []string
	// Tests are the model's smithy.test protocol tests for this operation,
	// including error-shape response tests for the errors it lists.
	Tests []*ProtocolTest
}

// ProtocolTest is one smithy.test#httpRequestTests or httpResponseTests case.
type ProtocolTest struct {
	ID             string
	Doc            string
	Kind           string // request, response or error
	AppliesTo      string // client, server or "" for both
	Params         json.RawMessage
	Method         string
	URI            string
	Host           string      // endpoint host (and path) the case sets
	Headers        [][2]string // sorted by name
	ForbidHeaders  []string
	RequireHeaders []string
	Body           *string
	BodyMediaType  string
	Code           int
	Error          *Shape // for Kind error
}

// Paginator describes smithy.api#paginated on an operation.
type Paginator struct {
	InputToken  *Member
	OutputToken []*Member // path from the output to the token
	PageSize    *Member   // input member, or nil
	Items       []*Member // path from the output to the items list, or nil
	ItemType    *Type
}

// Waiter is one smithy.waiters#waitable waiter.
type Waiter struct {
	Name       string
	Doc        string
	MinDelay   int
	MaxDelay   int
	Deprecated bool
	Acceptors  []Acceptor
}

// Acceptor is one waiter acceptor.
type Acceptor struct {
	State      string // success, failure, retry
	Kind       string // output, inputOutput, success, errorType
	Path       string
	Expected   string
	Comparator string
	Success    bool   // for Kind success
	ErrorType  string // for Kind errorType
}

// Shape is a named or aggregate shape.
type Shape struct {
	ShapeID    string
	Kind       Kind
	GoName     string // type name (structures, unions, enums) or stem for functions
	Package    string // import path of the Go type
	Doc        string
	Deprecated string
	Members    []*Member // structure and union members; enum values are in Values
	Elem       *Member   // list element
	Key, Value *Member   // map key and value
	Sparse     bool
	Sensitive  bool
	Values     []EnumValue
	Error      *ErrorInfo
	IsInput    bool
	IsOutput   bool

	SerFunc      string // name of the serializer function, "" when none is needed
	DeserFunc    string
	ValidateFunc string
}

// EnumValue is one constant of an enum or intEnum.
type EnumValue struct {
	GoName   string
	Value    string
	IntValue int64
	Doc      string
}

// ErrorInfo describes a modeled error structure.
type ErrorInfo struct {
	Code       string
	Fault      string // client or server
	HTTPStatus int
	Retryable  bool
	Throttling bool
}

// Member is a structure or union member, or a list/map element.
type Member struct {
	Name       string // wire name
	GoName     string
	Doc        string
	Deprecated string
	Type       *Type
	Required   bool
	// Constraints describes length, range and pattern for the docs; they are
	// not enforced client-side, so a service that relaxes one never breaks us.
	Constraints      string
	IdempotencyToken bool
	Sensitive        bool
	TimestampFormat  string // epoch-seconds, date-time or http-date
	// Default is the smithy.api#default node value, nil when there is none
	// (or it is null); DefaultWire is the same value as awsJson sends it.
	Default     json.RawMessage
	DefaultWire string
	// UnionType is the Go name of the union's member wrapper type.
	UnionType string

	// XMLName is the member's element name in XML responses (xmlName, or
	// the member name; for list elements "member", for map keys and values
	// "key" and "value" unless renamed).
	XMLName string
	// QueryName is the member's key in awsQuery and ec2Query request forms
	// (awsQuery: xmlName or the member name; ec2Query: ec2QueryName, else
	// xmlName or the member name with its first letter upper-cased).
	QueryName string
	// Flattened is smithy.api#xmlFlattened: list items or map entries repeat
	// the member's own name instead of nesting in a wrapper.
	Flattened bool
	// XMLAttribute is smithy.api#xmlAttribute: the value is an attribute
	// of the enclosing element.
	XMLAttribute bool
}

// Type is the Go type of a member.
type Type struct {
	Kind    Kind
	Shape   *Shape // enums, intEnums, structures, unions, lists and maps
	Pointer bool   // the member holds a pointer to the value
}
