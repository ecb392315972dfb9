package bench

import (
	"context"
	"errors"
	"testing"
	"time"

	v2aws "github.com/aws/aws-sdk-go-v2/aws"
	v2creds "github.com/aws/aws-sdk-go-v2/credentials"
	v2appstream "github.com/aws/aws-sdk-go-v2/service/appstream"
	v2astypes "github.com/aws/aws-sdk-go-v2/service/appstream/types"
	v2workspaces "github.com/aws/aws-sdk-go-v2/service/workspaces"
	"github.com/aws/smithy-go"

	"github.com/eucsdk/eucsdk/appstream/types"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/emulator"
)

// TestAnyClientV2 drives the emulator from aws-sdk-go-v2, an independent
// client: the seed operations and a fleet flow, with v2's own waiter made
// instant by MinDelay/MaxDelay and the emulator's short state delay.
func TestAnyClientV2(t *testing.T) {
	emu := emulator.NewServer(t, emulator.WithStateDelay(20*time.Millisecond))
	const image = "pipeline-image"
	if _, err := emu.SeedImage(emulator.DefaultAccount.ID, types.Image{Name: aws.String(image)}); err != nil {
		t.Fatal(err)
	}
	cfg := v2aws.Config{
		Region:           emu.Region(),
		Credentials:      v2creds.NewStaticCredentialsProvider(emulator.DefaultAccount.AccessKeyID, emulator.DefaultAccount.SecretAccessKey, ""),
		BaseEndpoint:     v2aws.String(emu.Endpoint()),
		RetryMaxAttempts: 1,
	}
	as := v2appstream.NewFromConfig(cfg)
	ws := v2workspaces.NewFromConfig(cfg)
	ctx := context.Background()

	// Empty listings carry their lists.
	if out, err := as.DescribeImageBuilders(ctx, &v2appstream.DescribeImageBuildersInput{}); err != nil || out.ImageBuilders == nil || len(out.ImageBuilders) != 0 {
		t.Fatalf("DescribeImageBuilders: %+v, %v", out, err)
	}
	if _, err := ws.DescribeWorkspaceImages(ctx, &v2workspaces.DescribeWorkspaceImagesInput{}); err != nil {
		t.Fatalf("DescribeWorkspaceImages: %v", err)
	}

	// Seed operations.
	b, err := as.CreateImageBuilder(ctx, &v2appstream.CreateImageBuilderInput{Name: v2aws.String("b1"), InstanceType: v2aws.String("stream.standard.small"), ImageName: v2aws.String(emulator.BaseImageName)})
	if err != nil || v2aws.ToString(b.ImageBuilder.Name) != "b1" || b.ImageBuilder.CreatedTime == nil {
		t.Fatalf("CreateImageBuilder: %+v, %v", b, err)
	}
	bs, err := as.DescribeImageBuilders(ctx, &v2appstream.DescribeImageBuildersInput{Names: []string{"b1"}})
	if err != nil || len(bs.ImageBuilders) != 1 {
		t.Fatalf("DescribeImageBuilders: %+v, %v", bs, err)
	}
	imgs, err := as.DescribeImages(ctx, &v2appstream.DescribeImagesInput{Names: []string{image}})
	if err != nil || len(imgs.Images) != 1 || imgs.Images[0].State != v2astypes.ImageStateAvailable {
		t.Fatalf("DescribeImages: %+v, %v", imgs, err)
	}

	// Fleet flow.
	if _, err := as.CreateFleet(ctx, &v2appstream.CreateFleetInput{Name: v2aws.String("f1"), InstanceType: v2aws.String("stream.standard.small"),
		ImageName: v2aws.String(image), ComputeCapacity: &v2astypes.ComputeCapacity{DesiredInstances: v2aws.Int32(1)}}); err != nil {
		t.Fatalf("CreateFleet: %v", err)
	}
	if _, err := as.StartFleet(ctx, &v2appstream.StartFleetInput{Name: v2aws.String("f1")}); err != nil {
		t.Fatalf("StartFleet: %v", err)
	}
	w := v2appstream.NewFleetStartedWaiter(as, func(o *v2appstream.FleetStartedWaiterOptions) {
		o.MinDelay, o.MaxDelay = 10*time.Millisecond, 20*time.Millisecond
	})
	if err := w.Wait(ctx, &v2appstream.DescribeFleetsInput{Names: []string{"f1"}}, 10*time.Second); err != nil {
		t.Fatalf("FleetStarted: %v", err)
	}
	if _, err := as.CreateStack(ctx, &v2appstream.CreateStackInput{Name: v2aws.String("s1")}); err != nil {
		t.Fatalf("CreateStack: %v", err)
	}
	if _, err := as.AssociateFleet(ctx, &v2appstream.AssociateFleetInput{FleetName: v2aws.String("f1"), StackName: v2aws.String("s1")}); err != nil {
		t.Fatalf("AssociateFleet: %v", err)
	}
	st, err := as.ListAssociatedStacks(ctx, &v2appstream.ListAssociatedStacksInput{FleetName: v2aws.String("f1")})
	if err != nil || len(st.Names) != 1 || st.Names[0] != "s1" {
		t.Fatalf("ListAssociatedStacks: %+v, %v", st, err)
	}

	// Errors as v2 classifies them.
	_, err = as.CreateStack(ctx, &v2appstream.CreateStackInput{Name: v2aws.String("not valid!")})
	var ae smithy.APIError
	if !errors.As(err, &ae) || ae.ErrorCode() != "ValidationException" {
		t.Fatalf("invalid name: %v", err)
	}
	_, err = as.DeleteFleet(ctx, &v2appstream.DeleteFleetInput{Name: v2aws.String("nope")})
	var nf *v2astypes.ResourceNotFoundException
	if !errors.As(err, &nf) {
		t.Fatalf("missing fleet: %v", err)
	}
}
