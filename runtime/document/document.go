// Package document carries Smithy document values: untyped JSON-like data
// that a member holds as is.
package document

import (
	"encoding/json"
	"fmt"
)

// Interface is a document value. It is compatible in spirit with
// aws-sdk-go-v2's per-service document.Interface: marshal it, or unmarshal
// it into a Go value.
type Interface interface {
	// UnmarshalSmithyDocument decodes the document into v, as encoding/json would.
	UnmarshalSmithyDocument(v any) error
	// MarshalSmithyDocument returns the document as JSON.
	MarshalSmithyDocument() ([]byte, error)
}

// NewLazyDocument wraps a Go value: nil, bool, string, numbers (including
// json.Number), []any, map[string]any, or anything encoding/json can marshal.
func NewLazyDocument(v any) Interface { return &lazy{v: v} }

type lazy struct{ v any }

func (d *lazy) MarshalSmithyDocument() ([]byte, error) { return json.Marshal(d.v) }

func (d *lazy) UnmarshalSmithyDocument(v any) error {
	b, err := json.Marshal(d.v)
	if err != nil {
		return fmt.Errorf("document: %w", err)
	}
	return json.Unmarshal(b, v)
}

// Value returns the wrapped Go value of a document made by NewLazyDocument.
func Value(d Interface) (any, bool) {
	l, ok := d.(*lazy)
	if !ok {
		return nil, false
	}
	return l.v, true
}
