package endpoints

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Endpoint is a resolved endpoint. Properties holds rule-set defined data
// (notably "authSchemes") as JSON-like values: string, bool, []any and
// map[string]any. The caller owns all of it.
type Endpoint struct {
	URL        string
	Headers    map[string][]string
	Properties map[string]any
}

// SigV4 reports the signing name and region the endpoint asks for in its
// "sigv4" auth scheme. Either may be empty, meaning the client's own value
// applies; ok is false when the endpoint names no sigv4 scheme, which is the
// common case for AppStream and WorkSpaces.
func (e Endpoint) SigV4() (signingName, signingRegion string, ok bool) {
	schemes, _ := e.Properties["authSchemes"].([]any)
	for _, s := range schemes {
		m, _ := s.(map[string]any)
		if name, _ := m["name"].(string); name != "sigv4" {
			continue
		}
		signingName, _ = m["signingName"].(string)
		signingRegion, _ = m["signingRegion"].(string)
		return signingName, signingRegion, true
	}
	return "", "", false
}

// RuleError is returned when resolution reaches an error rule: the
// parameters describe a configuration the service does not support. Its
// message is the rule's, verbatim, because users search for it.
type RuleError struct {
	Message string
}

func (e *RuleError) Error() string { return e.Message }

// ErrNoMatch is returned when no rule applies to the parameters. AWS rule
// sets end every branch with an error rule, so in practice it signals a
// malformed rule set or parameters of a shape the rule set never expects.
var ErrNoMatch = errors.New("endpoints: no rule matched the parameters")

// Resolve evaluates the rule set. Values may be string, bool, []string (or
// pointers to string and bool, nil meaning unset). Entries for parameters
// the rule set does not declare are ignored, so a client can pass its
// standard built-ins to every service whether or not that service uses them.
func (rs *RuleSet) Resolve(params map[string]any) (Endpoint, error) {
	vars := make([]any, rs.nslots)
	for i, p := range rs.params {
		var v any
		if raw, ok := params[p.Name]; ok {
			var err error
			if v, err = coerceParam(p.Type, raw); err != nil {
				return Endpoint{}, fmt.Errorf("endpoints: parameter %s: %w", p.Name, err)
			}
		}
		if v == nil && p.Default != nil {
			v = freshDefault(p.Default)
		}
		if v == nil && p.Required {
			return Endpoint{}, fmt.Errorf("endpoints: missing required parameter %s", p.Name)
		}
		vars[i] = v
	}
	ev := evaluator{vars: vars}
	return ev.rules(rs.rules)
}

// coerceParam normalises a caller's value to the engine's representation
// (string, bool, []any of string), or nil for an unset pointer.
func coerceParam(t ParamType, v any) (any, error) {
	switch t {
	case TypeString:
		switch v := v.(type) {
		case string:
			return v, nil
		case *string:
			if v == nil {
				return nil, nil
			}
			return *v, nil
		}
	case TypeBoolean:
		switch v := v.(type) {
		case bool:
			return v, nil
		case *bool:
			if v == nil {
				return nil, nil
			}
			return *v, nil
		}
	case TypeStringArray:
		switch v := v.(type) {
		case []string:
			if v == nil {
				return nil, nil
			}
			out := make([]any, len(v))
			for i, s := range v {
				out[i] = s
			}
			return out, nil
		case []any:
			if v == nil {
				return nil, nil
			}
			out := make([]any, len(v))
			for i, s := range v {
				str, ok := s.(string)
				if !ok {
					return nil, fmt.Errorf("element %d is %T, want string", i, s)
				}
				out[i] = str
			}
			return out, nil
		}
	}
	if v == nil {
		return nil, nil
	}
	return nil, fmt.Errorf("got %T, want %s", v, t)
}

func freshDefault(d any) any {
	if ss, ok := d.([]string); ok {
		out := make([]any, len(ss))
		for i, s := range ss {
			out[i] = s
		}
		return out
	}
	return d
}

type evaluator struct {
	vars []any
}

// rules tries rules in order. A tree whose conditions hold is final: if none
// of its children applies, resolution fails rather than falling through to
// the tree's siblings, as in the reference implementations.
func (ev *evaluator) rules(rules []*rule) (Endpoint, error) {
	for _, r := range rules {
		ok, err := ev.conditions(r.conditions)
		if err != nil {
			return Endpoint{}, err
		}
		if !ok {
			continue
		}
		switch r.kind {
		case endpointRule:
			return ev.endpoint(r.endpoint)
		case errorRule:
			v, err := r.message.eval(ev)
			if err != nil {
				return Endpoint{}, err
			}
			msg, ok := v.(string)
			if !ok {
				return Endpoint{}, fmt.Errorf("endpoints: error rule message is %T, want string", v)
			}
			return Endpoint{}, &RuleError{Message: msg}
		case treeRule:
			return ev.rules(r.rules)
		}
	}
	return Endpoint{}, ErrNoMatch
}

// conditions holds when every function result is neither false nor unset.
func (ev *evaluator) conditions(conds []condition) (bool, error) {
	for _, c := range conds {
		v, err := c.fn.eval(ev)
		if err != nil {
			return false, err
		}
		if v == nil || v == false {
			return false, nil
		}
		if c.assign >= 0 {
			ev.vars[c.assign] = v
		}
	}
	return true, nil
}

func (ev *evaluator) endpoint(t *endpointTemplate) (Endpoint, error) {
	u, err := t.url.eval(ev)
	if err != nil {
		return Endpoint{}, err
	}
	url, ok := u.(string)
	if !ok {
		return Endpoint{}, fmt.Errorf("endpoints: endpoint url is %T, want string", u)
	}
	ep := Endpoint{URL: url}
	if len(t.headers) > 0 {
		ep.Headers = make(map[string][]string, len(t.headers))
		for _, h := range t.headers {
			vals := make([]string, 0, len(h.values))
			for _, e := range h.values {
				v, err := e.eval(ev)
				if err != nil {
					return Endpoint{}, err
				}
				s, ok := v.(string)
				if !ok {
					return Endpoint{}, fmt.Errorf("endpoints: header %s value is %T, want string", h.name, v)
				}
				vals = append(vals, s)
			}
			ep.Headers[h.name] = vals
		}
	}
	if len(t.properties) > 0 {
		props, err := recordExpr{t.properties}.eval(ev)
		if err != nil {
			return Endpoint{}, err
		}
		ep.Properties = props.(map[string]any)
	}
	return ep, nil
}

// expr is a compiled expression. Values are nil (unset), string, bool, int,
// []any and map[string]any.
type expr interface {
	eval(ev *evaluator) (any, error)
}

type stringLit string

func (s stringLit) eval(*evaluator) (any, error) { return string(s), nil }

type boolLit bool

func (b boolLit) eval(*evaluator) (any, error) { return bool(b), nil }

type intLit int

func (n intLit) eval(*evaluator) (any, error) { return int(n), nil }

type refExpr int

func (r refExpr) eval(ev *evaluator) (any, error) { return ev.vars[r], nil }

type arrayExpr []expr

func (a arrayExpr) eval(ev *evaluator) (any, error) {
	out := make([]any, len(a))
	for i, e := range a {
		v, err := e.eval(ev)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

type recordField struct {
	key string
	val expr
}

type recordExpr struct {
	fields []recordField
}

func (r recordExpr) eval(ev *evaluator) (any, error) {
	out := make(map[string]any, len(r.fields))
	for _, f := range r.fields {
		v, err := f.val.eval(ev)
		if err != nil {
			return nil, err
		}
		out[f.key] = v
	}
	return out, nil
}

type getAttrExpr struct {
	target expr
	path   []pathStep
}

func (g getAttrExpr) eval(ev *evaluator) (any, error) {
	v, err := g.target.eval(ev)
	if err != nil {
		return nil, err
	}
	return walkPath(v, g.path), nil
}

// walkPath yields nil for a missing key, an out-of-range index or a type
// mismatch: rule sets test such results with isSet rather than expecting an
// error.
func walkPath(v any, path []pathStep) any {
	for _, s := range path {
		switch cur := v.(type) {
		case map[string]any:
			if s.key == "" {
				return nil
			}
			v = cur[s.key]
		case []any:
			if s.key != "" {
				return nil
			}
			i := s.index
			if i < 0 {
				i += len(cur)
			}
			if i < 0 || i >= len(cur) {
				return nil
			}
			v = cur[i]
		default:
			return nil
		}
	}
	return v
}

type callExpr struct {
	name string
	fn   func(args []any) (any, error)
	args []expr
}

func (c callExpr) eval(ev *evaluator) (any, error) {
	args := make([]any, len(c.args))
	for i, e := range c.args {
		v, err := e.eval(ev)
		if err != nil {
			return nil, err
		}
		args[i] = v
	}
	v, err := c.fn(args)
	if err != nil {
		return nil, fmt.Errorf("endpoints: %s: %w", c.name, err)
	}
	return v, nil
}

// templatePart is literal text (slot < 0) or a reference with an optional
// attribute path; text keeps the placeholder for error messages.
type templatePart struct {
	slot int
	path []pathStep
	text string
}

type templateExpr []templatePart

func (t templateExpr) eval(ev *evaluator) (any, error) {
	var b strings.Builder
	for _, p := range t {
		if p.slot < 0 {
			b.WriteString(p.text)
			continue
		}
		v := ev.vars[p.slot]
		if p.path != nil {
			v = walkPath(v, p.path)
		}
		s, ok := v.(string)
		if !ok {
			if v == nil {
				return nil, fmt.Errorf("endpoints: template placeholder {%s} is unset", p.text)
			}
			return nil, fmt.Errorf("endpoints: template placeholder {%s} is %T, want string", p.text, v)
		}
		b.WriteString(s)
	}
	return b.String(), nil
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
