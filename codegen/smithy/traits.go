package smithy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
)

// TypedTraits are the traits the generator acts on, decoded once when the
// model is built, so that later passes read fields instead of decoding JSON
// by trait id. Traits it does not know stay in Shape.Traits and
// Member.Traits as node values.
type TypedTraits struct {
	Documentation string // smithy.api#documentation
	Title         string // smithy.api#title

	Error      string          // smithy.api#error: "client" or "server"; "" when not an error
	HTTPError  int             // smithy.api#httpError
	Retryable  *RetryableTrait // smithy.api#retryable
	Deprecated *DeprecatedTrait

	Required         bool
	ClientOptional   bool
	Sensitive        bool
	IdempotencyToken bool
	Sparse           bool
	Streaming        bool
	// Default is the smithy.api#default node value, nil when absent or null.
	Default         json.RawMessage
	TimestampFormat string
	JSONName        string
	// EnumValue is smithy.api#enumValue of an enum member (a string) ...
	EnumValue *string
	// ... or of an intEnum member.
	IntEnumValue *int64
	// Enum is the Smithy 1.0 smithy.api#enum trait of a string shape; nil
	// when absent.
	Enum    []EnumDefinition
	Length  *Bounds
	Range   *Bounds
	Pattern *string

	RequestCompression []string // smithy.api#requestCompression encodings
	Paginated          *PaginatedTrait
	// Waiters are smithy.waiters#waitable, sorted by name.
	Waiters []WaiterTrait

	// Protocols are the protocol traits present, e.g. aws.protocols#awsJson1_1,
	// sorted.
	Protocols  []string
	AWSService *AWSServiceTrait
	SigV4      *SigV4Trait
	// Auth is smithy.api#auth, the auth schemes in priority order: nil when
	// the trait is absent, empty for @auth([]) (no authentication).
	Auth *[]string
	// OptionalAuth is smithy.api#optionalAuth: the operation may be called
	// without credentials.
	OptionalAuth    bool
	EndpointRuleSet *RuleSetTrait
	EndpointTests   []EndpointTestCase
	// ContextParam is smithy.rules#contextParam's parameter name on an
	// input member: the member's value is that endpoint rule parameter.
	ContextParam string
	// StaticContextParams is smithy.rules#staticContextParams of an
	// operation: fixed endpoint rule parameter values, by name.
	StaticContextParams map[string]StaticContextParam
	// OperationContextParams is smithy.rules#operationContextParams of an
	// operation: endpoint rule parameters read from the input by a path, by
	// name.
	OperationContextParams map[string]OperationContextParam

	HTTPRequestTests  []HTTPTestCase
	HTTPResponseTests []HTTPTestCase
}

// HasProtocol reports whether the protocol trait id is present.
func (t *TypedTraits) HasProtocol(id string) bool {
	for _, p := range t.Protocols {
		if p == id {
			return true
		}
	}
	return false
}

// RetryableTrait is smithy.api#retryable.
type RetryableTrait struct {
	Throttling bool `json:"throttling"`
}

// DeprecatedTrait is smithy.api#deprecated.
type DeprecatedTrait struct {
	Message string `json:"message"`
	Since   string `json:"since"`
}

// EnumDefinition is one value of the Smithy 1.0 enum trait.
type EnumDefinition struct {
	Value         string `json:"value"`
	Name          string `json:"name"`
	Documentation string `json:"documentation"`
}

// Bounds is smithy.api#length or smithy.api#range; numbers keep their
// spelling for documentation.
type Bounds struct {
	Min *json.Number `json:"min"`
	Max *json.Number `json:"max"`
}

// PaginatedTrait is smithy.api#paginated, on an operation or a service.
type PaginatedTrait struct {
	InputToken  string `json:"inputToken"`
	OutputToken string `json:"outputToken"`
	Items       string `json:"items"`
	PageSize    string `json:"pageSize"`
}

// WaiterTrait is one waiter of smithy.waiters#waitable.
type WaiterTrait struct {
	Name          string          `json:"-"`
	Documentation string          `json:"documentation"`
	MinDelay      int             `json:"minDelay"`
	MaxDelay      int             `json:"maxDelay"`
	Deprecated    bool            `json:"deprecated"`
	Acceptors     []AcceptorTrait `json:"acceptors"`
}

// AcceptorTrait is one waiter acceptor; exactly one matcher is set.
type AcceptorTrait struct {
	State   string `json:"state"`
	Matcher struct {
		Output      *PathMatcher `json:"output"`
		InputOutput *PathMatcher `json:"inputOutput"`
		Success     *bool        `json:"success"`
		ErrorType   *string      `json:"errorType"`
	} `json:"matcher"`
}

// PathMatcher is an output or inputOutput matcher.
type PathMatcher struct {
	Path       string `json:"path"`
	Expected   string `json:"expected"`
	Comparator string `json:"comparator"`
}

// StaticContextParam is one value of smithy.rules#staticContextParams.
type StaticContextParam struct {
	Value json.RawMessage `json:"value"`
}

// OperationContextParam is one value of smithy.rules#operationContextParams:
// a JMESPath expression over the operation's input.
type OperationContextParam struct {
	Path string `json:"path"`
}

// AWSServiceTrait is aws.api#service.
type AWSServiceTrait struct {
	SdkID          string `json:"sdkId"`
	EndpointPrefix string `json:"endpointPrefix"`
}

// SigV4Trait is aws.auth#sigv4.
type SigV4Trait struct {
	Name string `json:"name"`
}

// RuleSetTrait is smithy.rules#endpointRuleSet: the raw rule set, which
// the runtime engine evaluates, and its parameters.
type RuleSetTrait struct {
	Raw        json.RawMessage         `json:"-"`
	Parameters map[string]RuleSetParam `json:"parameters"`
}

// RuleSetParam is one endpoint rule set parameter.
type RuleSetParam struct {
	Type          string          `json:"type"`
	BuiltIn       string          `json:"builtIn"`
	Required      bool            `json:"required"`
	Default       json.RawMessage `json:"default"`
	Documentation string          `json:"documentation"`
}

// EndpointTestCase is one case of smithy.rules#endpointTests.
type EndpointTestCase struct {
	Documentation   string                   `json:"documentation"`
	Params          json.RawMessage          `json:"params"`
	Expect          json.RawMessage          `json:"expect"`
	OperationInputs []EndpointOperationInput `json:"operationInputs"`
}

// EndpointOperationInput is one call of an endpoint test case: the
// operation, its input, and the SDK and client settings it is made with.
type EndpointOperationInput struct {
	OperationName   string                     `json:"operationName"`
	OperationParams json.RawMessage            `json:"operationParams"`
	BuiltInParams   map[string]json.RawMessage `json:"builtInParams"`
	ClientParams    map[string]json.RawMessage `json:"clientParams"`
}

// HTTPTestCase is one smithy.test#httpRequestTests or httpResponseTests case.
type HTTPTestCase struct {
	ID            string          `json:"id"`
	Documentation string          `json:"documentation"`
	Protocol      string          `json:"protocol"`
	AppliesTo     string          `json:"appliesTo"`
	Params        json.RawMessage `json:"params"`
	Method        string          `json:"method"`
	URI           string          `json:"uri"`
	Host          string          `json:"host"`
	// ResolvedHost is the host the request must go to once the client's
	// endpoint customizations apply (a host prefix; S3 moves the bucket
	// into it).
	ResolvedHost   string            `json:"resolvedHost"`
	Headers        map[string]string `json:"headers"`
	ForbidHeaders  []string          `json:"forbidHeaders"`
	RequireHeaders []string          `json:"requireHeaders"`
	Body           *string           `json:"body"`
	BodyMediaType  string            `json:"bodyMediaType"`
	Code           int               `json:"code"`
	QueryParams    []string          `json:"queryParams"`
	ForbidQuery    []string          `json:"forbidQueryParams"`
	RequireQuery   []string          `json:"requireQueryParams"`
	// VendorParams.Code is the error code awsQueryCompatible error cases
	// expect the error to report.
	VendorParams struct {
		Code string `json:"code"`
	} `json:"vendorParams"`
}

// TraitError is a trait whose value does not have the trait's shape.
type TraitError struct {
	File    string
	ShapeID ShapeID
	Trait   string
	Err     error
}

func (e *TraitError) Error() string {
	return fmt.Sprintf("%s: shape %s: trait %s: %v", e.File, e.ShapeID, e.Trait, e.Err)
}

func (e *TraitError) Unwrap() error { return e.Err }

// protocolTraits are the protocol trait ids Protocols records.
var protocolTraits = []string{
	"aws.protocols#awsJson1_0", "aws.protocols#awsJson1_1", "aws.protocols#restJson1", "aws.protocols#restXml",
	"aws.protocols#awsQuery", "aws.protocols#ec2Query", "smithy.protocols#rpcv2Cbor",
}

// Typed returns the shape's decoded traits. A shape that did not come
// through Build (none does in the generator) has none.
func (s *Shape) Typed() *TypedTraits {
	if s.typed == nil {
		return &TypedTraits{}
	}
	return s.typed
}

// Typed returns the member's decoded traits.
func (m *Member) Typed() *TypedTraits {
	if m.typed == nil {
		return &TypedTraits{}
	}
	return m.typed
}

// decodeTraits decodes every shape's and member's traits once, in shape id
// order, failing on the first bad value with the shape and trait at fault.
func decodeTraits(m *Model) error {
	for _, id := range m.IDs() {
		s := m.Shapes[id]
		t, err := decode(s.File, s.ID, s.Traits, "")
		if err != nil {
			return err
		}
		s.typed = t
		for _, mem := range s.Members {
			if mem.typed, err = decode(s.File, mem.ID(), mem.Traits, s.Type); err != nil {
				return err
			}
		}
		for _, mem := range []*Member{s.Member, s.Key, s.Value} {
			if mem == nil {
				continue
			}
			if mem.typed, err = decode(s.File, mem.ID(), mem.Traits, s.Type); err != nil {
				return err
			}
		}
	}
	return nil
}

// decode decodes one trait map; container is the type of the shape that
// holds the member, "" for a shape's own traits.
func decode(file string, id ShapeID, tr Traits, container string) (*TypedTraits, error) {
	t := &TypedTraits{}
	var bad *TraitError
	get := func(trait string, v any) bool {
		raw, ok := tr[trait]
		if !ok || bad != nil {
			return false
		}
		if err := json.Unmarshal(raw, v); err != nil {
			bad = &TraitError{File: file, ShapeID: id, Trait: trait, Err: err}
			return false
		}
		return true
	}
	get("smithy.api#documentation", &t.Documentation)
	get("smithy.api#title", &t.Title)
	get("smithy.api#error", &t.Error)
	if tr.Has("smithy.api#error") && bad == nil && t.Error != "client" && t.Error != "server" {
		bad = &TraitError{File: file, ShapeID: id, Trait: "smithy.api#error", Err: fmt.Errorf("value %q is neither client nor server", t.Error)}
	}
	get("smithy.api#httpError", &t.HTTPError)
	if tr.Has("smithy.api#retryable") {
		t.Retryable = &RetryableTrait{}
		get("smithy.api#retryable", t.Retryable)
	}
	if tr.Has("smithy.api#deprecated") {
		t.Deprecated = &DeprecatedTrait{}
		get("smithy.api#deprecated", t.Deprecated)
	}
	t.Required = tr.Has("smithy.api#required")
	t.ClientOptional = tr.Has("smithy.api#clientOptional")
	t.Sensitive = tr.Has("smithy.api#sensitive")
	t.IdempotencyToken = tr.Has("smithy.api#idempotencyToken")
	t.Sparse = tr.Has("smithy.api#sparse")
	t.Streaming = tr.Has("smithy.api#streaming")
	if raw, ok := tr["smithy.api#default"]; ok && !bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		t.Default = raw
	}
	get("smithy.api#timestampFormat", &t.TimestampFormat)
	get("smithy.api#jsonName", &t.JSONName)
	if tr.Has("smithy.api#enumValue") {
		if container == TypeIntEnum {
			t.IntEnumValue = new(int64)
			get("smithy.api#enumValue", t.IntEnumValue)
		} else {
			t.EnumValue = new(string)
			get("smithy.api#enumValue", t.EnumValue)
		}
	}
	if tr.Has("smithy.api#enum") {
		t.Enum = []EnumDefinition{}
		get("smithy.api#enum", &t.Enum)
	}
	if tr.Has("smithy.api#length") {
		t.Length = &Bounds{}
		get("smithy.api#length", t.Length)
	}
	if tr.Has("smithy.api#range") {
		t.Range = &Bounds{}
		get("smithy.api#range", t.Range)
	}
	if tr.Has("smithy.api#pattern") {
		t.Pattern = new(string)
		get("smithy.api#pattern", t.Pattern)
	}
	var compression struct {
		Encodings []string `json:"encodings"`
	}
	if get("smithy.api#requestCompression", &compression) {
		t.RequestCompression = compression.Encodings
	}
	if tr.Has("smithy.api#paginated") {
		t.Paginated = &PaginatedTrait{}
		get("smithy.api#paginated", t.Paginated)
	}
	var waiters map[string]WaiterTrait
	if get("smithy.waiters#waitable", &waiters) {
		for name, w := range waiters {
			w.Name = name
			t.Waiters = append(t.Waiters, w)
		}
		sort.Slice(t.Waiters, func(i, j int) bool { return t.Waiters[i].Name < t.Waiters[j].Name })
	}
	for _, p := range protocolTraits {
		if tr.Has(p) {
			t.Protocols = append(t.Protocols, p)
		}
	}
	sort.Strings(t.Protocols)
	if tr.Has("aws.api#service") {
		t.AWSService = &AWSServiceTrait{}
		get("aws.api#service", t.AWSService)
	}
	if tr.Has("aws.auth#sigv4") {
		t.SigV4 = &SigV4Trait{}
		get("aws.auth#sigv4", t.SigV4)
	}
	if tr.Has("smithy.api#auth") {
		t.Auth = &[]string{}
		get("smithy.api#auth", t.Auth)
	}
	t.OptionalAuth = tr.Has("smithy.api#optionalAuth")
	if raw, ok := tr["smithy.rules#endpointRuleSet"]; ok {
		t.EndpointRuleSet = &RuleSetTrait{Raw: raw}
		get("smithy.rules#endpointRuleSet", t.EndpointRuleSet)
	}
	var cp struct {
		Name string `json:"name"`
	}
	if get("smithy.rules#contextParam", &cp) {
		t.ContextParam = cp.Name
	}
	get("smithy.rules#staticContextParams", &t.StaticContextParams)
	get("smithy.rules#operationContextParams", &t.OperationContextParams)
	var tests struct {
		TestCases []EndpointTestCase `json:"testCases"`
	}
	if get("smithy.rules#endpointTests", &tests) {
		t.EndpointTests = tests.TestCases
	}
	get("smithy.test#httpRequestTests", &t.HTTPRequestTests)
	get("smithy.test#httpResponseTests", &t.HTTPResponseTests)
	if bad != nil {
		return nil, bad
	}
	return t, nil
}
