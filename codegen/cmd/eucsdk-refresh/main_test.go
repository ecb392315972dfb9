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
	return append([]string{"-root", root, "-service", "weather", "-model", model, "-check=false", "-date", "2024-05-06"}, extra...)
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
	err := run(refreshArgs(root, filepath.Join(root, "v2.json"), "-check=true"), &out, &out)
	if err == nil || !strings.Contains(err.Error(), "working tree restored") {
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

// -n prints the entry, says so, and writes nothing.
func TestDryRunSaysNothingWritten(t *testing.T) {
	root := newRepo(t)
	var out bytes.Buffer
	if err := run(refreshArgs(root, filepath.Join(root, "upstream", "weather.json")), &out, &out); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(root, "v2", "weather.json"), weatherModel("example.weather", true))
	before := tree(t, root)
	out.Reset()
	if err := run(refreshArgs(root, filepath.Join(root, "v2", "weather.json"), "-n"), &out, &out); err != nil {
		t.Fatal(err)
	}
	sameTree(t, before, tree(t, root))
	for _, want := range []string{"1 new 1 updated api methods", "dry run (-n): nothing written", "point gen.go:3 at"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// unitModel is a weather service whose request has a Unit enum. Each
// version breaks hand-written code in a different way.
func unitModel(units, outMembers string, extraOp bool) string {
	ops := `[{"target": "example.weather#GetForecast"}]`
	extra := ""
	if extraOp {
		ops = `[{"target": "example.weather#GetForecast"}, {"target": "example.weather#GetAlerts"}]`
		extra = `,
    "example.weather#GetAlerts": {"type": "operation", "input": {"target": "smithy.api#Unit"}, "output": {"target": "smithy.api#Unit"}}`
	}
	return `{
  "smithy": "2.0",
  "shapes": {
    "example.weather#Weather": {"type": "service", "version": "2024-01-01", "operations": ` + ops + `,
      "traits": {"aws.api#service": {"sdkId": "Weather"}, "aws.protocols#awsJson1_0": {}, "smithy.api#title": "Example Weather"}},
    "example.weather#GetForecast": {"type": "operation", "input": {"target": "example.weather#GetForecastInput"}, "output": {"target": "example.weather#GetForecastOutput"}},
    "example.weather#GetForecastInput": {"type": "structure", "members": {"City": {"target": "smithy.api#String"}, "Unit": {"target": "example.weather#Unit"}}},
    "example.weather#Unit": {"type": "enum", "members": {` + units + `}},
    "example.weather#GetForecastOutput": {"type": "structure", "members": {` + outMembers + `}}` + extra + `
  }
}
`
}

const (
	bothUnits   = `"CELSIUS": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "CELSIUS"}}, "FAHRENHEIT": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "FAHRENHEIT"}}`
	celsiusOnly = `"CELSIUS": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "CELSIUS"}}`
	withDegrees = `"Forecast": {"target": "smithy.api#String"}, "Degrees": {"target": "smithy.api#Integer"}`
	noDegrees   = `"Forecast": {"target": "smithy.api#String"}`
)

// moduleRepo is newRepo as a Go module that builds against this checkout,
// with an emulator package and a test that use the generated types, as the
// real repository's emulator and tests do.
func moduleRepo(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and tests a scratch module")
	}
	self, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	mod := read(t, filepath.Join(self, "go.mod"))
	req := mod[strings.Index(mod, "require"):]
	root := t.TempDir()
	write(t, filepath.Join(root, "go.mod"), "module example.com/repo\n\ngo 1.24\n\n"+req+
		"\nrequire github.com/eucsdk/eucsdk v0.0.0\n\nreplace github.com/eucsdk/eucsdk => "+self+"\n")
	write(t, filepath.Join(root, "go.sum"), read(t, filepath.Join(self, "go.sum")))
	write(t, filepath.Join(root, "gen.go"), genGo)
	write(t, filepath.Join(root, "models", "README"), "pins.json goes here\n")
	write(t, filepath.Join(root, "upstream", "weather.json"), unitModel(bothUnits, withDegrees, false))
	write(t, filepath.Join(root, "emulator", "emulator.go"), `// Package emulator stands for hand-written code on the generated types.
package emulator

import "example.com/repo/weather/types"

// Units are the units the emulator converts between.
var Units = []types.Unit{types.UnitCelsius, types.UnitFahrenheit}
`)
	write(t, filepath.Join(root, "emulator", "emulator_test.go"), `package emulator

import (
	"reflect"
	"testing"

	"example.com/repo/weather"
)

func TestForecastHasDegrees(t *testing.T) {
	if _, ok := reflect.TypeOf(weather.GetForecastOutput{}).FieldByName("Degrees"); !ok {
		t.Fatal("GetForecastOutput lost Degrees, which the emulator fills in")
	}
}
`)
	// Only the module cache: the scratch module needs nothing new.
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOPROXY", "off")
	var out bytes.Buffer
	if err := run(refreshArgs(root, filepath.Join(root, "upstream", "weather.json"), "-check=true"), &out, &out); err != nil {
		t.Fatalf("initial refresh: %v\n%s", err, out.String())
	}
	return root
}

// A model that breaks hand-written code elsewhere in the module (here a
// removed enum value the emulator names, then a removed member its test
// needs) is refused, and the working tree is left exactly as it was. Only a
// model that keeps the module green is recorded.
func TestCheckedRefreshKeepsTreeOnFailure(t *testing.T) {
	root := moduleRepo(t)
	for _, c := range []struct {
		name, model, want string
	}{
		{"removed enum value breaks the emulator's build", unitModel(celsiusOnly, withDegrees, true), "emulator/emulator.go"},
		{"removed member fails the emulator's test", unitModel(bothUnits, noDegrees, true), "TestForecastHasDegrees"},
	} {
		t.Run(c.name, func(t *testing.T) {
			model := filepath.Join(root, "next.json")
			write(t, model, c.model)
			before := tree(t, root)
			var out bytes.Buffer
			err := run(refreshArgs(root, model, "-check=true"), &out, &out)
			t.Log(err)
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "working tree restored") {
				t.Fatalf("error %v, want one naming %s and saying the tree was restored", err, c.want)
			}
			sameTree(t, before, tree(t, root))
		})
	}
	model := filepath.Join(root, "next.json")
	write(t, model, unitModel(bothUnits, withDegrees, true))
	var out bytes.Buffer
	if err := run(refreshArgs(root, model, "-check=true"), &out, &out); err != nil {
		t.Fatalf("a compatible model was refused: %v\n%s", err, out.String())
	}
	if !strings.Contains(read(t, filepath.Join(root, "CHANGELOG.md")), "### GetAlerts (new)") {
		t.Error("the compatible refresh was not recorded")
	}
}
