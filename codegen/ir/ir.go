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
	// TestPackage and TestImportPath are the external test package the
	// generated protocol tests live in.
	TestPackage, TestImportPath string

	Protocol    Protocol
	SigningName string
	// S3Signing signs as S3 checks signatures: the escaped path as sent,
	// not escaped again nor normalized, and the payload hash in
	// X-Amz-Content-Sha256 (S3 refuses requests without it).
	S3Signing bool

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
	// DocExample is the operation the package doc's example calls, or nil
	// when no operation suits one.
	DocExample *Operation
	// HasDocuments is true when a member targets a document shape.
	HasDocuments bool
}

// Protocol is the wire protocol of the service.
type Protocol struct {
	Name         string // awsJson1_0, awsJson1_1 or rpcv2Cbor
	Trait        string // the protocol trait's shape id
	ContentType  string
	TargetPrefix string // X-Amz-Target is TargetPrefix.Operation; empty for protocols without it
	// PathPrefix is rpcv2Cbor's static path before the operation's name.
	PathPrefix string
	// ModeledErrors is the codec's modeled-error adapter; empty means
	// ModeledErrors.
	ModeledErrors string
	// CodecPath is the runtime package of the protocol's codec: it holds the
	// protocol value named Value and the Serializer, Deserializer and
	// ModeledErrors adapters generated code hands its per-shape codecs to.
	CodecPath string
	Value     string
	// HTTPBindings is true for the REST protocols: operations carry an
	// HTTP binding and members a Location.
	HTTPBindings bool
	// Query marks awsQuery and ec2Query: form requests whose adapters take
	// the operation's Action and the service's Version, XML responses.
	Query bool
	// EC2 marks ec2Query among the query protocols.
	EC2 bool
	// XML marks restXml: HTTP bindings with XML documents, whose root
	// element carries XMLNamespace when the input shape has none of its own.
	XML          bool
	XMLNamespace *XMLNamespace
}

// XMLNamespace is smithy.api#xmlNamespace: written as xmlns (or
// xmlns:Prefix) on the element it applies to.
type XMLNamespace struct {
	Prefix string `json:"prefix"`
	URI    string `json:"uri"`
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

// EndpointBinding is one endpoint rule parameter an operation sets.
type EndpointBinding struct {
	Param string // the rule set's parameter name
	Type  string // the parameter's type: string, boolean or stringarray
	// Static is the constant value (staticContextParams); nil when the
	// value is read from the input.
	Static json.RawMessage
	// Path is the input member read, outermost first: one member for a
	// contextParam, a chain for an operationContextParams path.
	Path []*Member
	// Each, when >= 0, is the index in Path of the list that "[*]" maps
	// over: the members after it are read from each element, giving a
	// string list.
	Each int
	// Keys reads the keys of the map Path ends at ("keys(...)"), sorted.
	Keys bool
}

// EndpointTest is one case of smithy.rules#endpointTests.
type EndpointTest struct {
	Doc     string
	Params  json.RawMessage
	Expect  json.RawMessage
	SkipWhy string
	// Calls are the case's operationInputs: calls of the generated client
	// whose requests must go where Expect says.
	Calls []EndpointCall
}

// EndpointCall is one operationInputs entry of an endpoint test case.
type EndpointCall struct {
	Operation *Operation
	Params    json.RawMessage // the input, as protocol tests give it
	// The SDK built-ins the call sets, as client options.
	Region, Endpoint      *string
	UseFIPS, UseDualStack bool
	// AccountID is the credentials' account id (AWS::Auth::AccountId);
	// AccountIDMode the client's AccountIDEndpointMode.
	AccountID, AccountIDMode *string
	SkipWhy                  string
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
	// File is the operation's file in the client package (api_op_<Name>.go):
	// the method, its input and output, paginator and waiters.
	File string
	// Descriptor is the unexported variable holding the operation's
	// pipeline description.
	Descriptor string
	// APIClient is the one-method interface paginators and waiters take,
	// "" when the operation has neither.
	APIClient string
	Input     *Shape
	Output    *Shape
	Errors    []*Shape
	Paginator *Paginator
	Waiters   []*Waiter
	// Idempotency is the input member auto-filled with a UUID when empty.
	Idempotency *Member
	// Compression lists the request encodings of smithy.api#requestCompression.
	Compression []string
	// LongPolling is set by the aws.api#longPoll trait (from the model or an
	// overlay): the service holds the response open until work arrives, and
	// retries 2.1 backs such calls off even on an empty retry quota.
	LongPolling bool
	// Auth is how the operation's requests are authenticated, from
	// smithy.api#auth and smithy.api#optionalAuth.
	Auth Auth
	// HTTP is the operation's smithy.api#http binding, nil for protocols
	// that address operations otherwise (awsJson).
	HTTP *HTTP
	// HostPrefix is the endpoint trait's host prefix, with {label}s naming
	// hostLabel input members; "" when there is none.
	HostPrefix string
	// EndpointBindings are the endpoint rule parameters this operation
	// sets, sorted by parameter name: from its input
	// (smithy.rules#contextParam, operationContextParams) or constants
	// (staticContextParams).
	EndpointBindings []EndpointBinding
	// UnwrappedXMLOutput is aws.customizations#s3UnwrappedXmlOutput: the
	// response document's root element is the output's only body member.
	UnwrappedXMLOutput bool
	// ChecksumRequired is smithy.api#httpChecksumRequired: send Content-MD5.
	ChecksumRequired bool
	// FixedHeaders are headers a service requires on every request beyond
	// its model (an SDK customization, e.g. API Gateway's Accept), sorted.
	FixedHeaders [][2]string
	// TreeHash is Glacier's customization for uploads: the payload's
	// SHA-256 and SHA-256 tree hash in X-Amz-Content-Sha256 and
	// X-Amz-Sha256-Tree-Hash, unless the caller set them.
	TreeHash bool
	// Tests are the model's smithy.test protocol tests for this operation,
	// including error-shape response tests for the errors it lists.
	Tests []*ProtocolTest
}

// Auth is how an operation authenticates its requests.
type Auth int

const (
	// AuthSigV4 signs every request; a call fails without credentials.
	AuthSigV4 Auth = iota
	// AuthNone never signs nor resolves credentials: the operation's
	// effective auth schemes are empty (@auth([])), as for STS
	// AssumeRoleWithWebIdentity or SSO GetRoleCredentials, which carry
	// their own proof of identity.
	AuthNone
	// AuthOptional signs when credentials resolve and sends the request
	// unsigned when they do not (smithy.api#optionalAuth).
	AuthOptional
)

// ProtocolTest is one smithy.test#httpRequestTests or httpResponseTests case.
type ProtocolTest struct {
	ID             string
	FuncName       string // the generated test function
	Doc            string
	Kind           string // request, response, error or malformed (server-side, never run)
	AppliesTo      string // client, server or "" for both
	Params         json.RawMessage
	Method         string
	URI            string
	Host           string      // endpoint host (and path) the case sets
	ResolvedHost   string      // the host the request must go to
	Headers        [][2]string // sorted by name
	ForbidHeaders  []string
	RequireHeaders []string
	Body           *string
	BodyMediaType  string
	Code           int
	Error          *Shape // for Kind error
	// QueryParams are the "k=v" pairs a request must carry, encoded as sent;
	// ForbidQuery and RequireQuery name keys that must be absent or present.
	QueryParams  []string
	ForbidQuery  []string
	RequireQuery []string
	// SkipWhy, when set, names the service customization the case needs
	// that the generator does not implement; the case is skipped with it.
	SkipWhy string
	// ErrorCode is the code the error reports (vendorParams code of
	// awsQueryCompatible cases), empty when the case names none.
	ErrorCode string
	// NotExpressible says why a client case cannot be written against the
	// generated API (which is aws-sdk-go-v2's), empty when it can.
	NotExpressible string
}

// HTTP is an operation's HTTP binding (smithy.api#http), shared by the REST
// protocols (restJson1 today, restXml later).
type HTTP struct {
	Method string
	// Path is the URI template's path split into segments: literals and
	// labels naming input members.
	Path []PathSegment
	// Query is the template's literal query ("k=v" or "k"), in order.
	Query []string
	Code  int // success status code
}

// PathSegment is one "/"-separated piece of a URI template: a literal, or a
// label ({Name} or greedy {Name+}) bound to an input member.
type PathSegment struct {
	Literal string
	Label   *Member
	Greedy  bool
}

// Location is where an HTTP-bound protocol puts a member.
type Location int

const (
	InBody          Location = iota // a member of the JSON (or XML) document
	InLabel                         // httpLabel: a URI path segment
	InQuery                         // httpQuery
	InQueryParams                   // httpQueryParams: a map spread over the query
	InHeader                        // httpHeader
	InPrefixHeaders                 // httpPrefixHeaders: a map of headers by prefix
	InPayload                       // httpPayload: the whole body
	InStatusCode                    // httpResponseCode
)

// Paginator describes smithy.api#paginated on an operation.
type Paginator struct {
	GoName  string // the paginator type
	Options string // its options type
	New     string // its constructor

	InputToken  *Member
	OutputToken []*Member // path from the output to the token
	PageSize    *Member   // input member, or nil
	Items       []*Member // path from the output to the items list, or nil
	ItemType    *Type
}

// Waiter is one smithy.waiters#waitable waiter.
type Waiter struct {
	Name       string // the model's waiter name
	GoName     string // the waiter type
	Options    string // its options type
	New        string // its constructor
	Match      string // unexported func applying the acceptors to one attempt
	Retryable  string // unexported func, the default Options.Retryable
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

	// XMLName is the element name of a structure or union written as a
	// document root (xmlName, else the shape's name); XMLNamespace is its
	// smithy.api#xmlNamespace, nil when none.
	XMLName      string
	XMLNamespace *XMLNamespace

	// UnionMarker is the unexported method that closes a union's interface.
	UnionMarker string

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
	Constraints string
	// Length, Range and Pattern are the same constraints (the member's
	// traits win over its target's) for servers to enforce. Pattern is the
	// model's text and GoPattern its translation to Go's regexp syntax;
	// both are "" when the model has none or Go cannot express it (then the
	// service lists it as Unsupported).
	Length, Range      *Bounds
	Pattern, GoPattern string
	// PatternProblem says why the model's pattern has no Pattern: the
	// member's shape id, then what Go's regexp cannot express.
	PatternProblem   string
	IdempotencyToken bool
	Sensitive        bool
	TimestampFormat  string // epoch-seconds, date-time or http-date
	// TimestampFormatSet is true when the model names the format (on the
	// member or its target) rather than the location's default applying.
	TimestampFormatSet bool
	// Default is the smithy.api#default node value, nil when there is none
	// (or it is null); DefaultWire is the same value as awsJson sends it.
	Default     json.RawMessage
	DefaultWire string
	// UnionType is the Go name of the union's member wrapper type.
	UnionType string
	// JSONName is the member's key in a JSON document where the protocol
	// honours smithy.api#jsonName; "" means Name.
	JSONName string
	// Location and LocationName say where an HTTP-bound protocol puts the
	// member (the header name, query key or header prefix).
	Location     Location
	LocationName string
	// MediaType is smithy.api#mediaType of the target (strings in headers
	// are base64 when set; payloads use it as their content type).
	MediaType string
	// LabelDefault is what an empty httpLabel member sends instead of
	// failing (a customization: Glacier's account id "-"); "" for none.
	LabelDefault string
	// HostLabel is smithy.api#hostLabel: the member also fills the
	// operation's host prefix.
	HostLabel bool
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
	// XMLNamespace is the member's own smithy.api#xmlNamespace, declared on
	// its element; nil when none.
	XMLNamespace *XMLNamespace
}

// Bounds is a length or range constraint; a nil end is unbounded.
type Bounds struct{ Min, Max *float64 }

// Key returns the member's key in a JSON document.
func (m *Member) Key() string {
	if m.JSONName != "" {
		return m.JSONName
	}
	return m.Name
}

// BodyMembers returns the members a REST protocol writes into the document
// body (those bound nowhere else); all members for other protocols.
func (s *Shape) BodyMembers() []*Member {
	var out []*Member
	for _, m := range s.Members {
		if m.Location == InBody {
			out = append(out, m)
		}
	}
	return out
}

// Payload returns the member bound with httpPayload, or nil.
func (s *Shape) Payload() *Member {
	for _, m := range s.Members {
		if m.Location == InPayload {
			return m
		}
	}
	return nil

}

// Type is the Go type of a member.
type Type struct {
	Kind    Kind
	Shape   *Shape // enums, intEnums, structures, unions, lists and maps
	Pointer bool   // the member holds a pointer to the value
	// Stream is set on a Blob that is an @streaming httpPayload of an
	// operation's input (an io.Reader) or output (an io.ReadCloser).
	Stream Stream
}

// Stream is the direction of a streaming blob payload.
type Stream int

const (
	NotStream Stream = iota
	StreamIn         // an input payload: io.Reader, sent as read
	StreamOut        // an output payload: io.ReadCloser, handed over unread
)
