// Command eucsdk-refresh moves one generated client to a new upstream model:
//
//	go run ./codegen/cmd/eucsdk-refresh -service appstream -model /path/to/new.json
//
// It compares the new model with the pinned one and prints the API changes,
// regenerates the package, updates models/pins.json, the -model path in
// gen.go (when the file moved) and prepends the entry to CHANGELOG.md, then
// builds, vets and tests the whole module. If any step fails, or the run is
// interrupted, every file it touched is put back as it was. With -n it only
// prints the entry and says that it wrote nothing.
//
// The generate settings (overlays, package, import path, output directory)
// are read from the eucsdk-gen lines of gen.go: those are what `go generate`
// runs, so reading them keeps one source of truth and a refresh can never
// generate differently from a later `go generate`.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"

	"github.com/eucsdk/eucsdk/codegen"
	"github.com/eucsdk/eucsdk/codegen/modeldiff"
	"github.com/eucsdk/eucsdk/codegen/pins"
	"github.com/eucsdk/eucsdk/codegen/smithy"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "eucsdk-refresh:", err)
		os.Exit(1)
	}
}

type options struct {
	root      string // repository root: gen.go, models/pins.json, CHANGELOG.md
	service   string // package name in gen.go, e.g. appstream
	model     string // the new model
	old       string // the model the code was generated from, when not at gen.go's path any more
	date      string
	dryRun    bool
	check     bool
	changelog string
}

func run(args []string, stdout, stderr io.Writer) error {
	f := flag.NewFlagSet("eucsdk-refresh", flag.ContinueOnError)
	f.SetOutput(stderr)
	var o options
	f.StringVar(&o.root, "root", ".", "repository root holding gen.go, models/pins.json and CHANGELOG.md")
	f.StringVar(&o.service, "service", "", "service to refresh: the -package of its gen.go line, e.g. appstream (required)")
	f.StringVar(&o.model, "model", "", "the new Smithy JSON AST model (required)")
	f.StringVar(&o.old, "old", "", "copy of the pinned model, needed only when the new model replaced it in place")
	f.StringVar(&o.date, "date", "", "changelog entry date, YYYY-MM-DD (default today, UTC)")
	f.BoolVar(&o.dryRun, "n", false, "print the changes and write nothing")
	f.BoolVar(&o.check, "check", true, "build, vet and test the whole module (go build ./..., go vet ./..., go test -short ./...) before keeping the refresh; on failure every file is restored")
	f.StringVar(&o.changelog, "changelog", "CHANGELOG.md", "changelog file, relative to -root")
	if err := f.Parse(args); err != nil {
		return err
	}
	if o.service == "" || o.model == "" {
		return fmt.Errorf("-service and -model are required (see -h)")
	}
	return refresh(o, stdout)
}

// genLine is one eucsdk-gen invocation of gen.go.
type genLine struct {
	lineNo int
	args   []string
	// cfg is the line parsed with the generator's own flags; paths in it
	// are relative to the repository root, as go generate reads them.
	cfg codegen.Config
}

const genPrefix = "//go:generate go run ./codegen/cmd/eucsdk-gen "

// readGenGo parses the eucsdk-gen lines of gen.go with the generator's own
// flag names, so that the refresh regenerates exactly as go generate does.
func readGenGo(path string) ([]genLine, []byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	var out []genLine
	for i, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(line, genPrefix) {
			continue
		}
		if strings.ContainsAny(line, `"'`) {
			return nil, nil, fmt.Errorf("%s:%d: quoted arguments are not supported", path, i+1)
		}
		g := genLine{lineNo: i + 1, args: strings.Fields(strings.TrimPrefix(line, genPrefix))}
		fs := flag.NewFlagSet("gen.go", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		g.cfg.RegisterFlags(fs)
		if err := fs.Parse(g.args); err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %v", path, i+1, err)
		}
		if len(g.cfg.Models) != 1 || g.cfg.Package == "" || g.cfg.ImportPath == "" || g.cfg.OutDir == "" || g.cfg.Pin == "" {
			return nil, nil, fmt.Errorf("%s:%d: a refreshable line has one -model, -package, -import, -out and -pin", path, i+1)
		}
		out = append(out, g)
	}
	return out, data, nil
}

// rooted resolves a gen.go path, which go generate reads relative to the root.
func rooted(root, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(root, p)
}

func refresh(o options, stdout io.Writer) error {
	genPath := filepath.Join(o.root, "gen.go")
	lines, genData, err := readGenGo(genPath)
	if err != nil {
		return err
	}
	var line *genLine
	var known []string
	for i := range lines {
		known = append(known, lines[i].cfg.Package)
		if lines[i].cfg.Package == o.service {
			line = &lines[i]
		}
	}
	if line == nil {
		sort.Strings(known)
		return fmt.Errorf("unknown service %q: gen.go generates %s", o.service, strings.Join(known, ", "))
	}
	pinPath := rooted(o.root, line.cfg.Pin)
	pinned, err := pins.Read(pinPath)
	if errors.Is(err, pins.ErrNoPins) {
		pinned, err = &pins.Pins{}, nil
	}
	if err != nil {
		return err
	}
	overlays := make([]string, len(line.cfg.Overlays))
	for i, p := range line.cfg.Overlays {
		overlays[i] = rooted(o.root, p)
	}
	newData, err := os.ReadFile(o.model)
	if err != nil {
		return err
	}
	newModel, err := smithy.LoadFiles([]string{o.model}, overlays)
	if err != nil {
		return fmt.Errorf("new model: %w", err)
	}
	opts := modeldiff.Options{Service: line.cfg.Service, Package: line.cfg.Package, ImportPath: line.cfg.ImportPath, Date: o.date}
	curModel := rooted(o.root, line.cfg.Models[0])
	pin := pinned.Get(o.service)
	var report *modeldiff.Report
	if pin == nil {
		// First refresh of this service: nothing to compare with.
		if report, err = modeldiff.Initial(newModel, opts); err != nil {
			return err
		}
		report.ModelFile = filepath.Base(o.model)
		report.NewSHA256 = pins.SHA256(newData)
	} else {
		if pins.SHA256(newData) == pin.SHA256 {
			fmt.Fprintf(stdout, "%s: %s matches its pin (sha256 %s); nothing to refresh\n", o.service, o.model, pin.SHA256)
			return nil
		}
		oldPath := o.old
		if oldPath == "" {
			oldPath = curModel
		}
		oldData, err := os.ReadFile(oldPath)
		if err != nil {
			return fmt.Errorf("reading the pinned model: %w", err)
		}
		if err := pin.Check(oldPath, oldData); err != nil {
			return fmt.Errorf("%s no longer holds the pinned model, so there is nothing to compare with; pass -old with a copy of it (%s, sha256 %s)", oldPath, pin.File, pin.SHA256)
		}
		// The entry compares the upstream files alone, as the changelog
		// drift test does; the overlays only shape the generated code.
		if report, err = modeldiff.CompareFiles(oldPath, oldData, o.model, newData, opts); err != nil {
			return err
		}
	}
	if pin != nil && pin.Service != report.Service {
		return fmt.Errorf("%s defines service %s, but %s is pinned to %s", o.model, report.Service, o.service, pin.Service)
	}
	entry := report.Markdown()
	io.WriteString(stdout, entry)
	newGen, err := rewriteModel(genData, line, o.root, o.model)
	if err != nil {
		return err
	}
	clPath := filepath.Join(o.root, o.changelog)
	outDir := rooted(o.root, line.cfg.OutDir)
	if o.dryRun {
		fmt.Fprintf(stdout, "%s: dry run (-n): nothing written; a refresh would regenerate %s, pin %s in %s, add the entry above to %s",
			o.service, line.cfg.OutDir, report.ModelFile, line.cfg.Pin, o.changelog)
		if !bytes.Equal(newGen, genData) {
			fmt.Fprintf(stdout, " and point gen.go:%d at %s", line.lineNo, o.model)
		}
		fmt.Fprintln(stdout)
		return nil
	}
	changelog, err := os.ReadFile(clPath)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}

	// Everything below either completes or leaves the tree as it was: the
	// files a refresh touches are saved first, and any failure, including
	// an interrupt while the module's tests run, puts them back.
	snap, err := snapshot(outDir)
	if err != nil {
		return err
	}
	files, err := saveFiles(pinPath, genPath, clPath)
	if err != nil {
		return err
	}
	undo := func(cause error) error {
		rerr := errors.Join(snap.restore(), files.restore())
		if rerr != nil {
			return fmt.Errorf("%w; restoring the working tree also failed: %v", cause, rerr)
		}
		return fmt.Errorf("%w\nworking tree restored: %s, %s, gen.go and %s unchanged", cause, line.cfg.OutDir, line.cfg.Pin, o.changelog)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cfg := codegen.Config{Models: []string{o.model}, Overlays: overlays, Service: line.cfg.Service, Package: line.cfg.Package, ImportPath: line.cfg.ImportPath, OutDir: outDir}
	res, err := codegen.Run(cfg)
	if err != nil {
		return undo(fmt.Errorf("regenerating %s: %w", line.cfg.OutDir, err))
	}
	pinned.Set(pins.New(o.service, o.model, newData, report.Service, report.NewVersion))
	if err := pinned.Write(pinPath); err != nil {
		return undo(err)
	}
	if !bytes.Equal(newGen, genData) {
		if err := pins.WriteFileAtomic(genPath, newGen); err != nil {
			return undo(err)
		}
	}
	if err := pins.WriteFileAtomic(clPath, prepend(changelog, entry)); err != nil {
		return undo(err)
	}
	if o.check {
		// The whole module, not only the regenerated package: hand-written
		// code (the emulator, examples, tests) uses the generated types, and
		// a removed member or enum value breaks it there. The tests run with
		// the new pin and gen.go in place, so the freshness test checks the
		// refreshed state.
		if err := checkModule(ctx, o.root, stdout); err != nil {
			return undo(err)
		}
	}
	fmt.Fprintf(stdout, "%s: regenerated %d files in %s; pinned %s (sha256 %s); entry added to %s\n",
		o.service, len(res.Files), line.cfg.OutDir, report.ModelFile, report.NewSHA256, o.changelog)
	return nil
}

// rewriteModel points the service's gen.go line at the new model when it
// moved, so that go generate reproduces the refreshed code. The path is
// kept relative to the root, as go generate runs there.
func rewriteModel(gen []byte, line *genLine, root, model string) ([]byte, error) {
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	absModel, err := filepath.Abs(model)
	if err != nil {
		return nil, err
	}
	if absModel == filepath.Clean(rooted(absRoot, line.cfg.Models[0])) {
		return gen, nil
	}
	arg := absModel
	if rel, err := filepath.Rel(absRoot, absModel); err == nil {
		arg = filepath.ToSlash(rel)
	}
	if strings.ContainsAny(arg, " \t\"'") {
		return nil, fmt.Errorf("model path %q cannot be written into gen.go", arg)
	}
	lines := strings.Split(string(gen), "\n")
	old := "-model " + line.cfg.Models[0] + " "
	l := lines[line.lineNo-1]
	if !strings.Contains(l, old) {
		return nil, fmt.Errorf("gen.go:%d: cannot find %q to update", line.lineNo, strings.TrimSpace(old))
	}
	lines[line.lineNo-1] = strings.Replace(l, old, "-model "+arg+" ", 1)
	return []byte(strings.Join(lines, "\n")), nil
}

const changelogHeader = `# Changelog

API changes of the generated clients, newest first. Entries are written by
eucsdk-refresh from the difference between the model a package was generated
from (pinned in models/pins.json) and its replacement.

`

// prepend puts the entry above the newest one, below the file's preamble.
func prepend(changelog []byte, entry string) []byte {
	entry = strings.TrimRight(entry, "\n") + "\n\n"
	s := string(changelog)
	if strings.TrimSpace(s) == "" {
		return []byte(changelogHeader + entry)
	}
	if strings.HasPrefix(s, "## ") {
		return []byte(entry + s)
	}
	if i := strings.Index(s, "\n## "); i >= 0 {
		return []byte(s[:i+1] + entry + s[i+1:])
	}
	if !strings.HasSuffix(s, "\n\n") {
		s = strings.TrimRight(s, "\n") + "\n\n"
	}
	return []byte(s + entry)
}

// checkSteps is what a refresh must pass before it is kept. The tests run
// in -short mode with go's test cache: what the refresh can break is code
// that uses the generated packages, and those tests rerun whenever the
// packages change; the long generator compile checks (golden and scratch
// modules) do not depend on the models and stay for CI.
var checkSteps = [][]string{
	{"go", "build", "./..."},
	{"go", "vet", "./..."},
	{"go", "test", "-short", "./..."},
}

func checkModule(ctx context.Context, root string, stdout io.Writer) error {
	for _, step := range checkSteps {
		fmt.Fprintf(stdout, "checking: %s\n", strings.Join(step, " "))
		cmd := exec.CommandContext(ctx, step[0], step[1:]...)
		cmd.Dir = root
		b, err := cmd.CombinedOutput()
		if ctx.Err() != nil {
			return fmt.Errorf("%s: interrupted", strings.Join(step, " "))
		}
		if err != nil {
			return fmt.Errorf("%s in %s failed (%v):\n%s", strings.Join(step, " "), root, err, failures(b))
		}
	}
	return nil
}

// failures keeps the lines of go's output that explain a failure: passing
// packages' "ok" lines only bury them.
func failures(out []byte) string {
	var keep []string
	for _, l := range strings.Split(strings.TrimRight(string(out), "\n"), "\n") {
		if strings.HasPrefix(l, "ok ") || strings.HasPrefix(l, "ok\t") || strings.Contains(l, "[no test files]") {
			continue
		}
		keep = append(keep, l)
	}
	return strings.Join(keep, "\n")
}

// savedFiles holds single files a refresh rewrites, nil for absent ones.
type savedFiles map[string][]byte

func saveFiles(paths ...string) (savedFiles, error) {
	s := savedFiles{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			s[p] = nil
			continue
		}
		if err != nil {
			return nil, err
		}
		s[p] = b
	}
	return s, nil
}

func (s savedFiles) restore() error {
	var errs []error
	for p, b := range s {
		if b == nil {
			if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
			continue
		}
		if got, err := os.ReadFile(p); err == nil && bytes.Equal(got, b) {
			continue
		}
		errs = append(errs, pins.WriteFileAtomic(p, b))
	}
	return errors.Join(errs...)
}

// dirSnapshot is the content of a generated package before regeneration.
type dirSnapshot struct {
	dir   string
	files map[string][]byte
	dirs  map[string]bool
}

func snapshot(dir string) (*dirSnapshot, error) {
	s := &dirSnapshot{dir: dir, files: map[string][]byte{}, dirs: map[string]bool{}}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == dir {
			return filepath.SkipDir
		}
		if err != nil {
			return err
		}
		if d.IsDir() {
			s.dirs[p] = true
			return nil
		}
		b, err := os.ReadFile(p)
		s.files[p] = b
		return err
	})
	return s, err
}

// restore puts every file back as it was and removes what was added.
func (s *dirSnapshot) restore() error {
	var added, newDirs []string
	err := filepath.WalkDir(s.dir, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == s.dir {
			return filepath.SkipDir
		}
		if err != nil {
			return err
		}
		if d.IsDir() {
			if !s.dirs[p] {
				newDirs = append(newDirs, p)
			}
		} else if _, ok := s.files[p]; !ok {
			added = append(added, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	var errs []error
	for _, p := range added {
		errs = append(errs, os.Remove(p))
	}
	for p, want := range s.files {
		if got, err := os.ReadFile(p); err == nil && bytes.Equal(got, want) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			errs = append(errs, err)
			continue
		}
		errs = append(errs, pins.WriteFileAtomic(p, want))
	}
	slices.Reverse(newDirs) // deepest first
	for _, d := range newDirs {
		errs = append(errs, os.Remove(d))
	}
	return errors.Join(errs...)
}
