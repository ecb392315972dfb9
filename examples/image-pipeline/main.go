// Command image-pipeline runs the AppStream 2.0 image pipeline end to end
// against the in-process emulator: an image builder produces an image, the
// image is shared with a second account, the fleet is moved to the new
// image and started (waiting for FleetStarted), a stack is attached, and
// everything is cleaned up again.
//
// On AWS the image comes out of the Image Assistant inside the builder,
// which has no API; the emulator stands in for that step with SeedImage,
// so this example runs on the emulator only.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/appstream/types"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/emulator"
)

type config struct {
	// Emulator, when set, is used instead of starting one.
	Emulator   *emulator.Emulator
	StateDelay time.Duration
	// Poll is the waiters' MinDelay and MaxDelay: AWS needs tens of
	// seconds, the emulator milliseconds.
	Poll    time.Duration
	Timeout time.Duration
}

func main() {
	cfg := config{}
	flag.DurationVar(&cfg.StateDelay, "state-delay", 200*time.Millisecond, "how long the emulator keeps resources in transitional states")
	flag.DurationVar(&cfg.Poll, "poll", 50*time.Millisecond, "waiter poll interval")
	flag.DurationVar(&cfg.Timeout, "timeout", time.Minute, "bound on each wait")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdout, cfg); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

const (
	builderName = "pipeline-builder"
	imageName   = "pipeline-image-v2"
	fleetName   = "pipeline-fleet"
	stackName   = "pipeline-stack"
)

func run(ctx context.Context, out io.Writer, cfg config) error {
	emu := cfg.Emulator
	if emu == nil {
		emu = emulator.New(emulator.WithStateDelay(cfg.StateDelay))
		if _, err := emu.Start(); err != nil {
			return err
		}
		defer emu.Close()
	}
	owner := appstream.New(emu.ClientOptions(emulator.DefaultAccount))
	peer := appstream.New(emu.ClientOptions(emulator.PeerAccount))
	fmt.Fprintf(out, "target   local emulator %s; owner %s, peer %s\n", emu.Endpoint(), emulator.DefaultAccount.ID, emulator.PeerAccount.ID)

	// A fleet already serves users from the base image; the pipeline's
	// job is to move it to the image the builder makes.
	if _, err := owner.CreateFleet(ctx, &appstream.CreateFleetInput{
		Name: aws.String(fleetName), InstanceType: aws.String("stream.standard.small"),
		ImageName: aws.String(emulator.BaseImageName), ComputeCapacity: &types.ComputeCapacity{DesiredInstances: aws.Int32(2)},
	}); err != nil {
		return fmt.Errorf("create fleet: %w", err)
	}
	fmt.Fprintf(out, "fleet    %s on %s: STOPPED\n", fleetName, emulator.BaseImageName)

	// 1. Builder.
	if _, err := owner.CreateImageBuilder(ctx, &appstream.CreateImageBuilderInput{
		Name: aws.String(builderName), ImageName: aws.String(emulator.BaseImageName), InstanceType: aws.String("stream.standard.medium"),
	}); err != nil {
		return fmt.Errorf("create image builder: %w", err)
	}
	if err := appstream.NewImageBuilderRunningWaiter(owner, func(o *appstream.ImageBuilderRunningWaiterOptions) { o.MinDelay, o.MaxDelay = cfg.Poll, cfg.Poll }).
		Wait(ctx, &appstream.DescribeImageBuildersInput{Names: []string{builderName}}, cfg.Timeout); err != nil {
		return fmt.Errorf("wait for builder: %w", err)
	}
	fmt.Fprintf(out, "builder  %s: RUNNING\n", builderName)

	// 2. Image: the Image Assistant's step, which the emulator seeds.
	img, err := emu.SeedImage(emulator.DefaultAccount.ID, types.Image{Name: aws.String(imageName), BaseImageArn: aws.String("arn:aws:appstream:" + emu.Region() + "::image/" + emulator.BaseImageName)})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "image    %s: %s\n", imageName, img.State)

	// 3. Share with the second account, which can now use it for fleets.
	if _, err := owner.UpdateImagePermissions(ctx, &appstream.UpdateImagePermissionsInput{
		Name: aws.String(imageName), SharedAccountId: aws.String(emulator.PeerAccount.ID),
		ImagePermissions: &types.ImagePermissions{AllowFleet: aws.Bool(true), AllowImageBuilder: aws.Bool(false)},
	}); err != nil {
		return fmt.Errorf("share image: %w", err)
	}
	seen, err := peer.DescribeImages(ctx, &appstream.DescribeImagesInput{Type: types.VisibilityTypeShared})
	if err != nil {
		return fmt.Errorf("peer lists shared images: %w", err)
	}
	fmt.Fprintf(out, "share    %s with %s: peer sees %d shared image(s)\n", imageName, emulator.PeerAccount.ID, len(seen.Images))

	// 4. Update the fleet to the new image and start it.
	if _, err := owner.UpdateFleet(ctx, &appstream.UpdateFleetInput{Name: aws.String(fleetName), ImageName: aws.String(imageName)}); err != nil {
		return fmt.Errorf("update fleet: %w", err)
	}
	if _, err := owner.StartFleet(ctx, &appstream.StartFleetInput{Name: aws.String(fleetName)}); err != nil {
		return fmt.Errorf("start fleet: %w", err)
	}
	started, err := appstream.NewFleetStartedWaiter(owner, func(o *appstream.FleetStartedWaiterOptions) { o.MinDelay, o.MaxDelay = cfg.Poll, cfg.Poll }).
		WaitForOutput(ctx, &appstream.DescribeFleetsInput{Names: []string{fleetName}}, cfg.Timeout)
	if err != nil {
		return fmt.Errorf("wait for FleetStarted: %w", err)
	}
	f := started.Fleets[0]
	fmt.Fprintf(out, "fleet    %s on %s: %s, %d of %d instances running\n", fleetName, aws.ToString(f.ImageName), f.State,
		aws.ToInt32(f.ComputeCapacityStatus.Running), aws.ToInt32(f.ComputeCapacityStatus.Desired))

	// 5. Attach a stack.
	if _, err := owner.CreateStack(ctx, &appstream.CreateStackInput{Name: aws.String(stackName)}); err != nil {
		return fmt.Errorf("create stack: %w", err)
	}
	if _, err := owner.AssociateFleet(ctx, &appstream.AssociateFleetInput{FleetName: aws.String(fleetName), StackName: aws.String(stackName)}); err != nil {
		return fmt.Errorf("associate fleet: %w", err)
	}
	fmt.Fprintf(out, "stack    %s serves %s\n", stackName, fleetName)

	// 6. Clean up, in the order AWS requires.
	if err := cleanup(ctx, out, cfg, owner); err != nil {
		return err
	}
	fmt.Fprintln(out, "done     image pipeline complete and cleaned up")
	return nil
}

func cleanup(ctx context.Context, out io.Writer, cfg config, owner *appstream.Client) error {
	steps := []struct {
		what string
		do   func() error
	}{
		{"disassociate fleet", func() error {
			_, err := owner.DisassociateFleet(ctx, &appstream.DisassociateFleetInput{FleetName: aws.String(fleetName), StackName: aws.String(stackName)})
			return err
		}},
		{"delete stack", func() error {
			_, err := owner.DeleteStack(ctx, &appstream.DeleteStackInput{Name: aws.String(stackName)})
			return err
		}},
		{"stop fleet", func() error {
			if _, err := owner.StopFleet(ctx, &appstream.StopFleetInput{Name: aws.String(fleetName)}); err != nil {
				return err
			}
			return appstream.NewFleetStoppedWaiter(owner, func(o *appstream.FleetStoppedWaiterOptions) { o.MinDelay, o.MaxDelay = cfg.Poll, cfg.Poll }).
				Wait(ctx, &appstream.DescribeFleetsInput{Names: []string{fleetName}}, cfg.Timeout)
		}},
		{"delete fleet", func() error {
			_, err := owner.DeleteFleet(ctx, &appstream.DeleteFleetInput{Name: aws.String(fleetName)})
			return err
		}},
		{"unshare image", func() error {
			_, err := owner.DeleteImagePermissions(ctx, &appstream.DeleteImagePermissionsInput{Name: aws.String(imageName), SharedAccountId: aws.String(emulator.PeerAccount.ID)})
			return err
		}},
		{"delete image", func() error {
			_, err := owner.DeleteImage(ctx, &appstream.DeleteImageInput{Name: aws.String(imageName)})
			return err
		}},
		{"delete builder", func() error {
			if _, err := owner.StopImageBuilder(ctx, &appstream.StopImageBuilderInput{Name: aws.String(builderName)}); err != nil {
				return err
			}
			if err := appstream.NewImageBuilderStoppedWaiter(owner, func(o *appstream.ImageBuilderStoppedWaiterOptions) { o.MinDelay, o.MaxDelay = cfg.Poll, cfg.Poll }).
				Wait(ctx, &appstream.DescribeImageBuildersInput{Names: []string{builderName}}, cfg.Timeout); err != nil {
				return err
			}
			if _, err := owner.DeleteImageBuilder(ctx, &appstream.DeleteImageBuilderInput{Name: aws.String(builderName)}); err != nil {
				return err
			}
			return appstream.NewImageBuilderDeletedWaiter(owner, func(o *appstream.ImageBuilderDeletedWaiterOptions) { o.MinDelay, o.MaxDelay = cfg.Poll, cfg.Poll }).
				Wait(ctx, &appstream.DescribeImageBuildersInput{Names: []string{builderName}}, cfg.Timeout)
		}},
	}
	for _, s := range steps {
		if err := s.do(); err != nil {
			return fmt.Errorf("%s: %w", s.what, err)
		}
		fmt.Fprintf(out, "cleanup  %s\n", s.what)
	}
	return nil
}
