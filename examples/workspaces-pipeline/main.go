// Command workspaces-pipeline runs the WorkSpaces image pipeline end to
// end against the in-process emulator: a directory is registered, a
// WorkSpace is launched from a public bundle and captured into an image,
// the image backs a custom bundle that a second WorkSpace is launched
// from, the image is shared with a second account, and everything is
// cleaned up again in the order AWS requires.
//
// The emulator has no Directory Service, so any well-formed directory id
// registers; on AWS the directory must exist first. This example runs on
// the emulator only.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/emulator"
	"github.com/eucsdk/eucsdk/workspaces"
	"github.com/eucsdk/eucsdk/workspaces/types"
)

type config struct {
	// Emulator, when set, is used instead of starting one.
	Emulator   *emulator.Emulator
	StateDelay time.Duration
	// Poll is the waiters' MinDelay and MaxDelay and the pause of the
	// example's own polls: AWS needs minutes, the emulator milliseconds.
	Poll    time.Duration
	Timeout time.Duration
}

func main() {
	cfg := config{}
	flag.DurationVar(&cfg.StateDelay, "state-delay", 200*time.Millisecond, "how long the emulator keeps resources in transitional states")
	flag.DurationVar(&cfg.Poll, "poll", 50*time.Millisecond, "poll interval")
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
	directoryID = "d-90670b1e2f"
	goldenUser  = "golden-admin"
	bundleUser  = "analyst1"
	imageName   = "ws-pipeline-golden-v1"
	bundleName  = "ws-pipeline-bundle"
)

type pipeline struct {
	cfg         config
	owner, peer *workspaces.Client
	out         io.Writer
}

func run(ctx context.Context, out io.Writer, cfg config) error {
	emu := cfg.Emulator
	if emu == nil {
		emu = emulator.New(emulator.WithStateDelay(cfg.StateDelay))
		if _, err := emu.Start(); err != nil {
			return err
		}
		defer emu.Close()
	}
	p := &pipeline{cfg: cfg, out: out,
		owner: workspaces.New(emu.ClientOptions(emulator.DefaultAccount)),
		peer:  workspaces.New(emu.ClientOptions(emulator.PeerAccount))}
	fmt.Fprintf(out, "target    local emulator %s; owner %s, peer %s\n", emu.Endpoint(), emulator.DefaultAccount.ID, emulator.PeerAccount.ID)

	// 1. Directory.
	if _, err := p.owner.RegisterWorkspaceDirectory(ctx, &workspaces.RegisterWorkspaceDirectoryInput{DirectoryId: aws.String(directoryID)}); err != nil {
		return fmt.Errorf("register directory: %w", err)
	}
	if err := p.until(ctx, "directory "+directoryID+" REGISTERED", func() (bool, error) {
		d, err := p.owner.DescribeWorkspaceDirectories(ctx, &workspaces.DescribeWorkspaceDirectoriesInput{DirectoryIds: []string{directoryID}})
		return err == nil && len(d.Directories) == 1 && d.Directories[0].State == types.WorkspaceDirectoryStateRegistered, err
	}); err != nil {
		return err
	}
	fmt.Fprintf(out, "directory %s: REGISTERED\n", directoryID)

	// 2. The WorkSpace the image is made from, on a public bundle.
	golden, err := p.launch(ctx, goldenUser, emulator.PublicBundleStandardWindows)
	if err != nil {
		return err
	}

	// 3. Image.
	img, err := p.owner.CreateWorkspaceImage(ctx, &workspaces.CreateWorkspaceImageInput{
		Name: aws.String(imageName), Description: aws.String("captured by the workspaces-pipeline example"), WorkspaceId: aws.String(golden)})
	if err != nil {
		return fmt.Errorf("create image: %w", err)
	}
	imageID := aws.ToString(img.ImageId)
	if err := workspaces.NewWorkspaceImageAvailableWaiter(p.owner, func(o *workspaces.WorkspaceImageAvailableWaiterOptions) { o.MinDelay, o.MaxDelay = cfg.Poll, cfg.Poll }).
		Wait(ctx, &workspaces.DescribeWorkspaceImagesInput{ImageIds: []string{imageID}}, cfg.Timeout); err != nil {
		return fmt.Errorf("wait for image: %w", err)
	}
	fmt.Fprintf(out, "image     %s (%s) from %s: AVAILABLE\n", imageName, imageID, golden)

	// 4. Custom bundle, and a WorkSpace launched from it.
	b, err := p.owner.CreateWorkspaceBundle(ctx, &workspaces.CreateWorkspaceBundleInput{
		BundleName: aws.String(bundleName), BundleDescription: aws.String("golden image on Performance"), ImageId: aws.String(imageID),
		ComputeType: &types.ComputeType{Name: types.ComputePerformance}, UserStorage: &types.UserStorage{Capacity: aws.String("100")},
		RootStorage: &types.RootStorage{Capacity: aws.String("80")}})
	if err != nil {
		return fmt.Errorf("create bundle: %w", err)
	}
	bundleID := aws.ToString(b.WorkspaceBundle.BundleId)
	fmt.Fprintf(out, "bundle    %s (%s) on %s: %s\n", bundleName, bundleID, imageID, b.WorkspaceBundle.State)
	second, err := p.launch(ctx, bundleUser, bundleID)
	if err != nil {
		return err
	}

	// 5. Share the image with the second account.
	if _, err := p.owner.UpdateWorkspaceImagePermission(ctx, &workspaces.UpdateWorkspaceImagePermissionInput{
		ImageId: aws.String(imageID), SharedAccountId: aws.String(emulator.PeerAccount.ID), AllowCopyImage: aws.Bool(true)}); err != nil {
		return fmt.Errorf("share image: %w", err)
	}
	seen, err := p.peer.DescribeWorkspaceImages(ctx, &workspaces.DescribeWorkspaceImagesInput{ImageType: types.ImageTypeShared})
	if err != nil {
		return fmt.Errorf("peer lists shared images: %w", err)
	}
	fmt.Fprintf(out, "share     %s with %s: peer sees %d shared image(s)\n", imageID, emulator.PeerAccount.ID, len(seen.Images))

	// 6. Clean up.
	if err := p.cleanup(ctx, []string{golden, second}, bundleID, imageID); err != nil {
		return err
	}
	fmt.Fprintln(out, "done      WorkSpaces pipeline complete and cleaned up")
	return nil
}

// launch creates a WorkSpace for user on bundle in the directory and
// waits until it is AVAILABLE.
func (p *pipeline) launch(ctx context.Context, user, bundle string) (string, error) {
	out, err := p.owner.CreateWorkspaces(ctx, &workspaces.CreateWorkspacesInput{Workspaces: []types.WorkspaceRequest{{
		DirectoryId: aws.String(directoryID), UserName: aws.String(user), BundleId: aws.String(bundle),
		WorkspaceProperties: &types.WorkspaceProperties{RunningMode: types.RunningModeAutoStop, RunningModeAutoStopTimeoutInMinutes: aws.Int32(60)},
	}}})
	if err != nil {
		return "", fmt.Errorf("create WorkSpace for %s: %w", user, err)
	}
	// CreateWorkspaces fails per request, not as a whole.
	if len(out.FailedRequests) > 0 {
		f := out.FailedRequests[0]
		return "", fmt.Errorf("create WorkSpace for %s: %s: %s", user, aws.ToString(f.ErrorCode), aws.ToString(f.ErrorMessage))
	}
	id := aws.ToString(out.PendingRequests[0].WorkspaceId)
	if err := workspaces.NewWorkspaceAvailableWaiter(p.owner, func(o *workspaces.WorkspaceAvailableWaiterOptions) { o.MinDelay, o.MaxDelay = p.cfg.Poll, p.cfg.Poll }).
		Wait(ctx, &workspaces.DescribeWorkspacesInput{WorkspaceIds: []string{id}}, p.cfg.Timeout); err != nil {
		return "", fmt.Errorf("wait for WorkSpace %s: %w", id, err)
	}
	fmt.Fprintf(p.out, "workspace %s for %s on %s: AVAILABLE\n", id, user, bundle)
	return id, nil
}

func (p *pipeline) cleanup(ctx context.Context, wsIDs []string, bundleID, imageID string) error {
	steps := []struct {
		what string
		do   func() error
	}{
		{"terminate WorkSpaces", func() error {
			var reqs []types.TerminateRequest
			for _, id := range wsIDs {
				reqs = append(reqs, types.TerminateRequest{WorkspaceId: aws.String(id)})
			}
			out, err := p.owner.TerminateWorkspaces(ctx, &workspaces.TerminateWorkspacesInput{TerminateWorkspaceRequests: reqs})
			if err != nil {
				return err
			}
			if len(out.FailedRequests) > 0 {
				return fmt.Errorf("%s: %s", aws.ToString(out.FailedRequests[0].WorkspaceId), aws.ToString(out.FailedRequests[0].ErrorMessage))
			}
			// A bundle and a directory are in use until their WorkSpaces are gone.
			return p.until(ctx, "WorkSpaces gone", func() (bool, error) {
				out, err := p.owner.DescribeWorkspaces(ctx, &workspaces.DescribeWorkspacesInput{DirectoryId: aws.String(directoryID)})
				return err == nil && len(out.Workspaces) == 0, err
			})
		}},
		{"delete bundle", func() error {
			_, err := p.owner.DeleteWorkspaceBundle(ctx, &workspaces.DeleteWorkspaceBundleInput{BundleId: aws.String(bundleID)})
			return err
		}},
		{"unshare image", func() error {
			_, err := p.owner.UpdateWorkspaceImagePermission(ctx, &workspaces.UpdateWorkspaceImagePermissionInput{
				ImageId: aws.String(imageID), SharedAccountId: aws.String(emulator.PeerAccount.ID), AllowCopyImage: aws.Bool(false)})
			return err
		}},
		{"delete image", func() error {
			_, err := p.owner.DeleteWorkspaceImage(ctx, &workspaces.DeleteWorkspaceImageInput{ImageId: aws.String(imageID)})
			return err
		}},
		{"deregister directory", func() error {
			if _, err := p.owner.DeregisterWorkspaceDirectory(ctx, &workspaces.DeregisterWorkspaceDirectoryInput{DirectoryId: aws.String(directoryID)}); err != nil {
				return err
			}
			return p.until(ctx, "directory gone", func() (bool, error) {
				out, err := p.owner.DescribeWorkspaceDirectories(ctx, &workspaces.DescribeWorkspaceDirectoriesInput{DirectoryIds: []string{directoryID}})
				return err == nil && len(out.Directories) == 0, err
			})
		}},
	}
	for _, s := range steps {
		if err := s.do(); err != nil {
			return fmt.Errorf("%s: %w", s.what, err)
		}
		fmt.Fprintf(p.out, "cleanup   %s\n", s.what)
	}
	return nil
}

// errTimeout is what until returns when its condition did not hold in time.
var errTimeout = errors.New("timed out")

// until polls done every cfg.Poll until it reports true, fails, or
// cfg.Timeout passes; the model has no waiter for these conditions.
func (p *pipeline) until(ctx context.Context, what string, done func() (bool, error)) error {
	deadline := time.Now().Add(p.cfg.Timeout)
	for {
		ok, err := done()
		if err != nil {
			return fmt.Errorf("wait for %s: %w", what, err)
		}
		if ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("wait for %s: %w after %s", what, errTimeout, p.cfg.Timeout)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("wait for %s: %w", what, ctx.Err())
		case <-time.After(p.cfg.Poll):
		}
	}
}
