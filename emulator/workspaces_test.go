package emulator_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/emulator"
	"github.com/eucsdk/eucsdk/workspaces"
	"github.com/eucsdk/eucsdk/workspaces/types"
)

func listWS(t *testing.T, c *workspaces.Client, typ types.ImageType) []types.WorkspaceImage {
	t.Helper()
	out, err := c.DescribeWorkspaceImages(ctx, &workspaces.DescribeWorkspaceImagesInput{ImageType: typ})
	if err != nil {
		t.Fatal(err)
	}
	return out.Images
}

func TestWorkSpacesSharingAcrossAccounts(t *testing.T) {
	emu, _ := newManual(t)
	owner, peer := wsClient(emu, emulator.DefaultAccount), wsClient(emu, emulator.PeerAccount)
	img, err := emu.SeedWorkspaceImage(emulator.DefaultAccount.ID, types.WorkspaceImage{Name: aws.String("golden")})
	if err != nil {
		t.Fatal(err)
	}
	id := img.ImageId
	if got := listWS(t, peer, types.ImageTypeShared); len(got) != 0 {
		t.Fatalf("peer sees %+v before sharing", got)
	}
	if _, err := owner.UpdateWorkspaceImagePermission(ctx, &workspaces.UpdateWorkspaceImagePermissionInput{ImageId: id, SharedAccountId: aws.String(emulator.PeerAccount.ID), AllowCopyImage: aws.Bool(true)}); err != nil {
		t.Fatal(err)
	}
	shared := listWS(t, peer, types.ImageTypeShared)
	if len(shared) != 1 || aws.ToString(shared[0].ImageId) != *id || aws.ToString(shared[0].OwnerAccountId) != emulator.DefaultAccount.ID {
		t.Fatalf("peer SHARED %+v", shared)
	}
	if got := listWS(t, peer, types.ImageTypeOwned); len(got) != 0 {
		t.Fatalf("peer OWNED %+v includes a shared image", got)
	}
	if got := listWS(t, peer, ""); len(got) != 1 {
		t.Fatalf("peer without ImageType sees %d images, want the shared one", len(got))
	}
	if got := listWS(t, owner, types.ImageTypeShared); len(got) != 0 {
		t.Fatalf("owner SHARED %+v", got)
	}
	if got := listWS(t, owner, types.ImageTypeOwned); len(got) != 1 {
		t.Fatalf("owner OWNED %+v", got)
	}
	perms, err := owner.DescribeWorkspaceImagePermissions(ctx, &workspaces.DescribeWorkspaceImagePermissionsInput{ImageId: id})
	if err != nil || len(perms.ImagePermissions) != 1 || aws.ToString(perms.ImagePermissions[0].SharedAccountId) != emulator.PeerAccount.ID {
		t.Fatalf("permissions %+v, %v", perms, err)
	}
	_, err = peer.DescribeWorkspaceImagePermissions(ctx, &workspaces.DescribeWorkspaceImagePermissionsInput{ImageId: id})
	wantCode(t, err, "ResourceNotFoundException", 400)
	_, err = peer.UpdateWorkspaceImagePermission(ctx, &workspaces.UpdateWorkspaceImagePermissionInput{ImageId: id, SharedAccountId: aws.String("333333333333"), AllowCopyImage: aws.Bool(true)})
	wantCode(t, err, "ResourceNotFoundException", 400)
	_, err = peer.DeleteWorkspaceImage(ctx, &workspaces.DeleteWorkspaceImageInput{ImageId: id})
	wantCode(t, err, "AccessDeniedException", 400)
	_, err = owner.UpdateWorkspaceImagePermission(ctx, &workspaces.UpdateWorkspaceImagePermissionInput{ImageId: id, SharedAccountId: aws.String(emulator.DefaultAccount.ID), AllowCopyImage: aws.Bool(true)})
	wantCode(t, err, "InvalidParameterValuesException", 400)

	_, err = owner.DeleteWorkspaceImage(ctx, &workspaces.DeleteWorkspaceImageInput{ImageId: id})
	wantCode(t, err, "ResourceAssociatedException", 400)

	if _, err := owner.UpdateWorkspaceImagePermission(ctx, &workspaces.UpdateWorkspaceImagePermissionInput{ImageId: id, SharedAccountId: aws.String(emulator.PeerAccount.ID), AllowCopyImage: aws.Bool(false)}); err != nil {
		t.Fatal(err)
	}
	if got := listWS(t, peer, types.ImageTypeShared); len(got) != 0 {
		t.Fatalf("peer still sees %+v after unsharing", got)
	}
	if _, err := owner.DeleteWorkspaceImage(ctx, &workspaces.DeleteWorkspaceImageInput{ImageId: id}); err != nil {
		t.Fatal(err)
	}
	if got := listWS(t, owner, ""); len(got) != 0 {
		t.Fatalf("owner still has %+v", got)
	}
	// Deleting what is already gone succeeds: the model has no not-found error for it.
	if _, err := owner.DeleteWorkspaceImage(ctx, &workspaces.DeleteWorkspaceImageInput{ImageId: id}); err != nil {
		t.Fatalf("second delete: %v", err)
	}
}

func TestWorkSpacesCreateAndCopyStates(t *testing.T) {
	emu, clk := newManual(t)
	owner, peer := wsClient(emu, emulator.DefaultAccount), wsClient(emu, emulator.PeerAccount)
	in := &workspaces.CreateWorkspaceImageInput{Name: aws.String("captured"), Description: aws.String("from ws"), WorkspaceId: aws.String("ws-abcdef123")}
	_, err := owner.CreateWorkspaceImage(ctx, in)
	wantCode(t, err, "ResourceNotFoundException", 400)
	if err := emu.SeedWorkspace(emulator.DefaultAccount.ID, "ws-abcdef123"); err != nil {
		t.Fatal(err)
	}
	_, err = peer.CreateWorkspaceImage(ctx, in)
	wantCode(t, err, "ResourceNotFoundException", 400) // another account's WorkSpace

	created, err := owner.CreateWorkspaceImage(ctx, in)
	if err != nil || created.State != types.WorkspaceImageStatePending || aws.ToString(created.OwnerAccountId) != emulator.DefaultAccount.ID {
		t.Fatalf("create: %+v, %v", created, err)
	}
	_, err = owner.CreateWorkspaceImage(ctx, in)
	wantCode(t, err, "ResourceAlreadyExistsException", 400)
	_, err = owner.DeleteWorkspaceImage(ctx, &workspaces.DeleteWorkspaceImageInput{ImageId: created.ImageId})
	wantCode(t, err, "InvalidResourceStateException", 400)
	cp := &workspaces.CopyWorkspaceImageInput{Name: aws.String("copy"), SourceImageId: created.ImageId, SourceRegion: aws.String("us-east-1")}
	_, err = owner.CopyWorkspaceImage(ctx, cp)
	wantCode(t, err, "ResourceUnavailableException", 400)
	_, err = owner.UpdateWorkspaceImagePermission(ctx, &workspaces.UpdateWorkspaceImagePermissionInput{ImageId: created.ImageId, SharedAccountId: aws.String(emulator.PeerAccount.ID), AllowCopyImage: aws.Bool(true)})
	wantCode(t, err, "ResourceUnavailableException", 400)

	clk.Advance(delay)
	if got := listWS(t, owner, types.ImageTypeOwned); len(got) != 1 || got[0].State != types.WorkspaceImageStateAvailable {
		t.Fatalf("after the delay: %+v", got)
	}
	_, err = peer.CopyWorkspaceImage(ctx, cp)
	wantCode(t, err, "ResourceNotFoundException", 400) // not shared with the peer yet
	if _, err := owner.UpdateWorkspaceImagePermission(ctx, &workspaces.UpdateWorkspaceImagePermissionInput{ImageId: created.ImageId, SharedAccountId: aws.String(emulator.PeerAccount.ID), AllowCopyImage: aws.Bool(true)}); err != nil {
		t.Fatal(err)
	}
	_, err = peer.CopyWorkspaceImage(ctx, &workspaces.CopyWorkspaceImageInput{Name: aws.String("copy"), SourceImageId: created.ImageId, SourceRegion: aws.String("eu-west-1")})
	wantCode(t, err, "ResourceNotFoundException", 400)
	copied, err := peer.CopyWorkspaceImage(ctx, cp)
	if err != nil {
		t.Fatal(err)
	}
	mine := listWS(t, peer, types.ImageTypeOwned)
	if len(mine) != 1 || aws.ToString(mine[0].ImageId) != aws.ToString(copied.ImageId) || aws.ToString(mine[0].OwnerAccountId) != emulator.PeerAccount.ID || mine[0].State != types.WorkspaceImageStatePending {
		t.Fatalf("peer's copy %+v", mine)
	}
}

func TestWorkSpacesValidation(t *testing.T) {
	emu := emulator.NewServer(t)
	r := rawCall(t, emu, emulator.DefaultAccount, "workspaces", "WorkspacesService.UpdateWorkspaceImagePermission", `{"ImageId":"wsi-000000000"}`, nil)
	wantRawError(t, r, 400, "ValidationException")
	if msg, _ := r.body["message"].(string); !strings.HasPrefix(msg, "2 validation errors detected") || !strings.Contains(msg, "'allowCopyImage'") || !strings.Contains(msg, "'sharedAccountId'") {
		t.Errorf("message %q", msg)
	}
	c := wsClient(emu, emulator.DefaultAccount)
	_, err := c.DescribeWorkspaceImagePermissions(ctx, &workspaces.DescribeWorkspaceImagePermissionsInput{ImageId: aws.String("ami-123")})
	wantCode(t, err, "ValidationException", 400)
	_, err = c.DescribeWorkspaceImages(ctx, &workspaces.DescribeWorkspaceImagesInput{MaxResults: aws.Int32(26)})
	wantCode(t, err, "ValidationException", 400)
}

func TestWorkSpacesPagination(t *testing.T) {
	emu := emulator.NewServer(t)
	c, peer := wsClient(emu, emulator.DefaultAccount), wsClient(emu, emulator.PeerAccount)
	want := map[string]bool{}
	for i := range 5 {
		img, err := emu.SeedWorkspaceImage(emulator.DefaultAccount.ID, types.WorkspaceImage{Name: aws.String(fmt.Sprintf("img-%d", i))})
		if err != nil {
			t.Fatal(err)
		}
		want[*img.ImageId] = true
	}
	in := &workspaces.DescribeWorkspaceImagesInput{ImageType: types.ImageTypeOwned, MaxResults: aws.Int32(2)}
	seen := map[string]bool{}
	var sizes []int
	var token *string
	for {
		out, err := c.DescribeWorkspaceImages(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, len(out.Images))
		for _, im := range out.Images {
			if seen[*im.ImageId] {
				t.Fatalf("%s on two pages", *im.ImageId)
			}
			seen[*im.ImageId] = true
		}
		if out.NextToken == nil {
			break
		}
		token = out.NextToken
		in.NextToken = out.NextToken
	}
	if fmt.Sprint(sizes) != "[2 2 1]" || len(seen) != len(want) {
		t.Fatalf("pages %v, saw %d of %d", sizes, len(seen), len(want))
	}
	_, err := peer.DescribeWorkspaceImages(ctx, &workspaces.DescribeWorkspaceImagesInput{ImageType: types.ImageTypeOwned, MaxResults: aws.Int32(2), NextToken: token})
	wantCode(t, err, "InvalidParameterValuesException", 400)
	_, err = c.DescribeWorkspaceImages(ctx, &workspaces.DescribeWorkspaceImagesInput{ImageType: types.ImageTypeOwned, NextToken: aws.String("not-a-token")})
	wantCode(t, err, "InvalidParameterValuesException", 400)
}
