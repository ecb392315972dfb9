package emulator

import (
	"fmt"
	"sort"
	"time"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/appstream/types"
)

// Fleets and stacks: the step after an image pipeline (put the image on a
// fleet, start it, attach a stack). A fleet is created STOPPED, as on AWS;
// StartFleet moves it through STARTING to RUNNING and StopFleet through
// STOPPING to STOPPED, each after the emulator's state delay, so the
// FleetStarted and FleetStopped waiters work against it.

type asFleet struct {
	owner string
	f     types.Fleet
	since time.Time
}

type asStack struct {
	owner  string
	s      types.Stack
	fleets map[string]bool // fleet names associated with the stack
}

// asFleetState holds the AppStream resources users stream from: fleets,
// stacks, users and user–stack associations.
type asFleetState struct {
	fleets     map[string]*asFleet     // owner "/" name
	stacks     map[string]*asStack     // owner "/" name
	users      map[string]*asUser      // userKey
	userStacks map[string]*asUserStack // userStackKey

	entitlements map[string]*asEntitlement // owner "/" stack "/" name
}

func (s *asFleetState) init() {
	s.fleets = map[string]*asFleet{}
	s.stacks = map[string]*asStack{}
	s.users = map[string]*asUser{}
	s.userStacks = map[string]*asUserStack{}
	s.entitlements = map[string]*asEntitlement{}
}

func (s *asFleetState) tick(now time.Time, delay time.Duration) {
	for _, f := range s.fleets {
		if now.Sub(f.since) < delay {
			continue
		}
		switch f.f.State {
		case types.FleetStateStarting:
			f.f.State, f.since = types.FleetStateRunning, now
			setCapacity(&f.f, true)
		case types.FleetStateStopping:
			f.f.State, f.since = types.FleetStateStopped, now
			setCapacity(&f.f, false)
		}
	}
}

// setCapacity reports the desired instances as running and available while
// the fleet runs; nobody streams from the emulator, so none is in use.
func setCapacity(f *types.Fleet, running bool) {
	c := f.ComputeCapacityStatus
	n := int32(0)
	if running {
		n = deref(c.Desired)
	}
	c.Running, c.Available, c.InUse = ptr(n), ptr(n), ptr(int32(0))
}

func (e *Emulator) fleetOps() map[string]handler {
	ops := e.userOps()
	for name, h := range e.entitlementOps() {
		ops[name] = h
	}
	for name, h := range map[string]handler{
		"CreateFleet":          op(e.createFleet),
		"DescribeFleets":       op(e.describeFleets),
		"StartFleet":           op(e.startFleet),
		"StopFleet":            op(e.stopFleet),
		"UpdateFleet":          op(e.updateFleet),
		"DeleteFleet":          op(e.deleteFleet),
		"CreateStack":          op(e.createStack),
		"DescribeStacks":       op(e.describeStacks),
		"UpdateStack":          op(e.updateStack),
		"DeleteStack":          op(e.deleteStack),
		"AssociateFleet":       op(e.associateFleet),
		"DisassociateFleet":    op(e.disassociateFleet),
		"ListAssociatedFleets": op(e.listAssociatedFleets),
		"ListAssociatedStacks": op(e.listAssociatedStacks),
	} {
		ops[name] = h
	}
	return ops
}

// fleetImage finds the image a fleet is to run and checks that the caller
// may put it on a fleet.
func (e *Emulator) fleetImage(c *call, name, arn *string) (types.Image, error) {
	if (name == nil) == (arn == nil) {
		return types.Image{}, &types.InvalidParameterCombinationException{Message: ptr("Specify either ImageName or ImageArn, but not both.")}
	}
	ref := deref(name) + deref(arn)
	_, img, ok := e.findImage(c.acct.ID, func(i types.Image) bool {
		if name != nil {
			return deref(i.Name) == *name
		}
		return deref(i.Arn) == *arn
	})
	if !ok {
		return img, asNotFound("The image %s does not exist.", ref)
	}
	if img.State != types.ImageStateAvailable {
		return img, &types.ResourceNotAvailableException{Message: ptr(fmt.Sprintf("The image %s is in state %s; it must be AVAILABLE.", ref, img.State))}
	}
	if img.Visibility == types.VisibilityTypeShared && !deref(img.ImagePermissions.AllowFleet) {
		return img, &types.OperationNotPermittedException{Message: ptr(fmt.Sprintf("The image %s is shared with account %s without permission to create fleets.", ref, c.acct.ID))}
	}
	return img, nil
}

func (e *Emulator) createFleet(c *call, in *appstream.CreateFleetInput) (any, error) {
	var v violations
	v.pattern("Name", in.Name, reASName)
	v.length("Description", in.Description, 0, 256)
	v.length("DisplayName", in.DisplayName, 0, 100)
	if err := asValidate(v); err != nil {
		return nil, err
	}
	k := key(c.acct.ID, *in.Name)
	if _, ok := e.asf.fleets[k]; ok {
		return nil, &types.ResourceAlreadyExistsException{Message: ptr(fmt.Sprintf("A fleet with name %s already exists.", *in.Name))}
	}
	img, err := e.fleetImage(c, in.ImageName, in.ImageArn)
	if err != nil {
		return nil, err
	}
	fleetType := in.FleetType
	if fleetType == "" {
		fleetType = types.FleetTypeOnDemand
	}
	desired := int32(1)
	if in.ComputeCapacity != nil && in.ComputeCapacity.DesiredInstances != nil {
		desired = *in.ComputeCapacity.DesiredInstances
	}
	f := types.Fleet{
		Arn:                            ptr(fmt.Sprintf("arn:aws:appstream:%s:%s:fleet/%s", e.region, c.acct.ID, *in.Name)),
		Name:                           in.Name,
		DisplayName:                    in.DisplayName,
		Description:                    in.Description,
		ImageName:                      img.Name,
		ImageArn:                       img.Arn,
		InstanceType:                   in.InstanceType,
		FleetType:                      fleetType,
		ComputeCapacityStatus:          &types.ComputeCapacityStatus{Desired: ptr(desired)},
		MaxUserDurationInSeconds:       ptr(firstNonZero(deref(in.MaxUserDurationInSeconds), 57600)),
		DisconnectTimeoutInSeconds:     ptr(firstNonZero(deref(in.DisconnectTimeoutInSeconds), 900)),
		IdleDisconnectTimeoutInSeconds: in.IdleDisconnectTimeoutInSeconds,
		State:                          types.FleetStateStopped,
		VpcConfig:                      in.VpcConfig,
		CreatedTime:                    ptr(c.now),
		EnableDefaultInternetAccess:    ptr(deref(in.EnableDefaultInternetAccess)),
		DomainJoinInfo:                 in.DomainJoinInfo,
		IamRoleArn:                     in.IamRoleArn,
		StreamView:                     types.StreamView(firstNonEmpty(string(in.StreamView), string(types.StreamViewApp))),
		Platform:                       img.Platform,
		MaxConcurrentSessions:          in.MaxConcurrentSessions,
		UsbDeviceFilterStrings:         in.UsbDeviceFilterStrings,
		SessionScriptS3Location:        in.SessionScriptS3Location,
		MaxSessionsPerInstance:         in.MaxSessionsPerInstance,
	}
	setCapacity(&f, false)
	e.asf.fleets[k] = &asFleet{owner: c.acct.ID, f: f, since: c.now}
	return &appstream.CreateFleetOutput{Fleet: &f}, nil
}

func firstNonZero(v, def int32) int32 {
	if v != 0 {
		return v
	}
	return def
}

func (e *Emulator) fleet(c *call, name *string) (*asFleet, error) {
	f, ok := e.asf.fleets[key(c.acct.ID, deref(name))]
	if !ok {
		return nil, asNotFound("The fleet %s does not exist.", deref(name))
	}
	return f, nil
}

func (e *Emulator) describeFleets(c *call, in *appstream.DescribeFleetsInput) (any, error) {
	var out []types.Fleet
	if len(in.Names) > 0 {
		for _, n := range in.Names {
			f, err := e.fleet(c, &n)
			if err != nil {
				return nil, err
			}
			out = append(out, f.f)
		}
		return &appstream.DescribeFleetsOutput{Fleets: out}, nil
	}
	for _, f := range e.asf.fleets {
		if f.owner == c.acct.ID {
			out = append(out, f.f)
		}
	}
	page, next, err := paginate(e, out, func(f types.Fleet) string { return deref(f.Name) }, in.NextToken, 0, scope(c))
	if err != nil {
		return nil, asBadToken(err)
	}
	return &appstream.DescribeFleetsOutput{Fleets: page, NextToken: next}, nil
}

func (e *Emulator) startFleet(c *call, in *appstream.StartFleetInput) (any, error) {
	if err := asRequired(in); err != nil {
		return nil, err
	}
	f, err := e.fleet(c, in.Name)
	if err != nil {
		return nil, err
	}
	switch f.f.State {
	case types.FleetStateRunning, types.FleetStateStarting:
		return &appstream.StartFleetOutput{}, nil
	case types.FleetStateStopping:
		return nil, &types.ConcurrentModificationException{Message: ptr(fmt.Sprintf("The fleet %s is stopping; start it once it is STOPPED.", *in.Name))}
	}
	f.f.State, f.since = types.FleetStateStarting, c.now
	return &appstream.StartFleetOutput{}, nil
}

func (e *Emulator) stopFleet(c *call, in *appstream.StopFleetInput) (any, error) {
	if err := asRequired(in); err != nil {
		return nil, err
	}
	f, err := e.fleet(c, in.Name)
	if err != nil {
		return nil, err
	}
	switch f.f.State {
	case types.FleetStateStopped, types.FleetStateStopping:
		return &appstream.StopFleetOutput{}, nil
	case types.FleetStateStarting:
		return nil, &types.ConcurrentModificationException{Message: ptr(fmt.Sprintf("The fleet %s is starting; stop it once it is RUNNING.", *in.Name))}
	}
	f.f.State, f.since = types.FleetStateStopping, c.now
	return &appstream.StopFleetOutput{}, nil
}

func (e *Emulator) updateFleet(c *call, in *appstream.UpdateFleetInput) (any, error) {
	var v violations
	v.length("Description", in.Description, 0, 256)
	v.length("DisplayName", in.DisplayName, 0, 100)
	if err := asValidate(v); err != nil {
		return nil, err
	}
	if in.Name == nil {
		// The model leaves Name optional (it once took a fleet ARN too);
		// without it there is no fleet to update.
		return nil, &types.InvalidParameterCombinationException{Message: ptr("Name is required to update a fleet.")}
	}
	f, err := e.fleet(c, in.Name)
	if err != nil {
		return nil, err
	}
	// AppStream takes an image change on a running fleet (new sessions get
	// it); other attributes need a stopped fleet, which the emulator does
	// not insist on.
	if in.ImageName != nil || in.ImageArn != nil {
		img, err := e.fleetImage(c, in.ImageName, in.ImageArn)
		if err != nil {
			return nil, err
		}
		f.f.ImageName, f.f.ImageArn, f.f.Platform = img.Name, img.Arn, img.Platform
	}
	if in.ComputeCapacity != nil && in.ComputeCapacity.DesiredInstances != nil {
		f.f.ComputeCapacityStatus.Desired = in.ComputeCapacity.DesiredInstances
		setCapacity(&f.f, f.f.State == types.FleetStateRunning)
	}
	if in.InstanceType != nil {
		f.f.InstanceType = in.InstanceType
	}
	if in.Description != nil {
		f.f.Description = in.Description
	}
	if in.DisplayName != nil {
		f.f.DisplayName = in.DisplayName
	}
	if in.MaxUserDurationInSeconds != nil {
		f.f.MaxUserDurationInSeconds = in.MaxUserDurationInSeconds
	}
	if in.DisconnectTimeoutInSeconds != nil {
		f.f.DisconnectTimeoutInSeconds = in.DisconnectTimeoutInSeconds
	}
	if in.VpcConfig != nil {
		f.f.VpcConfig = in.VpcConfig
	}
	//lint:ignore SA1019 the service still honours the deprecated member, so the emulator does too
	if deref(in.DeleteVpcConfig) {
		f.f.VpcConfig = nil
	}
	out := f.f
	return &appstream.UpdateFleetOutput{Fleet: &out}, nil
}

func (e *Emulator) deleteFleet(c *call, in *appstream.DeleteFleetInput) (any, error) {
	if err := asRequired(in); err != nil {
		return nil, err
	}
	f, err := e.fleet(c, in.Name)
	if err != nil {
		return nil, err
	}
	if f.f.State != types.FleetStateStopped {
		return nil, &types.ResourceInUseException{Message: ptr(fmt.Sprintf("The fleet %s is %s; stop it before deleting it.", *in.Name, f.f.State))}
	}
	for _, s := range e.asf.stacks {
		if s.owner == c.acct.ID && s.fleets[*in.Name] {
			return nil, &types.ResourceInUseException{Message: ptr(fmt.Sprintf("The fleet %s is associated with stack %s; disassociate it first.", *in.Name, deref(s.s.Name)))}
		}
	}
	delete(e.asf.fleets, key(c.acct.ID, *in.Name))
	return &appstream.DeleteFleetOutput{}, nil
}

func asRequired(in any) error {
	var v violations
	return asValidate(v)
}

func (e *Emulator) createStack(c *call, in *appstream.CreateStackInput) (any, error) {
	var v violations
	v.pattern("Name", in.Name, reASName)
	v.length("Description", in.Description, 0, 256)
	v.length("DisplayName", in.DisplayName, 0, 100)
	if err := asValidate(v); err != nil {
		return nil, err
	}
	k := key(c.acct.ID, *in.Name)
	if _, ok := e.asf.stacks[k]; ok {
		return nil, &types.ResourceAlreadyExistsException{Message: ptr(fmt.Sprintf("A stack with name %s already exists.", *in.Name))}
	}
	s := types.Stack{
		Arn:                         ptr(fmt.Sprintf("arn:aws:appstream:%s:%s:stack/%s", e.region, c.acct.ID, *in.Name)),
		Name:                        in.Name,
		Description:                 in.Description,
		DisplayName:                 in.DisplayName,
		CreatedTime:                 ptr(c.now),
		StorageConnectors:           in.StorageConnectors,
		RedirectURL:                 in.RedirectURL,
		FeedbackURL:                 in.FeedbackURL,
		UserSettings:                in.UserSettings,
		AccessEndpoints:             in.AccessEndpoints,
		EmbedHostDomains:            in.EmbedHostDomains,
		StreamingExperienceSettings: in.StreamingExperienceSettings,
	}
	if in.ApplicationSettings != nil {
		s.ApplicationSettings = &types.ApplicationSettingsResponse{Enabled: in.ApplicationSettings.Enabled, SettingsGroup: in.ApplicationSettings.SettingsGroup}
	}
	e.asf.stacks[k] = &asStack{owner: c.acct.ID, s: s, fleets: map[string]bool{}}
	return &appstream.CreateStackOutput{Stack: &s}, nil
}

func (e *Emulator) stack(c *call, name *string) (*asStack, error) {
	s, ok := e.asf.stacks[key(c.acct.ID, deref(name))]
	if !ok {
		return nil, asNotFound("The stack %s does not exist.", deref(name))
	}
	return s, nil
}

func (e *Emulator) describeStacks(c *call, in *appstream.DescribeStacksInput) (any, error) {
	var out []types.Stack
	if len(in.Names) > 0 {
		for _, n := range in.Names {
			s, err := e.stack(c, &n)
			if err != nil {
				return nil, err
			}
			out = append(out, s.s)
		}
		return &appstream.DescribeStacksOutput{Stacks: out}, nil
	}
	for _, s := range e.asf.stacks {
		if s.owner == c.acct.ID {
			out = append(out, s.s)
		}
	}
	page, next, err := paginate(e, out, func(s types.Stack) string { return deref(s.Name) }, in.NextToken, 0, scope(c))
	if err != nil {
		return nil, asBadToken(err)
	}
	return &appstream.DescribeStacksOutput{Stacks: page, NextToken: next}, nil
}

func (e *Emulator) updateStack(c *call, in *appstream.UpdateStackInput) (any, error) {
	if err := asRequired(in); err != nil {
		return nil, err
	}
	s, err := e.stack(c, in.Name)
	if err != nil {
		return nil, err
	}
	if in.Description != nil {
		s.s.Description = in.Description
	}
	if in.DisplayName != nil {
		s.s.DisplayName = in.DisplayName
	}
	if in.StorageConnectors != nil {
		s.s.StorageConnectors = in.StorageConnectors
	}
	if in.UserSettings != nil {
		s.s.UserSettings = in.UserSettings
	}
	if in.RedirectURL != nil {
		s.s.RedirectURL = in.RedirectURL
	}
	if in.FeedbackURL != nil {
		s.s.FeedbackURL = in.FeedbackURL
	}
	out := s.s
	return &appstream.UpdateStackOutput{Stack: &out}, nil
}

func (e *Emulator) deleteStack(c *call, in *appstream.DeleteStackInput) (any, error) {
	if err := asRequired(in); err != nil {
		return nil, err
	}
	s, err := e.stack(c, in.Name)
	if err != nil {
		return nil, err
	}
	if len(s.fleets) > 0 {
		return nil, &types.ResourceInUseException{Message: ptr(fmt.Sprintf("The stack %s has associated fleets; disassociate them first.", *in.Name))}
	}
	delete(e.asf.stacks, key(c.acct.ID, *in.Name))
	for k, en := range e.asf.entitlements {
		if en.owner == c.acct.ID && deref(en.e.StackName) == *in.Name {
			delete(e.asf.entitlements, k)
		}
	}
	// The stack's user associations go with it, as on AppStream.
	for k, a := range e.asf.userStacks {
		if a.owner == c.acct.ID && deref(a.a.StackName) == *in.Name {
			delete(e.asf.userStacks, k)
		}
	}
	return &appstream.DeleteStackOutput{}, nil
}

func (e *Emulator) associateFleet(c *call, in *appstream.AssociateFleetInput) (any, error) {
	if err := asRequired(in); err != nil {
		return nil, err
	}
	f, err := e.fleet(c, in.FleetName)
	if err != nil {
		return nil, err
	}
	s, err := e.stack(c, in.StackName)
	if err != nil {
		return nil, err
	}
	// A fleet serves one stack at a time on AppStream.
	for _, other := range e.asf.stacks {
		if other.owner == c.acct.ID && other != s && other.fleets[*in.FleetName] {
			return nil, &types.LimitExceededException{Message: ptr(fmt.Sprintf("The fleet %s is already associated with stack %s.", *in.FleetName, deref(other.s.Name)))}
		}
	}
	s.fleets[deref(f.f.Name)] = true
	return &appstream.AssociateFleetOutput{}, nil
}

func (e *Emulator) disassociateFleet(c *call, in *appstream.DisassociateFleetInput) (any, error) {
	if err := asRequired(in); err != nil {
		return nil, err
	}
	if _, err := e.fleet(c, in.FleetName); err != nil {
		return nil, err
	}
	s, err := e.stack(c, in.StackName)
	if err != nil {
		return nil, err
	}
	delete(s.fleets, *in.FleetName)
	return &appstream.DisassociateFleetOutput{}, nil
}

func (e *Emulator) listAssociatedFleets(c *call, in *appstream.ListAssociatedFleetsInput) (any, error) {
	if err := asRequired(in); err != nil {
		return nil, err
	}
	s, err := e.stack(c, in.StackName)
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(s.fleets))
	for n := range s.fleets {
		names = append(names, n)
	}
	sort.Strings(names)
	return &appstream.ListAssociatedFleetsOutput{Names: names}, nil
}

func (e *Emulator) listAssociatedStacks(c *call, in *appstream.ListAssociatedStacksInput) (any, error) {
	if err := asRequired(in); err != nil {
		return nil, err
	}
	if _, err := e.fleet(c, in.FleetName); err != nil {
		return nil, err
	}
	names := []string{}
	for _, s := range e.asf.stacks {
		if s.owner == c.acct.ID && s.fleets[*in.FleetName] {
			names = append(names, deref(s.s.Name))
		}
	}
	sort.Strings(names)
	return &appstream.ListAssociatedStacksOutput{Names: names}, nil
}
