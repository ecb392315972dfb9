package v2compat

import (
	"bytes"
	"go/format"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// TestPrefixRulesRewriteV2CallSites runs the README's two sed rules over call
// sites written for aws-sdk-go-v2 (bench/v2callsites, which compiles against
// aws-sdk-go-v2 in the bench module) and requires the result, gofmt'ed, to be
// this package's callsites.go, which compiles against eucsdk. A rule that
// stops mapping some import, or a package missing at its v2 path, fails here
// or in this package's build.
func TestPrefixRulesRewriteV2CallSites(t *testing.T) {
	readme, err := os.ReadFile("../../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile("(?s)<!-- migrate:begin -->\n```sh\n(.*?)```\n<!-- migrate:end -->").FindSubmatch(readme)
	if block == nil {
		t.Fatal("README.md has no migrate:begin/end block with a sh code block")
	}
	rules := regexp.MustCompile(`-e '([^']*)'`).FindAllSubmatch(block[1], -1)
	if len(rules) != 2 {
		t.Fatalf("README migration block has %d sed rules, want 2:\n%s", len(rules), block[1])
	}
	sed, err := exec.LookPath("sed")
	if err != nil {
		t.Fatalf("sed not found: %v", err)
	}
	args := []string{}
	for _, r := range rules {
		args = append(args, "-e", string(r[1]))
	}
	args = append(args, "../../../bench/v2callsites/callsites.go")
	out, err := exec.Command(sed, args...).Output()
	if err != nil {
		t.Fatalf("sed %s: %v", strings.Join(args, " "), err)
	}
	if bytes.Contains(out, []byte(`"github.com/aws/aws-sdk-go-v2`)) {
		t.Fatalf("an aws-sdk-go-v2 import survived the rules:\n%s", out)
	}
	got, err := format.Source(out)
	if err != nil {
		t.Fatalf("rewritten call sites do not parse: %v", err)
	}
	want, err := os.ReadFile("callsites.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("callsites.go is not the rewritten bench/v2callsites/callsites.go; regenerate it with the README's rules:\n"+
			"  sed %s | gofmt > internal/testkit/v2compat/callsites.go", strings.Join(args[:len(args)-1], " ")+" bench/v2callsites/callsites.go")
	}
}
