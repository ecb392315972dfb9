package jmespath_test

import (
	"context"
	"errors"
	"testing"
	"time"

	gen "github.com/eucsdk/eucsdk/codegen/testdata/golden/waiters"
	"github.com/eucsdk/eucsdk/codegen/testdata/golden/waiters/types"
	"github.com/eucsdk/eucsdk/runtime/waiter"
)

// These cases run JMESPath paths compiled by the generator: the waiters of
// testdata/models/waiters.json, generated into testdata/golden/waiters. Each
// case feeds one output (or error) to a waiter and checks the state the
// compiled acceptors reach, so the parser, the compiler and JMESPath's null
// and projection rules are checked together.

type fake struct {
	out *gen.GetThingOutput
	err error
}

func (f fake) GetThing(context.Context, *gen.GetThingInput, ...func(*gen.Options)) (*gen.GetThingOutput, error) {
	return f.out, f.err
}

func s(v string) *string { return &v }
func b(v bool) *bool     { return &v }
func n(v int32) *int32   { return &v }

func thing(name string, st types.ThingState, size int32, ready bool, tags ...string) types.Thing {
	return types.Thing{Name: s(name), State: st, Size: n(size), Ready: b(ready), Tags: tags}
}

type waitFunc func(context.Context, gen.GetThingAPIClient, *gen.GetThingInput) error

func outcome(t *testing.T, wait waitFunc, f fake, in *gen.GetThingInput) string {
	t.Helper()
	var slept time.Duration
	ctx := waiter.WithClock(context.Background(), waiter.Clock{
		Now:   func() time.Time { return time.Unix(0, 0).Add(slept) },
		Sleep: func(_ context.Context, d time.Duration) error { slept += d; return nil },
	})
	if in == nil {
		in = &gen.GetThingInput{}
	}
	err := wait(ctx, f, in)
	switch {
	case err == nil:
		return "success"
	case errors.Is(err, waiter.ErrFailureState):
		return "failure"
	case errors.Is(err, waiter.ErrMaxWaitExceeded):
		return "retry"
	}
	t.Fatalf("unexpected error %v", err)
	return ""
}

const maxWait = 10 * time.Minute

var (
	fieldReady = func(ctx context.Context, c gen.GetThingAPIClient, in *gen.GetThingInput) error {
		return gen.NewFieldReadyWaiter(c).Wait(ctx, in, maxWait)
	}
	indexReady = func(ctx context.Context, c gen.GetThingAPIClient, in *gen.GetThingInput) error {
		return gen.NewIndexReadyWaiter(c).Wait(ctx, in, maxWait)
	}
	allReady = func(ctx context.Context, c gen.GetThingAPIClient, in *gen.GetThingInput) error {
		return gen.NewAllReadyWaiter(c).Wait(ctx, in, maxWait)
	}
	groupsReady = func(ctx context.Context, c gen.GetThingAPIClient, in *gen.GetThingInput) error {
		return gen.NewGroupsReadyWaiter(c).Wait(ctx, in, maxWait)
	}
	filterReady = func(ctx context.Context, c gen.GetThingAPIClient, in *gen.GetThingInput) error {
		return gen.NewFilterReadyWaiter(c).Wait(ctx, in, maxWait)
	}
	settled = func(ctx context.Context, c gen.GetThingAPIClient, in *gen.GetThingInput) error {
		return gen.NewSettledWaiter(c).Wait(ctx, in, maxWait)
	}
	logic = func(ctx context.Context, c gen.GetThingAPIClient, in *gen.GetThingInput) error {
		return gen.NewLogicWaiter(c).Wait(ctx, in, maxWait)
	}
	echo = func(ctx context.Context, c gen.GetThingAPIClient, in *gen.GetThingInput) error {
		return gen.NewEchoWaiter(c).Wait(ctx, in, maxWait)
	}
	gone = func(ctx context.Context, c gen.GetThingAPIClient, in *gen.GetThingInput) error {
		return gen.NewGoneWaiter(c).Wait(ctx, in, maxWait)
	}
)

func TestCompiledPaths(t *testing.T) {
	ready, pending, failed := types.ThingStateReady, types.ThingStatePending, types.ThingStateFailed
	cases := []struct {
		name string
		wait waitFunc
		f    fake
		in   *gen.GetThingInput
		want string
	}{
		// Thing.State: field access through a nullable structure.
		{"field ready", fieldReady, fake{out: &gen.GetThingOutput{Thing: &types.Thing{State: ready}}}, nil, "success"},
		{"field failed", fieldReady, fake{out: &gen.GetThingOutput{Thing: &types.Thing{State: failed}}}, nil, "failure"},
		{"field null parent", fieldReady, fake{out: &gen.GetThingOutput{}}, nil, "retry"},
		{"unexpected error fails", fieldReady, fake{err: errors.New("boom")}, nil, "failure"},

		// Things[0].State, Things[-1].Name: indexes, out of range is null.
		{"index first", indexReady, fake{out: &gen.GetThingOutput{Things: []types.Thing{thing("a", ready, 1, true), thing("b", pending, 1, true)}}}, nil, "success"},
		{"index last", indexReady, fake{out: &gen.GetThingOutput{Things: []types.Thing{thing("a", pending, 1, true), thing("broken", pending, 1, true)}}}, nil, "failure"},
		{"index empty", indexReady, fake{out: &gen.GetThingOutput{}}, nil, "retry"},

		// Things[].State with allStringEquals / anyStringEquals.
		{"all ready", allReady, fake{out: &gen.GetThingOutput{Things: []types.Thing{thing("a", ready, 1, true), thing("b", ready, 1, true)}}}, nil, "success"},
		{"all: one failed", allReady, fake{out: &gen.GetThingOutput{Things: []types.Thing{thing("a", ready, 1, true), thing("b", failed, 1, true)}}}, nil, "failure"},
		{"all: empty list never matches", allReady, fake{out: &gen.GetThingOutput{}}, nil, "retry"},
		{"all: null states are dropped", allReady, fake{out: &gen.GetThingOutput{Things: []types.Thing{thing("a", ready, 1, true), {}}}}, nil, "success"},

		// Groups[].Members[].State: flatten then project; Tags[] flattens strings.
		{"groups ready", groupsReady, fake{out: &gen.GetThingOutput{Groups: []types.Group{{Members: []types.Thing{thing("a", ready, 1, true)}}, {Members: []types.Thing{thing("b", ready, 1, true)}}}}}, nil, "success"},
		{"groups pending", groupsReady, fake{out: &gen.GetThingOutput{Groups: []types.Group{{Members: []types.Thing{thing("a", ready, 1, true)}}, {Members: []types.Thing{thing("b", pending, 1, true)}}}}}, nil, "retry"},
		{"groups bad tag", groupsReady, fake{out: &gen.GetThingOutput{Groups: []types.Group{{}, {Members: []types.Thing{thing("b", pending, 1, true, "ok", "bad")}}}}}, nil, "failure"},

		// Filters with comparisons, &&, length().
		{"filter failed", filterReady, fake{out: &gen.GetThingOutput{Things: []types.Thing{thing("a", ready, 5, true), thing("b", failed, 5, true)}}}, nil, "failure"},
		{"filter all big and ready", filterReady, fake{out: &gen.GetThingOutput{Things: []types.Thing{thing("a", ready, 2, true), thing("b", pending, 3, true)}}}, nil, "success"},
		{"filter one too small", filterReady, fake{out: &gen.GetThingOutput{Things: []types.Thing{thing("a", ready, 1, true), thing("b", pending, 3, true)}}}, nil, "retry"},
		{"filter null size", filterReady, fake{out: &gen.GetThingOutput{Things: []types.Thing{{Ready: b(true)}}}}, nil, "retry"},

		// ! over a parenthesised && inside a filter (the ECS services-stable shape).
		{"settled", settled, fake{out: &gen.GetThingOutput{Things: []types.Thing{thing("a", ready, 1, true, "x")}}}, nil, "success"},
		{"settled: two tags", settled, fake{out: &gen.GetThingOutput{Things: []types.Thing{thing("a", ready, 1, true, "x", "y")}}}, nil, "retry"},
		{"settled: not ready", settled, fake{out: &gen.GetThingOutput{Things: []types.Thing{thing("a", ready, 1, false, "x")}}}, nil, "retry"},
		{"settled: vacuous", settled, fake{out: &gen.GetThingOutput{}}, nil, "success"},

		// Ok && Count == `3` || Count > `10`; !Ok && Thing != `null`.
		{"logic and", logic, fake{out: &gen.GetThingOutput{Ok: b(true), Count: n(3)}}, nil, "success"},
		{"logic or", logic, fake{out: &gen.GetThingOutput{Ok: b(true), Count: n(11)}}, nil, "success"},
		{"logic neither", logic, fake{out: &gen.GetThingOutput{Ok: b(true), Count: n(4)}}, nil, "retry"},
		{"logic not ok with thing", logic, fake{out: &gen.GetThingOutput{Ok: b(false), Count: n(4), Thing: &types.Thing{}}}, nil, "failure"},
		{"logic null ok without thing", logic, fake{out: &gen.GetThingOutput{}}, nil, "retry"},

		// inputOutput: input.Id == output.Thing.Name.
		{"echo equal", echo, fake{out: &gen.GetThingOutput{Thing: &types.Thing{Name: s("x")}}}, &gen.GetThingInput{Id: s("x")}, "success"},
		{"echo differ", echo, fake{out: &gen.GetThingOutput{Thing: &types.Thing{Name: s("y")}}}, &gen.GetThingInput{Id: s("x")}, "retry"},
		{"echo both null", echo, fake{out: &gen.GetThingOutput{}}, &gen.GetThingInput{}, "success"},
		{"echo one null", echo, fake{out: &gen.GetThingOutput{}}, &gen.GetThingInput{Id: s("x")}, "retry"},

		// errorType and success matchers.
		{"gone not found", gone, fake{err: &types.NotFound{Message: s("no")}}, nil, "success"},
		{"gone still there", gone, fake{out: &gen.GetThingOutput{}}, nil, "retry"},
		{"gone other error", gone, fake{err: errors.New("boom")}, nil, "failure"},
	}
	for _, tc := range cases {
		if got := outcome(t, tc.wait, tc.f, tc.in); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}
