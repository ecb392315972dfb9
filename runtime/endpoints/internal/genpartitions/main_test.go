package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/internal/testkit/shared"
)

// The committed table must be exactly what go generate produces today, so
// nobody hand-edits it and a data refresh is a visible diff.
func TestGeneratedFileIsCurrent(t *testing.T) {
	data, err := os.ReadFile(shared.Path(t, "testdata", "endpoints", "partitions.json"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := generate(data)
	if err != nil {
		t.Fatal(err)
	}
	again, err := generate(data)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, again) {
		t.Fatal("generate is not deterministic")
	}
	committed, err := os.ReadFile("../../partitions_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, committed) {
		t.Fatal("partitions_gen.go is stale: run go generate ./endpoints")
	}
}

func TestRegionOverridesAreMerged(t *testing.T) {
	src, err := generate([]byte(`{"version": "1.1", "partitions": [{
	  "id": "aws", "regionRegex": "^x-\\d+$",
	  "outputs": {"name": "aws", "dnsSuffix": "a.com", "dualStackDnsSuffix": "d.a.com",
	              "supportsFIPS": true, "supportsDualStack": false},
	  "regions": {"x-1": {"description": "plain"}, "x-2": {"description": "odd", "dnsSuffix": "b.com", "supportsDualStack": true}}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	for _, want := range []string{
		`"x-1": nil,`,
		"\"x-2\": &partitionOutputs{\n\t\t\t\tname:                 \"aws\",\n\t\t\t\tdnsSuffix:            \"b.com\",",
		"supportsDualStack:    true,",
		"regionpattern.MustCompile(`^x-\\d+$`)",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("generated source lacks %q:\n%s", want, s)
		}
	}
}

func TestRejectsUnknownData(t *testing.T) {
	tests := map[string]string{
		"unknown output":    `{"partitions": [{"id": "aws", "regionRegex": "x", "outputs": {"name": "aws", "dnsSuffix": "a", "dualStackDnsSuffix": "b", "supportsFIPS": true, "supportsDualStack": true, "newThing": 1}, "regions": {}}]}`,
		"unsupported regex": `{"partitions": [{"id": "aws", "regionRegex": "^x[0-9]$", "outputs": {"name": "aws", "dnsSuffix": "a", "dualStackDnsSuffix": "b", "supportsFIPS": true, "supportsDualStack": true}, "regions": {}}]}`,
		"bad regex":         `{"partitions": [{"id": "aws", "regionRegex": "(", "outputs": {}, "regions": {}}]}`,
		"no aws":            `{"partitions": [{"id": "other", "regionRegex": "^x\\-\\d+$", "outputs": {"name": "o", "dnsSuffix": "a", "dualStackDnsSuffix": "b", "supportsFIPS": true, "supportsDualStack": true}, "regions": {}}]}`,
		"missing field":     `{"partitions": [{"id": "aws", "regionRegex": "^x\\-\\d+$", "outputs": {"name": "aws"}, "regions": {}}]}`,
		"empty":             `{"partitions": []}`,
	}
	wants := map[string]string{
		"unsupported regex": "unsupported character '['",
		"bad regex":         "regionRegex",
		"no aws":            "aws",
		"missing field":     "required field",
		"empty":             "",
	}
	for name, doc := range tests {
		_, err := generate([]byte(doc))
		if err == nil {
			t.Errorf("%s: generate succeeded", name)
		} else if !strings.Contains(err.Error(), wants[name]) {
			t.Errorf("%s: error %q does not say %q", name, err, wants[name])
		}
	}
}
