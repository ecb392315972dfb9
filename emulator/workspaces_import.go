package emulator

import (
	"fmt"
	"regexp"
	"time"

	"github.com/eucsdk/eucsdk/workspaces"
	"github.com/eucsdk/eucsdk/workspaces/types"
)

// Patterns of the custom image import, from the WorkSpaces model.
var (
	reWSInfraConfigArn = regexp.MustCompile(`^arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws):infrastructure-configuration/[a-z0-9-_]+$`)
	reWSEc2ImportTask  = regexp.MustCompile(`^import-ami\-([a-zA-Z0-9]{8}|[a-zA-Z0-9]{17})$`)
	reWSImageBuildArn  = regexp.MustCompile(`^arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws(?:-[a-z-]+)?):image/[a-z0-9-_]+/(?:(?:([0-9]+|x)\.([0-9]+|x)\.([0-9]+|x))|(?:[0-9]+\.[0-9]+\.[0-9]+/[0-9]+))$`)
	reWSEc2ImageID     = regexp.MustCompile(`^ami\-([a-f0-9]{8}|[a-f0-9]{17})$`)
)

// wsImport is a custom image import: the image it creates is PENDING in
// DescribeWorkspaceImages while the import runs, as on AWS, and both
// finish together when the state delay has passed.
type wsImport struct {
	out   workspaces.DescribeCustomWorkspaceImageImportOutput
	owner string
	since time.Time
}

// tickImports moves each import PENDING → IN_PROGRESS → COMPLETED, one
// state delay per step, and makes its image AVAILABLE at the end.
func (s *workspacesState) tickImports(now time.Time, delay time.Duration) {
	for id, imp := range s.imports {
		if now.Sub(imp.since) < delay {
			continue
		}
		switch imp.out.State {
		case types.CustomWorkspaceImageImportStatePending:
			imp.out.State, imp.out.ProgressPercentage = types.CustomWorkspaceImageImportStateInProgress, ptr[int32](50)
		case types.CustomWorkspaceImageImportStateInProgress:
			imp.out.State, imp.out.ProgressPercentage = types.CustomWorkspaceImageImportStateCompleted, ptr[int32](100)
			if im, ok := s.images[id]; ok && im.img.State == types.WorkspaceImageStatePending {
				im.img.State, im.since = types.WorkspaceImageStateAvailable, now
			}
		default:
			continue
		}
		imp.since, imp.out.LastUpdatedTime = now, ptr(now)
	}
}

func (e *Emulator) importCustomWorkspaceImage(c *call, in *workspaces.ImportCustomWorkspaceImageInput) (any, error) {
	var v violations
	v.length("ImageName", in.ImageName, 1, 64)
	v.pattern("ImageName", in.ImageName, reWSImageName)
	v.length("ImageDescription", in.ImageDescription, 1, 256)
	v.pattern("ImageDescription", in.ImageDescription, reWSImageDesc)
	v.length("InfrastructureConfigurationArn", in.InfrastructureConfigurationArn, 1, 2048)
	v.pattern("InfrastructureConfigurationArn", in.InfrastructureConfigurationArn, reWSInfraConfigArn)
	switch src := in.ImageSource.(type) {
	case *types.ImageSourceIdentifierMemberEc2ImportTaskId:
		v.pattern("ImageSource.Ec2ImportTaskId", &src.Value, reWSEc2ImportTask)
	case *types.ImageSourceIdentifierMemberImageBuildVersionArn:
		v.pattern("ImageSource.ImageBuildVersionArn", &src.Value, reWSImageBuildArn)
	case *types.ImageSourceIdentifierMemberEc2ImageId:
		v.pattern("ImageSource.Ec2ImageId", &src.Value, reWSEc2ImageID)
	case nil:
	default:
		v.add("Value at 'imageSource' failed to satisfy constraint: Member must have exactly one member set")
	}
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	if e.wsNameTaken(c.acct.ID, *in.ImageName) {
		return nil, &types.ResourceAlreadyExistsException{Message: ptr(fmt.Sprintf("An image named %s already exists.", *in.ImageName))}
	}
	img := types.WorkspaceImage{
		ImageId:         ptr(newWorkspaceImageID()),
		Name:            in.ImageName,
		Description:     in.ImageDescription,
		OperatingSystem: &types.OperatingSystem{Type: types.OperatingSystemTypeWindows},
		State:           types.WorkspaceImageStatePending,
		RequiredTenancy: types.WorkspaceImageRequiredTenancyDefault,
		Created:         ptr(c.now),
		OwnerAccountId:  ptr(c.acct.ID),
	}
	e.ws.images[*img.ImageId] = &wsImage{owner: c.acct.ID, img: img, since: c.now, shares: map[string]bool{}}
	e.ws.imports[*img.ImageId] = &wsImport{owner: c.acct.ID, since: c.now, out: workspaces.DescribeCustomWorkspaceImageImportOutput{
		ImageId:                        img.ImageId,
		InfrastructureConfigurationArn: in.InfrastructureConfigurationArn,
		State:                          types.CustomWorkspaceImageImportStatePending,
		ProgressPercentage:             ptr[int32](0),
		Created:                        ptr(c.now),
		LastUpdatedTime:                ptr(c.now),
		ImageSource:                    in.ImageSource,
	}}
	return &workspaces.ImportCustomWorkspaceImageOutput{ImageId: img.ImageId, State: types.CustomWorkspaceImageImportStatePending}, nil
}

func (e *Emulator) describeCustomWorkspaceImageImport(c *call, in *workspaces.DescribeCustomWorkspaceImageImportInput) (any, error) {
	var v violations
	v.pattern("ImageId", in.ImageId, reWSImageID)
	if err := wsValidate(v); err != nil {
		return nil, err
	}
	imp, ok := e.ws.imports[*in.ImageId]
	if !ok || imp.owner != c.acct.ID {
		return nil, &types.ResourceNotFoundException{Message: ptr(fmt.Sprintf("No custom image import for %s was found.", *in.ImageId)), ResourceId: in.ImageId}
	}
	out := imp.out
	return &out, nil
}
