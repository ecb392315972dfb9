package main

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aws/smithy-go"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/appstream/types"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/emulator"
	"github.com/eucsdk/eucsdk/examples/internal/exampleenv"
	"github.com/eucsdk/eucsdk/runtime/waiter"
)

// newEmulator runs the emulator on a manual clock: resources take a
// minute of it per transition. The returned context makes the generated
// waiters sleep by advancing that clock, so nothing sleeps for real and
// each 20s poll is deterministic.
func newEmulator(t *testing.T) (*emulator.Emulator, *emulator.ManualClock, context.Context) {
	clk := emulator.NewManualClock(time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC))
	ctx := waiter.WithClock(context.Background(), waiter.Clock{Now: clk.Now, Sleep: func(ctx context.Context, d time.Duration) error {
		clk.Advance(d)
		return ctx.Err()
	}})
	return emulator.NewServer(t, emulator.WithClock(clk.Now), emulator.WithStateDelay(time.Minute)), clk, ctx
}

func testConfig(emu *emulator.Emulator) config {
	cfg := config{
		Config:       exampleenv.Config{Emulator: emu, PollInterval: 20 * time.Second, Timeout: 10 * time.Minute},
		BuilderName:  "eucsdk-example-builder",
		BaseImage:    emulator.BaseImageName,
		InstanceType: "stream.standard.small",
	}
	cfg.setDefaults()
	return cfg
}

func TestRunShowsLifecycleAndSharing(t *testing.T) {
	emu, clk, ctx := newEmulator(t)
	var out strings.Builder
	if err := run(ctx, &out, testConfig(emu)); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	text := out.String()
	// The lines must appear in this order.
	want := []string{
		"target   local emulator " + emu.Endpoint(),
		"accounts owner 111111111111, peer 222222222222",
		"create   eucsdk-example-builder from " + emulator.BaseImageName + " (stream.standard.small): PENDING",
		"waiting for RUNNING: eucsdk-example-builder is PENDING",
		"waiting for RUNNING: eucsdk-example-builder is PENDING",
		"waiting for RUNNING: eucsdk-example-builder is PENDING",
		"ready    eucsdk-example-builder is RUNNING",
		"url      https://appstream2.us-east-1.aws.amazon.com/authenticate?",
		"stop     eucsdk-example-builder: STOPPING",
		"waiting for STOPPED: eucsdk-example-builder is STOPPING",
		"ready    eucsdk-example-builder is STOPPED",
		"delete   eucsdk-example-builder: DELETING",
		"waiting for deleted: eucsdk-example-builder is DELETING",
		"gone     eucsdk-example-builder no longer exists",
		"seed     image eucsdk-example-image in owner 111111111111: AVAILABLE",
		"image    eucsdk-example-image as its owner sees it: visibility PRIVATE, shared with others FALSE",
		"share    eucsdk-example-image with 222222222222 (fleets true, image builders true)",
		"image    eucsdk-example-image as its owner sees it: visibility PRIVATE, shared with others TRUE",
		"peer     222222222222 sees eucsdk-example-image: visibility SHARED, fleets true, image builders true, arn arn:aws:appstream:us-east-1:111111111111:image/eucsdk-example-image",
		"perms    page 1: 222222222222(fleet=true,builder=true) 333333333333(fleet=true,builder=false) (NextToken ",
		"perms    page 2: 444444444444(fleet=true,builder=false) (last page)",
		"perms    3 accounts in total",
		"unshare  eucsdk-example-image from 444444444444",
		"peer     222222222222 no longer sees eucsdk-example-image",
		"delete   image eucsdk-example-image: DELETING",
		"done     image builder lifecycle and image sharing complete",
	}
	rest := text
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Fatalf("output lacks %q after the previous line:\n%s", w, text)
		}
		rest = rest[i+len(w):]
	}

	if n := strings.Count(text, "waiting for RUNNING"); n != 3 {
		t.Errorf("%d progress lines while waiting for RUNNING, want 3 (at 0s, 20s, 40s of a 1m transition)", n)
	}

	// Nothing is left behind in either account, once the image's DELETING
	// state has run its course.
	clk.Advance(time.Minute)
	owner := appstream.New(emu.ClientOptions(emulator.DefaultAccount))
	bs, err := owner.DescribeImageBuilders(ctx, &appstream.DescribeImageBuildersInput{})
	if err != nil || len(bs.ImageBuilders) != 0 {
		t.Fatalf("builders left: %+v, %v", bs, err)
	}
	_, err = owner.DescribeImages(ctx, &appstream.DescribeImagesInput{Names: []string{"eucsdk-example-image"}})
	var ae smithy.APIError
	if !errors.As(err, &ae) || ae.ErrorCode() != "ResourceNotFoundException" {
		t.Fatalf("image after the example: %v", err)
	}
	peer := appstream.New(emu.ClientOptions(emulator.PeerAccount))
	shared, err := peer.DescribeImages(ctx, &appstream.DescribeImagesInput{Type: types.VisibilityTypeShared})
	if err != nil || len(shared.Images) != 0 {
		t.Fatalf("peer still sees shared images: %+v, %v", shared, err)
	}
}

func TestRunReportsServiceErrors(t *testing.T) {
	emu, _, ctx := newEmulator(t)
	owner := appstream.New(emu.ClientOptions(emulator.DefaultAccount))
	_, err := owner.CreateImageBuilder(ctx, &appstream.CreateImageBuilderInput{
		Name: aws.String("eucsdk-example-builder"), ImageName: aws.String(emulator.BaseImageName), InstanceType: aws.String("stream.standard.small"),
	})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	err = run(ctx, &out, testConfig(emu))
	var ae smithy.APIError
	if !errors.As(err, &ae) || ae.ErrorCode() != "ResourceAlreadyExistsException" || !strings.HasPrefix(err.Error(), "create image builder: ") {
		t.Fatalf("run with the builder already there: %v", err)
	}
}

func TestWaitGivesUpAfterTimeout(t *testing.T) {
	clk := emulator.NewManualClock(time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC))
	emu := emulator.NewServer(t, emulator.WithClock(clk.Now), emulator.WithStateDelay(time.Hour))
	ctx := waiter.WithClock(context.Background(), waiter.Clock{Now: clk.Now, Sleep: func(ctx context.Context, d time.Duration) error {
		clk.Advance(d)
		return nil
	}})
	cfg := testConfig(emu)
	// Not a multiple of the 20s poll: waiter.Delay returns 0 when exactly
	// MinDelay remains, and a manual clock that does not move on a zero
	// sleep would then poll forever.
	cfg.Timeout = 130 * time.Second
	var out strings.Builder
	err := run(ctx, &out, cfg)
	if !errors.Is(err, waiter.ErrMaxWaitExceeded) || !strings.Contains(err.Error(), "PENDING") {
		t.Fatalf("got %v, want the waiter to give up with the builder PENDING", err)
	}
	if n := strings.Count(out.String(), "waiting for RUNNING"); n < 2 {
		t.Fatalf("%d progress lines before giving up:\n%s", n, out.String())
	}
}

func TestAWSProfileSelectsAWS(t *testing.T) {
	t.Setenv("AWS_PROFILE", "someone")
	var c exampleenv.Config
	c.Finish()
	if !c.AWS || c.PollInterval != 30*time.Second {
		t.Fatalf("with AWS_PROFILE set: %+v", c)
	}
	t.Setenv("AWS_PROFILE", "")
	c = exampleenv.Config{}
	c.Finish()
	if c.AWS || c.PollInterval != 100*time.Millisecond {
		t.Fatalf("without AWS_PROFILE: %+v", c)
	}
}
