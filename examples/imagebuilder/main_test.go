package main

import (
	"context"
	"errors"
	"path/filepath"
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

// AWS_PROFILE in the shell does not send the example to AWS: only -aws
// does, and it then asks before creating anything.
func TestAWSProfileDoesNotSelectAWS(t *testing.T) {
	t.Setenv("AWS_PROFILE", "someone")
	var c exampleenv.Config
	c.Finish()
	if c.AWS || c.PollInterval != 100*time.Millisecond {
		t.Fatalf("with AWS_PROFILE set: %+v", c)
	}
	emu := emulator.NewServer(t)
	var out strings.Builder
	env, err := exampleenv.Setup(context.Background(), &out, exampleenv.Config{Emulator: emu})
	if err != nil {
		t.Fatal(err)
	}
	defer env.Close()
	if !strings.Contains(out.String(), "target   local emulator") || !strings.Contains(out.String(), "AWS_PROFILE=someone is not used without -aws") {
		t.Errorf("output:\n%s", out.String())
	}
}

// With -aws the example names the account and region and creates nothing
// unless the user says yes.
func TestAWSAsksBeforeCreating(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(dir, "config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "credentials"))
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_REGION", "eu-west-1")
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIDTEST")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "secret")
	t.Setenv("AWS_ACCOUNT_ID", "123456789012")
	var out strings.Builder
	_, err := exampleenv.Setup(context.Background(), &out, exampleenv.Config{AWS: true, In: strings.NewReader("\n")})
	if !errors.Is(err, exampleenv.ErrNotConfirmed) {
		t.Fatalf("err = %v", err)
	}
	for _, want := range []string{"target   AWS, region eu-west-1", "account  123456789012 (access key AKIDTEST from EnvConfigCredentials)", "Continue? [y/N]"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if _, err := exampleenv.Setup(context.Background(), &out, exampleenv.Config{AWS: true, In: strings.NewReader("y\n")}); err != nil {
		t.Errorf("after yes: %v", err)
	}
	if _, err := exampleenv.Setup(context.Background(), &out, exampleenv.Config{AWS: true, Yes: true, In: strings.NewReader("")}); err != nil {
		t.Errorf("-yes: %v", err)
	}
}
