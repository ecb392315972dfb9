package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/emulator"
)

// TestPipelineRunsAndCleansUp runs the whole pipeline against an emulator
// whose transitions take a few milliseconds, then checks that nothing it
// created is left behind.
func TestPipelineRunsAndCleansUp(t *testing.T) {
	emu := emulator.NewServer(t, emulator.WithStateDelay(5*time.Millisecond))
	var out strings.Builder
	if err := run(context.Background(), &out, config{Emulator: emu, Poll: time.Millisecond, Timeout: 10 * time.Second}); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	for _, want := range []string{"peer sees 1 shared image", "on pipeline-image-v2: RUNNING, 2 of 2", "stack    pipeline-stack serves pipeline-fleet", "done"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	c := appstream.New(emu.ClientOptions(emulator.DefaultAccount))
	ctx := context.Background()
	fleets, err := c.DescribeFleets(ctx, &appstream.DescribeFleetsInput{})
	if err != nil || len(fleets.Fleets) != 0 {
		t.Errorf("fleets left: %v %+v", err, fleets)
	}
	stacks, err := c.DescribeStacks(ctx, &appstream.DescribeStacksInput{})
	if err != nil || len(stacks.Stacks) != 0 {
		t.Errorf("stacks left: %v %+v", err, stacks)
	}
	builders, err := c.DescribeImageBuilders(ctx, &appstream.DescribeImageBuildersInput{})
	if err != nil || len(builders.ImageBuilders) != 0 {
		t.Errorf("builders left: %v %+v", err, builders)
	}
}
