package emulator

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/eucsdk/eucsdk/workspaces"
	"github.com/eucsdk/eucsdk/workspaces/types"
)

// WorkSpaces themselves. Each lifecycle call moves a WorkSpace into a
// transitional state (PENDING, STARTING, STOPPING, REBOOTING, REBUILDING,
// RESTORING, UPDATING, TERMINATING) that lasts one state delay, then into
// its resting state, so the generated waiters and polling loops see what
// they would on AWS. A TERMINATED WorkSpace is listed for one more delay
// and then gone, as AWS cleans terminated ones up shortly after.
//
// The batch calls (Start, Stop, Reboot, Rebuild, Terminate) never fail as
// a whole for a WorkSpace's state: each refused WorkSpace is a
// FailedRequests entry whose ErrorCode names the modeled exception that
// describes the refusal, and the others go ahead.

const (
	defaultWorkspacesPage   = 25
	defaultAutoStopMinutes  = 60
	wsUserVolumeMinimumGib  = 10
	wsAutoStopMinuteQuantum = 60
)

type wsWorkspace struct {
	owner string
	w     types.Workspace
	since time.Time
	// next is the state a transitional state ends in; "" when resting.
	next types.WorkspaceState
	os   types.OperatingSystemType
}

func (w *wsWorkspace) osType() types.OperatingSystemType {
	if w.os == "" {
		return types.OperatingSystemTypeWindows
	}
	return w.os
}

// moveTo starts a transition: the WorkSpace is in state now and in next
// once the state delay has passed.
func (w *wsWorkspace) moveTo(state, next types.WorkspaceState, now time.Time) {
	w.w.State, w.next, w.since = state, next, now
}

func (s *workspacesState) tickWorkspaces(now time.Time, delay time.Duration) {
	for id, w := range s.workspaces {
		// A transition happened when its delay ended, not when a request
		// noticed it, so one long clock step can cover several.
		for now.Sub(w.since) >= delay {
			at := w.since.Add(delay)
			if w.w.State == types.WorkspaceStateTerminated {
				delete(s.workspaces, id)
				delete(s.tags, id)
				break
			}
			if w.next == "" {
				break
			}
			if w.w.State == types.WorkspaceStateUpdating {
				w.w.ModificationStates = []types.ModificationState{}
			}
			// A TERMINATED one is listed for one more delay, then gone.
			w.w.State, w.next, w.since = w.next, "", at
			if w.w.State != types.WorkspaceStateTerminated || delay <= 0 {
				break // with no delay, each step waits for a request to see it
			}
		}
	}
}

func (e *Emulator) wsWorkspaceOps() map[string]handler {
	return mergeOps(e.wsTagOps(), map[string]handler{
		"CreateWorkspaces":                   op(e.createWorkspaces),
		"DescribeWorkspaces":                 op(e.describeWorkspaces),
		"StartWorkspaces":                    op(e.startWorkspaces),
		"StopWorkspaces":                     op(e.stopWorkspaces),
		"RebootWorkspaces":                   op(e.rebootWorkspaces),
		"RebuildWorkspaces":                  op(e.rebuildWorkspaces),
		"RestoreWorkspace":                   op(e.restoreWorkspace),
		"TerminateWorkspaces":                op(e.terminateWorkspaces),
		"ModifyWorkspaceProperties":          op(e.modifyWorkspaceProperties),
		"ModifyWorkspaceState":               op(e.modifyWorkspaceState),
		"DescribeWorkspacesConnectionStatus": op(e.describeWorkspacesConnectionStatus),
	})
}

// SeedWorkspace adds an AVAILABLE WorkSpace with workspaceID to accountID,
// on the public bundle PublicBundleStandardWindows and in no directory,
// for tests that need a WorkSpace to capture without registering a
// directory first. CreateWorkspaces makes WorkSpaces the usual way.
func (e *Emulator) SeedWorkspace(accountID, workspaceID string) error {
	if !reWSWorkspaceID.MatchString(workspaceID) {
		return fmt.Errorf("emulator: workspace id %q does not match %s", workspaceID, reWSWorkspaceID)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, ok := e.ws.workspaces[workspaceID]; ok {
		return fmt.Errorf("emulator: workspace %s already exists", workspaceID)
	}
	b := e.ws.bundles[PublicBundleStandardWindows]
	w := newWorkspace(workspaceID, b, types.WorkspaceRequest{UserName: ptr("seeded-user"), BundleId: b.b.BundleId}, nil)
	w.State = types.WorkspaceStateAvailable
	e.ws.workspaces[workspaceID] = &wsWorkspace{owner: accountID, w: w, since: e.now(), os: b.os}
	return nil
}

// newWorkspace is the WorkSpace a request makes from bundle b in
// directory d (nil for a seeded one): the request's properties over the
// bundle's, with AutoStop after an hour unless told otherwise.
func newWorkspace(id string, b *wsBundle, req types.WorkspaceRequest, d *wsDirectory) types.Workspace {
	props := types.WorkspaceProperties{
		RunningMode:                         types.RunningModeAutoStop,
		RunningModeAutoStopTimeoutInMinutes: ptr[int32](defaultAutoStopMinutes),
		RootVolumeSizeGib:                   ptr(capacity(rootCapacity(b.b.RootStorage))),
		UserVolumeSizeGib:                   ptr(capacity(userCapacity(b.b.UserStorage))),
		Protocols:                           []types.Protocol{types.ProtocolPcoip},
		OperatingSystemName:                 types.OperatingSystemNameWindowsServer2022,
	}
	if b.b.ComputeType != nil {
		props.ComputeTypeName = b.b.ComputeType.Name
	}
	if b.os == types.OperatingSystemTypeLinux {
		props.OperatingSystemName = types.OperatingSystemNameAmazonLinux2
		props.Protocols = []types.Protocol{types.ProtocolWsp}
	}
	if p := req.WorkspaceProperties; p != nil {
		if p.RunningMode != "" {
			props.RunningMode = p.RunningMode
		}
		if p.RunningModeAutoStopTimeoutInMinutes != nil {
			props.RunningModeAutoStopTimeoutInMinutes = p.RunningModeAutoStopTimeoutInMinutes
		}
		if p.RootVolumeSizeGib != nil {
			props.RootVolumeSizeGib = p.RootVolumeSizeGib
		}
		if p.UserVolumeSizeGib != nil {
			props.UserVolumeSizeGib = p.UserVolumeSizeGib
		}
		if p.ComputeTypeName != "" {
			props.ComputeTypeName = p.ComputeTypeName
		}
		if len(p.Protocols) > 0 {
			props.Protocols = p.Protocols
		}
	}
	if props.RunningMode == types.RunningModeAlwaysOn {
		props.RunningModeAutoStopTimeoutInMinutes = nil
	}
	w := types.Workspace{
		WorkspaceId:                 ptr(id),
		UserName:                    req.UserName,
		BundleId:                    req.BundleId,
		State:                       types.WorkspaceStatePending,
		ComputerName:                ptr("WSAMZN-" + strings.ToUpper(id[len(id)-8:])),
		IpAddress:                   ptr(fmt.Sprintf("10.0.%d.%d", id[3]%250+1, id[4]%250+1)),
		VolumeEncryptionKey:         req.VolumeEncryptionKey,
		UserVolumeEncryptionEnabled: ptr(deref(req.UserVolumeEncryptionEnabled)),
		RootVolumeEncryptionEnabled: ptr(deref(req.RootVolumeEncryptionEnabled)),
		WorkspaceName:               req.WorkspaceName,
		WorkspaceProperties:         &props,
		ModificationStates:          []types.ModificationState{},
	}
	if d != nil {
		w.DirectoryId = d.d.DirectoryId
		if len(d.d.SubnetIds) > 0 {
			w.SubnetId = ptr(d.d.SubnetIds[0])
		}
	}
	return w
}

func rootCapacity(s *types.RootStorage) *string {
	if s == nil {
		return nil
	}
	return s.Capacity
}

func userCapacity(s *types.UserStorage) *string {
	if s == nil {
		return nil
	}
	return s.Capacity
}

// capacity is a bundle's storage size in GiB; AWS sends it as a string.
func capacity(gib *string) int32 {
	n, _ := strconv.Atoi(deref(gib))
	return int32(n)
}

func (e *Emulator) createWorkspaces(c *call, in *workspaces.CreateWorkspacesInput) (any, error) {
	var v violations
	v.count("Workspaces", len(in.Workspaces), 1, 25)
	for i := range in.Workspaces {
		v.pattern(fmt.Sprintf("Workspaces.%d.member.directoryId", i+1), in.Workspaces[i].DirectoryId, reWSDirectoryID)
		v.pattern(fmt.Sprintf("Workspaces.%d.member.bundleId", i+1), in.Workspaces[i].BundleId, reWSBundleID)
		v.length(fmt.Sprintf("Workspaces.%d.member.userName", i+1), in.Workspaces[i].UserName, 1, 63)
	}
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	out := &workspaces.CreateWorkspacesOutput{FailedRequests: []types.FailedCreateWorkspaceRequest{}, PendingRequests: []types.Workspace{}}
	for _, req := range in.Workspaces {
		code, msg := e.canCreateWorkspace(c, req)
		if code != "" {
			out.FailedRequests = append(out.FailedRequests, types.FailedCreateWorkspaceRequest{WorkspaceRequest: ptr(req), ErrorCode: ptr(code), ErrorMessage: ptr(msg)})
			continue
		}
		b := e.ws.bundles[*req.BundleId]
		id := newWSID("ws-")
		w := newWorkspace(id, b, req, e.ws.directories[*req.DirectoryId])
		e.ws.workspaces[id] = &wsWorkspace{owner: c.acct.ID, w: w, since: c.now, next: types.WorkspaceStateAvailable, os: b.os}
		e.setTags(id, req.Tags)
		out.PendingRequests = append(out.PendingRequests, w)
	}
	return out, nil
}

// canCreateWorkspace is why AWS would refuse one WorkSpace request, as an
// error code and message, or "" when it would not.
func (e *Emulator) canCreateWorkspace(c *call, req types.WorkspaceRequest) (string, string) {
	d, ok := e.ws.directories[*req.DirectoryId]
	if !ok || d.owner != c.acct.ID {
		return "ResourceNotFoundException", fmt.Sprintf("The directory %s could not be found.", *req.DirectoryId)
	}
	if d.d.State != types.WorkspaceDirectoryStateRegistered {
		return "InvalidResourceStateException", fmt.Sprintf("The directory %s is %s; WorkSpaces need a REGISTERED directory.", *req.DirectoryId, d.d.State)
	}
	if d.d.WorkspaceType == types.WorkspaceTypePools {
		return "OperationNotSupportedException", fmt.Sprintf("The directory %s serves pools; personal WorkSpaces need a PERSONAL directory.", *req.DirectoryId)
	}
	b, ok := e.visibleBundle(c, *req.BundleId)
	if !ok {
		return "ResourceNotFoundException", fmt.Sprintf("The bundle %s could not be found.", *req.BundleId)
	}
	if b.b.State != types.WorkspaceBundleStateAvailable {
		return "ResourceUnavailableException", fmt.Sprintf("The bundle %s is %s.", *req.BundleId, b.b.State)
	}
	for _, w := range e.ws.workspaces {
		if deref(w.w.DirectoryId) == *req.DirectoryId && strings.EqualFold(deref(w.w.UserName), *req.UserName) && w.w.State != types.WorkspaceStateTerminated {
			return "ResourceAlreadyExistsException", fmt.Sprintf("The user %s already has WorkSpace %s in directory %s.", *req.UserName, deref(w.w.WorkspaceId), *req.DirectoryId)
		}
	}
	if p := req.WorkspaceProperties; p != nil {
		if msg := checkAutoStop(p); msg != "" {
			return "InvalidParameterValuesException", msg
		}
	}
	if err := checkTags(req.Tags); err != nil {
		return "InvalidParameterValuesException", err.Error()
	}
	return "", ""
}

// checkAutoStop: AWS takes AutoStop timeouts in whole hours, in minutes.
func checkAutoStop(p *types.WorkspaceProperties) string {
	if n := p.RunningModeAutoStopTimeoutInMinutes; n != nil && (*n <= 0 || *n%wsAutoStopMinuteQuantum != 0) {
		return fmt.Sprintf("RunningModeAutoStopTimeoutInMinutes %d is not a positive multiple of %d.", *n, wsAutoStopMinuteQuantum)
	}
	return ""
}

func (e *Emulator) describeWorkspaces(c *call, in *workspaces.DescribeWorkspacesInput) (any, error) {
	var v violations
	if in.WorkspaceIds != nil {
		v.count("WorkspaceIds", len(in.WorkspaceIds), 1, 25)
	}
	for i := range in.WorkspaceIds {
		v.pattern(fmt.Sprintf("WorkspaceIds.%d.member", i+1), &in.WorkspaceIds[i], reWSWorkspaceID)
	}
	v.pattern("DirectoryId", in.DirectoryId, reWSDirectoryID)
	v.pattern("BundleId", in.BundleId, reWSBundleID)
	v.between("Limit", in.Limit, 1, 25)
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	// The filters are exclusive on AWS: ids alone, a directory (with an
	// optional user name), or a bundle.
	if len(in.WorkspaceIds) > 0 && (in.DirectoryId != nil || in.BundleId != nil || in.UserName != nil) {
		return nil, &types.InvalidParameterValuesException{Message: ptr("WorkspaceIds cannot be combined with DirectoryId, UserName or BundleId.")}
	}
	if in.UserName != nil && in.DirectoryId == nil {
		return nil, &types.InvalidParameterValuesException{Message: ptr("UserName can only be used together with DirectoryId.")}
	}
	var list []types.Workspace
	for id, w := range e.ws.workspaces {
		if w.owner != c.acct.ID ||
			(len(in.WorkspaceIds) > 0 && !contains(in.WorkspaceIds, id)) ||
			(in.DirectoryId != nil && deref(w.w.DirectoryId) != *in.DirectoryId) ||
			(in.BundleId != nil && deref(w.w.BundleId) != *in.BundleId) ||
			(in.UserName != nil && !strings.EqualFold(deref(w.w.UserName), *in.UserName)) ||
			(in.WorkspaceName != nil && deref(w.w.WorkspaceName) != *in.WorkspaceName) {
			continue
		}
		list = append(list, w.w)
	}
	limit := int(deref(in.Limit))
	if limit == 0 {
		limit = defaultWorkspacesPage
	}
	page, next, err := paginate(e, list, func(w types.Workspace) string { return *w.WorkspaceId }, in.NextToken, limit,
		scope(c, in.WorkspaceIds, in.DirectoryId, in.BundleId, in.UserName, in.WorkspaceName))
	if err != nil {
		return nil, wsBadToken(err)
	}
	return &workspaces.DescribeWorkspacesOutput{Workspaces: page, NextToken: next}, nil
}

// changeWorkspaces applies change to each WorkSpace id of a batch call and
// collects the refusals; a WorkSpace the caller does not have is refused
// like any other.
func (e *Emulator) changeWorkspaces(c *call, ids []string, change func(w *wsWorkspace) (code, msg string)) ([]types.FailedWorkspaceChangeRequest, error) {
	var v violations
	v.count("Requests", len(ids), 1, 25)
	for i := range ids {
		if ids[i] != "" {
			v.pattern(fmt.Sprintf("Requests.%d.member.workspaceId", i+1), &ids[i], reWSWorkspaceID)
		}
	}
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	failed := []types.FailedWorkspaceChangeRequest{}
	for _, id := range ids {
		w, ok := e.ws.workspaces[id]
		code, msg := "ResourceNotFoundException", fmt.Sprintf("The WorkSpace %s could not be found.", id)
		if ok && w.owner == c.acct.ID {
			code, msg = change(w)
		}
		if code != "" {
			failed = append(failed, types.FailedWorkspaceChangeRequest{WorkspaceId: ptr(id), ErrorCode: ptr(code), ErrorMessage: ptr(msg)})
		}
	}
	return failed, nil
}

// wrongState is the refusal of an action on a WorkSpace whose state is
// not one of allowed.
func wrongState(w *wsWorkspace, action string, allowed ...types.WorkspaceState) (string, string) {
	for _, s := range allowed {
		if w.w.State == s {
			return "", ""
		}
	}
	names := make([]string, len(allowed))
	for i, s := range allowed {
		names[i] = string(s)
	}
	return "InvalidResourceStateException", fmt.Sprintf("The WorkSpace %s is %s; it can be %s only when %s.", *w.w.WorkspaceId, w.w.State, action, strings.Join(names, ", "))
}

// switchable refuses Start and Stop for AlwaysOn WorkSpaces, which AWS
// keeps running.
func switchable(w *wsWorkspace, action string) (string, string) {
	if w.w.WorkspaceProperties.RunningMode == types.RunningModeAlwaysOn {
		return "OperationNotSupportedException", fmt.Sprintf("The WorkSpace %s runs AlwaysOn and cannot be %s; switch it to AutoStop or Manual first.", *w.w.WorkspaceId, action)
	}
	return "", ""
}

func ids[T any](reqs []T, id func(T) *string) []string {
	out := make([]string, len(reqs))
	for i, r := range reqs {
		out[i] = deref(id(r))
	}
	return out
}

func (e *Emulator) startWorkspaces(c *call, in *workspaces.StartWorkspacesInput) (any, error) {
	failed, err := e.changeWorkspaces(c, ids(in.StartWorkspaceRequests, func(r types.StartRequest) *string { return r.WorkspaceId }), func(w *wsWorkspace) (string, string) {
		if code, msg := switchable(w, "started"); code != "" {
			return code, msg
		}
		if code, msg := wrongState(w, "started", types.WorkspaceStateStopped); code != "" {
			return code, msg
		}
		w.moveTo(types.WorkspaceStateStarting, types.WorkspaceStateAvailable, c.now)
		return "", ""
	})
	if err != nil {
		return nil, err
	}
	return &workspaces.StartWorkspacesOutput{FailedRequests: failed}, nil
}

func (e *Emulator) stopWorkspaces(c *call, in *workspaces.StopWorkspacesInput) (any, error) {
	failed, err := e.changeWorkspaces(c, ids(in.StopWorkspaceRequests, func(r types.StopRequest) *string { return r.WorkspaceId }), func(w *wsWorkspace) (string, string) {
		if code, msg := switchable(w, "stopped"); code != "" {
			return code, msg
		}
		if code, msg := wrongState(w, "stopped", types.WorkspaceStateAvailable, types.WorkspaceStateImpaired, types.WorkspaceStateUnhealthy, types.WorkspaceStateError); code != "" {
			return code, msg
		}
		w.moveTo(types.WorkspaceStateStopping, types.WorkspaceStateStopped, c.now)
		return "", ""
	})
	if err != nil {
		return nil, err
	}
	return &workspaces.StopWorkspacesOutput{FailedRequests: failed}, nil
}

func (e *Emulator) rebootWorkspaces(c *call, in *workspaces.RebootWorkspacesInput) (any, error) {
	failed, err := e.changeWorkspaces(c, ids(in.RebootWorkspaceRequests, func(r types.RebootRequest) *string { return r.WorkspaceId }), func(w *wsWorkspace) (string, string) {
		if code, msg := wrongState(w, "rebooted", types.WorkspaceStateAvailable, types.WorkspaceStateUnhealthy, types.WorkspaceStateImpaired, types.WorkspaceStateRebooting); code != "" {
			return code, msg
		}
		w.moveTo(types.WorkspaceStateRebooting, types.WorkspaceStateAvailable, c.now)
		return "", ""
	})
	if err != nil {
		return nil, err
	}
	return &workspaces.RebootWorkspacesOutput{FailedRequests: failed}, nil
}

func (e *Emulator) rebuildWorkspaces(c *call, in *workspaces.RebuildWorkspacesInput) (any, error) {
	failed, err := e.changeWorkspaces(c, ids(in.RebuildWorkspaceRequests, func(r types.RebuildRequest) *string { return r.WorkspaceId }), func(w *wsWorkspace) (string, string) {
		if code, msg := wrongState(w, "rebuilt", types.WorkspaceStateAvailable, types.WorkspaceStateError, types.WorkspaceStateUnhealthy, types.WorkspaceStateStopped, types.WorkspaceStateRebooting); code != "" {
			return code, msg
		}
		w.moveTo(types.WorkspaceStateRebuilding, types.WorkspaceStateAvailable, c.now)
		return "", ""
	})
	if err != nil {
		return nil, err
	}
	return &workspaces.RebuildWorkspacesOutput{FailedRequests: failed}, nil
}

func (e *Emulator) terminateWorkspaces(c *call, in *workspaces.TerminateWorkspacesInput) (any, error) {
	failed, err := e.changeWorkspaces(c, ids(in.TerminateWorkspaceRequests, func(r types.TerminateRequest) *string { return r.WorkspaceId }), func(w *wsWorkspace) (string, string) {
		switch w.w.State {
		case types.WorkspaceStateSuspended:
			return "InvalidResourceStateException", fmt.Sprintf("The WorkSpace %s is SUSPENDED and cannot be terminated.", *w.w.WorkspaceId)
		case types.WorkspaceStateTerminating, types.WorkspaceStateTerminated:
			return "", "" // terminating again changes nothing
		}
		w.moveTo(types.WorkspaceStateTerminating, types.WorkspaceStateTerminated, c.now)
		return "", ""
	})
	if err != nil {
		return nil, err
	}
	return &workspaces.TerminateWorkspacesOutput{FailedRequests: failed}, nil
}

// ownWorkspace is the caller's WorkSpace id, for the calls on a single
// WorkSpace, which fail with an exception rather than a FailedRequests entry.
func (e *Emulator) ownWorkspace(c *call, in any, id *string) (*wsWorkspace, error) {
	var v violations
	v.pattern("WorkspaceId", id, reWSWorkspaceID)
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	w, ok := e.ws.workspaces[*id]
	if !ok || w.owner != c.acct.ID {
		return nil, &types.ResourceNotFoundException{Message: ptr(fmt.Sprintf("The WorkSpace %s could not be found.", *id)), ResourceId: id}
	}
	return w, nil
}

func (e *Emulator) restoreWorkspace(c *call, in *workspaces.RestoreWorkspaceInput) (any, error) {
	w, err := e.ownWorkspace(c, in, in.WorkspaceId)
	if err != nil {
		return nil, err
	}
	// The model gives RestoreWorkspace no InvalidResourceStateException;
	// a WorkSpace in the wrong state is an operation it does not support.
	if code, msg := wrongState(w, "restored", types.WorkspaceStateAvailable, types.WorkspaceStateError, types.WorkspaceStateUnhealthy, types.WorkspaceStateStopped); code != "" {
		return nil, &types.OperationNotSupportedException{Message: ptr(msg)}
	}
	w.moveTo(types.WorkspaceStateRestoring, types.WorkspaceStateAvailable, c.now)
	return &workspaces.RestoreWorkspaceOutput{}, nil
}

func (e *Emulator) modifyWorkspaceProperties(c *call, in *workspaces.ModifyWorkspacePropertiesInput) (any, error) {
	w, err := e.ownWorkspace(c, in, in.WorkspaceId)
	if err != nil {
		return nil, err
	}
	if w.w.State == types.WorkspaceStateUpdating {
		return nil, &types.OperationInProgressException{Message: ptr(fmt.Sprintf("The WorkSpace %s is already being modified.", *in.WorkspaceId))}
	}
	if code, msg := wrongState(w, "modified", types.WorkspaceStateAvailable, types.WorkspaceStateStopped); code != "" {
		return nil, &types.InvalidResourceStateException{Message: ptr(msg)}
	}
	set := in.WorkspaceProperties
	if set == nil {
		if in.DataReplication != "" {
			return &workspaces.ModifyWorkspacePropertiesOutput{}, nil
		}
		return nil, &types.InvalidParameterValuesException{Message: ptr("Specify WorkspaceProperties or DataReplication.")}
	}
	if msg := checkAutoStop(set); msg != "" {
		return nil, &types.InvalidParameterValuesException{Message: ptr(msg)}
	}
	p := *w.w.WorkspaceProperties
	var mods []types.ModificationState
	// Volumes only grow on AWS.
	for _, vol := range []struct {
		name string
		res  types.ModificationResourceEnum
		cur  **int32
		to   *int32
	}{{"RootVolumeSizeGib", types.ModificationResourceEnumRootVolume, &p.RootVolumeSizeGib, set.RootVolumeSizeGib},
		{"UserVolumeSizeGib", types.ModificationResourceEnumUserVolume, &p.UserVolumeSizeGib, set.UserVolumeSizeGib}} {
		if vol.to == nil || *vol.to == deref(*vol.cur) {
			continue
		}
		if *vol.to < deref(*vol.cur) || *vol.to < wsUserVolumeMinimumGib {
			return nil, &types.InvalidParameterValuesException{Message: ptr(fmt.Sprintf("%s can only grow: it is %d, %d was asked for.", vol.name, deref(*vol.cur), *vol.to))}
		}
		*vol.cur = vol.to
		mods = append(mods, types.ModificationState{Resource: vol.res, State: types.ModificationStateEnumUpdateInProgress})
	}
	if set.ComputeTypeName != "" && set.ComputeTypeName != p.ComputeTypeName {
		p.ComputeTypeName = set.ComputeTypeName
		mods = append(mods, types.ModificationState{Resource: types.ModificationResourceEnumComputeType, State: types.ModificationStateEnumUpdateInProgress})
	}
	if len(set.Protocols) > 0 {
		p.Protocols = set.Protocols
	}
	if set.RunningMode != "" {
		p.RunningMode = set.RunningMode
	}
	switch {
	case p.RunningMode == types.RunningModeAlwaysOn:
		p.RunningModeAutoStopTimeoutInMinutes = nil
	case set.RunningModeAutoStopTimeoutInMinutes != nil:
		p.RunningModeAutoStopTimeoutInMinutes = set.RunningModeAutoStopTimeoutInMinutes
	case p.RunningModeAutoStopTimeoutInMinutes == nil:
		p.RunningModeAutoStopTimeoutInMinutes = ptr[int32](defaultAutoStopMinutes)
	}
	w.w.WorkspaceProperties = &p
	if len(mods) > 0 {
		// Resizing and changing the compute type take a while on AWS; the
		// WorkSpace is UPDATING meanwhile and then back where it was.
		w.w.ModificationStates = mods
		w.moveTo(types.WorkspaceStateUpdating, w.w.State, c.now)
	}
	return &workspaces.ModifyWorkspacePropertiesOutput{}, nil
}

func (e *Emulator) modifyWorkspaceState(c *call, in *workspaces.ModifyWorkspaceStateInput) (any, error) {
	w, err := e.ownWorkspace(c, in, in.WorkspaceId)
	if err != nil {
		return nil, err
	}
	target := types.WorkspaceState(in.WorkspaceState)
	if target != types.WorkspaceStateAvailable && target != types.WorkspaceStateAdminMaintenance {
		return nil, &types.InvalidParameterValuesException{Message: ptr(fmt.Sprintf("WorkspaceState %q is neither AVAILABLE nor ADMIN_MAINTENANCE.", in.WorkspaceState))}
	}
	if code, msg := wrongState(w, "set to "+string(target), types.WorkspaceStateAvailable, types.WorkspaceStateAdminMaintenance); code != "" {
		return nil, &types.InvalidResourceStateException{Message: ptr(msg)}
	}
	w.w.State, w.since = target, c.now
	return &workspaces.ModifyWorkspaceStateOutput{}, nil
}

func (e *Emulator) describeWorkspacesConnectionStatus(c *call, in *workspaces.DescribeWorkspacesConnectionStatusInput) (any, error) {
	var v violations
	if in.WorkspaceIds != nil {
		v.count("WorkspaceIds", len(in.WorkspaceIds), 1, 25)
	}
	for i := range in.WorkspaceIds {
		v.pattern(fmt.Sprintf("WorkspaceIds.%d.member", i+1), &in.WorkspaceIds[i], reWSWorkspaceID)
	}
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	var list []types.WorkspaceConnectionStatus
	for id, w := range e.ws.workspaces {
		if w.owner != c.acct.ID || (len(in.WorkspaceIds) > 0 && !contains(in.WorkspaceIds, id)) {
			continue
		}
		// Nobody streams from the emulator: a running WorkSpace is
		// disconnected, any other's connection state is unknown.
		state := types.ConnectionStateUnknown
		switch w.w.State {
		case types.WorkspaceStateAvailable, types.WorkspaceStateAdminMaintenance:
			state = types.ConnectionStateDisconnected
		}
		list = append(list, types.WorkspaceConnectionStatus{WorkspaceId: ptr(id), ConnectionState: state, ConnectionStateCheckTimestamp: ptr(c.now)})
	}
	page, next, err := paginate(e, list, func(s types.WorkspaceConnectionStatus) string { return *s.WorkspaceId }, in.NextToken, defaultWorkspacesPage, scope(c, in.WorkspaceIds))
	if err != nil {
		return nil, wsBadToken(err)
	}
	return &workspaces.DescribeWorkspacesConnectionStatusOutput{WorkspacesConnectionStatus: page, NextToken: next}, nil
}
