package appstream_test

import (
	"testing"

	"github.com/eucsdk/eucsdk/internal/testkit/doccheck"
)

// go doc shows the package comment's example, not Example functions; this
// holds the comment to Example_packageDoc, which go test runs.
func TestPackageDocExampleRuns(t *testing.T) {
	doccheck.InExample(t, doccheck.Block(t, "doc.go"), "example_test.go", "Example_packageDoc")
}
