// Package jmespath parses JMESPath expressions into an AST for the generator
// to compile into Go. Waiter paths are fixed in the model, so they are
// checked and translated once, at generate time, rather than interpreted on
// every attempt. The grammar is the full JMESPath specification; what the
// compiler accepts is narrower and reported there.
package jmespath

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Kind is the kind of an AST node.
type Kind int

const (
	Identity         Kind = iota // the current node, implied (e.g. the left of a leading [])
	Current                      // @
	Field                        // Name
	Subexpr                      // Children[0].Children[1]
	Index                        // Children[0][Index]
	Slice                        // Children[0][Slice[0]:Slice[1]:Slice[2]]
	Projection                   // Children[1] applied to each element of list Children[0]
	ValueProjection              // Children[1] applied to each value of object Children[0]
	Flatten                      // Children[0] with one level of nested lists spliced
	FilterProjection             // Children[1] applied to elements of Children[0] where Children[2] is truthy
	Literal                      // Value (decoded JSON)
	Comparator                   // Name is ==, !=, <, <=, >, >=
	And
	Or
	Not
	Pipe
	Function // Name(Children...)
	ExpRef   // &Children[0]
	MultiList
	MultiHash // Keys name Children
)

var kindNames = [...]string{"identity", "current", "field", "subexpression", "index", "slice", "projection",
	"value projection", "flatten", "filter projection", "literal", "comparator", "and", "or", "not", "pipe",
	"function", "expression reference", "multi-select list", "multi-select hash"}

func (k Kind) String() string { return kindNames[k] }

// Node is one AST node.
type Node struct {
	Kind     Kind
	Name     string
	Value    any // Literal: nil, bool, float64, string, []any or map[string]any
	Index    int
	Slice    [3]*int
	Keys     []string
	Children []*Node
}

// String renders the node as a compact S-expression, for tests and errors.
func (n *Node) String() string {
	switch n.Kind {
	case Identity:
		return "identity"
	case Current:
		return "@"
	case Field:
		return n.Name
	case Literal:
		b, _ := json.Marshal(n.Value)
		return "`" + string(b) + "`"
	case Index:
		return fmt.Sprintf("(index %s %d)", n.Children[0], n.Index)
	}
	parts := []string{n.Kind.String()}
	if n.Name != "" {
		parts = append(parts, n.Name)
	}
	for _, c := range n.Children {
		parts = append(parts, c.String())
	}
	return "(" + strings.Join(parts, " ") + ")"
}

// SyntaxError locates a parse failure in the expression.
type SyntaxError struct {
	Expr   string
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("jmespath: %s at offset %d in %q", e.Msg, e.Offset, e.Expr)
}

// Parse parses expr.
func Parse(expr string) (*Node, error) {
	toks, err := lex(expr)
	if err != nil {
		return nil, err
	}
	p := &parser{expr: expr, toks: toks}
	n, err := p.expression(0)
	if err != nil {
		return nil, err
	}
	if p.peek().kind != tEOF {
		return nil, p.errorf("unexpected %s", p.peek())
	}
	return n, nil
}

type tokKind int

const (
	tEOF tokKind = iota
	tIdent
	tQuoted
	tRaw
	tLiteral
	tNumber
	tDot
	tStar
	tLBracket
	tRBracket
	tFlatten
	tFilter
	tLBrace
	tRBrace
	tLParen
	tRParen
	tComma
	tColon
	tPipe
	tOr
	tAnd
	tNot
	tCmp
	tCurrent
	tExpRef
)

var bindingPower = map[tokKind]int{
	tPipe: 1, tOr: 2, tAnd: 3, tCmp: 5, tFlatten: 9, tStar: 20, tFilter: 21,
	tDot: 40, tNot: 45, tLBrace: 50, tLBracket: 55, tLParen: 60,
}

type token struct {
	kind  tokKind
	text  string // identifier, comparator or raw text
	value any    // literal value, number
	pos   int
}

func (t token) String() string {
	if t.kind == tEOF {
		return "end of expression"
	}
	return strconv.Quote(t.text)
}

func lex(s string) ([]token, error) {
	var out []token
	i := 0
	bad := func(msg string) error { return &SyntaxError{Expr: s, Offset: i, Msg: msg} }
	for i < len(s) {
		c := s[i]
		start := i
		add := func(k tokKind, n int) {
			out = append(out, token{kind: k, text: s[start : start+n], pos: start})
			i += n
		}
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			j := i + 1
			for j < len(s) && (s[j] == '_' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9') {
				j++
			}
			add(tIdent, j-i)
		case c == '-' || c >= '0' && c <= '9':
			j := i + 1
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			n, err := strconv.Atoi(s[i:j])
			if err != nil {
				return nil, bad("bad number")
			}
			out = append(out, token{kind: tNumber, text: s[i:j], value: n, pos: i})
			i = j
		case c == '"' || c == '\'' || c == '`':
			j := i + 1
			for j < len(s) && s[j] != c {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(s) {
				return nil, bad("unterminated " + string(c))
			}
			body := s[i+1 : j]
			t := token{text: s[i : j+1], pos: i}
			switch c {
			case '"':
				var v string
				if err := json.Unmarshal([]byte(s[i:j+1]), &v); err != nil {
					return nil, bad("bad quoted identifier")
				}
				t.kind, t.value = tQuoted, v
			case '\'':
				t.kind, t.value = tRaw, strings.ReplaceAll(body, `\'`, `'`)
			default:
				var v any
				if err := json.Unmarshal([]byte(strings.ReplaceAll(body, "\\`", "`")), &v); err != nil {
					return nil, bad("bad JSON literal")
				}
				t.kind, t.value = tLiteral, v
			}
			out = append(out, t)
			i = j + 1
		case c == '[':
			switch {
			case strings.HasPrefix(s[i:], "[]"):
				add(tFlatten, 2)
			case strings.HasPrefix(s[i:], "[?"):
				add(tFilter, 2)
			default:
				add(tLBracket, 1)
			}
		case c == '|' || c == '&':
			if i+1 < len(s) && s[i+1] == c {
				add(map[byte]tokKind{'|': tOr, '&': tAnd}[c], 2)
			} else {
				add(map[byte]tokKind{'|': tPipe, '&': tExpRef}[c], 1)
			}
		case c == '<' || c == '>' || c == '!' || c == '=':
			if i+1 < len(s) && s[i+1] == '=' {
				add(tCmp, 2)
			} else if c == '=' {
				return nil, bad("single = (use ==)")
			} else if c == '!' {
				add(tNot, 1)
			} else {
				add(tCmp, 1)
			}
		default:
			k, ok := map[byte]tokKind{'.': tDot, '*': tStar, ']': tRBracket, '{': tLBrace, '}': tRBrace,
				'(': tLParen, ')': tRParen, ',': tComma, ':': tColon, '@': tCurrent}[c]
			if !ok {
				return nil, bad(fmt.Sprintf("unexpected character %q", c))
			}
			add(k, 1)
		}
	}
	return append(out, token{kind: tEOF, pos: len(s)}), nil
}

type parser struct {
	expr string
	toks []token
	pos  int
}

func (p *parser) peek() token { return p.toks[p.pos] }
func (p *parser) lookahead(n int) token {
	if p.pos+n < len(p.toks) {
		return p.toks[p.pos+n]
	}
	return p.toks[len(p.toks)-1]
}
func (p *parser) next() token {
	t := p.toks[p.pos]
	if t.kind != tEOF {
		p.pos++
	}
	return t
}

// back un-reads t so that an error points at it; EOF was never consumed.
func (p *parser) back(t token) {
	if t.kind != tEOF {
		p.pos--
	}
}

func (p *parser) errorf(format string, args ...any) error {
	return &SyntaxError{Expr: p.expr, Offset: p.peek().pos, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) expect(k tokKind, what string) error {
	if p.peek().kind != k {
		return p.errorf("expected %s, found %s", what, p.peek())
	}
	p.next()
	return nil
}

func (p *parser) expression(rbp int) (*Node, error) {
	left, err := p.nud(p.next())
	if err != nil {
		return nil, err
	}
	for rbp < bindingPower[p.peek().kind] {
		if left, err = p.led(p.next(), left); err != nil {
			return nil, err
		}
	}
	return left, nil
}

func node(k Kind, children ...*Node) *Node { return &Node{Kind: k, Children: children} }

func (p *parser) nud(t token) (*Node, error) {
	switch t.kind {
	case tIdent:
		return &Node{Kind: Field, Name: t.text}, nil
	case tQuoted:
		if p.peek().kind == tLParen {
			return nil, p.errorf("quoted identifier cannot name a function")
		}
		return &Node{Kind: Field, Name: t.value.(string)}, nil
	case tRaw, tLiteral:
		return &Node{Kind: Literal, Value: t.value}, nil
	case tCurrent:
		return node(Current), nil
	case tStar:
		right, err := p.projectionRHS(bindingPower[tStar])
		if err != nil {
			return nil, err
		}
		return node(ValueProjection, node(Identity), right), nil
	case tFilter:
		return p.led(t, node(Identity))
	case tFlatten:
		return p.led(t, node(Identity))
	case tLBrace:
		return p.multiHash()
	case tNot:
		e, err := p.expression(bindingPower[tNot])
		if err != nil {
			return nil, err
		}
		return node(Not, e), nil
	case tLParen:
		e, err := p.expression(0)
		if err != nil {
			return nil, err
		}
		return e, p.expect(tRParen, ")")
	case tExpRef:
		e, err := p.expression(bindingPower[tExpRef])
		if err != nil {
			return nil, err
		}
		return node(ExpRef, e), nil
	case tLBracket:
		switch k := p.peek().kind; {
		case k == tNumber || k == tColon:
			return p.indexOrSlice(node(Identity))
		case k == tStar && p.lookahead(1).kind == tRBracket:
			p.next()
			p.next()
			right, err := p.projectionRHS(bindingPower[tStar])
			if err != nil {
				return nil, err
			}
			return node(Projection, node(Identity), right), nil
		}
		return p.multiList()
	}
	p.back(t)
	return nil, p.errorf("unexpected %s", t)
}

func (p *parser) led(t token, left *Node) (*Node, error) {
	switch t.kind {
	case tDot:
		if p.peek().kind == tStar {
			p.next()
			right, err := p.projectionRHS(bindingPower[tStar])
			if err != nil {
				return nil, err
			}
			return node(ValueProjection, left, right), nil
		}
		right, err := p.dotRHS(bindingPower[tDot])
		if err != nil {
			return nil, err
		}
		return node(Subexpr, left, right), nil
	case tPipe, tOr, tAnd:
		right, err := p.expression(bindingPower[t.kind])
		if err != nil {
			return nil, err
		}
		return node(map[tokKind]Kind{tPipe: Pipe, tOr: Or, tAnd: And}[t.kind], left, right), nil
	case tCmp:
		right, err := p.expression(bindingPower[tCmp])
		if err != nil {
			return nil, err
		}
		n := node(Comparator, left, right)
		n.Name = t.text
		return n, nil
	case tLParen:
		if left.Kind != Field {
			return nil, p.errorf("only a name can be called as a function")
		}
		fn := &Node{Kind: Function, Name: left.Name}
		for p.peek().kind != tRParen {
			arg, err := p.expression(0)
			if err != nil {
				return nil, err
			}
			fn.Children = append(fn.Children, arg)
			if p.peek().kind == tComma {
				p.next()
			}
		}
		p.next()
		return fn, nil
	case tFilter:
		cond, err := p.expression(0)
		if err != nil {
			return nil, err
		}
		if err := p.expect(tRBracket, "]"); err != nil {
			return nil, err
		}
		right := node(Identity)
		if p.peek().kind != tFlatten {
			if right, err = p.projectionRHS(bindingPower[tFilter]); err != nil {
				return nil, err
			}
		}
		return node(FilterProjection, left, right, cond), nil
	case tFlatten:
		right, err := p.projectionRHS(bindingPower[tFlatten])
		if err != nil {
			return nil, err
		}
		return node(Projection, node(Flatten, left), right), nil
	case tLBracket:
		switch p.peek().kind {
		case tNumber, tColon:
			return p.indexOrSlice(left)
		case tStar:
			p.next()
			if err := p.expect(tRBracket, "]"); err != nil {
				return nil, err
			}
			right, err := p.projectionRHS(bindingPower[tStar])
			if err != nil {
				return nil, err
			}
			return node(Projection, left, right), nil
		}
	}
	p.back(t)
	return nil, p.errorf("unexpected %s", t)
}

// indexOrSlice parses after '[': an index is a plain child access, a slice
// starts a projection as the specification defines it.
func (p *parser) indexOrSlice(left *Node) (*Node, error) {
	var parts [3]*int
	i := 0
	for p.peek().kind != tRBracket {
		switch t := p.next(); t.kind {
		case tColon:
			i++
			if i > 2 {
				return nil, p.errorf("too many colons in slice")
			}
		case tNumber:
			v := t.value.(int)
			parts[i] = &v
		default:
			p.back(t)
			return nil, p.errorf("unexpected %s in index", t)
		}
	}
	p.next()
	if i == 0 {
		return &Node{Kind: Index, Index: *parts[0], Children: []*Node{left}}, nil
	}
	right, err := p.projectionRHS(bindingPower[tStar])
	if err != nil {
		return nil, err
	}
	return node(Projection, &Node{Kind: Slice, Slice: parts, Children: []*Node{left}}, right), nil
}

func (p *parser) projectionRHS(rbp int) (*Node, error) {
	switch k := p.peek().kind; {
	case bindingPower[k] < 10:
		return node(Identity), nil
	case k == tLBracket || k == tFilter:
		return p.expression(rbp)
	case k == tDot:
		p.next()
		return p.dotRHS(rbp)
	}
	return nil, p.errorf("unexpected %s after projection", p.peek())
}

func (p *parser) dotRHS(rbp int) (*Node, error) {
	switch p.peek().kind {
	case tIdent, tQuoted, tStar:
		return p.expression(rbp)
	case tLBracket:
		p.next()
		return p.multiList()
	case tLBrace:
		p.next()
		return p.multiHash()
	}
	return nil, p.errorf("expected a name, [ or { after '.', found %s", p.peek())
}

func (p *parser) multiList() (*Node, error) {
	n := node(MultiList)
	for {
		e, err := p.expression(0)
		if err != nil {
			return nil, err
		}
		n.Children = append(n.Children, e)
		if p.peek().kind == tRBracket {
			p.next()
			return n, nil
		}
		if err := p.expect(tComma, ", or ]"); err != nil {
			return nil, err
		}
	}
}

func (p *parser) multiHash() (*Node, error) {
	n := node(MultiHash)
	for {
		k := p.next()
		if k.kind != tIdent && k.kind != tQuoted {
			p.back(k)
			return nil, p.errorf("expected a key, found %s", k)
		}
		key := k.text
		if k.kind == tQuoted {
			key = k.value.(string)
		}
		if err := p.expect(tColon, ":"); err != nil {
			return nil, err
		}
		e, err := p.expression(0)
		if err != nil {
			return nil, err
		}
		n.Keys = append(n.Keys, key)
		n.Children = append(n.Children, e)
		if p.peek().kind == tRBrace {
			p.next()
			return n, nil
		}
		if err := p.expect(tComma, ", or }"); err != nil {
			return nil, err
		}
	}
}
