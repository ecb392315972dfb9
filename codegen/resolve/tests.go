package resolve

import (
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
				op.Tests = append(op.Tests, newTest(t, kind, nil))
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
			op.Tests = append(op.Tests, newTest(t, "error", e))
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

func newTest(t smithy.HTTPTestCase, kind string, errShape *ir.Shape) *ir.ProtocolTest {
	pt := &ir.ProtocolTest{
		ID: t.ID, Doc: t.Documentation, Kind: kind, AppliesTo: t.AppliesTo, Params: compact(t.Params),
		Method: t.Method, URI: t.URI, Host: t.Host, ResolvedHost: t.ResolvedHost, ForbidHeaders: t.ForbidHeaders, RequireHeaders: t.RequireHeaders,
		Body: t.Body, BodyMediaType: t.BodyMediaType, Code: t.Code, Error: errShape,
		QueryParams: t.QueryParams, ForbidQuery: t.ForbidQuery, RequireQuery: t.RequireQuery,
		ErrorCode: t.VendorParams.Code,
	}
	for k, v := range t.Headers {
		pt.Headers = append(pt.Headers, [2]string{k, v})
	}
	sort.Slice(pt.Headers, func(i, j int) bool { return pt.Headers[i][0] < pt.Headers[j][0] })
	return pt
}
