// Package redact prints generated structures for humans and logs without
// ever printing a sensitive member's value.
package redact

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// Placeholder replaces the value of every sensitive member.
const Placeholder = "*** sensitive ***"

// Struct prints v (a struct) as Name{Field: value, ...}, following pointers,
// skipping unset members, and printing Placeholder for the named fields.
// Nested values that have a String method (other structures with sensitive
// members) print themselves, so redaction holds at every depth.
func Struct(v any, sensitive ...string) string {
	rv := reflect.ValueOf(v)
	var b strings.Builder
	writeStruct(&b, rv, sensitive)
	return b.String()
}

func writeStruct(b *strings.Builder, rv reflect.Value, sensitive []string) {
	t := rv.Type()
	b.WriteString(t.Name() + "{")
	first := true
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		fv := rv.Field(i)
		if fv.IsZero() {
			continue
		}
		if !first {
			b.WriteString(", ")
		}
		first = false
		b.WriteString(f.Name + ": ")
		if contains(sensitive, f.Name) {
			b.WriteString(Placeholder)
			continue
		}
		writeValue(b, fv, 0)
	}
	b.WriteString("}")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var stringerType = reflect.TypeOf((*fmt.Stringer)(nil)).Elem()

func writeValue(b *strings.Builder, v reflect.Value, depth int) {
	if depth > 32 {
		b.WriteString("...")
		return
	}
	if v.Kind() != reflect.Pointer && v.Kind() != reflect.Interface && v.Type().Implements(stringerType) && v.CanInterface() {
		b.WriteString(v.Interface().(fmt.Stringer).String())
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			b.WriteString("<nil>")
			return
		}
		writeValue(b, v.Elem(), depth+1)
	case reflect.Struct:
		if v.Type().PkgPath() == "time" || !v.CanInterface() {
			fmt.Fprint(b, v.Interface())
			return
		}
		writeStructDepth(b, v, depth)
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			fmt.Fprintf(b, "[%d bytes]", v.Len())
			return
		}
		b.WriteString("[")
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			writeValue(b, v.Index(i), depth+1)
		}
		b.WriteString("]")
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		b.WriteString("map[")
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprint(b, k.Interface())
			b.WriteString(":")
			writeValue(b, v.MapIndex(k), depth+1)
		}
		b.WriteString("]")
	case reflect.String:
		fmt.Fprintf(b, "%q", v.String())
	default:
		fmt.Fprint(b, v.Interface())
	}
}

func writeStructDepth(b *strings.Builder, rv reflect.Value, depth int) {
	if depth > 32 {
		b.WriteString("...")
		return
	}
	writeStruct(b, rv, nil)
}
