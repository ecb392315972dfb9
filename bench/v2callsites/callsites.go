// The code in this file is written for aws-sdk-go-v2 and compiles against it in
// this module. internal/testkit/v2compat holds the same file after the two
// sed rules of the README's migration section; a test there keeps the two in
// step, so the rules are proven on real call sites.

package v2compat

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/smithy-go"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/arn"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/appstream"
	astypes "github.com/aws/aws-sdk-go-v2/service/appstream/types"
	"github.com/aws/aws-sdk-go-v2/service/workspaces"
	wstypes "github.com/aws/aws-sdk-go-v2/service/workspaces/types"
)

// CreateBuilder mirrors a typical aws-sdk-go-v2 call site.
func CreateBuilder(ctx context.Context, c *appstream.Client) (string, error) {
	out, err := c.CreateImageBuilder(ctx, &appstream.CreateImageBuilderInput{
		Name:                        aws.String("builder-1"),
		InstanceType:                aws.String("stream.standard.medium"),
		ImageName:                   aws.String("AppStream-WinServer2019"),
		EnableDefaultInternetAccess: aws.Bool(true),
		VpcConfig: &astypes.VpcConfig{
			SubnetIds:        []string{"subnet-1"},
			SecurityGroupIds: []string{"sg-1"},
		},
		AccessEndpoints: []astypes.AccessEndpoint{{
			EndpointType: astypes.AccessEndpointTypeStreaming,
			VpceId:       aws.String("vpce-1"),
		}},
		Tags: map[string]string{"team": "images"},
	})
	if err != nil {
		var exists *astypes.ResourceAlreadyExistsException
		if errors.As(err, &exists) {
			return "", fmt.Errorf("already there: %s", exists.ErrorMessage())
		}
		return "", err
	}
	b := out.ImageBuilder
	var state astypes.ImageBuilderState = b.State
	_ = state == astypes.ImageBuilderStateRunning
	var created *time.Time = b.CreatedTime
	_ = created
	return aws.ToString(b.Arn), nil
}

// ShareImage mirrors AppStream image sharing.
func ShareImage(ctx context.Context, c *appstream.Client, image, account string) error {
	_, err := c.UpdateImagePermissions(ctx, &appstream.UpdateImagePermissionsInput{
		Name:            aws.String(image),
		SharedAccountId: aws.String(account),
		ImagePermissions: &astypes.ImagePermissions{
			AllowFleet:        aws.Bool(true),
			AllowImageBuilder: aws.Bool(false),
		},
	})
	return err
}

// ListPermissions mirrors a manual NextToken loop over image permissions.
func ListPermissions(ctx context.Context, c *appstream.Client, image string) ([]astypes.SharedImagePermissions, error) {
	var all []astypes.SharedImagePermissions
	in := &appstream.DescribeImagePermissionsInput{Name: aws.String(image), MaxResults: aws.Int32(25)}
	for {
		out, err := c.DescribeImagePermissions(ctx, in)
		if err != nil {
			return nil, err
		}
		all = append(all, out.SharedImagePermissionsList...)
		if out.NextToken == nil {
			return all, nil
		}
		in.NextToken = out.NextToken
	}
}

// WorkspaceImages mirrors listing shared WorkSpaces images and their permissions.
func WorkspaceImages(ctx context.Context, c *workspaces.Client) (int, error) {
	out, err := c.DescribeWorkspaceImages(ctx, &workspaces.DescribeWorkspaceImagesInput{
		ImageType:  wstypes.ImageTypeShared,
		MaxResults: aws.Int32(10),
	})
	if err != nil {
		var apiErr smithy.APIError
		if errors.As(err, &apiErr) && apiErr.ErrorCode() == "ResourceNotFoundException" {
			return 0, nil
		}
		return 0, err
	}
	n := 0
	for _, img := range out.Images {
		var st wstypes.WorkspaceImageState = img.State
		if st == wstypes.WorkspaceImageStateAvailable && aws.ToString(img.OwnerAccountId) != "" {
			n++
		}
		_ = img.Created
	}
	perms, err := c.DescribeWorkspaceImagePermissions(ctx, &workspaces.DescribeWorkspaceImagePermissionsInput{ImageId: aws.String("wsi-1")})
	if err != nil {
		return 0, err
	}
	for _, p := range perms.ImagePermissions {
		_ = aws.ToString(p.SharedAccountId)
	}
	_, err = c.UpdateWorkspaceImagePermission(ctx, &workspaces.UpdateWorkspaceImagePermissionInput{
		ImageId:         aws.String("wsi-1"),
		AllowCopyImage:  aws.Bool(true),
		SharedAccountId: aws.String("123456789012"),
	})
	return n, err
}

// Clients mirrors client construction with functional options.
func Clients(cfg aws.Config) (*appstream.Client, *workspaces.Client) {
	as := appstream.NewFromConfig(cfg, func(o *appstream.Options) {
		o.Region = "us-west-2"
		o.RetryMaxAttempts = 5
		o.RetryMode = aws.RetryModeAdaptive
	})
	ws := workspaces.New(workspaces.Options{Region: "us-east-1", BaseEndpoint: aws.String("http://127.0.0.1:4566")})
	return as, ws
}

// ImageOwner mirrors reading the account and region out of a resource ARN,
// the one package a pure prefix rewrite once missed.
func ImageOwner(imageARN string) (account, region string, err error) {
	if !arn.IsARN(imageARN) {
		return "", "", fmt.Errorf("not an ARN: %q", imageARN)
	}
	a, err := arn.Parse(imageARN)
	if err != nil {
		return "", "", err
	}
	return a.AccountID, a.Region, nil
}

// LoadClients mirrors the usual start of a program: shared config, a region,
// static keys for a test, and a standard retryer with more attempts.
func LoadClients(ctx context.Context) (*appstream.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx,
		config.WithRegion("eu-west-1"),
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")),
		config.WithRetryMaxAttempts(4),
	)
	if err != nil {
		return nil, err
	}
	return appstream.NewFromConfig(cfg, func(o *appstream.Options) {
		o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) { so.MaxAttempts = 6 })
	}), nil
}
