package resolve

import (
	"encoding/json"
	"sort"

	"github.com/eucsdk/eucsdk/codegen/ir"
	"github.com/eucsdk/eucsdk/codegen/smithy"
)

// protocolTests attaches the model's protocol tests for the service's own
// protocol: request and response tests of each operation, and each error
// shape's response tests to the first operation (by name) that lists it.
func (r *resolver) protocolTests() error {
	proto := r.svc.Protocol.Trait
	errorOwner := map[*ir.Shape]*ir.Operation{}
	for _, op := range r.svc.Operations {
		src := r.m.Shape(smithy.ShapeID(op.ShapeID))
		for _, kind := range []string{"request", "response", "malformed"} {
			tests, err := decodeTests(src, kind, proto)
			if err != nil {
				return err
			}
			for _, t := range tests {
				pt := newTest(t, kind, nil, r.svc.ServiceID == "S3")
				if kind == "request" && t.AppliesTo != "server" {
					pt.NotExpressible = explicitZero(op.Input, pt.Params)
				}
				op.Tests = append(op.Tests, pt)
			}
		}
		for _, e := range op.Errors {
			if _, ok := errorOwner[e]; !ok {
				errorOwner[e] = op
			}
		}
	}
	for _, e := range r.svc.Errors() {
		op := errorOwner[e]
		if op == nil {
			continue
		}
		tests, err := decodeTests(r.m.Shape(smithy.ShapeID(e.ShapeID)), "response", proto)
		if err != nil {
			return err
		}
		for _, t := range tests {
			op.Tests = append(op.Tests, newTest(t, "error", e, r.svc.ServiceID == "S3"))
		}
	}
	return nil
}

func decodeTests(s *smithy.Shape, kind, proto string) ([]smithy.HTTPTestCase, error) {
	all := s.Typed().HTTPRequestTests
	switch kind {
	case "response":
		all = s.Typed().HTTPResponseTests
	case "malformed":
		// How a server rejects a malformed request: nothing a client does,
		// so only the id is kept, and the case is server-side.
		var raw []smithy.HTTPTestCase
		if _, err := s.Traits.Decode("smithy.test#httpMalformedRequestTests", &raw); err != nil {
			return nil, &Error{string(s.ID), "smithy.test#httpMalformedRequestTests: " + err.Error()}
		}
		all = nil
		for _, t := range raw {
			all = append(all, smithy.HTTPTestCase{ID: t.ID, Documentation: t.Documentation, Protocol: t.Protocol, AppliesTo: "server"})
		}
	}
	var out []smithy.HTTPTestCase
	for _, t := range all {
		if t.Protocol == proto {
			out = append(out, t)
		}
	}
	return out, nil
}

// newTest converts one case. For S3 (s3 set), a request case resolved to
// another host than its endpoint's needs virtual-host addressing.
func newTest(t smithy.HTTPTestCase, kind string, errShape *ir.Shape, s3 bool) *ir.ProtocolTest {
	pt := &ir.ProtocolTest{
		ID: t.ID, Doc: t.Documentation, Kind: kind, AppliesTo: t.AppliesTo, Params: compact(t.Params),
		Method: t.Method, URI: t.URI, Host: t.Host, ResolvedHost: t.ResolvedHost, ForbidHeaders: t.ForbidHeaders, RequireHeaders: t.RequireHeaders,
		Body: t.Body, BodyMediaType: t.BodyMediaType, Code: t.Code, Error: errShape,
		QueryParams: t.QueryParams, ForbidQuery: t.ForbidQuery, RequireQuery: t.RequireQuery,
		ErrorCode: t.VendorParams.Code,
	}
	if s3 && kind == "request" && t.ResolvedHost != "" && t.ResolvedHost != t.Host {
		pt.SkipWhy = "needs S3 virtual-host addressing (the request must reach " + t.ResolvedHost + ", not " + t.Host + "), a customization listed in UNSUPPORTED.md"
	}
	for k, v := range t.Headers {
		pt.Headers = append(pt.Headers, [2]string{k, v})
	}
	sort.Slice(pt.Headers, func(i, j int) bool { return pt.Headers[i][0] < pt.Headers[j][0] })
	return pt
}

// explicitZero names the first top-level input member a request case sets
// explicitly to false or 0 where the member is a plain bool or number (a
// zero default makes it one, by aws-sdk-go-v2's nullability rule), so the
// value cannot be told from "not set" and the client does not send it, as
// aws-sdk-go-v2's does not. Such a case asks for what the API cannot say.
func explicitZero(in *ir.Shape, params json.RawMessage) string {
	var top map[string]json.RawMessage
	if in == nil || len(params) == 0 || json.Unmarshal(params, &top) != nil {
		return ""
	}
	for _, m := range in.Members {
		raw, ok := top[m.Name]
		if !ok || m.Type.Pointer || !zeroDefault(m.Type.Kind, compact(raw)) {
			continue
		}
		return "sets " + in.ShapeID + "$" + m.Name + " to " + string(compact(raw)) +
			" explicitly, but its zero default makes it a Go value, not a pointer" +
			" (aws-sdk-go-v2's nullability rule), so an explicit zero cannot be told from unset"
	}
	return ""
}
