// Command imagebuilder walks an AppStream 2.0 image builder through its
// whole life (create, wait until RUNNING, get a streaming URL, stop, wait
// until STOPPED, delete, wait until gone) and then shares an image with a
// second account and takes the share back.
//
// It runs against an in-process emulator unless -aws is given or
// AWS_PROFILE is set, so `go run ./examples/imagebuilder` works with no AWS
// account. On AWS it creates a real, billed image builder, and it only
// shares an image you name with -image and -peer-account; it never deletes
// an image it did not create.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/appstream/types"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/emulator"
	"github.com/eucsdk/eucsdk/examples/internal/exampleenv"
)

type config struct {
	exampleenv.Config
	BuilderName  string
	BaseImage    string
	InstanceType string
	// ImageName is the image to share: seeded on the emulator, an existing
	// private image of yours on AWS (sharing is skipped when empty there).
	ImageName string
	// ExtraShares are further accounts the image is shared with on the
	// emulator, so that the permissions listing has several pages.
	ExtraShares []string
	// PageSize is MaxResults for DescribeImagePermissions.
	PageSize int32
}

func main() {
	fs := flag.NewFlagSet("imagebuilder", flag.ExitOnError)
	base := exampleenv.Flags(fs)
	cfg := config{}
	fs.StringVar(&cfg.BuilderName, "name", "eucsdk-example-builder", "image builder name")
	fs.StringVar(&cfg.BaseImage, "base-image", emulator.BaseImageName, "image the builder starts from (on AWS, a current public base image)")
	fs.StringVar(&cfg.InstanceType, "instance-type", "stream.standard.small", "image builder instance type")
	fs.StringVar(&cfg.ImageName, "image", "", "image to share (default: a seeded eucsdk-example-image on the emulator; none on AWS)")
	_ = fs.Parse(os.Args[1:])
	base.Finish()
	cfg.Config = *base
	cfg.setDefaults()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdout, cfg); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

// setDefaults fills what depends on the target: on the emulator there is
// an image to seed and spare accounts to share with, on AWS only what the
// user named.
func (cfg *config) setDefaults() {
	if !cfg.AWS && cfg.ImageName == "" {
		cfg.ImageName = "eucsdk-example-image"
		cfg.ExtraShares = []string{"333333333333", "444444444444"}
	}
	if cfg.PageSize == 0 {
		cfg.PageSize = 2
	}
}

func run(ctx context.Context, out io.Writer, cfg config) error {
	env, err := exampleenv.Setup(ctx, out, cfg.Config)
	if err != nil {
		return err
	}
	defer env.Close()
	if err := builderLifecycle(ctx, out, cfg, env); err != nil {
		return err
	}
	if err := shareImage(ctx, out, cfg, env); err != nil {
		return err
	}
	fmt.Fprintln(out, "done     image builder lifecycle and image sharing complete")
	return nil
}

func builderLifecycle(ctx context.Context, out io.Writer, cfg config, env *exampleenv.Env) error {
	c := env.Owner.AppStream()
	name := aws.String(cfg.BuilderName)
	fmt.Fprintf(out, "\n== image builder lifecycle (%s)\n", env.Owner)

	created, err := c.CreateImageBuilder(ctx, &appstream.CreateImageBuilderInput{
		Name:         name,
		ImageName:    aws.String(cfg.BaseImage),
		InstanceType: aws.String(cfg.InstanceType),
		DisplayName:  aws.String("eucsdk example"),
		Description:  aws.String("created by eucsdk examples/imagebuilder"),
	})
	if err != nil {
		return fmt.Errorf("create image builder: %w", err)
	}
	fmt.Fprintf(out, "create   %s from %s (%s): %s\n", cfg.BuilderName, cfg.BaseImage, cfg.InstanceType, created.ImageBuilder.State)

	if err := waitBuilder(ctx, out, c, cfg, types.ImageBuilderStateRunning); err != nil {
		return err
	}
	url, err := c.CreateImageBuilderStreamingURL(ctx, &appstream.CreateImageBuilderStreamingURLInput{Name: name, Validity: aws.Int64(600)})
	if err != nil {
		return fmt.Errorf("streaming URL: %w", err)
	}
	fmt.Fprintf(out, "url      %s (expires %s)\n", shorten(aws.ToString(url.StreamingURL), 72), aws.ToTime(url.Expires).UTC().Format(time.RFC3339))

	stopped, err := c.StopImageBuilder(ctx, &appstream.StopImageBuilderInput{Name: name})
	if err != nil {
		return fmt.Errorf("stop image builder: %w", err)
	}
	fmt.Fprintf(out, "stop     %s: %s\n", cfg.BuilderName, stopped.ImageBuilder.State)
	if err := waitBuilder(ctx, out, c, cfg, types.ImageBuilderStateStopped); err != nil {
		return err
	}

	deleted, err := c.DeleteImageBuilder(ctx, &appstream.DeleteImageBuilderInput{Name: name})
	if err != nil {
		return fmt.Errorf("delete image builder: %w", err)
	}
	fmt.Fprintf(out, "delete   %s: %s\n", cfg.BuilderName, deleted.ImageBuilder.State)
	return waitBuilder(ctx, out, c, cfg, "")
}

// waitBuilder waits with the generated waiter for want (RUNNING, STOPPED,
// or "" for deleted), printing each state it polls so that a ten-minute
// wait on AWS shows progress. The waiter's delays are the poll interval,
// not the model's 15s-120s backoff, so the emulator run takes a second.
func waitBuilder(ctx context.Context, out io.Writer, c *appstream.Client, cfg config, want types.ImageBuilderState) error {
	target := string(want)
	if want == "" {
		target = "deleted"
	}
	start := time.Now()
	attempt := 0
	progress := func(next func(context.Context, *appstream.DescribeImageBuildersInput, *appstream.DescribeImageBuildersOutput, error) (bool, error)) func(context.Context, *appstream.DescribeImageBuildersInput, *appstream.DescribeImageBuildersOutput, error) (bool, error) {
		return func(ctx context.Context, in *appstream.DescribeImageBuildersInput, res *appstream.DescribeImageBuildersOutput, err error) (bool, error) {
			attempt++
			retry, rerr := next(ctx, in, res, err)
			if retry {
				state := "unknown"
				if res != nil && len(res.ImageBuilders) == 1 {
					state = string(res.ImageBuilders[0].State)
				}
				fmt.Fprintf(out, "  ...    waiting for %s: %s is %s (attempt %d, %s)\n", target, cfg.BuilderName, state, attempt, since(start))
			}
			return retry, rerr
		}
	}
	in := &appstream.DescribeImageBuildersInput{Names: []string{cfg.BuilderName}}
	var err error
	switch want {
	case types.ImageBuilderStateRunning:
		err = appstream.NewImageBuilderRunningWaiter(c, func(o *appstream.ImageBuilderRunningWaiterOptions) {
			o.MinDelay, o.MaxDelay, o.Retryable = cfg.PollInterval, cfg.PollInterval, progress(o.Retryable)
		}).Wait(ctx, in, cfg.Timeout)
	case types.ImageBuilderStateStopped:
		err = appstream.NewImageBuilderStoppedWaiter(c, func(o *appstream.ImageBuilderStoppedWaiterOptions) {
			o.MinDelay, o.MaxDelay, o.Retryable = cfg.PollInterval, cfg.PollInterval, progress(o.Retryable)
		}).Wait(ctx, in, cfg.Timeout)
	default:
		err = appstream.NewImageBuilderDeletedWaiter(c, func(o *appstream.ImageBuilderDeletedWaiterOptions) {
			o.MinDelay, o.MaxDelay, o.Retryable = cfg.PollInterval, cfg.PollInterval, progress(o.Retryable)
		}).Wait(ctx, in, cfg.Timeout)
	}
	if err != nil {
		return fmt.Errorf("wait for %s %s: %w", cfg.BuilderName, target, err)
	}
	if want == "" {
		fmt.Fprintf(out, "gone     %s no longer exists (attempt %d, %s)\n", cfg.BuilderName, attempt, since(start))
	} else {
		fmt.Fprintf(out, "ready    %s is %s (attempt %d, %s)\n", cfg.BuilderName, want, attempt, since(start))
	}
	return nil
}

func shareImage(ctx context.Context, out io.Writer, cfg config, env *exampleenv.Env) error {
	fmt.Fprintf(out, "\n== image sharing (%s -> %s)\n", env.Owner, env.Peer)
	if cfg.ImageName == "" || env.Peer.AccountID == "" {
		fmt.Fprintln(out, "skip     sharing needs -image NAME (a private image you own) and -peer-account ID on AWS")
		return nil
	}
	owner := env.Owner.AppStream()
	name := aws.String(cfg.ImageName)
	if env.Emulator != nil {
		img, err := env.Emulator.SeedImage(env.Owner.AccountID, types.Image{
			Name: name, DisplayName: aws.String("eucsdk example image"), Platform: types.PlatformTypeWindowsServer2022,
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "seed     image %s in %s: %s (the emulator's stand-in for an image builder snapshot)\n", cfg.ImageName, env.Owner, img.State)
	}
	if err := ownerSees(ctx, out, owner, cfg.ImageName); err != nil {
		return err
	}

	shares := append([]string{env.Peer.AccountID}, cfg.ExtraShares...)
	for i, acct := range shares {
		perms := &types.ImagePermissions{AllowFleet: aws.Bool(true), AllowImageBuilder: aws.Bool(i == 0)}
		if _, err := owner.UpdateImagePermissions(ctx, &appstream.UpdateImagePermissionsInput{Name: name, SharedAccountId: aws.String(acct), ImagePermissions: perms}); err != nil {
			return fmt.Errorf("share with %s: %w", acct, err)
		}
		fmt.Fprintf(out, "share    %s with %s (fleets %t, image builders %t)\n", cfg.ImageName, acct, aws.ToBool(perms.AllowFleet), aws.ToBool(perms.AllowImageBuilder))
	}

	if err := ownerSees(ctx, out, owner, cfg.ImageName); err != nil {
		return err
	}
	if env.HasPeerClient {
		if err := peerSees(ctx, out, env, cfg.ImageName, true); err != nil {
			return err
		}
	}

	var listed []string
	pages := appstream.NewDescribeImagePermissionsPaginator(owner, &appstream.DescribeImagePermissionsInput{Name: name}, func(o *appstream.DescribeImagePermissionsPaginatorOptions) {
		o.Limit = cfg.PageSize
	})
	n := 0
	for page, err := range pages.Pages(ctx) {
		if err != nil {
			return fmt.Errorf("describe image permissions: %w", err)
		}
		n++
		var ids []string
		for _, p := range page.SharedImagePermissionsList {
			ids = append(ids, fmt.Sprintf("%s(fleet=%t,builder=%t)", aws.ToString(p.SharedAccountId), aws.ToBool(p.ImagePermissions.AllowFleet), aws.ToBool(p.ImagePermissions.AllowImageBuilder)))
			listed = append(listed, aws.ToString(p.SharedAccountId))
		}
		more := "last page"
		if page.NextToken != nil {
			more = "NextToken " + shorten(*page.NextToken, 16)
		}
		fmt.Fprintf(out, "perms    page %d: %s (%s)\n", n, strings.Join(ids, " "), more)
	}
	fmt.Fprintf(out, "perms    %d accounts in total\n", len(listed))

	for _, acct := range shares {
		if _, err := owner.DeleteImagePermissions(ctx, &appstream.DeleteImagePermissionsInput{Name: name, SharedAccountId: aws.String(acct)}); err != nil {
			return fmt.Errorf("unshare with %s: %w", acct, err)
		}
		fmt.Fprintf(out, "unshare  %s from %s\n", cfg.ImageName, acct)
	}
	if env.HasPeerClient {
		if err := peerSees(ctx, out, env, cfg.ImageName, false); err != nil {
			return err
		}
	}

	if env.Emulator == nil {
		fmt.Fprintf(out, "keep     %s: this example does not delete images it did not create\n", cfg.ImageName)
		return nil
	}
	del, err := owner.DeleteImage(ctx, &appstream.DeleteImageInput{Name: name})
	if err != nil {
		return fmt.Errorf("delete image: %w", err)
	}
	fmt.Fprintf(out, "delete   image %s: %s\n", cfg.ImageName, del.Image.State)
	return nil
}

func ownerSees(ctx context.Context, out io.Writer, owner *appstream.Client, name string) error {
	imgs, err := owner.DescribeImages(ctx, &appstream.DescribeImagesInput{Names: []string{name}})
	if err != nil {
		return fmt.Errorf("describe image: %w", err)
	}
	for _, im := range imgs.Images {
		fmt.Fprintf(out, "image    %s as its owner sees it: visibility %s, shared with others %s\n", aws.ToString(im.Name), im.Visibility, im.ImageSharedWithOthers)
	}
	return nil
}

// peerSees lists the images shared with the peer and checks that name is
// among them exactly when it should be.
func peerSees(ctx context.Context, out io.Writer, env *exampleenv.Env, name string, want bool) error {
	var found *types.Image
	shared := appstream.NewDescribeImagesPaginator(env.Peer.AppStream(), &appstream.DescribeImagesInput{Type: types.VisibilityTypeShared})
	for img, err := range shared.Items(ctx) {
		if err != nil {
			return fmt.Errorf("peer describe images: %w", err)
		}
		if aws.ToString(img.Name) == name {
			found = &img
		}
	}
	switch {
	case found != nil && want:
		fmt.Fprintf(out, "peer     %s sees %s: visibility %s, fleets %t, image builders %t, arn %s\n", env.Peer.AccountID, name, found.Visibility,
			aws.ToBool(found.ImagePermissions.AllowFleet), aws.ToBool(found.ImagePermissions.AllowImageBuilder), aws.ToString(found.Arn))
	case found == nil && !want:
		fmt.Fprintf(out, "peer     %s no longer sees %s among its shared images\n", env.Peer.AccountID, name)
	case want:
		return fmt.Errorf("%s does not see %s after it was shared", env.Peer, name)
	default:
		return fmt.Errorf("%s still sees %s after it was unshared", env.Peer, name)
	}
	return nil
}

func since(t time.Time) string { return time.Since(t).Round(time.Millisecond).String() }

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
