// Package resolve turns a loaded Smithy model into the IR: it picks the
// service, names every Go declaration, decides pointers and packages, and
// converts documentation, once, so that the emitters only read.
package resolve

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/eucsdk/eucsdk/codegen/docs"
	"github.com/eucsdk/eucsdk/codegen/ir"
	"github.com/eucsdk/eucsdk/codegen/naming"
	"github.com/eucsdk/eucsdk/codegen/smithy"
)

// Config says which service to resolve and where its Go package lives.
type Config struct {
	// Service is the service shape id; empty when the model holds one service.
	Service string
	// Package is the Go package name, ImportPath its import path.
	Package    string
	ImportPath string
	// Protocol is the protocol trait to generate, e.g. smithy.protocols#rpcv2Cbor
	// or its name alone (rpcv2Cbor); empty picks one as aws-sdk-go-v2 does
	// (see pickProtocol).
	Protocol string
	// Nullability is the rule that makes scalar members pointers:
	// NullabilityV2 (empty) or NullabilityInput.
	Nullability string
}

// The nullability rules a scalar member's pointer-ness follows.
const (
	// NullabilityV2 is aws-sdk-go-v2's rule, Smithy's
	// CLIENT_ZERO_VALUE_V1_NO_INPUT: the API of every AWS model we generate
	// must equal v2's, so it is the default.
	NullabilityV2 = "v2"
	// NullabilityInput is Smithy's CLIENT_ZERO_VALUE_V1: the same, except
	// that every member of an operation's input (a structure with
	// smithy.api#input) is a pointer, so a caller can send a defaulted
	// member's zero value explicitly. For a team's own service that wants
	// that; it differs from v2 only where an input member has a zero
	// default.
	NullabilityInput = "input"
)

// DocWidth is the column godoc paragraphs are wrapped at.
const DocWidth = 77

// Runtime codecs of the protocols the generator supports.
const (
	pkgAWSJSON = "github.com/eucsdk/eucsdk/runtime/awsjson"
	pkgCBOR    = "github.com/eucsdk/eucsdk/runtime/cbor"
)

// protocols are the protocols the generator supports, in the order
// aws-sdk-go-v2 prefers them when a service declares several: smithy-go's
// codegen (GoSettings.resolveServiceProtocol, tested by ResolveProtocolTest
// after the rpcv2 protocol-selection SEP) takes the first of rpcv2Cbor,
// awsJson1_0, awsJson1_1, restJson1, restXml, awsQuery, ec2Query that the
// service has.
var protocols = []ir.Protocol{
	{Name: "rpcv2Cbor", Trait: "smithy.protocols#rpcv2Cbor", ContentType: "application/cbor", CodecPath: pkgCBOR, Value: "RPCv2"},
	{Name: "awsJson1_0", Trait: "aws.protocols#awsJson1_0", ContentType: "application/x-amz-json-1.0", CodecPath: pkgAWSJSON, Value: "JSON10"},
	{Name: "awsJson1_1", Trait: "aws.protocols#awsJson1_1", ContentType: "application/x-amz-json-1.1", CodecPath: pkgAWSJSON, Value: "JSON11"},
	{Name: "restJson1", Trait: "aws.protocols#restJson1", ContentType: "application/json", CodecPath: pkgAWSJSON, Value: "RestJSON1", HTTPBindings: true},
	{Name: "restXml", Trait: "aws.protocols#restXml", ContentType: "application/xml", CodecPath: pkgRestXML, Value: "RestXML", HTTPBindings: true, XML: true},
	{Name: "awsQuery", Trait: "aws.protocols#awsQuery", ContentType: "application/x-www-form-urlencoded", CodecPath: pkgAWSQuery, Value: "Query", Query: true},
	{Name: "ec2Query", Trait: "aws.protocols#ec2Query", ContentType: "application/x-www-form-urlencoded", CodecPath: pkgAWSQuery, Value: "EC2", Query: true, EC2: true},
}

// customizations are the behaviours aws-sdk-go-v2 adds to a service by hand,
// beyond its model, that the generator does not: listed service-wide in
// UNSUPPORTED.md (by sdkId) so a user knows what the client lacks.
var customizations = map[string][]string{
	"S3": {
		"S3 customization: virtual-host addressing (the bucket in the host name, dualstack and accelerate hosts) is not applied: requests use path style (/bucket/key), which moto and most S3-compatible stores accept; the operations' endpoint parameters (Bucket, Key, …) are not passed to the rules, which would put the bucket into the endpoint",
		"S3 customization: flexible checksums (aws.protocols#httpChecksum: x-amz-checksum-* request headers and response validation) are not computed or validated",
		"S3 customization: aws-chunked uploads (streaming SigV4 payload signing and trailers) are not sent",
		"S3 customization: Expect: 100-continue is not sent for large uploads",
		"S3 customization: S3 Express One Zone session authentication (CreateSession credentials, x-amz-s3session-token) is not done",
		"S3 customization: 200 responses carrying an <Error> body (CopyObject, CompleteMultipartUpload, UploadPartCopy) are not turned into errors",
		"S3 customization: presigned URLs, the multipart upload manager and the GetBucketLocation \"EU\" region mapping are not provided",
	},
	"S3 Control": {
		"S3 Control customization: flexible checksums (aws.protocols#httpChecksum) are not computed or validated",
		"S3 Control customization: Outposts and access-point ARN inputs reach the endpoint rules as given; no ARN is split into account id and resource client-side",
	},
	"Route 53": {
		"Route 53 customization: resource ids returned as /hostedzone/ID, /change/ID or /delegationset/ID are not trimmed to ID when sent back as inputs",
	},
	"CloudFront": {
		"CloudFront customization: signed URLs and cookies (v2's feature/cloudfront/sign) are not provided",
	},
}

// pickProtocol chooses the service's protocol: the one asked for (which the
// service must declare), else the first supported one in v2's order.
func pickProtocol(svc *smithy.Shape, want string) (ir.Protocol, error) {
	if want != "" {
		for _, p := range protocols {
			if want == p.Name || want == p.Trait {
				if !svc.Traits.Has(p.Trait) {
					return ir.Protocol{}, &Error{string(svc.ID), "protocol " + want + " requested, but the service does not declare " + p.Trait}
				}
				return p, nil
			}
		}
		var names []string
		for _, p := range protocols {
			names = append(names, p.Name)
		}
		return ir.Protocol{}, &Error{string(svc.ID), "unsupported protocol " + want + ": the generator supports " + strings.Join(names, ", ")}
	}
	for _, p := range protocols {
		if svc.Traits.Has(p.Trait) {
			return p, nil
		}
	}
	return ir.Protocol{}, &Error{string(svc.ID), fmt.Sprintf("%s: unsupported protocol %s: only smithy.protocols#rpcv2Cbor, aws.protocols#awsJson1_0, awsJson1_1, restJson1, restXml, awsQuery and ec2Query are generated", svc.File, declaredProtocols(svc))}
}

const (
	pkgAWSQuery = "github.com/eucsdk/eucsdk/runtime/awsquery"
	pkgRestXML  = "github.com/eucsdk/eucsdk/runtime/restxml"
)

// Error is a resolution failure that names the shape at fault.
type Error struct {
	ShapeID string
	Reason  string
}

// LongPollTrait marks a long-polling operation. No AWS model carries it yet
// (SDK teams list SQS ReceiveMessage, SFN GetActivityTask and SWF's two poll
// operations by hand); an overlay applies it where a model has no marker.
const LongPollTrait = "aws.api#longPoll"

func (e *Error) Error() string { return e.ShapeID + ": " + e.Reason }

type resolver struct {
	m       *smithy.Model
	svc     *ir.Service
	shapes  map[smithy.ShapeID]*ir.Shape
	types   *naming.Scope
	funcs   *naming.Scope
	renames map[smithy.ShapeID]string
	// rest is true for protocols with HTTP bindings (restJson1), whose
	// member binding traits and jsonName are honoured.
	rest bool
	// binding is true while the members of an operation input, output or
	// error are resolved: the only places binding traits mean anything.
	binding      bool
	bindingInput bool
	// inputNullable is Config.Nullability == NullabilityInput.
	inputNullable bool
}

// Service resolves one service of the model.
func Service(m *smithy.Model, cfg Config) (*ir.Service, error) {
	svcShape, err := pickService(m, cfg.Service)
	if err != nil {
		return nil, err
	}
	if cfg.Package == "" || cfg.ImportPath == "" {
		return nil, fmt.Errorf("resolve: package name and import path are required")
	}
	switch cfg.Nullability {
	case "", NullabilityV2, NullabilityInput:
	default:
		return nil, fmt.Errorf("resolve: nullability %q: want %q (aws-sdk-go-v2's rule, the default) or %q (members of an operation's input are pointers)", cfg.Nullability, NullabilityV2, NullabilityInput)
	}
	r := &resolver{
		m:             m,
		shapes:        map[smithy.ShapeID]*ir.Shape{},
		types:         naming.NewScope("UnknownUnionMember"),
		funcs:         naming.NewScope(),
		renames:       svcShape.Rename,
		inputNullable: cfg.Nullability == NullabilityInput,
	}
	svc := &ir.Service{
		ShapeID:        string(svcShape.ID),
		Name:           svcShape.ID.Name(),
		Version:        svcShape.Version,
		Package:        cfg.Package,
		ImportPath:     cfg.ImportPath,
		TypesPath:      cfg.ImportPath + "/types",
		ServerPath:     cfg.ImportPath + "/server",
		DocumentPath:   cfg.ImportPath + "/document",
		TestPackage:    cfg.Package + "_test",
		TestImportPath: cfg.ImportPath + "_test",
		Title:          svcShape.Typed().Title,
		Doc:            docs.Godoc(svcShape.Typed().Documentation, DocWidth),
	}
	r.svc = svc
	var awsService smithy.AWSServiceTrait
	if t := svcShape.Typed().AWSService; t != nil {
		awsService = *t
	}
	svc.ServiceID = awsService.SdkID
	if svc.ServiceID == "" {
		svc.ServiceID = svc.Name
	}
	if svc.Title == "" {
		svc.Title = svc.ServiceID
	}
	if t := svcShape.Typed().SigV4; t != nil {
		svc.SigningName = t.Name
	}
	if svc.SigningName == "" {
		svc.SigningName = awsService.EndpointPrefix
	}
	proto, err := pickProtocol(svcShape, cfg.Protocol)
	if err != nil {
		return nil, err
	}
	svc.Protocol = proto
	switch {
	case proto.Name == "rpcv2Cbor":
		if svcShape.Traits.Has("aws.protocols#awsQueryCompatible") {
			svc.Protocol.Value, svc.Protocol.ModeledErrors = "RPCv2QueryCompatible", "QueryModeledErrors"
		}
		// Operations are addressed by path (see emit's operation Target).
		svc.Protocol.PathPrefix = "/service/" + svc.Name + "/operation/"
	case !proto.HTTPBindings && !proto.Query:
		svc.Protocol.TargetPrefix = svc.Name
	}
	r.rest = svc.Protocol.HTTPBindings
	if proto.XML {
		svc.Protocol.XMLNamespace = xmlNamespace(svcShape.Traits)
	}
	if err := r.endpoints(svcShape); err != nil {
		return nil, err
	}
	for _, op := range m.ServiceOperations(svcShape) {
		o, err := r.operation(op, svcShape)
		if err != nil {
			return nil, err
		}
		if o != nil {
			svc.Operations = append(svc.Operations, o)
		}
	}
	sort.Slice(svc.Operations, func(i, j int) bool { return svc.Operations[i].Name < svc.Operations[j].Name })
	r.endpointCalls(svcShape)
	// The one S3 customization the generator does apply: without it S3 (and
	// moto) refuse every signature whose path needs escaping, and every
	// request without X-Amz-Content-Sha256.
	svc.S3Signing = svc.ServiceID == "S3"
	for _, c := range customizations[svc.ServiceID] {
		svc.Unsupported = append(svc.Unsupported, ir.Unsupported{Operation: "-", ShapeID: svc.ShapeID, Reason: c})
	}
	r.collect()
	r.unsupportedPatterns()
	r.sortUnsupported()
	if err := r.nameOperations(); err != nil {
		return nil, err
	}
	r.svc.DocExample = docExample(r.svc.Operations)
	if err := r.protocolTests(); err != nil {
		return nil, err
	}
	if err := r.nameProtocolTests(); err != nil {
		return nil, err
	}
	return svc, nil
}

func pickService(m *smithy.Model, id string) (*smithy.Shape, error) {
	svcs := m.Services()
	if id != "" {
		s := m.Shape(smithy.ShapeID(id))
		if s == nil || s.Type != smithy.TypeService {
			var names []string
			for _, s := range svcs {
				names = append(names, string(s.ID))
			}
			return nil, fmt.Errorf("service %s not found in the model (services: %s)", id, strings.Join(names, ", "))
		}
		return s, nil
	}
	switch len(svcs) {
	case 1:
		return svcs[0], nil
	case 0:
		return nil, fmt.Errorf("the model defines no service")
	default:
		var names []string
		for _, s := range svcs {
			names = append(names, string(s.ID))
		}
		return nil, fmt.Errorf("the model defines %d services (%s): name one", len(svcs), strings.Join(names, ", "))
	}
}

func (r *resolver) doc(t *smithy.TypedTraits) string {
	return docs.Godoc(t.Documentation, DocWidth)
}

func deprecated(t *smithy.TypedTraits) string {
	d := t.Deprecated
	if d == nil {
		return ""
	}
	msg := d.Message
	if msg == "" {
		msg = "This member has been deprecated."
	}
	if d.Since != "" {
		msg += " (since " + d.Since + ")"
	}
	return msg
}

func (r *resolver) operation(op *smithy.Shape, svcShape *smithy.Shape) (*ir.Operation, error) {
	name := naming.Exported(r.shapeName(op.ID))
	o := &ir.Operation{
		ShapeID:    string(op.ID),
		Name:       name,
		Doc:        r.doc(op.Typed()),
		Deprecated: deprecated(op.Typed()),
		// S3's GetBucketLocation answers with the output's one member as
		// the document root.
		UnwrappedXMLOutput: r.svc.Protocol.XML && op.Traits.Has("aws.customizations#s3UnwrappedXmlOutput"),
	}
	if reason := r.unsupported(op); reason != "" {
		r.svc.Unsupported = append(r.svc.Unsupported, ir.Unsupported{Operation: name, ShapeID: string(op.ID), Reason: reason})
		return nil, nil
	}
	var err error
	if o.Input, err = r.opShape(op.Input, name+"Input", true); err != nil {
		return nil, err
	}
	if o.Output, err = r.opShape(op.Output, name+"Output", false); err != nil {
		return nil, err
	}
	errs := append(append([]smithy.ShapeID{}, op.Errors...), svcErrors(svcShape)...)
	seen := map[*ir.Shape]bool{}
	for _, eid := range errs {
		es, err := r.shape(eid)
		if err != nil {
			return nil, err
		}
		if !seen[es] {
			seen[es] = true
			o.Errors = append(o.Errors, es)
		}
	}
	sort.Slice(o.Errors, func(i, j int) bool { return o.Errors[i].GoName < o.Errors[j].GoName })
	if r.rest {
		if err := r.httpBinding(op, o); err != nil {
			return nil, err
		}
	}
	for _, m := range o.Input.Members {
		if m.IdempotencyToken {
			o.Idempotency = m
		}
	}
	r.endpointBindings(op, o)
	o.Compression = op.Typed().RequestCompression
	o.LongPolling = op.Traits.Has(LongPollTrait)
	o.Auth = opAuth(op, svcShape)
	if o.Paginator, err = r.paginator(op, svcShape, o); err != nil {
		return nil, err
	}
	r.supportPaginator(o)
	if o.Waiters, err = r.waiters(op); err != nil {
		return nil, err
	}
	r.supportWaiters(o)
	return o, nil
}

// opAuth decides how an operation authenticates. Its effective schemes are
// its own smithy.api#auth, else the service's. Only an explicit empty list
// means no authentication: a service with no auth trait at all keeps
// signing, as every client generated before auth traits were read did.
func opAuth(op, svc *smithy.Shape) ir.Auth {
	schemes := op.Typed().Auth
	if schemes == nil {
		schemes = svc.Typed().Auth
	}
	switch {
	case schemes != nil && len(*schemes) == 0:
		return ir.AuthNone
	case op.Typed().OptionalAuth:
		return ir.AuthOptional
	}
	return ir.AuthSigV4
}

func svcErrors(svc *smithy.Shape) []smithy.ShapeID { return svc.Errors }

// unsupported names the reason an operation cannot be generated, or "".
func (r *resolver) unsupported(op *smithy.Shape) string {
	for _, id := range []smithy.ShapeID{op.Input, op.Output} {
		s := r.m.Shape(id)
		if s == nil {
			continue
		}
		for _, mem := range s.Members {
			t := r.m.Shape(mem.Target)
			if t != nil && t.Typed().Streaming {
				if t.Type == smithy.TypeUnion {
					return fmt.Sprintf("event stream member %s (target %s) is not supported", mem.ID(), t.ID)
				}
				if r.rest && mem.Traits.Has("smithy.api#httpPayload") {
					continue // an io.Reader in, an io.ReadCloser out
				}
				return fmt.Sprintf("streaming blob member %s (target %s) is not supported", mem.ID(), t.ID)
			}
		}
	}
	return ""
}

func (r *resolver) shapeName(id smithy.ShapeID) string {
	if n, ok := r.renames[id]; ok {
		return n
	}
	return id.Name()
}

// opShape builds the operation's own input or output structure. It is a copy
// named <Op>Input / <Op>Output in the client package, as aws-sdk-go-v2 does,
// so shared or Unit shapes never leak into another operation's signature.
func (r *resolver) opShape(id smithy.ShapeID, goName string, input bool) (*ir.Shape, error) {
	s := &ir.Shape{Kind: ir.Struct, GoName: goName, Package: r.svc.ImportPath, IsInput: input, IsOutput: !input}
	if id == "" || id == "smithy.api#Unit" {
		s.ShapeID = "smithy.api#Unit"
	} else {
		src := r.m.Shape(id)
		if src.Type != smithy.TypeStructure {
			return nil, &Error{string(id), "operation input/output must be a structure"}
		}
		s.ShapeID = string(id)
		s.XMLName = id.Name()
		if n := src.Traits.String("smithy.api#xmlName"); n != "" {
			s.XMLName = n
		}
		s.XMLNamespace = xmlNamespace(src.Traits)
		s.Doc = r.doc(src.Typed())
		s.Deprecated = deprecated(src.Typed())
		if err := r.fillMembers(s, src); err != nil {
			return nil, err
		}
		// No input-specific rule: aws-sdk-go-v2 ignores smithy.api#input
		// when it decides pointers (see member), so an input's defaulted
		// Force flag is a bool there and must be one here.
	}
	stem := r.funcs.Claim("Op" + goName)
	s.SerFunc = "serialize" + stem
	s.DeserFunc = "deserialize" + stem
	s.ValidateFunc = "validate" + stem
	r.svc.Aggregates = append(r.svc.Aggregates, s)
	return s, nil
}

// shape resolves a named shape (memoized, so recursive shapes terminate).
func (r *resolver) shape(id smithy.ShapeID) (*ir.Shape, error) {
	if s, ok := r.shapes[id]; ok {
		return s, nil
	}
	src := r.m.Shape(id)
	if src == nil {
		return nil, &Error{string(id), "missing shape"}
	}
	s := &ir.Shape{
		ShapeID:    string(id),
		Doc:        r.doc(src.Typed()),
		Deprecated: deprecated(src.Typed()),
		Sensitive:  src.Typed().Sensitive,
	}
	r.shapes[id] = s
	s.XMLName = id.Name()
	if n := src.Traits.String("smithy.api#xmlName"); n != "" {
		s.XMLName = n
	}
	s.XMLNamespace = xmlNamespace(src.Traits)
	name := naming.Exported(r.shapeName(id))
	switch src.Type {
	case smithy.TypeStructure:
		s.Kind = ir.Struct
		s.GoName = r.types.Claim(name)
		s.Package = r.svc.TypesPath
		if src.Typed().Error != "" {
			s.Error = r.errorInfo(src)
		}
		if err := r.fillMembers(s, src); err != nil {
			return nil, err
		}
		if s.Error != nil && !hasMember(s, "Message") {
			// Every error carries the service's message, modeled or not, as
			// aws-sdk-go-v2's error types do.
			s.Members = append(s.Members, &ir.Member{Name: "message", GoName: "Message", Type: &ir.Type{Kind: ir.String, Pointer: true}, TimestampFormat: "epoch-seconds"})
		}
	case smithy.TypeUnion:
		s.Kind = ir.Union
		s.GoName = r.types.Claim(name)
		s.Package = r.svc.TypesPath
		if err := r.fillMembers(s, src); err != nil {
			return nil, err
		}
		s.UnionMarker = "is" + s.GoName
		for _, m := range s.Members {
			m.UnionType = r.types.Claim(s.GoName + "Member" + m.GoName)
			m.Type.Pointer = false
		}
	case smithy.TypeEnum, smithy.TypeIntEnum:
		s.Kind = ir.Enum
		if src.Type == smithy.TypeIntEnum {
			s.Kind = ir.IntEnum
		}
		s.GoName = r.types.Claim(name)
		s.Package = r.svc.TypesPath
		consts := naming.NewScope()
		for _, m := range src.Members {
			v := ir.EnumValue{GoName: consts.Claim(naming.EnumVariant(s.GoName, m.Name)), Doc: r.doc(m.Typed())}
			if s.Kind == ir.Enum {
				v.Value = m.Name
				if ev := m.Typed().EnumValue; ev != nil {
					v.Value = *ev
				}
			} else if iv := m.Typed().IntEnumValue; iv != nil {
				v.IntValue = *iv
			} else {
				return nil, &Error{string(m.ID()), "intEnum member has no smithy.api#enumValue"}
			}
			s.Values = append(s.Values, v)
		}
	case smithy.TypeString:
		// Smithy 1.0 enums: a string shape with the enum trait.
		defs := src.Typed().Enum
		if defs == nil {
			return nil, &Error{string(id), "string shapes are not named types"}
		}
		s.Kind = ir.Enum
		s.GoName = r.types.Claim(name)
		s.Package = r.svc.TypesPath
		consts := naming.NewScope()
		for _, d := range defs {
			n := d.Name
			if n == "" {
				n = d.Value
			}
			s.Values = append(s.Values, ir.EnumValue{GoName: consts.Claim(naming.EnumVariant(s.GoName, n)), Value: d.Value, Doc: docs.Godoc(d.Documentation, DocWidth)})
		}
	case smithy.TypeList, smithy.TypeSet:
		s.Kind = ir.List
		s.GoName = name
		s.Sparse = src.Typed().Sparse
		elem, err := r.member(src.Member, s.Sparse)
		if err != nil {
			return nil, err
		}
		s.Elem = elem
	case smithy.TypeMap:
		s.Kind = ir.Map
		s.GoName = name
		s.Sparse = src.Typed().Sparse
		k, err := r.member(src.Key, false)
		if err != nil {
			return nil, err
		}
		v, err := r.member(src.Value, s.Sparse)
		if err != nil {
			return nil, err
		}
		s.Key, s.Value = k, v
	default:
		return nil, &Error{string(id), "shape type " + src.Type + " is not a named Go type"}
	}
	if s.Kind == ir.Struct || s.Kind == ir.Union || s.Kind == ir.List || s.Kind == ir.Map {
		stem := r.funcs.Claim(s.GoName)
		s.SerFunc = "serialize" + stem
		s.DeserFunc = "deserialize" + stem
		s.ValidateFunc = "validate" + stem
		r.svc.Aggregates = append(r.svc.Aggregates, s)
	}
	return s, nil
}

func (r *resolver) errorInfo(src *smithy.Shape) *ir.ErrorInfo {
	t := src.Typed()
	e := &ir.ErrorInfo{Code: src.ID.Name(), Fault: t.Error, HTTPStatus: t.HTTPError}
	if t.Retryable != nil {
		e.Retryable, e.Throttling = true, t.Retryable.Throttling
	}
	var custom struct {
		Code string `json:"code"`
	}
	if ok, _ := src.Traits.Decode("aws.protocols#awsQueryError", &custom); ok && custom.Code != "" && r.svc.Protocol.Query {
		// awsQuery services send their own code, e.g.
		// AWS.SimpleQueueService.NonExistentQueue, not the shape name.
		e.Code = custom.Code
	}
	return e
}

func (r *resolver) fillMembers(s *ir.Shape, src *smithy.Shape) error {
	scope := naming.NewScope()
	if s.Error != nil {
		// Methods of every error type; a member of the same name would not compile.
		scope = naming.NewScope("Error", "ErrorCode", "ErrorMessage", "ErrorFault", "ErrorCodeOverride")
	}
	if s.IsOutput {
		scope = naming.NewScope("ResultMetadata")
	}
	if s.IsInput {
		scope = naming.NewScope("Validate")
	}
	for _, m := range src.Members {
		if t := r.m.Shape(m.Target); m.Traits.Has("smithy.api#sensitive") || t != nil && t.Traits.Has("smithy.api#sensitive") {
			// The structure gets String and GoString methods that redact.
			scope.Claim("String")
			scope.Claim("GoString")
			break
		}
	}
	outer := r.binding
	defer func() { r.binding = outer }()
	for _, m := range src.Members {
		r.binding = r.rest && (s.IsInput || s.IsOutput || s.Error != nil)
		r.bindingInput = s.IsInput
		if src.Typed().Error != "" && strings.EqualFold(m.Name, "message") {
			// Error messages are read through ErrorMessage(); the field is Message.
			mem, err := r.member(m, false)
			if err != nil {
				return err
			}
			mem.GoName = scope.Claim("Message")
			s.Members = append(s.Members, mem)
			continue
		}
		mem, err := r.member(m, false)
		if err != nil {
			return err
		}
		if s.Error != nil && errorMethods[mem.GoName] {
			// aws-sdk-go-v2's name for such a member (SSO OIDC's "error"
			// member is Error_), so that code written for it compiles.
			mem.GoName += "_"
		}
		mem.GoName = scope.Claim(mem.GoName)
		s.Members = append(s.Members, mem)
	}
	return nil
}

// errorMethods are the methods every generated error type has.
var errorMethods = map[string]bool{"Error": true, "ErrorCode": true, "ErrorMessage": true, "ErrorFault": true, "ErrorCodeOverride": true}

// member resolves a member's Go type. inSparse is true for elements of sparse
// collections, which hold pointers so that null survives.
func (r *resolver) member(m *smithy.Member, inSparse bool) (*ir.Member, error) {
	target := r.m.Shape(m.Target)
	if target == nil {
		return nil, &Error{string(m.ID()), "targets missing shape " + string(m.Target)}
	}
	mt, tt := m.Typed(), target.Typed()
	mem := &ir.Member{
		Name:             m.Name,
		GoName:           naming.Exported(m.Name),
		Doc:              r.doc(mt),
		Deprecated:       deprecated(mt),
		Required:         mt.Required,
		IdempotencyToken: mt.IdempotencyToken,
		Sensitive:        mt.Sensitive || tt.Sensitive,
		TimestampFormat:  mt.TimestampFormat,
	}
	if mem.Doc == "" {
		mem.Doc = r.doc(tt)
	}
	mem.Constraints = constraints(mt, tt)
	mem.Length, mem.Range = bounds(mt.Length, tt.Length), bounds(mt.Range, tt.Range)
	memberPattern(mem, m.ID(), mt, tt)
	if mem.TimestampFormat == "" {
		mem.TimestampFormat = tt.TimestampFormat
	}
	mem.TimestampFormatSet = mem.TimestampFormat != ""
	if r.rest {
		bindMember(mem, m.Traits, target.Traits, r.binding, r.bindingInput)
	}
	if mem.TimestampFormat == "" {
		// Each HTTP location has its own default format; the query
		// protocols' default, for requests and XML responses, is date-time.
		switch {
		case mem.Location == ir.InHeader || mem.Location == ir.InPrefixHeaders:
			mem.TimestampFormat = "http-date"
		case mem.Location == ir.InLabel || mem.Location == ir.InQuery || mem.Location == ir.InQueryParams || r.svc.Protocol.Query || r.svc.Protocol.XML:
			mem.TimestampFormat = "date-time"
		default:
			mem.TimestampFormat = "epoch-seconds"
		}
	}
	r.xmlNames(mem, m)
	// clientOptional members are nullable for clients: their default is the
	// service's business, not the client's.
	if raw := mt.Default; raw != nil && !mt.ClientOptional {
		mem.Default = compact(raw)
		mem.DefaultWire = defaultWire(target.Type, mem.Default)
	}
	t := &ir.Type{}
	mem.Type = t
	switch target.Type {
	case smithy.TypeString:
		if tt.Enum != nil {
			s, err := r.shape(target.ID)
			if err != nil {
				return nil, err
			}
			t.Kind, t.Shape = ir.Enum, s
			t.Pointer = inSparse
			return mem, nil
		}
		t.Kind = ir.String
	case smithy.TypeBoolean:
		t.Kind = ir.Bool
	case smithy.TypeByte:
		t.Kind = ir.Byte
	case smithy.TypeShort:
		t.Kind = ir.Short
	case smithy.TypeInteger:
		t.Kind = ir.Int
	case smithy.TypeLong:
		t.Kind = ir.Long
	case smithy.TypeFloat:
		t.Kind = ir.Float
	case smithy.TypeDouble:
		t.Kind = ir.Double
	case smithy.TypeBigInteger:
		t.Kind = ir.BigInt
	case smithy.TypeBigDecimal:
		t.Kind = ir.BigDecimal
	case smithy.TypeTimestamp:
		t.Kind = ir.Timestamp
	case smithy.TypeBlob:
		t.Kind = ir.Blob
		if tt.Streaming && r.binding {
			// Only a payload streams (unsupported rejects the rest).
			t.Stream = ir.StreamOut
			if r.bindingInput {
				t.Stream = ir.StreamIn
			}
		}
		return mem, nil
	case smithy.TypeDocument:
		t.Kind = ir.Document
		r.svc.HasDocuments = true
		if r.svc.Protocol.Name == "rpcv2Cbor" {
			// The protocol has no document encoding; the rest of the shape works.
			r.svc.Unsupported = append(r.svc.Unsupported, ir.Unsupported{Operation: "-", ShapeID: string(m.ID()),
				Reason: "targets a document (" + string(m.Target) + "), which smithy.protocols#rpcv2Cbor does not carry: skipped when read, fails the call when set"})
		}
		return mem, nil
	case smithy.TypeEnum, smithy.TypeIntEnum, smithy.TypeStructure, smithy.TypeUnion, smithy.TypeList, smithy.TypeSet, smithy.TypeMap:
		s, err := r.shape(target.ID)
		if err != nil {
			return nil, err
		}
		t.Kind, t.Shape = s.Kind, s
		// Structures are pointers in members and values in collections;
		// enums are values unless a sparse collection must keep null.
		switch s.Kind {
		case ir.Struct:
			t.Pointer = !isCollectionMember(r.m, m) || inSparse
		case ir.Enum, ir.IntEnum:
			t.Pointer = inSparse
		}
		return mem, nil
	default:
		return nil, &Error{string(m.ID()), "unsupported target type " + target.Type}
	}
	if isCollectionMember(r.m, m) {
		t.Pointer = inSparse
	} else {
		t.Pointer = nullableScalar(m, t.Kind) || r.inputNullable && r.m.Shape(m.Container).Traits.Has("smithy.api#input")
	}
	return mem, nil
}

// nullableScalar decides whether a structure member holding a boolean,
// number, string or timestamp is a pointer. The rule is aws-sdk-go-v2's,
// Smithy's CLIENT_ZERO_VALUE_V1_NO_INPUT nullability mode: a member is a
// value only when its default is Go's zero value (false, 0) and neither
// addedDefault nor clientOptional says the default may not hold for every
// caller. smithy.api#input and smithy.api#required play no part: an
// operation's input with `Force: Boolean = false` has a plain bool, and a
// required string is still a pointer. Other defaults ("", 5, true) keep the
// pointer so that "not set" stays visible.
func nullableScalar(m *smithy.Member, k ir.Kind) bool {
	mt := m.Typed()
	if mt.Default == nil || mt.ClientOptional || m.Traits.Has("smithy.api#addedDefault") {
		return true
	}
	return !zeroDefault(k, compact(mt.Default))
}

func isCollectionMember(m *smithy.Model, mem *smithy.Member) bool {
	c := m.Shape(mem.Container)
	return c != nil && (c.Type == smithy.TypeList || c.Type == smithy.TypeSet || c.Type == smithy.TypeMap)
}

// collect sorts the named types and aggregates once every operation is resolved.
func (r *resolver) collect() {
	for _, s := range r.shapes {
		switch s.Kind {
		case ir.Struct, ir.Union, ir.Enum, ir.IntEnum:
			r.svc.Types = append(r.svc.Types, s)
		}
	}
	sort.Slice(r.svc.Types, func(i, j int) bool { return r.svc.Types[i].GoName < r.svc.Types[j].GoName })
	sort.Slice(r.svc.Aggregates, func(i, j int) bool {
		return r.svc.Aggregates[i].SerFunc+r.svc.Aggregates[i].DeserFunc < r.svc.Aggregates[j].SerFunc+r.svc.Aggregates[j].DeserFunc
	})
}

// zeroDefault reports whether a boolean or number default equals Go's zero value.
func zeroDefault(k ir.Kind, raw json.RawMessage) bool {
	switch k {
	case ir.Bool:
		return string(raw) == "false"
	case ir.Byte, ir.Short, ir.Int, ir.Long, ir.Float, ir.Double:
		f, err := strconv.ParseFloat(string(raw), 64)
		return err == nil && f == 0
	}
	return false
}

// defaultWire converts a default node value to awsJson; node values already
// have the wire's shape (blobs as base64, timestamps as epoch seconds).
func defaultWire(shapeType string, raw json.RawMessage) string {
	// Blob defaults are base64 in the model already, as on the wire.
	return string(raw)
}

// constraints renders length, range and pattern (member traits win over the
// target's) as one documentation line.
func constraints(member, target *smithy.TypedTraits) string {
	var parts []string
	for _, c := range []struct {
		name           string
		member, target *smithy.Bounds
	}{{"length", member.Length, target.Length}, {"range", member.Range, target.Range}} {
		b := c.member
		if b == nil {
			b = c.target
		}
		switch {
		case b == nil:
		case b.Min != nil && b.Max != nil:
			parts = append(parts, fmt.Sprintf("%s %s to %s", c.name, *b.Min, *b.Max))
		case b.Min != nil:
			parts = append(parts, fmt.Sprintf("%s at least %s", c.name, *b.Min))
		case b.Max != nil:
			parts = append(parts, fmt.Sprintf("%s at most %s", c.name, *b.Max))
		}
	}
	pattern := member.Pattern
	if pattern == nil {
		pattern = target.Pattern
	}
	if pattern != nil {
		parts = append(parts, "pattern "+*pattern)
	}
	if len(parts) == 0 {
		return ""
	}
	return "Constraints (checked by the service): " + strings.Join(parts, "; ") + "."
}

func hasMember(s *ir.Shape, goName string) bool {
	for _, m := range s.Members {
		if m.GoName == goName {
			return true
		}
	}
	return false
}

// xmlNames fills the names the XML and query protocols use for mem. They are
// resolved for every protocol (cheap, and the IR stays protocol-free), but
// only the XML and query emitters read them.
func (r *resolver) xmlNames(mem *ir.Member, m *smithy.Member) {
	mem.XMLName = m.Name
	if n := m.Traits.String("smithy.api#xmlName"); n != "" {
		mem.XMLName = n
	}
	mem.Flattened = m.Traits.Has("smithy.api#xmlFlattened")
	mem.XMLAttribute = m.Traits.Has("smithy.api#xmlAttribute")
	mem.XMLNamespace = xmlNamespace(m.Traits)
	if t := r.m.Shape(m.Target); t != nil && m.Traits.Has("smithy.api#httpPayload") && !m.Traits.Has("smithy.api#xmlName") &&
		(t.Type == smithy.TypeStructure || t.Type == smithy.TypeUnion) {
		// A payload structure is the document root, named as the shape
		// is unless the member renames it.
		mem.XMLName = t.ID.Name()
		if n := t.Traits.String("smithy.api#xmlName"); n != "" {
			mem.XMLName = n
		}
	}
	mem.QueryName = mem.XMLName
	if r.svc.Protocol.EC2 && !isCollectionMember(r.m, m) {
		// ec2Query: ec2QueryName wins; otherwise the name is capitalized.
		if n := m.Traits.String("aws.protocols#ec2QueryName"); n != "" {
			mem.QueryName = n
		} else {
			mem.QueryName = strings.ToUpper(mem.XMLName[:1]) + mem.XMLName[1:]
		}
	}
}

// xmlNamespace reads smithy.api#xmlNamespace, nil when absent.
func xmlNamespace(t smithy.Traits) *ir.XMLNamespace {
	var ns ir.XMLNamespace
	if ok, err := t.Decode("smithy.api#xmlNamespace", &ns); !ok || err != nil || ns.URI == "" {
		return nil
	}
	return &ns
}
