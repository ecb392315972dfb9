package smithy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// lowerIDL turns every parsed IDL document into the shapes and metadata the
// JSON AST loader would have produced for the same model, so that nothing
// after loading can tell the formats apart. It runs once all documents are
// read because a relative shape id resolves to a shape of the file's
// namespace defined in any file.
func lowerIDL(docs []*document) error {
	l := &lowerer{decls: map[ShapeID]decl{}, namespaces: map[string]bool{"smithy.api": true}, memo: map[ShapeID]ShapeID{}}
	for name := range preludeNames {
		l.decls[ShapeID("smithy.api#"+name)] = decl{}
	}
	for _, d := range docs {
		if d.idl == nil {
			for _, s := range d.shapes {
				if s.Type != TypeApply {
					l.decls[s.ID] = decl{json: s}
					l.namespaces[s.ID.Namespace()] = true
				}
			}
			continue
		}
		f := d.idl
		if f.namespace != "" {
			l.namespaces[f.namespace] = true
		}
		for _, s := range f.shapes {
			id := ShapeID(f.namespace + "#" + s.name)
			if _, ok := l.decls[id]; !ok {
				l.decls[id] = decl{idl: s, f: f}
			}
		}
	}
	for _, d := range docs {
		if d.idl == nil {
			continue
		}
		if err := l.document(d); err != nil {
			return err
		}
		d.idl = nil
	}
	return nil
}

// decl is a shape known before lowering: from a JSON document, from an IDL
// file, or (both nil) from the prelude.
type decl struct {
	json *Shape
	idl  *idlShape
	f    *idlFile
}

type lowerer struct {
	decls      map[ShapeID]decl
	namespaces map[string]bool
	memo       map[ShapeID]ShapeID // "shape$member" -> target found by memberTarget, "" for none
}

// resolve applies the specification's order for a relative shape id: a use
// statement, then the file's namespace, then the prelude. An id that none
// of them defines gets the file's namespace and ok=false.
func (l *lowerer) resolve(f *idlFile, text string) (id ShapeID, ok bool) {
	root, member := text, ""
	if i := strings.IndexByte(text, '$'); i >= 0 {
		root, member = text[:i], text[i:]
	}
	if strings.Contains(root, "#") {
		_, ok = l.decls[ShapeID(root)]
		return ShapeID(text), ok
	}
	if u, found := f.uses[root]; found {
		_, ok = l.decls[ShapeID(u.text)]
		return ShapeID(u.text + member), ok || !l.namespaces[ShapeID(u.text).Namespace()]
	}
	local := ShapeID(f.namespace + "#" + root)
	if _, found := l.decls[local]; found {
		return ShapeID(string(local) + member), true
	}
	if preludeNames[root] {
		return ShapeID("smithy.api#" + root + member), true
	}
	return ShapeID(string(local) + member), false
}

// target resolves a reference that must name a defined shape.
func (l *lowerer) target(f *idlFile, r idlRef, what string) (ShapeID, error) {
	id, ok := l.resolve(f, r.text)
	if !ok {
		return "", l.undefined(f, r, what)
	}
	if _, known := l.decls[ShapeID(id.root())]; !known {
		// Imported from a namespace no loaded file defines: its traits may
		// be used, but it cannot be a member's or operation's target.
		return "", f.sc.errorf(r.off, "expected %s to name a defined shape, found %s (imported as %s), which no model file defines", what, r.text, id)
	}
	return id, nil
}

func (l *lowerer) undefined(f *idlFile, r idlRef, what string) error {
	if strings.Contains(r.text, "#") {
		return f.sc.errorf(r.off, "expected %s to name a defined shape, found %s, which no model file defines", what, r.text)
	}
	return f.sc.errorf(r.off, "expected %s to name a defined shape, found %s, which is not in namespace %s, not imported with use, and not in the prelude", what, r.text, f.namespace)
}

func (id ShapeID) root() string {
	s := string(id)
	if i := strings.IndexByte(s, '$'); i >= 0 {
		return s[:i]
	}
	return s
}

func (l *lowerer) document(d *document) error {
	f := d.idl
	for name, u := range f.uses {
		if _, ok := l.decls[ShapeID(u.text)]; !ok && l.namespaces[ShapeID(u.text).Namespace()] {
			return f.sc.errorf(u.off, "expected use to import a defined shape, found %s, which namespace %s does not define (importing %s)", u.text, ShapeID(u.text).Namespace(), name)
		}
	}
	var metadata map[string]json.RawMessage
	if len(f.metadata) > 0 {
		metadata = map[string]json.RawMessage{}
	}
	for _, m := range f.metadata {
		v := l.render(f, m.value, false)
		if prev, dup := metadata[m.key]; dup {
			merged, err := mergeMetadata(prev, v)
			if err != nil {
				return f.sc.errorf(m.value.off, "metadata %q conflicts with its earlier value in this file: %v", m.key, err)
			}
			v = merged
		}
		metadata[m.key] = v
	}
	// Shapes are assigned only once all lowered, so that a failed Build
	// leaves the document as it was.
	var shapes []*Shape
	for _, s := range f.shapes {
		shape, err := l.shape(f, s)
		if err != nil {
			return err
		}
		shapes = append(shapes, shape)
	}
	for _, a := range f.applies {
		id, ok := l.resolve(f, a.target.text)
		if !ok {
			return l.undefined(f, a.target, "apply")
		}
		traits, err := l.traits(f, a.traits, nil)
		if err != nil {
			return err
		}
		shapes = append(shapes, &Shape{ID: id, Type: TypeApply, Traits: traits, File: f.sc.where(a.target.off)})
	}
	d.shapes, d.metadata = shapes, metadata
	return nil
}

func (l *lowerer) shape(f *idlFile, s *idlShape) (*Shape, error) {
	id := ShapeID(f.namespace + "#" + s.name)
	out := &Shape{ID: id, Type: s.typ, File: f.sc.where(s.off)}
	var err error
	if out.Traits, err = l.traits(f, s.traits, s.doc); err != nil {
		return nil, err
	}
	for _, r := range s.mixins {
		mid, err := l.target(f, r, "a mixin")
		if err != nil {
			return nil, err
		}
		out.Mixins = append(out.Mixins, mid)
	}
	if f.version == "1.0" && isBoxable(s.typ) && !out.Traits.Has("smithy.api#box") && !out.Traits.Has("smithy.api#default") {
		// IDL 1.0 numbers and booleans are primitive (zero by default)
		// unless boxed; 2.0 says so with a default.
		out.Traits["smithy.api#default"] = zeroValue(s.typ)
	}
	switch s.typ {
	case TypeEnum, TypeIntEnum:
		if err := l.enumMembers(f, s, out); err != nil {
			return nil, err
		}
	case TypeStructure, TypeUnion, TypeList, TypeSet, TypeMap:
		if err := l.members(f, s, out); err != nil {
			return nil, err
		}
	case TypeOperation:
		for _, r := range []*idlRef{s.input, s.output} {
			if r == nil {
				continue
			}
			t, err := l.target(f, *r, "operation "+s.name+"'s input or output")
			if err != nil {
				return nil, err
			}
			if r == s.input {
				out.Input = t
			} else {
				out.Output = t
			}
		}
		if out.Errors, err = l.targets(f, s.errors, "an error"); err != nil {
			return nil, err
		}
		// An operation without input or output has the Unit structure, as
		// Smithy's JSON AST spells it.
		if out.Input == "" {
			out.Input = "smithy.api#Unit"
		}
		if out.Output == "" {
			out.Output = "smithy.api#Unit"
		}
	case TypeService, TypeResource:
		if s.version != nil {
			out.Version = s.version.str
		}
		if out.Operations, err = l.targets(f, s.operations, "an operation"); err != nil {
			return nil, err
		}
		for _, lc := range s.lifecycle {
			t, err := l.target(f, lc.ref, "the "+lc.key+" operation")
			if err != nil {
				return nil, err
			}
			out.Operations = append(out.Operations, t)
		}
		coll, err := l.targets(f, s.collection, "a collection operation")
		if err != nil {
			return nil, err
		}
		out.Operations = append(out.Operations, coll...)
		if out.Resources, err = l.targets(f, s.resources, "a resource"); err != nil {
			return nil, err
		}
		if out.Errors, err = l.targets(f, s.errors, "an error"); err != nil {
			return nil, err
		}
		for _, kv := range s.rename {
			if out.Rename == nil {
				out.Rename = map[ShapeID]string{}
			}
			out.Rename[ShapeID(kv.key)] = kv.ref.text
		}
		for _, group := range []struct {
			kvs []idlKV
			dst *map[string]ShapeID
		}{{s.identifiers, &out.Identifiers}, {s.properties, &out.Properties}} {
			for _, kv := range group.kvs {
				t, err := l.target(f, kv.ref, kv.key)
				if err != nil {
					return nil, err
				}
				if *group.dst == nil {
					*group.dst = map[string]ShapeID{}
				}
				(*group.dst)[kv.key] = t
			}
		}
	}
	return out, nil
}

// targets resolves a list of references. Operations, resources and errors
// are sets in the semantic model, which Smithy's JSON AST writes sorted and
// without repeats; so does this, so both formats give the same model.
func (l *lowerer) targets(f *idlFile, refs []idlRef, what string) ([]ShapeID, error) {
	var out []ShapeID
	seen := map[ShapeID]bool{}
	for _, r := range refs {
		t, err := l.target(f, r, what)
		if err != nil {
			return nil, err
		}
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	// Smithy orders shape ids ignoring case first.
	sort.Slice(out, func(i, j int) bool {
		a, b := strings.ToLower(string(out[i])), strings.ToLower(string(out[j]))
		if a != b {
			return a < b
		}
		return out[i] < out[j]
	})
	return out, nil
}

func (l *lowerer) enumMembers(f *idlFile, s *idlShape, out *Shape) error {
	for _, m := range s.members {
		traits, err := l.traits(f, m.traits, m.doc)
		if err != nil {
			return err
		}
		switch {
		case m.value == nil && s.typ == TypeIntEnum && !traits.Has("smithy.api#enumValue"):
			return f.sc.errorf(m.off, "expected intEnum member %s to have a value (%s = 1), found none", m.name, m.name)
		case m.value == nil:
			if !traits.Has("smithy.api#enumValue") {
				traits["smithy.api#enumValue"] = l.render(f, &node{kind: nodeString, str: m.name}, false)
			}
		case s.typ == TypeEnum && m.value.kind != nodeString:
			return f.sc.errorf(m.value.off, "expected a string value for enum member %s, found %s", m.name, describeNode(m.value))
		case s.typ == TypeIntEnum && (m.value.kind != nodeNumber || strings.ContainsAny(m.value.str, ".eE")):
			return f.sc.errorf(m.value.off, "expected an integer value for intEnum member %s, found %s", m.name, describeNode(m.value))
		case s.typ == TypeEnum && m.value.str == "":
			return f.sc.errorf(m.value.off, "expected a non-empty string value for enum member %s, found \"\"", m.name)
		default:
			traits["smithy.api#enumValue"] = l.render(f, m.value, false)
		}
		out.Members = append(out.Members, &Member{Name: m.name, Target: "smithy.api#Unit", Traits: traits, Container: out.ID})
	}
	return nil
}

func (l *lowerer) members(f *idlFile, s *idlShape, out *Shape) error {
	for _, m := range s.members {
		var target ShapeID
		if m.target != nil {
			t, err := l.target(f, *m.target, "member "+m.name+"'s target")
			if err != nil {
				return err
			}
			target = t
		} else {
			t, ok := l.elided(f, s, m.name, map[ShapeID]bool{})
			if !ok {
				return f.sc.errorf(m.off, "expected $%s to name an identifier or property of the shape's resource or a member of its mixins, found none", m.name)
			}
			target = t
		}
		traits, err := l.traits(f, m.traits, m.doc)
		if err != nil {
			return err
		}
		if m.value != nil {
			if traits.Has("smithy.api#default") {
				return f.sc.errorf(m.value.off, "expected one default for member %s, found both @default and \"= value\"", m.name)
			}
			traits["smithy.api#default"] = l.render(f, m.value, true)
		}
		if f.version == "1.0" && out.Type == TypeStructure && !traits.Has("smithy.api#box") && !traits.Has("smithy.api#default") {
			if typ, ok := l.primitive(target); ok {
				traits["smithy.api#default"] = zeroValue(typ)
			}
		}
		mem := &Member{Name: m.name, Target: target, Traits: traits, Container: out.ID}
		switch out.Type {
		case TypeList, TypeSet:
			if m.name != "member" {
				return f.sc.errorf(m.off, "expected the only member of %s %s to be named member, found %s", s.typ, s.name, m.name)
			}
			out.Member = mem
		case TypeMap:
			switch m.name {
			case "key":
				out.Key = mem
			case "value":
				out.Value = mem
			default:
				return f.sc.errorf(m.off, "expected map %s's members to be named key and value, found %s", s.name, m.name)
			}
		default:
			out.Members = append(out.Members, mem)
		}
	}
	if len(s.mixins) > 0 {
		return nil
	}
	switch {
	case (out.Type == TypeList || out.Type == TypeSet) && out.Member == nil:
		return f.sc.errorf(s.off, "expected %s %s to define its member, found none", s.typ, s.name)
	case out.Type == TypeMap && (out.Key == nil || out.Value == nil):
		missing := "key"
		if out.Key != nil {
			missing = "value"
		}
		return f.sc.errorf(s.off, "expected map %s to define key and value, found no %s", s.name, missing)
	}
	return nil
}

// elided finds the target of "$name": an identifier or property of the
// shape's resource, else a member of its mixins, searched in order.
func (l *lowerer) elided(f *idlFile, s *idlShape, name string, seen map[ShapeID]bool) (ShapeID, bool) {
	if s.forRes != nil {
		if rid, ok := l.resolve(f, s.forRes.text); ok {
			if t, ok := l.resourceMember(rid, name); ok {
				return t, true
			}
		}
	}
	for _, r := range s.mixins {
		if mid, ok := l.resolve(f, r.text); ok {
			if t, ok := l.memberTarget(mid, name, seen); ok {
				return t, true
			}
		}
	}
	return "", false
}

func (l *lowerer) resourceMember(rid ShapeID, name string) (ShapeID, bool) {
	d := l.decls[rid]
	if d.json != nil {
		if t, ok := d.json.Identifiers[name]; ok {
			return t, true
		}
		t, ok := d.json.Properties[name]
		return t, ok
	}
	if d.idl == nil {
		return "", false
	}
	for _, kvs := range [][]idlKV{d.idl.identifiers, d.idl.properties} {
		for _, kv := range kvs {
			if kv.key == name {
				return l.resolve(d.f, kv.ref.text)
			}
		}
	}
	return "", false
}

// memberTarget finds a member's target in a shape or its mixins, before
// mixins are applied; seen stops a mixin cycle, which Build reports.
func (l *lowerer) memberTarget(id ShapeID, name string, seen map[ShapeID]bool) (ShapeID, bool) {
	key := ShapeID(string(id) + "$" + name)
	if t, ok := l.memo[key]; ok {
		return t, t != ""
	}
	t, ok := l.findMemberTarget(id, name, seen)
	// Remembered so that a long chain of mixins eliding the same member
	// stays linear. A miss caused by a cycle is remembered too; Build
	// rejects the cycle anyway.
	l.memo[key] = t
	return t, ok
}

func (l *lowerer) findMemberTarget(id ShapeID, name string, seen map[ShapeID]bool) (ShapeID, bool) {
	if seen[id] {
		return "", false
	}
	seen[id] = true
	d := l.decls[id]
	if d.json != nil {
		for _, m := range append(append([]*Member{}, d.json.Members...), d.json.Member, d.json.Key, d.json.Value) {
			if m != nil && m.Name == name {
				return m.Target, true
			}
		}
		for _, mid := range d.json.Mixins {
			if t, ok := l.memberTarget(mid, name, seen); ok {
				return t, true
			}
		}
		return "", false
	}
	if d.idl == nil {
		return "", false
	}
	for _, m := range d.idl.members {
		if m.name != name {
			continue
		}
		if m.target != nil {
			return l.resolve(d.f, m.target.text)
		}
		return l.elided(d.f, d.idl, name, seen)
	}
	for _, r := range d.idl.mixins {
		if mid, ok := l.resolve(d.f, r.text); ok {
			if t, ok := l.memberTarget(mid, name, seen); ok {
				return t, true
			}
		}
	}
	return "", false
}

// primitive reports whether an IDL 1.0 member targeting id is primitive:
// a prelude Primitive* shape, or a number or boolean of a 1.0 file that is
// not boxed.
func (l *lowerer) primitive(id ShapeID) (string, bool) {
	if strings.HasPrefix(string(id), "smithy.api#Primitive") {
		return strings.ToLower(strings.TrimPrefix(string(id), "smithy.api#Primitive")), true
	}
	d := l.decls[id]
	if d.idl == nil || d.f.version != "1.0" || !isBoxable(d.idl.typ) {
		return "", false
	}
	for _, t := range d.idl.traits {
		if r, _ := l.resolve(d.f, t.name.text); r == "smithy.api#box" {
			return "", false
		}
	}
	return d.idl.typ, true
}

func isBoxable(typ string) bool {
	switch typ {
	case TypeBoolean, TypeByte, TypeShort, TypeInteger, TypeLong, TypeFloat, TypeDouble:
		return true
	}
	return false
}

func zeroValue(typ string) json.RawMessage {
	if typ == TypeBoolean {
		return json.RawMessage("false")
	}
	return json.RawMessage("0")
}

// traits resolves trait names and renders their values. A documentation
// comment becomes the documentation trait unless one is applied explicitly.
func (l *lowerer) traits(f *idlFile, ts []*idlTrait, doc *string) (Traits, error) {
	out := Traits{}
	offs := map[string]int{}
	for _, t := range ts {
		id, _ := l.resolve(f, t.name.text)
		key := string(id)
		if strings.Contains(key, "$") {
			return nil, f.sc.errorf(t.name.off, "expected a trait shape id, found member id %s", t.name.text)
		}
		if prev, dup := offs[key]; dup {
			pl, pc := f.sc.lineCol(prev)
			return nil, f.sc.errorf(t.name.off, "expected each trait once, found %s again (first at %d:%d)", key, pl, pc)
		}
		offs[key] = t.name.off
		if t.value == nil {
			out[key] = json.RawMessage("{}")
			continue
		}
		out[key] = l.render(f, t.value, true)
	}
	if doc != nil && !out.Has("smithy.api#documentation") {
		out["smithy.api#documentation"] = l.render(f, &node{kind: nodeString, str: *doc}, false)
	}
	return out, nil
}

// render writes a node value as JSON, keeping object key order. In trait
// values an unquoted shape id is resolved to an absolute one when it names
// a known or imported shape; otherwise it stays the string it spells.
func (l *lowerer) render(f *idlFile, n *node, resolveIDs bool) json.RawMessage {
	var b bytes.Buffer
	l.write(&b, f, n, resolveIDs)
	return b.Bytes()
}

func (l *lowerer) write(b *bytes.Buffer, f *idlFile, n *node, resolveIDs bool) {
	switch n.kind {
	case nodeObject:
		b.WriteByte('{')
		for i, k := range n.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSONString(b, k)
			b.WriteByte(':')
			l.write(b, f, n.vals[i], resolveIDs)
		}
		b.WriteByte('}')
	case nodeArray:
		b.WriteByte('[')
		for i, v := range n.vals {
			if i > 0 {
				b.WriteByte(',')
			}
			l.write(b, f, v, resolveIDs)
		}
		b.WriteByte(']')
	case nodeString:
		writeJSONString(b, n.str)
	case nodeNumber, nodeBool:
		b.WriteString(n.str)
	case nodeNull:
		b.WriteString("null")
	case nodeShapeID:
		s := n.str
		if resolveIDs {
			if id, ok := l.resolve(f, s); ok {
				s = string(id)
			}
		}
		writeJSONString(b, s)
	}
}

func writeJSONString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	b.Truncate(b.Len() - 1) // Encode's newline
}

// mergeMetadata combines two values of one metadata key as the
// specification merges model files: arrays concatenate, equal values are
// kept, anything else conflicts.
func mergeMetadata(prev, next json.RawMessage) (json.RawMessage, error) {
	var pv, nv any
	if json.Unmarshal(prev, &pv) != nil || json.Unmarshal(next, &nv) != nil {
		return nil, fmt.Errorf("invalid JSON")
	}
	pl, ok1 := pv.([]any)
	nl, ok2 := nv.([]any)
	if ok1 && ok2 {
		return json.Marshal(append(pl, nl...))
	}
	if jsonEqual(pv, nv) {
		return prev, nil
	}
	return nil, fmt.Errorf("different values")
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}
