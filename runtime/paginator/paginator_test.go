package paginator

import (
	"context"
	"errors"
	"slices"
	"testing"
)

func ptr(s string) *string { return &s }

func TestTokensFollowUntilEmpty(t *testing.T) {
	tk := Start("Op", nil)
	if !tk.HasMore() || tk.Next() != nil {
		t.Fatal("first page must be requested without a token")
	}
	if err := tk.Advance(ptr("a"), false); err != nil || !tk.HasMore() || *tk.Next() != "a" {
		t.Fatalf("after a: %v %v", err, tk.HasMore())
	}
	if err := tk.Advance(ptr(""), false); err != nil || tk.HasMore() {
		t.Fatal("an empty token ends pagination")
	}
}

func TestTokensNextIsACopy(t *testing.T) {
	tk := Start("Op", ptr("start"))
	n := tk.Next()
	*n = "changed"
	if *tk.Next() != "start" {
		t.Fatal("a request changed the paginator's token")
	}
}

func TestTokensDuplicate(t *testing.T) {
	tk := Start("DescribeThings", ptr("a"))
	err := tk.Advance(ptr("a"), false)
	var dup *DuplicateTokenError
	if !errors.As(err, &dup) || dup.Token != "a" || dup.Operation != "DescribeThings" || tk.HasMore() {
		t.Fatalf("err = %v, more = %v", err, tk.HasMore())
	}
	// A cycle longer than one page is caught too.
	tk = Start("Op", nil)
	for _, s := range []string{"a", "b"} {
		if err := tk.Advance(ptr(s), false); err != nil {
			t.Fatal(err)
		}
	}
	if err := tk.Advance(ptr("a"), true); err != nil || tk.HasMore() {
		t.Fatalf("StopOnDuplicateToken: err %v, more %v", err, tk.HasMore())
	}
}

type page struct {
	items []int
}

func pager(pages []page, failAt int) (func() bool, func(context.Context) (*page, error), *int) {
	calls := 0
	return func() bool { return calls < len(pages) }, func(context.Context) (*page, error) {
		calls++
		if calls == failAt {
			return nil, errors.New("boom")
		}
		return &pages[calls-1], nil
	}, &calls
}

func TestPagesAndItems(t *testing.T) {
	more, next, calls := pager([]page{{[]int{1, 2}}, {nil}, {[]int{3}}}, 0)
	var got []int
	for it, err := range Items(Pages(context.Background(), more, next), func(p *page) []int { return p.items }) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, it)
	}
	if !slices.Equal(got, []int{1, 2, 3}) || *calls != 3 {
		t.Fatalf("items %v after %d calls", got, *calls)
	}
}

func TestItemsBreakStopsRequests(t *testing.T) {
	more, next, calls := pager([]page{{[]int{1, 2}}, {[]int{3}}}, 0)
	for it := range Items(Pages(context.Background(), more, next), func(p *page) []int { return p.items }) {
		if it == 1 {
			break
		}
	}
	if *calls != 1 {
		t.Fatalf("break after the first item made %d calls", *calls)
	}
}

func TestPagesErrorEndsIteration(t *testing.T) {
	more, next, calls := pager([]page{{[]int{1}}, {[]int{2}}, {[]int{3}}}, 2)
	var errs, pages int
	for p, err := range Pages(context.Background(), more, next) {
		if err != nil {
			errs++
			if p != nil {
				t.Error("a failed page is not nil")
			}
			continue
		}
		pages++
	}
	if pages != 1 || errs != 1 || *calls != 2 {
		t.Fatalf("pages %d errs %d calls %d", pages, errs, *calls)
	}
	more, next, _ = pager([]page{{[]int{1}}, {[]int{2}}}, 2)
	var items []int
	var last error
	for it, err := range Items(Pages(context.Background(), more, next), func(p *page) []int { return p.items }) {
		items, last = append(items, it), err
	}
	if !slices.Equal(items, []int{1, 0}) || last == nil {
		t.Fatalf("items %v, last error %v", items, last)
	}
}
