package codegen

import (
	"strings"
	"testing"
)

// The overlays under testdata/overlays apply to testdata/models/waiters.json.
func overlayConfig(overlay string) Config {
	return Config{
		Models:     []string{"testdata/models/waiters.json"},
		Overlays:   []string{"testdata/overlays/" + overlay},
		Package:    "waiters",
		ImportPath: goldenImport + "waiters",
	}
}

func TestOverlayRejectsMissingTargets(t *testing.T) {
	for _, tc := range []struct{ overlay, want string }{
		{"missing-shape.json", "missing-shape.json: apply targets missing shape example.waiters#ListWidgets"},
		{"missing-member.json", "missing-member.json: apply targets missing member NextToken of shape example.waiters#GetThingInput"},
	} {
		_, _, _, err := Generate(overlayConfig(tc.overlay))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to contain %q", tc.overlay, err, tc.want)
		}
	}
}

// A waiter path the compiler rejects skips that waiter, not the service, and
// the report names the operation, the waiter, the path and what is wrong.
func TestUnsupportedWaiterPathNamesOperationAndWaiter(t *testing.T) {
	svc, _, _, err := Generate(overlayConfig("bad-path.json"))
	if err != nil {
		t.Fatalf("a bad waiter failed the service: %v", err)
	}
	var report []string
	for _, u := range svc.Unsupported {
		report = append(report, u.Operation+" "+u.ShapeID+": "+u.Reason)
	}
	got := strings.Join(report, "\n")
	for _, want := range []string{"GetThing example.waiters#GetThing", "waiter Sorted not generated", "sort(Things[].Name)", "function sort"} {
		if !strings.Contains(got, want) {
			t.Errorf("report %q lacks %q", got, want)
		}
	}
}

func TestOverlayAddsPaginatorFieldsAndWaiters(t *testing.T) {
	_, files, _, err := Generate(overlayConfig("paginate.json"))
	if err != nil {
		t.Fatal(err)
	}
	for file, wants := range map[string][]string{
		// Restating the model's paginated values is not a conflict.
		"api_op_ListThings.go": {"func NewListThingsPaginator(", "func (p *ListThingsPaginator) Items(ctx context.Context) iter.Seq2[types.Thing, error]", "params.MaxResults = aws.Int32(p.options.Limit)"},
		// The overlay's waiter joined the model's.
		"api_op_GetThing.go": {"func NewNamedAWaiter(", "func NewFieldReadyWaiter("},
	} {
		for _, w := range wants {
			if !strings.Contains(string(files[file]), w) {
				t.Errorf("%s lacks %q", file, w)
			}
		}
	}
}

// A model without the aws.api#longPoll marker gets it from an overlay; only
// the marked operation's descriptor says LongPolling, which is what makes the
// pipeline run it with retry.WithLongPolling.
func TestOverlayMarksLongPolling(t *testing.T) {
	plain, plainFiles, _, err := Generate(overlayConfig("paginate.json"))
	if err != nil {
		t.Fatal(err)
	}
	svc, files, _, err := Generate(overlayConfig("longpoll.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range plain.Operations {
		if op.LongPolling {
			t.Errorf("%s is long-polling without the overlay", op.ShapeID)
		}
	}
	for _, op := range svc.Operations {
		if want := op.Name == "GetThing"; op.LongPolling != want {
			t.Errorf("%s: LongPolling %v, want %v", op.ShapeID, op.LongPolling, want)
		}
	}
	if !strings.Contains(string(files["api_op_GetThing.go"]), "LongPolling: true") {
		t.Errorf("api_op_GetThing.go does not mark the operation long-polling:\n%s", files["api_op_GetThing.go"])
	}
	for _, f := range []string{"api_op_GetThing.go", "api_op_ListThings.go"} {
		if strings.Contains(string(plainFiles[f]), "LongPolling") {
			t.Errorf("%s mentions LongPolling without the overlay", f)
		}
	}
}
