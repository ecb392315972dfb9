package appstream

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/appstream/types"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/runtime/waiter"
)

// fakeTime is an injected clock: sleeping advances it, nothing sleeps for real.
func fakeTime(t *testing.T) (context.Context, *time.Duration) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var slept time.Duration
	ctx := waiter.WithClock(context.Background(), waiter.Clock{
		Now:   func() time.Time { return now.Add(slept) },
		Sleep: func(_ context.Context, d time.Duration) error { slept += d; return nil },
		Rand:  func(n int64) int64 { return n - 1 },
	})
	return ctx, &slept
}

// A script step is a state name, "[]" for an empty list, or "!Code" for a
// service error.
func scriptErr(step string) error {
	if code, ok := strings.CutPrefix(step, "!"); ok {
		if code == "ResourceNotFoundException" {
			return &types.ResourceNotFoundException{Message: aws.String("gone")}
		}
		return &types.OperationNotPermittedException{Message: aws.String(code)}
	}
	return nil
}

type fleetsFunc func(context.Context, *DescribeFleetsInput, ...func(*Options)) (*DescribeFleetsOutput, error)

func (f fleetsFunc) DescribeFleets(ctx context.Context, in *DescribeFleetsInput, o ...func(*Options)) (*DescribeFleetsOutput, error) {
	return f(ctx, in, o...)
}

type buildersFunc func(context.Context, *DescribeImageBuildersInput, ...func(*Options)) (*DescribeImageBuildersOutput, error)

func (f buildersFunc) DescribeImageBuilders(ctx context.Context, in *DescribeImageBuildersInput, o ...func(*Options)) (*DescribeImageBuildersOutput, error) {
	return f(ctx, in, o...)
}

type exportTaskFunc func(context.Context, *GetExportImageTaskInput, ...func(*Options)) (*GetExportImageTaskOutput, error)

func (f exportTaskFunc) GetExportImageTask(ctx context.Context, in *GetExportImageTaskInput, o ...func(*Options)) (*GetExportImageTaskOutput, error) {
	return f(ctx, in, o...)
}

type imagesFunc func(context.Context, *DescribeImagesInput, ...func(*Options)) (*DescribeImagesOutput, error)

func (f imagesFunc) DescribeImages(ctx context.Context, in *DescribeImagesInput, o ...func(*Options)) (*DescribeImagesOutput, error) {
	return f(ctx, in, o...)
}

// next hands out script steps, repeating the last one.
func next(script []string, calls *int) string {
	s := script[min(*calls, len(script)-1)]
	*calls++
	return s
}

type waitCase struct {
	name    string
	wait    func(ctx context.Context, script []string, calls *int) error
	success [][]string // scripts that end in success
	failure [][]string // scripts that end in a failure state
	pending string     // a state that keeps the waiter polling
}

func appstreamWaiters() []waitCase {
	fleets := func(newW func(DescribeFleetsAPIClient) func(context.Context, *DescribeFleetsInput) error) func(context.Context, []string, *int) error {
		return func(ctx context.Context, script []string, calls *int) error {
			return newW(fleetsFunc(func(_ context.Context, in *DescribeFleetsInput, _ ...func(*Options)) (*DescribeFleetsOutput, error) {
				s := next(script, calls)
				if err := scriptErr(s); err != nil {
					return nil, err
				}
				out := &DescribeFleetsOutput{}
				for _, st := range strings.Split(s, ",") {
					out.Fleets = append(out.Fleets, types.Fleet{Name: aws.String("f"), State: types.FleetState(st)})
				}
				return out, nil
			}))(ctx, &DescribeFleetsInput{Names: []string{"f"}})
		}
	}
	builders := func(newW func(DescribeImageBuildersAPIClient) func(context.Context, *DescribeImageBuildersInput) error) func(context.Context, []string, *int) error {
		return func(ctx context.Context, script []string, calls *int) error {
			return newW(buildersFunc(func(_ context.Context, in *DescribeImageBuildersInput, _ ...func(*Options)) (*DescribeImageBuildersOutput, error) {
				s := next(script, calls)
				if err := scriptErr(s); err != nil {
					return nil, err
				}
				out := &DescribeImageBuildersOutput{}
				if s != "[]" {
					for _, st := range strings.Split(s, ",") {
						out.ImageBuilders = append(out.ImageBuilders, types.ImageBuilder{Name: aws.String("b"), State: types.ImageBuilderState(st)})
					}
				}
				return out, nil
			}))(ctx, &DescribeImageBuildersInput{Names: []string{"b"}})
		}
	}
	images := func(newW func(DescribeImagesAPIClient) func(context.Context, *DescribeImagesInput) error) func(context.Context, []string, *int) error {
		return func(ctx context.Context, script []string, calls *int) error {
			return newW(imagesFunc(func(_ context.Context, in *DescribeImagesInput, _ ...func(*Options)) (*DescribeImagesOutput, error) {
				s := next(script, calls)
				if err := scriptErr(s); err != nil {
					return nil, err
				}
				out := &DescribeImagesOutput{}
				if s != "[]" {
					for _, st := range strings.Split(s, ",") {
						out.Images = append(out.Images, types.Image{Name: aws.String("i"), State: types.ImageState(st)})
					}
				}
				return out, nil
			}))(ctx, &DescribeImagesInput{Names: []string{"i"}})
		}
	}
	export := func(ctx context.Context, script []string, calls *int) error {
		c := exportTaskFunc(func(_ context.Context, in *GetExportImageTaskInput, _ ...func(*Options)) (*GetExportImageTaskOutput, error) {
			s := next(script, calls)
			if err := scriptErr(s); err != nil {
				return nil, err
			}
			return &GetExportImageTaskOutput{ExportImageTask: &types.ExportImageTask{TaskId: in.TaskId, State: types.ExportImageTaskState(s)}}, nil
		})
		return NewExportImageTaskCompletedWaiter(c).Wait(ctx, &GetExportImageTaskInput{TaskId: aws.String("t")}, time.Hour)
	}
	return []waitCase{
		{
			name:    "ExportImageTaskCompleted",
			wait:    export,
			success: [][]string{{"EXPORTING", "COMPLETED"}},
			failure: [][]string{{"EXPORTING", "FAILED"}},
			pending: "EXPORTING",
		},
		{
			name: "FleetStarted",
			wait: fleets(func(c DescribeFleetsAPIClient) func(context.Context, *DescribeFleetsInput) error {
				return func(ctx context.Context, in *DescribeFleetsInput) error {
					return NewFleetStartedWaiter(c).Wait(ctx, in, time.Hour)
				}
			}),
			success: [][]string{{"STARTING", "RUNNING"}, {"RUNNING,RUNNING"}},
			failure: [][]string{{"STARTING", "STOPPING"}, {"RUNNING,STOPPED"}},
			pending: "STARTING",
		},
		{
			name: "FleetStopped",
			wait: fleets(func(c DescribeFleetsAPIClient) func(context.Context, *DescribeFleetsInput) error {
				return func(ctx context.Context, in *DescribeFleetsInput) error {
					return NewFleetStoppedWaiter(c).Wait(ctx, in, time.Hour)
				}
			}),
			success: [][]string{{"STOPPING", "STOPPED"}},
			failure: [][]string{{"STOPPING", "STARTING"}, {"STOPPED,RUNNING"}},
			pending: "STOPPING",
		},
		{
			name: "ImageBuilderRunning",
			wait: builders(func(c DescribeImageBuildersAPIClient) func(context.Context, *DescribeImageBuildersInput) error {
				return func(ctx context.Context, in *DescribeImageBuildersInput) error {
					return NewImageBuilderRunningWaiter(c).Wait(ctx, in, time.Hour)
				}
			}),
			success: [][]string{{"PENDING", "UPDATING_AGENT", "RUNNING"}},
			failure: [][]string{{"PENDING", "FAILED"}, {"STOPPED"}, {"RUNNING,DELETING"}, {"!OperationNotPermittedException"}},
			pending: "PENDING",
		},
		{
			name: "ImageBuilderStopped",
			wait: builders(func(c DescribeImageBuildersAPIClient) func(context.Context, *DescribeImageBuildersInput) error {
				return func(ctx context.Context, in *DescribeImageBuildersInput) error {
					return NewImageBuilderStoppedWaiter(c).Wait(ctx, in, time.Hour)
				}
			}),
			success: [][]string{{"STOPPING", "STOPPED"}},
			failure: [][]string{{"STOPPING", "FAILED"}, {"DELETING"}},
			pending: "STOPPING",
		},
		{
			name: "ImageBuilderDeleted",
			wait: builders(func(c DescribeImageBuildersAPIClient) func(context.Context, *DescribeImageBuildersInput) error {
				return func(ctx context.Context, in *DescribeImageBuildersInput) error {
					return NewImageBuilderDeletedWaiter(c).Wait(ctx, in, time.Hour)
				}
			}),
			success: [][]string{{"DELETING", "!ResourceNotFoundException"}, {"DELETING", "[]"}},
			failure: [][]string{{"DELETING", "!OperationNotPermittedException"}},
			pending: "DELETING",
		},
		{
			name: "ImageAvailable",
			wait: images(func(c DescribeImagesAPIClient) func(context.Context, *DescribeImagesInput) error {
				return func(ctx context.Context, in *DescribeImagesInput) error {
					return NewImageAvailableWaiter(c).Wait(ctx, in, time.Hour)
				}
			}),
			// An imported image (CreateImportedImage) passes IMPORTING and
			// VALIDATING on its way: the same waiter covers it.
			success: [][]string{{"PENDING", "CREATING", "AVAILABLE"}, {"IMPORTING", "VALIDATING", "AVAILABLE"}},
			failure: [][]string{{"PENDING", "FAILED"}, {"IMPORTING", "FAILED"}},
			pending: "PENDING",
		},
		{
			name: "ImageDeleted",
			wait: images(func(c DescribeImagesAPIClient) func(context.Context, *DescribeImagesInput) error {
				return func(ctx context.Context, in *DescribeImagesInput) error {
					return NewImageDeletedWaiter(c).Wait(ctx, in, time.Hour)
				}
			}),
			success: [][]string{{"DELETING", "!ResourceNotFoundException"}, {"[]"}},
			failure: [][]string{{"!OperationNotPermittedException"}},
			pending: "DELETING",
		},
	}
}

func TestAppStreamWaiters(t *testing.T) {
	for _, tc := range appstreamWaiters() {
		t.Run(tc.name, func(t *testing.T) {
			for _, script := range tc.success {
				ctx, _ := fakeTime(t)
				calls := 0
				if err := tc.wait(ctx, script, &calls); err != nil || calls != len(script) {
					t.Errorf("success %v: err %v after %d calls", script, err, calls)
				}
			}
			for _, script := range tc.failure {
				ctx, _ := fakeTime(t)
				calls := 0
				err := tc.wait(ctx, script, &calls)
				var we *waiter.Error
				if !errors.As(err, &we) || !errors.Is(err, waiter.ErrFailureState) || we.Waiter != tc.name || we.Attempts != len(script) || calls != len(script) {
					t.Errorf("failure %v: err %v after %d calls", script, err, calls)
					continue
				}
				last := script[len(script)-1]
				if want := strings.TrimPrefix(strings.Split(last, ",")[len(strings.Split(last, ","))-1], "!"); !strings.Contains(we.Seen, want) {
					t.Errorf("failure %v: last state %q does not mention %s", script, we.Seen, want)
				}
			}
			ctx, slept := fakeTime(t)
			calls := 0
			err := tc.wait(ctx, []string{tc.pending}, &calls)
			var we *waiter.Error
			if !errors.Is(err, waiter.ErrMaxWaitExceeded) || !errors.As(err, &we) || !strings.Contains(we.Seen, tc.pending) || we.Attempts != calls {
				t.Fatalf("timeout: %v", err)
			}
			if *slept > time.Hour || calls < 2 {
				t.Fatalf("timeout: slept %v over %d calls", *slept, calls)
			}
		})
	}
}

func TestWaiterOptionsAndRetryableOverride(t *testing.T) {
	ctx, slept := fakeTime(t)
	calls := 0
	var sawClientOpt bool
	client := buildersFunc(func(_ context.Context, in *DescribeImageBuildersInput, optFns ...func(*Options)) (*DescribeImageBuildersOutput, error) {
		calls++
		var o Options
		for _, fn := range optFns {
			fn(&o)
		}
		sawClientOpt = o.AppID == "waiter-test"
		return &DescribeImageBuildersOutput{ImageBuilders: []types.ImageBuilder{{State: types.ImageBuilderStatePending}}}, nil
	})
	w := NewImageBuilderRunningWaiter(client, func(o *ImageBuilderRunningWaiterOptions) {
		o.MinDelay, o.MaxDelay = time.Second, 4*time.Second
		o.ClientOptions = append(o.ClientOptions, func(o *Options) { o.AppID = "waiter-test" })
	})
	// A caller-defined state: treat PENDING on the third attempt as good enough.
	out, err := w.WaitForOutput(ctx, &DescribeImageBuildersInput{}, time.Minute, func(o *ImageBuilderRunningWaiterOptions) {
		def := o.Retryable
		o.Retryable = func(ctx context.Context, in *DescribeImageBuildersInput, out *DescribeImageBuildersOutput, err error) (bool, error) {
			if calls == 3 {
				return false, nil
			}
			return def(ctx, in, out, err)
		}
	})
	if err != nil || out == nil || calls != 3 || !sawClientOpt {
		t.Fatalf("out %v err %v calls %d clientOpt %v", out, err, calls, sawClientOpt)
	}
	if *slept != 1*time.Second+2*time.Second {
		t.Fatalf("delays with MinDelay 1s: slept %v", *slept)
	}
}
