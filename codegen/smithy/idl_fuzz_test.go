package smithy

import (
	"os"
	"path/filepath"
	"testing"
)

// maxFuzzInput bounds each input so that every run stays fast; the parser
// is linear, so larger inputs would only find slowness, not new paths.
const maxFuzzInput = 64 << 10

// FuzzParseIDL parses and lowers arbitrary input: errors are fine, panics
// and runaway time or memory are not.
func FuzzParseIDL(f *testing.F) {
	f.Add([]byte(featureModel))
	f.Add([]byte(otherModel))
	seeds, _ := filepath.Glob("testdata/idl-errors/*.smithy")
	seeds = append(seeds, "../testdata/models/weather.smithy")
	for _, p := range seeds {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			t.Skip()
		}
		d, err := ParseIDL("fuzz.smithy", data)
		if err != nil {
			if d != nil {
				t.Fatal("document returned with an error")
			}
			return
		}
		m, err := Build([]*document{d}, nil)
		if err == nil && m == nil {
			t.Fatal("nil model without an error")
		}
	})
}
