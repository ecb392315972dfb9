// Command linkcheck is the program TestLinkedOnlyWhenUsed links: one
// operation of each generated service, through the default configuration,
// as a user's smallest program would. It is never run.
package main

import (
	"context"
	"fmt"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/config"
	"github.com/eucsdk/eucsdk/sts"
	"github.com/eucsdk/eucsdk/workspaces"
)

func main() {
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		panic(err)
	}
	b, err := appstream.NewFromConfig(cfg).DescribeImageBuilders(ctx, &appstream.DescribeImageBuildersInput{})
	fmt.Println(b, err)
	p, err := workspaces.NewFromConfig(cfg).DescribeWorkspaceImagePermissions(ctx, &workspaces.DescribeWorkspaceImagePermissionsInput{})
	fmt.Println(p, err)
	id, err := sts.NewFromConfig(cfg).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	fmt.Println(id, err)
}
