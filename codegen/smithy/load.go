package smithy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
)

// LoadFiles reads models and then overlays, in order, into one model. An
// overlay may only add traits to shapes and members that already exist
// ("apply" shapes) or add new shapes; anything it names that is missing is an
// error naming the overlay file and the shape or member.
//
// Files ending in .smithy are Smithy IDL, anything else JSON AST. A
// directory stands for every .smithy and .json file under it, in sorted path
// order, so that a model split over a tree of files loads the same way on
// every machine.
func LoadFiles(models []string, overlays []string) (*Model, error) {
	docs, err := readDocuments(models)
	if err != nil {
		return nil, err
	}
	ov, err := readDocuments(overlays)
	if err != nil {
		return nil, err
	}
	return Build(docs, ov)
}

func readDocuments(paths []string) ([]*document, error) {
	var docs []*document
	for _, p := range paths {
		files, err := ExpandModelPaths([]string{p})
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			d, err := readDocument(f)
			if err != nil {
				return nil, err
			}
			docs = append(docs, d)
		}
	}
	return docs, nil
}

// ExpandModelPaths replaces each directory by the .smithy and .json files
// under it, sorted; files are kept as given. A directory without model
// files is an error, since it is most likely a wrong path.
func ExpandModelPaths(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && (strings.HasSuffix(path, ".smithy") || strings.HasSuffix(path, ".json")) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: directory holds no .smithy or .json model files", p)
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

// Parse decodes one JSON AST document; name is used in error messages.
func Parse(name string, data []byte) (*document, error) {
	var raw rawDocument
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&raw); err != nil {
		return nil, jsonError(name, data, err)
	}
	if raw.Smithy == "" {
		return nil, fmt.Errorf("%s: not a Smithy JSON AST model (no \"smithy\" version key)", name)
	}
	d := &document{file: name, metadata: raw.Metadata}
	ids := make([]string, 0, len(raw.Shapes))
	for id := range raw.Shapes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		s, err := decodeShape(name, ShapeID(id), raw.Shapes[id])
		if err != nil {
			return nil, err
		}
		d.shapes = append(d.shapes, s)
	}
	return d, nil
}

func readDocument(path string) (*document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if strings.HasSuffix(path, ".smithy") {
		return ParseIDL(path, data)
	}
	return Parse(path, data)
}

// jsonError turns a decoding error into one naming the file, byte offset and line.
func jsonError(name string, data []byte, err error) error {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 0 {
		return fmt.Errorf("%s: invalid JSON: %w", name, err)
	}
	line := 1 + bytes.Count(data[:min(int(off), len(data))], []byte("\n"))
	return fmt.Errorf("%s: invalid JSON at byte offset %d (line %d): %w", name, off, line, err)
}

type document struct {
	file     string
	shapes   []*Shape
	metadata map[string]json.RawMessage

	// idl is an IDL file not yet lowered to shapes: Build does that once
	// every file is known, to resolve relative shape ids.
	idl *idlFile
}

type rawDocument struct {
	Smithy   string                     `json:"smithy"`
	Metadata map[string]json.RawMessage `json:"metadata"`
	Shapes   map[string]json.RawMessage `json:"shapes"`
}

type rawRef struct {
	Target ShapeID `json:"target"`
}

type rawShape struct {
	Type       string                     `json:"type"`
	Traits     map[string]json.RawMessage `json:"traits"`
	Members    json.RawMessage            `json:"members"`
	Member     *rawMember                 `json:"member"`
	Key        *rawMember                 `json:"key"`
	Value      *rawMember                 `json:"value"`
	Input      *rawRef                    `json:"input"`
	Output     *rawRef                    `json:"output"`
	Errors     []rawRef                   `json:"errors"`
	Version    string                     `json:"version"`
	Operations []rawRef                   `json:"operations"`
	Resources  []rawRef                   `json:"resources"`
	Rename     map[ShapeID]string         `json:"rename"`
	Mixins     []rawRef                   `json:"mixins"`

	Identifiers map[string]rawRef `json:"identifiers"`
	Properties  map[string]rawRef `json:"properties"`

	// Resource lifecycle operations bind operations to a service too.
	Create               *rawRef  `json:"create"`
	Put                  *rawRef  `json:"put"`
	Read                 *rawRef  `json:"read"`
	Update               *rawRef  `json:"update"`
	Delete               *rawRef  `json:"delete"`
	List                 *rawRef  `json:"list"`
	CollectionOperations []rawRef `json:"collectionOperations"`
}

type rawMember struct {
	Target ShapeID                    `json:"target"`
	Traits map[string]json.RawMessage `json:"traits"`
}

func decodeShape(file string, id ShapeID, data json.RawMessage) (*Shape, error) {
	var r rawShape
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("%s: shape %s: %w", file, id, err)
	}
	s := &Shape{ID: id, Type: r.Type, Traits: Traits(r.Traits), Version: r.Version, Rename: r.Rename, File: file}
	if s.Traits == nil {
		s.Traits = Traits{}
	}
	if len(r.Members) > 0 {
		names, members, err := orderedMembers(r.Members)
		if err != nil {
			return nil, fmt.Errorf("%s: shape %s members: %w", file, id, err)
		}
		for i, n := range names {
			s.Members = append(s.Members, newMember(id, n, members[i]))
		}
	}
	if r.Member != nil {
		s.Member = newMember(id, "member", *r.Member)
	}
	if r.Key != nil {
		s.Key = newMember(id, "key", *r.Key)
	}
	if r.Value != nil {
		s.Value = newMember(id, "value", *r.Value)
	}
	if r.Input != nil {
		s.Input = r.Input.Target
	}
	if r.Output != nil {
		s.Output = r.Output.Target
	}
	s.Errors = refs(r.Errors)
	s.Operations = refs(r.Operations)
	for _, lc := range []*rawRef{r.Create, r.Put, r.Read, r.Update, r.Delete, r.List} {
		if lc != nil {
			s.Operations = append(s.Operations, lc.Target)
		}
	}
	s.Operations = append(s.Operations, refs(r.CollectionOperations)...)
	s.Resources = refs(r.Resources)
	s.Mixins = refs(r.Mixins)
	s.Identifiers = refMap(r.Identifiers)
	s.Properties = refMap(r.Properties)
	return s, nil
}

func newMember(container ShapeID, name string, r rawMember) *Member {
	t := Traits(r.Traits)
	if t == nil {
		t = Traits{}
	}
	return &Member{Name: name, Target: r.Target, Traits: t, Container: container}
}

func refs(rs []rawRef) []ShapeID {
	if len(rs) == 0 {
		return nil
	}
	out := make([]ShapeID, len(rs))
	for i, r := range rs {
		out[i] = r.Target
	}
	return out
}

func refMap(rs map[string]rawRef) map[string]ShapeID {
	if len(rs) == 0 {
		return nil
	}
	out := make(map[string]ShapeID, len(rs))
	for k, r := range rs {
		out[k] = r.Target
	}
	return out
}

// orderedMembers decodes a JSON object keeping key order: Go field order
// follows declaration order, as aws-sdk-go-v2's does.
func orderedMembers(data json.RawMessage) ([]string, []rawMember, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, nil, fmt.Errorf("members must be an object")
	}
	var names []string
	var members []rawMember
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, nil, err
		}
		name, _ := t.(string)
		var m rawMember
		if err := dec.Decode(&m); err != nil {
			return nil, nil, fmt.Errorf("member %s: %w", name, err)
		}
		names = append(names, name)
		members = append(members, m)
	}
	return names, members, nil
}

// Build merges documents and overlays into a checked model.
func Build(docs, overlays []*document) (*Model, error) {
	m := &Model{Shapes: map[ShapeID]*Shape{}, Metadata: map[string]json.RawMessage{}}
	addPrelude(m)
	all := append(append([]*document{}, docs...), overlays...)
	if err := lowerIDL(all); err != nil {
		return nil, err
	}
	var applies []*Shape
	for _, d := range all {
		for _, k := range sortedKeys(d.metadata) {
			v := d.metadata[k]
			if prev, ok := m.Metadata[k]; ok {
				merged, err := mergeMetadata(prev, v)
				if err != nil {
					return nil, fmt.Errorf("%s: metadata %q conflicts with an earlier file's: %w", d.file, k, err)
				}
				v = merged
			}
			m.Metadata[k] = v
		}
		for _, s := range d.shapes {
			if s.Type == TypeApply {
				applies = append(applies, s)
				continue
			}
			if prev, ok := m.Shapes[s.ID]; ok && prev.File != preludeFile {
				if !sameShape(prev, s) {
					return nil, fmt.Errorf("%s: shape %s is already defined in %s", s.File, s.ID, prev.File)
				}
				continue
			}
			m.Shapes[s.ID] = s
		}
	}
	if err := applyMixins(m); err != nil {
		return nil, err
	}
	for _, a := range applies {
		if err := applyTraits(m, a); err != nil {
			return nil, err
		}
	}
	if err := checkReferences(m); err != nil {
		return nil, err
	}
	if err := decodeTraits(m); err != nil {
		return nil, err
	}
	return m, nil
}

func sameShape(a, b *Shape) bool {
	ca, cb := *a, *b
	ca.File, cb.File = "", ""
	return reflect.DeepEqual(ca, cb)
}

// applyTraits merges an "apply" shape's traits onto the shape or member it
// names. A trait that is already present with another value is a conflict,
// except list-valued traits, which are concatenated as the specification says.
func applyTraits(m *Model, a *Shape) error {
	id := string(a.ID)
	target, member := id, ""
	if i := bytes.IndexByte([]byte(id), '$'); i >= 0 {
		target, member = id[:i], id[i+1:]
	}
	s := m.Shapes[ShapeID(target)]
	if s == nil {
		return fmt.Errorf("%s: apply targets missing shape %s", a.File, target)
	}
	traits := s.Traits
	if member != "" {
		mem := s.MemberNamed(member)
		switch {
		case mem != nil:
		case member == "member" && s.Member != nil:
			mem = s.Member
		case member == "key" && s.Key != nil:
			mem = s.Key
		case member == "value" && s.Value != nil:
			mem = s.Value
		default:
			return fmt.Errorf("%s: apply targets missing member %s of shape %s", a.File, member, target)
		}
		traits = mem.Traits
	}
	for _, k := range sortedKeys(a.Traits) {
		v := a.Traits[k]
		prev, ok := traits[k]
		if !ok {
			traits[k] = v
			continue
		}
		merged, err := mergeTrait(prev, v)
		if err != nil {
			return fmt.Errorf("%s: apply to %s: trait %s conflicts with the model's value: %w", a.File, a.ID, k, err)
		}
		traits[k] = merged
	}
	return nil
}

func mergeTrait(prev, next json.RawMessage) (json.RawMessage, error) {
	var pv, nv any
	if err := json.Unmarshal(prev, &pv); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(next, &nv); err != nil {
		return nil, err
	}
	if reflect.DeepEqual(pv, nv) {
		return prev, nil
	}
	pl, ok1 := pv.([]any)
	nl, ok2 := nv.([]any)
	if ok1 && ok2 {
		return json.Marshal(append(pl, nl...))
	}
	// Waiter maps merge by name: an overlay may add waiters to an operation
	// that already has some, but never redefine one.
	po, ok1 := pv.(map[string]any)
	no, ok2 := nv.(map[string]any)
	if ok1 && ok2 {
		out := map[string]any{}
		for k, v := range po {
			out[k] = v
		}
		for k, v := range no {
			if old, dup := out[k]; dup && !reflect.DeepEqual(old, v) {
				return nil, fmt.Errorf("key %q is defined twice", k)
			}
			out[k] = v
		}
		return json.Marshal(out)
	}
	return nil, fmt.Errorf("different values")
}

func sortedKeys[V any](t map[string]V) []string {
	ks := make([]string, 0, len(t))
	for k := range t {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// applyMixins copies mixin members and traits into the shapes that use them,
// mixin members first, in mixin order, as the specification orders them.
func applyMixins(m *Model) error {
	done := map[ShapeID]bool{}
	var resolve func(s *Shape, stack []ShapeID) error
	resolve = func(s *Shape, stack []ShapeID) error {
		if done[s.ID] || len(s.Mixins) == 0 {
			done[s.ID] = true
			return nil
		}
		for i, id := range stack {
			if id == s.ID {
				var chain []string
				for _, c := range append(stack[i:], s.ID) {
					chain = append(chain, string(c))
				}
				return fmt.Errorf("%s: expected mixins without a cycle, found %s", s.File, strings.Join(chain, " uses "))
			}
		}
		var members []*Member
		traits := Traits{}
		for _, mid := range s.Mixins {
			mx := m.Shapes[mid]
			if mx == nil {
				return fmt.Errorf("%s: shape %s uses missing mixin %s", s.File, s.ID, mid)
			}
			if err := resolve(mx, append(stack, s.ID)); err != nil {
				return err
			}
			for _, mm := range mx.Members {
				c := *mm
				c.Container = s.ID
				c.Traits = copyTraits(mm.Traits)
				members = append(members, &c)
			}
			for k, v := range mx.Traits {
				if k != "smithy.api#mixin" {
					traits[k] = v
				}
			}
			if s.Member == nil && mx.Member != nil {
				c := *mx.Member
				c.Container = s.ID
				s.Member = &c
			}
		}
		for _, own := range s.Members {
			if prev := findMember(members, own.Name); prev != nil {
				// A redeclared mixin member keeps the mixin's traits under its own.
				for k, v := range own.Traits {
					prev.Traits[k] = v
				}
				continue
			}
			members = append(members, own)
		}
		for k, v := range s.Traits {
			traits[k] = v
		}
		s.Members, s.Traits = members, traits
		done[s.ID] = true
		return nil
	}
	for _, id := range m.IDs() {
		if err := resolve(m.Shapes[id], nil); err != nil {
			return err
		}
	}
	return nil
}

func findMember(ms []*Member, name string) *Member {
	for _, m := range ms {
		if m.Name == name {
			return m
		}
	}
	return nil
}

func copyTraits(t Traits) Traits {
	c := make(Traits, len(t))
	for k, v := range t {
		c[k] = v
	}
	return c
}

// checkReferences fails on the first reference to a shape that does not exist.
func checkReferences(m *Model) error {
	check := func(s *Shape, what string, id ShapeID) error {
		if id == "" {
			return nil
		}
		if m.Shapes[id] == nil {
			return fmt.Errorf("%s: shape %s: %s references missing shape %s", s.File, s.ID, what, id)
		}
		return nil
	}
	for _, id := range m.IDs() {
		s := m.Shapes[id]
		for _, mem := range s.Members {
			if s.Type == TypeEnum || s.Type == TypeIntEnum {
				continue
			}
			if err := check(s, "member "+mem.Name, mem.Target); err != nil {
				return err
			}
		}
		for _, mem := range []*Member{s.Member, s.Key, s.Value} {
			if mem != nil {
				if err := check(s, mem.Name, mem.Target); err != nil {
					return err
				}
			}
		}
		for _, ref := range []ShapeID{s.Input, s.Output} {
			if err := check(s, "input/output", ref); err != nil {
				return err
			}
		}
		for _, ref := range s.Errors {
			if err := check(s, "errors", ref); err != nil {
				return err
			}
		}
		for _, ref := range s.Operations {
			if err := check(s, "operations", ref); err != nil {
				return err
			}
		}
		for _, ref := range s.Resources {
			if err := check(s, "resources", ref); err != nil {
				return err
			}
		}
	}
	return nil
}
