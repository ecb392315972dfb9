package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/emulator"
	"github.com/eucsdk/eucsdk/examples/internal/exampleenv"
	"github.com/eucsdk/eucsdk/runtime/waiter"
	"github.com/eucsdk/eucsdk/workspaces"
)

func TestRunSharesAndListsFromBothAccounts(t *testing.T) {
	// Images take a minute of the manual clock to become AVAILABLE; the
	// waiters' 30s polls advance that clock instead of sleeping.
	clk := emulator.NewManualClock(time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC))
	emu := emulator.NewServer(t, emulator.WithClock(clk.Now), emulator.WithStateDelay(time.Minute))
	ctx := waiter.WithClock(context.Background(), waiter.Clock{Now: clk.Now, Sleep: func(ctx context.Context, d time.Duration) error {
		clk.Advance(d)
		return ctx.Err()
	}})
	cfg := config{Config: exampleenv.Config{Emulator: emu, PollInterval: 30 * time.Second, Timeout: 10 * time.Minute}, PageSize: 2}
	var out strings.Builder
	if err := run(ctx, &out, cfg); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	text := out.String()
	want := []string{
		"accounts owner 111111111111, peer 222222222222",
		"seed     WorkSpace ws-0example01 and 2 older images in owner 111111111111",
		"create   image wsi-",
		"from ws-0example01: PENDING",
		"waiting for AVAILABLE: wsi-",
		"is PENDING (attempt 2,",
		"ready    wsi-",
		"is AVAILABLE (attempt 3,",
		"share    wsi-",
		"with 222222222222 (AllowCopyImage)",
		"is shared with [222222222222]",
		"list     owner OWNED page 1: ",
		"list     owner OWNED page 2: ",
		"list     owner sees 3 OWNED image(s)",
		"list     peer SHARED page 1: wsi-",
		"eucsdk-example-ws-image AVAILABLE owner=111111111111",
		"list     peer sees 1 SHARED image(s)",
		"copy     222222222222 copies wsi-",
		"refused  deleting wsi-",
		"while shared: ResourceAssociatedException",
		"unshare  wsi-",
		"list     peer SHARED page 1: (none)",
		"list     peer sees 0 SHARED image(s)",
		"delete   111111111111 deletes wsi-",
		"delete   222222222222 deletes wsi-",
		"done     WorkSpaces image sharing complete",
	}
	rest := text
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Fatalf("output lacks %q after the previous line:\n%s", w, text)
		}
		rest = rest[i+len(w):]
	}
	if strings.Contains(text, "owner OWNED page 3") {
		t.Errorf("3 images in pages of 2 made a third page:\n%s", text)
	}

	// Only the two seeded images remain, both the owner's; the peer has none.
	owner := workspaces.New(emu.ClientOptions(emulator.DefaultAccount))
	left, err := owner.DescribeWorkspaceImages(ctx, &workspaces.DescribeWorkspaceImagesInput{})
	if err != nil || len(left.Images) != 2 {
		t.Fatalf("owner's images after the example: %+v, %v", left, err)
	}
	for _, im := range left.Images {
		if !strings.HasPrefix(*im.Name, "eucsdk-golden-") {
			t.Errorf("left behind %s", *im.Name)
		}
	}
	peer := workspaces.New(emu.ClientOptions(emulator.PeerAccount))
	if p, err := peer.DescribeWorkspaceImages(ctx, &workspaces.DescribeWorkspaceImagesInput{}); err != nil || len(p.Images) != 0 {
		t.Fatalf("peer's images after the example: %+v, %v", p, err)
	}
}
