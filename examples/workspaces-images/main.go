// Command workspaces-images shares a WorkSpaces image between two accounts
// and lists images page by page from both sides: the owner sees it as
// OWNED, the other account as SHARED with the owner's account id, and can
// copy it into an image of its own.
//
// It runs against an in-process emulator unless -aws is given or
// AWS_PROFILE is set. On AWS it only lists images, and shares and unshares
// the image named by -image-id with -peer-account; it creates, copies and
// deletes nothing there.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/aws/smithy-go"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/examples/internal/exampleenv"
	"github.com/eucsdk/eucsdk/workspaces"
	"github.com/eucsdk/eucsdk/workspaces/types"
)

type config struct {
	exampleenv.Config
	// ImageID is the image to share on AWS; on the emulator the example
	// captures one from a seeded WorkSpace.
	ImageID string
	// PageSize is MaxResults for DescribeWorkspaceImages.
	PageSize int32
}

// Seeded on the emulator so there is a WorkSpace to capture and enough
// images for more than one page.
const (
	seedWorkspaceID = "ws-0example01"
	imageName       = "eucsdk-example-ws-image"
	copyName        = "eucsdk-example-ws-copy"
)

func main() {
	fs := flag.NewFlagSet("workspaces-images", flag.ExitOnError)
	base := exampleenv.Flags(fs)
	cfg := config{PageSize: 2}
	fs.StringVar(&cfg.ImageID, "image-id", "", "on AWS: wsi- id of an image you own to share with -peer-account")
	_ = fs.Parse(os.Args[1:])
	base.Finish()
	cfg.Config = *base

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdout, cfg); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, out io.Writer, cfg config) error {
	env, err := exampleenv.Setup(ctx, out, cfg.Config)
	if err != nil {
		return err
	}
	defer env.Close()
	owner, peer := env.Owner.WorkSpaces(), env.Peer.WorkSpaces()

	fmt.Fprintf(out, "\n== WorkSpaces image sharing (%s -> %s)\n", env.Owner, env.Peer)
	imageID := cfg.ImageID
	if env.Emulator != nil {
		if err := env.Emulator.SeedWorkspace(env.Owner.AccountID, seedWorkspaceID); err != nil {
			return err
		}
		for _, n := range []string{"eucsdk-golden-2024", "eucsdk-golden-2025"} {
			if _, err := env.Emulator.SeedWorkspaceImage(env.Owner.AccountID, types.WorkspaceImage{Name: aws.String(n), Description: aws.String("older golden image")}); err != nil {
				return err
			}
		}
		fmt.Fprintf(out, "seed     WorkSpace %s and 2 older images in %s (emulator only)\n", seedWorkspaceID, env.Owner)
		created, err := owner.CreateWorkspaceImage(ctx, &workspaces.CreateWorkspaceImageInput{
			Name: aws.String(imageName), Description: aws.String("captured by eucsdk example"), WorkspaceId: aws.String(seedWorkspaceID),
		})
		if err != nil {
			return fmt.Errorf("create image: %w", err)
		}
		imageID = aws.ToString(created.ImageId)
		fmt.Fprintf(out, "create   image %s (%s) from %s: %s\n", imageID, imageName, seedWorkspaceID, created.State)
		if err := waitAvailable(ctx, out, owner, cfg, imageID); err != nil {
			return err
		}
	}
	if imageID == "" || env.Peer.AccountID == "" {
		fmt.Fprintln(out, "list     images of the owner (nothing to share: pass -image-id and -peer-account on AWS)")
		return listImages(ctx, out, "owner", owner, types.ImageTypeOwned, cfg.PageSize)
	}

	if _, err := owner.UpdateWorkspaceImagePermission(ctx, &workspaces.UpdateWorkspaceImagePermissionInput{
		ImageId: aws.String(imageID), SharedAccountId: aws.String(env.Peer.AccountID), AllowCopyImage: aws.Bool(true),
	}); err != nil {
		return fmt.Errorf("share: %w", err)
	}
	fmt.Fprintf(out, "share    %s with %s (AllowCopyImage)\n", imageID, env.Peer.AccountID)
	perms, err := owner.DescribeWorkspaceImagePermissions(ctx, &workspaces.DescribeWorkspaceImagePermissionsInput{ImageId: aws.String(imageID)})
	if err != nil {
		return fmt.Errorf("describe permissions: %w", err)
	}
	var ids []string
	for _, p := range perms.ImagePermissions {
		ids = append(ids, aws.ToString(p.SharedAccountId))
	}
	fmt.Fprintf(out, "perms    %s is shared with [%s]\n", imageID, strings.Join(ids, " "))

	if err := listImages(ctx, out, "owner", owner, types.ImageTypeOwned, cfg.PageSize); err != nil {
		return err
	}
	if !env.HasPeerClient {
		fmt.Fprintln(out, "skip     looking from the peer's side needs -peer-profile")
	} else {
		if err := listImages(ctx, out, "peer", peer, types.ImageTypeShared, cfg.PageSize); err != nil {
			return err
		}
	}

	var copyID string
	if env.Emulator != nil {
		cp, err := peer.CopyWorkspaceImage(ctx, &workspaces.CopyWorkspaceImageInput{
			Name: aws.String(copyName), SourceImageId: aws.String(imageID), SourceRegion: aws.String(env.Emulator.Region()),
		})
		if err != nil {
			return fmt.Errorf("peer copy: %w", err)
		}
		copyID = aws.ToString(cp.ImageId)
		fmt.Fprintf(out, "copy     %s copies %s to its own image %s\n", env.Peer.AccountID, imageID, copyID)
		if err := waitAvailable(ctx, out, peer, cfg, copyID); err != nil {
			return err
		}
		_, err = owner.DeleteWorkspaceImage(ctx, &workspaces.DeleteWorkspaceImageInput{ImageId: aws.String(imageID)})
		if code := errorCode(err); code != "ResourceAssociatedException" {
			return fmt.Errorf("deleting a shared image: got %v, want ResourceAssociatedException", err)
		}
		fmt.Fprintf(out, "refused  deleting %s while shared: %s\n", imageID, errorCode(err))
	}

	if _, err := owner.UpdateWorkspaceImagePermission(ctx, &workspaces.UpdateWorkspaceImagePermissionInput{
		ImageId: aws.String(imageID), SharedAccountId: aws.String(env.Peer.AccountID), AllowCopyImage: aws.Bool(false),
	}); err != nil {
		return fmt.Errorf("unshare: %w", err)
	}
	fmt.Fprintf(out, "unshare  %s from %s\n", imageID, env.Peer.AccountID)
	if env.HasPeerClient {
		if err := listImages(ctx, out, "peer", peer, types.ImageTypeShared, cfg.PageSize); err != nil {
			return err
		}
	}

	if env.Emulator == nil {
		fmt.Fprintf(out, "keep     %s: this example deletes nothing on AWS\n", imageID)
		fmt.Fprintln(out, "done     WorkSpaces image sharing complete")
		return nil
	}
	for _, d := range []struct {
		who string
		c   *workspaces.Client
		id  string
	}{{env.Owner.AccountID, owner, imageID}, {env.Peer.AccountID, peer, copyID}} {
		if _, err := d.c.DeleteWorkspaceImage(ctx, &workspaces.DeleteWorkspaceImageInput{ImageId: aws.String(d.id)}); err != nil {
			return fmt.Errorf("delete %s: %w", d.id, err)
		}
		fmt.Fprintf(out, "delete   %s deletes %s\n", d.who, d.id)
	}
	fmt.Fprintln(out, "done     WorkSpaces image sharing complete")
	return nil
}

// listImages prints every page of the images of one type an account sees.
func listImages(ctx context.Context, out io.Writer, who string, c *workspaces.Client, typ types.ImageType, pageSize int32) error {
	p := workspaces.NewDescribeWorkspaceImagesPaginator(c, &workspaces.DescribeWorkspaceImagesInput{ImageType: typ}, func(o *workspaces.DescribeWorkspaceImagesPaginatorOptions) {
		o.Limit = pageSize
	})
	total, n := 0, 0
	for page, err := range p.Pages(ctx) {
		if err != nil {
			return fmt.Errorf("%s lists %s images: %w", who, typ, err)
		}
		n++
		var items []string
		for _, im := range page.Images {
			items = append(items, fmt.Sprintf("%s %s %s owner=%s", aws.ToString(im.ImageId), aws.ToString(im.Name), im.State, aws.ToString(im.OwnerAccountId)))
		}
		total += len(page.Images)
		if len(items) == 0 {
			items = []string{"(none)"}
		}
		fmt.Fprintf(out, "list     %s %s page %d: %s\n", who, typ, n, strings.Join(items, "; "))
	}
	fmt.Fprintf(out, "list     %s sees %d %s image(s)\n", who, total, typ)
	return nil
}

// waitAvailable waits with the generated waiter, printing each state it
// polls; its delays are the poll interval rather than the model's backoff.
func waitAvailable(ctx context.Context, out io.Writer, c *workspaces.Client, cfg config, id string) error {
	start := time.Now()
	attempt := 0
	w := workspaces.NewWorkspaceImageAvailableWaiter(c, func(o *workspaces.WorkspaceImageAvailableWaiterOptions) {
		next := o.Retryable
		o.MinDelay, o.MaxDelay = cfg.PollInterval, cfg.PollInterval
		o.Retryable = func(ctx context.Context, in *workspaces.DescribeWorkspaceImagesInput, res *workspaces.DescribeWorkspaceImagesOutput, err error) (bool, error) {
			attempt++
			retry, rerr := next(ctx, in, res, err)
			if retry && res != nil && len(res.Images) == 1 {
				fmt.Fprintf(out, "  ...    waiting for AVAILABLE: %s is %s (attempt %d, %s)\n", id, res.Images[0].State, attempt, time.Since(start).Round(time.Millisecond))
			}
			return retry, rerr
		}
	})
	if err := w.Wait(ctx, &workspaces.DescribeWorkspaceImagesInput{ImageIds: []string{id}}, cfg.Timeout); err != nil {
		return fmt.Errorf("wait for %s: %w", id, err)
	}
	fmt.Fprintf(out, "ready    %s is AVAILABLE (attempt %d, %s)\n", id, attempt, time.Since(start).Round(time.Millisecond))
	return nil
}

func errorCode(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}
