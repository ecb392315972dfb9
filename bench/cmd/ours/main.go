// Command ours is the smallest useful eucsdk program: one AppStream call and
// one WorkSpaces call. run.sh builds it to measure build time and binary size
// against cmd/v2, which makes the same calls with aws-sdk-go-v2.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/workspaces"
)

func main() {
	endpoint := "http://127.0.0.1:4566"
	if len(os.Args) > 1 {
		endpoint = os.Args[1]
	}
	ctx := context.Background()
	creds := credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", "")
	as := appstream.New(appstream.Options{Region: "us-east-1", BaseEndpoint: &endpoint, Credentials: creds})
	ws := workspaces.New(workspaces.Options{Region: "us-east-1", BaseEndpoint: &endpoint, Credentials: creds})

	b, err := as.DescribeImageBuilders(ctx, &appstream.DescribeImageBuildersInput{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	imageID := "wsi-0123456789abcdef0"
	p, err := ws.DescribeWorkspaceImagePermissions(ctx, &workspaces.DescribeWorkspaceImagePermissionsInput{ImageId: &imageID})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(len(b.ImageBuilders), "image builders,", len(p.ImagePermissions), "image permissions")
}
