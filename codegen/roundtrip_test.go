package codegen

import (
	"github.com/eucsdk/eucsdk/internal/testkit/shared"

	"os"
	"path/filepath"
	"testing"
)

// TestCorpusRoundTrip generates two corpus services into a scratch module
// and runs, there, round trips through the generated client and server
// codecs: DynamoDB's recursive AttributeValue union (every member, nested,
// and an unknown member) both ways, and IdentityStore's documents inside a
// union in a request.
func TestCorpusRoundTrip(t *testing.T) {
	// The corpus lives beside the checkout, like the models gen.go reads.
	dir := shared.Path(t, "models", "corpus")
	if d := os.Getenv("EUCSDK_CORPUS"); d != "" {
		dir = d
	}
	models := map[string]string{
		"dynamodb":      filepath.Join(dir, "dynamodb-2012-08-10.json"),
		"identitystore": filepath.Join(dir, "identitystore-2020-06-15.json"),
	}
	for _, m := range models {
		if _, err := os.Stat(m); err != nil {
			t.Fatalf("corpus model not available: %v", err)
		}
	}
	mod := scratchModule(t, "example.com/corpus")
	for pkg, model := range models {
		if _, err := Run(Config{Models: []string{model}, Package: pkg, ImportPath: "example.com/corpus/" + pkg, OutDir: filepath.Join(mod, pkg)}); err != nil {
			t.Fatal(err)
		}
	}
	copyTestFile(t, "roundtrip_test.go.txt", filepath.Join(mod, "roundtrip_test.go"))
	goCmd(t, mod, "mod", "tidy")
	t.Log(goCmd(t, mod, "test", "-count=1", "-v", "."))
}
