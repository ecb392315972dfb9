// Package modeldiff compares two versions of one service's Smithy model as a
// Go user of the generated client sees them: it resolves both through the
// same resolver the generator uses, so "changed type" means the Go field type
// changed, not merely the Smithy target. It also renders changelog entries
// (markdown.go). It does no I/O, so the commands stay thin.
package modeldiff

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/eucsdk/eucsdk/codegen/ir"
	"github.com/eucsdk/eucsdk/codegen/resolve"
	"github.com/eucsdk/eucsdk/codegen/smithy"
)

// Options say which service to compare and how to label the result.
type Options struct {
	// Service is the service shape id; empty when each model defines one.
	Service string
	// Package and ImportPath are handed to the resolver. Go type strings
	// in the report are package-qualified with "types.", so any value works;
	// empty means the service's sdkId, lowercased.
	Package, ImportPath string
	// Date is the entry's date, YYYY-MM-DD; empty means today (UTC).
	Date string
}

// Report is the difference between two models of one service. Its JSON form
// is the -format json output of eucsdk-modeldiff.
type Report struct {
	Date       string `json:"date"`
	Service    string `json:"service"`
	Title      string `json:"title"`
	OldVersion string `json:"oldVersion,omitempty"`
	NewVersion string `json:"newVersion"`
	// Model identity, filled in by callers that read the files.
	ModelFile string `json:"modelFile,omitempty"`
	OldSHA256 string `json:"oldSha256,omitempty"`
	NewSHA256 string `json:"newSha256,omitempty"`
	// Initial marks an entry for a service that had no previous model.
	Initial bool `json:"initial,omitempty"`

	NewOperations     []*Operation       `json:"newOperations"`
	UpdatedOperations []*OperationChange `json:"updatedOperations"`
	RemovedOperations []*Operation       `json:"removedOperations"`
	NewErrors         []string           `json:"newErrors,omitempty"`
	RemovedErrors     []string           `json:"removedErrors,omitempty"`
	Breaking          []string           `json:"breaking"`
	Unsupported       []ir.Unsupported   `json:"unsupported,omitempty"`
	Operations        int                `json:"operations"`
	// DocsChanged and OtherChanges come from RawChanges, for callers that
	// have the model files: they say what a release with no API change was.
	DocsChanged  bool     `json:"docsChanged,omitempty"`
	OtherChanges []string `json:"otherChanges,omitempty"`
}

// AddRawChanges records what the model files changed outside the Go API.
func (r *Report) AddRawChanges(oldData, newData []byte) error {
	docs, other, err := RawChanges(oldData, newData)
	if err != nil {
		return err
	}
	r.DocsChanged, r.OtherChanges = docs, other
	return nil
}

// Operation summarises an added or removed operation: enough to print its
// request and response syntax.
type Operation struct {
	Name      string   `json:"name"`
	Request   *Field   `json:"request"`
	Response  *Field   `json:"response"`
	Errors    []string `json:"errors,omitempty"`
	Paginator string   `json:"paginator,omitempty"`
	Waiters   []string `json:"waiters,omitempty"`
}

// Field is one member in a request or response syntax tree.
type Field struct {
	Name     string   `json:"name"`
	GoType   string   `json:"goType"`
	Required bool     `json:"required,omitempty"`
	Enum     []string `json:"enum,omitempty"`
	Fields   []*Field `json:"fields,omitempty"`
	// Recursive is set where the tree stops because a shape contains itself.
	Recursive bool `json:"recursive,omitempty"`
}

// OperationChange lists what changed in an operation present in both models.
type OperationChange struct {
	Name          string          `json:"name"`
	Request       []*MemberChange `json:"request,omitempty"`
	Response      []*MemberChange `json:"response,omitempty"`
	ErrorsAdded   []string        `json:"errorsAdded,omitempty"`
	ErrorsRemoved []string        `json:"errorsRemoved,omitempty"`
	// Paginator holds the old and new descriptions when they differ.
	Paginator      *Change  `json:"paginator,omitempty"`
	WaitersAdded   []string `json:"waitersAdded,omitempty"`
	WaitersRemoved []string `json:"waitersRemoved,omitempty"`
	WaitersChanged []string `json:"waitersChanged,omitempty"`
	Deprecated     *Change  `json:"deprecated,omitempty"`
}

// Change is an old and a new value.
type Change struct {
	Old string `json:"old"`
	New string `json:"new"`
}

// Member change kinds.
const (
	Added   = "added"
	Removed = "removed"
	Changed = "changed"
)

// MemberChange is one member of a request or response tree that was added,
// removed or changed. Path is the Go field path from the operation's input
// or output: "[]" steps into a list element and "{}" into a map value.
type MemberChange struct {
	Path        string   `json:"path"`
	Change      string   `json:"change"`
	OldType     string   `json:"oldType,omitempty"`
	NewType     string   `json:"newType,omitempty"`
	Required    bool     `json:"required,omitempty"`
	Enum        []string `json:"enum,omitempty"` // all values of an added enum member
	EnumAdded   []string `json:"enumAdded,omitempty"`
	EnumRemoved []string `json:"enumRemoved,omitempty"`
	Notes       []string `json:"notes,omitempty"`
	Breaking    bool     `json:"breaking,omitempty"`
}

// Heading is the entry's first line, in the form of the upstream release
// notes: "2020/07/23 - Amazon WorkSpaces - 2 new 1 updated api methods".
func (r *Report) Heading() string {
	date := strings.ReplaceAll(r.Date, "-", "/")
	if r.Initial {
		return fmt.Sprintf("%s - %s - initial import, %d api methods", date, r.Title, r.Operations)
	}
	var parts []string
	for _, p := range []struct {
		n    int
		word string
	}{{len(r.NewOperations), "new"}, {len(r.UpdatedOperations), "updated"}, {len(r.RemovedOperations), "removed"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.word))
		}
	}
	if len(parts) == 0 {
		return fmt.Sprintf("%s - %s - no api method changes", date, r.Title)
	}
	return fmt.Sprintf("%s - %s - %s api methods", date, r.Title, strings.Join(parts, " "))
}

// Empty reports whether the models differ in nothing the Go client shows.
func (r *Report) Empty() bool {
	return !r.Initial && len(r.NewOperations)+len(r.UpdatedOperations)+len(r.RemovedOperations)+len(r.NewErrors)+len(r.RemovedErrors) == 0
}

// JSON is the report as indented JSON with a trailing newline.
func (r *Report) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Resolve resolves a loaded model the way Compare does, for callers that
// want an initial entry or the service id before comparing.
func Resolve(m *smithy.Model, opts Options) (*ir.Service, error) {
	pkg, imp := opts.Package, opts.ImportPath
	if pkg == "" || imp == "" {
		// The resolver wants a package; names in the report do not depend on it.
		svcID := smithy.ShapeID(opts.Service)
		if svcID == "" {
			if svcs := m.Services(); len(svcs) == 1 {
				svcID = svcs[0].ID
			}
		}
		name := "client"
		if s := m.Shape(svcID); s != nil {
			if sdk := s.Typed().AWSService; sdk != nil && sdk.SdkID != "" {
				name = strings.ToLower(strings.ReplaceAll(sdk.SdkID, " ", ""))
			}
		}
		if pkg == "" {
			pkg = name
		}
		if imp == "" {
			imp = "example.com/" + pkg
		}
	}
	return resolve.Service(m, resolve.Config{Service: opts.Service, Package: pkg, ImportPath: imp})
}

// Initial is the entry for a service's first import: no diff, just identity.
func Initial(m *smithy.Model, opts Options) (*Report, error) {
	svc, err := Resolve(m, opts)
	if err != nil {
		return nil, err
	}
	date, err := entryDate(opts.Date)
	if err != nil {
		return nil, err
	}
	return &Report{
		Date: date, Service: svc.ShapeID, Title: svc.Title, NewVersion: svc.Version,
		Initial: true, Operations: len(svc.Operations), Unsupported: svc.Unsupported,
		NewOperations: []*Operation{}, UpdatedOperations: []*OperationChange{}, RemovedOperations: []*Operation{}, Breaking: []string{},
	}, nil
}

// Compare resolves both models and lists what a Go user would see change.
// Models of different services are refused: a diff between them would
// report every operation as removed and added, which is never what was meant.
func Compare(oldModel, newModel *smithy.Model, opts Options) (*Report, error) {
	oldSvc, err := Resolve(oldModel, opts)
	if err != nil {
		return nil, fmt.Errorf("old model: %w", err)
	}
	newSvc, err := Resolve(newModel, opts)
	if err != nil {
		return nil, fmt.Errorf("new model: %w", err)
	}
	if oldSvc.ShapeID != newSvc.ShapeID {
		return nil, fmt.Errorf("the models are of different services: old defines %s, new defines %s", oldSvc.ShapeID, newSvc.ShapeID)
	}
	date, err := entryDate(opts.Date)
	if err != nil {
		return nil, err
	}
	return Services(oldSvc, newSvc, date), nil
}

func entryDate(d string) (string, error) {
	if d == "" {
		return time.Now().UTC().Format(time.DateOnly), nil
	}
	if _, err := time.Parse(time.DateOnly, d); err != nil {
		return "", fmt.Errorf("date %q is not YYYY-MM-DD", d)
	}
	return d, nil
}

// Services compares two resolved services; date is YYYY-MM-DD.
func Services(oldSvc, newSvc *ir.Service, date string) *Report {
	r := &Report{
		Date: date, Service: newSvc.ShapeID, Title: newSvc.Title,
		OldVersion: oldSvc.Version, NewVersion: newSvc.Version,
		Operations:        len(newSvc.Operations),
		Unsupported:       newSvc.Unsupported,
		NewOperations:     []*Operation{},
		UpdatedOperations: []*OperationChange{},
		RemovedOperations: []*Operation{},
		Breaking:          []string{},
	}
	oldOps := map[string]*ir.Operation{}
	for _, o := range oldSvc.Operations {
		oldOps[o.Name] = o
	}
	newOps := map[string]bool{}
	for _, n := range newSvc.Operations {
		newOps[n.Name] = true
		o, ok := oldOps[n.Name]
		if !ok {
			r.NewOperations = append(r.NewOperations, summarize(n))
			continue
		}
		if c := compareOperation(o, n); c != nil {
			r.UpdatedOperations = append(r.UpdatedOperations, c)
		}
	}
	for _, o := range oldSvc.Operations {
		if !newOps[o.Name] {
			r.RemovedOperations = append(r.RemovedOperations, summarize(o))
			r.Breaking = append(r.Breaking, fmt.Sprintf("operation %s removed", o.Name))
		}
	}
	for _, c := range r.UpdatedOperations {
		r.Breaking = append(r.Breaking, c.breaking()...)
	}
	oldErrs, newErrs := errorNames(oldSvc), errorNames(newSvc)
	r.NewErrors = minus(newErrs, oldErrs)
	r.RemovedErrors = minus(oldErrs, newErrs)
	for _, e := range r.RemovedErrors {
		r.Breaking = append(r.Breaking, fmt.Sprintf("error type %s removed", e))
	}
	r.Breaking = dedupe(r.Breaking)
	return r
}

func (c *OperationChange) breaking() []string {
	var out []string
	for _, side := range []struct {
		name    string
		changes []*MemberChange
	}{{"request", c.Request}, {"response", c.Response}} {
		for _, m := range side.changes {
			if !m.Breaking {
				continue
			}
			out = append(out, fmt.Sprintf("%s %s: %s", c.Name, side.name, m.summary()))
		}
	}
	if c.Paginator != nil && c.Paginator.New == "" {
		out = append(out, fmt.Sprintf("%s: paginator removed", c.Name))
	} else if c.Paginator != nil && c.Paginator.Old != "" && itemType(c.Paginator.Old) != itemType(c.Paginator.New) {
		out = append(out, fmt.Sprintf("%s: paginator item type changed (%s → %s)", c.Name, itemType(c.Paginator.Old), itemType(c.Paginator.New)))
	}
	for _, w := range c.WaitersRemoved {
		out = append(out, fmt.Sprintf("%s: waiter %s removed", c.Name, w))
	}
	return out
}

// summary is the one-line description used in listings and breaking notes.
func (m *MemberChange) summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "`%s` %s", m.Path, m.Change)
	switch m.Change {
	case Added:
		fmt.Fprintf(&b, ": `%s`", m.NewType)
		if len(m.Enum) > 0 {
			fmt.Fprintf(&b, " = %s", strings.Join(m.Enum, " | "))
		}
		if m.Required {
			b.WriteString(", required")
		}
	case Removed:
		fmt.Fprintf(&b, " (was `%s`)", m.OldType)
	case Changed:
		var notes []string
		if m.OldType != m.NewType {
			notes = append(notes, fmt.Sprintf("type `%s` → `%s`", m.OldType, m.NewType))
		}
		if len(m.EnumAdded) > 0 {
			notes = append(notes, "enum values added: "+strings.Join(m.EnumAdded, ", "))
		}
		if len(m.EnumRemoved) > 0 {
			notes = append(notes, "enum values removed: "+strings.Join(m.EnumRemoved, ", "))
		}
		notes = append(notes, m.Notes...)
		b.WriteString(": " + strings.Join(notes, "; "))
	}
	return b.String()
}

func summarize(o *ir.Operation) *Operation {
	s := &Operation{
		Name:      o.Name,
		Request:   tree(o.Name+"Input", o.Input),
		Response:  tree(o.Name+"Output", o.Output),
		Paginator: paginatorDesc(o.Paginator),
	}
	for _, e := range o.Errors {
		s.Errors = append(s.Errors, "types."+e.GoName)
	}
	for _, w := range o.Waiters {
		s.Waiters = append(s.Waiters, w.Name)
	}
	return s
}

// tree expands a structure into its syntax tree, stopping at recursion.
func tree(name string, s *ir.Shape) *Field {
	root := &Field{Name: name, GoType: name}
	root.Fields = fields(s, map[*ir.Shape]bool{})
	return root
}

func fields(s *ir.Shape, visiting map[*ir.Shape]bool) []*Field {
	if s == nil || (s.Kind != ir.Struct && s.Kind != ir.Union) {
		return nil
	}
	visiting[s] = true
	defer delete(visiting, s)
	var out []*Field
	for _, m := range s.Members {
		f := &Field{Name: m.GoName, GoType: GoType(m.Type), Required: m.Required}
		inner := innermost(m.Type)
		if inner != nil && (inner.Kind == ir.Enum || inner.Kind == ir.IntEnum) {
			f.Enum = enumValues(inner.Shape)
		}
		if inner != nil && inner.Shape != nil && (inner.Kind == ir.Struct || inner.Kind == ir.Union) {
			if visiting[inner.Shape] {
				f.Recursive = true
			} else {
				f.Fields = fields(inner.Shape, visiting)
			}
		}
		out = append(out, f)
	}
	return out
}

// innermost steps through lists and maps to the element type.
func innermost(t *ir.Type) *ir.Type {
	for t != nil && t.Shape != nil {
		switch t.Kind {
		case ir.List:
			t = t.Shape.Elem.Type
		case ir.Map:
			t = t.Shape.Value.Type
		default:
			return t
		}
	}
	return t
}

func enumValues(s *ir.Shape) []string {
	if s == nil {
		return nil
	}
	out := make([]string, 0, len(s.Values))
	for _, v := range s.Values {
		if s.Kind == ir.IntEnum {
			out = append(out, fmt.Sprint(v.IntValue))
		} else {
			out = append(out, v.Value)
		}
	}
	return out
}

// GoType spells a member's Go type as the generated struct field declares
// it, with named types qualified by "types.". It mirrors the emitter's
// rules (pointers for optional scalars and structures, none for big numbers)
// because a breaking change is defined by what user code must spell.
func GoType(t *ir.Type) string {
	base := baseType(t)
	if t.Pointer && t.Kind != ir.BigInt && t.Kind != ir.BigDecimal {
		return "*" + base
	}
	return base
}

func baseType(t *ir.Type) string {
	switch t.Kind {
	case ir.String:
		return "string"
	case ir.Bool:
		return "bool"
	case ir.Byte:
		return "int8"
	case ir.Short:
		return "int16"
	case ir.Int:
		return "int32"
	case ir.Long:
		return "int64"
	case ir.Float:
		return "float32"
	case ir.Double:
		return "float64"
	case ir.BigInt:
		return "*big.Int"
	case ir.BigDecimal:
		return "*big.Float"
	case ir.Timestamp:
		return "time.Time"
	case ir.Blob:
		return "[]byte"
	case ir.Document:
		return "document.Interface"
	case ir.Enum, ir.IntEnum, ir.Struct, ir.Union:
		return "types." + t.Shape.GoName
	case ir.List:
		return "[]" + GoType(t.Shape.Elem.Type)
	case ir.Map:
		return "map[string]" + GoType(t.Shape.Value.Type)
	}
	return fmt.Sprintf("unknown(%d)", t.Kind)
}

func compareOperation(o, n *ir.Operation) *OperationChange {
	c := &OperationChange{Name: n.Name}
	c.Request = compareStructs(o.Input, n.Input, true)
	c.Response = compareStructs(o.Output, n.Output, false)
	oe, ne := opErrors(o), opErrors(n)
	c.ErrorsAdded, c.ErrorsRemoved = minus(ne, oe), minus(oe, ne)
	if op, np := paginatorDesc(o.Paginator), paginatorDesc(n.Paginator); op != np {
		c.Paginator = &Change{Old: op, New: np}
	}
	ow, nw := waiterMap(o.Waiters), waiterMap(n.Waiters)
	for _, name := range sortedKeys(nw) {
		if old, ok := ow[name]; !ok {
			c.WaitersAdded = append(c.WaitersAdded, name)
		} else if old != nw[name] {
			c.WaitersChanged = append(c.WaitersChanged, name)
		}
	}
	for _, name := range sortedKeys(ow) {
		if _, ok := nw[name]; !ok {
			c.WaitersRemoved = append(c.WaitersRemoved, name)
		}
	}
	if o.Deprecated != n.Deprecated {
		c.Deprecated = &Change{Old: o.Deprecated, New: n.Deprecated}
	}
	if len(c.Request)+len(c.Response)+len(c.ErrorsAdded)+len(c.ErrorsRemoved)+len(c.WaitersAdded)+len(c.WaitersRemoved)+len(c.WaitersChanged) == 0 && c.Paginator == nil && c.Deprecated == nil {
		return nil
	}
	return c
}

// differ walks two member trees in step, keyed by wire name so a Go rename
// shows as a change rather than a removal and an addition.
type differ struct {
	request  bool
	out      []*MemberChange
	visiting map[[2]*ir.Shape]bool
}

func compareStructs(o, n *ir.Shape, request bool) []*MemberChange {
	d := &differ{request: request, visiting: map[[2]*ir.Shape]bool{}}
	d.structs("", o, n)
	return d.out
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func (d *differ) structs(path string, o, n *ir.Shape) {
	key := [2]*ir.Shape{o, n}
	if d.visiting[key] {
		return
	}
	d.visiting[key] = true
	defer delete(d.visiting, key)
	olds := map[string]*ir.Member{}
	for _, m := range o.Members {
		olds[m.Name] = m
	}
	news := map[string]bool{}
	for _, nm := range n.Members {
		news[nm.Name] = true
		om, ok := olds[nm.Name]
		p := join(path, nm.GoName)
		if !ok {
			c := &MemberChange{Path: p, Change: Added, NewType: GoType(nm.Type), Required: nm.Required}
			if in := innermost(nm.Type); in != nil && (in.Kind == ir.Enum || in.Kind == ir.IntEnum) {
				c.Enum = enumValues(in.Shape)
			}
			// A new required request member fails validation in calls
			// written against the old client.
			c.Breaking = d.request && nm.Required
			d.out = append(d.out, c)
			continue
		}
		c := &MemberChange{Path: p, Change: Changed, OldType: GoType(om.Type), NewType: GoType(nm.Type)}
		if c.OldType != c.NewType {
			c.Breaking = true
		}
		if om.GoName != nm.GoName {
			c.Notes = append(c.Notes, fmt.Sprintf("Go field renamed from %s", om.GoName))
			c.Breaking = true
		}
		if om.Required != nm.Required {
			if nm.Required {
				c.Notes = append(c.Notes, "now required")
				c.Breaking = c.Breaking || d.request
			} else {
				c.Notes = append(c.Notes, "no longer required")
			}
		}
		if om.Deprecated == "" && nm.Deprecated != "" {
			c.Notes = append(c.Notes, "deprecated")
		}
		d.record(c)
		d.types(p, om.Type, nm.Type)
	}
	for _, om := range o.Members {
		if !news[om.Name] {
			d.out = append(d.out, &MemberChange{Path: join(path, om.GoName), Change: Removed, OldType: GoType(om.Type), Breaking: true})
		}
	}
}

// record keeps a change only when something about it changed; enum value
// changes found deeper are merged into it by types.
func (d *differ) record(c *MemberChange) {
	if c.OldType != c.NewType || len(c.Notes) > 0 {
		d.out = append(d.out, c)
	}
}

func (d *differ) changeAt(path, oldType, newType string) *MemberChange {
	for _, c := range d.out {
		if c.Path == path && c.Change == Changed {
			return c
		}
	}
	c := &MemberChange{Path: path, Change: Changed, OldType: oldType, NewType: newType}
	d.out = append(d.out, c)
	return c
}

func (d *differ) types(path string, o, n *ir.Type) {
	switch {
	case isEnum(o) && isEnum(n):
		ov, nv := enumValues(o.Shape), enumValues(n.Shape)
		added, removed := minus(nv, ov), minus(ov, nv)
		if len(added)+len(removed) > 0 {
			c := d.changeAt(path, GoType(o), GoType(n))
			c.EnumAdded, c.EnumRemoved = added, removed
			// Removing a value removes the Go constant user code may name.
			c.Breaking = c.Breaking || len(removed) > 0
		}
	case isStruct(o) && isStruct(n):
		d.structs(path, o.Shape, n.Shape)
	case o.Kind == ir.List && n.Kind == ir.List:
		d.types(path+"[]", o.Shape.Elem.Type, n.Shape.Elem.Type)
	case o.Kind == ir.Map && n.Kind == ir.Map:
		d.types(path+"{}", o.Shape.Value.Type, n.Shape.Value.Type)
	}
}

func isEnum(t *ir.Type) bool {
	return t != nil && t.Shape != nil && (t.Kind == ir.Enum || t.Kind == ir.IntEnum)
}

func isStruct(t *ir.Type) bool {
	return t != nil && t.Shape != nil && (t.Kind == ir.Struct || t.Kind == ir.Union)
}

// paginatorDesc is a comparable one-line description of a paginator.
func paginatorDesc(p *ir.Paginator) string {
	if p == nil {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "input token %s, output token %s", p.InputToken.GoName, memberPathString(p.OutputToken))
	if p.PageSize != nil {
		fmt.Fprintf(&b, ", page size %s", p.PageSize.GoName)
	}
	if len(p.Items) > 0 {
		fmt.Fprintf(&b, ", items %s", memberPathString(p.Items))
		if p.ItemType != nil {
			fmt.Fprintf(&b, " of %s", GoType(p.ItemType))
		}
	}
	return b.String()
}

// itemType extracts the item type from a paginator description.
func itemType(desc string) string {
	if i := strings.LastIndex(desc, " of "); i >= 0 {
		return desc[i+4:]
	}
	return ""
}

func memberPathString(ms []*ir.Member) string {
	names := make([]string, len(ms))
	for i, m := range ms {
		names[i] = m.GoName
	}
	return strings.Join(names, ".")
}

// waiterMap maps each waiter to a comparable encoding of its behaviour;
// documentation is left out so wording fixes are not reported as changes.
func waiterMap(ws []*ir.Waiter) map[string]string {
	out := map[string]string{}
	for _, w := range ws {
		b, _ := json.Marshal(struct {
			Min, Max   int
			Deprecated bool
			Acceptors  []ir.Acceptor
		}{w.MinDelay, w.MaxDelay, w.Deprecated, w.Acceptors})
		out[w.Name] = string(b)
	}
	return out
}

func opErrors(o *ir.Operation) []string {
	out := make([]string, 0, len(o.Errors))
	for _, e := range o.Errors {
		out = append(out, "types."+e.GoName)
	}
	sort.Strings(out)
	return out
}

func errorNames(s *ir.Service) []string {
	seen := map[string]bool{}
	for _, o := range s.Operations {
		for _, e := range o.Errors {
			seen["types."+e.GoName] = true
		}
	}
	return sortedKeys(seen)
}

// minus returns the elements of a not in b, in a's order.
func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

func dedupe(s []string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
