package emulator

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/eucsdk/eucsdk/appstream"
	asserver "github.com/eucsdk/eucsdk/appstream/server"
	"github.com/eucsdk/eucsdk/appstream/types"
)

// Patterns and limits from the AppStream model; the emulator enforces them
// because AWS rejects a request that breaks them before it runs.
var (
	reASName      = regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$`)
	reASAccountID = regexp.MustCompile(`^\d+$`)
)

const (
	maxImageShares          = 100 // per image, as AppStream's quota
	defaultDescribeImages   = 25
	defaultDescribeBuilders = 25
	defaultImagePermissions = 500
)

type asImage struct {
	owner  string // "" for AWS-owned public images
	img    types.Image
	since  time.Time
	shares map[string]types.ImagePermissions
}

type asBuilder struct {
	owner string
	b     types.ImageBuilder
	since time.Time
}

type appstreamState struct {
	images   map[string]*asImage      // owner "/" name
	builders map[string]*asBuilder    // owner "/" name
	exports  map[string]*asExportTask // by task id
}

func (s *appstreamState) init() {
	s.images = map[string]*asImage{}
	s.builders = map[string]*asBuilder{}
	s.exports = map[string]*asExportTask{}
}

func (s *appstreamState) tick(now time.Time, delay time.Duration) {
	for k, b := range s.builders {
		if now.Sub(b.since) < delay {
			continue
		}
		switch b.b.State {
		case types.ImageBuilderStatePending:
			b.b.State, b.since = types.ImageBuilderStateRunning, now
		case types.ImageBuilderStateStopping:
			b.b.State, b.since = types.ImageBuilderStateStopped, now
		case types.ImageBuilderStateDeleting:
			delete(s.builders, k)
		}
	}
	for k, im := range s.images {
		if now.Sub(im.since) < delay {
			continue
		}
		switch im.img.State {
		case types.ImageStatePending, types.ImageStateCreating, types.ImageStateCopying, types.ImageStateImporting:
			im.img.State, im.since = types.ImageStateAvailable, now
		case types.ImageStateDeleting:
			delete(s.images, k)
		}
	}
	s.tickImageTasks(now, delay)
}

// view is the image as account sees it: owners see whether they share it,
// an account it is shared with sees Visibility SHARED and its permissions,
// everyone sees public images, and nobody else sees it at all.
func (im *asImage) view(account string) (types.Image, bool) {
	v := im.img
	switch {
	case im.owner == account && account != "":
		if v.Visibility != types.VisibilityTypePublic {
			v.ImageSharedWithOthers = types.ImageSharedWithOthersFalse
			if len(im.shares) > 0 {
				v.ImageSharedWithOthers = types.ImageSharedWithOthersTrue
			}
		}
		return v, true
	case v.Visibility == types.VisibilityTypePublic:
		return v, true
	}
	if p, ok := im.shares[account]; ok {
		v.Visibility = types.VisibilityTypeShared
		v.ImagePermissions = &types.ImagePermissions{AllowFleet: ptr(deref(p.AllowFleet)), AllowImageBuilder: ptr(deref(p.AllowImageBuilder))}
		return v, true
	}
	return v, false
}

func (e *Emulator) appstreamService() *service {
	svc := &service{
		name:         "AppStream",
		targetPrefix: asserver.ServiceTarget,
		signingName:  "appstream",
		decode:       asserver.DecodeRequest,
		encodeOutput: asserver.EncodeOutput,
		encodeError:  asserver.EncodeError,
		ops: map[string]handler{
			"CreateImageBuilder":             op(e.createImageBuilder),
			"DescribeImageBuilders":          op(e.describeImageBuilders),
			"StartImageBuilder":              op(e.startImageBuilder),
			"StopImageBuilder":               op(e.stopImageBuilder),
			"DeleteImageBuilder":             op(e.deleteImageBuilder),
			"CreateImageBuilderStreamingURL": op(e.createImageBuilderStreamingURL),
			"DescribeImages":                 op(e.describeImages),
			"DeleteImage":                    op(e.deleteImage),
			"DescribeImagePermissions":       op(e.describeImagePermissions),
			"UpdateImagePermissions":         op(e.updateImagePermissions),
			"DeleteImagePermissions":         op(e.deleteImagePermissions),
			"CreateImportedImage":            op(e.createImportedImage),
			"CreateExportImageTask":          op(e.createExportImageTask),
			"GetExportImageTask":             op(e.getExportImageTask),
			"ListExportImageTasks":           op(e.listExportImageTasks),
		},
	}
	for name, h := range e.fleetOps() {
		svc.ops[name] = h
	}
	return svc
}

// AppStream does not model ValidationException; AWS sends it from its
// front end anyway, so it is an unmodeled error here too.
func asValidate(v violations) error {
	if m := v.message(); m != "" {
		return errorf(400, "ValidationException", "%s", m)
	}
	return nil
}

func asNotFound(format string, args ...any) error {
	return &types.ResourceNotFoundException{Message: ptr(fmt.Sprintf(format, args...))}
}

func asBadToken(err error) error {
	if err == errBadToken {
		return &types.InvalidParameterCombinationException{Message: ptr("The NextToken is not valid for this request.")}
	}
	return err
}

func key(owner, name string) string { return owner + "/" + name }

func (e *Emulator) imageArn(owner, name string) string {
	return fmt.Sprintf("arn:aws:appstream:%s:%s:image/%s", e.region, owner, name)
}

func (e *Emulator) seedBaseImages() {
	_, _ = e.SeedImage("", types.Image{
		Name:        ptr(BaseImageName),
		DisplayName: ptr("Windows Server 2022 Base Image 01-13-2025"),
		Description: ptr("AppStream 2.0 base image for Windows Server 2022"),
		Platform:    types.PlatformTypeWindowsServer2022,
		Visibility:  types.VisibilityTypePublic,
	})
}

// SeedImage adds an image owned by accountID, as if an image builder had
// produced it, because the API has no call that creates one directly. Unset
// fields get AWS's defaults: State AVAILABLE, Visibility PRIVATE, a
// Windows Server 2022 platform, an ARN and the current time. Visibility
// PUBLIC (or an empty accountID) makes an AWS-owned image every account sees.
func (e *Emulator) SeedImage(accountID string, img types.Image) (types.Image, error) {
	if img.Name == nil || !reASName.MatchString(*img.Name) {
		return types.Image{}, fmt.Errorf("emulator: image name %q does not match %s", deref(img.Name), reASName)
	}
	if accountID == "" || img.Visibility == types.VisibilityTypePublic {
		accountID, img.Visibility = "", types.VisibilityTypePublic
	}
	if img.Visibility == "" {
		img.Visibility = types.VisibilityTypePrivate
	}
	if img.State == "" {
		img.State = types.ImageStateAvailable
	}
	if img.Platform == "" {
		img.Platform = types.PlatformTypeWindowsServer2022
	}
	if img.Arn == nil {
		img.Arn = ptr(e.imageArn(accountID, *img.Name))
	}
	if img.ImageBuilderSupported == nil {
		img.ImageBuilderSupported = ptr(true)
	}
	if img.AppstreamAgentVersion == nil {
		img.AppstreamAgentVersion = ptr("LATEST")
	}
	now := e.now()
	if img.CreatedTime == nil {
		img.CreatedTime = ptr(now)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	k := key(accountID, *img.Name)
	if _, ok := e.as.images[k]; ok {
		return types.Image{}, fmt.Errorf("emulator: account %q already has an image named %q", accountID, *img.Name)
	}
	e.as.images[k] = &asImage{owner: accountID, img: img, since: now, shares: map[string]types.ImagePermissions{}}
	v, _ := e.as.images[k].view(accountID)
	return v, nil
}

// findImage returns the image a name or ARN refers to for account: its
// own first, then one shared with it, then a public one.
func (e *Emulator) findImage(account string, match func(types.Image) bool) (*asImage, types.Image, bool) {
	var best *asImage
	var bestView types.Image
	rank := 0
	for _, im := range e.as.images {
		v, ok := im.view(account)
		if !ok || !match(v) {
			continue
		}
		r := 1
		switch v.Visibility {
		case types.VisibilityTypeShared:
			r = 2
		case types.VisibilityTypePrivate:
			r = 3
		}
		if im.owner == account {
			r = 3
		}
		if r > rank {
			best, bestView, rank = im, v, r
		}
	}
	return best, bestView, best != nil
}

func (e *Emulator) createImageBuilder(c *call, in *appstream.CreateImageBuilderInput) (any, error) {
	var v violations
	v.pattern("Name", in.Name, reASName)
	v.length("InstanceType", in.InstanceType, 1, 0)
	v.length("ImageName", in.ImageName, 1, 0)
	v.length("Description", in.Description, 0, 256)
	v.length("DisplayName", in.DisplayName, 0, 100)
	if err := asValidate(v); err != nil {
		return nil, err
	}
	if (in.ImageName == nil) == (in.ImageArn == nil) {
		return nil, &types.InvalidParameterCombinationException{Message: ptr("Specify either ImageName or ImageArn, but not both.")}
	}
	k := key(c.acct.ID, *in.Name)
	if _, ok := e.as.builders[k]; ok {
		return nil, &types.ResourceAlreadyExistsException{Message: ptr(fmt.Sprintf("An image builder with name %s already exists.", *in.Name))}
	}
	ref := deref(in.ImageName) + deref(in.ImageArn)
	_, img, ok := e.findImage(c.acct.ID, func(i types.Image) bool {
		if in.ImageName != nil {
			return deref(i.Name) == *in.ImageName
		}
		return deref(i.Arn) == *in.ImageArn
	})
	if !ok {
		return nil, asNotFound("The image %s does not exist.", ref)
	}
	if img.State != types.ImageStateAvailable {
		return nil, &types.ResourceNotAvailableException{Message: ptr(fmt.Sprintf("The image %s is in state %s; it must be AVAILABLE.", ref, img.State))}
	}
	if img.Visibility == types.VisibilityTypeShared && !deref(img.ImagePermissions.AllowImageBuilder) {
		return nil, &types.OperationNotPermittedException{Message: ptr(fmt.Sprintf("The image %s is shared with account %s without permission to create image builders.", ref, c.acct.ID))}
	}
	b := types.ImageBuilder{
		Name:                        in.Name,
		Arn:                         ptr(fmt.Sprintf("arn:aws:appstream:%s:%s:image-builder/%s", e.region, c.acct.ID, *in.Name)),
		ImageArn:                    img.Arn,
		Description:                 in.Description,
		DisplayName:                 in.DisplayName,
		VpcConfig:                   in.VpcConfig,
		InstanceType:                in.InstanceType,
		Platform:                    img.Platform,
		IamRoleArn:                  in.IamRoleArn,
		State:                       types.ImageBuilderStatePending,
		CreatedTime:                 ptr(c.now),
		EnableDefaultInternetAccess: ptr(deref(in.EnableDefaultInternetAccess)),
		DomainJoinInfo:              in.DomainJoinInfo,
		AppstreamAgentVersion:       ptr(firstNonEmpty(deref(in.AppstreamAgentVersion), "LATEST")),
		AccessEndpoints:             in.AccessEndpoints,
	}
	e.as.builders[k] = &asBuilder{owner: c.acct.ID, b: b, since: c.now}
	return &appstream.CreateImageBuilderOutput{ImageBuilder: &b}, nil
}

func (e *Emulator) builder(c *call, name *string) (*asBuilder, error) {
	b, ok := e.as.builders[key(c.acct.ID, deref(name))]
	if !ok {
		return nil, asNotFound("Image builder %s not found", deref(name))
	}
	return b, nil
}

func (e *Emulator) describeImageBuilders(c *call, in *appstream.DescribeImageBuildersInput) (any, error) {
	var v violations
	v.length("NextToken", in.NextToken, 1, 0)
	if err := asValidate(v); err != nil {
		return nil, err
	}
	var list []types.ImageBuilder
	if len(in.Names) > 0 {
		for _, n := range in.Names {
			b, err := e.builder(c, &n)
			if err != nil {
				return nil, err
			}
			list = append(list, b.b)
		}
	} else {
		for _, b := range e.as.builders {
			if b.owner == c.acct.ID {
				list = append(list, b.b)
			}
		}
	}
	limit := int(deref(in.MaxResults))
	if limit <= 0 {
		limit = defaultDescribeBuilders
	}
	page, next, err := paginate(e, list, func(b types.ImageBuilder) string { return *b.Name }, in.NextToken, limit, scope(c, in.Names))
	if err != nil {
		return nil, asBadToken(err)
	}
	return &appstream.DescribeImageBuildersOutput{ImageBuilders: page, NextToken: next}, nil
}

func (e *Emulator) startImageBuilder(c *call, in *appstream.StartImageBuilderInput) (any, error) {
	var v violations
	v.length("Name", in.Name, 1, 0)
	if err := asValidate(v); err != nil {
		return nil, err
	}
	b, err := e.builder(c, in.Name)
	if err != nil {
		return nil, err
	}
	if b.b.State != types.ImageBuilderStateStopped {
		return nil, &types.ConcurrentModificationException{Message: ptr(fmt.Sprintf("Image builder %s is in %s state; only a STOPPED image builder can be started.", *in.Name, b.b.State))}
	}
	if in.AppstreamAgentVersion != nil {
		b.b.AppstreamAgentVersion = in.AppstreamAgentVersion
	}
	b.b.State, b.since = types.ImageBuilderStatePending, c.now
	out := b.b
	return &appstream.StartImageBuilderOutput{ImageBuilder: &out}, nil
}

func (e *Emulator) stopImageBuilder(c *call, in *appstream.StopImageBuilderInput) (any, error) {
	var v violations
	v.length("Name", in.Name, 1, 0)
	if err := asValidate(v); err != nil {
		return nil, err
	}
	b, err := e.builder(c, in.Name)
	if err != nil {
		return nil, err
	}
	switch b.b.State {
	case types.ImageBuilderStateRunning:
	case types.ImageBuilderStateStopped, types.ImageBuilderStateFailed:
		return nil, &types.OperationNotPermittedException{Message: ptr(fmt.Sprintf("Image builder %s is in %s state and cannot be stopped.", *in.Name, b.b.State))}
	default:
		return nil, &types.ConcurrentModificationException{Message: ptr(fmt.Sprintf("Image builder %s is in %s state; wait until it is RUNNING to stop it.", *in.Name, b.b.State))}
	}
	b.b.State, b.since = types.ImageBuilderStateStopping, c.now
	out := b.b
	return &appstream.StopImageBuilderOutput{ImageBuilder: &out}, nil
}

func (e *Emulator) deleteImageBuilder(c *call, in *appstream.DeleteImageBuilderInput) (any, error) {
	var v violations
	v.pattern("Name", in.Name, reASName)
	if err := asValidate(v); err != nil {
		return nil, err
	}
	b, err := e.builder(c, in.Name)
	if err != nil {
		return nil, err
	}
	switch b.b.State {
	case types.ImageBuilderStateStopped, types.ImageBuilderStateFailed:
	case types.ImageBuilderStateRunning:
		return nil, &types.OperationNotPermittedException{Message: ptr(fmt.Sprintf("Image builder %s is RUNNING; stop it before deleting it.", *in.Name))}
	default:
		return nil, &types.ConcurrentModificationException{Message: ptr(fmt.Sprintf("Image builder %s is in %s state and cannot be deleted now.", *in.Name, b.b.State))}
	}
	b.b.State, b.since = types.ImageBuilderStateDeleting, c.now
	out := b.b
	return &appstream.DeleteImageBuilderOutput{ImageBuilder: &out}, nil
}

func (e *Emulator) createImageBuilderStreamingURL(c *call, in *appstream.CreateImageBuilderStreamingURLInput) (any, error) {
	var v violations
	v.length("Name", in.Name, 1, 0)
	if in.Validity != nil && (*in.Validity < 1 || *in.Validity > 604800) {
		v.add("Value '%d' at 'validity' failed to satisfy constraint: Member must have value between 1 and 604800", *in.Validity)
	}
	if err := asValidate(v); err != nil {
		return nil, err
	}
	b, err := e.builder(c, in.Name)
	if err != nil {
		return nil, err
	}
	if b.b.State != types.ImageBuilderStateRunning {
		return nil, &types.OperationNotPermittedException{Message: ptr(fmt.Sprintf("Image builder %s is in %s state; streaming URLs need a RUNNING image builder.", *in.Name, b.b.State))}
	}
	validity := in.Validity
	if validity == nil {
		validity = ptr(int64(3600))
	}
	var tok [24]byte
	_, _ = rand.Read(tok[:])
	url := fmt.Sprintf("https://appstream2.%s.aws.amazon.com/authenticate?parameters=%s&signature=emulator", e.region, hex.EncodeToString(tok[:]))
	return &appstream.CreateImageBuilderStreamingURLOutput{
		StreamingURL: &url,
		Expires:      ptr(c.now.Add(time.Duration(*validity) * time.Second).Truncate(time.Second)),
	}, nil
}

func (e *Emulator) describeImages(c *call, in *appstream.DescribeImagesInput) (any, error) {
	var v violations
	v.between("MaxResults", in.MaxResults, 0, 25)
	v.length("NextToken", in.NextToken, 1, 0)
	if err := asValidate(v); err != nil {
		return nil, err
	}
	if len(in.Names) > 0 && len(in.Arns) > 0 {
		return nil, &types.InvalidParameterCombinationException{Message: ptr("Names and Arns cannot be specified together.")}
	}
	if in.Type != "" && in.Type != types.VisibilityTypePublic && in.Type != types.VisibilityTypePrivate && in.Type != types.VisibilityTypeShared {
		return nil, errorf(400, "ValidationException", "1 validation error detected: Value '%s' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [PUBLIC, PRIVATE, SHARED]", in.Type)
	}
	var list []types.Image
	found := map[string]bool{}
	for _, im := range e.as.images {
		img, ok := im.view(c.acct.ID)
		if !ok || (in.Type != "" && img.Visibility != in.Type) {
			continue
		}
		switch {
		case len(in.Names) > 0:
			if !contains(in.Names, *img.Name) {
				continue
			}
			found[*img.Name] = true
		case len(in.Arns) > 0:
			if !contains(in.Arns, *img.Arn) {
				continue
			}
			found[*img.Arn] = true
		}
		list = append(list, img)
	}
	for _, want := range append(append([]string(nil), in.Names...), in.Arns...) {
		if !found[want] {
			return nil, asNotFound("The image %s does not exist.", want)
		}
	}
	limit := int(deref(in.MaxResults))
	if limit == 0 {
		limit = defaultDescribeImages
	}
	page, next, err := paginate(e, list, func(i types.Image) string { return *i.Name + "\x00" + *i.Arn }, in.NextToken, limit, scope(c, in.Names, in.Arns, in.Type))
	if err != nil {
		return nil, asBadToken(err)
	}
	return &appstream.DescribeImagesOutput{Images: page, NextToken: next}, nil
}

// ownImage is the image called name that account owns; images others share
// with it or public ones are "not found" to operations that change images,
// as on AWS.
func (e *Emulator) ownImage(c *call, name string) (*asImage, error) {
	im, ok := e.as.images[key(c.acct.ID, name)]
	if !ok {
		return nil, asNotFound("The image %s does not exist in account %s.", name, c.acct.ID)
	}
	return im, nil
}

func (e *Emulator) deleteImage(c *call, in *appstream.DeleteImageInput) (any, error) {
	var v violations
	v.pattern("Name", in.Name, reASName)
	if err := asValidate(v); err != nil {
		return nil, err
	}
	im, err := e.ownImage(c, *in.Name)
	if err != nil {
		if _, img, ok := e.findImage(c.acct.ID, func(i types.Image) bool { return *i.Name == *in.Name }); ok {
			return nil, &types.OperationNotPermittedException{Message: ptr(fmt.Sprintf("The image %s is %s and belongs to another account; it cannot be deleted.", *in.Name, img.Visibility))}
		}
		return nil, err
	}
	if im.img.State != types.ImageStateAvailable && im.img.State != types.ImageStateFailed {
		return nil, &types.ConcurrentModificationException{Message: ptr(fmt.Sprintf("The image %s is in %s state and cannot be deleted now.", *in.Name, im.img.State))}
	}
	for _, b := range e.as.builders {
		if b.owner == c.acct.ID && deref(b.b.ImageArn) == *im.img.Arn && b.b.State != types.ImageBuilderStateDeleting {
			return nil, &types.ResourceInUseException{Message: ptr(fmt.Sprintf("The image %s is in use by image builder %s.", *in.Name, *b.b.Name))}
		}
	}
	im.img.State, im.since = types.ImageStateDeleting, c.now
	im.shares = map[string]types.ImagePermissions{}
	out, _ := im.view(c.acct.ID)
	return &appstream.DeleteImageOutput{Image: &out}, nil
}

func (e *Emulator) describeImagePermissions(c *call, in *appstream.DescribeImagePermissionsInput) (any, error) {
	var v violations
	v.pattern("Name", in.Name, reASName)
	v.between("MaxResults", in.MaxResults, 0, 500)
	if in.SharedAwsAccountIds != nil {
		v.count("SharedAwsAccountIds", len(in.SharedAwsAccountIds), 1, 5)
	}
	for i := range in.SharedAwsAccountIds {
		v.pattern(fmt.Sprintf("SharedAwsAccountIds.%d.member", i+1), &in.SharedAwsAccountIds[i], reASAccountID)
	}
	v.length("NextToken", in.NextToken, 1, 0)
	if err := asValidate(v); err != nil {
		return nil, err
	}
	im, err := e.ownImage(c, *in.Name)
	if err != nil {
		return nil, err
	}
	var list []types.SharedImagePermissions
	for acct, p := range im.shares {
		if len(in.SharedAwsAccountIds) > 0 && !contains(in.SharedAwsAccountIds, acct) {
			continue
		}
		list = append(list, types.SharedImagePermissions{SharedAccountId: ptr(acct), ImagePermissions: &types.ImagePermissions{AllowFleet: ptr(deref(p.AllowFleet)), AllowImageBuilder: ptr(deref(p.AllowImageBuilder))}})
	}
	limit := int(deref(in.MaxResults))
	if limit == 0 {
		limit = defaultImagePermissions
	}
	page, next, err := paginate(e, list, func(p types.SharedImagePermissions) string { return *p.SharedAccountId }, in.NextToken, limit, scope(c, *in.Name, in.SharedAwsAccountIds))
	if err != nil {
		return nil, asBadToken(err)
	}
	return &appstream.DescribeImagePermissionsOutput{Name: in.Name, SharedImagePermissionsList: page, NextToken: next}, nil
}

func (e *Emulator) updateImagePermissions(c *call, in *appstream.UpdateImagePermissionsInput) (any, error) {
	var v violations
	v.pattern("Name", in.Name, reASName)
	v.pattern("SharedAccountId", in.SharedAccountId, reASAccountID)
	if err := asValidate(v); err != nil {
		return nil, err
	}
	im, err := e.ownImage(c, *in.Name)
	if err != nil {
		return nil, err
	}
	if *in.SharedAccountId == c.acct.ID {
		return nil, &types.InvalidParameterCombinationException{Message: ptr("An image cannot be shared with the account that owns it.")}
	}
	if im.img.State != types.ImageStateAvailable {
		return nil, &types.ResourceNotAvailableException{Message: ptr(fmt.Sprintf("The image %s is in %s state; only AVAILABLE images can be shared.", *in.Name, im.img.State))}
	}
	if _, ok := im.shares[*in.SharedAccountId]; !ok && len(im.shares) >= maxImageShares {
		return nil, &types.LimitExceededException{Message: ptr(fmt.Sprintf("The image %s is already shared with %d accounts.", *in.Name, maxImageShares))}
	}
	im.shares[*in.SharedAccountId] = types.ImagePermissions{AllowFleet: ptr(deref(in.ImagePermissions.AllowFleet)), AllowImageBuilder: ptr(deref(in.ImagePermissions.AllowImageBuilder))}
	return &appstream.UpdateImagePermissionsOutput{}, nil
}

func (e *Emulator) deleteImagePermissions(c *call, in *appstream.DeleteImagePermissionsInput) (any, error) {
	var v violations
	v.pattern("Name", in.Name, reASName)
	v.pattern("SharedAccountId", in.SharedAccountId, reASAccountID)
	if err := asValidate(v); err != nil {
		return nil, err
	}
	im, err := e.ownImage(c, *in.Name)
	if err != nil {
		return nil, err
	}
	if _, ok := im.shares[*in.SharedAccountId]; !ok {
		return nil, asNotFound("The image %s is not shared with account %s.", *in.Name, *in.SharedAccountId)
	}
	delete(im.shares, *in.SharedAccountId)
	return &appstream.DeleteImagePermissionsOutput{}, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
