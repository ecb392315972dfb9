package emulator_test

import (
	"testing"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/emulator"
	"github.com/eucsdk/eucsdk/workspaces"
	"github.com/eucsdk/eucsdk/workspaces/types"
)

func describePool(t *testing.T, c *workspaces.Client, id string) (types.WorkspacesPool, bool) {
	t.Helper()
	out, err := c.DescribeWorkspacesPools(ctx, &workspaces.DescribeWorkspacesPoolsInput{PoolIds: []string{id}})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.WorkspacesPools) == 0 {
		return types.WorkspacesPool{}, false
	}
	return out.WorkspacesPools[0], true
}

func TestWorkSpacesPoolLifecycle(t *testing.T) {
	emu, clk := newManual(t)
	c, peer := wsClient(emu, emulator.DefaultAccount), wsClient(emu, emulator.PeerAccount)
	registerDirectory(t, c, clk, testDir) // PERSONAL
	reg, err := c.RegisterWorkspaceDirectory(ctx, &workspaces.RegisterWorkspaceDirectoryInput{WorkspaceType: types.WorkspaceTypePools,
		WorkspaceDirectoryName: aws.String("pools-dir"), UserIdentityType: types.UserIdentityTypeCustomerManaged})
	if err != nil {
		t.Fatal(err)
	}
	poolDir := aws.ToString(reg.DirectoryId)
	clk.Advance(delay)

	in := &workspaces.CreateWorkspacesPoolInput{PoolName: aws.String("analysts"), Description: aws.String("analyst pool"),
		BundleId: aws.String(emulator.PublicBundleStandardWindows), DirectoryId: aws.String(testDir), Capacity: &types.Capacity{DesiredUserSessions: aws.Int32(5)}}
	_, err = c.CreateWorkspacesPool(ctx, in)
	wantCode(t, err, "OperationNotSupportedException", 400)
	in.DirectoryId = aws.String(poolDir)
	created, err := c.CreateWorkspacesPool(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	id := aws.ToString(created.WorkspacesPool.PoolId)
	if created.WorkspacesPool.State != types.WorkspacesPoolStateCreating {
		t.Fatalf("new pool is %s", created.WorkspacesPool.State)
	}
	_, err = c.CreateWorkspacesPool(ctx, in)
	wantCode(t, err, "ResourceAlreadyExistsException", 400)
	_, err = c.StartWorkspacesPool(ctx, &workspaces.StartWorkspacesPoolInput{PoolId: &id})
	wantCode(t, err, "OperationInProgressException", 400)
	clk.Advance(delay)
	if p, _ := describePool(t, c, id); p.State != types.WorkspacesPoolStateStopped {
		t.Fatalf("pool is %s after creating, want STOPPED", p.State)
	}

	_, err = c.StopWorkspacesPool(ctx, &workspaces.StopWorkspacesPoolInput{PoolId: &id})
	wantCode(t, err, "InvalidResourceStateException", 400)
	if _, err := c.StartWorkspacesPool(ctx, &workspaces.StartWorkspacesPoolInput{PoolId: &id}); err != nil {
		t.Fatal(err)
	}
	if p, _ := describePool(t, c, id); p.State != types.WorkspacesPoolStateStarting {
		t.Fatalf("pool is %s, want STARTING", p.State)
	}
	clk.Advance(delay)
	p, _ := describePool(t, c, id)
	if p.State != types.WorkspacesPoolStateRunning || aws.ToInt32(p.CapacityStatus.AvailableUserSessions) != 5 {
		t.Fatalf("running pool %s %+v", p.State, p.CapacityStatus)
	}

	upd, err := c.UpdateWorkspacesPool(ctx, &workspaces.UpdateWorkspacesPoolInput{PoolId: &id, Capacity: &types.Capacity{DesiredUserSessions: aws.Int32(8)}})
	if err != nil || upd.WorkspacesPool.State != types.WorkspacesPoolStateUpdating {
		t.Fatalf("update: %+v, %v", upd, err)
	}
	clk.Advance(delay)
	p, _ = describePool(t, c, id)
	if p.State != types.WorkspacesPoolStateRunning || aws.ToInt32(p.CapacityStatus.DesiredUserSessions) != 8 || aws.ToInt32(p.CapacityStatus.AvailableUserSessions) != 8 {
		t.Fatalf("after update %s %+v", p.State, p.CapacityStatus)
	}

	_, err = c.TerminateWorkspacesPool(ctx, &workspaces.TerminateWorkspacesPoolInput{PoolId: &id})
	wantCode(t, err, "InvalidResourceStateException", 400)
	_, err = c.DeregisterWorkspaceDirectory(ctx, &workspaces.DeregisterWorkspaceDirectoryInput{DirectoryId: aws.String(poolDir)})
	wantCode(t, err, "InvalidResourceStateException", 400)
	_, err = peer.StopWorkspacesPool(ctx, &workspaces.StopWorkspacesPoolInput{PoolId: &id})
	wantCode(t, err, "ResourceNotFoundException", 400)
	if _, err := c.StopWorkspacesPool(ctx, &workspaces.StopWorkspacesPoolInput{PoolId: &id}); err != nil {
		t.Fatal(err)
	}
	clk.Advance(delay)
	if p, _ := describePool(t, c, id); p.State != types.WorkspacesPoolStateStopped || aws.ToInt32(p.CapacityStatus.AvailableUserSessions) != 0 {
		t.Fatalf("stopped pool %s %+v", p.State, p.CapacityStatus)
	}
	named, err := c.DescribeWorkspacesPools(ctx, &workspaces.DescribeWorkspacesPoolsInput{Filters: []types.DescribeWorkspacesPoolsFilter{
		{Name: types.DescribeWorkspacesPoolsFilterNamePoolname, Values: []string{"analy"}, Operator: types.DescribeWorkspacesPoolsFilterOperatorContains}}})
	if err != nil || len(named.WorkspacesPools) != 1 {
		t.Fatalf("PoolName CONTAINS: %+v, %v", named, err)
	}
	if _, err := c.TerminateWorkspacesPool(ctx, &workspaces.TerminateWorkspacesPoolInput{PoolId: &id}); err != nil {
		t.Fatal(err)
	}
	if p, _ := describePool(t, c, id); p.State != types.WorkspacesPoolStateDeleting {
		t.Fatalf("pool is %s, want DELETING", p.State)
	}
	clk.Advance(delay)
	if _, ok := describePool(t, c, id); ok {
		t.Fatal("pool still listed after DELETING")
	}
	if _, err := c.DeregisterWorkspaceDirectory(ctx, &workspaces.DeregisterWorkspaceDirectoryInput{DirectoryId: aws.String(poolDir)}); err != nil {
		t.Fatal(err)
	}
}
