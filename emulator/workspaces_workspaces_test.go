package emulator_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/emulator"
	"github.com/eucsdk/eucsdk/workspaces"
	"github.com/eucsdk/eucsdk/workspaces/types"
)

const testDir = "d-9876543210"

// createWorkspace makes an AVAILABLE WorkSpace for user in dir.
func createWorkspace(t *testing.T, c *workspaces.Client, clk *emulator.ManualClock, dir, user string) string {
	t.Helper()
	out, err := c.CreateWorkspaces(ctx, &workspaces.CreateWorkspacesInput{Workspaces: []types.WorkspaceRequest{
		{DirectoryId: aws.String(dir), UserName: aws.String(user), BundleId: aws.String(emulator.PublicBundleStandardWindows)}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.FailedRequests) != 0 || len(out.PendingRequests) != 1 {
		t.Fatalf("CreateWorkspaces: failed %+v, pending %+v", out.FailedRequests, out.PendingRequests)
	}
	id := aws.ToString(out.PendingRequests[0].WorkspaceId)
	if got := wsState(t, c, id); got != types.WorkspaceStatePending {
		t.Fatalf("new WorkSpace is %s, want PENDING", got)
	}
	clk.Advance(delay)
	if got := wsState(t, c, id); got != types.WorkspaceStateAvailable {
		t.Fatalf("WorkSpace is %s after the delay, want AVAILABLE", got)
	}
	return id
}

func describeWorkspace(t *testing.T, c *workspaces.Client, id string) (types.Workspace, bool) {
	t.Helper()
	out, err := c.DescribeWorkspaces(ctx, &workspaces.DescribeWorkspacesInput{WorkspaceIds: []string{id}})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Workspaces) == 0 {
		return types.Workspace{}, false
	}
	return out.Workspaces[0], true
}

func wsState(t *testing.T, c *workspaces.Client, id string) types.WorkspaceState {
	t.Helper()
	w, ok := describeWorkspace(t, c, id)
	if !ok {
		return "gone"
	}
	return w.State
}

// wantFailed checks a batch answer: exactly one FailedRequests entry, for
// id, with code.
func wantFailed(t *testing.T, failed []types.FailedWorkspaceChangeRequest, id, code string) {
	t.Helper()
	if len(failed) != 1 || aws.ToString(failed[0].WorkspaceId) != id || aws.ToString(failed[0].ErrorCode) != code || aws.ToString(failed[0].ErrorMessage) == "" {
		t.Fatalf("FailedRequests %+v, want one %s for %s", failed, code, id)
	}
}

func TestWorkSpacesLifecycle(t *testing.T) {
	emu, clk := newManual(t)
	c := wsClient(emu, emulator.DefaultAccount)
	registerDirectory(t, c, clk, testDir)
	id := createWorkspace(t, c, clk, testDir, "alice")
	w, _ := describeWorkspace(t, c, id)
	p := w.WorkspaceProperties
	if aws.ToString(w.DirectoryId) != testDir || aws.ToString(w.BundleId) != emulator.PublicBundleStandardWindows || aws.ToString(w.UserName) != "alice" ||
		p.RunningMode != types.RunningModeAutoStop || aws.ToInt32(p.RunningModeAutoStopTimeoutInMinutes) != 60 || p.ComputeTypeName != types.ComputeStandard ||
		aws.ToInt32(p.RootVolumeSizeGib) != 80 || aws.ToInt32(p.UserVolumeSizeGib) != 50 || aws.ToString(w.ComputerName) == "" || aws.ToString(w.SubnetId) == "" {
		t.Fatalf("new WorkSpace %+v, properties %+v", w, p)
	}

	steps := []struct {
		name         string
		do           func() ([]types.FailedWorkspaceChangeRequest, error)
		during, then types.WorkspaceState
	}{
		{"stop", func() ([]types.FailedWorkspaceChangeRequest, error) {
			out, err := c.StopWorkspaces(ctx, &workspaces.StopWorkspacesInput{StopWorkspaceRequests: []types.StopRequest{{WorkspaceId: &id}}})
			return out.FailedRequests, err
		}, types.WorkspaceStateStopping, types.WorkspaceStateStopped},
		{"start", func() ([]types.FailedWorkspaceChangeRequest, error) {
			out, err := c.StartWorkspaces(ctx, &workspaces.StartWorkspacesInput{StartWorkspaceRequests: []types.StartRequest{{WorkspaceId: &id}}})
			return out.FailedRequests, err
		}, types.WorkspaceStateStarting, types.WorkspaceStateAvailable},
		{"reboot", func() ([]types.FailedWorkspaceChangeRequest, error) {
			out, err := c.RebootWorkspaces(ctx, &workspaces.RebootWorkspacesInput{RebootWorkspaceRequests: []types.RebootRequest{{WorkspaceId: &id}}})
			return out.FailedRequests, err
		}, types.WorkspaceStateRebooting, types.WorkspaceStateAvailable},
		{"rebuild", func() ([]types.FailedWorkspaceChangeRequest, error) {
			out, err := c.RebuildWorkspaces(ctx, &workspaces.RebuildWorkspacesInput{RebuildWorkspaceRequests: []types.RebuildRequest{{WorkspaceId: &id}}})
			return out.FailedRequests, err
		}, types.WorkspaceStateRebuilding, types.WorkspaceStateAvailable},
		{"restore", func() ([]types.FailedWorkspaceChangeRequest, error) {
			_, err := c.RestoreWorkspace(ctx, &workspaces.RestoreWorkspaceInput{WorkspaceId: &id})
			return nil, err
		}, types.WorkspaceStateRestoring, types.WorkspaceStateAvailable},
	}
	for _, s := range steps {
		failed, err := s.do()
		if err != nil || len(failed) != 0 {
			t.Fatalf("%s: %+v, %v", s.name, failed, err)
		}
		if got := wsState(t, c, id); got != s.during {
			t.Fatalf("%s: WorkSpace is %s, want %s", s.name, got, s.during)
		}
		clk.Advance(delay)
		if got := wsState(t, c, id); got != s.then {
			t.Fatalf("%s: WorkSpace is %s after the delay, want %s", s.name, got, s.then)
		}
	}

	// Wrong states are FailedRequests entries, not errors.
	start, err := c.StartWorkspaces(ctx, &workspaces.StartWorkspacesInput{StartWorkspaceRequests: []types.StartRequest{{WorkspaceId: &id}}})
	if err != nil {
		t.Fatal(err)
	}
	wantFailed(t, start.FailedRequests, id, "InvalidResourceStateException")
	missing := "ws-missing01"
	stop, err := c.StopWorkspaces(ctx, &workspaces.StopWorkspacesInput{StopWorkspaceRequests: []types.StopRequest{{WorkspaceId: &id}, {WorkspaceId: &missing}}})
	if err != nil {
		t.Fatal(err)
	}
	wantFailed(t, stop.FailedRequests, missing, "ResourceNotFoundException")
	if got := wsState(t, c, id); got != types.WorkspaceStateStopping {
		t.Fatalf("the good half of the batch did not run: %s", got)
	}
	reboot, err := c.RebootWorkspaces(ctx, &workspaces.RebootWorkspacesInput{RebootWorkspaceRequests: []types.RebootRequest{{WorkspaceId: &id}}})
	if err != nil {
		t.Fatal(err)
	}
	wantFailed(t, reboot.FailedRequests, id, "InvalidResourceStateException")
	clk.Advance(delay) // STOPPED
	_, err = c.RestoreWorkspace(ctx, &workspaces.RestoreWorkspaceInput{WorkspaceId: aws.String(missing)})
	wantCode(t, err, "ResourceNotFoundException", 400)

	// ADMIN_MAINTENANCE needs AVAILABLE and blocks the lifecycle calls.
	_, err = c.ModifyWorkspaceState(ctx, &workspaces.ModifyWorkspaceStateInput{WorkspaceId: &id, WorkspaceState: types.TargetWorkspaceStateAdminMaintenance})
	wantCode(t, err, "InvalidResourceStateException", 400)
	if _, err := c.StartWorkspaces(ctx, &workspaces.StartWorkspacesInput{StartWorkspaceRequests: []types.StartRequest{{WorkspaceId: &id}}}); err != nil {
		t.Fatal(err)
	}
	clk.Advance(delay)
	if _, err := c.ModifyWorkspaceState(ctx, &workspaces.ModifyWorkspaceStateInput{WorkspaceId: &id, WorkspaceState: types.TargetWorkspaceStateAdminMaintenance}); err != nil {
		t.Fatal(err)
	}
	if got := wsState(t, c, id); got != types.WorkspaceStateAdminMaintenance {
		t.Fatalf("WorkSpace is %s, want ADMIN_MAINTENANCE", got)
	}
	stop, err = c.StopWorkspaces(ctx, &workspaces.StopWorkspacesInput{StopWorkspaceRequests: []types.StopRequest{{WorkspaceId: &id}}})
	if err != nil {
		t.Fatal(err)
	}
	wantFailed(t, stop.FailedRequests, id, "InvalidResourceStateException")
	status, err := c.DescribeWorkspacesConnectionStatus(ctx, &workspaces.DescribeWorkspacesConnectionStatusInput{WorkspaceIds: []string{id}})
	if err != nil || len(status.WorkspacesConnectionStatus) != 1 || status.WorkspacesConnectionStatus[0].ConnectionState != types.ConnectionStateDisconnected {
		t.Fatalf("connection status %+v, %v", status, err)
	}
	if _, err := c.ModifyWorkspaceState(ctx, &workspaces.ModifyWorkspaceStateInput{WorkspaceId: &id, WorkspaceState: types.TargetWorkspaceStateAvailable}); err != nil {
		t.Fatal(err)
	}

	// Terminate: TERMINATING, TERMINATED, then gone.
	term, err := c.TerminateWorkspaces(ctx, &workspaces.TerminateWorkspacesInput{TerminateWorkspaceRequests: []types.TerminateRequest{{WorkspaceId: &id}}})
	if err != nil || len(term.FailedRequests) != 0 {
		t.Fatalf("terminate: %+v, %v", term, err)
	}
	for _, want := range []types.WorkspaceState{types.WorkspaceStateTerminating, types.WorkspaceStateTerminated, "gone"} {
		if got := wsState(t, c, id); got != want {
			t.Fatalf("WorkSpace is %s, want %s", got, want)
		}
		clk.Advance(delay)
	}
}

func TestWorkSpacesModifyProperties(t *testing.T) {
	emu, clk := newManual(t)
	c := wsClient(emu, emulator.DefaultAccount)
	registerDirectory(t, c, clk, testDir)
	id := createWorkspace(t, c, clk, testDir, "bob")

	_, err := c.ModifyWorkspaceProperties(ctx, &workspaces.ModifyWorkspacePropertiesInput{WorkspaceId: &id,
		WorkspaceProperties: &types.WorkspaceProperties{RunningModeAutoStopTimeoutInMinutes: aws.Int32(90)}})
	wantCode(t, err, "InvalidParameterValuesException", 400)
	_, err = c.ModifyWorkspaceProperties(ctx, &workspaces.ModifyWorkspacePropertiesInput{WorkspaceId: &id,
		WorkspaceProperties: &types.WorkspaceProperties{RootVolumeSizeGib: aws.Int32(40)}})
	wantCode(t, err, "InvalidParameterValuesException", 400)

	// Running mode changes at once.
	if _, err := c.ModifyWorkspaceProperties(ctx, &workspaces.ModifyWorkspacePropertiesInput{WorkspaceId: &id,
		WorkspaceProperties: &types.WorkspaceProperties{RunningMode: types.RunningModeAlwaysOn}}); err != nil {
		t.Fatal(err)
	}
	w, _ := describeWorkspace(t, c, id)
	if w.State != types.WorkspaceStateAvailable || w.WorkspaceProperties.RunningMode != types.RunningModeAlwaysOn || w.WorkspaceProperties.RunningModeAutoStopTimeoutInMinutes != nil {
		t.Fatalf("after AlwaysOn: %s %+v", w.State, w.WorkspaceProperties)
	}
	stop, err := c.StopWorkspaces(ctx, &workspaces.StopWorkspacesInput{StopWorkspaceRequests: []types.StopRequest{{WorkspaceId: &id}}})
	if err != nil {
		t.Fatal(err)
	}
	wantFailed(t, stop.FailedRequests, id, "OperationNotSupportedException")

	// Compute and volume changes take a state delay.
	if _, err := c.ModifyWorkspaceProperties(ctx, &workspaces.ModifyWorkspacePropertiesInput{WorkspaceId: &id,
		WorkspaceProperties: &types.WorkspaceProperties{ComputeTypeName: types.ComputePerformance, UserVolumeSizeGib: aws.Int32(100), RunningMode: types.RunningModeAutoStop}}); err != nil {
		t.Fatal(err)
	}
	w, _ = describeWorkspace(t, c, id)
	if w.State != types.WorkspaceStateUpdating || len(w.ModificationStates) != 2 {
		t.Fatalf("during the change: %s %+v", w.State, w.ModificationStates)
	}
	_, err = c.ModifyWorkspaceProperties(ctx, &workspaces.ModifyWorkspacePropertiesInput{WorkspaceId: &id,
		WorkspaceProperties: &types.WorkspaceProperties{ComputeTypeName: types.ComputePower}})
	wantCode(t, err, "OperationInProgressException", 400)
	clk.Advance(delay)
	w, _ = describeWorkspace(t, c, id)
	p := w.WorkspaceProperties
	if w.State != types.WorkspaceStateAvailable || len(w.ModificationStates) != 0 || p.ComputeTypeName != types.ComputePerformance ||
		aws.ToInt32(p.UserVolumeSizeGib) != 100 || p.RunningMode != types.RunningModeAutoStop || aws.ToInt32(p.RunningModeAutoStopTimeoutInMinutes) != 60 {
		t.Fatalf("after the change: %s %+v %+v", w.State, w.ModificationStates, p)
	}
}

func TestWorkSpacesCreateRefusals(t *testing.T) {
	emu, clk := newManual(t)
	c := wsClient(emu, emulator.DefaultAccount)
	if _, err := c.RegisterWorkspaceDirectory(ctx, &workspaces.RegisterWorkspaceDirectoryInput{DirectoryId: aws.String(testDir)}); err != nil {
		t.Fatal(err)
	}
	req := func(dir, user, bundle string) types.WorkspaceRequest {
		return types.WorkspaceRequest{DirectoryId: aws.String(dir), UserName: aws.String(user), BundleId: aws.String(bundle)}
	}
	std := emulator.PublicBundleStandardWindows
	out, err := c.CreateWorkspaces(ctx, &workspaces.CreateWorkspacesInput{Workspaces: []types.WorkspaceRequest{req(testDir, "carol", std)}})
	if err != nil || len(out.FailedRequests) != 1 || aws.ToString(out.FailedRequests[0].ErrorCode) != "InvalidResourceStateException" {
		t.Fatalf("directory still REGISTERING: %+v, %v", out, err)
	}
	clk.Advance(delay)
	out, err = c.CreateWorkspaces(ctx, &workspaces.CreateWorkspacesInput{Workspaces: []types.WorkspaceRequest{
		req(testDir, "carol", std),
		req("d-0000000bad", "carol", std),
		req(testDir, "dave", "wsb-missing01"),
		req(testDir, "CAROL", std),
		{DirectoryId: aws.String(testDir), UserName: aws.String("erin"), BundleId: aws.String(std), WorkspaceProperties: &types.WorkspaceProperties{RunningModeAutoStopTimeoutInMinutes: aws.Int32(61)}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.PendingRequests) != 1 || aws.ToString(out.PendingRequests[0].UserName) != "carol" || out.PendingRequests[0].State != types.WorkspaceStatePending {
		t.Fatalf("pending %+v", out.PendingRequests)
	}
	var codes []string
	for _, f := range out.FailedRequests {
		codes = append(codes, aws.ToString(f.ErrorCode)+"/"+aws.ToString(f.WorkspaceRequest.UserName))
	}
	want := "[ResourceNotFoundException/carol ResourceNotFoundException/dave ResourceAlreadyExistsException/CAROL InvalidParameterValuesException/erin]"
	if fmt.Sprint(codes) != want {
		t.Fatalf("failed %v, want %s", codes, want)
	}
}

func TestWorkSpacesDescribeFilters(t *testing.T) {
	emu, clk := newManual(t)
	c, peer := wsClient(emu, emulator.DefaultAccount), wsClient(emu, emulator.PeerAccount)
	registerDirectory(t, c, clk, testDir)
	registerDirectory(t, c, clk, "d-0123456789")
	var reqs []types.WorkspaceRequest
	for i := 0; i < 5; i++ {
		bundle := emulator.PublicBundleStandardWindows
		if i%2 == 1 {
			bundle = emulator.PublicBundleValueLinux
		}
		reqs = append(reqs, types.WorkspaceRequest{DirectoryId: aws.String(testDir), UserName: aws.String(fmt.Sprintf("user%d", i)), BundleId: aws.String(bundle)})
	}
	reqs = append(reqs, types.WorkspaceRequest{DirectoryId: aws.String("d-0123456789"), UserName: aws.String("user0"), BundleId: aws.String(emulator.PublicBundleStandardWindows)})
	if out, err := c.CreateWorkspaces(ctx, &workspaces.CreateWorkspacesInput{Workspaces: reqs}); err != nil || len(out.PendingRequests) != 6 {
		t.Fatalf("create: %+v, %v", out, err)
	}
	count := func(in *workspaces.DescribeWorkspacesInput) int {
		t.Helper()
		n := 0
		p := workspaces.NewDescribeWorkspacesPaginator(c, in)
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			n += len(out.Workspaces)
		}
		return n
	}
	for _, tc := range []struct {
		name string
		in   workspaces.DescribeWorkspacesInput
		want int
	}{
		{"all, two per page", workspaces.DescribeWorkspacesInput{Limit: aws.Int32(2)}, 6},
		{"directory", workspaces.DescribeWorkspacesInput{DirectoryId: aws.String(testDir)}, 5},
		{"directory and user", workspaces.DescribeWorkspacesInput{DirectoryId: aws.String(testDir), UserName: aws.String("USER3")}, 1},
		{"bundle", workspaces.DescribeWorkspacesInput{BundleId: aws.String(emulator.PublicBundleValueLinux)}, 2},
	} {
		if got := count(&tc.in); got != tc.want {
			t.Errorf("%s: %d WorkSpaces, want %d", tc.name, got, tc.want)
		}
	}
	_, err := c.DescribeWorkspaces(ctx, &workspaces.DescribeWorkspacesInput{UserName: aws.String("user0")})
	wantCode(t, err, "InvalidParameterValuesException", 400)
	_, err = c.DescribeWorkspaces(ctx, &workspaces.DescribeWorkspacesInput{WorkspaceIds: []string{"ws-012345678"}, DirectoryId: aws.String(testDir)})
	wantCode(t, err, "InvalidParameterValuesException", 400)
	if out, err := peer.DescribeWorkspaces(ctx, &workspaces.DescribeWorkspacesInput{}); err != nil || len(out.Workspaces) != 0 {
		t.Fatalf("peer sees %+v, %v", out, err)
	}
	status, err := c.DescribeWorkspacesConnectionStatus(ctx, &workspaces.DescribeWorkspacesConnectionStatusInput{})
	if err != nil || len(status.WorkspacesConnectionStatus) != 6 || status.WorkspacesConnectionStatus[0].ConnectionState != types.ConnectionStateUnknown {
		t.Fatalf("connection status of PENDING WorkSpaces: %+v, %v", status, err)
	}
}

// TestWorkSpaceAvailableWaiter: the generated waiter sees a new WorkSpace
// become AVAILABLE on an emulator whose transitions take milliseconds.
func TestWorkSpaceAvailableWaiter(t *testing.T) {
	emu := emulator.NewServer(t, emulator.WithStateDelay(5*time.Millisecond))
	c := wsClient(emu, emulator.DefaultAccount)
	if _, err := c.RegisterWorkspaceDirectory(ctx, &workspaces.RegisterWorkspaceDirectoryInput{DirectoryId: aws.String(testDir)}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(10 * time.Millisecond)
	out, err := c.CreateWorkspaces(ctx, &workspaces.CreateWorkspacesInput{Workspaces: []types.WorkspaceRequest{
		{DirectoryId: aws.String(testDir), UserName: aws.String("frank"), BundleId: aws.String(emulator.PublicBundleStandardWindows)}}})
	if err != nil || len(out.PendingRequests) != 1 {
		t.Fatalf("%+v, %v", out, err)
	}
	w := workspaces.NewWorkspaceAvailableWaiter(c, func(o *workspaces.WorkspaceAvailableWaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Millisecond, time.Millisecond
	})
	if err := w.Wait(ctx, &workspaces.DescribeWorkspacesInput{WorkspaceIds: []string{aws.ToString(out.PendingRequests[0].WorkspaceId)}}, 5*time.Second); err != nil {
		t.Fatal(err)
	}
}

// TestWorkSpacesConcurrentCalls drives one WorkSpace, its directory and
// its tags from several goroutines at once; run under -race it shows that
// handlers and the encoding of their outputs share no mutable state.
func TestWorkSpacesConcurrentCalls(t *testing.T) {
	emu := emulator.NewServer(t, emulator.WithStateDelay(0))
	c := wsClient(emu, emulator.DefaultAccount)
	if _, err := emu.SeedWorkspaceDirectory(emulator.DefaultAccount.ID, workspaces.RegisterWorkspaceDirectoryInput{DirectoryId: aws.String(testDir)}); err != nil {
		t.Fatal(err)
	}
	ws, err := emu.SeedWorkspaces(emulator.DefaultAccount.ID, types.WorkspaceRequest{DirectoryId: aws.String(testDir), UserName: aws.String("busy"), BundleId: aws.String(emulator.PublicBundleStandardWindows)})
	if err != nil {
		t.Fatal(err)
	}
	id := aws.ToString(ws[0].WorkspaceId)
	calls := []func(i int) error{
		func(int) error {
			_, err := c.StopWorkspaces(ctx, &workspaces.StopWorkspacesInput{StopWorkspaceRequests: []types.StopRequest{{WorkspaceId: &id}}})
			return err
		},
		func(int) error {
			_, err := c.StartWorkspaces(ctx, &workspaces.StartWorkspacesInput{StartWorkspaceRequests: []types.StartRequest{{WorkspaceId: &id}}})
			return err
		},
		func(int) error {
			_, err := c.DescribeWorkspaces(ctx, &workspaces.DescribeWorkspacesInput{DirectoryId: aws.String(testDir)})
			return err
		},
		func(i int) error {
			_, err := c.ModifyWorkspaceProperties(ctx, &workspaces.ModifyWorkspacePropertiesInput{WorkspaceId: &id,
				WorkspaceProperties: &types.WorkspaceProperties{RunningModeAutoStopTimeoutInMinutes: aws.Int32(int32(60 * (1 + i%3)))}})
			return nilIfRefused(err)
		},
		func(i int) error {
			_, err := c.CreateTags(ctx, &workspaces.CreateTagsInput{ResourceId: &id, Tags: []types.Tag{{Key: aws.String(fmt.Sprintf("k%d", i%5)), Value: aws.String("v")}}})
			return err
		},
		func(int) error {
			_, err := c.DescribeTags(ctx, &workspaces.DescribeTagsInput{ResourceId: &id})
			return err
		},
		func(i int) error {
			_, err := c.ModifySelfservicePermissions(ctx, &workspaces.ModifySelfservicePermissionsInput{ResourceId: aws.String(testDir),
				SelfservicePermissions: &types.SelfservicePermissions{RebuildWorkspace: []types.ReconnectEnum{types.ReconnectEnumEnabled, types.ReconnectEnumDisabled}[i%2]}})
			return err
		},
		func(int) error {
			_, err := c.DescribeWorkspaceDirectories(ctx, &workspaces.DescribeWorkspaceDirectoriesInput{})
			return err
		},
	}
	n := len(calls) * 10
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		go func(i int) { errs <- calls[i%len(calls)](i) }(i)
	}
	for i := 0; i < n; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// nilIfRefused treats the refusals a racing caller expects (the WorkSpace
// is mid-transition) as success.
func nilIfRefused(err error) error {
	var ae interface{ ErrorCode() string }
	if errors.As(err, &ae) && (ae.ErrorCode() == "InvalidResourceStateException" || ae.ErrorCode() == "OperationInProgressException") {
		return nil
	}
	return err
}
