package awsxml

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/internal/testkit/shared"
)

// restXMLRequestBodies reads the restXml request tests' bodies by id.
func restXMLRequestBodies(t *testing.T) map[string]string {
	t.Helper()
	path := shared.Path(t, "testdata", "protocol", "smithy-json-ast", "smithy-aws-protocol-tests_model.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var model struct {
		Shapes map[string]struct {
			Traits struct {
				Tests []struct {
					ID       string `json:"id"`
					Protocol string `json:"protocol"`
					Body     string `json:"body"`
				} `json:"smithy.test#httpRequestTests"`
			} `json:"traits"`
		} `json:"shapes"`
	}
	if err := json.Unmarshal(raw, &model); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	out := map[string]string{}
	for _, s := range model.Shapes {
		for _, c := range s.Traits.Tests {
			if c.Protocol == "aws.protocols#restXml" {
				out[c.ID] = c.Body
			}
		}
	}
	return out
}

// betweenTags is the indentation the protocol tests put between elements;
// the suite compares XML bodies as documents, so it is not significant.
var betweenTags = regexp.MustCompile(`>\s+<`)

// TestRestXMLRequestBodies writes a few restXml request bodies with
// straight-line calls, as the generator will emit them, and compares them
// with the protocol tests' bodies, indentation removed.
func TestRestXMLRequestBodies(t *testing.T) {
	bodies := restXMLRequestBodies(t)
	leaf := func(e *Encoder, name, v string) {
		e.Start(name)
		e.String(v)
		e.End()
	}
	for _, c := range []struct {
		id    string
		write func(e *Encoder)
	}{
		{"SimpleScalarProperties", func(e *Encoder) {
			e.Start("SimpleScalarPropertiesRequest")
			leaf(e, "stringValue", "string")
			e.Start("trueBooleanValue")
			e.Bool(true)
			e.End()
			e.Start("falseBooleanValue")
			e.Bool(false)
			e.End()
			for i, name := range []string{"byteValue", "shortValue", "integerValue", "longValue"} {
				e.Start(name)
				e.Int64(int64(i + 1))
				e.End()
			}
			e.Start("floatValue")
			e.Float32(5.5)
			e.End()
			e.Start("DoubleDribble")
			e.Float64(6.5)
			e.End()
			e.End()
		}},
		{"SimpleScalarPropertiesWithEscapedCharacter", func(e *Encoder) {
			e.Start("SimpleScalarPropertiesRequest")
			leaf(e, "stringValue", "<string>")
			e.End()
		}},
		{"XmlAttributesWithEscaping", func(e *Encoder) {
			e.Start("XmlAttributesRequest")
			e.Attr("test", "<test&mock>")
			leaf(e, "foo", "hi")
			e.End()
		}},
		{"XmlNamespaces", func(e *Encoder) {
			e.Start("XmlNamespacesRequest")
			e.Namespace("", "http://foo.com")
			e.Start("nested")
			e.Start("foo")
			e.Namespace("baz", "http://baz.com")
			e.String("Foo")
			e.End()
			e.Start("values")
			e.Namespace("", "http://qux.com")
			for _, v := range []string{"Bar", "Baz"} {
				e.Start("member")
				e.Namespace("", "http://bux.com")
				e.String(v)
				e.End()
			}
			e.End()
			e.End()
			e.End()
		}},
		{"NestedXmlMapRequest", func(e *Encoder) {
			e.Start("NestedXmlMapsRequest")
			e.Start("nestedMap")
			e.Start("entry")
			leaf(e, "key", "foo")
			e.Start("value")
			e.Start("entry")
			leaf(e, "key", "bar")
			leaf(e, "value", "Bar")
			e.End()
			e.End()
			e.End()
			e.End()
			e.End()
		}},
	} {
		t.Run(c.id, func(t *testing.T) {
			want, ok := bodies[c.id]
			if !ok {
				t.Fatalf("protocol test %s not found in the model", c.id)
			}
			want = strings.TrimSpace(betweenTags.ReplaceAllString(want, "><"))
			e := NewEncoder()
			defer e.Release()
			c.write(e)
			if err := e.Err(); err != nil {
				t.Fatal(err)
			}
			if got := string(e.Bytes()); got != want {
				t.Errorf("body\n got %s\nwant %s", got, want)
			}
		})
	}
}
