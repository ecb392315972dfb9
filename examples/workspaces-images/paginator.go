package main

import (
	"context"

	"github.com/eucsdk/eucsdk/workspaces"
)

// imagesPaginator pages through DescribeWorkspaceImages. The WorkSpaces
// model gives that operation NextToken and MaxResults but no paginated
// trait, so the generator emits no paginator for it; this one has the
// shape of the generated ones (HasMorePages, NextPage).
type imagesPaginator struct {
	c      *workspaces.Client
	params workspaces.DescribeWorkspaceImagesInput
	first  bool
	done   bool
}

func newImagesPaginator(c *workspaces.Client, in *workspaces.DescribeWorkspaceImagesInput) *imagesPaginator {
	return &imagesPaginator{c: c, params: *in, first: true}
}

func (p *imagesPaginator) HasMorePages() bool { return p.first || !p.done }

func (p *imagesPaginator) NextPage(ctx context.Context) (*workspaces.DescribeWorkspaceImagesOutput, error) {
	out, err := p.c.DescribeWorkspaceImages(ctx, &p.params)
	if err != nil {
		return nil, err
	}
	p.first = false
	p.params.NextToken = out.NextToken
	p.done = out.NextToken == nil
	return out, nil
}
