package appstream

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/eucsdk/eucsdk/appstream/types"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/runtime/paginator"
)

// pagedBuilders serves pages of builder names; page i's token is "t<i+1>"
// unless it is the last. It records what each request asked for.
type pagedBuilders struct {
	pages  [][]string
	tokens []string // overrides the returned token per page when set
	failAt int      // 1-based request that fails
	reqs   []DescribeImageBuildersInput
}

func (p *pagedBuilders) DescribeImageBuilders(_ context.Context, in *DescribeImageBuildersInput, _ ...func(*Options)) (*DescribeImageBuildersOutput, error) {
	p.reqs = append(p.reqs, *in)
	n := len(p.reqs)
	if n == p.failAt {
		return nil, errors.New("throttled")
	}
	i := 0
	if in.NextToken != nil {
		fmt.Sscanf(*in.NextToken, "t%d", &i)
	}
	out := &DescribeImageBuildersOutput{}
	for _, name := range p.pages[i] {
		out.ImageBuilders = append(out.ImageBuilders, types.ImageBuilder{Name: aws.String(name)})
	}
	switch {
	case p.tokens != nil:
		out.NextToken = aws.String(p.tokens[min(n-1, len(p.tokens)-1)])
	case i+1 < len(p.pages):
		out.NextToken = aws.String(fmt.Sprintf("t%d", i+1))
	}
	return out, nil
}

func names(t *testing.T, p *DescribeImageBuildersPaginator) []string {
	t.Helper()
	var got []string
	for b, err := range p.Items(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, *b.Name)
	}
	return got
}

func TestPaginatorZeroOneManyPages(t *testing.T) {
	for _, pages := range [][][]string{
		{{}},
		{{"a", "b"}},
		{{"a"}, {}, {"b", "c"}, {"d"}},
	} {
		client := &pagedBuilders{pages: pages}
		got := names(t, NewDescribeImageBuildersPaginator(client, nil))
		if want := slices.Concat(pages...); !slices.Equal(got, want) || len(client.reqs) != len(pages) {
			t.Errorf("pages %v: items %v over %d requests", pages, got, len(client.reqs))
		}
	}
}

func TestPaginatorPagesAndNextPageAfterEnd(t *testing.T) {
	client := &pagedBuilders{pages: [][]string{{"a"}, {"b"}}}
	p := NewDescribeImageBuildersPaginator(client, &DescribeImageBuildersInput{})
	n := 0
	for out, err := range p.Pages(context.Background()) {
		if err != nil || len(out.ImageBuilders) != 1 {
			t.Fatalf("page %d: %v %v", n, out, err)
		}
		n++
	}
	if n != 2 || p.HasMorePages() {
		t.Fatalf("%d pages, more = %v", n, p.HasMorePages())
	}
	if _, err := p.NextPage(context.Background()); !errors.Is(err, paginator.ErrNoMorePages) {
		t.Fatalf("NextPage after the end: %v", err)
	}
}

func TestPaginatorDoesNotMutateInputAndSendsLimit(t *testing.T) {
	client := &pagedBuilders{pages: [][]string{{"a"}, {"b"}, {"c"}}}
	in := &DescribeImageBuildersInput{Names: []string{"x"}, MaxResults: aws.Int32(7)}
	p := NewDescribeImageBuildersPaginator(client, in)
	names(t, p)
	if in.NextToken != nil || *in.MaxResults != 7 {
		t.Fatalf("caller's input changed: %+v", in)
	}
	for i, r := range client.reqs {
		if *r.MaxResults != 7 || r.Names[0] != "x" {
			t.Errorf("request %d: MaxResults %v Names %v", i, *r.MaxResults, r.Names)
		}
	}
	client = &pagedBuilders{pages: [][]string{{"a"}}}
	names(t, NewDescribeImageBuildersPaginator(client, in, func(o *DescribeImageBuildersPaginatorOptions) { o.Limit = 2 }))
	if *client.reqs[0].MaxResults != 2 {
		t.Fatalf("Limit option not sent: %v", *client.reqs[0].MaxResults)
	}
	client = &pagedBuilders{pages: [][]string{{"a"}}}
	names(t, NewDescribeImageBuildersPaginator(client, in, func(o *DescribeImageBuildersPaginatorOptions) { o.Limit = 0 }))
	if client.reqs[0].MaxResults != nil {
		t.Fatalf("Limit 0 should leave MaxResults unset, sent %v", *client.reqs[0].MaxResults)
	}
}

func TestPaginatorDuplicateToken(t *testing.T) {
	client := &pagedBuilders{pages: [][]string{{"a"}, {"b"}}, tokens: []string{"t1", "t1"}}
	var dup *paginator.DuplicateTokenError
	var got []string
	var last error
	for b, err := range NewDescribeImageBuildersPaginator(client, nil).Items(context.Background()) {
		if err != nil {
			last = err
			break
		}
		got = append(got, *b.Name)
	}
	if !errors.As(last, &dup) || dup.Token != "t1" || len(client.reqs) != 2 {
		t.Fatalf("err %v after %d requests", last, len(client.reqs))
	}
	client = &pagedBuilders{pages: [][]string{{"a"}, {"b"}}, tokens: []string{"t1", "t1"}}
	got = names(t, NewDescribeImageBuildersPaginator(client, nil, func(o *DescribeImageBuildersPaginatorOptions) { o.StopOnDuplicateToken = true }))
	if !slices.Equal(got, []string{"a", "b"}) || len(client.reqs) != 2 {
		t.Fatalf("StopOnDuplicateToken: %v over %d requests", got, len(client.reqs))
	}
}

func TestPaginatorBreakMakesNoFurtherRequest(t *testing.T) {
	client := &pagedBuilders{pages: [][]string{{"a", "b"}, {"c"}}}
	for b, err := range NewDescribeImageBuildersPaginator(client, nil).Items(context.Background()) {
		if err != nil || *b.Name == "a" {
			break
		}
	}
	if len(client.reqs) != 1 {
		t.Fatalf("break made %d requests", len(client.reqs))
	}
}

func TestPaginatorErrorMidway(t *testing.T) {
	client := &pagedBuilders{pages: [][]string{{"a"}, {"b"}, {"c"}}, failAt: 2}
	var pages int
	var errs []error
	for out, err := range NewDescribeImageBuildersPaginator(client, nil).Pages(context.Background()) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		pages += len(out.ImageBuilders)
	}
	if pages != 1 || len(errs) != 1 || errs[0].Error() != "throttled" || len(client.reqs) != 2 {
		t.Fatalf("pages %d errs %v requests %d", pages, errs, len(client.reqs))
	}
}

func TestEveryNextTokenOperationHasAPaginator(t *testing.T) {
	// Compile-time list: the constructors exist for every operation whose
	// input and output carry NextToken (4 from the model, 18 from the overlay).
	var c *Client
	ctors := []any{
		NewDescribeAppBlockBuilderAppBlockAssociationsPaginator(c, nil), NewDescribeAppBlockBuildersPaginator(c, nil),
		NewDescribeAppBlocksPaginator(c, nil), NewDescribeApplicationFleetAssociationsPaginator(c, nil),
		NewDescribeApplicationsPaginator(c, nil), NewDescribeDirectoryConfigsPaginator(c, nil),
		NewDescribeEntitlementsPaginator(c, nil), NewDescribeFleetsPaginator(c, nil),
		NewDescribeImageBuildersPaginator(c, nil), NewDescribeImagePermissionsPaginator(c, nil),
		NewDescribeImagesPaginator(c, nil), NewDescribeSessionsPaginator(c, nil), NewDescribeStacksPaginator(c, nil),
		NewDescribeUsageReportSubscriptionsPaginator(c, nil), NewDescribeUserStackAssociationsPaginator(c, nil),
		NewDescribeUsersPaginator(c, nil), NewListAssociatedFleetsPaginator(c, nil), NewListAssociatedStacksPaginator(c, nil),
		NewListEntitledApplicationsPaginator(c, nil),
		// Added by the 2025-10-14 and 2025-11-17 releases.
		NewDescribeAppLicenseUsagePaginator(c, nil), NewDescribeSoftwareAssociationsPaginator(c, nil),
		NewListExportImageTasksPaginator(c, nil),
	}
	if len(ctors) != 22 {
		t.Fatal(len(ctors))
	}
}
