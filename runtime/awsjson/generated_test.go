package awsjson

import (
	"errors"
	"testing"
)

func TestRawCopiesOneValue(t *testing.T) {
	var d Decoder
	d.Reset([]byte(` {"a": [1, {"b": "x"}], "c": true}`))
	if !d.ObjectStart() {
		t.Fatal("no object")
	}
	k, _ := d.NextKey()
	if string(k) != "a" {
		t.Fatalf("key %q", k)
	}
	raw := d.Raw()
	if string(raw) != `[1, {"b": "x"}]` {
		t.Fatalf("raw %q", raw)
	}
	k, _ = d.NextKey()
	if string(k) != "c" || !d.Bool() {
		t.Fatalf("after raw: key %q err %v", k, d.Err())
	}
}

func TestEncoderFailIsStickyAndReset(t *testing.T) {
	e := NewEncoder()
	first := errors.New("first")
	e.Fail(first)
	e.Fail(errors.New("second"))
	if e.Err() != first {
		t.Fatalf("Err = %v", e.Err())
	}
	e.Reset()
	if e.Err() != nil {
		t.Fatalf("Reset kept %v", e.Err())
	}
}
