package emulator_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/appstream/types"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/emulator"
)

var ctx = context.Background()

func builderState(t *testing.T, c *appstream.Client, name string) types.ImageBuilderState {
	t.Helper()
	out, err := c.DescribeImageBuilders(ctx, &appstream.DescribeImageBuildersInput{Names: []string{name}})
	if err != nil {
		t.Fatalf("describe %s: %v", name, err)
	}
	if len(out.ImageBuilders) != 1 {
		t.Fatalf("describe %s: %d builders", name, len(out.ImageBuilders))
	}
	return out.ImageBuilders[0].State
}

func createBuilder(t *testing.T, c *appstream.Client, name string) *types.ImageBuilder {
	t.Helper()
	out, err := c.CreateImageBuilder(ctx, &appstream.CreateImageBuilderInput{
		Name: aws.String(name), ImageName: aws.String(emulator.BaseImageName), InstanceType: aws.String("stream.standard.small"),
	})
	if err != nil {
		t.Fatalf("create %s: %v", name, err)
	}
	return out.ImageBuilder
}

func TestImageBuilderStateMachine(t *testing.T) {
	emu, clk := newManual(t)
	c := asClient(emu, emulator.DefaultAccount)
	name := aws.String("b1")

	b := createBuilder(t, c, "b1")
	if b.State != types.ImageBuilderStatePending || aws.ToString(b.Arn) != "arn:aws:appstream:us-east-1:111111111111:image-builder/b1" || b.Platform != types.PlatformTypeWindowsServer2022 {
		t.Fatalf("created %+v", b)
	}
	clk.Advance(delay - time.Second)
	if s := builderState(t, c, "b1"); s != types.ImageBuilderStatePending {
		t.Fatalf("before the delay: %s", s)
	}
	_, err := c.CreateImageBuilderStreamingURL(ctx, &appstream.CreateImageBuilderStreamingURLInput{Name: name})
	wantCode(t, err, "OperationNotPermittedException", 400)
	_, err = c.StopImageBuilder(ctx, &appstream.StopImageBuilderInput{Name: name})
	wantCode(t, err, "ConcurrentModificationException", 400)

	clk.Advance(time.Second)
	if s := builderState(t, c, "b1"); s != types.ImageBuilderStateRunning {
		t.Fatalf("after the delay: %s, want RUNNING", s)
	}
	url, err := c.CreateImageBuilderStreamingURL(ctx, &appstream.CreateImageBuilderStreamingURLInput{Name: name, Validity: aws.Int64(60)})
	if err != nil || !strings.HasPrefix(aws.ToString(url.StreamingURL), "https://appstream2.us-east-1.aws.amazon.com/") || !url.Expires.Equal(clk.Now().Add(time.Minute)) {
		t.Fatalf("streaming URL %+v, %v", url, err)
	}
	_, err = c.StartImageBuilder(ctx, &appstream.StartImageBuilderInput{Name: name})
	wantCode(t, err, "ConcurrentModificationException", 400)
	_, err = c.DeleteImageBuilder(ctx, &appstream.DeleteImageBuilderInput{Name: name})
	wantCode(t, err, "OperationNotPermittedException", 400)

	st, err := c.StopImageBuilder(ctx, &appstream.StopImageBuilderInput{Name: name})
	if err != nil || st.ImageBuilder.State != types.ImageBuilderStateStopping {
		t.Fatalf("stop: %+v, %v", st, err)
	}
	_, err = c.StartImageBuilder(ctx, &appstream.StartImageBuilderInput{Name: name})
	wantCode(t, err, "ConcurrentModificationException", 400)
	_, err = c.DeleteImageBuilder(ctx, &appstream.DeleteImageBuilderInput{Name: name})
	wantCode(t, err, "ConcurrentModificationException", 400)
	clk.Advance(delay)
	if s := builderState(t, c, "b1"); s != types.ImageBuilderStateStopped {
		t.Fatalf("after stopping: %s", s)
	}
	_, err = c.StopImageBuilder(ctx, &appstream.StopImageBuilderInput{Name: name})
	wantCode(t, err, "OperationNotPermittedException", 400)

	started, err := c.StartImageBuilder(ctx, &appstream.StartImageBuilderInput{Name: name})
	if err != nil || started.ImageBuilder.State != types.ImageBuilderStatePending {
		t.Fatalf("start: %+v, %v", started, err)
	}
	clk.Advance(delay)
	if s := builderState(t, c, "b1"); s != types.ImageBuilderStateRunning {
		t.Fatalf("after restart: %s", s)
	}
	if _, err := c.StopImageBuilder(ctx, &appstream.StopImageBuilderInput{Name: name}); err != nil {
		t.Fatal(err)
	}
	clk.Advance(delay)
	del, err := c.DeleteImageBuilder(ctx, &appstream.DeleteImageBuilderInput{Name: name})
	if err != nil || del.ImageBuilder.State != types.ImageBuilderStateDeleting {
		t.Fatalf("delete: %+v, %v", del, err)
	}
	if s := builderState(t, c, "b1"); s != types.ImageBuilderStateDeleting {
		t.Fatalf("right after delete: %s", s)
	}
	clk.Advance(delay)
	_, err = c.DescribeImageBuilders(ctx, &appstream.DescribeImageBuildersInput{Names: []string{"b1"}})
	wantCode(t, err, "ResourceNotFoundException", 404)
	_, err = c.StartImageBuilder(ctx, &appstream.StartImageBuilderInput{Name: name})
	wantCode(t, err, "ResourceNotFoundException", 404)
	// The name is free again once the builder is gone.
	createBuilder(t, c, "b1")
}

func TestZeroStateDelayStillShowsTransitionalState(t *testing.T) {
	emu := emulator.NewServer(t, emulator.WithStateDelay(0))
	c := asClient(emu, emulator.DefaultAccount)
	if b := createBuilder(t, c, "quick"); b.State != types.ImageBuilderStatePending {
		t.Fatalf("create answered %s, want PENDING", b.State)
	}
	if s := builderState(t, c, "quick"); s != types.ImageBuilderStateRunning {
		t.Fatalf("next describe: %s, want RUNNING", s)
	}
}

func TestCreateImageBuilderErrors(t *testing.T) {
	emu, _ := newManual(t)
	c := asClient(emu, emulator.DefaultAccount)
	createBuilder(t, c, "dup")
	_, err := c.CreateImageBuilder(ctx, &appstream.CreateImageBuilderInput{Name: aws.String("dup"), ImageName: aws.String(emulator.BaseImageName), InstanceType: aws.String("stream.standard.small")})
	wantCode(t, err, "ResourceAlreadyExistsException", 400)

	_, err = c.CreateImageBuilder(ctx, &appstream.CreateImageBuilderInput{Name: aws.String("x"), InstanceType: aws.String("stream.standard.small")})
	wantCode(t, err, "InvalidParameterCombinationException", 400)
	_, err = c.CreateImageBuilder(ctx, &appstream.CreateImageBuilderInput{Name: aws.String("x"), ImageName: aws.String("a"), ImageArn: aws.String("arn:aws:appstream:us-east-1::image/a"), InstanceType: aws.String("s")})
	wantCode(t, err, "InvalidParameterCombinationException", 400)
	_, err = c.CreateImageBuilder(ctx, &appstream.CreateImageBuilderInput{Name: aws.String("x"), ImageName: aws.String("no-such-image"), InstanceType: aws.String("s")})
	wantCode(t, err, "ResourceNotFoundException", 404)
	// The builder name pattern is the model's; the client does not check it.
	_, err = c.CreateImageBuilder(ctx, &appstream.CreateImageBuilderInput{Name: aws.String("-bad name"), ImageName: aws.String(emulator.BaseImageName), InstanceType: aws.String("s")})
	wantCode(t, err, "ValidationException", 400)

	// Required members the generated client would never leave out.
	r := rawCall(t, emu, emulator.DefaultAccount, "appstream", "PhotonAdminProxyService.CreateImageBuilder", `{"ImageName":"x"}`, nil)
	wantRawError(t, r, 400, "ValidationException")
	if msg := r.body["message"].(string); !strings.HasPrefix(msg, "2 validation errors detected") || !strings.Contains(msg, "Value null at 'name'") || !strings.Contains(msg, "Value null at 'instanceType'") {
		t.Errorf("message %q", msg)
	}
}

func TestDeleteImageRules(t *testing.T) {
	emu, clk := newManual(t)
	owner, peer := asClient(emu, emulator.DefaultAccount), asClient(emu, emulator.PeerAccount)
	if _, err := emu.SeedImage(emulator.DefaultAccount.ID, types.Image{Name: aws.String("golden")}); err != nil {
		t.Fatal(err)
	}
	if _, err := owner.CreateImageBuilder(ctx, &appstream.CreateImageBuilderInput{Name: aws.String("uses-golden"), ImageName: aws.String("golden"), InstanceType: aws.String("s")}); err != nil {
		t.Fatal(err)
	}
	_, err := owner.DeleteImage(ctx, &appstream.DeleteImageInput{Name: aws.String("golden")})
	wantCode(t, err, "ResourceInUseException", 400)
	_, err = owner.DeleteImage(ctx, &appstream.DeleteImageInput{Name: aws.String(emulator.BaseImageName)})
	wantCode(t, err, "OperationNotPermittedException", 400)
	_, err = peer.DeleteImage(ctx, &appstream.DeleteImageInput{Name: aws.String("golden")})
	wantCode(t, err, "ResourceNotFoundException", 404)

	clk.Advance(delay) // RUNNING
	if _, err := owner.StopImageBuilder(ctx, &appstream.StopImageBuilderInput{Name: aws.String("uses-golden")}); err != nil {
		t.Fatal(err)
	}
	clk.Advance(delay)
	if _, err := owner.DeleteImageBuilder(ctx, &appstream.DeleteImageBuilderInput{Name: aws.String("uses-golden")}); err != nil {
		t.Fatal(err)
	}
	del, err := owner.DeleteImage(ctx, &appstream.DeleteImageInput{Name: aws.String("golden")})
	if err != nil || del.Image.State != types.ImageStateDeleting {
		t.Fatalf("delete image: %+v, %v", del, err)
	}
	clk.Advance(delay)
	_, err = owner.DescribeImages(ctx, &appstream.DescribeImagesInput{Names: []string{"golden"}})
	wantCode(t, err, "ResourceNotFoundException", 404)
}

func TestAppStreamSharingAcrossAccounts(t *testing.T) {
	emu, _ := newManual(t)
	owner, peer := asClient(emu, emulator.DefaultAccount), asClient(emu, emulator.PeerAccount)
	if _, err := emu.SeedImage(emulator.DefaultAccount.ID, types.Image{Name: aws.String("team-image")}); err != nil {
		t.Fatal(err)
	}
	sharedWithPeer := func() []types.Image {
		t.Helper()
		out, err := peer.DescribeImages(ctx, &appstream.DescribeImagesInput{Type: types.VisibilityTypeShared})
		if err != nil {
			t.Fatal(err)
		}
		return out.Images
	}
	if imgs := sharedWithPeer(); len(imgs) != 0 {
		t.Fatalf("peer sees %d shared images before sharing", len(imgs))
	}
	_, err := peer.DescribeImages(ctx, &appstream.DescribeImagesInput{Names: []string{"team-image"}})
	wantCode(t, err, "ResourceNotFoundException", 404)
	_, err = peer.CreateImageBuilder(ctx, &appstream.CreateImageBuilderInput{Name: aws.String("pb"), ImageName: aws.String("team-image"), InstanceType: aws.String("s")})
	wantCode(t, err, "ResourceNotFoundException", 404)

	_, err = owner.UpdateImagePermissions(ctx, &appstream.UpdateImagePermissionsInput{
		Name: aws.String("team-image"), SharedAccountId: aws.String(emulator.PeerAccount.ID),
		ImagePermissions: &types.ImagePermissions{AllowFleet: aws.Bool(true), AllowImageBuilder: aws.Bool(true)},
	})
	if err != nil {
		t.Fatal(err)
	}
	imgs := sharedWithPeer()
	if len(imgs) != 1 || aws.ToString(imgs[0].Name) != "team-image" || imgs[0].Visibility != types.VisibilityTypeShared ||
		!aws.ToBool(imgs[0].ImagePermissions.AllowImageBuilder) || aws.ToString(imgs[0].Arn) != "arn:aws:appstream:us-east-1:111111111111:image/team-image" {
		t.Fatalf("peer sees %+v", imgs)
	}
	own, err := owner.DescribeImages(ctx, &appstream.DescribeImagesInput{Names: []string{"team-image"}})
	if err != nil || own.Images[0].Visibility != types.VisibilityTypePrivate || own.Images[0].ImageSharedWithOthers != types.ImageSharedWithOthersTrue {
		t.Fatalf("owner sees %+v, %v", own, err)
	}
	// The peer's PRIVATE listing is its own images, not the shared one.
	priv, err := peer.DescribeImages(ctx, &appstream.DescribeImagesInput{Type: types.VisibilityTypePrivate})
	if err != nil || len(priv.Images) != 0 {
		t.Fatalf("peer private images %+v, %v", priv, err)
	}
	if _, err := peer.CreateImageBuilder(ctx, &appstream.CreateImageBuilderInput{Name: aws.String("pb"), ImageName: aws.String("team-image"), InstanceType: aws.String("s")}); err != nil {
		t.Fatalf("peer builds from the shared image: %v", err)
	}
	_, err = peer.DeleteImage(ctx, &appstream.DeleteImageInput{Name: aws.String("team-image")})
	wantCode(t, err, "OperationNotPermittedException", 400)
	_, err = peer.DescribeImagePermissions(ctx, &appstream.DescribeImagePermissionsInput{Name: aws.String("team-image")})
	wantCode(t, err, "ResourceNotFoundException", 404)
	_, err = owner.UpdateImagePermissions(ctx, &appstream.UpdateImagePermissionsInput{Name: aws.String("team-image"), SharedAccountId: aws.String(emulator.DefaultAccount.ID), ImagePermissions: &types.ImagePermissions{}})
	wantCode(t, err, "InvalidParameterCombinationException", 400)

	if _, err := owner.DeleteImagePermissions(ctx, &appstream.DeleteImagePermissionsInput{Name: aws.String("team-image"), SharedAccountId: aws.String(emulator.PeerAccount.ID)}); err != nil {
		t.Fatal(err)
	}
	if imgs := sharedWithPeer(); len(imgs) != 0 {
		t.Fatalf("peer still sees %+v after unsharing", imgs)
	}
	_, err = owner.DeleteImagePermissions(ctx, &appstream.DeleteImagePermissionsInput{Name: aws.String("team-image"), SharedAccountId: aws.String(emulator.PeerAccount.ID)})
	wantCode(t, err, "ResourceNotFoundException", 404)
}

func TestAppStreamPagination(t *testing.T) {
	emu, _ := newManual(t)
	owner, peer := asClient(emu, emulator.DefaultAccount), asClient(emu, emulator.PeerAccount)
	var want []string
	for i := range 7 {
		n := fmt.Sprintf("img-%02d", i)
		want = append(want, n)
		if _, err := emu.SeedImage(emulator.DefaultAccount.ID, types.Image{Name: aws.String(n)}); err != nil {
			t.Fatal(err)
		}
	}
	in := &appstream.DescribeImagesInput{Type: types.VisibilityTypePrivate, MaxResults: aws.Int32(3)}
	var got []string
	var sizes []int
	var firstToken string
	for {
		out, err := owner.DescribeImages(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, len(out.Images))
		for _, im := range out.Images {
			got = append(got, aws.ToString(im.Name))
		}
		if out.NextToken == nil {
			break
		}
		if firstToken == "" {
			firstToken = *out.NextToken
		}
		if strings.Contains(*out.NextToken, "img-") {
			t.Errorf("token %q shows its position in plain text", *out.NextToken)
		}
		in.NextToken = out.NextToken
	}
	if fmt.Sprint(sizes) != "[3 3 1]" || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("pages %v of %v, want [3 3 1] of %v", sizes, got, want)
	}

	// A token is bound to its listing and account and cannot be forged.
	_, err := peer.DescribeImages(ctx, &appstream.DescribeImagesInput{Type: types.VisibilityTypePrivate, MaxResults: aws.Int32(3), NextToken: &firstToken})
	wantCode(t, err, "InvalidParameterCombinationException", 400)
	_, err = owner.DescribeImages(ctx, &appstream.DescribeImagesInput{Type: types.VisibilityTypePublic, MaxResults: aws.Int32(3), NextToken: &firstToken})
	wantCode(t, err, "InvalidParameterCombinationException", 400)
	forged := firstToken[:len(firstToken)-2] + "AA"
	_, err = owner.DescribeImages(ctx, &appstream.DescribeImagesInput{Type: types.VisibilityTypePrivate, MaxResults: aws.Int32(3), NextToken: &forged})
	wantCode(t, err, "InvalidParameterCombinationException", 400)
	_, err = owner.DescribeImages(ctx, &appstream.DescribeImagesInput{MaxResults: aws.Int32(26)})
	wantCode(t, err, "ValidationException", 400)

	// Image permissions page the same way, in account order.
	for i := range 5 {
		_, err := owner.UpdateImagePermissions(ctx, &appstream.UpdateImagePermissionsInput{
			Name: aws.String("img-00"), SharedAccountId: aws.String(fmt.Sprintf("90000000000%d", 4-i)), ImagePermissions: &types.ImagePermissions{AllowFleet: aws.Bool(true)},
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	pin := &appstream.DescribeImagePermissionsInput{Name: aws.String("img-00"), MaxResults: aws.Int32(2)}
	var accts []string
	for pages := 0; ; pages++ {
		out, err := owner.DescribeImagePermissions(ctx, pin)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range out.SharedImagePermissionsList {
			accts = append(accts, aws.ToString(p.SharedAccountId))
		}
		if out.NextToken == nil {
			if pages != 2 {
				t.Errorf("%d pages, want 3", pages+1)
			}
			break
		}
		pin.NextToken = out.NextToken
	}
	if fmt.Sprint(accts) != "[900000000000 900000000001 900000000002 900000000003 900000000004]" {
		t.Fatalf("permissions %v", accts)
	}
}

func TestSeedImageRejectsDuplicates(t *testing.T) {
	emu := emulator.New()
	if _, err := emu.SeedImage("111111111111", types.Image{Name: aws.String("a")}); err != nil {
		t.Fatal(err)
	}
	if _, err := emu.SeedImage("111111111111", types.Image{Name: aws.String("a")}); err == nil {
		t.Fatal("second seed of the same name succeeded")
	}
	if _, err := emu.SeedImage("222222222222", types.Image{Name: aws.String("a")}); err != nil {
		t.Fatalf("another account may use the name: %v", err)
	}
	if _, err := emu.SeedImage("111111111111", types.Image{Name: aws.String("bad name")}); err == nil {
		t.Fatal("seeded a name the model's pattern rejects")
	}
}
