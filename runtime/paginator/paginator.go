// Package paginator holds the token bookkeeping and iterator plumbing that
// every generated paginator shares, so generated code only maps its
// operation's fields.
package paginator

import (
	"context"
	"errors"
	"fmt"
	"iter"
)

// ErrNoMorePages is returned by NextPage after the last page.
var ErrNoMorePages = errors.New("no more pages available")

// DuplicateTokenError ends a pagination whose service returned a token it
// had already returned: following it would fetch the same pages forever.
type DuplicateTokenError struct {
	Operation string
	Token     string
}

func (e *DuplicateTokenError) Error() string {
	return fmt.Sprintf("%s paginator: service repeated pagination token %q", e.Operation, e.Token)
}

// Tokens tracks the pagination token between pages. Its zero value is not
// ready; use Start.
type Tokens struct {
	op    string
	next  *string
	first bool
	seen  map[string]struct{}
}

// Start begins a pagination named op (for errors) at the caller's token, if any.
func Start(op string, token *string) Tokens {
	t := Tokens{op: op, first: true}
	if token != nil && *token != "" {
		s := *token
		t.next = &s
		t.seen = map[string]struct{}{s: {}}
	}
	return t
}

// HasMore reports whether another page should be requested: the first page
// always, then as long as the service returned a non-empty token.
func (t *Tokens) HasMore() bool {
	return t.first || (t.next != nil && *t.next != "")
}

// Next is the token to send with the next request, a fresh copy that the
// request may keep.
func (t *Tokens) Next() *string {
	if t.next == nil {
		return nil
	}
	s := *t.next
	return &s
}

// Advance records the token a page returned. A token seen before in this
// pagination ends it: with an error, or silently when stopOnDuplicate is set,
// matching aws-sdk-go-v2's StopOnDuplicateToken.
func (t *Tokens) Advance(token *string, stopOnDuplicate bool) error {
	t.first = false
	t.next = nil
	if token == nil || *token == "" {
		return nil
	}
	if _, dup := t.seen[*token]; dup {
		if stopOnDuplicate {
			return nil
		}
		return &DuplicateTokenError{Operation: t.op, Token: *token}
	}
	if t.seen == nil {
		t.seen = map[string]struct{}{}
	}
	t.seen[*token] = struct{}{}
	s := *token
	t.next = &s
	return nil
}

// Pages yields pages from next while hasMore holds. It stops after the first
// error, which it yields, and makes no request once the loop body breaks.
func Pages[Out any](ctx context.Context, hasMore func() bool, next func(context.Context) (*Out, error)) iter.Seq2[*Out, error] {
	return func(yield func(*Out, error) bool) {
		for hasMore() {
			out, err := next(ctx)
			if err != nil {
				yield(nil, err)
				return
			}
			if !yield(out, nil) {
				return
			}
		}
	}
}

// Items flattens pages into their items using items to pick each page's
// list. An error is yielded with the zero item, after which iteration stops.
func Items[Out, Item any](pages iter.Seq2[*Out, error], items func(*Out) []Item) iter.Seq2[Item, error] {
	return func(yield func(Item, error) bool) {
		for out, err := range pages {
			if err != nil {
				var zero Item
				yield(zero, err)
				return
			}
			for _, it := range items(out) {
				if !yield(it, nil) {
					return
				}
			}
		}
	}
}
