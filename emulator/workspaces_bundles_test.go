package emulator_test

import (
	"testing"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/emulator"
	"github.com/eucsdk/eucsdk/workspaces"
	"github.com/eucsdk/eucsdk/workspaces/types"
)

func TestWorkSpacesPublicBundles(t *testing.T) {
	emu, _ := newManual(t)
	c := wsClient(emu, emulator.DefaultAccount)
	out, err := c.DescribeWorkspaceBundles(ctx, &workspaces.DescribeWorkspaceBundlesInput{Owner: aws.String("AMAZON")})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Bundles) < 4 {
		t.Fatalf("%d public bundles", len(out.Bundles))
	}
	for _, b := range out.Bundles {
		if aws.ToString(b.Owner) != "AMAZON" || b.State != types.WorkspaceBundleStateAvailable || b.ComputeType == nil || aws.ToString(b.ImageId) == "" {
			t.Errorf("public bundle %+v", b)
		}
	}
	own, err := c.DescribeWorkspaceBundles(ctx, &workspaces.DescribeWorkspaceBundlesInput{})
	if err != nil || len(own.Bundles) != 0 {
		t.Fatalf("own bundles before creating any: %+v, %v", own, err)
	}
	byID, err := c.DescribeWorkspaceBundles(ctx, &workspaces.DescribeWorkspaceBundlesInput{BundleIds: []string{emulator.PublicBundleValueLinux}})
	if err != nil || len(byID.Bundles) != 1 || byID.Bundles[0].ComputeType.Name != types.ComputeValue {
		t.Fatalf("by id: %+v, %v", byID, err)
	}
	_, err = c.DescribeWorkspaceBundles(ctx, &workspaces.DescribeWorkspaceBundlesInput{BundleIds: []string{emulator.PublicBundleValueLinux}, Owner: aws.String("AMAZON")})
	wantCode(t, err, "InvalidParameterValuesException", 400)
	_, err = c.DeleteWorkspaceBundle(ctx, &workspaces.DeleteWorkspaceBundleInput{BundleId: aws.String(emulator.PublicBundleValueLinux)})
	wantCode(t, err, "AccessDeniedException", 400)
}

// TestWorkSpacesImageToBundle: a WorkSpace is captured into an image, the
// image backs a custom bundle, and neither the bundle nor the image can be
// deleted while something uses it.
func TestWorkSpacesImageToBundle(t *testing.T) {
	emu, clk := newManual(t)
	c, peer := wsClient(emu, emulator.DefaultAccount), wsClient(emu, emulator.PeerAccount)
	registerDirectory(t, c, clk, testDir)
	src := createWorkspace(t, c, clk, testDir, "golden")

	if _, err := c.RebootWorkspaces(ctx, &workspaces.RebootWorkspacesInput{RebootWorkspaceRequests: []types.RebootRequest{{WorkspaceId: &src}}}); err != nil {
		t.Fatal(err)
	}
	_, err := c.CreateWorkspaceImage(ctx, &workspaces.CreateWorkspaceImageInput{Name: aws.String("golden-v1"), Description: aws.String("golden image"), WorkspaceId: &src})
	wantCode(t, err, "InvalidResourceStateException", 400)
	clk.Advance(delay)
	img, err := c.CreateWorkspaceImage(ctx, &workspaces.CreateWorkspaceImageInput{Name: aws.String("golden-v1"), Description: aws.String("golden image"), WorkspaceId: &src})
	if err != nil {
		t.Fatal(err)
	}
	if img.State != types.WorkspaceImageStatePending {
		t.Fatalf("new image is %s", img.State)
	}
	bundleIn := &workspaces.CreateWorkspaceBundleInput{BundleName: aws.String("golden-bundle"), BundleDescription: aws.String("golden bundle"),
		ImageId: img.ImageId, ComputeType: &types.ComputeType{Name: types.ComputePerformance}, UserStorage: &types.UserStorage{Capacity: aws.String("100")},
		Tags: []types.Tag{{Key: aws.String("stage"), Value: aws.String("test")}}}
	_, err = c.CreateWorkspaceBundle(ctx, bundleIn)
	wantCode(t, err, "ResourceUnavailableException", 400)
	clk.Advance(delay)
	created, err := c.CreateWorkspaceBundle(ctx, bundleIn)
	if err != nil {
		t.Fatal(err)
	}
	b := created.WorkspaceBundle
	if aws.ToString(b.Owner) != emulator.DefaultAccount.ID || aws.ToString(b.ImageId) != aws.ToString(img.ImageId) || b.State != types.WorkspaceBundleStateAvailable ||
		aws.ToString(b.RootStorage.Capacity) == "" || aws.ToString(b.UserStorage.Capacity) != "100" {
		t.Fatalf("bundle %+v", b)
	}
	_, err = c.CreateWorkspaceBundle(ctx, bundleIn)
	wantCode(t, err, "ResourceAlreadyExistsException", 400)
	own, err := c.DescribeWorkspaceBundles(ctx, &workspaces.DescribeWorkspaceBundlesInput{})
	if err != nil || len(own.Bundles) != 1 || aws.ToString(own.Bundles[0].BundleId) != aws.ToString(b.BundleId) {
		t.Fatalf("own bundles %+v, %v", own, err)
	}
	if out, err := peer.DescribeWorkspaceBundles(ctx, &workspaces.DescribeWorkspaceBundlesInput{BundleIds: []string{*b.BundleId}}); err != nil || len(out.Bundles) != 0 {
		t.Fatalf("peer sees %+v, %v", out, err)
	}
	tags, err := c.DescribeTags(ctx, &workspaces.DescribeTagsInput{ResourceId: b.BundleId})
	if err != nil || len(tags.TagList) != 1 || aws.ToString(tags.TagList[0].Key) != "stage" {
		t.Fatalf("bundle tags %+v, %v", tags, err)
	}

	// A WorkSpace on the custom bundle; its image inherits the bundle's.
	out, err := c.CreateWorkspaces(ctx, &workspaces.CreateWorkspacesInput{Workspaces: []types.WorkspaceRequest{
		{DirectoryId: aws.String(testDir), UserName: aws.String("user1"), BundleId: b.BundleId}}})
	if err != nil || len(out.PendingRequests) != 1 {
		t.Fatalf("create on custom bundle: %+v, %v", out, err)
	}
	user1 := aws.ToString(out.PendingRequests[0].WorkspaceId)
	if p := out.PendingRequests[0].WorkspaceProperties; p.ComputeTypeName != types.ComputePerformance || aws.ToInt32(p.UserVolumeSizeGib) != 100 {
		t.Fatalf("WorkSpace on the custom bundle: %+v", p)
	}

	// Update the bundle to a copy of the image.
	cp, err := c.CopyWorkspaceImage(ctx, &workspaces.CopyWorkspaceImageInput{Name: aws.String("golden-v2"), SourceImageId: img.ImageId, SourceRegion: aws.String(emu.Region())})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.UpdateWorkspaceBundle(ctx, &workspaces.UpdateWorkspaceBundleInput{BundleId: b.BundleId, ImageId: cp.ImageId})
	wantCode(t, err, "ResourceUnavailableException", 400)
	clk.Advance(delay)
	if _, err := c.UpdateWorkspaceBundle(ctx, &workspaces.UpdateWorkspaceBundleInput{BundleId: b.BundleId, ImageId: cp.ImageId}); err != nil {
		t.Fatal(err)
	}
	_, err = c.UpdateWorkspaceBundle(ctx, &workspaces.UpdateWorkspaceBundleInput{BundleId: aws.String(emulator.PublicBundleStandardWindows), ImageId: cp.ImageId})
	wantCode(t, err, "AccessDeniedException", 400)
	got, err := c.DescribeWorkspaceBundles(ctx, &workspaces.DescribeWorkspaceBundlesInput{BundleIds: []string{*b.BundleId}})
	if err != nil || aws.ToString(got.Bundles[0].ImageId) != aws.ToString(cp.ImageId) {
		t.Fatalf("updated bundle %+v, %v", got, err)
	}
	// The first image is free again; the copy backs the bundle.
	if _, err := c.DeleteWorkspaceImage(ctx, &workspaces.DeleteWorkspaceImageInput{ImageId: img.ImageId}); err != nil {
		t.Fatal(err)
	}
	_, err = c.DeleteWorkspaceImage(ctx, &workspaces.DeleteWorkspaceImageInput{ImageId: cp.ImageId})
	wantCode(t, err, "ResourceAssociatedException", 400)

	// The bundle cannot go while a WorkSpace runs on it.
	_, err = c.DeleteWorkspaceBundle(ctx, &workspaces.DeleteWorkspaceBundleInput{BundleId: b.BundleId})
	wantCode(t, err, "ResourceAssociatedException", 400)
	_, err = peer.DeleteWorkspaceBundle(ctx, &workspaces.DeleteWorkspaceBundleInput{BundleId: b.BundleId})
	wantCode(t, err, "ResourceNotFoundException", 400)
	if _, err := c.TerminateWorkspaces(ctx, &workspaces.TerminateWorkspacesInput{TerminateWorkspaceRequests: []types.TerminateRequest{{WorkspaceId: &user1}}}); err != nil {
		t.Fatal(err)
	}
	clk.Advance(2 * delay)
	if _, err := c.DeleteWorkspaceBundle(ctx, &workspaces.DeleteWorkspaceBundleInput{BundleId: b.BundleId}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DeleteWorkspaceImage(ctx, &workspaces.DeleteWorkspaceImageInput{ImageId: cp.ImageId}); err != nil {
		t.Fatal(err)
	}
	_, err = c.DescribeTags(ctx, &workspaces.DescribeTagsInput{ResourceId: b.BundleId})
	wantCode(t, err, "ResourceNotFoundException", 400)
}

// TestWorkSpacesSharedImageMakesBundle: an account can build a bundle on
// an image shared with it, and only once it is shared.
func TestWorkSpacesSharedImageMakesBundle(t *testing.T) {
	emu, _ := newManual(t)
	owner, peer := wsClient(emu, emulator.DefaultAccount), wsClient(emu, emulator.PeerAccount)
	img, err := emu.SeedWorkspaceImage(emulator.DefaultAccount.ID, types.WorkspaceImage{Name: aws.String("shared-golden")})
	if err != nil {
		t.Fatal(err)
	}
	in := &workspaces.CreateWorkspaceBundleInput{BundleName: aws.String("peer-bundle"), BundleDescription: aws.String("from a shared image"),
		ImageId: img.ImageId, ComputeType: &types.ComputeType{Name: types.ComputeStandard}, UserStorage: &types.UserStorage{Capacity: aws.String("50")}}
	_, err = peer.CreateWorkspaceBundle(ctx, in)
	wantCode(t, err, "ResourceNotFoundException", 400)
	if _, err := owner.UpdateWorkspaceImagePermission(ctx, &workspaces.UpdateWorkspaceImagePermissionInput{ImageId: img.ImageId, SharedAccountId: aws.String(emulator.PeerAccount.ID), AllowCopyImage: aws.Bool(true)}); err != nil {
		t.Fatal(err)
	}
	if _, err := peer.CreateWorkspaceBundle(ctx, in); err != nil {
		t.Fatal(err)
	}
}
