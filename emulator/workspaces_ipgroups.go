package emulator

import (
	"fmt"
	"net/netip"
	"regexp"
	"sort"

	"github.com/eucsdk/eucsdk/workspaces"
	"github.com/eucsdk/eucsdk/workspaces/types"
)

// IP access control groups: named lists of CIDR rules an account
// associates with its directories. The limits are AWS's default quotas:
// maxIPRules rules per group and maxDirectoryIPGroups groups per directory.
// A group a directory uses cannot be deleted.

const (
	maxIPRules           = 10
	maxDirectoryIPGroups = 25
	defaultIPGroupsPage  = 25
)

var reWSIPGroupID = regexp.MustCompile(`^wsipg-[0-9a-z]{8,63}$`)

type wsIPGroup struct {
	owner string
	g     types.WorkspacesIpGroup
}

func (e *Emulator) wsIPGroupOps() map[string]handler {
	return map[string]handler{
		"CreateIpGroup":        op(e.createIPGroup),
		"DescribeIpGroups":     op(e.describeIPGroups),
		"DeleteIpGroup":        op(e.deleteIPGroup),
		"AuthorizeIpRules":     op(e.authorizeIPRules),
		"RevokeIpRules":        op(e.revokeIPRules),
		"UpdateRulesOfIpGroup": op(e.updateRulesOfIPGroup),
		"AssociateIpGroups":    op(e.associateIPGroups),
		"DisassociateIpGroups": op(e.disassociateIPGroups),
	}
}

// checkIPRules rejects rules that are not CIDR blocks, as AWS does.
func checkIPRules(rules []types.IpRuleItem) error {
	for _, r := range rules {
		if _, err := netip.ParsePrefix(deref(r.IpRule)); err != nil {
			return &types.InvalidParameterValuesException{Message: ptr(fmt.Sprintf("The IP rule %q is not a CIDR block such as 203.0.113.0/24.", deref(r.IpRule)))}
		}
	}
	return nil
}

// withRules is the group's rules with rules added, a rule for a CIDR block
// the group already has replacing it; more than maxIPRules is refused.
func withRules(have, add []types.IpRuleItem) ([]types.IpRuleItem, error) {
	out := append([]types.IpRuleItem{}, have...)
	for _, r := range add {
		replaced := false
		for i := range out {
			if deref(out[i].IpRule) == deref(r.IpRule) {
				out[i], replaced = r, true
			}
		}
		if !replaced {
			out = append(out, r)
		}
	}
	if len(out) > maxIPRules {
		return nil, &types.ResourceLimitExceededException{Message: ptr(fmt.Sprintf("An IP access control group can have at most %d rules; this would make %d.", maxIPRules, len(out)))}
	}
	return out, nil
}

func (e *Emulator) ipGroup(c *call, in any, id *string) (*wsIPGroup, error) {
	var v violations
	v.pattern("GroupId", id, reWSIPGroupID)
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	g, ok := e.ws.ipGroups[*id]
	if !ok || g.owner != c.acct.ID {
		return nil, &types.ResourceNotFoundException{Message: ptr(fmt.Sprintf("The IP access control group %s could not be found.", *id)), ResourceId: id}
	}
	return g, nil
}

func (e *Emulator) createIPGroup(c *call, in *workspaces.CreateIpGroupInput) (any, error) {
	for _, g := range e.ws.ipGroups {
		if g.owner == c.acct.ID && deref(g.g.GroupName) == *in.GroupName {
			return nil, &types.ResourceAlreadyExistsException{Message: ptr(fmt.Sprintf("An IP access control group named %s already exists.", *in.GroupName))}
		}
	}
	if err := checkIPRules(in.UserRules); err != nil {
		return nil, err
	}
	rules, err := withRules(nil, in.UserRules)
	if err != nil {
		return nil, err
	}
	if err := checkTags(in.Tags); err != nil {
		return nil, err
	}
	id := newWSID("wsipg-")
	e.ws.ipGroups[id] = &wsIPGroup{owner: c.acct.ID, g: types.WorkspacesIpGroup{GroupId: ptr(id), GroupName: in.GroupName, GroupDesc: in.GroupDesc, UserRules: rules}}
	e.setTags(id, in.Tags)
	return &workspaces.CreateIpGroupOutput{GroupId: ptr(id)}, nil
}

func (e *Emulator) describeIPGroups(c *call, in *workspaces.DescribeIpGroupsInput) (any, error) {
	var v violations
	for i := range in.GroupIds {
		v.pattern(fmt.Sprintf("GroupIds.%d.member", i+1), &in.GroupIds[i], reWSIPGroupID)
	}
	v.between("MaxResults", in.MaxResults, 1, 25)
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	var list []types.WorkspacesIpGroup
	for id, g := range e.ws.ipGroups {
		if g.owner == c.acct.ID && (len(in.GroupIds) == 0 || contains(in.GroupIds, id)) {
			list = append(list, g.g)
		}
	}
	limit := int(deref(in.MaxResults))
	if limit == 0 {
		limit = defaultIPGroupsPage
	}
	page, next, err := paginate(e, list, func(g types.WorkspacesIpGroup) string { return *g.GroupId }, in.NextToken, limit, scope(c, in.GroupIds))
	if err != nil {
		return nil, wsBadToken(err)
	}
	return &workspaces.DescribeIpGroupsOutput{Result: page, NextToken: next}, nil
}

func (e *Emulator) deleteIPGroup(c *call, in *workspaces.DeleteIpGroupInput) (any, error) {
	if _, err := e.ipGroup(c, in, in.GroupId); err != nil {
		return nil, err
	}
	var dirs []string
	for id, d := range e.ws.directories {
		if contains(d.d.IpGroupIds, *in.GroupId) {
			dirs = append(dirs, id)
		}
	}
	if len(dirs) > 0 {
		sort.Strings(dirs)
		return nil, &types.ResourceAssociatedException{Message: ptr(fmt.Sprintf("The IP access control group %s is associated with directories %v; disassociate it first.", *in.GroupId, dirs))}
	}
	delete(e.ws.ipGroups, *in.GroupId)
	delete(e.ws.tags, *in.GroupId)
	return &workspaces.DeleteIpGroupOutput{}, nil
}

// Rules are replaced, never changed in place: an output handed out keeps
// the rules it had when it was encoded after the lock was released.

func (e *Emulator) authorizeIPRules(c *call, in *workspaces.AuthorizeIpRulesInput) (any, error) {
	g, err := e.ipGroup(c, in, in.GroupId)
	if err != nil {
		return nil, err
	}
	if err := checkIPRules(in.UserRules); err != nil {
		return nil, err
	}
	rules, err := withRules(g.g.UserRules, in.UserRules)
	if err != nil {
		return nil, err
	}
	g.g.UserRules = rules
	return &workspaces.AuthorizeIpRulesOutput{}, nil
}

func (e *Emulator) revokeIPRules(c *call, in *workspaces.RevokeIpRulesInput) (any, error) {
	g, err := e.ipGroup(c, in, in.GroupId)
	if err != nil {
		return nil, err
	}
	rules := []types.IpRuleItem{}
	for _, r := range g.g.UserRules {
		if !contains(in.UserRules, deref(r.IpRule)) {
			rules = append(rules, r)
		}
	}
	g.g.UserRules = rules
	return &workspaces.RevokeIpRulesOutput{}, nil
}

func (e *Emulator) updateRulesOfIPGroup(c *call, in *workspaces.UpdateRulesOfIpGroupInput) (any, error) {
	g, err := e.ipGroup(c, in, in.GroupId)
	if err != nil {
		return nil, err
	}
	if err := checkIPRules(in.UserRules); err != nil {
		return nil, err
	}
	rules, err := withRules(nil, in.UserRules)
	if err != nil {
		return nil, err
	}
	g.g.UserRules = rules
	return &workspaces.UpdateRulesOfIpGroupOutput{}, nil
}

// ipGroupDirectory is the caller's directory for an association call and
// the groups named, all of which must be the caller's.
func (e *Emulator) ipGroupDirectory(c *call, in any, dirID *string, groups []string) (*wsDirectory, error) {
	var v violations
	v.pattern("DirectoryId", dirID, reWSDirectoryID)
	for i := range groups {
		v.pattern(fmt.Sprintf("GroupIds.%d.member", i+1), &groups[i], reWSIPGroupID)
	}
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	d, err := e.ownDirectory(c, *dirID)
	if err != nil {
		return nil, err
	}
	if d.d.State != types.WorkspaceDirectoryStateRegistered {
		return nil, &types.InvalidResourceStateException{Message: ptr(fmt.Sprintf("The directory %s is %s; IP groups can be changed only on a REGISTERED directory.", *dirID, d.d.State))}
	}
	for _, id := range groups {
		if g, ok := e.ws.ipGroups[id]; !ok || g.owner != c.acct.ID {
			return nil, &types.ResourceNotFoundException{Message: ptr(fmt.Sprintf("The IP access control group %s could not be found.", id)), ResourceId: ptr(id)}
		}
	}
	return d, nil
}

func (e *Emulator) associateIPGroups(c *call, in *workspaces.AssociateIpGroupsInput) (any, error) {
	d, err := e.ipGroupDirectory(c, in, in.DirectoryId, in.GroupIds)
	if err != nil {
		return nil, err
	}
	ids := append([]string{}, d.d.IpGroupIds...)
	for _, id := range in.GroupIds {
		if !contains(ids, id) {
			ids = append(ids, id)
		}
	}
	if len(ids) > maxDirectoryIPGroups {
		return nil, &types.ResourceLimitExceededException{Message: ptr(fmt.Sprintf("A directory can have at most %d IP access control groups; this would make %d.", maxDirectoryIPGroups, len(ids)))}
	}
	d.d.IpGroupIds = ids
	return &workspaces.AssociateIpGroupsOutput{}, nil
}

func (e *Emulator) disassociateIPGroups(c *call, in *workspaces.DisassociateIpGroupsInput) (any, error) {
	d, err := e.ipGroupDirectory(c, in, in.DirectoryId, in.GroupIds)
	if err != nil {
		return nil, err
	}
	ids := []string{}
	for _, id := range d.d.IpGroupIds {
		if !contains(in.GroupIds, id) {
			ids = append(ids, id)
		}
	}
	d.d.IpGroupIds = ids
	return &workspaces.DisassociateIpGroupsOutput{}, nil
}
