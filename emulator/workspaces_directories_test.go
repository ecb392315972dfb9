package emulator_test

import (
	"testing"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/emulator"
	"github.com/eucsdk/eucsdk/workspaces"
	"github.com/eucsdk/eucsdk/workspaces/types"
)

// registerDirectory registers id as c's account and steps the clock past
// REGISTERING.
func registerDirectory(t *testing.T, c *workspaces.Client, clk *emulator.ManualClock, id string) {
	t.Helper()
	out, err := c.RegisterWorkspaceDirectory(ctx, &workspaces.RegisterWorkspaceDirectoryInput{DirectoryId: aws.String(id),
		Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("euc")}}})
	if err != nil {
		t.Fatal(err)
	}
	if out.State != types.WorkspaceDirectoryStateRegistering {
		t.Fatalf("registered directory is %s, want REGISTERING", out.State)
	}
	clk.Advance(delay)
	if d := describeDirectory(t, c, id); d.State != types.WorkspaceDirectoryStateRegistered {
		t.Fatalf("directory is %s after the delay, want REGISTERED", d.State)
	}
}

func describeDirectory(t *testing.T, c *workspaces.Client, id string) types.WorkspaceDirectory {
	t.Helper()
	out, err := c.DescribeWorkspaceDirectories(ctx, &workspaces.DescribeWorkspaceDirectoriesInput{DirectoryIds: []string{id}})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Directories) != 1 {
		t.Fatalf("DescribeWorkspaceDirectories(%s) = %+v, want one", id, out.Directories)
	}
	return out.Directories[0]
}

func TestWorkSpacesDirectoryLifecycle(t *testing.T) {
	emu, clk := newManual(t)
	c, peer := wsClient(emu, emulator.DefaultAccount), wsClient(emu, emulator.PeerAccount)
	const dir = "d-1234567890"

	_, err := c.RegisterWorkspaceDirectory(ctx, &workspaces.RegisterWorkspaceDirectoryInput{DirectoryId: aws.String("corp.example.com")})
	wantCode(t, err, "ValidationException", 400)
	registerDirectory(t, c, clk, dir)
	_, err = c.RegisterWorkspaceDirectory(ctx, &workspaces.RegisterWorkspaceDirectoryInput{DirectoryId: aws.String(dir)})
	wantCode(t, err, "ResourceAlreadyExistsException", 400)
	// The directory belongs to the first account's Directory Service.
	_, err = peer.RegisterWorkspaceDirectory(ctx, &workspaces.RegisterWorkspaceDirectoryInput{DirectoryId: aws.String(dir)})
	wantCode(t, err, "ResourceNotFoundException", 400)
	if out, err := peer.DescribeWorkspaceDirectories(ctx, &workspaces.DescribeWorkspaceDirectoriesInput{}); err != nil || len(out.Directories) != 0 {
		t.Fatalf("peer sees %+v, %v", out, err)
	}

	d := describeDirectory(t, c, dir)
	if d.SelfservicePermissions.RestartWorkspace != types.ReconnectEnumEnabled || d.SelfservicePermissions.RebuildWorkspace != types.ReconnectEnumDisabled ||
		d.WorkspaceType != types.WorkspaceTypePersonal || d.Tenancy != types.TenancyShared || len(d.SubnetIds) == 0 {
		t.Fatalf("defaults of a registered directory: %+v", d)
	}

	// Modify* settings are stored and returned.
	if _, err := c.ModifySelfservicePermissions(ctx, &workspaces.ModifySelfservicePermissionsInput{ResourceId: aws.String(dir),
		SelfservicePermissions: &types.SelfservicePermissions{RebuildWorkspace: types.ReconnectEnumEnabled, ChangeComputeType: types.ReconnectEnumEnabled}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ModifyWorkspaceCreationProperties(ctx, &workspaces.ModifyWorkspaceCreationPropertiesInput{ResourceId: aws.String(dir),
		WorkspaceCreationProperties: &types.WorkspaceCreationProperties{EnableInternetAccess: aws.Bool(true), DefaultOu: aws.String("OU=WorkSpaces,DC=corp,DC=example,DC=com")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ModifyWorkspaceAccessProperties(ctx, &workspaces.ModifyWorkspaceAccessPropertiesInput{ResourceId: aws.String(dir),
		WorkspaceAccessProperties: &types.WorkspaceAccessProperties{DeviceTypeWeb: types.AccessPropertyValueAllow, DeviceTypeOsx: types.AccessPropertyValueDeny}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ModifySamlProperties(ctx, &workspaces.ModifySamlPropertiesInput{ResourceId: aws.String(dir),
		SamlProperties: &types.SamlProperties{Status: types.SamlStatusEnumEnabled, UserAccessUrl: aws.String("https://idp.example.com/sso")}}); err != nil {
		t.Fatal(err)
	}
	d = describeDirectory(t, c, dir)
	sp, cp, ap := d.SelfservicePermissions, d.WorkspaceCreationProperties, d.WorkspaceAccessProperties
	if sp.RebuildWorkspace != types.ReconnectEnumEnabled || sp.ChangeComputeType != types.ReconnectEnumEnabled || sp.RestartWorkspace != types.ReconnectEnumEnabled || sp.SwitchRunningMode != types.ReconnectEnumDisabled {
		t.Errorf("self-service permissions %+v", sp)
	}
	if !aws.ToBool(cp.EnableInternetAccess) || aws.ToString(cp.DefaultOu) == "" || !aws.ToBool(cp.UserEnabledAsLocalAdministrator) {
		t.Errorf("creation properties %+v", cp)
	}
	if ap.DeviceTypeWeb != types.AccessPropertyValueAllow || ap.DeviceTypeOsx != types.AccessPropertyValueDeny || ap.DeviceTypeWindows != types.AccessPropertyValueAllow {
		t.Errorf("access properties %+v", ap)
	}
	if d.SamlProperties.Status != types.SamlStatusEnumEnabled || aws.ToString(d.SamlProperties.UserAccessUrl) == "" {
		t.Errorf("SAML properties %+v", d.SamlProperties)
	}
	_, err = peer.ModifySelfservicePermissions(ctx, &workspaces.ModifySelfservicePermissionsInput{ResourceId: aws.String(dir),
		SelfservicePermissions: &types.SelfservicePermissions{RebuildWorkspace: types.ReconnectEnumDisabled}})
	wantCode(t, err, "ResourceNotFoundException", 400)

	// Deregistering is refused while a WorkSpace uses the directory.
	created, err := c.CreateWorkspaces(ctx, &workspaces.CreateWorkspacesInput{Workspaces: []types.WorkspaceRequest{
		{DirectoryId: aws.String(dir), UserName: aws.String("alice"), BundleId: aws.String(emulator.PublicBundleStandardWindows)}}})
	if err != nil || len(created.PendingRequests) != 1 {
		t.Fatalf("create workspace: %+v, %v", created, err)
	}
	id := created.PendingRequests[0].WorkspaceId
	_, err = c.DeregisterWorkspaceDirectory(ctx, &workspaces.DeregisterWorkspaceDirectoryInput{DirectoryId: aws.String(dir)})
	wantCode(t, err, "InvalidResourceStateException", 400)
	if _, err := c.TerminateWorkspaces(ctx, &workspaces.TerminateWorkspacesInput{TerminateWorkspaceRequests: []types.TerminateRequest{{WorkspaceId: id}}}); err != nil {
		t.Fatal(err)
	}
	clk.Advance(delay) // TERMINATED
	_, err = c.DeregisterWorkspaceDirectory(ctx, &workspaces.DeregisterWorkspaceDirectoryInput{DirectoryId: aws.String(dir)})
	wantCode(t, err, "InvalidResourceStateException", 400)
	clk.Advance(delay) // gone
	if _, err := c.DeregisterWorkspaceDirectory(ctx, &workspaces.DeregisterWorkspaceDirectoryInput{DirectoryId: aws.String(dir)}); err != nil {
		t.Fatal(err)
	}
	if d := describeDirectory(t, c, dir); d.State != types.WorkspaceDirectoryStateDeregistering {
		t.Fatalf("directory is %s, want DEREGISTERING", d.State)
	}
	_, err = c.DeregisterWorkspaceDirectory(ctx, &workspaces.DeregisterWorkspaceDirectoryInput{DirectoryId: aws.String(dir)})
	wantCode(t, err, "InvalidResourceStateException", 400)
	clk.Advance(delay)
	if out, err := c.DescribeWorkspaceDirectories(ctx, &workspaces.DescribeWorkspaceDirectoriesInput{}); err != nil || len(out.Directories) != 0 {
		t.Fatalf("after deregistering: %+v, %v", out, err)
	}
	_, err = c.DescribeTags(ctx, &workspaces.DescribeTagsInput{ResourceId: aws.String(dir)})
	wantCode(t, err, "ResourceNotFoundException", 400)
	// Once gone it can be registered again, by any account.
	registerDirectory(t, peer, clk, dir)
}

func TestWorkSpacesDirectoriesPaginate(t *testing.T) {
	emu, clk := newManual(t)
	c := wsClient(emu, emulator.DefaultAccount)
	for _, id := range []string{"d-0000000001", "d-0000000002", "d-0000000003"} {
		registerDirectory(t, c, clk, id)
	}
	var got []string
	p := workspaces.NewDescribeWorkspaceDirectoriesPaginator(c, &workspaces.DescribeWorkspaceDirectoriesInput{Limit: aws.Int32(2)})
	pages := 0
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, d := range out.Directories {
			got = append(got, aws.ToString(d.DirectoryId))
		}
	}
	if pages != 2 || len(got) != 3 || got[0] != "d-0000000001" || got[2] != "d-0000000003" {
		t.Fatalf("%d pages: %v", pages, got)
	}
	out, err := c.DescribeWorkspaceDirectories(ctx, &workspaces.DescribeWorkspaceDirectoriesInput{
		Filters: []types.DescribeWorkspaceDirectoriesFilter{{Name: types.DescribeWorkspaceDirectoriesFilterNameWorkspaceType, Values: []string{"POOLS"}}}})
	if err != nil || len(out.Directories) != 0 {
		t.Fatalf("POOLS filter: %+v, %v", out, err)
	}
}
