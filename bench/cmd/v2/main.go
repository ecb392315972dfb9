// Command v2 makes the same two calls as cmd/ours with aws-sdk-go-v2, for
// run.sh's build-time and binary-size comparison. It uses static credentials
// and service.New rather than config.LoadDefaultConfig, which would pull in
// SSO, STS and IMDS clients: the smallest aws-sdk-go-v2 program of this shape.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/appstream"
	"github.com/aws/aws-sdk-go-v2/service/workspaces"
)

func main() {
	endpoint := "http://127.0.0.1:4566"
	if len(os.Args) > 1 {
		endpoint = os.Args[1]
	}
	ctx := context.Background()
	creds := aws.NewCredentialsCache(aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "secret"}, nil
	}))
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
