package emulator

import (
	"fmt"
	"regexp"
	"time"

	"github.com/eucsdk/eucsdk/workspaces"
	"github.com/eucsdk/eucsdk/workspaces/types"
)

// Directories: WorkSpaces registers a directory that Directory Service
// already has. The emulator has no Directory Service, so any well-formed
// directory id can be registered, once, by one account; it is REGISTERING
// for one state delay and then REGISTERED. Deregistering makes it
// DEREGISTERING for one delay, after which it is gone. Client properties
// (Modify/DescribeClientProperties) are left to the model-driven store of
// settings, which keeps them per resource id.

var reWSDirectoryID = regexp.MustCompile(`^(d-[0-9a-f]{8,63}$)|(wsd-[0-9a-z]{8,63}$)$`)

const defaultWorkspaceDirectoriesPage = 25

type wsDirectory struct {
	owner string
	d     types.WorkspaceDirectory
	since time.Time
}

func (s *workspacesState) tickDirectories(now time.Time, delay time.Duration) {
	for id, d := range s.directories {
		if now.Sub(d.since) < delay {
			continue
		}
		switch d.d.State {
		case types.WorkspaceDirectoryStateRegistering:
			d.d.State, d.since = types.WorkspaceDirectoryStateRegistered, now
		case types.WorkspaceDirectoryStateDeregistering:
			delete(s.directories, id)
			delete(s.tags, id)
		}
	}
}

func (e *Emulator) wsDirectoryOps() map[string]handler {
	return map[string]handler{
		"RegisterWorkspaceDirectory":           op(e.registerWorkspaceDirectory),
		"DescribeWorkspaceDirectories":         op(e.describeWorkspaceDirectories),
		"DeregisterWorkspaceDirectory":         op(e.deregisterWorkspaceDirectory),
		"ModifySelfservicePermissions":         op(e.modifySelfservicePermissions),
		"ModifyWorkspaceCreationProperties":    op(e.modifyWorkspaceCreationProperties),
		"ModifyWorkspaceAccessProperties":      op(e.modifyWorkspaceAccessProperties),
		"ModifySamlProperties":                 op(e.modifySamlProperties),
		"ModifyCertificateBasedAuthProperties": op(e.modifyCertificateBasedAuthProperties),
		"ModifyStreamingProperties":            op(e.modifyStreamingProperties),
	}
}

// ownDirectory is the caller's directory id; one that another account
// registered is missing from the caller's point of view, as on AWS.
func (e *Emulator) ownDirectory(c *call, id string) (*wsDirectory, error) {
	d, ok := e.ws.directories[id]
	if !ok || d.owner != c.acct.ID {
		return nil, &types.ResourceNotFoundException{Message: ptr(fmt.Sprintf("The directory %s could not be found.", id)), ResourceId: ptr(id)}
	}
	return d, nil
}

func (e *Emulator) registerWorkspaceDirectory(c *call, in *workspaces.RegisterWorkspaceDirectoryInput) (any, error) {
	var v violations
	v.pattern("DirectoryId", in.DirectoryId, reWSDirectoryID)
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	if in.DirectoryId == nil && in.WorkspaceType != types.WorkspaceTypePools {
		return nil, &types.InvalidParameterValuesException{Message: ptr("DirectoryId is required unless WorkspaceType is POOLS.")}
	}
	if in.DirectoryId == nil {
		// A pools directory has no Directory Service id: WorkSpaces makes
		// one up (wsd-) from the name it is given.
		if in.WorkspaceDirectoryName == nil {
			return nil, &types.InvalidParameterValuesException{Message: ptr("WorkspaceDirectoryName is required to register a POOLS directory without a DirectoryId.")}
		}
		in.DirectoryId = ptr(newWSID("wsd-"))
	}
	id := *in.DirectoryId
	if d, ok := e.ws.directories[id]; ok {
		if d.owner != c.acct.ID {
			return nil, &types.ResourceNotFoundException{Message: ptr(fmt.Sprintf("The directory %s could not be found.", id)), ResourceId: ptr(id)}
		}
		return nil, &types.ResourceAlreadyExistsException{Message: ptr(fmt.Sprintf("The directory %s is already registered with WorkSpaces.", id))}
	}
	if err := checkTags(in.Tags); err != nil {
		return nil, err
	}
	subnets := in.SubnetIds
	if len(subnets) == 0 {
		subnets = []string{"subnet-0emu0000000000a01", "subnet-0emu0000000000b02"}
	}
	selfService := types.ReconnectEnumDisabled
	if deref(in.EnableSelfService) {
		selfService = types.ReconnectEnumEnabled
	}
	d := types.WorkspaceDirectory{
		DirectoryId:              ptr(id),
		Alias:                    ptr(id),
		DirectoryName:            ptr("corp.example.com"),
		RegistrationCode:         ptr(fmt.Sprintf("SLiad+%s", id[len(id)-6:])),
		SubnetIds:                subnets,
		DnsIpAddresses:           []string{"10.0.0.10", "10.0.1.10"},
		CustomerUserName:         ptr("Administrator"),
		IamRoleId:                ptr(fmt.Sprintf("arn:aws:iam::%s:role/workspaces_DefaultRole", c.acct.ID)),
		DirectoryType:            types.WorkspaceDirectoryTypeSimpleAd,
		WorkspaceSecurityGroupId: ptr("sg-0emu" + id[len(id)-6:]),
		State:                    types.WorkspaceDirectoryStateRegistering,
		WorkspaceCreationProperties: &types.DefaultWorkspaceCreationProperties{
			EnableInternetAccess: ptr(false), UserEnabledAsLocalAdministrator: ptr(true), EnableMaintenanceMode: ptr(true),
		},
		IpGroupIds: []string{},
		WorkspaceAccessProperties: &types.WorkspaceAccessProperties{
			DeviceTypeWindows: types.AccessPropertyValueAllow, DeviceTypeOsx: types.AccessPropertyValueAllow,
			DeviceTypeWeb: types.AccessPropertyValueDeny, DeviceTypeIos: types.AccessPropertyValueAllow,
			DeviceTypeAndroid: types.AccessPropertyValueAllow, DeviceTypeChromeOs: types.AccessPropertyValueAllow,
			DeviceTypeZeroClient: types.AccessPropertyValueAllow, DeviceTypeLinux: types.AccessPropertyValueDeny,
			DeviceTypeWorkSpacesThinClient: types.AccessPropertyValueDeny,
		},
		Tenancy: types.Tenancy(firstNonEmpty(string(in.Tenancy), string(types.TenancyShared))),
		// Restarting is the one self-service action AWS enables unasked.
		SelfservicePermissions: &types.SelfservicePermissions{
			RestartWorkspace: types.ReconnectEnumEnabled, IncreaseVolumeSize: selfService, ChangeComputeType: selfService,
			SwitchRunningMode: selfService, RebuildWorkspace: selfService,
		},
		SamlProperties:                 &types.SamlProperties{Status: types.SamlStatusEnumDisabled},
		CertificateBasedAuthProperties: &types.CertificateBasedAuthProperties{Status: types.CertificateBasedAuthStatusEnumDisabled},
		WorkspaceDirectoryName:         in.WorkspaceDirectoryName,
		WorkspaceDirectoryDescription:  in.WorkspaceDirectoryDescription,
		UserIdentityType:               types.UserIdentityType(firstNonEmpty(string(in.UserIdentityType), string(types.UserIdentityTypeAwsDirectoryService))),
		WorkspaceType:                  types.WorkspaceType(firstNonEmpty(string(in.WorkspaceType), string(types.WorkspaceTypePersonal))),
		MicrosoftEntraConfig:           in.MicrosoftEntraConfig,
		ActiveDirectoryConfig:          in.ActiveDirectoryConfig,
	}
	e.ws.directories[id] = &wsDirectory{owner: c.acct.ID, d: d, since: c.now}
	e.setTags(id, in.Tags)
	return &workspaces.RegisterWorkspaceDirectoryOutput{DirectoryId: ptr(id), State: d.State}, nil
}

func (e *Emulator) describeWorkspaceDirectories(c *call, in *workspaces.DescribeWorkspaceDirectoriesInput) (any, error) {
	var v violations
	if in.DirectoryIds != nil {
		v.count("DirectoryIds", len(in.DirectoryIds), 1, 25)
	}
	for i := range in.DirectoryIds {
		v.pattern(fmt.Sprintf("DirectoryIds.%d.member", i+1), &in.DirectoryIds[i], reWSDirectoryID)
	}
	v.between("Limit", in.Limit, 1, 25)
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	var list []types.WorkspaceDirectory
	for id, d := range e.ws.directories {
		if d.owner != c.acct.ID || (len(in.DirectoryIds) > 0 && !contains(in.DirectoryIds, id)) ||
			(len(in.WorkspaceDirectoryNames) > 0 && !contains(in.WorkspaceDirectoryNames, deref(d.d.WorkspaceDirectoryName))) ||
			!directoryMatches(d.d, in.Filters) {
			continue
		}
		list = append(list, d.d)
	}
	limit := int(deref(in.Limit))
	if limit == 0 {
		limit = defaultWorkspaceDirectoriesPage
	}
	page, next, err := paginate(e, list, func(d types.WorkspaceDirectory) string { return *d.DirectoryId }, in.NextToken, limit,
		scope(c, in.DirectoryIds, in.WorkspaceDirectoryNames, in.Filters))
	if err != nil {
		return nil, wsBadToken(err)
	}
	return &workspaces.DescribeWorkspaceDirectoriesOutput{Directories: page, NextToken: next}, nil
}

// directoryMatches applies DescribeWorkspaceDirectories' filters: every
// filter must match, each by any of its values.
func directoryMatches(d types.WorkspaceDirectory, filters []types.DescribeWorkspaceDirectoriesFilter) bool {
	for _, f := range filters {
		var have string
		switch f.Name {
		case types.DescribeWorkspaceDirectoriesFilterNameUserIdentityType:
			have = string(d.UserIdentityType)
		case types.DescribeWorkspaceDirectoriesFilterNameWorkspaceType:
			have = string(d.WorkspaceType)
		default:
			continue
		}
		if !contains(f.Values, have) {
			return false
		}
	}
	return true
}

func (e *Emulator) deregisterWorkspaceDirectory(c *call, in *workspaces.DeregisterWorkspaceDirectoryInput) (any, error) {
	var v violations
	v.pattern("DirectoryId", in.DirectoryId, reWSDirectoryID)
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	d, err := e.ownDirectory(c, *in.DirectoryId)
	if err != nil {
		return nil, err
	}
	if d.d.State != types.WorkspaceDirectoryStateRegistered {
		return nil, &types.InvalidResourceStateException{Message: ptr(fmt.Sprintf("The directory %s is %s; only a REGISTERED directory can be deregistered.", *in.DirectoryId, d.d.State))}
	}
	users := e.wsUsers(*in.DirectoryId, func(w *types.Workspace) *string { return w.DirectoryId },
		func(p *types.WorkspacesPool) *string { return p.DirectoryId })
	if len(users) > 0 {
		return nil, &types.InvalidResourceStateException{Message: ptr(fmt.Sprintf("The directory %s is in use by WorkSpaces or pools %v; terminate them before deregistering it.", *in.DirectoryId, users))}
	}
	d.d.State, d.since = types.WorkspaceDirectoryStateDeregistering, c.now
	return &workspaces.DeregisterWorkspaceDirectoryOutput{}, nil
}

// settableDirectory is the caller's directory for a Modify* call.
// Settings are replaced, never changed in place: outputs are encoded after
// the state lock is released, so a value once handed out stays as it was.
func (e *Emulator) settableDirectory(c *call, in any, id *string) (*wsDirectory, error) {
	return e.ownDirectory(c, *id)
}

func (e *Emulator) modifySelfservicePermissions(c *call, in *workspaces.ModifySelfservicePermissionsInput) (any, error) {
	d, err := e.settableDirectory(c, in, in.ResourceId)
	if err != nil {
		return nil, err
	}
	p, set := *d.d.SelfservicePermissions, in.SelfservicePermissions
	for _, f := range []struct {
		dst *types.ReconnectEnum
		src types.ReconnectEnum
	}{{&p.RestartWorkspace, set.RestartWorkspace}, {&p.IncreaseVolumeSize, set.IncreaseVolumeSize}, {&p.ChangeComputeType, set.ChangeComputeType},
		{&p.SwitchRunningMode, set.SwitchRunningMode}, {&p.RebuildWorkspace, set.RebuildWorkspace}} {
		if f.src != "" {
			*f.dst = f.src
		}
	}
	d.d.SelfservicePermissions = &p
	return &workspaces.ModifySelfservicePermissionsOutput{}, nil
}

func (e *Emulator) modifyWorkspaceCreationProperties(c *call, in *workspaces.ModifyWorkspaceCreationPropertiesInput) (any, error) {
	d, err := e.settableDirectory(c, in, in.ResourceId)
	if err != nil {
		return nil, err
	}
	p, set := *d.d.WorkspaceCreationProperties, in.WorkspaceCreationProperties
	if set.EnableInternetAccess != nil {
		p.EnableInternetAccess = set.EnableInternetAccess
	}
	if set.DefaultOu != nil {
		p.DefaultOu = set.DefaultOu
	}
	if set.CustomSecurityGroupId != nil {
		p.CustomSecurityGroupId = set.CustomSecurityGroupId
	}
	if set.UserEnabledAsLocalAdministrator != nil {
		p.UserEnabledAsLocalAdministrator = set.UserEnabledAsLocalAdministrator
	}
	if set.EnableMaintenanceMode != nil {
		p.EnableMaintenanceMode = set.EnableMaintenanceMode
	}
	if set.InstanceIamRoleArn != nil {
		p.InstanceIamRoleArn = set.InstanceIamRoleArn
	}
	d.d.WorkspaceCreationProperties = &p
	return &workspaces.ModifyWorkspaceCreationPropertiesOutput{}, nil
}

func (e *Emulator) modifyWorkspaceAccessProperties(c *call, in *workspaces.ModifyWorkspaceAccessPropertiesInput) (any, error) {
	d, err := e.settableDirectory(c, in, in.ResourceId)
	if err != nil {
		return nil, err
	}
	p, set := *d.d.WorkspaceAccessProperties, in.WorkspaceAccessProperties
	for _, f := range []struct {
		dst *types.AccessPropertyValue
		src types.AccessPropertyValue
	}{{&p.DeviceTypeWindows, set.DeviceTypeWindows}, {&p.DeviceTypeOsx, set.DeviceTypeOsx}, {&p.DeviceTypeWeb, set.DeviceTypeWeb},
		{&p.DeviceTypeIos, set.DeviceTypeIos}, {&p.DeviceTypeAndroid, set.DeviceTypeAndroid}, {&p.DeviceTypeChromeOs, set.DeviceTypeChromeOs},
		{&p.DeviceTypeZeroClient, set.DeviceTypeZeroClient}, {&p.DeviceTypeLinux, set.DeviceTypeLinux},
		{&p.DeviceTypeWorkSpacesThinClient, set.DeviceTypeWorkSpacesThinClient}} {
		if f.src != "" {
			*f.dst = f.src
		}
	}
	if set.AccessEndpointConfig != nil {
		p.AccessEndpointConfig = set.AccessEndpointConfig
	}
	d.d.WorkspaceAccessProperties = &p
	return &workspaces.ModifyWorkspaceAccessPropertiesOutput{}, nil
}

func (e *Emulator) modifySamlProperties(c *call, in *workspaces.ModifySamlPropertiesInput) (any, error) {
	d, err := e.settableDirectory(c, in, in.ResourceId)
	if err != nil {
		return nil, err
	}
	p := *d.d.SamlProperties
	if set := in.SamlProperties; set != nil {
		if set.Status != "" {
			p.Status = set.Status
		}
		if set.UserAccessUrl != nil {
			p.UserAccessUrl = set.UserAccessUrl
		}
		if set.RelayStateParameterName != nil {
			p.RelayStateParameterName = set.RelayStateParameterName
		}
	}
	for _, del := range in.PropertiesToDelete {
		switch del {
		case types.DeletableSamlPropertySamlPropertiesUserAccessUrl:
			p.UserAccessUrl = nil
		case types.DeletableSamlPropertySamlPropertiesRelayStateParameterName:
			p.RelayStateParameterName = nil
		}
	}
	d.d.SamlProperties = &p
	return &workspaces.ModifySamlPropertiesOutput{}, nil
}

func (e *Emulator) modifyCertificateBasedAuthProperties(c *call, in *workspaces.ModifyCertificateBasedAuthPropertiesInput) (any, error) {
	d, err := e.settableDirectory(c, in, in.ResourceId)
	if err != nil {
		return nil, err
	}
	p := *d.d.CertificateBasedAuthProperties
	if set := in.CertificateBasedAuthProperties; set != nil {
		if set.Status != "" {
			p.Status = set.Status
		}
		if set.CertificateAuthorityArn != nil {
			p.CertificateAuthorityArn = set.CertificateAuthorityArn
		}
	}
	for _, del := range in.PropertiesToDelete {
		if del == types.DeletableCertificateBasedAuthPropertyCertificateBasedAuthPropertiesCertificateAuthorityArn {
			p.CertificateAuthorityArn = nil
		}
	}
	d.d.CertificateBasedAuthProperties = &p
	return &workspaces.ModifyCertificateBasedAuthPropertiesOutput{}, nil
}

func (e *Emulator) modifyStreamingProperties(c *call, in *workspaces.ModifyStreamingPropertiesInput) (any, error) {
	d, err := e.settableDirectory(c, in, in.ResourceId)
	if err != nil {
		return nil, err
	}
	if in.StreamingProperties != nil {
		sp := *in.StreamingProperties
		d.d.StreamingProperties = &sp
	}
	return &workspaces.ModifyStreamingPropertiesOutput{}, nil
}
