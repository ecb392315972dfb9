package main

import (
	"context"

	"github.com/eucsdk/eucsdk/appstream"
)

// eachPermissionsPage calls fn with every page of DescribeImagePermissions.
func eachPermissionsPage(ctx context.Context, c *appstream.Client, in *appstream.DescribeImagePermissionsInput, fn func(n int, page *appstream.DescribeImagePermissionsOutput)) error {
	params := *in
	for n := 1; ; n++ {
		page, err := c.DescribeImagePermissions(ctx, &params)
		if err != nil {
			return err
		}
		fn(n, page)
		if page.NextToken == nil {
			return nil
		}
		params.NextToken = page.NextToken
	}
}

// eachImagesPage calls fn with every page of DescribeImages.
func eachImagesPage(ctx context.Context, c *appstream.Client, in *appstream.DescribeImagesInput, fn func(page *appstream.DescribeImagesOutput)) error {
	params := *in
	for {
		page, err := c.DescribeImages(ctx, &params)
		if err != nil {
			return err
		}
		fn(page)
		if page.NextToken == nil {
			return nil
		}
		params.NextToken = page.NextToken
	}
}
