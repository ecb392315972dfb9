package emulator_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/appstream/types"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/emulator"
	wstypes "github.com/eucsdk/eucsdk/workspaces/types"
)

// fakeTB records what Stub reports instead of failing the real test.
type fakeTB struct {
	failed  string
	cleanup []func()
}

func (f *fakeTB) Helper()                           {}
func (f *fakeTB) Cleanup(fn func())                 { f.cleanup = append(f.cleanup, fn) }
func (f *fakeTB) Fatalf(format string, args ...any) { f.failed = fmt.Sprintf(format, args...) }

// TestStubRejectsWrongStub: a stub that does not fit the model fails the
// test at setup, naming what is wrong.
func TestStubRejectsWrongStub(t *testing.T) {
	emu := emulator.New()
	for _, c := range []struct {
		op       string
		response any
		want     string
	}{
		{"appstream:DescribeFleets", `{"Fleets":[{"Name":"f1","Colour":"blue"}]}`, `unknown field "Colour"`},
		{"appstream:DescribeFleets", `{"Bogus":1}`, `unknown field "Bogus"`},
		{"appstream:DescribeFleets", &appstream.DescribeStacksOutput{}, "DescribeFleets returns *appstream.DescribeFleetsOutput"},
		{"appstream:DescribeFleets", &types.ResourceAlreadyExistsException{}, "DescribeFleets cannot return ResourceAlreadyExistsException"},
		{"appstream:DescribeFleets", &wstypes.ResourceNotFoundException{}, "not an error of the appstream model"},
		{"appstream:DescribeFleets", errors.New("boom"), "not an error of the appstream model"},
		{"appstream:DescribeFleets", &emulator.StubbedError{Code: "Teapot"}, `StubbedError "Teapot"`},
		{"appstream:DescribeFlets", &appstream.DescribeFleetsOutput{}, "no operation DescribeFlets"},
		{"s3:GetObject", nil, `no service "s3"`},
	} {
		var tb fakeTB
		emu.Stub(&tb, c.op, c.response)
		if !strings.Contains(tb.failed, c.want) {
			t.Errorf("Stub(%s, %v): reported %q, want %q", c.op, c.response, tb.failed, c.want)
		}
	}
	// The right ones are accepted.
	for _, r := range []any{&appstream.DescribeFleetsOutput{}, `{"Fleets":[]}`, &emulator.StubbedError{Code: "ThrottlingException"}} {
		var tb fakeTB
		emu.Stub(&tb, "appstream:DescribeFleets", r)
		if tb.failed != "" {
			t.Errorf("Stub(%v): %s", r, tb.failed)
		}
	}
	var tb fakeTB
	emu.Stub(&tb, "appstream:DeleteFleet", &types.ResourceInUseException{Message: aws.String("in use")})
	if tb.failed != "" {
		t.Errorf("a modeled error of the operation: %s", tb.failed)
	}
}

// TestStubsQueueAndValidate: stubbed answers come in order, the last
// repeats, input checks still run, and the stub ends with the test.
func TestStubsQueueAndValidate(t *testing.T) {
	emu := emulator.NewServer(t)
	c := asClient(emu, emulator.DefaultAccount)
	ctx := context.Background()
	var tb fakeTB
	emu.Stub(&tb, "appstream:DescribeFleets", `{"Fleets":[{"Name":"stubbed","State":"RUNNING"}]}`)
	emu.Stub(&tb, "appstream:DescribeFleets", &emulator.StubbedError{Code: "ThrottlingException", Message: "slow down"})
	out, err := c.DescribeFleets(ctx, &appstream.DescribeFleetsInput{})
	if err != nil || len(out.Fleets) != 1 || aws.ToString(out.Fleets[0].Name) != "stubbed" || out.Fleets[0].State != types.FleetStateRunning {
		t.Fatalf("first call: %+v, %v", out, err)
	}
	for i := 0; i < 2; i++ {
		_, err = c.DescribeFleets(ctx, &appstream.DescribeFleetsInput{})
		wantCode(t, err, "ThrottlingException", 400)
	}
	for _, f := range tb.cleanup {
		f()
	}
	if out, err := c.DescribeFleets(ctx, &appstream.DescribeFleetsInput{}); err != nil || len(out.Fleets) != 0 {
		t.Fatalf("after cleanup the emulator answers again: %+v, %v", out, err)
	}
}

// ExampleEmulator_Stub: make an operation answer what a test needs, checked
// against the model (a misspelt member or an error the operation cannot
// return fails the test at setup).
func ExampleEmulator_Stub() {
	t := &testing.T{} // in a test, the test's own t
	emu := emulator.NewServer(t)
	emu.Stub(t, "appstream:DescribeFleets", `{"Fleets":[{"Name":"prod","State":"RUNNING"}]}`)
	emu.Stub(t, "appstream:DeleteFleet", &types.ResourceInUseException{Message: aws.String("fleet is running")})

	c := appstream.New(emu.ClientOptions(emulator.DefaultAccount))
	out, _ := c.DescribeFleets(context.Background(), &appstream.DescribeFleetsInput{})
	fmt.Println(aws.ToString(out.Fleets[0].Name), out.Fleets[0].State)
	_, err := c.DeleteFleet(context.Background(), &appstream.DeleteFleetInput{Name: aws.String("prod")})
	var inUse *types.ResourceInUseException
	fmt.Println(errors.As(err, &inUse))
	// Output:
	// prod RUNNING
	// true
}

// ExampleEmulator_Requests: assert what the code under test sent, as its
// decoded input.
func ExampleEmulator_Requests() {
	t := &testing.T{}
	emu := emulator.NewServer(t)
	c := appstream.New(emu.ClientOptions(emulator.DefaultAccount))
	_, _ = c.CreateStack(context.Background(), &appstream.CreateStackInput{Name: aws.String("s1"), Description: aws.String("demo")})

	for _, r := range emu.Requests("appstream:CreateStack") {
		in := r.Input.(*appstream.CreateStackInput)
		fmt.Println(r.Account, aws.ToString(in.Name), aws.ToString(in.Description), r.Err)
	}
	// Output:
	// 111111111111 s1 demo <nil>
}
