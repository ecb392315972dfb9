package awsjson

import (
	"errors"
	"strings"
	"testing"
)

// MaxElements caps array elements and object members per document, counted
// together at any depth, so that tiny JSON values cannot be expanded into
// an unbounded number of Go values.
func TestMaxElements(t *testing.T) {
	array := func(n int) string { return "[" + strings.TrimSuffix(strings.Repeat("{},", n), ",") + "]" }
	for _, tc := range []struct {
		name string
		doc  string
		ok   bool
	}{
		{"at the cap", array(MaxElements), true},
		{"over the cap", array(MaxElements + 1), false},
		{"members count too", `{` + strings.Repeat(`"k":1,`, MaxElements) + `"k":1}`, false},
		{"nested arrays add up", `[` + array(MaxElements/2) + `,` + array(MaxElements/2) + `]`, false},
	} {
		var d Decoder
		d.Reset([]byte(tc.doc))
		d.Skip()
		d.End()
		skipErr := d.Err()
		d.Reset([]byte(tc.doc))
		if tc.doc[0] == '[' && d.ArrayStart() {
			for d.NextElem() {
				d.Skip()
			}
		} else if tc.doc[0] == '{' && d.ObjectStart() {
			for _, ok := d.NextKey(); ok; _, ok = d.NextKey() {
				d.Skip()
			}
		}
		d.End()
		err := d.Err()
		if tc.ok && (err != nil || skipErr != nil) {
			t.Errorf("%s: %v / Skip: %v", tc.name, err, skipErr)
		}
		if !tc.ok && !errors.Is(err, ErrElements) {
			t.Errorf("%s: err = %v, want ErrElements", tc.name, err)
		}
	}
}
