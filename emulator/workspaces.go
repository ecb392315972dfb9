package emulator

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"regexp"
	"sort"
	"time"

	"github.com/eucsdk/eucsdk/workspaces"
	wsserver "github.com/eucsdk/eucsdk/workspaces/server"
	"github.com/eucsdk/eucsdk/workspaces/types"
)

// Patterns from the WorkSpaces model.
var (
	reWSImageID     = regexp.MustCompile(`^wsi-[0-9a-z]{9,63}$`)
	reWSWorkspaceID = regexp.MustCompile(`^ws-[0-9a-z]{8,63}$`)
	reWSImageName   = regexp.MustCompile(`^[a-zA-Z0-9_./()\\-]+$`)
	reWSImageDesc   = regexp.MustCompile(`^[a-zA-Z0-9_./() -]+$`)
	reWSAccount     = regexp.MustCompile(`^\d{12}$`)
	reWSRegion      = regexp.MustCompile(`^[-0-9a-z]{1,31}$`)
)

const defaultWorkspaceImagesPage = 25

type wsImage struct {
	owner  string
	img    types.WorkspaceImage
	since  time.Time
	shares map[string]bool
}

type workspacesState struct {
	images      map[string]*wsImage     // by image id
	workspaces  map[string]*wsWorkspace // by workspace id
	imports     map[string]*wsImport    // custom image imports, by image id
	directories map[string]*wsDirectory // by directory id
	bundles     map[string]*wsBundle    // custom and AMAZON bundles, by bundle id
	ipGroups    map[string]*wsIPGroup   // by group id
	pools       map[string]*wsPool      // by pool id
	// tags of every taggable resource, by resource id; a resource's
	// entry goes when the resource does.
	tags map[string]map[string]string
}

func (s *workspacesState) init() {
	s.images = map[string]*wsImage{}
	s.workspaces = map[string]*wsWorkspace{}
	s.imports = map[string]*wsImport{}
	s.directories = map[string]*wsDirectory{}
	s.bundles = map[string]*wsBundle{}
	s.ipGroups = map[string]*wsIPGroup{}
	s.pools = map[string]*wsPool{}
	s.tags = map[string]map[string]string{}
	s.seedPublicBundles()
}

func (s *workspacesState) tick(now time.Time, delay time.Duration) {
	s.tickImports(now, delay)
	s.tickDirectories(now, delay)
	s.tickWorkspaces(now, delay)
	s.tickPools(now, delay)
	for id, im := range s.images {
		if _, importing := s.imports[id]; importing {
			continue // an imported image becomes AVAILABLE with its import
		}
		if im.img.State == types.WorkspaceImageStatePending && now.Sub(im.since) >= delay {
			im.img.State, im.since = types.WorkspaceImageStateAvailable, now
		}
	}
}

func (e *Emulator) workspacesService() *service {
	return &service{
		name:         "WorkSpaces",
		targetPrefix: wsserver.ServiceTarget,
		signingName:  "workspaces",
		decode:       wsserver.DecodeRequest,
		encodeOutput: wsserver.EncodeOutput,
		encodeError:  wsserver.EncodeError,
		ops: mergeOps(e.wsDirectoryOps(), e.wsWorkspaceOps(), e.wsBundleOps(), e.wsIPGroupOps(), e.wsPoolOps(), map[string]handler{
			"DescribeWorkspaceImages":            op(e.describeWorkspaceImages),
			"DescribeWorkspaceImagePermissions":  op(e.describeWorkspaceImagePermissions),
			"UpdateWorkspaceImagePermission":     op(e.updateWorkspaceImagePermission),
			"CreateWorkspaceImage":               op(e.createWorkspaceImage),
			"CopyWorkspaceImage":                 op(e.copyWorkspaceImage),
			"DeleteWorkspaceImage":               op(e.deleteWorkspaceImage),
			"ImportCustomWorkspaceImage":         op(e.importCustomWorkspaceImage),
			"DescribeCustomWorkspaceImageImport": op(e.describeCustomWorkspaceImageImport),
		}),
	}
}

func mergeOps(tables ...map[string]handler) map[string]handler {
	out := map[string]handler{}
	for _, t := range tables {
		for name, h := range t {
			out[name] = h
		}
	}
	return out
}

// WorkSpaces models ValidationException, so constraint failures use it.
func wsValidate(v violations) error {
	if m := v.message(); m != "" {
		return &types.ValidationException{Message: ptr(m)}
	}
	return nil
}

func wsBadToken(err error) error {
	if err == errBadToken {
		return &types.InvalidParameterValuesException{Message: ptr("The specified NextToken is not valid.")}
	}
	return err
}

func newWorkspaceImageID() string {
	var b [5]byte
	_, _ = rand.Read(b[:])
	return "wsi-" + hex.EncodeToString(b[:])[:9]
}

// newWSID is a fresh id of the form AWS gives WorkSpaces resources:
// prefix and nine lower-case base-36 characters (ws-, wsb-, wsipg-, ...).
func newWSID(prefix string) string {
	const digits = "0123456789abcdefghijklmnopqrstuvwxyz"
	var b [9]byte
	_, _ = rand.Read(b[:])
	for i := range b {
		b[i] = digits[int(b[i])%len(digits)]
	}
	return prefix + string(b[:])
}

// SeedWorkspaceImage adds a WorkSpaces image owned by accountID, as if it
// had been imported or captured earlier. Unset fields get defaults: a new
// wsi- id, State AVAILABLE, Windows, DEFAULT tenancy and the current time.
func (e *Emulator) SeedWorkspaceImage(accountID string, img types.WorkspaceImage) (types.WorkspaceImage, error) {
	if img.Name == nil || !reWSImageName.MatchString(*img.Name) {
		return types.WorkspaceImage{}, fmt.Errorf("emulator: image name %q does not match %s", deref(img.Name), reWSImageName)
	}
	if img.ImageId == nil {
		img.ImageId = ptr(newWorkspaceImageID())
	}
	if !reWSImageID.MatchString(*img.ImageId) {
		return types.WorkspaceImage{}, fmt.Errorf("emulator: image id %q does not match %s", *img.ImageId, reWSImageID)
	}
	if img.State == "" {
		img.State = types.WorkspaceImageStateAvailable
	}
	if img.OperatingSystem == nil {
		img.OperatingSystem = &types.OperatingSystem{Type: types.OperatingSystemTypeWindows}
	}
	if img.RequiredTenancy == "" {
		img.RequiredTenancy = types.WorkspaceImageRequiredTenancyDefault
	}
	now := e.now()
	if img.Created == nil {
		img.Created = ptr(now)
	}
	img.OwnerAccountId = ptr(accountID)
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, ok := e.ws.images[*img.ImageId]; ok {
		return types.WorkspaceImage{}, fmt.Errorf("emulator: image %s already exists", *img.ImageId)
	}
	if e.wsNameTaken(accountID, *img.Name) {
		return types.WorkspaceImage{}, fmt.Errorf("emulator: account %s already has an image named %q", accountID, *img.Name)
	}
	e.ws.images[*img.ImageId] = &wsImage{owner: accountID, img: img, since: now, shares: map[string]bool{}}
	return img, nil
}

func (e *Emulator) wsNameTaken(owner, name string) bool {
	for _, im := range e.ws.images {
		if im.owner == owner && deref(im.img.Name) == name {
			return true
		}
	}
	return false
}

// visible reports whether account sees the image, and as OWNED or SHARED.
func (im *wsImage) visible(account string) (types.ImageType, bool) {
	if im.owner == account {
		return types.ImageTypeOwned, true
	}
	if im.shares[account] {
		return types.ImageTypeShared, true
	}
	return "", false
}

func (e *Emulator) describeWorkspaceImages(c *call, in *workspaces.DescribeWorkspaceImagesInput) (any, error) {
	var v violations
	if in.ImageIds != nil {
		v.count("ImageIds", len(in.ImageIds), 1, 25)
	}
	for i := range in.ImageIds {
		v.pattern(fmt.Sprintf("ImageIds.%d.member", i+1), &in.ImageIds[i], reWSImageID)
	}
	v.between("MaxResults", in.MaxResults, 1, 25)
	v.length("NextToken", in.NextToken, 1, 2048)
	if in.ImageType != "" && in.ImageType != types.ImageTypeOwned && in.ImageType != types.ImageTypeShared {
		v.add("Value '%s' at 'imageType' failed to satisfy constraint: Member must satisfy enum value set: [OWNED, SHARED]", in.ImageType)
	}
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	var list []types.WorkspaceImage
	for id, im := range e.ws.images {
		t, ok := im.visible(c.acct.ID)
		if !ok || (in.ImageType != "" && t != in.ImageType) || (len(in.ImageIds) > 0 && !contains(in.ImageIds, id)) {
			continue
		}
		list = append(list, im.img)
	}
	limit := int(deref(in.MaxResults))
	if limit == 0 {
		limit = defaultWorkspaceImagesPage
	}
	page, next, err := paginate(e, list, func(i types.WorkspaceImage) string { return *i.ImageId }, in.NextToken, limit, scope(c, in.ImageIds, in.ImageType))
	if err != nil {
		return nil, wsBadToken(err)
	}
	return &workspaces.DescribeWorkspaceImagesOutput{Images: page, NextToken: next}, nil
}

// ownWSImage is the image id that account owns. Images shared with it are
// reported as missing to operations only an owner may run, as on AWS.
func (e *Emulator) ownWSImage(c *call, id string) (*wsImage, error) {
	im, ok := e.ws.images[id]
	if !ok || im.owner != c.acct.ID {
		return nil, &types.ResourceNotFoundException{Message: ptr(fmt.Sprintf("The image %s could not be found.", id)), ResourceId: ptr(id)}
	}
	return im, nil
}

func (e *Emulator) describeWorkspaceImagePermissions(c *call, in *workspaces.DescribeWorkspaceImagePermissionsInput) (any, error) {
	var v violations
	v.pattern("ImageId", in.ImageId, reWSImageID)
	v.between("MaxResults", in.MaxResults, 1, 25)
	v.length("NextToken", in.NextToken, 1, 2048)
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	im, err := e.ownWSImage(c, *in.ImageId)
	if err != nil {
		return nil, err
	}
	var list []types.ImagePermission
	for acct := range im.shares {
		list = append(list, types.ImagePermission{SharedAccountId: ptr(acct)})
	}
	limit := int(deref(in.MaxResults))
	if limit == 0 {
		limit = defaultWorkspaceImagesPage
	}
	page, next, err := paginate(e, list, func(p types.ImagePermission) string { return *p.SharedAccountId }, in.NextToken, limit, scope(c, *in.ImageId))
	if err != nil {
		return nil, wsBadToken(err)
	}
	return &workspaces.DescribeWorkspaceImagePermissionsOutput{ImageId: in.ImageId, ImagePermissions: page, NextToken: next}, nil
}

func (e *Emulator) updateWorkspaceImagePermission(c *call, in *workspaces.UpdateWorkspaceImagePermissionInput) (any, error) {
	var v violations
	v.pattern("ImageId", in.ImageId, reWSImageID)
	v.pattern("SharedAccountId", in.SharedAccountId, reWSAccount)
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	im, err := e.ownWSImage(c, *in.ImageId)
	if err != nil {
		return nil, err
	}
	if *in.SharedAccountId == c.acct.ID {
		return nil, &types.InvalidParameterValuesException{Message: ptr("You cannot share an image with the account that owns it.")}
	}
	if im.img.State != types.WorkspaceImageStateAvailable {
		return nil, &types.ResourceUnavailableException{Message: ptr(fmt.Sprintf("The image %s is %s; only AVAILABLE images can be shared.", *in.ImageId, im.img.State)), ResourceId: in.ImageId}
	}
	if *in.AllowCopyImage {
		im.shares[*in.SharedAccountId] = true
	} else {
		delete(im.shares, *in.SharedAccountId)
	}
	return &workspaces.UpdateWorkspaceImagePermissionOutput{}, nil
}

func (e *Emulator) createWorkspaceImage(c *call, in *workspaces.CreateWorkspaceImageInput) (any, error) {
	var v violations
	v.length("Name", in.Name, 1, 64)
	v.pattern("Name", in.Name, reWSImageName)
	v.length("Description", in.Description, 1, 256)
	v.pattern("Description", in.Description, reWSImageDesc)
	v.pattern("WorkspaceId", in.WorkspaceId, reWSWorkspaceID)
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	ws, ok := e.ws.workspaces[*in.WorkspaceId]
	if !ok || ws.owner != c.acct.ID {
		return nil, &types.ResourceNotFoundException{Message: ptr(fmt.Sprintf("The WorkSpace %s could not be found.", *in.WorkspaceId)), ResourceId: in.WorkspaceId}
	}
	// AWS captures only a WorkSpace that is up or cleanly stopped.
	if st := ws.w.State; st != types.WorkspaceStateAvailable && st != types.WorkspaceStateStopped {
		return nil, &types.InvalidResourceStateException{Message: ptr(fmt.Sprintf("The WorkSpace %s is %s; it must be AVAILABLE or STOPPED to create an image.", *in.WorkspaceId, st))}
	}
	if e.wsNameTaken(c.acct.ID, *in.Name) {
		return nil, &types.ResourceAlreadyExistsException{Message: ptr(fmt.Sprintf("An image named %s already exists.", *in.Name))}
	}
	img := types.WorkspaceImage{
		ImageId:         ptr(newWorkspaceImageID()),
		Name:            in.Name,
		Description:     in.Description,
		OperatingSystem: &types.OperatingSystem{Type: ws.osType()},
		State:           types.WorkspaceImageStatePending,
		RequiredTenancy: types.WorkspaceImageRequiredTenancyDefault,
		Created:         ptr(c.now),
		OwnerAccountId:  ptr(c.acct.ID),
	}
	e.ws.images[*img.ImageId] = &wsImage{owner: c.acct.ID, img: img, since: c.now, shares: map[string]bool{}}
	return &workspaces.CreateWorkspaceImageOutput{
		ImageId: img.ImageId, Name: img.Name, Description: img.Description, OperatingSystem: img.OperatingSystem,
		State: img.State, RequiredTenancy: img.RequiredTenancy, Created: img.Created, OwnerAccountId: img.OwnerAccountId,
	}, nil
}

func (e *Emulator) copyWorkspaceImage(c *call, in *workspaces.CopyWorkspaceImageInput) (any, error) {
	var v violations
	v.length("Name", in.Name, 1, 64)
	v.pattern("Name", in.Name, reWSImageName)
	v.length("Description", in.Description, 1, 256)
	v.pattern("Description", in.Description, reWSImageDesc)
	v.pattern("SourceImageId", in.SourceImageId, reWSImageID)
	v.length("SourceRegion", in.SourceRegion, 1, 31)
	v.pattern("SourceRegion", in.SourceRegion, reWSRegion)
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	src, ok := e.ws.images[*in.SourceImageId]
	if ok {
		_, ok = src.visible(c.acct.ID)
	}
	// The emulator serves one region, so images "in" any other are missing.
	if !ok || *in.SourceRegion != e.region {
		return nil, &types.ResourceNotFoundException{Message: ptr(fmt.Sprintf("The image %s could not be found in %s.", *in.SourceImageId, *in.SourceRegion)), ResourceId: in.SourceImageId}
	}
	if src.img.State != types.WorkspaceImageStateAvailable {
		return nil, &types.ResourceUnavailableException{Message: ptr(fmt.Sprintf("The image %s is %s; only AVAILABLE images can be copied.", *in.SourceImageId, src.img.State)), ResourceId: in.SourceImageId}
	}
	if e.wsNameTaken(c.acct.ID, *in.Name) {
		return nil, &types.ResourceAlreadyExistsException{Message: ptr(fmt.Sprintf("An image named %s already exists.", *in.Name))}
	}
	img := src.img
	img.ImageId = ptr(newWorkspaceImageID())
	img.Name = in.Name
	img.Description = in.Description
	if img.Description == nil {
		img.Description = src.img.Description
	}
	img.State = types.WorkspaceImageStatePending
	img.Created = ptr(c.now)
	img.OwnerAccountId = ptr(c.acct.ID)
	img.Updates = nil
	e.ws.images[*img.ImageId] = &wsImage{owner: c.acct.ID, img: img, since: c.now, shares: map[string]bool{}}
	return &workspaces.CopyWorkspaceImageOutput{ImageId: img.ImageId}, nil
}

func (e *Emulator) deleteWorkspaceImage(c *call, in *workspaces.DeleteWorkspaceImageInput) (any, error) {
	var v violations
	v.pattern("ImageId", in.ImageId, reWSImageID)
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	im, ok := e.ws.images[*in.ImageId]
	if !ok {
		// The model gives DeleteWorkspaceImage no ResourceNotFoundException:
		// deleting an image that is already gone succeeds.
		return &workspaces.DeleteWorkspaceImageOutput{}, nil
	}
	if im.owner != c.acct.ID {
		return nil, &types.AccessDeniedException{Message: ptr(fmt.Sprintf("Account %s does not own image %s.", c.acct.ID, *in.ImageId))}
	}
	if len(im.shares) > 0 {
		shared := make([]string, 0, len(im.shares))
		for a := range im.shares {
			shared = append(shared, a)
		}
		sort.Strings(shared)
		return nil, &types.ResourceAssociatedException{Message: ptr(fmt.Sprintf("The image %s is shared with %v; unshare it before deleting it.", *in.ImageId, shared))}
	}
	for _, b := range e.ws.bundles {
		if deref(b.b.ImageId) == *in.ImageId {
			return nil, &types.ResourceAssociatedException{Message: ptr(fmt.Sprintf("The image %s is used by bundle %s; delete the bundle before deleting the image.", *in.ImageId, deref(b.b.BundleId)))}
		}
	}
	if im.img.State == types.WorkspaceImageStatePending {
		return nil, &types.InvalidResourceStateException{Message: ptr(fmt.Sprintf("The image %s is PENDING and cannot be deleted yet.", *in.ImageId))}
	}
	delete(e.ws.images, *in.ImageId)
	delete(e.ws.tags, *in.ImageId)
	return &workspaces.DeleteWorkspaceImageOutput{}, nil
}
