package emulator_test

import (
	"testing"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/appstream/types"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/emulator"
)

const roleArn = "arn:aws:iam::111111111111:role/AppStreamImageRole"

// An imported AMI becomes a private image that is IMPORTING, then
// AVAILABLE; it can then be exported to an AMI, which the task reports
// once COMPLETED, and the export is listed and filtered by state.
func TestImageImportAndExportLifecycle(t *testing.T) {
	emu, clk := newManual(t)
	c, peer := asClient(emu, emulator.DefaultAccount), asClient(emu, emulator.PeerAccount)
	in := &appstream.CreateImportedImageInput{
		Name: aws.String("imported"), SourceAmiId: aws.String("ami-0123456789abcdef0"), IamRoleArn: aws.String(roleArn),
		Description: aws.String("from an AMI"),
	}
	_, err := c.CreateImportedImage(ctx, &appstream.CreateImportedImageInput{Name: in.Name, SourceAmiId: in.SourceAmiId, IamRoleArn: in.IamRoleArn, DryRun: aws.Bool(true)})
	wantCode(t, err, "DryRunOperationException", 412) // the model gives it HTTP 412
	_, err = c.CreateImportedImage(ctx, &appstream.CreateImportedImageInput{Name: in.Name, SourceAmiId: aws.String("not-an-ami"), IamRoleArn: in.IamRoleArn})
	wantCode(t, err, "ValidationException", 400)

	out, err := c.CreateImportedImage(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if out.Image.State != types.ImageStateImporting || out.Image.Visibility != types.VisibilityTypePrivate || aws.ToString(out.Image.Arn) != "arn:aws:appstream:us-east-1:111111111111:image/imported" {
		t.Fatalf("imported image %+v", out.Image)
	}
	_, err = c.CreateImportedImage(ctx, in)
	wantCode(t, err, "ResourceAlreadyExistsException", 400)

	export := &appstream.CreateExportImageTaskInput{ImageName: in.Name, AmiName: aws.String("exported-ami"), IamRoleArn: aws.String(roleArn)}
	_, err = c.CreateExportImageTask(ctx, export)
	wantCode(t, err, "ResourceNotAvailableException", 400) // still importing
	_, err = peer.CreateExportImageTask(ctx, export)
	wantCode(t, err, "ResourceNotFoundException", 404) // another account's image

	clk.Advance(delay)
	imgs, err := c.DescribeImages(ctx, &appstream.DescribeImagesInput{Names: []string{"imported"}})
	if err != nil || len(imgs.Images) != 1 || imgs.Images[0].State != types.ImageStateAvailable {
		t.Fatalf("after the delay: %+v, %v", imgs, err)
	}

	task, err := c.CreateExportImageTask(ctx, export)
	if err != nil {
		t.Fatal(err)
	}
	x := task.ExportImageTask
	if x.State != types.ExportImageTaskStateExporting || aws.ToString(x.ImageArn) != aws.ToString(out.Image.Arn) || x.AmiId != nil || len(aws.ToString(x.TaskId)) != 36 {
		t.Fatalf("export task %+v", x)
	}
	_, err = c.CreateExportImageTask(ctx, export)
	wantCode(t, err, "ConcurrentModificationException", 400) // one export of an image at a time

	got, err := c.GetExportImageTask(ctx, &appstream.GetExportImageTaskInput{TaskId: x.TaskId})
	if err != nil || got.ExportImageTask.State != types.ExportImageTaskStateExporting {
		t.Fatalf("get: %+v, %v", got, err)
	}
	_, err = peer.GetExportImageTask(ctx, &appstream.GetExportImageTaskInput{TaskId: x.TaskId})
	wantCode(t, err, "ResourceNotFoundException", 404)
	_, err = c.GetExportImageTask(ctx, &appstream.GetExportImageTaskInput{TaskId: aws.String("nope")})
	wantCode(t, err, "ValidationException", 400)

	clk.Advance(delay)
	got, err = c.GetExportImageTask(ctx, &appstream.GetExportImageTaskInput{TaskId: x.TaskId})
	if err != nil || got.ExportImageTask.State != types.ExportImageTaskStateCompleted || len(aws.ToString(got.ExportImageTask.AmiId)) != len("ami-")+17 {
		t.Fatalf("after the delay: %+v, %v", got, err)
	}

	for _, f := range []struct {
		state string
		want  int
	}{{"COMPLETED", 1}, {"EXPORTING", 0}} {
		list, err := c.ListExportImageTasks(ctx, &appstream.ListExportImageTasksInput{Filters: []types.Filter{{Name: aws.String("state"), Values: []string{f.state}}}})
		if err != nil || len(list.ExportImageTasks) != f.want {
			t.Fatalf("state %s: %+v, %v", f.state, list, err)
		}
	}
	_, err = c.ListExportImageTasks(ctx, &appstream.ListExportImageTasksInput{Filters: []types.Filter{{Name: aws.String("colour"), Values: []string{"red"}}}})
	wantCode(t, err, "ValidationException", 400)
	if list, err := peer.ListExportImageTasks(ctx, &appstream.ListExportImageTasksInput{}); err != nil || len(list.ExportImageTasks) != 0 {
		t.Fatalf("the peer sees %+v, %v", list, err)
	}
}

// ListExportImageTasks pages through the paginator the overlay adds.
func TestListExportImageTasksPaginator(t *testing.T) {
	emu, _ := newManual(t)
	c := asClient(emu, emulator.DefaultAccount)
	for i := range 5 {
		name := "img" + string(rune('a'+i))
		if _, err := emu.SeedImage(emulator.DefaultAccount.ID, types.Image{Name: aws.String(name)}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.CreateExportImageTask(ctx, &appstream.CreateExportImageTaskInput{ImageName: aws.String(name), AmiName: aws.String(name + "-ami"), IamRoleArn: aws.String(roleArn)}); err != nil {
			t.Fatal(err)
		}
	}
	p := appstream.NewListExportImageTasksPaginator(c, &appstream.ListExportImageTasksInput{MaxResults: aws.Int32(2)})
	pages, seen := 0, map[string]bool{}
	for out, err := range p.Pages(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, x := range out.ExportImageTasks {
			seen[aws.ToString(x.TaskId)] = true
		}
	}
	if pages != 3 || len(seen) != 5 {
		t.Fatalf("%d pages, %d distinct tasks; want 3 and 5", pages, len(seen))
	}
}
