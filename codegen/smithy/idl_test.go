package smithy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// featureModel uses each IDL construct once; TestIDLFeatures checks the
// shapes and traits it lowers to.
const featureModel = `$version: "2.0"
$operationInputSuffix: "Request"

metadata tags = ["a"]
metadata "quoted key" = { n: 1.50, ok: true, none: null }

namespace ex.feature

use aws.protocols#awsJson1_1
use other.ns#Shared

/// The service.
/// Second line.
@awsJson1_1
@title("Features")
service Svc {
    version: "2024-01-01"
    operations: [Put]
    resources: [Thing]
    errors: [Oops]
    rename: { "other.ns#Shared": "SharedThing" }
}

resource Thing {
    identifiers: { thingId: ThingId }
    properties: { colour: Colour }
    read: GetThing
    list: ListThings
    operations: [Put]
}

@readonly
operation GetThing {
    input := for Thing {
        @required
        $thingId
    }
    output := with [Common] {
        @documentation("own docs win")
        $note
        colour: Colour = "RED"
    }
}

@readonly
operation ListThings {
    input: Unit
    errors: [Oops]
}

operation Put {
    input := @sensitive {
        shared: Shared
        @tags(["x", "y"]) @since("1.0")
        count: Integer = 3
    }
}

@mixin
structure Common {
    /// From the mixin.
    note: String
}

string ThingId

enum Colour {
    RED
    /// Green docs.
    GREEN = "green"
}

intEnum Level {
    LOW = 1
    HIGH = 10
}

@error("client")
structure Oops {
    message: String
}

@tags([
    /// A stray comment inside a trait value documents nothing.
    "t"
])
list Names {
    member: String
}

map Counts {
    key: String
    value: Integer
}

@documentation("""
    First line
      indented
    with \"escapes\" and a \
    joined line
    """)
@examples([{ title: "t", input: { a: [1, -2.5e3, { b: "c" }] } }])
@references([{ resource: Thing }])
string Text

apply Text @sensitive
apply Oops$message {
    @required
    @length(min: 1)
}
`

const otherModel = `$version: "2"
namespace other.ns

structure Shared {
    id: String
}
`

func loadIDL(t *testing.T, files map[string]string) *Model {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m, err := LoadFiles([]string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestIDLFeatures(t *testing.T) {
	m := loadIDL(t, map[string]string{"a.smithy": featureModel, "b.smithy": otherModel})
	trait := func(id ShapeID, member, trait string) string {
		t.Helper()
		s := m.Shape(id)
		if s == nil {
			t.Fatalf("no shape %s", id)
		}
		traits := s.Traits
		if member != "" {
			mem := s.MemberNamed(member)
			if mem == nil {
				t.Fatalf("no member %s$%s", id, member)
			}
			traits = mem.Traits
		}
		raw, ok := traits[trait]
		if !ok {
			return "<absent>"
		}
		return string(normJSON(raw))
	}
	checks := []struct{ got, want string }{
		{trait("ex.feature#Svc", "", "smithy.api#documentation"), `"The service.\nSecond line."`},
		{trait("ex.feature#Svc", "", "aws.protocols#awsJson1_1"), `{}`},
		{string(m.Shape("ex.feature#Svc").Version), "2024-01-01"},
		{m.Shape("ex.feature#Svc").Rename["other.ns#Shared"], "SharedThing"},
		{join(m.Shape("ex.feature#Svc").Errors), "ex.feature#Oops"},
		{join(m.Shape("ex.feature#Thing").Operations), "ex.feature#Put ex.feature#GetThing ex.feature#ListThings"},
		{string(m.Shape("ex.feature#Thing").Identifiers["thingId"]), "ex.feature#ThingId"},
		// Inline input honours $operationInputSuffix; output keeps Output.
		{string(m.Shape("ex.feature#GetThing").Input), "ex.feature#GetThingRequest"},
		{string(m.Shape("ex.feature#GetThing").Output), "ex.feature#GetThingOutput"},
		{trait("ex.feature#GetThingRequest", "", "smithy.api#input"), `{}`},
		{trait("ex.feature#GetThingOutput", "", "smithy.api#output"), `{}`},
		{string(m.Shape("ex.feature#GetThingRequest").MemberNamed("thingId").Target), "ex.feature#ThingId"},
		{trait("ex.feature#GetThingRequest", "thingId", "smithy.api#required"), `{}`},
		{string(m.Shape("ex.feature#GetThingOutput").MemberNamed("note").Target), "smithy.api#String"},
		{trait("ex.feature#GetThingOutput", "note", "smithy.api#documentation"), `"own docs win"`},
		{trait("ex.feature#GetThingOutput", "colour", "smithy.api#default"), `"RED"`},
		{string(m.Shape("ex.feature#ListThings").Output), "smithy.api#Unit"},
		{trait("ex.feature#PutRequest", "", "smithy.api#sensitive"), `{}`},
		{string(m.Shape("ex.feature#PutRequest").MemberNamed("shared").Target), "other.ns#Shared"},
		{trait("ex.feature#PutRequest", "count", "smithy.api#default"), `3`},
		{trait("ex.feature#PutRequest", "count", "smithy.api#tags"), `["x","y"]`},
		{trait("ex.feature#Colour", "RED", "smithy.api#enumValue"), `"RED"`},
		{trait("ex.feature#Colour", "GREEN", "smithy.api#enumValue"), `"green"`},
		{trait("ex.feature#Colour", "GREEN", "smithy.api#documentation"), `"Green docs."`},
		{trait("ex.feature#Level", "HIGH", "smithy.api#enumValue"), `10`},
		{string(m.Shape("ex.feature#Counts").Value.Target), "smithy.api#Integer"},
		{string(m.Shape("ex.feature#Names").Member.Target), "smithy.api#String"},
		{trait("ex.feature#Names", "", "smithy.api#documentation"), "<absent>"},
		{trait("ex.feature#Text", "", "smithy.api#documentation"), `"First line\n  indented\nwith \"escapes\" and a joined line\n"`},
		{trait("ex.feature#Text", "", "smithy.api#examples"), `[{"input":{"a":[1,-2500,{"b":"c"}]},"title":"t"}]`},
		// Unquoted shape ids in trait values resolve like any other.
		{trait("ex.feature#Text", "", "smithy.api#references"), `[{"resource":"ex.feature#Thing"}]`},
		{trait("ex.feature#Text", "", "smithy.api#sensitive"), `{}`},
		{trait("ex.feature#Oops", "message", "smithy.api#length"), `{"min":1}`},
		{trait("ex.feature#Oops", "message", "smithy.api#required"), `{}`},
		{string(normJSON(m.Metadata["quoted key"])), `{"n":1.5,"none":null,"ok":true}`},
		{string(normJSON(m.Metadata["tags"])), `["a"]`},
	}
	for i, c := range checks {
		if c.got != c.want {
			t.Errorf("check %d: got %s, want %s", i, c.got, c.want)
		}
	}
}

func join(ids []ShapeID) string {
	var s []string
	for _, id := range ids {
		s = append(s, string(id))
	}
	return strings.Join(s, " ")
}

// TestIDLVersion1 checks the 1.0 reading of numbers and booleans: primitive
// unless boxed, so the 2.0 model gives them a zero default; sets stay sets.
func TestIDLVersion1(t *testing.T) {
	m := loadIDL(t, map[string]string{"v1.smithy": `$version: "1.0"
namespace ex.v1

structure S {
    a: PrimitiveInteger
    b: Integer
    c: Count
    d: Flag
    @box
    e: PrimitiveBoolean
}

integer Count

@box
boolean Flag

set Tags {
    member: String
}
`})
	s := m.Shape("ex.v1#S")
	for name, want := range map[string]string{"a": "0", "b": "", "c": "0", "d": "", "e": ""} {
		if got := string(s.MemberNamed(name).Traits["smithy.api#default"]); got != want {
			t.Errorf("member %s default = %q, want %q", name, got, want)
		}
	}
	if got := string(m.Shape("ex.v1#Count").Traits["smithy.api#default"]); got != "0" {
		t.Errorf("Count default = %q", got)
	}
	if m.Shape("ex.v1#Tags").Type != TypeSet {
		t.Errorf("set became %s", m.Shape("ex.v1#Tags").Type)
	}
}

// TestIDLAndJSONMix resolves a relative id of an IDL file against a shape
// of the same namespace defined in a JSON AST file, and merges metadata
// arrays across files as the specification does.
func TestIDLAndJSONMix(t *testing.T) {
	m := loadIDL(t, map[string]string{
		"a.smithy": "$version: \"2\"\nmetadata suppressions = [1]\nnamespace ex\nstructure A { b: B }\n",
		"b.json":   `{"smithy":"2.0","metadata":{"suppressions":[2]},"shapes":{"ex#B":{"type":"string"}}}`,
	})
	if got := m.Shape("ex#A").MemberNamed("b").Target; got != "ex#B" {
		t.Errorf("target %s", got)
	}
	if got := string(normJSON(m.Metadata["suppressions"])); got != "[1,2]" {
		t.Errorf("metadata %s", got)
	}
}

func TestExpandModelPathsSortsAndRejectsEmptyDirs(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"b.smithy", "a.json", "c.txt", "sub/d.smithy"} {
		p := filepath.Join(dir, n)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, nil, 0o644)
	}
	got, err := ExpandModelPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var rel []string
	for _, p := range got {
		r, _ := filepath.Rel(dir, p)
		rel = append(rel, filepath.ToSlash(r))
	}
	if strings.Join(rel, " ") != "a.json b.smithy sub/d.smithy" {
		t.Errorf("expanded to %v", rel)
	}
	if _, err := ExpandModelPaths([]string{t.TempDir()}); err == nil || !strings.Contains(err.Error(), "no .smithy or .json") {
		t.Errorf("empty dir: %v", err)
	}
}
