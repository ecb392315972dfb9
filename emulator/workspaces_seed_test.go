package emulator_test

import (
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/emulator"
	"github.com/eucsdk/eucsdk/workspaces"
	"github.com/eucsdk/eucsdk/workspaces/types"
)

func TestWorkSpacesSeeding(t *testing.T) {
	emu, _ := newManual(t)
	c := wsClient(emu, emulator.DefaultAccount)
	acct := emulator.DefaultAccount.ID
	dir, err := emu.SeedWorkspaceDirectory(acct, workspaces.RegisterWorkspaceDirectoryInput{DirectoryId: aws.String(testDir)})
	if err != nil || dir != testDir {
		t.Fatalf("seed directory: %q, %v", dir, err)
	}
	if d := describeDirectory(t, c, testDir); d.State != types.WorkspaceDirectoryStateRegistered {
		t.Fatalf("seeded directory is %s", d.State)
	}
	if _, err := emu.SeedWorkspaceDirectory(acct, workspaces.RegisterWorkspaceDirectoryInput{DirectoryId: aws.String(testDir)}); err == nil || !strings.Contains(err.Error(), testDir) {
		t.Fatalf("seeding a directory twice: %v", err)
	}
	img, err := emu.SeedWorkspaceImage(acct, types.WorkspaceImage{Name: aws.String("seeded-image")})
	if err != nil {
		t.Fatal(err)
	}
	b, err := emu.SeedWorkspaceBundle(acct, workspaces.CreateWorkspaceBundleInput{BundleName: aws.String("seeded-bundle"), BundleDescription: aws.String("seeded"),
		ImageId: img.ImageId, ComputeType: &types.ComputeType{Name: types.ComputeValue}, UserStorage: &types.UserStorage{Capacity: aws.String("10")}})
	if err != nil {
		t.Fatal(err)
	}
	ws, err := emu.SeedWorkspaces(acct,
		types.WorkspaceRequest{DirectoryId: aws.String(testDir), UserName: aws.String("seeded1"), BundleId: b.BundleId},
		types.WorkspaceRequest{DirectoryId: aws.String(testDir), UserName: aws.String("seeded2"), BundleId: aws.String(emulator.PublicBundleValueLinux)})
	if err != nil || len(ws) != 2 {
		t.Fatalf("seed WorkSpaces: %+v, %v", ws, err)
	}
	for _, w := range ws {
		if got := wsState(t, c, aws.ToString(w.WorkspaceId)); got != types.WorkspaceStateAvailable {
			t.Errorf("seeded WorkSpace %s is %s", aws.ToString(w.WorkspaceId), got)
		}
	}
	_, err = emu.SeedWorkspaces(acct,
		types.WorkspaceRequest{DirectoryId: aws.String(testDir), UserName: aws.String("seeded3"), BundleId: b.BundleId},
		types.WorkspaceRequest{DirectoryId: aws.String(testDir), UserName: aws.String("seeded1"), BundleId: b.BundleId})
	if err == nil || !strings.Contains(err.Error(), "seeded1") || !strings.Contains(err.Error(), "ResourceAlreadyExistsException") {
		t.Fatalf("seeding a duplicate user: %v", err)
	}
	if out, err := c.DescribeWorkspaces(ctx, &workspaces.DescribeWorkspacesInput{DirectoryId: aws.String(testDir)}); err != nil || len(out.Workspaces) != 2 {
		t.Fatalf("a failed seed left WorkSpaces behind: %+v, %v", out, err)
	}
}
