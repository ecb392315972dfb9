package emulator

import (
	"fmt"
	"regexp"
	"time"

	"github.com/eucsdk/eucsdk/workspaces"
	"github.com/eucsdk/eucsdk/workspaces/types"
)

// Bundles: every emulator offers a few public bundles owned by AMAZON, as
// every AWS region does, so CreateWorkspaces works without seeding. An
// account makes its own bundles from images it owns or that are shared
// with it; a bundle a WorkSpace runs on cannot be deleted.

// Ids of the public bundles every emulator offers.
const (
	// PublicBundleStandardWindows is "Standard with Windows 10 (Server 2022 based)".
	PublicBundleStandardWindows = "wsb-0emustd01"
	// PublicBundlePerformanceWindows is "Performance with Windows 10 (Server 2022 based)".
	PublicBundlePerformanceWindows = "wsb-0emuperf2"
	// PublicBundleValueLinux is "Value with Amazon Linux 2".
	PublicBundleValueLinux = "wsb-0emuval03"
	// PublicBundlePowerUbuntu is "Power with Ubuntu 22.04".
	PublicBundlePowerUbuntu = "wsb-0emupow04"
)

// bundleOwnerAmazon is the Owner of public bundles.
const bundleOwnerAmazon = "AMAZON"

const defaultWorkspaceBundlesPage = 25

var (
	reWSBundleID   = regexp.MustCompile(`^wsb-[0-9a-z]{8,63}$`)
	reWSBundleName = regexp.MustCompile(`^[a-zA-Z0-9_./()\\-]+$`)
	reWSBundleDesc = regexp.MustCompile(`^[a-zA-Z0-9_./() -]+$`)
)

type wsBundle struct {
	owner string // account id, or AMAZON
	b     types.WorkspaceBundle
	os    types.OperatingSystemType
}

// publicBundleEpoch is when the public bundles say they were made: fixed,
// so answers do not depend on when the emulator started.
var publicBundleEpoch = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)

func (s *workspacesState) seedPublicBundles() {
	for _, p := range []struct {
		id, name, desc, image, root, user string
		compute                           types.Compute
		os                                types.OperatingSystemType
	}{
		{PublicBundleStandardWindows, "Standard with Windows 10 (Server 2022 based)", "Standard with Windows 10 Experience (Server 2022 based)", "wsi-0emupub01", "80", "50", types.ComputeStandard, types.OperatingSystemTypeWindows},
		{PublicBundlePerformanceWindows, "Performance with Windows 10 (Server 2022 based)", "Performance with Windows 10 Experience (Server 2022 based)", "wsi-0emupub01", "80", "100", types.ComputePerformance, types.OperatingSystemTypeWindows},
		{PublicBundleValueLinux, "Value with Amazon Linux 2", "Value with Amazon Linux 2", "wsi-0emupub02", "80", "10", types.ComputeValue, types.OperatingSystemTypeLinux},
		{PublicBundlePowerUbuntu, "Power with Ubuntu 22.04", "Power with Ubuntu 22.04", "wsi-0emupub03", "175", "100", types.ComputePower, types.OperatingSystemTypeLinux},
	} {
		s.bundles[p.id] = &wsBundle{owner: bundleOwnerAmazon, os: p.os, b: types.WorkspaceBundle{
			BundleId: ptr(p.id), Name: ptr(p.name), Owner: ptr(bundleOwnerAmazon), Description: ptr(p.desc), ImageId: ptr(p.image),
			RootStorage: &types.RootStorage{Capacity: ptr(p.root)}, UserStorage: &types.UserStorage{Capacity: ptr(p.user)},
			ComputeType: &types.ComputeType{Name: p.compute}, LastUpdatedTime: ptr(publicBundleEpoch), CreationTime: ptr(publicBundleEpoch),
			State: types.WorkspaceBundleStateAvailable, BundleType: types.BundleTypeRegular,
		}}
	}
}

func (e *Emulator) wsBundleOps() map[string]handler {
	return map[string]handler{
		"DescribeWorkspaceBundles": op(e.describeWorkspaceBundles),
		"CreateWorkspaceBundle":    op(e.createWorkspaceBundle),
		"UpdateWorkspaceBundle":    op(e.updateWorkspaceBundle),
		"DeleteWorkspaceBundle":    op(e.deleteWorkspaceBundle),
	}
}

// visibleBundle is a bundle the caller may launch WorkSpaces from: a
// public one or one of its own.
func (e *Emulator) visibleBundle(c *call, id string) (*wsBundle, bool) {
	b, ok := e.ws.bundles[id]
	if !ok || (b.owner != bundleOwnerAmazon && b.owner != c.acct.ID) {
		return nil, false
	}
	return b, true
}

// ownBundle is a bundle the caller may change: AMAZON's are visible but
// not the caller's to change.
func (e *Emulator) ownBundle(c *call, id string) (*wsBundle, error) {
	b, ok := e.visibleBundle(c, id)
	if !ok {
		return nil, &types.ResourceNotFoundException{Message: ptr(fmt.Sprintf("The bundle %s could not be found.", id)), ResourceId: ptr(id)}
	}
	if b.owner == bundleOwnerAmazon {
		return nil, &types.AccessDeniedException{Message: ptr(fmt.Sprintf("The bundle %s is owned by AMAZON and cannot be changed.", id))}
	}
	return b, nil
}

// bundleImage is the image a bundle is to use: the caller's own or one
// shared with it, and AVAILABLE.
func (e *Emulator) bundleImage(c *call, id string) (*wsImage, error) {
	im, ok := e.ws.images[id]
	if ok {
		_, ok = im.visible(c.acct.ID)
	}
	if !ok {
		return nil, &types.ResourceNotFoundException{Message: ptr(fmt.Sprintf("The image %s could not be found.", id)), ResourceId: ptr(id)}
	}
	if im.img.State != types.WorkspaceImageStateAvailable {
		return nil, &types.ResourceUnavailableException{Message: ptr(fmt.Sprintf("The image %s is %s; a bundle needs an AVAILABLE image.", id, im.img.State)), ResourceId: ptr(id)}
	}
	return im, nil
}

func (e *Emulator) describeWorkspaceBundles(c *call, in *workspaces.DescribeWorkspaceBundlesInput) (any, error) {
	var v violations
	if in.BundleIds != nil {
		v.count("BundleIds", len(in.BundleIds), 1, 25)
	}
	for i := range in.BundleIds {
		v.pattern(fmt.Sprintf("BundleIds.%d.member", i+1), &in.BundleIds[i], reWSBundleID)
	}
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	if len(in.BundleIds) > 0 && in.Owner != nil {
		return nil, &types.InvalidParameterValuesException{Message: ptr("BundleIds and Owner cannot be combined.")}
	}
	// No Owner means the caller's own bundles; AMAZON means the public ones.
	owner := firstNonEmpty(deref(in.Owner), c.acct.ID)
	var list []types.WorkspaceBundle
	for id, b := range e.ws.bundles {
		if len(in.BundleIds) > 0 {
			if _, ok := e.visibleBundle(c, id); !ok || !contains(in.BundleIds, id) {
				continue
			}
		} else if b.owner != owner || (owner != bundleOwnerAmazon && owner != c.acct.ID) {
			continue
		}
		list = append(list, b.b)
	}
	page, next, err := paginate(e, list, func(b types.WorkspaceBundle) string { return *b.BundleId }, in.NextToken, defaultWorkspaceBundlesPage,
		scope(c, in.BundleIds, in.Owner))
	if err != nil {
		return nil, wsBadToken(err)
	}
	return &workspaces.DescribeWorkspaceBundlesOutput{Bundles: page, NextToken: next}, nil
}

func (e *Emulator) createWorkspaceBundle(c *call, in *workspaces.CreateWorkspaceBundleInput) (any, error) {
	var v violations
	v.length("BundleName", in.BundleName, 1, 64)
	v.pattern("BundleName", in.BundleName, reWSBundleName)
	v.length("BundleDescription", in.BundleDescription, 1, 255)
	v.pattern("BundleDescription", in.BundleDescription, reWSBundleDesc)
	v.pattern("ImageId", in.ImageId, reWSImageID)
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	for _, b := range e.ws.bundles {
		if b.owner == c.acct.ID && deref(b.b.Name) == *in.BundleName {
			return nil, &types.ResourceAlreadyExistsException{Message: ptr(fmt.Sprintf("A bundle named %s already exists.", *in.BundleName))}
		}
	}
	im, err := e.bundleImage(c, *in.ImageId)
	if err != nil {
		return nil, err
	}
	if err := checkTags(in.Tags); err != nil {
		return nil, err
	}
	root := in.RootStorage
	if root == nil {
		root = &types.RootStorage{Capacity: ptr("80")}
	}
	b := types.WorkspaceBundle{
		BundleId: ptr(newWSID("wsb-")), Name: in.BundleName, Owner: ptr(c.acct.ID), Description: in.BundleDescription,
		ImageId: in.ImageId, RootStorage: root, UserStorage: in.UserStorage, ComputeType: in.ComputeType,
		LastUpdatedTime: ptr(c.now), CreationTime: ptr(c.now), State: types.WorkspaceBundleStateAvailable, BundleType: types.BundleTypeRegular,
	}
	osType := types.OperatingSystemTypeWindows
	if im.img.OperatingSystem != nil && im.img.OperatingSystem.Type != "" {
		osType = im.img.OperatingSystem.Type
	}
	e.ws.bundles[*b.BundleId] = &wsBundle{owner: c.acct.ID, b: b, os: osType}
	e.setTags(*b.BundleId, in.Tags)
	return &workspaces.CreateWorkspaceBundleOutput{WorkspaceBundle: &b}, nil
}

func (e *Emulator) updateWorkspaceBundle(c *call, in *workspaces.UpdateWorkspaceBundleInput) (any, error) {
	var v violations
	v.pattern("BundleId", in.BundleId, reWSBundleID)
	v.pattern("ImageId", in.ImageId, reWSImageID)
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	if in.BundleId == nil || in.ImageId == nil {
		return nil, &types.InvalidParameterValuesException{Message: ptr("UpdateWorkspaceBundle needs both BundleId and ImageId.")}
	}
	b, err := e.ownBundle(c, *in.BundleId)
	if err != nil {
		return nil, err
	}
	if _, err := e.bundleImage(c, *in.ImageId); err != nil {
		return nil, err
	}
	// WorkSpaces launched from the bundle keep their image; only new
	// launches and rebuilds use the new one, as on AWS.
	b.b.ImageId, b.b.LastUpdatedTime = in.ImageId, ptr(c.now)
	return &workspaces.UpdateWorkspaceBundleOutput{}, nil
}

func (e *Emulator) deleteWorkspaceBundle(c *call, in *workspaces.DeleteWorkspaceBundleInput) (any, error) {
	var v violations
	v.pattern("BundleId", in.BundleId, reWSBundleID)
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	if in.BundleId == nil {
		return nil, &types.InvalidParameterValuesException{Message: ptr("BundleId is required.")}
	}
	if _, err := e.ownBundle(c, *in.BundleId); err != nil {
		return nil, err
	}
	users := e.wsUsers(*in.BundleId, func(w *types.Workspace) *string { return w.BundleId },
		func(p *types.WorkspacesPool) *string { return p.BundleId })
	if len(users) > 0 {
		return nil, &types.ResourceAssociatedException{Message: ptr(fmt.Sprintf("The bundle %s is used by WorkSpaces or pools %v.", *in.BundleId, users))}
	}
	delete(e.ws.bundles, *in.BundleId)
	delete(e.ws.tags, *in.BundleId)
	return &workspaces.DeleteWorkspaceBundleOutput{}, nil
}
