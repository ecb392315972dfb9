package endpoints

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ParamType is the type of a rule-set parameter. Models spell these
// "String"/"Boolean"/"StringArray" and botocore "string"/"boolean"/
// "stringArray"; Parse accepts both and reports the lower-camel form.
type ParamType string

// Parameter types.
const (
	TypeString      ParamType = "string"
	TypeBoolean     ParamType = "boolean"
	TypeStringArray ParamType = "stringArray"
)

// Parameter describes one input of a rule set, so a code generator can map
// client configuration (built-ins such as "AWS::Region") and operation
// context onto the names Resolve expects.
type Parameter struct {
	Name          string
	Type          ParamType
	BuiltIn       string // e.g. "AWS::Region", "SDK::Endpoint"; empty if none
	Default       any    // string, bool or []string; nil if none
	Required      bool
	Documentation string
}

// RuleSet is a compiled rule set. It is immutable and safe for concurrent
// use.
type RuleSet struct {
	params []Parameter // slot i holds params[i]
	nslots int         // parameters plus one slot per assign
	rules  []*rule
}

// Parameters returns the declared parameters in document order, so code
// generated from them is stable across runs. The slice is the caller's.
func (rs *RuleSet) Parameters() []Parameter {
	out := make([]Parameter, len(rs.params))
	copy(out, rs.params)
	for i := range out {
		if d, ok := out[i].Default.([]string); ok {
			out[i].Default = append([]string(nil), d...)
		}
	}
	return out
}

type ruleKind uint8

const (
	endpointRule ruleKind = iota
	errorRule
	treeRule
)

type rule struct {
	kind       ruleKind
	conditions []condition
	endpoint   *endpointTemplate // endpointRule
	message    expr              // errorRule
	rules      []*rule           // treeRule
}

type condition struct {
	fn     expr
	assign int // slot, or -1
}

type endpointTemplate struct {
	url        expr
	headers    []headerTemplate
	properties []recordField
}

type headerTemplate struct {
	name   string
	values []expr
}

// MustParse is Parse for rule sets embedded in generated code, where a
// failure is a generator bug rather than a run-time condition.
func MustParse(ruleSetJSON string) *RuleSet {
	rs, err := Parse([]byte(ruleSetJSON))
	if err != nil {
		panic(err)
	}
	return rs
}

// Parse compiles a rule set: references are bound to slots, templates are
// split, functions are looked up and arities checked, so that Resolve does
// no JSON work and every structural problem surfaces here rather than for
// some parameter combination in production.
func Parse(ruleSetJSON []byte) (*RuleSet, error) {
	var doc struct {
		Version    string            `json:"version"`
		Parameters json.RawMessage   `json:"parameters"`
		Rules      []json.RawMessage `json:"rules"`
	}
	if err := json.Unmarshal(ruleSetJSON, &doc); err != nil {
		return nil, fmt.Errorf("endpoints: rule set: %w", err)
	}
	if doc.Version == "" {
		return nil, errors.New("endpoints: rule set has no version")
	}
	if major, _, _ := strings.Cut(doc.Version, "."); major != "1" {
		return nil, fmt.Errorf("endpoints: unsupported rule set version %q", doc.Version)
	}
	params, err := parseParameters(doc.Parameters)
	if err != nil {
		return nil, err
	}
	c := &compiler{nslots: len(params)}
	for i, p := range params {
		c.scope = append(c.scope, binding{p.Name, i})
	}
	rs := &RuleSet{params: params}
	for i, raw := range doc.Rules {
		v, err := decodeAny(raw)
		if err != nil {
			return nil, fmt.Errorf("endpoints: rules[%d]: %w", i, err)
		}
		r, err := c.rule(v)
		if err != nil {
			return nil, fmt.Errorf("endpoints: rules[%d]: %w", i, err)
		}
		rs.rules = append(rs.rules, r)
	}
	rs.nslots = c.nslots
	return rs, nil
}

// parseParameters walks the object by token so Parameters() can report
// document order, which a generator will want for stable output.
func parseParameters(raw json.RawMessage) ([]Parameter, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, errors.New("endpoints: parameters is not an object")
	}
	var params []Parameter
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("endpoints: parameters: %w", err)
		}
		name := tok.(string)
		var p struct {
			Type          string `json:"type"`
			BuiltIn       string `json:"builtIn"`
			Default       any    `json:"default"`
			Required      bool   `json:"required"`
			Documentation string `json:"documentation"`
		}
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("endpoints: parameter %s: %w", name, err)
		}
		if seen[name] {
			return nil, fmt.Errorf("endpoints: parameter %s declared twice", name)
		}
		seen[name] = true
		param := Parameter{Name: name, BuiltIn: p.BuiltIn, Required: p.Required, Documentation: p.Documentation}
		switch strings.ToLower(p.Type) {
		case "string":
			param.Type = TypeString
		case "boolean":
			param.Type = TypeBoolean
		case "stringarray":
			param.Type = TypeStringArray
		default:
			return nil, fmt.Errorf("endpoints: parameter %s: unknown type %q", name, p.Type)
		}
		if p.Default != nil {
			d, err := coerceParam(param.Type, p.Default)
			if err != nil {
				return nil, fmt.Errorf("endpoints: parameter %s default: %w", name, err)
			}
			// Store the public form; Resolve converts per call.
			if arr, ok := d.([]any); ok {
				ss := make([]string, len(arr))
				for i, s := range arr {
					ss[i] = s.(string)
				}
				d = ss
			}
			param.Default = d
		}
		params = append(params, param)
	}
	return params, nil
}

func decodeAny(raw []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

type binding struct {
	name string
	slot int
}

// compiler tracks lexical scope. Every assign gets its own slot, so a name
// reused in sibling or nested rules never clobbers a value still in use and
// Resolve needs no scope bookkeeping of its own.
type compiler struct {
	scope  []binding
	nslots int
}

func (c *compiler) lookup(name string) (int, bool) {
	for i := len(c.scope) - 1; i >= 0; i-- {
		if c.scope[i].name == name {
			return c.scope[i].slot, true
		}
	}
	return 0, false
}

func (c *compiler) rule(v any) (*rule, error) {
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, errors.New("rule is not an object")
	}
	mark := len(c.scope)
	defer func() { c.scope = c.scope[:mark] }()

	r := &rule{}
	conds, _ := obj["conditions"].([]any)
	if obj["conditions"] != nil && conds == nil {
		return nil, errors.New("conditions is not an array")
	}
	for i, cv := range conds {
		cond, err := c.condition(cv)
		if err != nil {
			return nil, fmt.Errorf("conditions[%d]: %w", i, err)
		}
		r.conditions = append(r.conditions, cond)
	}
	typ, _ := obj["type"].(string)
	switch typ {
	case "endpoint":
		r.kind = endpointRule
		ep, err := c.endpoint(obj["endpoint"])
		if err != nil {
			return nil, fmt.Errorf("endpoint: %w", err)
		}
		r.endpoint = ep
	case "error":
		r.kind = errorRule
		if obj["error"] == nil {
			return nil, errors.New("error rule without error")
		}
		msg, err := c.expr(obj["error"])
		if err != nil {
			return nil, fmt.Errorf("error: %w", err)
		}
		r.message = msg
	case "tree":
		r.kind = treeRule
		children, ok := obj["rules"].([]any)
		if !ok {
			return nil, errors.New("tree rule without rules")
		}
		for i, cv := range children {
			child, err := c.rule(cv)
			if err != nil {
				return nil, fmt.Errorf("rules[%d]: %w", i, err)
			}
			r.rules = append(r.rules, child)
		}
	default:
		return nil, fmt.Errorf("unknown rule type %q", typ)
	}
	return r, nil
}

func (c *compiler) condition(v any) (condition, error) {
	obj, ok := v.(map[string]any)
	if !ok || obj["fn"] == nil {
		return condition{}, errors.New("condition is not a function call")
	}
	fn, err := c.expr(obj)
	if err != nil {
		return condition{}, err
	}
	cond := condition{fn: fn, assign: -1}
	if a, ok := obj["assign"]; ok {
		name, ok := a.(string)
		if !ok || name == "" {
			return condition{}, errors.New("assign is not a name")
		}
		cond.assign = c.nslots
		c.nslots++
		c.scope = append(c.scope, binding{name, cond.assign})
	}
	return cond, nil
}

func (c *compiler) endpoint(v any) (*endpointTemplate, error) {
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, errors.New("not an object")
	}
	if obj["url"] == nil {
		return nil, errors.New("no url")
	}
	url, err := c.expr(obj["url"])
	if err != nil {
		return nil, fmt.Errorf("url: %w", err)
	}
	ep := &endpointTemplate{url: url}
	if h, ok := obj["headers"]; ok && h != nil {
		hm, ok := h.(map[string]any)
		if !ok {
			return nil, errors.New("headers is not an object")
		}
		for _, name := range sortedKeys(hm) {
			list, ok := hm[name].([]any)
			if !ok {
				return nil, fmt.Errorf("header %s is not an array", name)
			}
			ht := headerTemplate{name: name}
			for _, item := range list {
				e, err := c.expr(item)
				if err != nil {
					return nil, fmt.Errorf("header %s: %w", name, err)
				}
				ht.values = append(ht.values, e)
			}
			ep.headers = append(ep.headers, ht)
		}
	}
	if p, ok := obj["properties"]; ok && p != nil {
		pm, ok := p.(map[string]any)
		if !ok {
			return nil, errors.New("properties is not an object")
		}
		rec, err := c.record(pm)
		if err != nil {
			return nil, fmt.Errorf("properties: %w", err)
		}
		ep.properties = rec.fields
	}
	return ep, nil
}

func (c *compiler) record(m map[string]any) (recordExpr, error) {
	var rec recordExpr
	for _, k := range sortedKeys(m) {
		e, err := c.expr(m[k])
		if err != nil {
			return recordExpr{}, fmt.Errorf("%s: %w", k, err)
		}
		rec.fields = append(rec.fields, recordField{k, e})
	}
	return rec, nil
}

// expr compiles a value position: strings are templates, objects with "ref"
// or "fn" are references and calls, other objects and arrays are literals
// whose members are themselves expressions.
func (c *compiler) expr(v any) (expr, error) {
	switch v := v.(type) {
	case string:
		return c.template(v)
	case bool:
		return boolLit(v), nil
	case json.Number:
		n, err := strconv.Atoi(v.String())
		if err != nil {
			return nil, fmt.Errorf("number %s is not an integer", v)
		}
		return intLit(n), nil
	case []any:
		arr := make(arrayExpr, len(v))
		for i, item := range v {
			e, err := c.expr(item)
			if err != nil {
				return nil, fmt.Errorf("[%d]: %w", i, err)
			}
			arr[i] = e
		}
		return arr, nil
	case map[string]any:
		if r, ok := v["ref"]; ok {
			name, ok := r.(string)
			if !ok {
				return nil, errors.New("ref is not a string")
			}
			slot, ok := c.lookup(name)
			if !ok {
				return nil, fmt.Errorf("reference to undefined %q", name)
			}
			return refExpr(slot), nil
		}
		if f, ok := v["fn"]; ok {
			name, ok := f.(string)
			if !ok {
				return nil, errors.New("fn is not a string")
			}
			argv, ok := v["argv"].([]any)
			if !ok {
				return nil, fmt.Errorf("%s: argv is not an array", name)
			}
			return c.call(name, argv)
		}
		return c.record(v)
	case nil:
		return nil, errors.New("null is not an expression")
	}
	return nil, fmt.Errorf("unexpected %T", v)
}

func (c *compiler) call(name string, argv []any) (expr, error) {
	if name == "getAttr" {
		if len(argv) != 2 {
			return nil, fmt.Errorf("getAttr takes 2 arguments, got %d", len(argv))
		}
		target, err := c.expr(argv[0])
		if err != nil {
			return nil, fmt.Errorf("getAttr: %w", err)
		}
		// The path is a literal, not a template: "a.b[0]" has no braces.
		p, ok := argv[1].(string)
		if !ok {
			return nil, errors.New("getAttr: path is not a string")
		}
		path, err := parsePath(p)
		if err != nil {
			return nil, fmt.Errorf("getAttr: %w", err)
		}
		return getAttrExpr{target, path}, nil
	}
	f, ok := library[name]
	if !ok {
		return nil, fmt.Errorf("unknown function %q", name)
	}
	if len(argv) < f.minArgs || (f.maxArgs >= 0 && len(argv) > f.maxArgs) {
		return nil, fmt.Errorf("%s: wrong number of arguments (%d)", name, len(argv))
	}
	ce := callExpr{name: name, fn: f.fn, args: make([]expr, len(argv))}
	for i, a := range argv {
		e, err := c.expr(a)
		if err != nil {
			return nil, fmt.Errorf("%s argument %d: %w", name, i, err)
		}
		ce.args[i] = e
	}
	return ce, nil
}

// template splits "https://{Region}.{PartitionResult#dnsSuffix}" into
// literal and reference parts; "{{" and "}}" stand for literal braces.
func (c *compiler) template(s string) (expr, error) {
	if !strings.ContainsAny(s, "{}") {
		return stringLit(s), nil
	}
	var t templateExpr
	var lit strings.Builder
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case ch == '{' && i+1 < len(s) && s[i+1] == '{':
			lit.WriteByte('{')
			i++
		case ch == '}' && i+1 < len(s) && s[i+1] == '}':
			lit.WriteByte('}')
			i++
		case ch == '}':
			return nil, fmt.Errorf("template %q: unmatched }", s)
		case ch == '{':
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				return nil, fmt.Errorf("template %q: unclosed {", s)
			}
			inner := s[i+1 : i+end]
			name, pathText, hasPath := strings.Cut(inner, "#")
			slot, ok := c.lookup(name)
			if !ok {
				return nil, fmt.Errorf("template %q: reference to undefined %q", s, name)
			}
			part := templatePart{slot: slot, text: inner}
			if hasPath {
				p, err := parsePath(pathText)
				if err != nil {
					return nil, fmt.Errorf("template %q: %w", s, err)
				}
				part.path = p
			}
			if lit.Len() > 0 {
				t = append(t, templatePart{slot: -1, text: lit.String()})
				lit.Reset()
			}
			t = append(t, part)
			i += end
		default:
			lit.WriteByte(ch)
		}
	}
	if lit.Len() > 0 {
		t = append(t, templatePart{slot: -1, text: lit.String()})
	}
	if len(t) == 1 && t[0].slot < 0 {
		return stringLit(t[0].text), nil
	}
	return t, nil
}

// pathStep is one step of a getAttr path: a record key, or an array index
// when key is empty.
type pathStep struct {
	key   string
	index int
}

// parsePath parses "a.b[0]" style attribute paths. Negative indexes count
// from the end, as newer Smithy revisions allow.
func parsePath(p string) ([]pathStep, error) {
	if p == "" {
		return nil, errors.New("empty attribute path")
	}
	var steps []pathStep
	for _, seg := range strings.Split(p, ".") {
		name := seg
		if i := strings.IndexByte(seg, '['); i >= 0 {
			name = seg[:i]
		}
		if strings.ContainsRune(name, ']') {
			return nil, fmt.Errorf("attribute path %q: bad index", p)
		}
		if name != "" {
			steps = append(steps, pathStep{key: name})
		}
		rest := seg[len(name):]
		if name == "" && rest == "" {
			return nil, fmt.Errorf("attribute path %q has an empty segment", p)
		}
		for rest != "" {
			end := strings.IndexByte(rest, ']')
			if rest[0] != '[' || end < 0 {
				return nil, fmt.Errorf("attribute path %q: bad index", p)
			}
			n, err := strconv.Atoi(rest[1:end])
			if err != nil {
				return nil, fmt.Errorf("attribute path %q: bad index", p)
			}
			steps = append(steps, pathStep{index: n})
			rest = rest[end+1:]
		}
	}
	return steps, nil
}
