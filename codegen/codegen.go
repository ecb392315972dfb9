// Package codegen generates Go clients from Smithy models (IDL or JSON AST):
// load → resolve → emit → write. Run is what the command and go generate call.
package codegen

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/eucsdk/eucsdk/codegen/emit"
	"github.com/eucsdk/eucsdk/codegen/ir"
	"github.com/eucsdk/eucsdk/codegen/pins"
	"github.com/eucsdk/eucsdk/codegen/resolve"
	"github.com/eucsdk/eucsdk/codegen/smithy"
)

// Config is one generation run.
type Config struct {
	Models     []string // Smithy IDL (.smithy) or JSON AST files, or directories of them
	Overlays   []string // our additions, merged after the models
	Service    string   // service shape id; empty when the models define one
	Package    string   // Go package name
	ImportPath string   // Go import path of the package
	OutDir     string   // directory of the package
	// Protocol is the protocol to generate when the service declares
	// several (rpcv2Cbor, awsJson1_0, awsJson1_1, or a trait's shape id);
	// empty picks the one aws-sdk-go-v2 picks.
	Protocol string
	// Nullability is resolve.NullabilityV2 (empty: aws-sdk-go-v2's rule) or
	// resolve.NullabilityInput (members of an operation's input are
	// pointers).
	Nullability string

	// Pin is a pins file (models/pins.json). When set, the model must be
	// byte-identical to the one pinned for Package, so that a model
	// replaced beside the checkout cannot change the API unreviewed.
	Pin string
	// Refresh accepts a model that differs from its pin (or has none) and
	// records it as the new pin once the package is written.
	Refresh bool
	// Quiet is the command's -q: print nothing on success. Run ignores it.
	Quiet bool
}

// RegisterFlags declares the generator's flags on fs, writing into c. It is
// the one definition eucsdk-gen, eucsdk-refresh (reading gen.go) and the
// freshness test parse with, so a gen.go line means the same to all three.
func (c *Config) RegisterFlags(fs *flag.FlagSet) {
	fs.Func("model", "Smithy model: a .smithy IDL file, a JSON AST file, or a directory of them (repeat for several)", func(v string) error {
		c.Models = append(c.Models, v)
		return nil
	})
	fs.Func("overlay", "overlay model merged after the models: extra traits such as paginators and waiters (repeatable)", func(v string) error {
		c.Overlays = append(c.Overlays, v)
		return nil
	})
	fs.StringVar(&c.Service, "service", "", "service shape id to generate, e.g. com.example#Weather (needed when the models define several)")
	fs.StringVar(&c.Package, "package", "", "Go package name of the generated client (required)")
	fs.StringVar(&c.ImportPath, "import", "", "Go import path of the generated package (required)")
	fs.StringVar(&c.Protocol, "protocol", "", "protocol to generate when the service declares several: rpcv2Cbor, awsJson1_0 or awsJson1_1 (default: the one aws-sdk-go-v2 picks, in that order)")
	fs.StringVar(&c.Nullability, "nullability", "", "which scalar members are pointers: v2 (aws-sdk-go-v2's rule, Smithy's CLIENT_ZERO_VALUE_V1_NO_INPUT) or input (the same, but every member of an operation's input is a pointer, so a defaulted member's zero value can be sent explicitly; Smithy's CLIENT_ZERO_VALUE_V1) (default v2)")
	fs.StringVar(&c.OutDir, "out", "", "directory to write the package into (required)")
	fs.StringVar(&c.Pin, "pin", "", "pins file (e.g. models/pins.json): refuse a model whose sha256 differs from the one pinned for -package")
	fs.BoolVar(&c.Refresh, "refresh", false, "with -pin: accept a changed (or unpinned) model and record it as the new pin")
	fs.BoolVar(&c.Quiet, "q", false, "print nothing on success")
}

// Result tells what a run produced.
type Result struct {
	Service *ir.Service
	Files   []string // paths relative to OutDir
}

// Generate loads, resolves and renders without touching the disk.
func Generate(cfg Config) (*ir.Service, map[string][]byte, []string, error) {
	if len(cfg.Models) == 0 {
		return nil, nil, nil, fmt.Errorf("no model file given")
	}
	m, err := smithy.LoadFiles(cfg.Models, cfg.Overlays)
	if err != nil {
		return nil, nil, nil, err
	}
	svc, err := resolve.Service(m, resolve.Config{Service: cfg.Service, Package: cfg.Package, ImportPath: cfg.ImportPath, Protocol: cfg.Protocol, Nullability: cfg.Nullability})
	if err != nil {
		return nil, nil, nil, err
	}
	fs, err := emit.Service(svc, emit.Client)
	if err != nil {
		return nil, nil, nil, err
	}
	files, order, err := fs.Render()
	if err != nil {
		return nil, nil, nil, err
	}
	return svc, files, order, nil
}

// Run generates and writes the package. Everything is rendered in memory
// first, so a bad model leaves the directory untouched; each file is then
// replaced atomically, and generated files that are no longer produced are
// removed.
func Run(cfg Config) (*Result, error) {
	pc, err := checkPin(cfg)
	if err != nil {
		return nil, err
	}
	svc, files, order, err := Generate(cfg)
	if err != nil {
		return nil, err
	}
	if err := pc.sameService(svc); err != nil {
		return nil, err
	}
	if err := write(cfg.OutDir, files, order); err != nil {
		return nil, err
	}
	if err := pc.record(svc); err != nil {
		return nil, err
	}
	return &Result{Service: svc, Files: order}, nil
}

// pinCheck carries what checkPin read to the steps after generation.
type pinCheck struct {
	cfg  Config
	pins *pins.Pins
	pin  *pins.Pin // nil when the package has no pin yet
	data []byte
}

// checkPin runs before anything is generated, so a changed model fails
// fast and names the file that changed.
func checkPin(cfg Config) (*pinCheck, error) {
	if cfg.Pin == "" {
		return nil, nil
	}
	if len(cfg.Models) != 1 {
		return nil, fmt.Errorf("-pin needs exactly one model file, got %d", len(cfg.Models))
	}
	if fi, err := os.Stat(cfg.Models[0]); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("-pin needs one model file, got directory %s", cfg.Models[0])
	}
	pinned, err := pins.Read(cfg.Pin)
	if errors.Is(err, pins.ErrNoPins) {
		if !cfg.Refresh {
			return nil, fmt.Errorf("%w: record the model with eucsdk-refresh, or pass -refresh", err)
		}
		pinned, err = &pins.Pins{}, nil
	}
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(cfg.Models[0])
	if err != nil {
		return nil, err
	}
	pc := &pinCheck{cfg: cfg, pins: pinned, pin: pinned.Get(cfg.Package), data: data}
	if cfg.Refresh {
		return pc, nil
	}
	if pc.pin == nil {
		return nil, fmt.Errorf("%s has no pin for package %s: record one with -refresh or eucsdk-refresh", cfg.Pin, cfg.Package)
	}
	if err := pc.pin.Check(cfg.Models[0], data); err != nil {
		return nil, fmt.Errorf("%s: %w", cfg.Pin, err)
	}
	return pc, nil
}

// sameService refuses, even when refreshing, a model of another service
// than the pinned one: that is a wrong path, not a new model version.
func (pc *pinCheck) sameService(svc *ir.Service) error {
	if pc == nil || pc.pin == nil || pc.pin.Service == svc.ShapeID {
		return nil
	}
	return fmt.Errorf("%s: %s defines service %s, but package %s is pinned to %s", pc.cfg.Pin, pc.cfg.Models[0], svc.ShapeID, pc.cfg.Package, pc.pin.Service)
}

// record writes the new pin after a refresh, and only when it changed, so
// that regenerating from the pinned model never touches the pins file.
func (pc *pinCheck) record(svc *ir.Service) error {
	if pc == nil || !pc.cfg.Refresh {
		return nil
	}
	np := pins.New(pc.cfg.Package, pc.cfg.Models[0], pc.data, svc.ShapeID, svc.Version)
	if pc.pin != nil && *pc.pin == np {
		return nil
	}
	pc.pins.Set(np)
	return pc.pins.Write(pc.cfg.Pin)
}

func write(dir string, files map[string][]byte, order []string) error {
	for _, rel := range order {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, files[rel]) {
			continue
		}
		tmp, err := os.CreateTemp(filepath.Dir(p), ".gen-*")
		if err != nil {
			return err
		}
		_, werr := tmp.Write(files[rel])
		cerr := tmp.Close()
		if werr != nil || cerr != nil {
			os.Remove(tmp.Name())
			return fmt.Errorf("write %s: %v %v", p, werr, cerr)
		}
		if err := os.Rename(tmp.Name(), p); err != nil {
			os.Remove(tmp.Name())
			return err
		}
	}
	return removeStale(dir, files)
}

// removeStale deletes files under dir that carry the generated header but
// were not produced this run (an operation that left the model, say).
func removeStale(dir string, files map[string][]byte) error {
	var stale []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if _, ok := files[filepath.ToSlash(rel)]; ok {
			return nil
		}
		if isGenerated(p) {
			stale = append(stale, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(stale)
	for _, p := range stale {
		if err := os.Remove(p); err != nil {
			return err
		}
	}
	return nil
}

func isGenerated(p string) bool {
	if strings.HasSuffix(p, "UNSUPPORTED.md") {
		return true
	}
	if !strings.HasSuffix(p, ".go") {
		return false
	}
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 128)
	n, _ := f.Read(head)
	return bytes.HasPrefix(head[:n], []byte("// Code generated by "+emit.Generator+"."))
}
