package endpoints

import (
	"errors"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/internal/testkit/shared"
)

// FuzzResolveRuleSets runs both services' rule sets (FuzzResolve covers
// AppStream's in depth) on arbitrary parameters, including the
// configurations the services' own endpoint tests use as seeds. The engine
// must never fail other than with a rule's error or ErrNoMatch, and a
// resolved endpoint is the custom one verbatim or an https URL that
// contains the region.
func FuzzResolveRuleSets(f *testing.F) {
	var sets []*RuleSet
	for _, svc := range []string{"appstream", "workspaces"} {
		data, err := os.ReadFile(shared.Path(f, "testdata", "endpoints", svc, "endpoint-rule-set-1.json"))
		if err != nil {
			f.Fatal(err)
		}
		rs, err := Parse(data)
		if err != nil {
			f.Fatal(err)
		}
		sets = append(sets, rs)
	}
	for i := range sets {
		w := uint8(i)
		f.Add(w, "us-east-1", "", false, false)
		f.Add(w, "us-gov-west-1", "", true, false)
		f.Add(w, "cn-northwest-1", "", false, true)
		f.Add(w, "us-isob-east-1", "", true, true)
		f.Add(w, "eu-west-1", "https://vpce-1.workspaces.eu-west-1.vpce.amazonaws.com", false, false)
		f.Add(w, "", "http://127.0.0.1:4566", false, false)
		f.Add(w, "a..b", "", false, false)
	}
	f.Fuzz(func(t *testing.T, which uint8, region, endpoint string, fips, dualStack bool) {
		rs := sets[int(which)%len(sets)]
		params := map[string]any{"UseFIPS": fips, "UseDualStack": dualStack}
		if region != "" {
			params["Region"] = region
		}
		if endpoint != "" {
			params["Endpoint"] = endpoint
		}
		ep, err := rs.Resolve(params)
		if err != nil {
			var re *RuleError
			if !errors.As(err, &re) && !errors.Is(err, ErrNoMatch) {
				t.Fatalf("engine error for %v: %v", params, err)
			}
			return
		}
		if endpoint != "" {
			if ep.URL != endpoint {
				t.Fatalf("custom endpoint %q resolved to %q", endpoint, ep.URL)
			}
			return
		}
		if !strings.HasPrefix(ep.URL, "https://") || !strings.Contains(ep.URL, region) {
			t.Fatalf("region %q resolved to %q", region, ep.URL)
		}
		// The rules interpolate the region unchecked, as AWS's do: "#" or
		// " " give a URL whose host is not the service's, so the pipeline
		// refuses regions that are not host labels before resolving. For
		// those it accepts, the region lands in the URL's host.
		if isValidHostLabel(region, false) {
			if u, err := url.Parse(ep.URL); err != nil || !strings.Contains(u.Host, region) {
				t.Fatalf("region %q is not in the host of %q (%v)", region, ep.URL, err)
			}
		}
	})
}
