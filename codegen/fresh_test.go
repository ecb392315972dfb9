package codegen

import (
	"bufio"
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// generateLines returns the eucsdk-gen invocations of a go:generate file,
// each as a Config relative to the file's directory.
func generateLines(t *testing.T, file string) []Config {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dir := filepath.Dir(file)
	var out []Config
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "//go:generate go run ") || !strings.Contains(line, "eucsdk-gen") {
			continue
		}
		args := strings.Fields(line)[4:]
		fs := flag.NewFlagSet("eucsdk-gen", flag.ContinueOnError)
		var cfg Config
		cfg.RegisterFlags(fs)
		if err := fs.Parse(args); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for i, m := range cfg.Models {
			cfg.Models[i] = filepath.Join(dir, m)
		}
		for i, o := range cfg.Overlays {
			cfg.Overlays[i] = filepath.Join(dir, o)
		}
		// The freshness check compares with the committed pins' models but
		// never records a pin.
		cfg.Pin, cfg.Refresh = "", false
		cfg.OutDir = filepath.Join(dir, cfg.OutDir)
		out = append(out, cfg)
	}
	if len(out) == 0 {
		t.Fatalf("%s has no eucsdk-gen lines", file)
	}
	return out
}

// TestGeneratedCodeIsFreshAndDeterministic regenerates every committed
// package in memory, twice, and fails when the two runs differ or when the
// committed files differ from what the generator produces now.
func TestGeneratedCodeIsFreshAndDeterministic(t *testing.T) {
	var cfgs []Config
	cfgs = append(cfgs, generateLines(t, "../gen.go")...)
	cfgs = append(cfgs, generateLines(t, "../internal/testkit/protocoltest/gen.go")...)
	cfgs = append(cfgs, generateLines(t, "../internal/testkit/endpointtest/gen.go")...)
	for _, cfg := range cfgs {
		t.Run(cfg.Package, func(t *testing.T) {
			_, first, order, err := Generate(cfg)
			if err != nil {
				t.Fatal(err)
			}
			_, second, _, err := Generate(cfg)
			if err != nil {
				t.Fatal(err)
			}
			for _, rel := range order {
				if !bytes.Equal(first[rel], second[rel]) {
					t.Errorf("%s differs between two runs: generation is not deterministic", rel)
				}
				disk, err := os.ReadFile(filepath.Join(cfg.OutDir, rel))
				if err != nil {
					t.Errorf("%s: %v (run go generate ./...)", rel, err)
					continue
				}
				if !bytes.Equal(disk, first[rel]) {
					t.Errorf("%s is stale: run go generate ./... and commit the result", filepath.Join(cfg.OutDir, rel))
				}
			}
			// Generated files on disk that the generator no longer produces are stale too.
			err = filepath.WalkDir(cfg.OutDir, func(p string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				rel, _ := filepath.Rel(cfg.OutDir, p)
				if _, ok := first[filepath.ToSlash(rel)]; !ok && isGenerated(p) {
					t.Errorf("%s is generated but no longer produced: run go generate ./...", p)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}
