package emulator

import (
	"reflect"
	"sort"
	"strings"
	"time"
	"unicode"

	astypes "github.com/eucsdk/eucsdk/appstream/types"
	"github.com/eucsdk/eucsdk/aws"
	wstypes "github.com/eucsdk/eucsdk/workspaces/types"
)

// fallback answers an operation of the model that no family implements,
// with a store driven by the operation's name and the generated types:
// Create/Put/Update/Modify/Import/Register X stores the input's members
// under X's identifier, Describe/List/Get X returns them in the output's
// own types, Delete/Deregister X removes them, Start/Stop X moves X's State,
// and Tag/Untag keep tags by ARN. What a set-call cannot be matched to
// answers the operation's empty output (lists and maps present, per the
// generated encoder). The input was already checked by frontEnd.
//
// It returns false for a name the model does not have, which stays
// UnknownOperationException. Handlers in svc.ops always win, so a family
// added later replaces its operations' fallback without touching this file.
func (e *Emulator) fallback(svc *service, opName string) (handler, bool) {
	m, ok := modelOps[svc.targetPrefix]
	if !ok || m.newOutput(opName) == nil {
		return nil, false
	}
	return func(c *call, in any) (any, error) {
		out := m.newOutput(opName)
		err := e.gen.serve(e, svc, c, opName, in, out)
		return out, err
	}, true
}

// genericState is the fallback's store: per service and account, items by
// family (the noun of the operation's name) and identifier.
type genericState struct {
	items map[string]map[string]*genItem // key: service/account/family
	tags  map[string]map[string]string   // key: service/account/arn
}

type genItem struct {
	id      string
	arn     string
	in      reflect.Value // the stored input structure (a copy, not the caller's)
	created time.Time
	state   string
	changed time.Time
}

var setVerbs = []string{"Create", "Put", "Update", "Modify", "Import", "Register"}

func splitVerb(op string) (verb, noun string) {
	for i, r := range op {
		if i > 0 && unicode.IsUpper(r) {
			return op[:i], op[i:]
		}
	}
	return op, ""
}

// family normalises a noun so that DescribeDirectoryConfigs and
// CreateDirectoryConfig, or ModifyClientProperties and
// DescribeClientProperties, name the same items.
func family(noun string) string { return strings.TrimSuffix(noun, "s") }

func (g *genericState) serve(e *Emulator, svc *service, c *call, op string, in, out any) error {
	if g.items == nil {
		g.items = map[string]map[string]*genItem{}
		g.tags = map[string]map[string]string{}
	}
	verb, noun := splitVerb(op)
	iv, ov := reflect.ValueOf(in).Elem(), reflect.ValueOf(out).Elem()
	if g.tagging(svc, c, verb, iv, ov) {
		return nil
	}
	key := svc.signingName + "/" + c.acct.ID + "/" + family(noun)
	items := g.items[key]
	switch {
	case contains(setVerbs, verb):
		id, ok := identifier(iv)
		if !ok || (id == "" && verb == "Create" && iv.NumField() > 0) {
			// Nothing to key it by, or a create whose resource the store
			// would have to invent ids for (CreateUpdatedImage): the empty
			// output is all the fallback can honestly say.
			return nil
		}
		if items == nil {
			items = map[string]*genItem{}
			g.items[key] = items
		}
		it := items[id]
		if it != nil && verb == "Create" {
			return alreadyExists(svc, noun, id)
		}
		if it == nil {
			if verb == "Update" {
				return notFound(svc, noun, id)
			}
			it = &genItem{id: id, created: c.now, changed: c.now, in: reflect.New(iv.Type()).Elem(),
				arn: "arn:aws:" + svc.signingName + ":" + c.region + ":" + c.acct.ID + ":" + kebab(family(noun)) + "/" + id}
			if verb == "Create" {
				it.state = initialState(ov)
			}
			items[id] = it
		}
		merge(it.in, iv)
		fillOutput(ov, it, e, c.now)
	case verb == "Delete" || verb == "Deregister":
		id, _ := identifier(iv)
		if items[id] == nil {
			return notFound(svc, noun, id)
		}
		delete(items, id)
	case verb == "Start" || verb == "Stop":
		id, _ := identifier(iv)
		it := items[id]
		if it == nil {
			return notFound(svc, noun, id)
		}
		it.state, it.changed = map[string]string{"Start": "STARTING", "Stop": "STOPPING"}[verb], c.now
		fillOutput(ov, it, e, c.now)
	case verb == "Describe" || verb == "List" || verb == "Get":
		return g.describe(e, svc, c, noun, items, iv, ov)
	}
	return nil
}

// describe fills the output's list of items (or its one item) from the
// store, filtered by the input's identifiers.
func (g *genericState) describe(e *Emulator, svc *service, c *call, noun string, items map[string]*genItem, iv, ov reflect.Value) error {
	var sel []*genItem
	ids, single := filterIDs(iv)
	for _, it := range items {
		if ids == nil || ids[it.id] || ids[it.arn] {
			sel = append(sel, it)
		}
	}
	sort.Slice(sel, func(i, j int) bool { return sel[i].id < sel[j].id })
	for i := 0; i < ov.NumField(); i++ {
		f, sf := ov.Field(i), ov.Type().Field(i)
		switch {
		case sf.Type.Kind() == reflect.Slice && sf.Type.Elem().Kind() == reflect.Struct:
			l := reflect.MakeSlice(sf.Type, 0, len(sel))
			for _, it := range sel {
				el := reflect.New(sf.Type.Elem()).Elem()
				fill(el, it, e, c.now)
				l = reflect.Append(l, el)
			}
			f.Set(l)
			return nil
		case sf.Type.Kind() == reflect.Pointer && sf.Type.Elem().Kind() == reflect.Struct && sf.Type.Elem().NumField() > 0:
			if len(sel) == 0 {
				if single != "" {
					return notFound(svc, noun, single)
				}
				return nil
			}
			el := reflect.New(sf.Type.Elem())
			fill(el.Elem(), sel[0], e, c.now)
			f.Set(el)
			return nil
		}
	}
	// An output of plain members (DescribeAccount) is the one item itself.
	if len(sel) > 0 {
		fill(ov, sel[0], e, c.now)
	}
	return nil
}

// tagging keeps tags by resource for TagResource/UntagResource/
// ListTagsForResource (maps) and CreateTags/DeleteTags/DescribeTags (lists
// of Key/Value); it reports whether the operation was one of them.
func (g *genericState) tagging(svc *service, c *call, verb string, iv, ov reflect.Value) bool {
	res := iv.FieldByName("ResourceArn")
	if !res.IsValid() {
		res = iv.FieldByName("ResourceId")
	}
	if !res.IsValid() || res.Kind() != reflect.Pointer || res.IsNil() {
		return false
	}
	tags, keys := iv.FieldByName("Tags"), iv.FieldByName("TagKeys")
	key := svc.signingName + "/" + c.acct.ID + "/" + res.Elem().String()
	cur := g.tags[key]
	switch {
	case tags.IsValid() && (verb == "Tag" || verb == "Create"):
		if cur == nil {
			cur = map[string]string{}
			g.tags[key] = cur
		}
		forTags(tags, func(k, v string) { cur[k] = v })
	case keys.IsValid() && (verb == "Untag" || verb == "Delete"):
		for i := 0; i < keys.Len(); i++ {
			delete(cur, keys.Index(i).String())
		}
	case (verb == "List" || verb == "Describe") && ov.FieldByName("Tags").IsValid() && ov.NumField() <= 2:
		setTags(ov.FieldByName("Tags"), cur)
	default:
		return false
	}
	return true
}

func forTags(tags reflect.Value, f func(k, v string)) {
	switch tags.Kind() {
	case reflect.Map:
		it := tags.MapRange()
		for it.Next() {
			f(it.Key().String(), it.Value().String())
		}
	case reflect.Slice:
		for i := 0; i < tags.Len(); i++ {
			t := tags.Index(i)
			f(strOf(t.FieldByName("Key")), strOf(t.FieldByName("Value")))
		}
	}
}

func setTags(f reflect.Value, tags map[string]string) {
	keys := make([]string, 0, len(tags))
	for k := range tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	switch f.Kind() {
	case reflect.Map:
		m := reflect.MakeMap(f.Type())
		for _, k := range keys {
			m.SetMapIndex(reflect.ValueOf(k).Convert(f.Type().Key()), reflect.ValueOf(tags[k]).Convert(f.Type().Elem()))
		}
		f.Set(m)
	case reflect.Slice:
		l := reflect.MakeSlice(f.Type(), 0, len(keys))
		for _, k := range keys {
			t := reflect.New(f.Type().Elem()).Elem()
			t.FieldByName("Key").Set(reflect.ValueOf(aws.String(k)))
			t.FieldByName("Value").Set(reflect.ValueOf(aws.String(tags[k])))
			l = reflect.Append(l, t)
		}
		f.Set(l)
	}
}

func strOf(v reflect.Value) string {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return ""
		}
		v = v.Elem()
	}
	if v.Kind() == reflect.String {
		return v.String()
	}
	return ""
}

// idFields are the members that identify an item, in order of preference;
// a set-call whose input has none of them is an account-level setting (one
// item per account), unless it carries a list of structures (a batch
// create, which the store cannot split into items).
var idFields = []string{"Name", "StackName", "DirectoryName", "ResourceId", "Arn"}

func identifier(iv reflect.Value) (string, bool) {
	for _, n := range idFields {
		if f := iv.FieldByName(n); f.IsValid() {
			if s := strOf(f); s != "" {
				return s, true
			}
		}
	}
	for i := 0; i < iv.NumField(); i++ {
		t := iv.Field(i).Type()
		if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct {
			return "", false
		}
		if t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.String && strings.HasSuffix(iv.Type().Field(i).Name, "Id") {
			return "", false // identified by an id the store does not know how to mint
		}
	}
	return "", true
}

// filterIDs returns the identifiers a describe-call asks for: a list
// (Names, Arns, ResourceIds, ...) or one of idFields; nil means all.
func filterIDs(iv reflect.Value) (map[string]bool, string) {
	for i := 0; i < iv.NumField(); i++ {
		f, name := iv.Field(i), iv.Type().Field(i).Name
		if f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.String && f.Len() > 0 &&
			(strings.HasSuffix(name, "Names") || strings.HasSuffix(name, "Arns") || strings.HasSuffix(name, "Ids")) {
			ids := map[string]bool{}
			for j := 0; j < f.Len(); j++ {
				ids[f.Index(j).String()] = true
			}
			return ids, ""
		}
	}
	for _, n := range idFields {
		if f := iv.FieldByName(n); f.IsValid() {
			if s := strOf(f); s != "" {
				return map[string]bool{s: true}, s
			}
		}
	}
	return nil, ""
}

// merge copies the members src sets into dst (same type): an update
// changes what it names and keeps the rest.
func merge(dst, src reflect.Value) {
	for i := 0; i < src.NumField(); i++ {
		if f := src.Field(i); !f.IsZero() {
			dst.Field(i).Set(deepCopy(f))
		}
	}
}

// deepCopy copies pointers, slices and maps so a stored item never
// aliases a request's values.
func deepCopy(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(deepCopy(v.Elem()))
		return c
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			c.Index(i).Set(deepCopy(v.Index(i)))
		}
		return c
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeMap(v.Type())
		it := v.MapRange()
		for it.Next() {
			c.SetMapIndex(it.Key(), deepCopy(it.Value()))
		}
		return c
	case reflect.Struct:
		c := reflect.New(v.Type()).Elem()
		for i := 0; i < v.NumField(); i++ {
			if c.Field(i).CanSet() {
				c.Field(i).Set(deepCopy(v.Field(i)))
			}
		}
		return c
	}
	return v
}

// fillOutput fills the item a set-call's output returns
// (CreateApplicationOutput.Application), or the output itself when it has
// plain members only.
func fillOutput(ov reflect.Value, it *genItem, e *Emulator, now time.Time) {
	for i := 0; i < ov.NumField(); i++ {
		f := ov.Field(i)
		if f.Kind() == reflect.Pointer && f.Type().Elem().Kind() == reflect.Struct && f.Type().Elem().NumField() > 0 {
			el := reflect.New(f.Type().Elem())
			fill(el.Elem(), it, e, now)
			f.Set(el)
			return
		}
	}
	fill(ov, it, e, now)
}

// fill sets the members of dst (an output or one of its items) that the
// stored input has under the same name and Go type, and the ones the
// store itself knows: Arn, the creation time and State.
func fill(dst reflect.Value, it *genItem, e *Emulator, now time.Time) {
	for i := 0; i < dst.NumField(); i++ {
		f, name := dst.Field(i), dst.Type().Field(i).Name
		if src := it.in.FieldByName(name); src.IsValid() && src.Type() == f.Type() && !src.IsZero() {
			f.Set(deepCopy(src))
			continue
		}
		if src := it.in.FieldByName(name); src.IsValid() && src.Kind() == reflect.String && f.Kind() == reflect.String && src.String() != "" {
			f.SetString(src.String()) // one enum set, another enum read back (DedicatedTenancySupport)
			continue
		}
		switch {
		case name == "Arn" && f.Type() == reflect.TypeOf((*string)(nil)):
			f.Set(reflect.ValueOf(aws.String(it.arn)))
		case (name == "CreatedTime" || name == "CreateTime" || name == "CreationTime") && f.Type() == reflect.TypeOf((*time.Time)(nil)):
			f.Set(reflect.ValueOf(aws.Time(it.created)))
		case name == "State" && f.Kind() == reflect.String && it.state != "":
			f.SetString(it.current(e, now))
		}
	}
}

// current moves a started or stopped item on after the state delay, as
// the families' resources do.
func (it *genItem) current(e *Emulator, now time.Time) string {
	if now.Sub(it.changed) >= e.delay {
		switch it.state {
		case "STARTING":
			it.state, it.changed = "RUNNING", now
		case "STOPPING":
			it.state, it.changed = "STOPPED", now
		}
	}
	return it.state
}

// initialState is the state a created item starts in: STOPPED where its
// State enum has it (builders are started explicitly), else the enum's
// first value (an app block is INACTIVE until set up); none without State.
func initialState(ov reflect.Value) string {
	for i := 0; i < ov.NumField(); i++ {
		f := ov.Field(i)
		if f.Kind() != reflect.Pointer || f.Type().Elem().Kind() != reflect.Struct {
			continue
		}
		st, ok := f.Type().Elem().FieldByName("State")
		if !ok || st.Type.Kind() != reflect.String {
			continue
		}
		vals := reflect.New(st.Type).Elem().MethodByName("Values")
		if !vals.IsValid() {
			return ""
		}
		l := vals.Call(nil)[0]
		first := ""
		for j := 0; j < l.Len(); j++ {
			v := l.Index(j).String()
			if v == "STOPPED" {
				return v
			}
			if j == 0 {
				first = v
			}
		}
		return first
	}
	return ""
}

func kebab(s string) string {
	var b strings.Builder
	for i, r := range s {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('-')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

func notFound(svc *service, noun, id string) error {
	msg := aws.String(noun + " " + id + " does not exist.")
	if svc.signingName == "workspaces" {
		return &wstypes.ResourceNotFoundException{Message: msg, ResourceId: aws.String(id)}
	}
	return &astypes.ResourceNotFoundException{Message: msg}
}

func alreadyExists(svc *service, noun, id string) error {
	msg := aws.String(noun + " " + id + " already exists.")
	if svc.signingName == "workspaces" {
		return &wstypes.ResourceAlreadyExistsException{Message: msg}
	}
	return &astypes.ResourceAlreadyExistsException{Message: msg}
}
