package modeldiff

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// releaseBases are the models the clients were first generated from: the
// first release of each service is compared with them, as its refresh did.
var releaseBases = []struct{ dir, base string }{
	{"appstream", "appstream-2016-12-01.json"},
	{"workspaces", "workspaces-2015-04-08.json"},
}

// changelogEntries splits CHANGELOG.md into its "## " entries, in order.
func changelogEntries(t *testing.T) []string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	data, err := os.ReadFile(filepath.Join(filepath.Dir(file), "..", "..", "CHANGELOG.md"))
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split("\n"+string(data), "\n## ")[1:]
	for i, p := range parts {
		parts[i] = "## " + strings.TrimRight(p, "\n") + "\n"
	}
	return parts
}

// The committed CHANGELOG.md holds, for every release in
// ../shared/models/releases, exactly the entry rebuilt from that release
// and the one before it, newest first above the initial imports: an entry
// edited by hand, lost, or made by an older differ fails here.
func TestChangelogMatchesReleases(t *testing.T) {
	models := sharedModels(t)
	type rebuilt struct{ date, entry string }
	var want []rebuilt
	for _, s := range releaseBases {
		files, err := filepath.Glob(filepath.Join(models, "releases", s.dir, "*.json"))
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Fatalf("no releases in %s", filepath.Join(models, "releases", s.dir))
		}
		slices.Sort(files)
		prev := filepath.Join(models, s.base)
		for _, f := range files {
			date := strings.TrimSuffix(filepath.Base(f), ".json")
			oldData, err := os.ReadFile(prev)
			if err != nil {
				t.Fatal(err)
			}
			newData, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			r, err := CompareFiles(prev, oldData, f, newData, Options{Package: s.dir, ImportPath: "github.com/eucsdk/eucsdk/" + s.dir, Date: date})
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			want = append(want, rebuilt{date, r.Markdown()})
			prev = f
		}
	}
	// Newest first; a stable sort keeps the order of two releases of one day.
	slices.SortStableFunc(want, func(a, b rebuilt) int { return strings.Compare(b.date, a.date) })
	got := changelogEntries(t)
	if len(got) < len(want) {
		t.Fatalf("CHANGELOG.md has %d entries, want the %d releases above the initial imports", len(got), len(want))
	}
	for i, w := range want {
		heading := strings.SplitN(w.entry, "\n", 2)[0]
		if got[i] != strings.TrimRight(w.entry, "\n")+"\n" {
			t.Errorf("CHANGELOG.md entry %d differs from the one rebuilt from the release files; want:\n%s\ngot:\n%s", i+1, w.entry, got[i])
			continue
		}
		t.Logf("%s: matches", heading)
	}
	for _, rest := range got[len(want):] {
		if !strings.Contains(strings.SplitN(rest, "\n", 2)[0], "initial import") {
			t.Errorf("CHANGELOG.md has an entry no release explains: %s", strings.SplitN(rest, "\n", 2)[0])
		}
	}
}
