package restbind

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestPathEscapesLabelsAndKeepsGreedySlashes(t *testing.T) {
	var p Path
	p.Literal("a")
	p.Label("Name", " %:/?#ü")
	p.Greedy("Key", "x/y z")
	got, err := p.String()
	if err != nil {
		t.Fatal(err)
	}
	if want := "/a/%20%25%3A%2F%3F%23%C3%BC/x/y%20z"; got != want {
		t.Errorf("path %q, want %q", got, want)
	}
}

// An empty label would silently address another resource: the error names
// the member.
func TestEmptyLabelNamesTheMember(t *testing.T) {
	var p Path
	p.Label("VaultName", "")
	if _, err := p.String(); err == nil || !strings.Contains(err.Error(), "VaultName") {
		t.Fatalf("err = %v", err)
	}
}

func TestQueryNamedMemberWinsOverParamsMap(t *testing.T) {
	q := NewQuery("fixed")
	q.Add("foo", "named")
	q.AddMap(map[string][]string{"foo": {"fromMap"}, "baz": {"a b", "c"}})
	if got, want := q.Encode(), "fixed&foo=named&baz=a%20b&baz=c"; got != want {
		t.Errorf("query %q, want %q", got, want)
	}
}

func TestHeaderListQuotesAndSplitsBack(t *testing.T) {
	vs := []string{"b,c", `"def"`, "a"}
	joined := HeaderList(vs)
	if got := SplitHeaderList(joined, false); !reflect.DeepEqual(got, vs) {
		t.Errorf("split %q = %q, want %q", joined, got, vs)
	}
	dates := SplitHeaderList("Mon, 16 Dec 2019 23:48:18 GMT, Tue, 17 Dec 2019 23:48:18 GMT", true)
	if len(dates) != 2 || dates[1] != "Tue, 17 Dec 2019 23:48:18 GMT" {
		t.Errorf("dates %q", dates)
	}
}

func TestTimeAndFloatForms(t *testing.T) {
	ts := time.Unix(1576540098, 0)
	for format, want := range map[string]string{HTTPDate: "Mon, 16 Dec 2019 23:48:18 GMT", DateTime: "2019-12-16T23:48:18Z", EpochSeconds: "1576540098"} {
		if got := FormatTime(ts, format); got != want {
			t.Errorf("%s: %q, want %q", format, got, want)
		}
		back, err := ParseTime(want, format)
		if err != nil || !back.Equal(ts) {
			t.Errorf("%s: parse %q = %v, %v", format, want, back, err)
		}
	}
	if FormatFloat(math.Inf(-1), 64) != "-Infinity" || FormatFloat(4.1, 32) != "4.1" {
		t.Error("float forms")
	}
	var r Reader
	r.Int("header X-Int", "nope", 32)
	if err := r.Err(); err == nil || !strings.Contains(err.Error(), "X-Int") {
		t.Errorf("err = %v", err)
	}
}
