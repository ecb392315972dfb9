package endpoints

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/internal/testkit/shared"
)

// FuzzResolve drives the appstream rule set with arbitrary Region and
// Endpoint strings. Besides not panicking, every outcome must be one the
// rule set can produce: the custom endpoint verbatim, the regional
// endpoint for the given region, or one of its own error rules.
func FuzzResolve(f *testing.F) {
	data, err := os.ReadFile(shared.Path(f, "testdata", "endpoints", "appstream", "endpoint-rule-set-1.json"))
	if err != nil {
		f.Fatal(err)
	}
	rs, err := Parse(data)
	if err != nil {
		f.Fatal(err)
	}
	f.Add("us-east-1", true, "", false, false, false)
	f.Add("us-gov-west-1", true, "", false, true, false)
	f.Add("cn-north-1", true, "", false, false, true)
	f.Add("", false, "https://example.com", true, false, false)
	f.Add("us-iso-east-1", true, "https://example.com", true, true, true)
	f.Add("{Region}", true, "{{}}", false, true, true)
	f.Add("ü\x00.-", true, "%zz", true, false, false)
	f.Fuzz(func(t *testing.T, region string, setRegion bool, endpoint string, setEndpoint, fips, dualStack bool) {
		params := map[string]any{"UseFIPS": fips, "UseDualStack": dualStack}
		if setRegion {
			params["Region"] = region
		}
		if setEndpoint {
			params["Endpoint"] = endpoint
		}
		ep, err := rs.Resolve(params)
		var re *RuleError
		if err != nil && !errors.As(err, &re) {
			t.Fatalf("engine error: %v", err)
		}
		switch {
		case setEndpoint && (fips || dualStack):
			if re == nil || !strings.HasPrefix(re.Message, "Invalid Configuration:") {
				t.Fatalf("custom endpoint with FIPS/DualStack: got %q, %v", ep.URL, err)
			}
		case setEndpoint:
			if err != nil || ep.URL != endpoint {
				t.Fatalf("custom endpoint: got %q, %v; want %q", ep.URL, err, endpoint)
			}
		case setRegion:
			prefix := "https://appstream2."
			if fips {
				prefix = "https://appstream2-fips."
			}
			if err != nil || !strings.HasPrefix(ep.URL, prefix+region+".") {
				t.Fatalf("region %q: got %q, %v; want prefix %q", region, ep.URL, err, prefix+region+".")
			}
		default:
			if re == nil || re.Message != "Invalid Configuration: Missing Region" {
				t.Fatalf("no region: got %q, %v", ep.URL, err)
			}
		}
	})
}
