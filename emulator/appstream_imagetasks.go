package emulator

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/appstream/types"
)

// Patterns of the image export and import operations, from the AppStream
// model.
var (
	reASAmiName    = regexp.MustCompile(`^[a-zA-Z0-9().\-/_]{3,128}$`)
	reASAmiID      = regexp.MustCompile(`^ami-[a-z0-9]{8,17}$`)
	reASTaskID     = regexp.MustCompile(`^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$`)
	reASImportText = regexp.MustCompile(`^[a-zA-Z0-9_.() -]+$`)
	reASFilterName = regexp.MustCompile(`^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$`)
	// The model's Arn pattern, but RE2 caps a repeat count at 1000, so the
	// last part's {0,1023} is a * here (ARNs are short anyway).
	reASArn = regexp.MustCompile(`^arn:aws(?:\-cn|\-iso\-b|\-iso|\-us\-gov)?:[A-Za-z0-9][A-Za-z0-9_/.-]{0,62}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9][A-Za-z0-9:_/+=,@.\-]*$`)
)

// ListExportImageTasks pages: 1 to 500, 50 when unset, as the model says.
const (
	defaultExportImageTasks = 50
	maxExportImageTasks     = 500
)

// The filters ListExportImageTasks accepts. The model leaves filter names
// to the operation ("such as task state"); these two are what a caller
// watching its exports needs, and any other name is refused rather than
// ignored, so a typo does not silently list everything.
const (
	exportFilterState    = "state"
	exportFilterImageArn = "image-arn"
)

type asExportTask struct {
	owner string
	t     types.ExportImageTask
	since time.Time
}

// tickImageTasks moves exports from EXPORTING to COMPLETED, giving each
// its AMI; imported images move with the other images in tick.
func (s *appstreamState) tickImageTasks(now time.Time, delay time.Duration) {
	for _, x := range s.exports {
		if x.t.State == types.ExportImageTaskStateExporting && now.Sub(x.since) >= delay {
			x.t.State, x.since = types.ExportImageTaskStateCompleted, now
			x.t.AmiId = ptr(newAmiID())
		}
	}
}

func newAmiID() string {
	var b [9]byte
	_, _ = rand.Read(b[:])
	return "ami-" + hex.EncodeToString(b[:])[:17]
}

func (e *Emulator) createExportImageTask(c *call, in *appstream.CreateExportImageTaskInput) (any, error) {
	var v violations
	v.pattern("ImageName", in.ImageName, reASName)
	v.pattern("AmiName", in.AmiName, reASAmiName)
	v.pattern("IamRoleArn", in.IamRoleArn, reASArn)
	v.length("AmiDescription", in.AmiDescription, 0, 256)
	if err := asValidate(v); err != nil {
		return nil, err
	}
	im, err := e.ownImage(c, *in.ImageName)
	if err != nil {
		return nil, err
	}
	if im.img.State != types.ImageStateAvailable {
		return nil, &types.ResourceNotAvailableException{Message: ptr(fmt.Sprintf("The image %s is in state %s; only an AVAILABLE image can be exported.", *in.ImageName, im.img.State))}
	}
	for _, x := range e.as.exports {
		if x.owner == c.acct.ID && deref(x.t.ImageArn) == *im.img.Arn && x.t.State == types.ExportImageTaskStateExporting {
			return nil, &types.ConcurrentModificationException{Message: ptr(fmt.Sprintf("The image %s is already being exported by task %s.", *in.ImageName, *x.t.TaskId))}
		}
	}
	t := types.ExportImageTask{
		TaskId:            ptr(uuid.NewString()),
		ImageArn:          im.img.Arn,
		AmiName:           in.AmiName,
		CreatedDate:       ptr(c.now),
		AmiDescription:    in.AmiDescription,
		State:             types.ExportImageTaskStateExporting,
		TagSpecifications: in.TagSpecifications,
	}
	e.as.exports[*t.TaskId] = &asExportTask{owner: c.acct.ID, t: t, since: c.now}
	return &appstream.CreateExportImageTaskOutput{ExportImageTask: &t}, nil
}

func (e *Emulator) getExportImageTask(c *call, in *appstream.GetExportImageTaskInput) (any, error) {
	var v violations
	if in.TaskId == nil {
		v.add("Value null at 'taskId' failed to satisfy constraint: Member must not be null")
	}
	v.pattern("TaskId", in.TaskId, reASTaskID)
	if err := asValidate(v); err != nil {
		return nil, err
	}
	x, ok := e.as.exports[*in.TaskId]
	if !ok || x.owner != c.acct.ID {
		return nil, asNotFound("The export image task %s does not exist.", *in.TaskId)
	}
	t := x.t
	return &appstream.GetExportImageTaskOutput{ExportImageTask: &t}, nil
}

func (e *Emulator) listExportImageTasks(c *call, in *appstream.ListExportImageTasksInput) (any, error) {
	var v violations
	v.between("MaxResults", in.MaxResults, 1, maxExportImageTasks)
	v.length("NextToken", in.NextToken, 1, 0)
	for i, f := range in.Filters {
		v.pattern(fmt.Sprintf("Filters.%d.Name", i+1), f.Name, reASFilterName)
		if n := deref(f.Name); n != exportFilterState && n != exportFilterImageArn && f.Name != nil {
			v.add("Value '%s' at 'filters.%d.member.name' failed to satisfy constraint: Member must be one of [%s, %s]", n, i+1, exportFilterState, exportFilterImageArn)
		}
	}
	if err := asValidate(v); err != nil {
		return nil, err
	}
	var list []types.ExportImageTask
	for _, x := range e.as.exports {
		if x.owner == c.acct.ID && exportMatches(x.t, in.Filters) {
			list = append(list, x.t)
		}
	}
	limit := int(deref(in.MaxResults))
	if limit == 0 {
		limit = defaultExportImageTasks
	}
	// Oldest first; the id breaks ties between tasks of one instant.
	page, next, err := paginate(e, list, func(t types.ExportImageTask) string {
		return t.CreatedDate.UTC().Format(time.RFC3339Nano) + "\x00" + *t.TaskId
	}, in.NextToken, limit, scope(c, in.Filters))
	if err != nil {
		return nil, asBadToken(err)
	}
	return &appstream.ListExportImageTasksOutput{ExportImageTasks: page, NextToken: next}, nil
}

// exportMatches applies the filters: every filter must match, and a filter
// matches when any of its values does.
func exportMatches(t types.ExportImageTask, filters []types.Filter) bool {
	for _, f := range filters {
		var got string
		switch deref(f.Name) {
		case exportFilterState:
			got = string(t.State)
		case exportFilterImageArn:
			got = deref(t.ImageArn)
		}
		if !slices.Contains(f.Values, got) {
			return false
		}
	}
	return true
}

// createImportedImage makes a private image from an AMI. It is IMPORTING
// until the state delay passes, then AVAILABLE, like other new images.
func (e *Emulator) createImportedImage(c *call, in *appstream.CreateImportedImageInput) (any, error) {
	var v violations
	v.pattern("Name", in.Name, reASName)
	v.pattern("SourceAmiId", in.SourceAmiId, reASAmiID)
	v.pattern("IamRoleArn", in.IamRoleArn, reASArn)
	v.length("Description", in.Description, 0, 256)
	v.pattern("Description", in.Description, reASImportText)
	v.length("DisplayName", in.DisplayName, 0, 100)
	v.pattern("DisplayName", in.DisplayName, reASImportText)
	if len(in.AppCatalogConfig) > 50 {
		v.count("AppCatalogConfig", len(in.AppCatalogConfig), 0, 50)
	}
	if err := asValidate(v); err != nil {
		return nil, err
	}
	if _, ok := e.as.images[key(c.acct.ID, *in.Name)]; ok {
		return nil, &types.ResourceAlreadyExistsException{Message: ptr(fmt.Sprintf("An image with name %s already exists.", *in.Name))}
	}
	if deref(in.DryRun) {
		return nil, &types.DryRunOperationException{Message: ptr("The request would have succeeded, but the DryRun flag is set.")}
	}
	img := types.Image{
		Name:                  in.Name,
		Arn:                   ptr(e.imageArn(c.acct.ID, *in.Name)),
		DisplayName:           in.DisplayName,
		Description:           in.Description,
		State:                 types.ImageStateImporting,
		Visibility:            types.VisibilityTypePrivate,
		ImageBuilderSupported: ptr(true),
		Platform:              types.PlatformTypeWindowsServer2022,
		CreatedTime:           ptr(c.now),
		AppstreamAgentVersion: ptr("LATEST"),
	}
	e.as.images[key(c.acct.ID, *in.Name)] = &asImage{owner: c.acct.ID, img: img, since: c.now, shares: map[string]types.ImagePermissions{}}
	out, _ := e.as.images[key(c.acct.ID, *in.Name)].view(c.acct.ID)
	return &appstream.CreateImportedImageOutput{Image: &out}, nil
}
