// Package smithy loads Smithy models, written in the JSON AST or the IDL
// (1.0 and 2.0): shapes, members and traits, with overlays and mixins
// applied and every reference checked. It knows nothing of Go.
package smithy

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// ShapeID is an absolute shape id, "namespace#Name" or "namespace#Name$member".
type ShapeID string

// Namespace returns the part before '#'.
func (id ShapeID) Namespace() string {
	s := string(id)
	if i := strings.IndexByte(s, '#'); i >= 0 {
		return s[:i]
	}
	return ""
}

// Name returns the shape name, without namespace or member.
func (id ShapeID) Name() string {
	s := string(id)
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[i+1:]
	}
	if i := strings.IndexByte(s, '$'); i >= 0 {
		s = s[:i]
	}
	return s
}

// Shape types, as the JSON AST spells them.
const (
	TypeBlob       = "blob"
	TypeBoolean    = "boolean"
	TypeString     = "string"
	TypeByte       = "byte"
	TypeShort      = "short"
	TypeInteger    = "integer"
	TypeLong       = "long"
	TypeFloat      = "float"
	TypeDouble     = "double"
	TypeBigInteger = "bigInteger"
	TypeBigDecimal = "bigDecimal"
	TypeTimestamp  = "timestamp"
	TypeDocument   = "document"
	TypeEnum       = "enum"
	TypeIntEnum    = "intEnum"
	TypeList       = "list"
	TypeSet        = "set"
	TypeMap        = "map"
	TypeStructure  = "structure"
	TypeUnion      = "union"
	TypeOperation  = "operation"
	TypeResource   = "resource"
	TypeService    = "service"
	TypeApply      = "apply"
)

// Shape is one shape of a model.
type Shape struct {
	ID     ShapeID
	Type   string
	Traits Traits
	// Members of structures, unions, enums and intEnums, in declaration order.
	Members []*Member
	// Member of lists; Key and Value of maps.
	Member, Key, Value *Member

	// Operations.
	Input, Output ShapeID
	Errors        []ShapeID

	// Services and resources.
	Version    string
	Operations []ShapeID
	Resources  []ShapeID
	Rename     map[ShapeID]string

	// Resources: identifier and property names to their targets.
	Identifiers map[string]ShapeID
	Properties  map[string]ShapeID

	Mixins []ShapeID

	// File is where the shape was defined, for error messages.
	File string

	typed *TypedTraits // decoded by Build; see Typed
}

// Member is a member of an aggregate shape.
type Member struct {
	Name      string
	Target    ShapeID
	Traits    Traits
	Container ShapeID

	typed *TypedTraits
}

// ID returns the member's shape id.
func (m *Member) ID() ShapeID { return ShapeID(string(m.Container) + "$" + m.Name) }

// MemberNamed returns the member with the given name, or nil.
func (s *Shape) MemberNamed(name string) *Member {
	for _, m := range s.Members {
		if m.Name == name {
			return m
		}
	}
	return nil
}

// Traits maps absolute trait ids to their raw JSON values.
type Traits map[string]json.RawMessage

// Has reports whether the trait is present.
func (t Traits) Has(id string) bool {
	_, ok := t[id]
	return ok
}

// Decode unmarshals the trait's value into v; false when absent.
func (t Traits) Decode(id string, v any) (bool, error) {
	raw, ok := t[id]
	if !ok {
		return false, nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return true, fmt.Errorf("trait %s: %w", id, err)
	}
	return true, nil
}

// String returns a string-valued trait, or "".
func (t Traits) String(id string) string {
	var s string
	if ok, err := t.Decode(id, &s); !ok || err != nil {
		return ""
	}
	return s
}

// Model is a loaded, merged and checked set of shapes.
type Model struct {
	Shapes   map[ShapeID]*Shape
	Metadata map[string]json.RawMessage
}

// Shape returns the shape with the given id, or nil.
func (m *Model) Shape(id ShapeID) *Shape { return m.Shapes[id] }

// IDs returns every shape id, sorted, so that callers never range over the map.
func (m *Model) IDs() []ShapeID {
	ids := make([]ShapeID, 0, len(m.Shapes))
	for id := range m.Shapes {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

// Services returns the service shapes, sorted by id.
func (m *Model) Services() []*Shape {
	var out []*Shape
	for _, id := range m.IDs() {
		if s := m.Shapes[id]; s.Type == TypeService {
			out = append(out, s)
		}
	}
	return out
}

// ServiceOperations returns every operation bound to the service, directly or
// through its resources, sorted by id.
func (m *Model) ServiceOperations(svc *Shape) []*Shape {
	seen := map[ShapeID]bool{}
	var visit func(ids []ShapeID, resources []ShapeID)
	visit = func(ops, resources []ShapeID) {
		for _, id := range ops {
			seen[id] = true
		}
		for _, rid := range resources {
			r := m.Shapes[rid]
			if r == nil {
				continue
			}
			visit(r.Operations, r.Resources)
		}
	}
	visit(svc.Operations, svc.Resources)
	out := make([]*Shape, 0, len(seen))
	for id := range seen {
		if s := m.Shapes[id]; s != nil {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
