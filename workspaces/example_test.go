package workspaces_test

import (
	"context"
	"fmt"
	"log"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/config"
	"github.com/eucsdk/eucsdk/emulator"
	"github.com/eucsdk/eucsdk/internal/testkit/awsenv"
	"github.com/eucsdk/eucsdk/workspaces"
	"github.com/eucsdk/eucsdk/workspaces/types"
)

// startEmulator runs the embedded emulator on loopback with two images, the
// way a test gets one from emulator.NewServer(t). Against AWS, build the
// client with config.LoadDefaultConfig and workspaces.NewFromConfig instead.
func startEmulator() (*emulator.Emulator, func()) {
	emu := emulator.New()
	if _, err := emu.Start(); err != nil {
		log.Fatal(err)
	}
	for i, name := range []string{"golden-windows", "golden-linux"} {
		img := types.WorkspaceImage{Name: aws.String(name), ImageId: aws.String(fmt.Sprintf("wsi-00000000%d", i+1))}
		if _, err := emu.SeedWorkspaceImage(emulator.DefaultAccount.ID, img); err != nil {
			log.Fatal(err)
		}
	}
	return emu, func() { emu.Close() }
}

// A client for Amazon WorkSpaces, here pointed at the embedded emulator:
// list the account's own images.
func Example() {
	emu, stop := startEmulator()
	defer stop()
	client := workspaces.New(emu.ClientOptions(emulator.DefaultAccount))

	out, err := client.DescribeWorkspaceImages(context.Background(), &workspaces.DescribeWorkspaceImagesInput{ImageType: types.ImageTypeOwned})
	if err != nil {
		log.Fatal(err)
	}
	for _, img := range out.Images {
		fmt.Println(aws.ToString(img.ImageId), aws.ToString(img.Name), img.State)
	}
	// Output:
	// wsi-000000001 golden-windows AVAILABLE
	// wsi-000000002 golden-linux AVAILABLE
}

// Items iterates over the images of every page, requesting pages as the
// loop needs them.
func ExampleDescribeWorkspaceImagesPaginator_Items() {
	emu, stop := startEmulator()
	defer stop()
	client := workspaces.New(emu.ClientOptions(emulator.DefaultAccount))

	p := workspaces.NewDescribeWorkspaceImagesPaginator(client, &workspaces.DescribeWorkspaceImagesInput{ImageType: types.ImageTypeOwned},
		func(o *workspaces.DescribeWorkspaceImagesPaginatorOptions) { o.Limit = 1 })
	for img, err := range p.Items(context.Background()) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(aws.ToString(img.Name))
	}
	// Output:
	// golden-windows
	// golden-linux
}

// The package doc's example, run against the emulator through the
// environment config.LoadDefaultConfig reads, as a user's CI job would set it.
func Example_packageDoc() {
	emu, stop := startEmulator()
	defer stop()
	defer awsenv.Swap(emu.Environment(emulator.DefaultAccount))()
	ctx := context.Background()

	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		log.Fatal(err)
	}
	client := workspaces.NewFromConfig(cfg)
	out, err := client.DescribeIpGroups(ctx, &workspaces.DescribeIpGroupsInput{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(out.Result))
	// Output:
	// 0
}
