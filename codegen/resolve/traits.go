package resolve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/eucsdk/eucsdk/codegen/docs"
	"github.com/eucsdk/eucsdk/codegen/ir"
	"github.com/eucsdk/eucsdk/codegen/naming"
	"github.com/eucsdk/eucsdk/codegen/smithy"
)

// paginator merges the operation's paginated trait over the service's
// defaults and resolves each path to members, failing with the member at fault.
func (r *resolver) paginator(op, svcShape *smithy.Shape, o *ir.Operation) (*ir.Paginator, error) {
	if op.Typed().Paginated == nil {
		return nil, nil
	}
	p := *op.Typed().Paginated
	var def smithy.PaginatedTrait
	if d := svcShape.Typed().Paginated; d != nil {
		def = *d
	}
	if p.InputToken == "" {
		p.InputToken = def.InputToken
	}
	if p.OutputToken == "" {
		p.OutputToken = def.OutputToken
	}
	if p.PageSize == "" {
		p.PageSize = def.PageSize
	}
	if p.Items == "" {
		p.Items = def.Items
	}
	if p.InputToken == "" || p.OutputToken == "" {
		return nil, &Error{string(op.ID), "paginated trait needs inputToken and outputToken"}
	}
	pg := &ir.Paginator{}
	in, err := memberPath(o.Input, p.InputToken)
	if err != nil {
		return nil, &Error{string(op.ID), "paginated inputToken: " + err.Error()}
	}
	pg.InputToken = in[len(in)-1]
	if pg.OutputToken, err = memberPath(o.Output, p.OutputToken); err != nil {
		return nil, &Error{string(op.ID), "paginated outputToken: " + err.Error()}
	}
	if p.PageSize != "" {
		ps, err := memberPath(o.Input, p.PageSize)
		if err != nil {
			return nil, &Error{string(op.ID), "paginated pageSize: " + err.Error()}
		}
		pg.PageSize = ps[0]
	}
	if p.Items != "" {
		if pg.Items, err = memberPath(o.Output, p.Items); err != nil {
			return nil, &Error{string(op.ID), "paginated items: " + err.Error()}
		}
		last := pg.Items[len(pg.Items)-1].Type
		switch {
		case last.Kind == ir.List:
			pg.ItemType = last.Shape.Elem.Type
		case last.Kind == ir.Map:
			pg.ItemType = nil // maps have no item order; Items is not generated
		default:
			return nil, &Error{string(op.ID), "paginated items " + p.Items + " is not a list"}
		}
	}
	return pg, nil
}

// memberPath resolves a dotted path of member names starting at s.
func memberPath(s *ir.Shape, path string) ([]*ir.Member, error) {
	var out []*ir.Member
	cur := s
	for _, part := range strings.Split(path, ".") {
		if cur == nil || cur.Kind != ir.Struct {
			return nil, fmt.Errorf("%s: %s is not a structure", path, part)
		}
		var found *ir.Member
		for _, m := range cur.Members {
			if m.Name == part {
				found = m
			}
		}
		if found == nil {
			return nil, fmt.Errorf("member %s not found in %s", part, cur.ShapeID)
		}
		out = append(out, found)
		cur = found.Type.Shape
	}
	return out, nil
}

func (r *resolver) waiters(op *smithy.Shape) ([]*ir.Waiter, error) {
	var out []*ir.Waiter
	for _, w := range op.Typed().Waiters {
		n := w.Name
		iw := &ir.Waiter{Name: naming.Exported(n), Doc: docs.Godoc(w.Documentation, DocWidth), MinDelay: w.MinDelay, MaxDelay: w.MaxDelay, Deprecated: w.Deprecated}
		if iw.MinDelay == 0 {
			iw.MinDelay = 2
		}
		if iw.MaxDelay == 0 {
			iw.MaxDelay = 120
		}
		if iw.MinDelay > iw.MaxDelay {
			return nil, &Error{string(op.ID), fmt.Sprintf("waiter %s: minDelay %d exceeds maxDelay %d", n, iw.MinDelay, iw.MaxDelay)}
		}
		for i, a := range w.Acceptors {
			acc := ir.Acceptor{State: a.State}
			switch m := a.Matcher; {
			case m.Output != nil:
				acc.Kind, acc.Path, acc.Expected, acc.Comparator = "output", m.Output.Path, m.Output.Expected, m.Output.Comparator
			case m.InputOutput != nil:
				acc.Kind, acc.Path, acc.Expected, acc.Comparator = "inputOutput", m.InputOutput.Path, m.InputOutput.Expected, m.InputOutput.Comparator
			case m.Success != nil:
				acc.Kind, acc.Success = "success", *m.Success
			case m.ErrorType != nil:
				acc.Kind, acc.ErrorType = "errorType", *m.ErrorType
			default:
				return nil, &Error{string(op.ID), fmt.Sprintf("waiter %s acceptor %d has no matcher", n, i)}
			}
			switch acc.State {
			case "success", "failure", "retry":
			default:
				return nil, &Error{string(op.ID), fmt.Sprintf("waiter %s acceptor %d: unknown state %q", n, i, acc.State)}
			}
			iw.Acceptors = append(iw.Acceptors, acc)
		}
		out = append(out, iw)
	}
	return out, nil
}

// endpoints keeps the rule set as compact JSON for the runtime engine, and
// the model's test cases for generated tests.
func (r *resolver) endpoints(svc *smithy.Shape) error {
	rs := svc.Typed().EndpointRuleSet
	if rs == nil {
		return nil
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, rs.Raw); err != nil {
		return &Error{string(svc.ID), "endpointRuleSet: " + err.Error()}
	}
	r.svc.EndpointRuleSet = buf.Bytes()
	names := make([]string, 0, len(rs.Parameters))
	for n := range rs.Parameters {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		p := rs.Parameters[n]
		r.svc.EndpointParams = append(r.svc.EndpointParams, ir.EndpointParam{
			Name: n, GoName: naming.Exported(n), Type: strings.ToLower(p.Type), BuiltIn: p.BuiltIn,
			Required: p.Required, Default: p.Default, Doc: docs.Godoc(p.Documentation, DocWidth),
		})
	}
	dsOnly := dualStackOnly(rs)
	for _, tc := range svc.Typed().EndpointTests {
		r.svc.EndpointTests = append(r.svc.EndpointTests, ir.EndpointTest{
			Doc: tc.Documentation, Params: compact(tc.Params), Expect: compact(tc.Expect), SkipWhy: staleEndpointTest(tc.Params, tc.Expect, dsOnly),
		})
	}
	return nil
}

func compact(raw json.RawMessage) json.RawMessage {
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return raw
	}
	return buf.Bytes()
}

// staleEndpointTest explains why a model endpoint test cannot pass against
// current partition data, or returns "". Models embed tests written when the
// ISO partitions had no dual-stack; partitions.json now says they do, with
// their own dual-stack DNS suffixes. Two kinds of case went stale: those
// that set UseDualStack and expect "partition does not support DualStack",
// and, in a rule set that is dual-stack only (it declares no UseDualStack
// and builds its hosts from dualStackDnsSuffix), every ISO case that still
// expects the partition's plain DNS suffix or that error.
func staleEndpointTest(params, expect json.RawMessage, dualStackOnly bool) string {
	var p struct {
		Region       string `json:"Region"`
		UseDualStack bool   `json:"UseDualStack"`
	}
	var e struct {
		Error    string `json:"error"`
		Endpoint struct {
			URL string `json:"url"`
		} `json:"endpoint"`
	}
	if json.Unmarshal(params, &p) != nil || json.Unmarshal(expect, &e) != nil {
		return ""
	}
	if _, iso := isoPlainDNSSuffix(p.Region); iso && p.UseDualStack && strings.Contains(e.Error, "partition does not support") {
		return "stale: current partitions.json sets supportsDualStack for every ISO partition"
	}
	if !dualStackOnly {
		return ""
	}
	plain, iso := isoPlainDNSSuffix(p.Region)
	if !iso {
		return ""
	}
	if strings.Contains(e.Error, "DualStack") || e.Endpoint.URL != "" && urlHostHasSuffix(e.Endpoint.URL, plain) {
		return "stale: the rule set is dual-stack only and current partitions.json gives " + p.Region +
			"'s partition a dual-stack DNS suffix of its own, not " + plain
	}
	return ""
}

// isoPlainDNSSuffix is the plain DNS suffix of the ISO partition a region
// belongs to (partitions.json's dnsSuffix), and whether it is in one.
func isoPlainDNSSuffix(region string) (string, bool) {
	for _, iso := range []struct{ prefix, suffix string }{
		{"us-iso-", "c2s.ic.gov"}, {"us-isob-", "sc2s.sgov.gov"}, {"eu-isoe-", "cloud.adc-e.uk"}, {"us-isof-", "csp.hci.ic.gov"},
	} {
		if strings.HasPrefix(region, iso.prefix) {
			return iso.suffix, true
		}
	}
	return "", false
}

func urlHostHasSuffix(rawURL, suffix string) bool {
	u, err := url.Parse(rawURL)
	return err == nil && (u.Hostname() == suffix || strings.HasSuffix(u.Hostname(), "."+suffix))
}

// dualStackOnly reports a rule set that builds hosts from the dual-stack DNS
// suffix without a UseDualStack parameter to turn it off.
func dualStackOnly(rs *smithy.RuleSetTrait) bool {
	if _, ok := rs.Parameters["UseDualStack"]; ok {
		return false
	}
	return bytes.Contains(rs.Raw, []byte("dualStackDnsSuffix"))
}
