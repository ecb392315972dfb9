package emulator_test

import (
	"testing"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/emulator"
	"github.com/eucsdk/eucsdk/workspaces"
	"github.com/eucsdk/eucsdk/workspaces/types"
)

// A custom image import goes PENDING → IN_PROGRESS → COMPLETED, one state
// delay a step, and its image is PENDING in DescribeWorkspaceImages until
// the import completes.
func TestCustomWorkspaceImageImport(t *testing.T) {
	emu, clk := newManual(t)
	owner, peer := wsClient(emu, emulator.DefaultAccount), wsClient(emu, emulator.PeerAccount)
	in := &workspaces.ImportCustomWorkspaceImageInput{
		ImageName:                      aws.String("custom"),
		ImageDescription:               aws.String("imported from an AMI"),
		ComputeType:                    types.ImageComputeTypeBase,
		Protocol:                       types.CustomImageProtocolDcv,
		ImageSource:                    &types.ImageSourceIdentifierMemberEc2ImageId{Value: "ami-0123456789abcdef0"},
		InfrastructureConfigurationArn: aws.String("arn:aws:imagebuilder:us-east-1:111111111111:infrastructure-configuration/ws-import"),
		Platform:                       types.PlatformWindows,
		OsVersion:                      types.OSVersionWindows11,
	}
	bad := *in
	bad.ImageSource = &types.ImageSourceIdentifierMemberEc2ImageId{Value: "ami-xyz"}
	_, err := owner.ImportCustomWorkspaceImage(ctx, &bad)
	wantCode(t, err, "ValidationException", 400)

	out, err := owner.ImportCustomWorkspaceImage(ctx, in)
	if err != nil || out.State != types.CustomWorkspaceImageImportStatePending {
		t.Fatalf("import: %+v, %v", out, err)
	}
	_, err = owner.ImportCustomWorkspaceImage(ctx, in)
	wantCode(t, err, "ResourceAlreadyExistsException", 400)
	_, err = peer.DescribeCustomWorkspaceImageImport(ctx, &workspaces.DescribeCustomWorkspaceImageImportInput{ImageId: out.ImageId})
	wantCode(t, err, "ResourceNotFoundException", 400)

	state := func() *workspaces.DescribeCustomWorkspaceImageImportOutput {
		t.Helper()
		d, err := owner.DescribeCustomWorkspaceImageImport(ctx, &workspaces.DescribeCustomWorkspaceImageImportInput{ImageId: out.ImageId})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	if d := state(); d.State != types.CustomWorkspaceImageImportStatePending || aws.ToInt32(d.ProgressPercentage) != 0 {
		t.Fatalf("at start: %+v", d)
	}
	if imgs := listWS(t, owner, types.ImageTypeOwned); len(imgs) != 1 || imgs[0].State != types.WorkspaceImageStatePending {
		t.Fatalf("image while importing: %+v", imgs)
	}
	clk.Advance(delay)
	if d := state(); d.State != types.CustomWorkspaceImageImportStateInProgress {
		t.Fatalf("after one delay: %s", d.State)
	}
	clk.Advance(delay)
	d := state()
	if d.State != types.CustomWorkspaceImageImportStateCompleted || aws.ToInt32(d.ProgressPercentage) != 100 {
		t.Fatalf("after two delays: %+v", d)
	}
	if src, ok := d.ImageSource.(*types.ImageSourceIdentifierMemberEc2ImageId); !ok || src.Value != "ami-0123456789abcdef0" {
		t.Fatalf("image source %#v", d.ImageSource)
	}
	if imgs := listWS(t, owner, types.ImageTypeOwned); len(imgs) != 1 || imgs[0].State != types.WorkspaceImageStateAvailable {
		t.Fatalf("image after the import: %+v", imgs)
	}
}
