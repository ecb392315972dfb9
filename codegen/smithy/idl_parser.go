package smithy

import (
	"fmt"
	"strings"
)

// maxNodeDepth bounds the nesting of node values so that hostile input
// cannot exhaust the stack; real models nest a handful of levels.
const maxNodeDepth = 64

// ParseIDL parses one Smithy IDL (1.0 or 2.0) file; name is used in error
// messages. Shape ids written relative to the file's namespace are resolved
// when the documents are built, since a name may be defined in another file
// of the same namespace.
func ParseIDL(name string, data []byte) (*document, error) {
	p := &idlParser{idlScanner: newScanner(name, data)}
	f, err := p.parseFile()
	if err != nil {
		return nil, err
	}
	return &document{file: name, idl: f}, nil
}

// The parse tree keeps shape ids as written, with the offset they were
// written at, until every file of the model is known.

type idlRef struct {
	text string
	off  int
}

type nodeKind int

const (
	nodeObject nodeKind = iota
	nodeArray
	nodeString
	nodeNumber
	nodeBool
	nodeNull
	nodeShapeID // an unquoted shape id: resolved in trait values
)

type node struct {
	kind  nodeKind
	off   int
	str   string // string, number text, "true"/"false", shape id text
	keys  []string
	koffs []int
	vals  []*node // object values, or array items
	index map[string]int
}

type idlTrait struct {
	name  idlRef
	value *node // nil: an annotation trait, {}
}

type idlMember struct {
	name   string
	off    int
	target *idlRef // nil when elided ($name) or an enum member
	traits []*idlTrait
	doc    *string
	value  *node // "= value": the default, or an enum member's value
}

type idlKV struct {
	key string
	off int
	ref idlRef
}

type idlShape struct {
	typ    string
	name   string
	off    int
	traits []*idlTrait
	doc    *string
	mixins []idlRef
	forRes *idlRef

	members []*idlMember // also list "member" and map "key"/"value"

	// Operations.
	input, output *idlRef

	// Services and resources (operations also use errors).
	version     *node
	errors      []idlRef
	operations  []idlRef
	resources   []idlRef
	collection  []idlRef
	lifecycle   []idlKV // create, put, read, update, delete, list, in that order
	identifiers []idlKV
	properties  []idlKV
	rename      []idlKV // key is the absolute shape id; ref.text the new name
}

type idlApply struct {
	target idlRef
	traits []*idlTrait
}

type idlMeta struct {
	key   string
	value *node
}

type idlFile struct {
	sc        *idlScanner
	version   string // "1.0" or "2.0"
	namespace string
	uses      map[string]idlRef // shape name -> absolute id
	metadata  []idlMeta
	shapes    []*idlShape
	applies   []*idlApply

	inputSuffix, outputSuffix string
}

type idlParser struct {
	*idlScanner
	f     *idlFile
	depth int
}

var simpleTypes = map[string]bool{
	TypeBlob: true, TypeBoolean: true, TypeDocument: true, TypeString: true, TypeByte: true,
	TypeShort: true, TypeInteger: true, TypeLong: true, TypeFloat: true, TypeDouble: true,
	TypeBigInteger: true, TypeBigDecimal: true, TypeTimestamp: true,
}

func (p *idlParser) parseFile() (*idlFile, error) {
	p.f = &idlFile{sc: p.idlScanner, version: "1.0", uses: map[string]idlRef{}, inputSuffix: "Input", outputSuffix: "Output"}
	p.ws()
	seenVersion := false
	// Control section.
	for p.peek() == '$' {
		at := p.off
		p.off++
		key, err := p.nodeKey()
		if err != nil {
			return nil, err
		}
		if err := p.colon(); err != nil {
			return nil, err
		}
		v, err := p.nodeValue()
		if err != nil {
			return nil, err
		}
		switch key {
		case "version":
			if seenVersion {
				return nil, p.errorf(at, "expected one $version statement, found a second one")
			}
			seenVersion = true
			switch {
			case v.kind == nodeString && (v.str == "1" || v.str == "1.0"):
				p.f.version = "1.0"
			case v.kind == nodeString && (v.str == "2" || v.str == "2.0"):
				p.f.version = "2.0"
			default:
				return nil, p.errorf(v.off, "expected $version \"1.0\" or \"2.0\", found %s", describeNode(v))
			}
		case "operationInputSuffix", "operationOutputSuffix":
			if v.kind != nodeString {
				return nil, p.errorf(v.off, "expected a string for $%s, found %s", key, describeNode(v))
			}
			if key == "operationInputSuffix" {
				p.f.inputSuffix = v.str
			} else {
				p.f.outputSuffix = v.str
			}
		default:
			// Unknown control statements are warnings in the specification;
			// they change nothing, so they are ignored.
		}
		if err := p.br(); err != nil {
			return nil, err
		}
	}
	// Metadata section.
	for p.keyword("metadata") {
		p.sp()
		key, err := p.nodeKey()
		if err != nil {
			return nil, err
		}
		p.sp()
		if p.peek() != '=' {
			return nil, p.expected("'=' after the metadata key")
		}
		p.off++
		p.ws()
		v, err := p.nodeValue()
		if err != nil {
			return nil, err
		}
		p.f.metadata = append(p.f.metadata, idlMeta{key: key, value: v})
		if err := p.br(); err != nil {
			return nil, err
		}
	}
	if p.eof() {
		return p.f, nil
	}
	// Shape section.
	if !p.keyword("namespace") {
		if p.peek() == '$' {
			return nil, p.expected("metadata, namespace or shapes (control statements come first)")
		}
		return nil, p.expected("a namespace statement")
	}
	// Documentation comments above the namespace document nothing.
	p.docs = nil
	p.sp()
	ns, err := p.namespaceName()
	if err != nil {
		return nil, err
	}
	p.f.namespace = ns
	if err := p.br(); err != nil {
		return nil, err
	}
	for p.keyword("use") {
		// Documentation comments document shapes, never use statements.
		p.docs = nil
		p.sp()
		at := p.off
		id, err := p.shapeIDText()
		if err != nil {
			return nil, err
		}
		if !strings.Contains(id, "#") || strings.Contains(id, "$") {
			return nil, p.errorf(at, "expected an absolute shape id such as ns.example#Name after use, found %q", id)
		}
		name := ShapeID(id).Name()
		if prev, ok := p.f.uses[name]; ok && prev.text != id {
			l, c := p.lineCol(prev.off)
			return nil, p.errorf(at, "expected each imported name once, found %s again in %s (first imported as %s at %d:%d)", name, id, prev.text, l, c)
		}
		p.f.uses[name] = idlRef{text: id, off: at}
		if err := p.br(); err != nil {
			return nil, err
		}
	}
	defined := map[string]int{}
	for !p.eof() {
		if p.keyword("apply") {
			a, err := p.apply()
			if err != nil {
				return nil, err
			}
			p.f.applies = append(p.f.applies, a)
		} else {
			shapes, err := p.shapeStatement()
			if err != nil {
				return nil, err
			}
			for _, s := range shapes {
				if u, imported := p.f.uses[s.name]; imported {
					l, c := p.lineCol(u.off)
					return nil, p.errorf(s.off, "expected a shape name that no use statement imports, found %s, imported as %s at %d:%d", s.name, u.text, l, c)
				}
				if prev, dup := defined[s.name]; dup {
					l, c := p.lineCol(prev)
					return nil, p.errorf(s.off, "expected a new shape name, found %s, already defined at %d:%d", s.name, l, c)
				}
				defined[s.name] = s.off
				p.f.shapes = append(p.f.shapes, s)
			}
		}
		if err := p.br(); err != nil {
			return nil, err
		}
	}
	return p.f, nil
}

// keyword consumes word when it is the next whole identifier.
func (p *idlParser) keyword(word string) bool {
	if !strings.HasPrefix(string(p.src[p.off:min(p.off+len(word), len(p.src))]), word) {
		return false
	}
	if end := p.off + len(word); end < len(p.src) && (isIdentChar(p.src[end]) || p.src[end] == '.' || p.src[end] == '#' || p.src[end] == '$') {
		return false
	}
	p.off += len(word)
	return true
}

func (p *idlParser) colon() error {
	p.ws()
	if p.peek() != ':' {
		return p.expected("':'")
	}
	p.off++
	p.ws()
	return nil
}

// nodeKey reads an object key: an identifier or a quoted string.
func (p *idlParser) nodeKey() (string, error) {
	if p.peek() == '"' {
		if p.peekAt(1) == '"' && p.peekAt(2) == '"' {
			return "", p.expected("an identifier or a quoted key")
		}
		return p.quoted()
	}
	if k, ok := p.ident(); ok {
		return k, nil
	}
	return "", p.expected("an identifier or a quoted key")
}

func (p *idlParser) ref() (idlRef, error) {
	at := p.off
	t, err := p.shapeIDText()
	return idlRef{text: t, off: at}, err
}

// shapeStatement reads traits and one shape; an operation with inline input
// or output also returns the structures it defines.
func (p *idlParser) shapeStatement() ([]*idlShape, error) {
	traits, err := p.traits()
	if err != nil {
		return nil, err
	}
	at := p.off
	typ, ok := p.ident()
	if !ok {
		if p.eof() && len(traits) > 0 {
			return nil, p.expected("a shape after the traits")
		}
		return nil, p.expected("a shape type such as structure, string or operation")
	}
	switch {
	case simpleTypes[typ], typ == TypeEnum, typ == TypeIntEnum, typ == TypeList, typ == TypeSet, typ == TypeMap,
		typ == TypeStructure, typ == TypeUnion, typ == TypeService, typ == TypeResource, typ == TypeOperation:
	default:
		return nil, p.errorf(at, "expected a shape type (blob, boolean, document, string, byte, short, integer, long, float, double, bigInteger, bigDecimal, timestamp, enum, intEnum, list, set, map, structure, union, service, resource, operation) or apply, found %q", typ)
	}
	doc, hasDoc := p.takeDocs()
	p.sp()
	nameAt := p.off
	name, ok := p.ident()
	if !ok {
		return nil, p.expected("a shape name after " + typ)
	}
	if p.peek() == '#' || p.peek() == '.' || p.peek() == '$' {
		return nil, p.errorf(nameAt, "expected a shape name without namespace or member, found %s", p.found(nameAt))
	}
	s := &idlShape{typ: typ, name: name, off: nameAt, traits: traits}
	if hasDoc {
		s.doc = &doc
	}
	out := []*idlShape{s}
	switch {
	case simpleTypes[typ]:
		if err := p.mixins(s); err != nil {
			return nil, err
		}
	case typ == TypeEnum || typ == TypeIntEnum:
		if err := p.mixins(s); err != nil {
			return nil, err
		}
		p.ws()
		if err := p.members(s, true); err != nil {
			return nil, err
		}
	case typ == TypeService || typ == TypeResource:
		if err := p.mixins(s); err != nil {
			return nil, err
		}
		p.ws()
		if err := p.entityBody(s); err != nil {
			return nil, err
		}
	case typ == TypeOperation:
		if err := p.mixins(s); err != nil {
			return nil, err
		}
		p.ws()
		inline, err := p.operationBody(s)
		if err != nil {
			return nil, err
		}
		out = append(out, inline...)
	default:
		if err := p.forResource(s); err != nil {
			return nil, err
		}
		if err := p.mixins(s); err != nil {
			return nil, err
		}
		p.ws()
		if err := p.members(s, false); err != nil {
			return nil, err
		}
	}
	// Comments inside a service, resource or operation body document nothing.
	p.docs = nil
	return out, nil
}

func (p *idlParser) forResource(s *idlShape) error {
	save, docs := p.off, p.docs
	p.ws()
	if !p.keyword("for") {
		p.off, p.docs = save, docs
		return nil
	}
	p.ws()
	r, err := p.ref()
	if err != nil {
		return err
	}
	s.forRes = &r
	return nil
}

func (p *idlParser) mixins(s *idlShape) error {
	save, docs := p.off, p.docs
	p.ws()
	if !p.keyword("with") {
		p.off, p.docs = save, docs
		return nil
	}
	p.ws()
	if p.peek() != '[' {
		return p.expected("'[' after with")
	}
	p.off++
	p.ws()
	for p.peek() != ']' {
		r, err := p.ref()
		if err != nil {
			return p.expected("a mixin shape id or ']'")
		}
		s.mixins = append(s.mixins, r)
		p.ws()
	}
	p.off++
	return nil
}

// members reads { ... } of structures, unions, lists, maps and enums.
func (p *idlParser) members(s *idlShape, enum bool) error {
	if p.peek() != '{' {
		return p.expected("'{' to open the members of " + s.name)
	}
	p.off++
	p.docs = nil
	p.ws()
	seen := map[string]int{}
	for p.peek() != '}' {
		if p.eof() {
			return p.expected("a member or '}'")
		}
		traits, err := p.traits()
		if err != nil {
			return err
		}
		m := &idlMember{traits: traits, off: p.off}
		if doc, ok := p.takeDocs(); ok {
			m.doc = &doc
		}
		elided := false
		if p.peek() == '$' && !enum {
			p.off++
			elided = true
			m.off = p.off
		}
		name, ok := p.ident()
		if !ok {
			if p.peek() == '}' && len(traits) > 0 {
				return p.expected("a member after the traits")
			}
			return p.expected("a member name or '}'")
		}
		m.name = name
		if prev, dup := seen[name]; dup {
			l, c := p.lineCol(prev)
			return p.errorf(m.off, "expected a new member name in %s, found %s, already defined at %d:%d", s.name, name, l, c)
		}
		seen[name] = m.off
		if !enum && !elided {
			p.sp()
			if p.peek() != ':' {
				return p.errorf(p.off, "expected ':' and a target shape after member %s, found %s", name, p.found(p.off))
			}
			p.off++
			p.sp()
			if p.peek() == '\n' || p.peek() == '\r' || p.peek() == '}' || p.peek() == ',' || p.eof() {
				return p.errorf(p.off, "expected a target shape for member %s, found %s", name, p.found(p.off))
			}
			r, err := p.ref()
			if err != nil {
				return err
			}
			m.target = &r
		}
		p.sp()
		if p.peek() == '=' {
			p.off++
			p.sp()
			v, err := p.nodeValue()
			if err != nil {
				return err
			}
			m.value = v
		}
		s.members = append(s.members, m)
		// Comments inside the member (in a default value) document nothing.
		p.docs = nil
		p.ws()
	}
	p.off++
	p.docs = nil
	return nil
}

var (
	serviceProps  = []string{"version", "operations", "resources", "errors", "rename"}
	resourceProps = []string{"identifiers", "properties", "create", "put", "read", "update", "delete", "list", "operations", "collectionOperations", "resources"}
)

// entityBody reads the node object of a service or resource; its values
// that name shapes are kept as references.
func (p *idlParser) entityBody(s *idlShape) error {
	obj, err := p.nodeValue()
	if err != nil {
		return err
	}
	if obj.kind != nodeObject {
		return p.errorf(obj.off, "expected '{' to open the body of %s %s, found %s", s.typ, s.name, describeNode(obj))
	}
	allowed := serviceProps
	if s.typ == TypeResource {
		allowed = resourceProps
	}
	lifecycle := map[string]idlRef{}
	for i, k := range obj.keys {
		v := obj.vals[i]
		if !contains(allowed, k) {
			return p.errorf(obj.koffs[i], "expected a %s property (%s), found %q", s.typ, strings.Join(allowed, ", "), k)
		}
		switch k {
		case "version":
			if v.kind != nodeString {
				return p.errorf(v.off, "expected a string version, found %s", describeNode(v))
			}
			s.version = v
		case "operations", "resources", "errors", "collectionOperations":
			refs, err := p.refList(k, v)
			if err != nil {
				return err
			}
			switch k {
			case "operations":
				s.operations = refs
			case "resources":
				s.resources = refs
			case "errors":
				s.errors = refs
			default:
				s.collection = refs
			}
		case "create", "put", "read", "update", "delete", "list":
			if v.kind != nodeShapeID {
				return p.errorf(v.off, "expected an operation shape id for %s, found %s", k, describeNode(v))
			}
			lifecycle[k] = idlRef{text: v.str, off: v.off}
		case "identifiers", "properties", "rename":
			if v.kind != nodeObject {
				return p.errorf(v.off, "expected an object for %s, found %s", k, describeNode(v))
			}
			var kvs []idlKV
			for j, key := range v.keys {
				val := v.vals[j]
				want, wantText := nodeShapeID, "a shape id"
				if k == "rename" {
					want, wantText = nodeString, "a string"
				}
				if val.kind != want {
					return p.errorf(val.off, "expected %s in %s, found %s", wantText, k, describeNode(val))
				}
				kvs = append(kvs, idlKV{key: key, off: v.koffs[j], ref: idlRef{text: val.str, off: val.off}})
			}
			switch k {
			case "identifiers":
				s.identifiers = kvs
			case "properties":
				s.properties = kvs
			default:
				s.rename = kvs
			}
		}
	}
	for _, k := range []string{"create", "put", "read", "update", "delete", "list"} {
		if r, ok := lifecycle[k]; ok {
			s.lifecycle = append(s.lifecycle, idlKV{key: k, off: r.off, ref: r})
		}
	}
	return nil
}

func (p *idlParser) refList(what string, v *node) ([]idlRef, error) {
	if v.kind != nodeArray {
		return nil, p.errorf(v.off, "expected a list of shape ids for %s, found %s", what, describeNode(v))
	}
	var out []idlRef
	for _, it := range v.vals {
		if it.kind != nodeShapeID {
			return nil, p.errorf(it.off, "expected a shape id in %s, found %s", what, describeNode(it))
		}
		out = append(out, idlRef{text: it.str, off: it.off})
	}
	return out, nil
}

// operationBody reads input, output and errors; ":=" defines the input or
// output structure inline, named after the operation.
func (p *idlParser) operationBody(s *idlShape) ([]*idlShape, error) {
	if p.peek() != '{' {
		return nil, p.expected("'{' to open the body of operation " + s.name)
	}
	p.off++
	p.ws()
	var inline []*idlShape
	seen := map[string]bool{}
	for p.peek() != '}' {
		at := p.off
		key, ok := p.ident()
		if !ok || (key != "input" && key != "output" && key != "errors") {
			p.off = at
			return nil, p.expected("input, output, errors or '}' in operation " + s.name)
		}
		if seen[key] {
			return nil, p.errorf(at, "expected %s once in operation %s, found it twice", key, s.name)
		}
		seen[key] = true
		p.ws()
		if key != "errors" && p.peek() == ':' && p.peekAt(1) == '=' {
			p.off += 2
			p.ws()
			st, err := p.inlineStructure(s, key, at)
			if err != nil {
				return nil, err
			}
			inline = append(inline, st)
			r := idlRef{text: st.name, off: at}
			if key == "input" {
				s.input = &r
			} else {
				s.output = &r
			}
			p.ws()
			continue
		}
		if p.peek() != ':' {
			return nil, p.expected("':' or ':=' after " + key)
		}
		p.off++
		p.ws()
		if key == "errors" {
			v, err := p.nodeValue()
			if err != nil {
				return nil, err
			}
			if s.errors, err = p.refList("errors", v); err != nil {
				return nil, err
			}
		} else {
			r, err := p.ref()
			if err != nil {
				return nil, err
			}
			if key == "input" {
				s.input = &r
			} else {
				s.output = &r
			}
		}
		p.ws()
	}
	p.off++
	return inline, nil
}

// inlineStructure reads the structure after "input :=" or "output :=";
// at is where input or output is written, which names it in messages.
func (p *idlParser) inlineStructure(op *idlShape, key string, at int) (*idlShape, error) {
	traits, err := p.traits()
	if err != nil {
		return nil, err
	}
	suffix, marker := p.f.inputSuffix, "input"
	if key == "output" {
		suffix, marker = p.f.outputSuffix, "output"
	}
	st := &idlShape{typ: TypeStructure, name: op.name + suffix, off: at}
	st.traits = append([]*idlTrait{{name: idlRef{text: "smithy.api#" + marker, off: at}}}, traits...)
	if err := p.forResource(st); err != nil {
		return nil, err
	}
	if err := p.mixins(st); err != nil {
		return nil, err
	}
	p.ws()
	if err := p.members(st, false); err != nil {
		return nil, err
	}
	return st, nil
}

// apply reads "apply Target @trait" or "apply Target { @a @b }".
func (p *idlParser) apply() (*idlApply, error) {
	a := &idlApply{}
	p.sp()
	r, err := p.ref()
	if err != nil {
		return nil, err
	}
	a.target = r
	p.ws()
	switch p.peek() {
	case '@':
		t, err := p.trait()
		if err != nil {
			return nil, err
		}
		a.traits = []*idlTrait{t}
	case '{':
		p.off++
		p.ws()
		if a.traits, err = p.traits(); err != nil {
			return nil, err
		}
		if p.peek() != '}' {
			return nil, p.expected("a trait or '}' in the apply block")
		}
		p.off++
	default:
		return nil, p.expected("a trait or '{' after apply " + r.text)
	}
	p.docs = nil
	return a, nil
}

func (p *idlParser) traits() ([]*idlTrait, error) {
	var out []*idlTrait
	for p.peek() == '@' {
		t, err := p.trait()
		if err != nil {
			return nil, err
		}
		out = append(out, t)
		p.ws()
	}
	return out, nil
}

// trait reads @id, @id(value) or @id(key: value, ...).
func (p *idlParser) trait() (*idlTrait, error) {
	// Comments inside a trait value document nothing; keep what was
	// collected for the shape or member the trait belongs to.
	docs := p.docs
	defer func() { p.docs = docs }()
	p.off++
	r, err := p.ref()
	if err != nil {
		return nil, err
	}
	t := &idlTrait{name: r}
	if p.peek() != '(' {
		return t, nil
	}
	open := p.off
	p.off++
	p.ws()
	if p.peek() == ')' {
		p.off++
		return t, nil
	}
	// A structured body starts with "key:"; anything else is one node value.
	first, err := p.nodeValue()
	if err != nil {
		return nil, err
	}
	p.ws()
	if p.peek() == ':' && (first.kind == nodeString || first.kind == nodeShapeID && isIdentifier(first.str)) {
		obj := &node{kind: nodeObject, off: open}
		key, koff := first.str, first.off
		for {
			if err := p.colon(); err != nil {
				return nil, err
			}
			v, err := p.nodeValue()
			if err != nil {
				return nil, err
			}
			if err := addKey(p.idlScanner, obj, key, koff, v); err != nil {
				return nil, err
			}
			p.ws()
			if p.peek() == ')' {
				break
			}
			koff = p.off
			if key, err = p.nodeKey(); err != nil {
				return nil, p.expected("a key or ')' in the trait value")
			}
			p.ws()
			if p.peek() != ':' {
				l, c := p.lineCol(open)
				return nil, p.errorf(koff, "expected ')' to close the value of @%s opened at %d:%d, found %s", r.text, l, c, p.found(koff))
			}
		}
		first = obj
	}
	if p.peek() != ')' {
		l, c := p.lineCol(open)
		return nil, p.errorf(p.off, "expected ')' to close the value of @%s opened at %d:%d, found %s", r.text, l, c, p.found(p.off))
	}
	p.off++
	t.value = first
	return t, nil
}

func addKey(s *idlScanner, obj *node, key string, off int, v *node) error {
	if obj.index == nil {
		obj.index = map[string]int{}
	}
	if i, dup := obj.index[key]; dup {
		l, c := s.lineCol(obj.koffs[i])
		return s.errorf(off, "expected a new key, found %q, already set at %d:%d", key, l, c)
	}
	obj.index[key] = len(obj.keys)
	obj.keys = append(obj.keys, key)
	obj.koffs = append(obj.koffs, off)
	obj.vals = append(obj.vals, v)
	return nil
}

func isIdentifier(s string) bool {
	return s != "" && !strings.ContainsAny(s, ".#$")
}

// nodeValue reads an object, array, string, text block, number, keyword or
// shape id.
func (p *idlParser) nodeValue() (*node, error) {
	at := p.off
	c := p.peek()
	switch {
	case c == '{' || c == '[':
		if p.depth >= maxNodeDepth {
			return nil, p.errorf(at, "expected at most %d nested objects and arrays, found more", maxNodeDepth)
		}
		p.depth++
		defer func() { p.depth-- }()
		p.off++
		p.ws()
		if c == '[' {
			n := &node{kind: nodeArray, off: at}
			for p.peek() != ']' {
				if p.eof() {
					return nil, p.expected("a value or ']'")
				}
				v, err := p.nodeValue()
				if err != nil {
					return nil, err
				}
				n.vals = append(n.vals, v)
				p.ws()
			}
			p.off++
			return n, nil
		}
		n := &node{kind: nodeObject, off: at}
		for p.peek() != '}' {
			koff := p.off
			key, err := p.nodeKey()
			if err != nil {
				return nil, p.expected("a key or '}'")
			}
			if err := p.colon(); err != nil {
				return nil, err
			}
			v, err := p.nodeValue()
			if err != nil {
				return nil, err
			}
			if err := addKey(p.idlScanner, n, key, koff, v); err != nil {
				return nil, err
			}
			p.ws()
		}
		p.off++
		return n, nil
	case c == '"':
		s, err := p.quoted()
		if err != nil {
			return nil, err
		}
		return &node{kind: nodeString, off: at, str: s}, nil
	case c == '-' || c >= '0' && c <= '9':
		s, err := p.number()
		if err != nil {
			return nil, err
		}
		return &node{kind: nodeNumber, off: at, str: s}, nil
	case isIdentStart(c):
		id, err := p.shapeIDText()
		if err != nil {
			return nil, err
		}
		switch id {
		case "true", "false":
			return &node{kind: nodeBool, off: at, str: id}, nil
		case "null":
			return &node{kind: nodeNull, off: at}, nil
		}
		return &node{kind: nodeShapeID, off: at, str: id}, nil
	}
	return nil, p.expected("a value (object, array, string, number, true, false, null or shape id)")
}

func describeNode(n *node) string {
	switch n.kind {
	case nodeObject:
		return "an object"
	case nodeArray:
		return "an array"
	case nodeString:
		return fmt.Sprintf("string %q", n.str)
	case nodeNumber:
		return "number " + n.str
	case nodeBool:
		return n.str
	case nodeNull:
		return "null"
	}
	return fmt.Sprintf("shape id %s", n.str)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
