package workspaces

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/runtime/waiter"
	"github.com/eucsdk/eucsdk/workspaces/types"
)

func fakeTime() (context.Context, *time.Duration) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var slept time.Duration
	return waiter.WithClock(context.Background(), waiter.Clock{
		Now:   func() time.Time { return now.Add(slept) },
		Sleep: func(_ context.Context, d time.Duration) error { slept += d; return nil },
		Rand:  func(n int64) int64 { return 0 },
	}), &slept
}

type imagesFunc func(*DescribeWorkspaceImagesInput) (*DescribeWorkspaceImagesOutput, error)

func (f imagesFunc) DescribeWorkspaceImages(_ context.Context, in *DescribeWorkspaceImagesInput, _ ...func(*Options)) (*DescribeWorkspaceImagesOutput, error) {
	return f(in)
}

type workspacesFunc func(*DescribeWorkspacesInput) (*DescribeWorkspacesOutput, error)

func (f workspacesFunc) DescribeWorkspaces(_ context.Context, in *DescribeWorkspacesInput, _ ...func(*Options)) (*DescribeWorkspacesOutput, error) {
	return f(in)
}

type importFunc func(*DescribeCustomWorkspaceImageImportInput) (*DescribeCustomWorkspaceImageImportOutput, error)

func (f importFunc) DescribeCustomWorkspaceImageImport(_ context.Context, in *DescribeCustomWorkspaceImageImportInput, _ ...func(*Options)) (*DescribeCustomWorkspaceImageImportOutput, error) {
	return f(in)
}

// run waits over a script of states ("!" fails the call) and reports the
// error and how many calls were made.
func run(name string, script []string) (int, *time.Duration, error) {
	ctx, slept := fakeTime()
	calls := 0
	step := func() (string, error) {
		s := script[min(calls, len(script)-1)]
		calls++
		if s == "!" {
			return "", &types.AccessDeniedException{Message: aws.String("no")}
		}
		return s, nil
	}
	var err error
	switch name {
	case "WorkspaceImageAvailable":
		err = NewWorkspaceImageAvailableWaiter(imagesFunc(func(*DescribeWorkspaceImagesInput) (*DescribeWorkspaceImagesOutput, error) {
			s, err := step()
			if err != nil {
				return nil, err
			}
			return &DescribeWorkspaceImagesOutput{Images: []types.WorkspaceImage{{ImageId: aws.String("wsi-1"), State: types.WorkspaceImageState(s)}}}, nil
		})).Wait(ctx, &DescribeWorkspaceImagesInput{ImageIds: []string{"wsi-1"}}, 2*time.Hour)
	case "WorkspaceAvailable":
		err = NewWorkspaceAvailableWaiter(workspacesFunc(func(*DescribeWorkspacesInput) (*DescribeWorkspacesOutput, error) {
			s, err := step()
			if err != nil {
				return nil, err
			}
			return &DescribeWorkspacesOutput{Workspaces: []types.Workspace{{WorkspaceId: aws.String("ws-1"), State: types.WorkspaceState(s)}}}, nil
		})).Wait(ctx, &DescribeWorkspacesInput{WorkspaceIds: []string{"ws-1"}}, 2*time.Hour)
	case "CustomWorkspaceImageImportCompleted":
		err = NewCustomWorkspaceImageImportCompletedWaiter(importFunc(func(in *DescribeCustomWorkspaceImageImportInput) (*DescribeCustomWorkspaceImageImportOutput, error) {
			s, err := step()
			if err != nil {
				return nil, err
			}
			return &DescribeCustomWorkspaceImageImportOutput{ImageId: in.ImageId, State: types.CustomWorkspaceImageImportState(s)}, nil
		})).Wait(ctx, &DescribeCustomWorkspaceImageImportInput{ImageId: aws.String("wsi-1")}, 2*time.Hour)
	}
	return calls, slept, err
}

func TestWorkSpacesWaiters(t *testing.T) {
	for _, tc := range []struct {
		name     string
		success  []string
		failures [][]string
		pending  string
	}{
		{"WorkspaceImageAvailable", []string{"PENDING", "AVAILABLE"}, [][]string{{"PENDING", "ERROR"}, {"!"}}, "PENDING"},
		{"CustomWorkspaceImageImportCompleted", []string{"PENDING", "IN_PROGRESS", "VALIDATING", "COMPLETED"}, [][]string{{"IN_PROGRESS", "ERROR"}, {"!"}}, "PUBLISHING"},
		{"WorkspaceAvailable", []string{"PENDING", "STARTING", "AVAILABLE"}, [][]string{{"PENDING", "ERROR"}, {"TERMINATING"}, {"TERMINATED"}}, "STARTING"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if calls, _, err := run(tc.name, tc.success); err != nil || calls != len(tc.success) {
				t.Errorf("success: %v after %d calls", err, calls)
			}
			for _, script := range tc.failures {
				calls, _, err := run(tc.name, script)
				var we *waiter.Error
				if !errors.As(err, &we) || !errors.Is(err, waiter.ErrFailureState) || we.Waiter != tc.name || we.Attempts != len(script) || calls != len(script) {
					t.Errorf("failure %v: %v after %d calls", script, err, calls)
				}
			}
			calls, slept, err := run(tc.name, []string{tc.pending})
			var we *waiter.Error
			if !errors.Is(err, waiter.ErrMaxWaitExceeded) || !errors.As(err, &we) || !strings.Contains(we.Seen, tc.pending) || *slept > 2*time.Hour || calls < 2 {
				t.Fatalf("timeout: %v after %d calls, slept %v", err, calls, *slept)
			}
		})
	}
}
