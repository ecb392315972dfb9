package emulator

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/eucsdk/eucsdk/workspaces"
	"github.com/eucsdk/eucsdk/workspaces/types"
)

// Pools: non-persistent WorkSpaces served from a directory registered with
// WorkspaceType POOLS. A pool is CREATING and then STOPPED; StartWorkspacesPool
// moves it through STARTING to RUNNING (its capacity then reports the
// desired sessions as available), StopWorkspacesPool through STOPPING to
// STOPPED, an update through UPDATING back to where it was, and
// TerminateWorkspacesPool, allowed only when STOPPED, through DELETING to
// gone. Each step lasts one state delay.

var (
	reWSPoolID   = regexp.MustCompile(`^wspool-[0-9a-z]{9}$`)
	reWSPoolName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$`)
)

type wsPool struct {
	owner string
	p     types.WorkspacesPool
	since time.Time
	// next is where a transitional state ends; "" when resting.
	next types.WorkspacesPoolState
}

func (s *workspacesState) tickPools(now time.Time, delay time.Duration) {
	for id, p := range s.pools {
		if p.next == "" && p.p.State != types.WorkspacesPoolStateDeleting || now.Sub(p.since) < delay {
			continue
		}
		if p.p.State == types.WorkspacesPoolStateDeleting {
			delete(s.pools, id)
			delete(s.tags, id)
			continue
		}
		p.p.State, p.next, p.since = p.next, "", now
		p.p.CapacityStatus = poolCapacity(p.p)
	}
}

// poolCapacity reports the desired sessions as available while the pool
// runs; nobody streams from the emulator, so none is active.
func poolCapacity(p types.WorkspacesPool) *types.CapacityStatus {
	desired := deref(p.CapacityStatus.DesiredUserSessions)
	n := int32(0)
	if p.State == types.WorkspacesPoolStateRunning {
		n = desired
	}
	return &types.CapacityStatus{DesiredUserSessions: ptr(desired), AvailableUserSessions: ptr(n), ActualUserSessions: ptr(n), ActiveUserSessions: ptr(int32(0))}
}

func (e *Emulator) wsPoolOps() map[string]handler {
	return map[string]handler{
		"CreateWorkspacesPool":    op(e.createWorkspacesPool),
		"DescribeWorkspacesPools": op(e.describeWorkspacesPools),
		"StartWorkspacesPool":     op(e.startWorkspacesPool),
		"StopWorkspacesPool":      op(e.stopWorkspacesPool),
		"UpdateWorkspacesPool":    op(e.updateWorkspacesPool),
		"TerminateWorkspacesPool": op(e.terminateWorkspacesPool),
	}
}

// poolPlacement checks the bundle and directory a pool is to use.
func (e *Emulator) poolPlacement(c *call, bundleID, dirID *string) error {
	if bundleID != nil {
		if _, ok := e.visibleBundle(c, *bundleID); !ok {
			return &types.ResourceNotFoundException{Message: ptr(fmt.Sprintf("The bundle %s could not be found.", *bundleID)), ResourceId: bundleID}
		}
	}
	if dirID != nil {
		d, err := e.ownDirectory(c, *dirID)
		if err != nil {
			return err
		}
		if d.d.WorkspaceType != types.WorkspaceTypePools {
			return &types.OperationNotSupportedException{Message: ptr(fmt.Sprintf("The directory %s is for %s WorkSpaces; pools need a POOLS directory.", *dirID, d.d.WorkspaceType))}
		}
		if d.d.State != types.WorkspaceDirectoryStateRegistered {
			return &types.InvalidParameterValuesException{Message: ptr(fmt.Sprintf("The directory %s is %s, not REGISTERED.", *dirID, d.d.State))}
		}
	}
	return nil
}

func (e *Emulator) createWorkspacesPool(c *call, in *workspaces.CreateWorkspacesPoolInput) (any, error) {
	var v violations
	v.pattern("PoolName", in.PoolName, reWSPoolName)
	v.pattern("BundleId", in.BundleId, reWSBundleID)
	v.pattern("DirectoryId", in.DirectoryId, reWSDirectoryID)
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	for _, p := range e.ws.pools {
		if p.owner == c.acct.ID && deref(p.p.PoolName) == *in.PoolName {
			return nil, &types.ResourceAlreadyExistsException{Message: ptr(fmt.Sprintf("A pool named %s already exists.", *in.PoolName))}
		}
	}
	if err := e.poolPlacement(c, in.BundleId, in.DirectoryId); err != nil {
		return nil, err
	}
	if err := checkTags(in.Tags); err != nil {
		return nil, err
	}
	id := newWSID("wspool-")
	p := types.WorkspacesPool{
		PoolId:          ptr(id),
		PoolArn:         ptr(fmt.Sprintf("arn:aws:workspaces:%s:%s:workspacespool/%s", e.region, c.acct.ID, id)),
		CapacityStatus:  &types.CapacityStatus{DesiredUserSessions: ptr(deref(in.Capacity.DesiredUserSessions))},
		PoolName:        in.PoolName,
		Description:     in.Description,
		State:           types.WorkspacesPoolStateCreating,
		CreatedAt:       ptr(c.now),
		BundleId:        in.BundleId,
		DirectoryId:     in.DirectoryId,
		Errors:          []types.WorkspacesPoolError{},
		TimeoutSettings: in.TimeoutSettings,
		RunningMode:     types.PoolsRunningMode(firstNonEmpty(string(in.RunningMode), string(types.PoolsRunningModeAutoStop))),
	}
	p.ApplicationSettings = poolAppSettings(in.ApplicationSettings, nil)
	p.CapacityStatus = poolCapacity(p)
	e.ws.pools[id] = &wsPool{owner: c.acct.ID, p: p, since: c.now, next: types.WorkspacesPoolStateStopped}
	e.setTags(id, in.Tags)
	return &workspaces.CreateWorkspacesPoolOutput{WorkspacesPool: &p}, nil
}

// poolAppSettings is what AWS reports for a pool's application settings
// persistence: disabled unless asked for, with the bucket AWS would make.
func poolAppSettings(set *types.ApplicationSettingsRequest, have *types.ApplicationSettingsResponse) *types.ApplicationSettingsResponse {
	if set == nil {
		if have != nil {
			return have
		}
		return &types.ApplicationSettingsResponse{Status: types.ApplicationSettingsStatusEnumDisabled}
	}
	out := &types.ApplicationSettingsResponse{Status: set.Status, SettingsGroup: set.SettingsGroup}
	if set.Status == types.ApplicationSettingsStatusEnumEnabled {
		out.S3BucketName = ptr("wspool-app-settings-emulator")
	}
	return out
}

func (e *Emulator) pool(c *call, in any, id *string) (*wsPool, error) {
	p, ok := e.ws.pools[*id]
	if !ok || p.owner != c.acct.ID {
		return nil, &types.ResourceNotFoundException{Message: ptr(fmt.Sprintf("The pool %s could not be found.", *id)), ResourceId: id}
	}
	return p, nil
}

func (e *Emulator) describeWorkspacesPools(c *call, in *workspaces.DescribeWorkspacesPoolsInput) (any, error) {
	var v violations
	if in.PoolIds != nil {
		v.count("PoolIds", len(in.PoolIds), 1, 25)
	}
	for i := range in.PoolIds {
		v.pattern(fmt.Sprintf("PoolIds.%d.member", i+1), &in.PoolIds[i], reWSPoolID)
	}
	v.between("Limit", in.Limit, 1, 25)
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	var list []types.WorkspacesPool
	for id, p := range e.ws.pools {
		if p.owner == c.acct.ID && (len(in.PoolIds) == 0 || contains(in.PoolIds, id)) && poolMatches(p.p, in.Filters) {
			list = append(list, p.p)
		}
	}
	limit := int(deref(in.Limit))
	if limit == 0 {
		limit = 25
	}
	page, next, err := paginate(e, list, func(p types.WorkspacesPool) string { return *p.PoolId }, in.NextToken, limit, scope(c, in.PoolIds, in.Filters))
	if err != nil {
		return nil, wsBadToken(err)
	}
	return &workspaces.DescribeWorkspacesPoolsOutput{WorkspacesPools: page, NextToken: next}, nil
}

// poolMatches applies the PoolName filters with their operators; a pool
// matches a filter when any of its values matches.
func poolMatches(p types.WorkspacesPool, filters []types.DescribeWorkspacesPoolsFilter) bool {
	name := deref(p.PoolName)
	for _, f := range filters {
		if f.Name != types.DescribeWorkspacesPoolsFilterNamePoolname {
			continue
		}
		hit := false
		for _, val := range f.Values {
			switch f.Operator {
			case types.DescribeWorkspacesPoolsFilterOperatorNotequals:
				hit = hit || name != val
			case types.DescribeWorkspacesPoolsFilterOperatorContains:
				hit = hit || strings.Contains(name, val)
			case types.DescribeWorkspacesPoolsFilterOperatorNotcontains:
				hit = hit || !strings.Contains(name, val)
			default:
				hit = hit || name == val
			}
		}
		if !hit {
			return false
		}
	}
	return true
}

// poolStep moves a pool from one resting state through a transitional one
// to the next, refusing any other starting state as AWS does.
func (p *wsPool) step(c *call, from, during, to types.WorkspacesPoolState, action string) error {
	if p.next != "" {
		return &types.OperationInProgressException{Message: ptr(fmt.Sprintf("The pool %s is %s; try again when it is done.", *p.p.PoolId, p.p.State))}
	}
	if p.p.State != from {
		return &types.InvalidResourceStateException{Message: ptr(fmt.Sprintf("The pool %s is %s; it can be %s only when %s.", *p.p.PoolId, p.p.State, action, from))}
	}
	p.p.State, p.next, p.since = during, to, c.now
	return nil
}

func (e *Emulator) startWorkspacesPool(c *call, in *workspaces.StartWorkspacesPoolInput) (any, error) {
	p, err := e.pool(c, in, in.PoolId)
	if err != nil {
		return nil, err
	}
	if err := p.step(c, types.WorkspacesPoolStateStopped, types.WorkspacesPoolStateStarting, types.WorkspacesPoolStateRunning, "started"); err != nil {
		return nil, err
	}
	return &workspaces.StartWorkspacesPoolOutput{}, nil
}

func (e *Emulator) stopWorkspacesPool(c *call, in *workspaces.StopWorkspacesPoolInput) (any, error) {
	p, err := e.pool(c, in, in.PoolId)
	if err != nil {
		return nil, err
	}
	if err := p.step(c, types.WorkspacesPoolStateRunning, types.WorkspacesPoolStateStopping, types.WorkspacesPoolStateStopped, "stopped"); err != nil {
		return nil, err
	}
	p.p.CapacityStatus = poolCapacity(p.p)
	return &workspaces.StopWorkspacesPoolOutput{}, nil
}

func (e *Emulator) terminateWorkspacesPool(c *call, in *workspaces.TerminateWorkspacesPoolInput) (any, error) {
	p, err := e.pool(c, in, in.PoolId)
	if err != nil {
		return nil, err
	}
	if err := p.step(c, types.WorkspacesPoolStateStopped, types.WorkspacesPoolStateDeleting, "", "terminated"); err != nil {
		return nil, err
	}
	return &workspaces.TerminateWorkspacesPoolOutput{}, nil
}

func (e *Emulator) updateWorkspacesPool(c *call, in *workspaces.UpdateWorkspacesPoolInput) (any, error) {
	p, err := e.pool(c, in, in.PoolId)
	if err != nil {
		return nil, err
	}
	var v violations
	v.pattern("BundleId", in.BundleId, reWSBundleID)
	v.pattern("DirectoryId", in.DirectoryId, reWSDirectoryID)
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	if p.next != "" {
		return nil, &types.OperationInProgressException{Message: ptr(fmt.Sprintf("The pool %s is %s; try again when it is done.", *in.PoolId, p.p.State))}
	}
	if err := e.poolPlacement(c, in.BundleId, in.DirectoryId); err != nil {
		return nil, err
	}
	// The pool is replaced, not changed in place, so an output already
	// handed out keeps what it showed.
	np := p.p
	if in.Description != nil {
		np.Description = in.Description
	}
	if in.BundleId != nil {
		np.BundleId = in.BundleId
	}
	if in.DirectoryId != nil {
		np.DirectoryId = in.DirectoryId
	}
	if in.Capacity != nil && in.Capacity.DesiredUserSessions != nil {
		cs := *np.CapacityStatus
		cs.DesiredUserSessions = in.Capacity.DesiredUserSessions
		np.CapacityStatus = &cs
	}
	if in.TimeoutSettings != nil {
		np.TimeoutSettings = in.TimeoutSettings
	}
	if in.RunningMode != "" {
		np.RunningMode = in.RunningMode
	}
	np.ApplicationSettings = poolAppSettings(in.ApplicationSettings, np.ApplicationSettings)
	p.p = np
	p.p.CapacityStatus = poolCapacity(p.p)
	p.p.State, p.next, p.since = types.WorkspacesPoolStateUpdating, np.State, c.now
	out := p.p
	return &workspaces.UpdateWorkspacesPoolOutput{WorkspacesPool: &out}, nil
}

// wsUsers lists, sorted, the WorkSpaces and pools whose member (picked by ws
// and pool: a bundle id, a directory id) is id: what must go before the
// bundle or directory can.
func (e *Emulator) wsUsers(id string, ws func(*types.Workspace) *string, pool func(*types.WorkspacesPool) *string) []string {
	var users []string
	for wid, w := range e.ws.workspaces {
		if deref(ws(&w.w)) == id {
			users = append(users, wid)
		}
	}
	for pid, p := range e.ws.pools {
		if deref(pool(&p.p)) == id {
			users = append(users, pid)
		}
	}
	sort.Strings(users)
	return users
}
