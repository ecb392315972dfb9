package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/emulator"
	"github.com/eucsdk/eucsdk/workspaces"
)

// TestPipelineRunsAndCleansUp runs the whole pipeline against an emulator
// whose transitions take a few milliseconds, then checks that nothing it
// created is left behind in either account.
func TestPipelineRunsAndCleansUp(t *testing.T) {
	emu := emulator.NewServer(t, emulator.WithStateDelay(5*time.Millisecond))
	var out strings.Builder
	if err := run(context.Background(), &out, config{Emulator: emu, Poll: time.Millisecond, Timeout: 10 * time.Second}); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	for _, want := range []string{"directory " + directoryID + ": REGISTERED", "for " + goldenUser + " on " + emulator.PublicBundleStandardWindows + ": AVAILABLE",
		"image     " + imageName, "for " + bundleUser + " on wsb-", "peer sees 1 shared image", "cleanup   deregister directory", "done"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	ctx := context.Background()
	for _, acct := range []emulator.Account{emulator.DefaultAccount, emulator.PeerAccount} {
		c := workspaces.New(emu.ClientOptions(acct))
		ws, err := c.DescribeWorkspaces(ctx, &workspaces.DescribeWorkspacesInput{})
		if err != nil || len(ws.Workspaces) != 0 {
			t.Errorf("%s: WorkSpaces left: %v %+v", acct.ID, err, ws)
		}
		dirs, err := c.DescribeWorkspaceDirectories(ctx, &workspaces.DescribeWorkspaceDirectoriesInput{})
		if err != nil || len(dirs.Directories) != 0 {
			t.Errorf("%s: directories left: %v %+v", acct.ID, err, dirs)
		}
		bundles, err := c.DescribeWorkspaceBundles(ctx, &workspaces.DescribeWorkspaceBundlesInput{})
		if err != nil || len(bundles.Bundles) != 0 {
			t.Errorf("%s: bundles left: %v %+v", acct.ID, err, bundles)
		}
		images, err := c.DescribeWorkspaceImages(ctx, &workspaces.DescribeWorkspaceImagesInput{})
		if err != nil || len(images.Images) != 0 {
			t.Errorf("%s: images left: %v %+v", acct.ID, err, images)
		}
	}
}
