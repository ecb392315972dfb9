package endpoints

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/internal/testkit/shared"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

type testCase struct {
	Documentation string         `json:"documentation"`
	Params        map[string]any `json:"params"`
	Expect        expectation    `json:"expect"`
}

type testFile struct {
	TestCases []testCase `json:"testCases"`
}

// modelTraits returns the raw rule set and tests of the model's service
// shape: the exact bytes the generator embeds.
func modelTraits(t testing.TB, path string) (ruleSet json.RawMessage, tests *testFile) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var model struct {
		Shapes map[string]struct {
			Type   string                     `json:"type"`
			Traits map[string]json.RawMessage `json:"traits"`
		} `json:"shapes"`
	}
	if err := json.Unmarshal(data, &model); err != nil {
		t.Fatal(err)
	}
	for _, s := range model.Shapes {
		if s.Type != "service" {
			continue
		}
		ruleSet = s.Traits["smithy.rules#endpointRuleSet"]
		if raw, ok := s.Traits["smithy.rules#endpointTests"]; ok {
			tests = new(testFile)
			if err := json.Unmarshal(raw, tests); err != nil {
				t.Fatal(err)
			}
		}
		if ruleSet != nil {
			return ruleSet, tests
		}
	}
	t.Fatalf("%s: no service with an endpoint rule set", path)
	return nil, nil
}

func readTests(t testing.TB, path string) *testFile {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var tf testFile
	if err := json.Unmarshal(data, &tf); err != nil {
		t.Fatal(err)
	}
	return &tf
}

func parseFile(t testing.TB, path string) *RuleSet {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := Parse(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rs
}

// checkCase resolves one case and compares URL, headers, properties and
// error text exactly.
func checkCase(t *testing.T, rs *RuleSet, tc testCase) {
	t.Helper()
	ep, err := rs.Resolve(tc.Params)
	switch {
	case tc.Expect.Error != nil:
		if err == nil {
			t.Fatalf("got endpoint %q, want error %q", ep.URL, *tc.Expect.Error)
		}
		var re *RuleError
		if !errors.As(err, &re) {
			t.Fatalf("got %v (%T), want a *RuleError", err, err)
		}
		if err.Error() != *tc.Expect.Error {
			t.Fatalf("error\n got %q\nwant %q", err.Error(), *tc.Expect.Error)
		}
	case tc.Expect.Endpoint != nil:
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		want := Endpoint{URL: tc.Expect.Endpoint.URL, Headers: tc.Expect.Endpoint.Headers, Properties: tc.Expect.Endpoint.Properties}
		if diff := cmp.Diff(want, ep, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("endpoint mismatch (-want +got):\n%s", diff)
		}
	default:
		t.Fatal("test case expects neither endpoint nor error")
	}
}

var services = []struct {
	name, model   string
	botocoreCases int
	modelCases    int
}{
	{"appstream", "appstream-2016-12-01.json", 35, 39},
	{"workspaces", "workspaces-2015-04-08.json", 36, 40},
}

// TestBotocoreCases runs botocore's cases against both copies of each rule
// set: botocore's own file and the trait embedded in the model, which is
// what generated clients will carry.
func TestBotocoreCases(t *testing.T) {
	for _, svc := range services {
		dir := shared.Path(t, "testdata", "endpoints", svc.name)
		tests := readTests(t, dir+"/endpoint-tests-1.json")
		if len(tests.TestCases) != svc.botocoreCases {
			t.Fatalf("%s: %d botocore cases, want %d", svc.name, len(tests.TestCases), svc.botocoreCases)
		}
		modelRS, _ := modelTraits(t, shared.Path(t, "models", svc.model))
		sets := map[string]*RuleSet{
			"botocore": parseFile(t, dir+"/endpoint-rule-set-1.json"),
			"model":    mustParseBytes(t, modelRS),
		}
		for src, rs := range sets {
			ran := 0
			for _, tc := range tests.TestCases {
				t.Run(svc.name+"/"+src+"/"+tc.Documentation, func(t *testing.T) {
					checkCase(t, rs, tc)
				})
				ran++
			}
			t.Logf("%s against %s rule set: ran %d", svc.name, src, ran)
		}
	}
}

func mustParseBytes(t testing.TB, b []byte) *RuleSet {
	t.Helper()
	rs, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// staleDualStackCases are the embedded model cases (identical in both
// models) written when the ISO partitions lacked dual-stack support. The
// current partitions.json sets supportsDualStack for aws-iso and aws-iso-b,
// so these expect an error the rule set no longer produces; botocore's copy
// of the tests has already dropped them.
var staleDualStackCases = map[string]bool{
	"For region us-iso-east-1 with FIPS enabled and DualStack enabled":   true,
	"For region us-iso-east-1 with FIPS disabled and DualStack enabled":  true,
	"For region us-isob-east-1 with FIPS enabled and DualStack enabled":  true,
	"For region us-isob-east-1 with FIPS disabled and DualStack enabled": true,
}

func TestModelEmbeddedCases(t *testing.T) {
	for _, svc := range services {
		raw, tests := modelTraits(t, shared.Path(t, "models", svc.model))
		if tests == nil {
			t.Fatalf("%s: model has no endpoint tests", svc.name)
		}
		if len(tests.TestCases) != svc.modelCases {
			t.Fatalf("%s: %d model cases, want %d", svc.name, len(tests.TestCases), svc.modelCases)
		}
		rs := mustParseBytes(t, raw)
		ran, skipped := 0, 0
		for _, tc := range tests.TestCases {
			if staleDualStackCases[tc.Documentation] {
				skipped++
				// Still assert the reason: the current data yields the
				// dual-stack endpoint instead of the expected error.
				ep, err := rs.Resolve(tc.Params)
				if err != nil || !strings.Contains(ep.URL, "api.aws") {
					t.Errorf("%s: stale case %q no longer resolves to a dual-stack endpoint: %q, %v", svc.name, tc.Documentation, ep.URL, err)
				}
				continue
			}
			ran++
			t.Run(svc.name+"/"+tc.Documentation, func(t *testing.T) { checkCase(t, rs, tc) })
		}
		t.Logf("%s embedded cases: ran %d, skipped %d (ISO DualStack cases stale against current partitions.json)", svc.name, ran, skipped)
		if skipped != 4 || ran != svc.modelCases-4 {
			t.Errorf("%s: ran %d skipped %d, want %d and 4", svc.name, ran, skipped, svc.modelCases-4)
		}
	}
}
