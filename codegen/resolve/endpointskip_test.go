package resolve

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/codegen/smithy"
)

// TestDualStackOnlyISOCasesAreStale uses a real corpus model whose rule set
// always builds hosts from the dual-stack DNS suffix and declares no
// UseDualStack: its embedded ISO cases expect the partitions' plain
// suffixes, which current partitions.json no longer gives (generated, the
// 8 cases fail against the runtime). They, and only they, are skipped.
func TestDualStackOnlyISOCasesAreStale(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "models", "corpus", "bcm-pricing-calculator-2024-06-19.json")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("no shared models beside the checkout: %v", err)
	}
	m, err := smithy.LoadFiles([]string{path}, nil)
	if err != nil {
		t.Fatal(err)
	}
	svc, err := Service(m, Config{Package: "bcm", ImportPath: "example.com/bcm"})
	if err != nil {
		t.Fatal(err)
	}
	stale := 0
	for _, tc := range svc.EndpointTests {
		var p struct{ Region string }
		_ = json.Unmarshal(tc.Params, &p)
		_, iso := isoPlainDNSSuffix(p.Region)
		if iso != (tc.SkipWhy != "") {
			t.Errorf("%q (region %q): skip %q, want a skip exactly for ISO regions", tc.Doc, p.Region, tc.SkipWhy)
		}
		if tc.SkipWhy != "" {
			stale++
			if !strings.Contains(tc.SkipWhy, "dual-stack only") {
				t.Errorf("%q: reason %q does not say why", tc.Doc, tc.SkipWhy)
			}
		}
	}
	if stale != 8 {
		t.Errorf("%d stale cases, want the model's 8 ISO cases (us-iso, us-isob, eu-isoe, us-isof; FIPS on and off)", stale)
	}
}

func TestStaleEndpointTestNeedsADualStackOnlyRuleSet(t *testing.T) {
	params := json.RawMessage(`{"Region":"us-iso-east-1","UseFIPS":false}`)
	expect := json.RawMessage(`{"endpoint":{"url":"https://svc.us-iso-east-1.c2s.ic.gov"}}`)
	if why := staleEndpointTest(params, expect, false); why != "" {
		t.Errorf("rule set with UseDualStack: skipped (%s), want the case run", why)
	}
	if why := staleEndpointTest(params, expect, true); why == "" {
		t.Error("dual-stack-only rule set: plain ISO host not reported stale")
	}
	fresh := json.RawMessage(`{"endpoint":{"url":"https://svc.us-iso-east-1.api.aws.ic.gov"}}`)
	if why := staleEndpointTest(params, fresh, true); why != "" {
		t.Errorf("case already expecting the dual-stack suffix skipped: %s", why)
	}
	if why := staleEndpointTest(json.RawMessage(`{"Region":"us-east-1"}`), json.RawMessage(`{"endpoint":{"url":"https://svc.us-east-1.amazonaws.com"}}`), true); why != "" {
		t.Errorf("commercial region skipped: %s", why)
	}
}

// Every ISO partition supports dual-stack now, not only aws-iso's and
// aws-iso-b's first regions: Kinesis's us-iso-west-1 case went stale too.
func TestStaleDualStackErrorInAnyISORegion(t *testing.T) {
	expect := json.RawMessage(`{"error":"FIPS and DualStack are enabled, but this partition does not support one or both"}`)
	for _, region := range []string{"us-iso-east-1", "us-iso-west-1", "us-isob-east-1", "eu-isoe-west-1", "us-isof-south-1"} {
		params := json.RawMessage(`{"Region":"` + region + `","UseFIPS":true,"UseDualStack":true}`)
		if staleEndpointTest(params, expect, false) == "" {
			t.Errorf("%s: dual-stack error case not reported stale", region)
		}
	}
	if why := staleEndpointTest(json.RawMessage(`{"Region":"us-east-1","UseDualStack":true}`), expect, false); why != "" {
		t.Errorf("commercial region skipped: %s", why)
	}
}
