package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/codegen/pins"
)

// weatherModel is a small awsJson1_0 service. v2 adds an operation, removes
// a response member and makes a request member required, so one refresh
// exercises new, updated and breaking changes.
func weatherModel(ns string, v2 bool) string {
	ops := `[{"target": "NS#GetForecast"}]`
	out := `"Forecast": {"target": "smithy.api#String"}, "Degrees": {"target": "smithy.api#Integer"}`
	days := `"Days": {"target": "smithy.api#Integer"}`
	extra := ""
	if v2 {
		ops = `[{"target": "NS#GetForecast"}, {"target": "NS#GetAlerts"}]`
		out = `"Forecast": {"target": "smithy.api#String"}`
		days = `"Days": {"target": "smithy.api#Integer", "traits": {"smithy.api#required": {}}}`
		extra = `,
    "NS#GetAlerts": {"type": "operation", "input": {"target": "NS#GetAlertsInput"}, "output": {"target": "smithy.api#Unit"}},
    "NS#GetAlertsInput": {"type": "structure", "members": {"Region": {"target": "smithy.api#String"}}}`
	}
	s := `{
  "smithy": "2.0",
  "shapes": {
    "NS#Weather": {"type": "service", "version": "2024-01-01", "operations": ` + ops + `,
      "traits": {"aws.api#service": {"sdkId": "Weather"}, "aws.protocols#awsJson1_0": {}, "smithy.api#title": "Example Weather"}},
    "NS#GetForecast": {"type": "operation", "input": {"target": "NS#GetForecastInput"}, "output": {"target": "NS#GetForecastOutput"}},
    "NS#GetForecastInput": {"type": "structure", "members": {"City": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}}, ` + days + `}},
    "NS#GetForecastOutput": {"type": "structure", "members": {` + out + `}}` + extra + `
  }
}
`
	return strings.ReplaceAll(s, "NS#", ns+"#")
}

// genGo is split so that go generate, which scans every file for the
// directive at the start of a line, does not run it from this test.
const genGo = "package repo\n\n//go" + `:generate go run ./codegen/cmd/eucsdk-gen -q -pin models/pins.json -model upstream/weather.json -package weather -import example.com/repo/weather -out weather
`

// newRepo lays out a repository root with gen.go and the v1 model.
func newRepo(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	write(t, filepath.Join(root, "gen.go"), genGo)
	write(t, filepath.Join(root, "upstream", "weather.json"), weatherModel("example.weather", false))
	if err := os.MkdirAll(filepath.Join(root, "models"), 0o755); err != nil {
		t.Fatal(err)
	}
	return root
}

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// tree is every file under root with its content, to show nothing changed.
func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		out[p] = read(t, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameTree(t *testing.T, before, after map[string]string) {
	t.Helper()
	for p, b := range before {
		if a, ok := after[p]; !ok || a != b {
			t.Errorf("%s changed or vanished", p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s was written", p)
		}
	}
}

func refreshArgs(root, model string, extra ...string) []string {
	return append([]string{"-root", root, "-service", "weather", "-model", model, "-build=false", "-date", "2024-05-06"}, extra...)
}

func TestInitialThenRefresh(t *testing.T) {
	root := newRepo(t)
	var out bytes.Buffer
	if err := run(refreshArgs(root, filepath.Join(root, "upstream", "weather.json")), &out, &out); err != nil {
		t.Fatal(err)
	}
	cl := read(t, filepath.Join(root, "CHANGELOG.md"))
	t.Log(strings.SplitN(cl[strings.Index(cl, "## "):], "\n", 2)[0])
	if !strings.Contains(cl, "## 2024/05/06 - Example Weather - initial import, 1 api methods\n") {
		t.Errorf("no initial entry:\n%s", cl)
	}
	pinned, err := pins.Read(filepath.Join(root, "models", "pins.json"))
	if err != nil {
		t.Fatal(err)
	}
	v1 := pinned.Get("weather")
	if v1 == nil || v1.Service != "example.weather#Weather" || v1.Version != "2024-01-01" || v1.File != "weather.json" ||
		v1.SHA256 != pins.SHA256([]byte(weatherModel("example.weather", false))) {
		t.Fatalf("pin %+v", v1)
	}
	if _, err := os.Stat(filepath.Join(root, "weather", "api_op_GetForecast.go")); err != nil {
		t.Fatalf("package not generated: %v", err)
	}

	// The same model again is a no-op.
	before := tree(t, root)
	out.Reset()
	if err := run(refreshArgs(root, filepath.Join(root, "upstream", "weather.json")), &out, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "nothing to refresh") {
		t.Errorf("output %q", out.String())
	}
	sameTree(t, before, tree(t, root))

	// A new model in another place: diff, regenerate, repin, re-point gen.go.
	write(t, filepath.Join(root, "upstream", "v2", "weather.json"), weatherModel("example.weather", true))
	out.Reset()
	if err := run(refreshArgs(root, filepath.Join(root, "upstream", "v2", "weather.json"), "-date", "2024-06-07"), &out, &out); err != nil {
		t.Fatal(err)
	}
	cl = read(t, filepath.Join(root, "CHANGELOG.md"))
	heading := "## 2024/06/07 - Example Weather - 1 new 1 updated api methods\n"
	t.Log(strings.TrimSpace(heading))
	i, j := strings.Index(cl, heading), strings.Index(cl, "## 2024/05/06")
	if i < 0 || j < i {
		t.Fatalf("new entry not prepended above the initial one:\n%s", cl)
	}
	entry := cl[i:j]
	breaking := strings.Index(entry, "**Breaking changes for Go users:**")
	firstOp := strings.Index(entry, "### ")
	if breaking < 0 || breaking > firstOp {
		t.Errorf("breaking changes are not called out at the top:\n%s", entry)
	}
	for _, want := range []string{
		"- GetForecast request: `Days` changed: now required",
		"- GetForecast response: `Degrees` removed (was `*int32`)",
		"### GetAlerts (new)",
		"GetAlertsInput {\n    Region *string\n}",
	} {
		if !strings.Contains(entry, want) {
			t.Errorf("entry lacks %q:\n%s", want, entry)
		}
	}
	if !strings.Contains(out.String(), heading) {
		t.Error("the diff was not shown")
	}
	if got := read(t, filepath.Join(root, "gen.go")); !strings.Contains(got, "-model upstream/v2/weather.json -package weather") {
		t.Errorf("gen.go not re-pointed at the new model:\n%s", got)
	}
	pinned, _ = pins.Read(filepath.Join(root, "models", "pins.json"))
	if p := pinned.Get("weather"); p.SHA256 != pins.SHA256([]byte(weatherModel("example.weather", true))) {
		t.Errorf("pin not updated: %+v", p)
	}
	if _, err := os.Stat(filepath.Join(root, "weather", "api_op_GetAlerts.go")); err != nil {
		t.Errorf("new operation not generated: %v", err)
	}
}

// Bad input fails with a clear message and leaves every file as it was.
func TestBadInputWritesNothing(t *testing.T) {
	root := newRepo(t)
	var out bytes.Buffer
	if err := run(refreshArgs(root, filepath.Join(root, "upstream", "weather.json")), &out, &out); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(root, "other.json"), weatherModel("example.storms", true))
	write(t, filepath.Join(root, "broken.json"), `{"smithy": "2.0", "shapes": {`)
	write(t, filepath.Join(root, "v2.json"), weatherModel("example.weather", true))
	before := tree(t, root)
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"other service", refreshArgs(root, filepath.Join(root, "other.json")), "different services"},
		{"broken model", refreshArgs(root, filepath.Join(root, "broken.json")), "broken.json: invalid JSON"},
		{"missing model", refreshArgs(root, filepath.Join(root, "nope.json")), "nope.json"},
		{"unknown service", []string{"-root", root, "-service", "weathr", "-model", filepath.Join(root, "v2.json")}, `unknown service "weathr": gen.go generates weather`},
		{"bad date", refreshArgs(root, filepath.Join(root, "v2.json"), "-date", "6/7/2024"), "not YYYY-MM-DD"},
		{"dry run", refreshArgs(root, filepath.Join(root, "v2.json"), "-n"), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			out.Reset()
			err := run(c.args, &out, &out)
			if c.want == "" {
				if err != nil {
					t.Fatal(err)
				}
			} else if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one containing %q", err, c.want)
			}
			sameTree(t, before, tree(t, root))
		})
	}
}

// A model replaced in place cannot be diffed without a copy of the old one;
// the refresh says so instead of guessing.
func TestReplacedInPlaceNeedsOld(t *testing.T) {
	root := newRepo(t)
	var out bytes.Buffer
	model := filepath.Join(root, "upstream", "weather.json")
	if err := run(refreshArgs(root, model), &out, &out); err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(t.TempDir(), "old.json")
	write(t, old, read(t, model))
	write(t, model, weatherModel("example.weather", true))
	before := tree(t, root)
	err := run(refreshArgs(root, model), &out, &out)
	if err == nil || !strings.Contains(err.Error(), "pass -old") {
		t.Fatalf("error %v, want a request for -old", err)
	}
	sameTree(t, before, tree(t, root))
	if err := run(refreshArgs(root, model, "-old", old), &out, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(read(t, filepath.Join(root, "CHANGELOG.md")), "1 new 1 updated api methods") {
		t.Error("no entry after refreshing with -old")
	}
	if read(t, filepath.Join(root, "gen.go")) != genGo {
		t.Error("gen.go changed although the model path did not")
	}
}

// When the regenerated package does not build, the previous package comes
// back and neither the pin nor the changelog moves. The temporary root is
// not a Go module, so go build fails for certain.
func TestFailedBuildRestores(t *testing.T) {
	root := newRepo(t)
	var out bytes.Buffer
	if err := run(refreshArgs(root, filepath.Join(root, "upstream", "weather.json")), &out, &out); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(root, "v2.json"), weatherModel("example.weather", true))
	before := tree(t, root)
	err := run(refreshArgs(root, filepath.Join(root, "v2.json"), "-build=true"), &out, &out)
	if err == nil || !strings.Contains(err.Error(), "restored, pin and changelog unchanged") {
		t.Fatalf("error %v", err)
	}
	sameTree(t, before, tree(t, root))
	if _, err := os.Stat(filepath.Join(root, "weather", "api_op_GetAlerts.go")); !os.IsNotExist(err) {
		t.Errorf("file of the failed generation left behind: %v", err)
	}
}

func TestPrepend(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", changelogHeader + "## B\n\n"},
		{"# Changelog\n\nintro\n\n## A\n\nold\n", "# Changelog\n\nintro\n\n## B\n\n## A\n\nold\n"},
		{"## A\n", "## B\n\n## A\n"},
		{"# Changelog\nintro", "# Changelog\nintro\n\n## B\n\n"},
	} {
		if got := string(prepend([]byte(c.in), "## B\n")); got != c.want {
			t.Errorf("prepend(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
