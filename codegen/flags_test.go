package codegen

import (
	"flag"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRegisterFlagsParsesAGenLine: the one flag definition reads every flag
// gen.go uses, repeated -model and -overlay in order.
func TestRegisterFlagsParsesAGenLine(t *testing.T) {
	fs := flag.NewFlagSet("gen.go", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var cfg Config
	cfg.RegisterFlags(fs)
	args := []string{"-q", "-pin", "models/pins.json", "-refresh", "-model", "a.json", "-model", "b.json", "-overlay", "o.json",
		"-service", "ns#Svc", "-package", "svc", "-import", "example.com/m/svc", "-out", "svc"}
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	want := Config{Models: []string{"a.json", "b.json"}, Overlays: []string{"o.json"}, Service: "ns#Svc", Package: "svc",
		ImportPath: "example.com/m/svc", OutDir: "svc", Pin: "models/pins.json", Refresh: true, Quiet: true}
	if d := cmp.Diff(want, cfg); d != "" {
		t.Errorf("parsed config (-want +got):\n%s", d)
	}
	if err := fs.Parse([]string{"-unknown"}); err == nil {
		t.Error("an unknown flag was accepted")
	}
}

// TestREADMEFlagTableListsEveryFlag keeps the README's flag table (section
// "Generate a client for your own model") in step with RegisterFlags.
func TestREADMEFlagTableListsEveryFlag(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, line := range strings.Split(string(readme), "\n") {
		if strings.HasPrefix(line, "| `-") {
			rows = append(rows, line)
		}
	}
	fs := flag.NewFlagSet("eucsdk-gen", flag.ContinueOnError)
	var cfg Config
	cfg.RegisterFlags(fs)
	fs.VisitAll(func(f *flag.Flag) {
		for _, r := range rows {
			if strings.Contains(r, "`-"+f.Name+"`") || strings.Contains(r, "`-"+f.Name+" ") {
				return
			}
		}
		t.Errorf("README.md's flag table has no row for -%s", f.Name)
	})
}
