package emulator

import (
	"fmt"

	"github.com/eucsdk/eucsdk/workspaces"
	"github.com/eucsdk/eucsdk/workspaces/types"
)

// Seeding WorkSpaces resources goes through the same handlers as the API,
// so a seeded resource is checked as a created one is and looks the same;
// it only skips the transitional states.

// seedCall is a call as accountID at the emulator's current time; callers
// hold e.mu.
func (e *Emulator) seedCall(accountID, op string) *call {
	return &call{acct: Account{ID: accountID}, region: e.region, now: e.now(), op: op}
}

// SeedWorkspaceDirectory registers a directory for accountID as
// RegisterWorkspaceDirectory would, already REGISTERED, and returns its id
// (made up for a POOLS directory given by name).
func (e *Emulator) SeedWorkspaceDirectory(accountID string, in workspaces.RegisterWorkspaceDirectoryInput) (string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	out, err := e.registerWorkspaceDirectory(e.seedCall(accountID, "RegisterWorkspaceDirectory"), &in)
	if err != nil {
		return "", fmt.Errorf("emulator: seed directory %s: %w", deref(in.DirectoryId), err)
	}
	id := *out.(*workspaces.RegisterWorkspaceDirectoryOutput).DirectoryId
	e.ws.directories[id].d.State = types.WorkspaceDirectoryStateRegistered
	return id, nil
}

// SeedWorkspaceBundle creates a custom bundle for accountID as
// CreateWorkspaceBundle would; its image must be one the account owns or
// that is shared with it, and AVAILABLE.
func (e *Emulator) SeedWorkspaceBundle(accountID string, in workspaces.CreateWorkspaceBundleInput) (types.WorkspaceBundle, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	out, err := e.createWorkspaceBundle(e.seedCall(accountID, "CreateWorkspaceBundle"), &in)
	if err != nil {
		return types.WorkspaceBundle{}, fmt.Errorf("emulator: seed bundle %s: %w", deref(in.BundleName), err)
	}
	return *out.(*workspaces.CreateWorkspaceBundleOutput).WorkspaceBundle, nil
}

// SeedWorkspaces creates WorkSpaces for accountID as CreateWorkspaces
// would, already AVAILABLE (or as the request's directory and bundle
// allow: a refused request is an error naming the user and why).
func (e *Emulator) SeedWorkspaces(accountID string, reqs ...types.WorkspaceRequest) ([]types.Workspace, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	out, err := e.createWorkspaces(e.seedCall(accountID, "CreateWorkspaces"), &workspaces.CreateWorkspacesInput{Workspaces: reqs})
	if err != nil {
		return nil, fmt.Errorf("emulator: seed WorkSpaces: %w", err)
	}
	res := out.(*workspaces.CreateWorkspacesOutput)
	if len(res.FailedRequests) > 0 {
		// Undo the ones that went through, so a failed seed leaves nothing.
		for _, w := range res.PendingRequests {
			delete(e.ws.workspaces, *w.WorkspaceId)
			delete(e.ws.tags, *w.WorkspaceId)
		}
		f := res.FailedRequests[0]
		return nil, fmt.Errorf("emulator: seed WorkSpace for %s in %s: %s: %s", deref(f.WorkspaceRequest.UserName), deref(f.WorkspaceRequest.DirectoryId), deref(f.ErrorCode), deref(f.ErrorMessage))
	}
	list := make([]types.Workspace, 0, len(res.PendingRequests))
	for _, w := range res.PendingRequests {
		ws := e.ws.workspaces[*w.WorkspaceId]
		ws.w.State, ws.next = types.WorkspaceStateAvailable, ""
		list = append(list, ws.w)
	}
	return list, nil
}
