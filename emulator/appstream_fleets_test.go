package emulator_test

import (
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/appstream/types"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/emulator"
)

// TestFleetLifecycle steps a fleet through STOPPED → STARTING → RUNNING →
// STOPPING → STOPPED on a manual clock, with the wrong-state and in-use
// errors AWS gives along the way.
func TestFleetLifecycle(t *testing.T) {
	emu, clk := newManual(t)
	c := asClient(emu, emulator.DefaultAccount)
	out, err := c.CreateFleet(ctx, &appstream.CreateFleetInput{
		Name: aws.String("f1"), InstanceType: aws.String("stream.standard.small"), ImageName: aws.String(emulator.BaseImageName),
		ComputeCapacity: &types.ComputeCapacity{DesiredInstances: aws.Int32(2)},
	})
	if err != nil {
		t.Fatal(err)
	}
	if out.Fleet.State != types.FleetStateStopped || aws.ToString(out.Fleet.ImageName) != emulator.BaseImageName {
		t.Fatalf("created fleet: %+v", out.Fleet)
	}
	_, err = c.CreateFleet(ctx, &appstream.CreateFleetInput{Name: aws.String("f1"), InstanceType: aws.String("x"), ImageName: aws.String(emulator.BaseImageName)})
	wantCode(t, err, "ResourceAlreadyExistsException", 400)
	_, err = c.CreateFleet(ctx, &appstream.CreateFleetInput{Name: aws.String("f2"), InstanceType: aws.String("x"), ImageName: aws.String("no-such-image")})
	wantCode(t, err, "ResourceNotFoundException", 404)

	state := func() types.Fleet {
		t.Helper()
		d, err := c.DescribeFleets(ctx, &appstream.DescribeFleetsInput{Names: []string{"f1"}})
		if err != nil || len(d.Fleets) != 1 {
			t.Fatalf("describe: %v %+v", err, d)
		}
		return d.Fleets[0]
	}
	if _, err := c.StartFleet(ctx, &appstream.StartFleetInput{Name: aws.String("f1")}); err != nil {
		t.Fatal(err)
	}
	if s := state().State; s != types.FleetStateStarting {
		t.Fatalf("after start: %s", s)
	}
	_, err = c.StopFleet(ctx, &appstream.StopFleetInput{Name: aws.String("f1")})
	wantCode(t, err, "ConcurrentModificationException", 400)
	_, err = c.DeleteFleet(ctx, &appstream.DeleteFleetInput{Name: aws.String("f1")})
	wantCode(t, err, "ResourceInUseException", 400)
	clk.Advance(delay)
	f := state()
	if f.State != types.FleetStateRunning || aws.ToInt32(f.ComputeCapacityStatus.Running) != 2 || aws.ToInt32(f.ComputeCapacityStatus.Available) != 2 {
		t.Fatalf("after delay: %s %+v", f.State, f.ComputeCapacityStatus)
	}

	// The image of a running fleet can change, as on AWS.
	u, err := c.UpdateFleet(ctx, &appstream.UpdateFleetInput{Name: aws.String("f1"), ImageName: aws.String(emulator.BaseImageName), Description: aws.String("d")})
	if err != nil || aws.ToString(u.Fleet.Description) != "d" {
		t.Fatalf("update: %v %+v", err, u)
	}

	if _, err := c.StopFleet(ctx, &appstream.StopFleetInput{Name: aws.String("f1")}); err != nil {
		t.Fatal(err)
	}
	if s := state().State; s != types.FleetStateStopping {
		t.Fatalf("after stop: %s", s)
	}
	clk.Advance(delay)
	if f := state(); f.State != types.FleetStateStopped || aws.ToInt32(f.ComputeCapacityStatus.Running) != 0 {
		t.Fatalf("after delay: %s %+v", f.State, f.ComputeCapacityStatus)
	}
	if _, err := c.DeleteFleet(ctx, &appstream.DeleteFleetInput{Name: aws.String("f1")}); err != nil {
		t.Fatal(err)
	}
	_, err = c.DescribeFleets(ctx, &appstream.DescribeFleetsInput{Names: []string{"f1"}})
	wantCode(t, err, "ResourceNotFoundException", 404)
}

// TestStackFleetAssociation covers stacks and their fleets: create,
// associate, list both ways, in-use deletes, disassociate, delete.
func TestStackFleetAssociation(t *testing.T) {
	emu := emulator.NewServer(t, emulator.WithStateDelay(0))
	c := asClient(emu, emulator.DefaultAccount)
	if _, err := c.CreateFleet(ctx, &appstream.CreateFleetInput{Name: aws.String("f1"), InstanceType: aws.String("x"), ImageName: aws.String(emulator.BaseImageName)}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateStack(ctx, &appstream.CreateStackInput{Name: aws.String("s1")}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateStack(ctx, &appstream.CreateStackInput{Name: aws.String("s2")}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.AssociateFleet(ctx, &appstream.AssociateFleetInput{FleetName: aws.String("f1"), StackName: aws.String("s1")}); err != nil {
		t.Fatal(err)
	}
	_, err := c.AssociateFleet(ctx, &appstream.AssociateFleetInput{FleetName: aws.String("f1"), StackName: aws.String("s2")})
	wantCode(t, err, "LimitExceededException", 400)
	lf, err := c.ListAssociatedFleets(ctx, &appstream.ListAssociatedFleetsInput{StackName: aws.String("s1")})
	if err != nil || len(lf.Names) != 1 || lf.Names[0] != "f1" {
		t.Fatalf("fleets of s1: %v %+v", err, lf)
	}
	ls, err := c.ListAssociatedStacks(ctx, &appstream.ListAssociatedStacksInput{FleetName: aws.String("f1")})
	if err != nil || len(ls.Names) != 1 || ls.Names[0] != "s1" {
		t.Fatalf("stacks of f1: %v %+v", err, ls)
	}
	_, err = c.DeleteStack(ctx, &appstream.DeleteStackInput{Name: aws.String("s1")})
	wantCode(t, err, "ResourceInUseException", 400)
	_, err = c.DeleteFleet(ctx, &appstream.DeleteFleetInput{Name: aws.String("f1")})
	wantCode(t, err, "ResourceInUseException", 400)
	if u, err := c.UpdateStack(ctx, &appstream.UpdateStackInput{Name: aws.String("s1"), DisplayName: aws.String("S")}); err != nil || aws.ToString(u.Stack.DisplayName) != "S" {
		t.Fatalf("update stack: %v", err)
	}
	if _, err := c.DisassociateFleet(ctx, &appstream.DisassociateFleetInput{FleetName: aws.String("f1"), StackName: aws.String("s1")}); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"s1", "s2"} {
		if _, err := c.DeleteStack(ctx, &appstream.DeleteStackInput{Name: aws.String(s)}); err != nil {
			t.Fatal(err)
		}
	}
	d, err := c.DescribeStacks(ctx, &appstream.DescribeStacksInput{})
	if err != nil || len(d.Stacks) != 0 {
		t.Fatalf("stacks left: %v %+v", err, d)
	}
	// Another account sees none of it.
	_, err = asClient(emu, emulator.PeerAccount).DescribeFleets(ctx, &appstream.DescribeFleetsInput{Names: []string{"f1"}})
	wantCode(t, err, "ResourceNotFoundException", 404)
}

// TestFleetWaitersAreInstantInTests: with the emulator's state delay at
// zero and the waiter's MinDelay/MaxDelay at a millisecond, FleetStarted
// and FleetStopped return as soon as the emulator moves the fleet on.
func TestFleetWaitersAreInstantInTests(t *testing.T) {
	emu := emulator.NewServer(t, emulator.WithStateDelay(0))
	c := asClient(emu, emulator.DefaultAccount)
	if _, err := c.CreateFleet(ctx, &appstream.CreateFleetInput{Name: aws.String("f1"), InstanceType: aws.String("x"), ImageName: aws.String(emulator.BaseImageName)}); err != nil {
		t.Fatal(err)
	}
	fast := func(o *appstream.FleetStartedWaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Millisecond, time.Millisecond
	}
	if _, err := c.StartFleet(ctx, &appstream.StartFleetInput{Name: aws.String("f1")}); err != nil {
		t.Fatal(err)
	}
	if err := appstream.NewFleetStartedWaiter(c, fast).Wait(ctx, &appstream.DescribeFleetsInput{Names: []string{"f1"}}, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	if _, err := c.StopFleet(ctx, &appstream.StopFleetInput{Name: aws.String("f1")}); err != nil {
		t.Fatal(err)
	}
	stopped := func(o *appstream.FleetStoppedWaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Millisecond, time.Millisecond
	}
	if err := appstream.NewFleetStoppedWaiter(c, stopped).Wait(ctx, &appstream.DescribeFleetsInput{Names: []string{"f1"}}, 5*time.Second); err != nil {
		t.Fatal(err)
	}
}
