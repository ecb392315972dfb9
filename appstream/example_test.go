package appstream_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/appstream/types"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/config"
	"github.com/eucsdk/eucsdk/emulator"
	"github.com/eucsdk/eucsdk/internal/testkit/awsenv"
)

// startEmulator runs the embedded emulator on loopback, the way a test gets
// one from emulator.NewServer(t). Against AWS, build the client with
// config.LoadDefaultConfig and appstream.NewFromConfig instead.
func startEmulator() (*emulator.Emulator, func()) {
	emu := emulator.New(emulator.WithStateDelay(10 * time.Millisecond))
	if _, err := emu.Start(); err != nil {
		log.Fatal(err)
	}
	return emu, func() { emu.Close() }
}

// A client for AppStream 2.0, here pointed at the embedded emulator: create
// an image builder and read it back.
func Example() {
	emu, stop := startEmulator()
	defer stop()
	ctx := context.Background()
	client := appstream.New(emu.ClientOptions(emulator.DefaultAccount))

	_, err := client.CreateImageBuilder(ctx, &appstream.CreateImageBuilderInput{
		Name:         aws.String("builder-1"),
		InstanceType: aws.String("stream.standard.medium"),
		ImageName:    aws.String(emulator.BaseImageName),
	})
	if err != nil {
		log.Fatal(err)
	}
	out, err := client.DescribeImageBuilders(ctx, &appstream.DescribeImageBuildersInput{Names: []string{"builder-1"}})
	if err != nil {
		log.Fatal(err)
	}
	for _, b := range out.ImageBuilders {
		fmt.Println(aws.ToString(b.Name), aws.ToString(b.InstanceType))
	}
	// Output:
	// builder-1 stream.standard.medium
}

// Modeled errors are typed: errors.As finds them in the error a call
// returns, and smithy.APIError gives the code of any service error.
func Example_errors() {
	emu, stop := startEmulator()
	defer stop()
	client := appstream.New(emu.ClientOptions(emulator.DefaultAccount))

	_, err := client.StopImageBuilder(context.Background(), &appstream.StopImageBuilderInput{Name: aws.String("no-such-builder")})
	var notFound *types.ResourceNotFoundException
	if errors.As(err, &notFound) {
		fmt.Println("not found:", notFound.ErrorCode())
	}
	// Output:
	// not found: ResourceNotFoundException
}

// In a test, emulator.NewServer(t) starts the emulator and closes it when
// the test ends; each account's client sees its own resources.
//
//	func TestShareImage(t *testing.T) {
//		emu := emulator.NewServer(t)
//		owner := appstream.New(emu.ClientOptions(emulator.DefaultAccount))
//		peer := appstream.New(emu.ClientOptions(emulator.PeerAccount))
//		// ... run the code under test with owner and peer ...
//	}
//
// The same, outside a test:
func Example_emulatorInTests() {
	emu, stop := startEmulator()
	defer stop()
	if _, err := emu.SeedImage(emulator.DefaultAccount.ID, types.Image{Name: aws.String("golden")}); err != nil {
		log.Fatal(err)
	}
	owner := appstream.New(emu.ClientOptions(emulator.DefaultAccount))
	peer := appstream.New(emu.ClientOptions(emulator.PeerAccount))

	for _, c := range []struct {
		who    string
		client *appstream.Client
	}{{"owner", owner}, {"peer", peer}} {
		out, err := c.client.DescribeImages(context.Background(), &appstream.DescribeImagesInput{Type: types.VisibilityTypePrivate})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: %d private image(s)\n", c.who, len(out.Images))
	}
	// Output:
	// owner: 1 private image(s)
	// peer: 0 private image(s)
}

// Pages iterates over the pages of a paginated operation, requesting each
// only when the loop needs it.
func ExampleDescribeImagesPaginator_Pages() {
	emu, stop := startEmulator()
	defer stop()
	client := appstream.New(emu.ClientOptions(emulator.DefaultAccount))
	for _, name := range []string{"image-a", "image-b", "image-c"} {
		if _, err := emu.SeedImage(emulator.DefaultAccount.ID, types.Image{Name: aws.String(name)}); err != nil {
			log.Fatal(err)
		}
	}

	p := appstream.NewDescribeImagesPaginator(client, &appstream.DescribeImagesInput{Type: types.VisibilityTypePrivate},
		func(o *appstream.DescribeImagesPaginatorOptions) { o.Limit = 2 })
	for page, err := range p.Pages(context.Background()) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("page of", len(page.Images))
	}
	// Output:
	// page of 2
	// page of 1
}

// Items iterates over the items of every page; breaking out of the loop
// makes no further request.
func ExampleDescribeImagesPaginator_Items() {
	emu, stop := startEmulator()
	defer stop()
	client := appstream.New(emu.ClientOptions(emulator.DefaultAccount))
	for _, name := range []string{"image-a", "image-b", "image-c"} {
		if _, err := emu.SeedImage(emulator.DefaultAccount.ID, types.Image{Name: aws.String(name)}); err != nil {
			log.Fatal(err)
		}
	}

	p := appstream.NewDescribeImagesPaginator(client, &appstream.DescribeImagesInput{Type: types.VisibilityTypePrivate},
		func(o *appstream.DescribeImagesPaginatorOptions) { o.Limit = 1 })
	for img, err := range p.Items(context.Background()) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(aws.ToString(img.Name), img.State)
	}
	// Output:
	// image-a AVAILABLE
	// image-b AVAILABLE
	// image-c AVAILABLE
}

// A waiter polls until the resource reaches a state. MinDelay and MaxDelay
// bound the pause between attempts; the emulator's builders start in
// milliseconds, so this one polls fast.
func ExampleImageBuilderRunningWaiter_Wait() {
	emu, stop := startEmulator()
	defer stop()
	ctx := context.Background()
	client := appstream.New(emu.ClientOptions(emulator.DefaultAccount))
	if _, err := client.CreateImageBuilder(ctx, &appstream.CreateImageBuilderInput{
		Name:         aws.String("builder-1"),
		InstanceType: aws.String("stream.standard.medium"),
		ImageName:    aws.String(emulator.BaseImageName),
	}); err != nil {
		log.Fatal(err)
	}

	w := appstream.NewImageBuilderRunningWaiter(client, func(o *appstream.ImageBuilderRunningWaiterOptions) {
		o.MinDelay = 5 * time.Millisecond
		o.MaxDelay = 20 * time.Millisecond
	})
	out, err := w.WaitForOutput(ctx, &appstream.DescribeImageBuildersInput{Names: []string{"builder-1"}}, time.Minute)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(aws.ToString(out.ImageBuilders[0].Name), out.ImageBuilders[0].State)
	// Output:
	// builder-1 RUNNING
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
	client := appstream.NewFromConfig(cfg)
	out, err := client.DescribeFleets(ctx, &appstream.DescribeFleetsInput{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(out.Fleets))
	// Output:
	// 0
}
