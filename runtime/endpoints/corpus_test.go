package endpoints

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/internal/testkit/shared"
)

func corpusFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(shared.Path(t, "models", "corpus", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 100 {
		t.Fatalf("found %d corpus models, want the full corpus (117)", len(files))
	}
	return files
}

// TestCorpusRuleSets guards genericity: every awsJson rule set we might
// generate a client for must compile and resolve the standard built-in
// combinations without panicking or tripping an engine error (only
// endpoints and the rule set's own error rules are acceptable outcomes).
func TestCorpusRuleSets(t *testing.T) {
	variants := []map[string]any{
		{"Region": "us-east-1"},
		{"Region": "us-east-1", "UseFIPS": true},
		{"Region": "us-east-1", "UseDualStack": true},
		{"Region": "us-east-1", "UseFIPS": true, "UseDualStack": true},
		{"Region": "cn-north-1", "UseDualStack": true},
		{"Region": "us-gov-west-1", "UseFIPS": true},
		{"Region": "us-east-1", "Endpoint": "https://example.com"},
	}
	files := corpusFiles(t)
	endpoints, ruleErrors := 0, 0
	for _, f := range files {
		raw, _ := modelTraits(t, f)
		rs, err := Parse(raw)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		for _, params := range variants {
			ep, err := rs.Resolve(params)
			var re *RuleError
			switch {
			case err == nil:
				if !strings.HasPrefix(ep.URL, "https://") {
					t.Errorf("%s %v: URL %q is not https", filepath.Base(f), params, ep.URL)
				}
				endpoints++
			case errors.As(err, &re):
				ruleErrors++
			default:
				t.Errorf("%s %v: engine error: %v", filepath.Base(f), params, err)
			}
		}
		// The plain regional case must always produce the regional endpoint.
		ep, err := rs.Resolve(map[string]any{"Region": "us-east-1"})
		if err != nil || !strings.Contains(ep.URL, ".amazonaws.com") && !strings.Contains(ep.URL, ".api.aws") {
			t.Errorf("%s: us-east-1 resolved to %q, %v", filepath.Base(f), ep.URL, err)
		}
	}
	t.Logf("%d rule sets: %d endpoints, %d rule errors", len(files), endpoints, ruleErrors)
}

// TestCorpusEmbeddedCases runs every model's own endpoint tests, the widest
// conformance check available: thousands of cases over many rule shapes.
func TestCorpusEmbeddedCases(t *testing.T) {
	ran, skipped := 0, 0
	for _, f := range corpusFiles(t) {
		raw, tests := modelTraits(t, f)
		if tests == nil {
			continue
		}
		rs, err := Parse(raw)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		for _, tc := range tests.TestCases {
			if suffix, stale := isoDualStack(rs, tc); stale {
				skipped++
				// Assert the reason: today's data gives the partition's
				// dual-stack endpoint (or the rule set's own error when the
				// case expects one for another reason).
				ep, err := rs.Resolve(tc.Params)
				if err == nil && !strings.Contains(ep.URL, suffix) {
					t.Errorf("%s %q: stale ISO case resolved to %q, not a %s endpoint", filepath.Base(f), tc.Documentation, ep.URL, suffix)
				}
				continue
			}
			ran++
			t.Run(filepath.Base(f)+"/"+tc.Documentation, func(t *testing.T) { checkCase(t, rs, tc) })
		}
	}
	t.Logf("corpus embedded cases: ran %d, skipped %d (ISO DualStack cases stale against current partitions.json)", ran, skipped)
	if ran < 4500 {
		t.Errorf("ran only %d corpus cases", ran)
	}
}

// isoDualStack reports cases that use dual-stack in an ISO partition, by
// flag or because the rule set is dual-stack only (declares no UseDualStack).
// Many models still carry tests written when those partitions lacked
// dual-stack support or used their plain DNS suffix for it; partitions.json
// has since changed, so those expectations no longer hold for any correct
// engine. It returns the partition's current dual-stack DNS suffix.
func isoDualStack(rs *RuleSet, tc testCase) (string, bool) {
	region, _ := tc.Params["Region"].(string)
	if region == "" {
		return "", false
	}
	ds, _ := tc.Params["UseDualStack"].(bool)
	if !ds {
		declared := false
		for _, p := range rs.Parameters() {
			declared = declared || p.Name == "UseDualStack"
		}
		if declared {
			return "", false
		}
	}
	p := partitionFor(region)
	if !strings.HasPrefix(p.name, "aws-iso") {
		return "", false
	}
	return p.dualStackDNSSuffix, true
}
