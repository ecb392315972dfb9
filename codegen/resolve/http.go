package resolve

import (
	"fmt"
	"sort"
	"strings"

	"github.com/eucsdk/eucsdk/codegen/ir"
	"github.com/eucsdk/eucsdk/codegen/smithy"
)

// declaredProtocols names the protocol traits a service carries, for the
// error that says none of them is supported.
func declaredProtocols(svc *smithy.Shape) string {
	var names []string
	for id := range svc.Traits {
		if strings.HasPrefix(id, "aws.protocols#") || strings.HasPrefix(id, "smithy.protocols#") {
			names = append(names, id)
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return "(none declared)"
	}
	return strings.Join(names, ", ")
}

// fixedHeaders are the headers a service needs on every request that its
// model does not say, by sdkId: API Gateway answers in JSON only when asked
// with Accept (its protocol test ApiGatewayAccept holds clients to it).
var fixedHeaders = map[string][][2]string{
	"API Gateway": {{"Accept", "application/json"}},
}

// bindMember sets the JSON key and media type of a member of a REST
// protocol and, where bindings apply (operation inputs, outputs and
// errors, not nested structures), where the protocol puts it.
func bindMember(mem *ir.Member, t, target smithy.Traits, binding, input bool) {
	mem.JSONName = t.String("smithy.api#jsonName")
	mem.MediaType = target.String("smithy.api#mediaType")
	if !binding {
		return
	}
	mem.HostLabel = t.Has("smithy.api#hostLabel")
	switch {
	case !input && (t.Has("smithy.api#httpLabel") || t.Has("smithy.api#httpQuery") || t.Has("smithy.api#httpQueryParams")):
		// Request-only bindings: in a response the member is in the body.
	case input && t.Has("smithy.api#httpResponseCode"):
		// Response-only: in a request the member is in the body.
	case t.Has("smithy.api#httpLabel"):
		mem.Location = ir.InLabel
	case t.Has("smithy.api#httpQuery"):
		mem.Location, mem.LocationName = ir.InQuery, t.String("smithy.api#httpQuery")
	case t.Has("smithy.api#httpQueryParams"):
		mem.Location = ir.InQueryParams
	case t.Has("smithy.api#httpHeader"):
		mem.Location, mem.LocationName = ir.InHeader, t.String("smithy.api#httpHeader")
	case t.Has("smithy.api#httpPrefixHeaders"):
		mem.Location, mem.LocationName = ir.InPrefixHeaders, t.String("smithy.api#httpPrefixHeaders")
	case t.Has("smithy.api#httpPayload"):
		mem.Location = ir.InPayload
	case t.Has("smithy.api#httpResponseCode"):
		mem.Location = ir.InStatusCode
	}
}

// httpBinding resolves the operation's smithy.api#http trait: method, the
// URI template's segments bound to input members, and the success code;
// and the endpoint trait's host prefix.
func (r *resolver) httpBinding(op *smithy.Shape, o *ir.Operation) error {
	var h struct {
		Method string `json:"method"`
		URI    string `json:"uri"`
		Code   int    `json:"code"`
	}
	ok, err := op.Traits.Decode("smithy.api#http", &h)
	if err != nil {
		return &Error{string(op.ID), "smithy.api#http: " + err.Error()}
	}
	if !ok {
		return &Error{string(op.ID), "restJson1 operation has no smithy.api#http trait"}
	}
	if h.Code == 0 {
		h.Code = 200
	}
	b := &ir.HTTP{Method: h.Method, Code: h.Code}
	path, query, _ := strings.Cut(h.URI, "?")
	if query != "" {
		b.Query = strings.Split(query, "&")
	}
	for _, seg := range strings.Split(strings.TrimPrefix(path, "/"), "/") {
		if !strings.HasPrefix(seg, "{") || !strings.HasSuffix(seg, "}") {
			b.Path = append(b.Path, ir.PathSegment{Literal: seg})
			continue
		}
		name := seg[1 : len(seg)-1]
		ps := ir.PathSegment{}
		if strings.HasSuffix(name, "+") {
			name, ps.Greedy = strings.TrimSuffix(name, "+"), true
		}
		for _, m := range o.Input.Members {
			if m.Name == name && m.Location == ir.InLabel {
				ps.Label = m
			}
		}
		if ps.Label == nil {
			return &Error{string(op.ID), fmt.Sprintf("smithy.api#http uri %q: label {%s} names no httpLabel member of the input", h.URI, name)}
		}
		b.Path = append(b.Path, ps)
	}
	o.HTTP = b
	var ep struct {
		HostPrefix string `json:"hostPrefix"`
	}
	if _, err := op.Traits.Decode("smithy.api#endpoint", &ep); err != nil {
		return &Error{string(op.ID), "smithy.api#endpoint: " + err.Error()}
	}
	o.HostPrefix = ep.HostPrefix
	o.ChecksumRequired = op.Traits.Has("smithy.api#httpChecksumRequired")
	o.FixedHeaders = fixedHeaders[r.svc.ServiceID]
	if r.svc.ServiceID == "Glacier" {
		glacierCustomizations(r.svc, o)
	}
	return nil
}

// glacierCustomizations are what aws-sdk-go-v2 adds to Glacier beyond its
// model, and its protocol tests require: the API version in
// X-Amz-Glacier-Version on every request, "-" (the caller's account) for
// an empty account id, and the checksum headers of uploads.
func glacierCustomizations(svc *ir.Service, o *ir.Operation) {
	o.FixedHeaders = append(append([][2]string(nil), o.FixedHeaders...), [2]string{"X-Amz-Glacier-Version", svc.Version})
	for _, m := range o.Input.Members {
		if m.Name == "accountId" && m.Location == ir.InLabel {
			m.LabelDefault = "-"
		}
	}
	if p := o.Input.Payload(); p != nil && p.Type.Stream == ir.StreamIn {
		o.TreeHash = true
	}
}
