package workspaces

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/workspaces/types"
)

func TestWorkspaceImagesItemsAcrossPages(t *testing.T) {
	var reqs []DescribeWorkspaceImagesInput
	client := imagesFunc(func(in *DescribeWorkspaceImagesInput) (*DescribeWorkspaceImagesOutput, error) {
		reqs = append(reqs, *in)
		out := &DescribeWorkspaceImagesOutput{Images: []types.WorkspaceImage{{ImageId: aws.String(fmt.Sprint("wsi-", len(reqs)))}}}
		if len(reqs) < 3 {
			out.NextToken = aws.String(fmt.Sprint("p", len(reqs)))
		}
		return out, nil
	})
	p := NewDescribeWorkspaceImagesPaginator(client, nil, func(o *DescribeWorkspaceImagesPaginatorOptions) { o.Limit = 5 })
	var got []string
	for img, err := range p.Items(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, *img.ImageId)
	}
	if !slices.Equal(got, []string{"wsi-1", "wsi-2", "wsi-3"}) {
		t.Fatalf("items %v", got)
	}
	if reqs[0].NextToken != nil || *reqs[1].NextToken != "p1" || *reqs[2].NextToken != "p2" || *reqs[2].MaxResults != 5 {
		t.Fatalf("requests %+v", reqs)
	}
}
