package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const model = `{"smithy": "2.0", "shapes": {
  "NS#Svc": {"type": "service", "version": "1", "operations": [OPS],
    "traits": {"aws.api#service": {"sdkId": "Svc"}, "aws.protocols#awsJson1_0": {}, "smithy.api#title": "Example"}},
  "NS#Ping": {"type": "operation"},
  "NS#Pong": {"type": "operation"}
}}`

func file(t *testing.T, ns, ops string) string {
	p := filepath.Join(t.TempDir(), "m.json")
	s := strings.ReplaceAll(strings.Replace(model, "OPS", ops, 1), "NS#", ns+"#")
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestFormats(t *testing.T) {
	old := file(t, "ex", `{"target": "ex#Ping"}`)
	cur := file(t, "ex", `{"target": "ex#Ping"}, {"target": "ex#Pong"}`)
	var out bytes.Buffer
	if err := run([]string{"-old", old, "-new", cur, "-date", "2024-02-03"}, &out, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "## 2024/02/03 - Example - 1 new api methods\n") || !strings.Contains(out.String(), "### Pong (new)") {
		t.Errorf("markdown:\n%s", out.String())
	}
	out.Reset()
	if err := run([]string{"-old", old, "-new", cur, "-format", "json", "-date", "2024-02-03"}, &out, &out); err != nil {
		t.Fatal(err)
	}
	var r struct {
		NewOperations []struct{ Name string }
		NewSha256     string
	}
	if err := json.Unmarshal(out.Bytes(), &r); err != nil || len(r.NewOperations) != 1 || r.NewOperations[0].Name != "Pong" || len(r.NewSha256) != 64 {
		t.Errorf("json %s: %+v %v", out.String(), r, err)
	}
}

func TestBadInput(t *testing.T) {
	ex := file(t, "ex", `{"target": "ex#Ping"}`)
	other := file(t, "other", `{"target": "other#Ping"}`)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-old", ex, "-new", other}, "different services"},
		{[]string{"-old", ex}, "-old and -new are required"},
		{[]string{"-old", ex, "-new", ex, "-format", "yaml"}, "markdown or json"},
		{[]string{"-old", ex, "-new", filepath.Join(t.TempDir(), "missing.json")}, "missing.json"},
	} {
		var out bytes.Buffer
		if err := run(c.args, &out, &out); err == nil || !strings.Contains(err.Error(), c.want) || out.Len() != 0 {
			t.Errorf("%v: error %v, output %q; want an error containing %q and no output", c.args, err, out.String(), c.want)
		}
	}
}
