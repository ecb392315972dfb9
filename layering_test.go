package eucsdk

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

// layers orders the module's packages from the bottom up. A package may
// import packages of its own layer or of lower ones, never of a higher one,
// so the runtime can be read and tested from the bottom without knowing what
// sits on top. Each entry is a path relative to the module, or a prefix
// ending in "/..." for a whole subtree. A package that matches no entry fails
// the test: every new package must be placed deliberately.
//
// The base credential providers (credentials: static, environment, shared
// files; credentials/processcreds) sit below the pipeline on purpose: a
// client built without credentials resolves them on its first call. The
// IMDS client is a plain HTTP client with no generated code under it.
// Providers that need a service client of their own (STS, SSO) will sit in
// the assembly layer, above the clients, as aws-sdk-go-v2's stscreds does.
var layers = []struct {
	name     string
	packages []string
}{
	{"leaf libraries", []string{
		"aws", "aws/arn", "internal/settings/...",
		"runtime/awsjson", "runtime/cbor", "runtime/awsxml", "runtime/awsquery", "runtime/restxml",
		"runtime/document", "runtime/endpoints/...", "runtime/redact",
		"runtime/paginator", "runtime/waiter", "runtime/constraint", "runtime/wire", "runtime/restbind", "logging/slogger",
		"internal/atomicfile", "internal/testkit/shared", "internal/testkit/faultserver", "internal/testkit/awsenv", "internal/testkit/doccheck",
	}},
	{"core", []string{"aws/retry", "runtime/signer", "credentials", "credentials/processcreds", "feature/ec2/imds"}},
	{"settings", []string{"internal/settings"}},
	{"request path", []string{"runtime/pipeline"}},
	{"service clients (generated)", []string{
		"appstream/...", "workspaces/...", "sts/...", "sso/...", "ssooidc/...", "signin/...",
		"internal/s3/...",     // restXml client for the moto S3 test only
		"internal/lambda/...", // restJson1 client for bench's ListFunctions case only
		"internal/testkit/protocoltest/...",
		"internal/testkit/endpointtest/...",
	}},
	{"assembly", []string{"config", "credentials/..."}},
	{"tools and harnesses", []string{
		"emulator/...", "examples/...",
		"internal/testkit/fuzzclient", "internal/testkit/mototest", "internal/testkit/v2compat",
		"internal/testkit/protocoltest",
	}},
}

// The generator is a separate tree: it emits code for the runtime but never
// links it, and the runtime never links the generator.
const generatorTree = "codegen/..."

const module = "github.com/eucsdk/eucsdk"

func match(pattern, pkg string) bool {
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return pkg == base || strings.HasPrefix(pkg, base+"/")
	}
	return pkg == pattern
}

// layerOf returns the layer index of pkg, preferring an exact entry over a
// subtree (internal/testkit/protocoltest itself is a harness, its generated
// sub-packages are clients), and -1 when no entry matches.
func layerOf(pkg string) int {
	best, exact := -1, false
	for i, l := range layers {
		for _, p := range l.packages {
			if !match(p, pkg) {
				continue
			}
			if p == pkg {
				best, exact = i, true
			} else if !exact && i > best {
				best = i
			}
		}
	}
	return best
}

func TestLayering(t *testing.T) {
	out, err := exec.Command("go", "list", "-json=ImportPath,Imports", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	n := 0
	for dec.More() {
		var p struct {
			ImportPath string
			Imports    []string
		}
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		rel, ok := strings.CutPrefix(p.ImportPath, module+"/")
		if !ok {
			continue // the root package holds only go:generate lines
		}
		n++
		if match(generatorTree, rel) {
			for _, imp := range p.Imports {
				if r, ok := strings.CutPrefix(imp, module+"/"); ok && !match(generatorTree, r) {
					t.Errorf("%s imports %s: the generator must not link the runtime", rel, r)
				}
			}
			continue
		}
		own := layerOf(rel)
		if own < 0 {
			t.Errorf("package %s is in no layer: add it to layers in layering_test.go", rel)
			continue
		}
		for _, imp := range p.Imports {
			r, ok := strings.CutPrefix(imp, module+"/")
			if !ok {
				continue
			}
			if match(generatorTree, r) {
				t.Errorf("%s imports the generator package %s", rel, r)
				continue
			}
			dep := layerOf(r)
			if dep > own {
				t.Errorf("%s (%s) imports %s (%s): an import may not point to a higher layer",
					rel, layers[own].name, r, layers[dep].name)
			}
		}
	}
	if n < 40 {
		t.Fatalf("go list found only %d packages", n)
	}
}
