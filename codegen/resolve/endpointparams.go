package resolve

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/eucsdk/eucsdk/codegen/ir"
	"github.com/eucsdk/eucsdk/codegen/smithy"
)

// endpointBindings collects the endpoint rule parameters an operation sets:
// smithy.rules#contextParam on its input members,
// smithy.rules#staticContextParams and smithy.rules#operationContextParams
// on the operation. A binding the rule set does not declare is dropped, as
// aws-sdk-go-v2 drops it; one the generator cannot express (a path outside
// the forms below, a member of the wrong type) is reported per operation in
// UNSUPPORTED.md, and the call goes to the endpoint the other parameters
// give.
func (r *resolver) endpointBindings(op *smithy.Shape, o *ir.Operation) {
	// S3's rules put the bucket into the host or the endpoint's path,
	// which needs v2's customization that takes it out of the request
	// path; without it, requests stay path style (UNSUPPORTED.md says so).
	if r.svc.EndpointRuleSet == nil || o.Input == nil || r.svc.ServiceID == "S3" {
		return
	}
	types := map[string]string{}
	for _, p := range r.svc.EndpointParams {
		types[p.Name] = p.Type
	}
	fail := func(param, trait, why string) {
		r.svc.Unsupported = append(r.svc.Unsupported, ir.Unsupported{Operation: o.Name, ShapeID: string(op.ID),
			Reason: fmt.Sprintf("%s endpoint parameter %s is not set: %s", trait, param, why)})
	}
	var out []ir.EndpointBinding
	if in := r.m.Shape(op.Input); in != nil {
		for _, mem := range in.Members {
			name := mem.Typed().ContextParam
			if name == "" || types[name] == "" {
				continue
			}
			m := memberNamed(o.Input, mem.Name)
			if m == nil {
				continue
			}
			b := ir.EndpointBinding{Param: name, Type: types[name], Path: []*ir.Member{m}, Each: -1}
			if !bindingFits(b) {
				fail(name, "smithy.rules#contextParam", fmt.Sprintf("member %s is not a %s", mem.ID(), b.Type))
				continue
			}
			out = append(out, b)
		}
	}
	for name, v := range op.Typed().StaticContextParams {
		if types[name] == "" {
			continue
		}
		out = append(out, ir.EndpointBinding{Param: name, Type: types[name], Static: compact(v.Value), Each: -1})
	}
	for name, v := range op.Typed().OperationContextParams {
		if types[name] == "" {
			continue
		}
		b, err := contextPath(o.Input, v.Path)
		if err == nil {
			b.Param, b.Type = name, types[name]
			if !bindingFits(b) {
				err = fmt.Errorf("path %q does not give a %s", v.Path, b.Type)
			}
		}
		if err != nil {
			fail(name, "smithy.rules#operationContextParams", err.Error())
			continue
		}
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Param < out[j].Param })
	o.EndpointBindings = out
	// S3 Control's rules put the account id into the host themselves; its
	// "{AccountId}." host prefix would add it twice, so aws-sdk-go-v2 drops
	// the prefix when the rules resolve the endpoint.
	if r.svc.ServiceID == "S3 Control" {
		for _, b := range out {
			if b.Param == "AccountId" {
				o.HostPrefix = ""
			}
		}
	}
}

func memberNamed(s *ir.Shape, name string) *ir.Member {
	for _, m := range s.Members {
		if m.Name == name {
			return m
		}
	}
	return nil
}

// bindingFits reports whether the value a binding reads has the rule
// parameter's type.
func bindingFits(b ir.EndpointBinding) bool {
	if b.Static != nil {
		var v any
		if json.Unmarshal(b.Static, &v) != nil {
			return false
		}
		switch v.(type) {
		case string:
			return b.Type == "string"
		case bool:
			return b.Type == "boolean"
		}
		return false
	}
	last := b.Path[len(b.Path)-1].Type
	switch {
	case b.Keys:
		return b.Type == "stringarray" && last.Kind == ir.Map && isString(last.Shape.Key.Type)
	case b.Each >= 0:
		return b.Type == "stringarray" && isString(last)
	case isString(last):
		return b.Type == "string"
	case last.Kind == ir.Bool:
		return b.Type == "boolean"
	case last.Kind == ir.List:
		el := last.Shape.Elem.Type
		return b.Type == "stringarray" && el.Kind == ir.String && !el.Pointer
	}
	return false
}

// contextPath compiles the operationContextParams paths AWS models use:
// a.b.c (nested members), a[*].b.c (a member of each element of a list of
// structures) and keys(a.b) (the keys of a map).
func contextPath(in *ir.Shape, path string) (ir.EndpointBinding, error) {
	b := ir.EndpointBinding{Each: -1}
	expr := path
	if inner, ok := strings.CutPrefix(expr, "keys("); ok && strings.HasSuffix(inner, ")") {
		expr, b.Keys = strings.TrimSuffix(inner, ")"), true
	}
	shape := in
	for _, seg := range strings.Split(expr, ".") {
		each := strings.HasSuffix(seg, "[*]")
		seg = strings.TrimSuffix(seg, "[*]")
		if shape == nil || shape.Kind != ir.Struct {
			return b, fmt.Errorf("path %q: %s is not a member of a structure", path, seg)
		}
		m := memberNamed(shape, seg)
		if m == nil {
			return b, fmt.Errorf("path %q: %s has no member %s", path, shape.ShapeID, seg)
		}
		b.Path = append(b.Path, m)
		shape = m.Type.Shape
		if each {
			if b.Each >= 0 || m.Type.Kind != ir.List || b.Keys {
				return b, fmt.Errorf("path %q: only one [*], over a list, is supported", path)
			}
			b.Each = len(b.Path) - 1
			shape = m.Type.Shape.Elem.Type.Shape
		}
	}
	return b, nil
}

func isString(t *ir.Type) bool { return t.Kind == ir.String || t.Kind == ir.Enum }

// endpointCalls attaches the operationInputs of the model's endpoint tests
// to their cases: calls of the generated client, made with the case's SDK
// built-ins, whose requests must reach the endpoint the case expects. A
// call the client cannot make as written is skipped, with the reason: its
// operation is not generated, it needs a setting the client has no option
// for (a client context parameter, a built-in other than region, FIPS,
// dual-stack, endpoint and the account id ones, unless given at its
// default), it expects SigV4a, or (S3) it needs the virtual-host
// customization.
func (r *resolver) endpointCalls(svc *smithy.Shape) {
	tcs := svc.Typed().EndpointTests
	if len(tcs) != len(r.svc.EndpointTests) {
		return
	}
	ops := map[string]*ir.Operation{}
	for _, o := range r.svc.Operations {
		ops[smithy.ShapeID(o.ShapeID).Name()] = o
	}
	builtIns := map[string]ir.EndpointParam{}
	for _, p := range r.svc.EndpointParams {
		if p.BuiltIn != "" {
			builtIns[p.BuiltIn] = p
		}
	}
	for i, tc := range tcs {
		t := &r.svc.EndpointTests[i]
		sigv4a := onlySigV4a(t.Expect)
		for _, in := range tc.OperationInputs {
			c := ir.EndpointCall{Operation: ops[in.OperationName], Params: compact(in.OperationParams), SkipWhy: t.SkipWhy}
			skip := func(why string) {
				if c.SkipWhy == "" {
					c.SkipWhy = why
				}
			}
			if c.Operation == nil {
				skip("operation " + in.OperationName + " is not generated (see UNSUPPORTED.md)")
				t.Calls = append(t.Calls, c)
				continue
			}
			if r.svc.ServiceID == "S3" {
				skip("S3 customization: virtual-host addressing is not applied (UNSUPPORTED.md)")
			}
			if sigv4a {
				skip("the endpoint asks for SigV4a signing, which this SDK does not do")
			}
			if len(in.ClientParams) > 0 {
				skip("sets client context parameters, which have no client option here")
			}
			names := make([]string, 0, len(in.BuiltInParams))
			for n := range in.BuiltInParams {
				names = append(names, n)
			}
			sort.Strings(names)
			for _, n := range names {
				raw := compact(in.BuiltInParams[n])
				var s string
				var b bool
				switch n {
				case "AWS::Region":
					if json.Unmarshal(raw, &s) == nil {
						c.Region = &s
					}
				case "SDK::Endpoint":
					if json.Unmarshal(raw, &s) == nil {
						c.Endpoint = &s
					}
				case "AWS::UseFIPS":
					if json.Unmarshal(raw, &b) == nil {
						c.UseFIPS = b
					}
				case "AWS::UseDualStack":
					if json.Unmarshal(raw, &b) == nil {
						c.UseDualStack = b
					}
				case "AWS::Auth::AccountId":
					if json.Unmarshal(raw, &s) == nil {
						c.AccountID = &s
					}
					if s == "" {
						// Credentials without an account id are the
						// built-in unset, not set to "".
						skip("sets built-in AWS::Auth::AccountId to \"\", which credentials cannot carry apart from carrying none")
					}
				case "AWS::Auth::AccountIdEndpointMode":
					if json.Unmarshal(raw, &s) == nil {
						c.AccountIDMode = &s
					}
				default:
					// A built-in given at the rule set's default changes
					// nothing; any other value needs an option we lack.
					if p, ok := builtIns[n]; !ok || string(compact(p.Default)) != string(raw) {
						skip("sets built-in " + n + " to " + string(raw) + ", which has no client option here")
					}
				}
			}
			t.Calls = append(t.Calls, c)
		}
	}
}

// onlySigV4a reports an expected endpoint whose auth schemes offer sigv4a
// but not sigv4, the one scheme the client signs with.
func onlySigV4a(expect json.RawMessage) bool {
	var e struct {
		Endpoint struct {
			Properties struct {
				AuthSchemes []struct {
					Name string `json:"name"`
				} `json:"authSchemes"`
			} `json:"properties"`
		} `json:"endpoint"`
	}
	if json.Unmarshal(expect, &e) != nil {
		return false
	}
	a := false
	for _, s := range e.Endpoint.Properties.AuthSchemes {
		switch s.Name {
		case "sigv4":
			return false
		case "sigv4a":
			a = true
		}
	}
	return a
}
