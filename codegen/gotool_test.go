package codegen

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// readmeBlock returns the fenced block between <!-- name:begin --> and
// <!-- name:end --> in README.md, without its fence lines.
func readmeBlock(t *testing.T, readme, name string) string {
	t.Helper()
	m := regexp.MustCompile("(?s)<!-- " + regexp.QuoteMeta(name) + ":begin -->\\s*```[a-z]*\\n(.*?)```\\s*<!-- " + regexp.QuoteMeta(name) + ":end -->").FindStringSubmatch(readme)
	if m == nil {
		t.Fatalf("README.md has no fenced block marked %s:begin/%s:end", name, name)
	}
	return m[1]
}

// shellLines splits a README shell block into commands: one per line,
// comments after '#' dropped, arguments split on spaces (the blocks quote
// nothing, so that this is all the parsing they need).
func shellLines(block string) [][]string {
	var cmds [][]string
	for _, line := range strings.Split(block, "\n") {
		line, _, _ = strings.Cut(line, "#")
		if f := strings.Fields(line); len(f) > 0 {
			cmds = append(cmds, f)
		}
	}
	return cmds
}

// tolerantProxy is the environment's GOPROXY with every answer falling
// through ('|') and "off" last. go get asks the proxy about
// github.com/eucsdk/eucsdk/codegen/cmd/eucsdk-gen and its parents as
// modules of their own before it uses the replacement; the public proxy
// says 404 or 410, which go get passes over, but a mirror that says 403 (the one
// here does) ends the command. "off" answers "not found".
func tolerantProxy() string {
	out, err := exec.Command("go", "env", "GOPROXY").Output()
	if err != nil {
		return "off"
	}
	var keep []string
	for _, p := range regexp.MustCompile(`[,|]`).Split(strings.TrimSpace(string(out)), -1) {
		if p != "" && p != "direct" && p != "off" {
			keep = append(keep, p)
		}
	}
	return strings.Join(append(keep, "off"), "|")
}

// TestGoToolFlow runs the README's pre-publication "go tool" flow in a new
// module outside the repository, with an empty module cache of its own, as
// a team adopting the generator from a checkout would: replace, go get
// -tool, go mod tidy, go generate through `go tool eucsdk-gen`, build, vet,
// and a test of the generated client. It downloads the generator's
// dependencies, so -short skips it; CI runs it.
func TestGoToolFlow(t *testing.T) {
	if testing.Short() {
		t.Skip("downloads modules into an empty module cache; skipped with -short")
	}
	root := checkout(t)
	data, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	published := shellLines(readmeBlock(t, readme, "gotool-published"))
	fromCheckout := shellLines(readmeBlock(t, readme, "gotool-checkout"))
	genGo := readmeBlock(t, readme, "gotool-gengo")

	// The two forms differ only by the replace line, so running one tests both.
	var rest [][]string
	for _, c := range fromCheckout {
		if strings.Join(c, " ") != "go mod edit -replace github.com/eucsdk/eucsdk=../eucsdk" {
			rest = append(rest, c)
		}
	}
	if len(rest) != len(fromCheckout)-1 || !equalCmds(rest, published) {
		t.Fatalf("README: the checkout flow must be the published flow plus `go mod edit -replace github.com/eucsdk/eucsdk=../eucsdk`:\npublished: %q\ncheckout: %q", published, fromCheckout)
	}

	cache := t.TempDir()
	// The module cache is read-only; only the go command removes it. This
	// cleanup is registered after TempDir's, so it runs first.
	t.Cleanup(func() {
		cmd := exec.Command("go", "clean", "-modcache")
		cmd.Env = append(os.Environ(), "GOMODCACHE="+cache, "GOFLAGS=")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("go clean -modcache: %v\n%s", err, out)
		}
	})
	mod := t.TempDir()
	run := func(extraEnv []string, args ...string) string {
		t.Helper()
		start := time.Now()
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), append([]string{"GOMODCACHE=" + cache, "GOFLAGS=", "GOWORK=off"}, extraEnv...)...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s (in %s): %v\n%s", strings.Join(args, " "), mod, err, out)
		}
		t.Logf("%s: %.1fs", strings.Join(args, " "), time.Since(start).Seconds())
		return string(out)
	}

	run(nil, "go", "mod", "init", "example.com/weather")
	copyFile(t, filepath.Join("testdata", "models", "weather.smithy"), filepath.Join(mod, "api", "weather.smithy"))
	if err := os.WriteFile(filepath.Join(mod, "gen.go"), []byte(genGo), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range fromCheckout {
		if c[0] != "go" {
			t.Fatalf("README gotool-checkout block: %q is not a go command", strings.Join(c, " "))
		}
		for i := range c {
			c[i] = strings.ReplaceAll(c[i], "../eucsdk", root)
		}
		var env []string
		if len(c) > 2 && c[1] == "get" {
			env = []string{"GOPROXY=" + tolerantProxy()}
		}
		run(env, c...)
		if c[1] == "mod" && c[2] == "tidy" {
			// The tool line keeps the generator's own dependencies in go.mod and
			// go.sum; with `go run` from a plain require, tidy drops them.
			gomod, _ := os.ReadFile(filepath.Join(mod, "go.mod"))
			gosum, _ := os.ReadFile(filepath.Join(mod, "go.sum"))
			if !strings.Contains(string(gomod), "\ntool github.com/eucsdk/eucsdk/codegen/cmd/eucsdk-gen\n") {
				t.Errorf("go.mod after tidy has no tool line:\n%s", gomod)
			}
			if !strings.Contains(string(gosum), "github.com/dave/jennifer ") {
				t.Errorf("go.sum after tidy lost the generator's dependency jennifer:\n%s", gosum)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(mod, "weather", "api_op_GetForecast.go")); err != nil {
		t.Fatalf("go generate did not write the client: %v", err)
	}
	// A test of the client, added once it exists, as a team's own code would be.
	copyTestFile(t, "weather_test.go.txt", filepath.Join(mod, "weathertest", "weather_test.go"))
	run(nil, "go", "vet", "./...")
	t.Log(run(nil, "go", "test", "-count=1", "./..."))

	// Without the tool line, tidy drops the generator's dependencies and
	// `go run` of the generator fails: the README's reason for `go tool`.
	run(nil, "go", "mod", "edit", "-droptool", "github.com/eucsdk/eucsdk/codegen/cmd/eucsdk-gen")
	run(nil, "go", "mod", "tidy")
	cmd := exec.Command("go", "run", "github.com/eucsdk/eucsdk/codegen/cmd/eucsdk-gen", "-h")
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "GOMODCACHE="+cache, "GOFLAGS=", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "missing go.sum entry") {
		t.Errorf("go run of the generator without the tool line: want a missing go.sum entry, got %v\n%s", err, out)
	}

	var size int64
	var files int
	filepath.WalkDir(filepath.Join(cache, "cache", "download"), func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				size += fi.Size()
				files++
			}
		}
		return nil
	})
	t.Logf("module downloads: %d files, %.1f MB", files, float64(size)/1e6)
}

func equalCmds(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], " ") != strings.Join(b[i], " ") {
			return false
		}
	}
	return true
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
