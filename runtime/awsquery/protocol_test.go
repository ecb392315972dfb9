package awsquery

import (
	"encoding/json"
	"math"
	"os"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/internal/testkit/shared"
)

// protocolBodies reads the expected request bodies of the awsQuery and
// ec2Query request tests from the Smithy protocol test model, by test id.
func protocolBodies(t *testing.T) map[string]string {
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
	bodies := map[string]string{}
	for _, s := range model.Shapes {
		for _, c := range s.Traits.Tests {
			if c.Protocol == "aws.protocols#awsQuery" || c.Protocol == "aws.protocols#ec2Query" {
				bodies[c.ID] = c.Body
			}
		}
	}
	return bodies
}

// The cases below are written as the generator will emit serializers:
// straight-line calls with every name resolved statically (xmlName,
// ec2QueryName, ec2Query's capitalization, flattened or not).
var protocolCases = []struct {
	id     string
	action string
	write  func(e *Encoder)
}{
	{"QuerySimpleInputParamsStrings", "SimpleInputParams", func(e *Encoder) {
		e.Key("Foo")
		e.String("val1")
		e.Key("Bar")
		e.String("val2")
	}},
	{"QuerySimpleInputParamsStringAndBooleanTrue", "SimpleInputParams", func(e *Encoder) {
		e.Key("Foo")
		e.String("val1")
		e.Key("Baz")
		e.Bool(true)
	}},
	{"QuerySimpleInputParamsInteger", "SimpleInputParams", func(e *Encoder) { e.Key("Bam"); e.Int64(10) }},
	{"QuerySimpleInputParamsFloat", "SimpleInputParams", func(e *Encoder) { e.Key("Boo"); e.Float64(10.8) }},
	{"QuerySimpleInputParamsBlob", "SimpleInputParams", func(e *Encoder) { e.Key("Qux"); e.Blob([]byte("value")) }},
	{"AwsQuerySupportsNaNFloatInputs", "SimpleInputParams", func(e *Encoder) {
		e.Key("FloatValue")
		e.Float32(float32(math.NaN()))
		e.Key("Boo")
		e.Float64(math.NaN())
	}},
	{"AwsQuerySupportsNegativeInfinityFloatInputs", "SimpleInputParams", func(e *Encoder) {
		e.Key("FloatValue")
		e.Float32(float32(math.Inf(-1)))
		e.Key("Boo")
		e.Float64(math.Inf(-1))
	}},
	{"NestedStructures", "NestedStructures", func(e *Encoder) {
		e.Enter("Nested")
		e.Key("StringArg")
		e.String("foo")
		e.Key("OtherArg")
		e.Bool(true)
		e.Enter("RecursiveArg")
		e.Key("StringArg")
		e.String("baz")
		e.Leave()
		e.Leave()
	}},
	{"QueryLists", "QueryLists", func(e *Encoder) {
		e.Enter("ListArg")
		e.Enter("member")
		for i, v := range []string{"foo", "bar", "baz"} {
			e.Index(i + 1)
			e.String(v)
		}
		e.Leave()
		e.Leave()
		e.Enter("ComplexListArg")
		e.Enter("member")
		for i, v := range []string{"hello", "hola"} {
			e.EnterIndex(i + 1)
			e.Key("hi")
			e.String(v)
			e.Leave()
		}
		e.Leave()
		e.Leave()
	}},
	{"EmptyQueryLists", "QueryLists", func(e *Encoder) { e.Key("ListArg") }},
	{"FlattenedQueryLists", "QueryLists", func(e *Encoder) {
		e.Enter("FlattenedListArg")
		e.Index(1)
		e.String("A")
		e.Index(2)
		e.String("B")
		e.Leave()
	}},
	{"QueryListArgWithXmlNameMember", "QueryLists", func(e *Encoder) {
		e.Enter("ListArgWithXmlNameMember")
		e.Enter("item")
		e.Index(1)
		e.String("A")
		e.Index(2)
		e.String("B")
		e.Leave()
		e.Leave()
	}},
	{"QueryNestedStructWithList", "QueryLists", func(e *Encoder) {
		e.Enter("NestedWithList")
		e.Enter("ListArg")
		e.Enter("member")
		e.Index(1)
		e.String("A")
		e.Index(2)
		e.String("B")
		e.Leave()
		e.Leave()
		e.Leave()
	}},
	{"QuerySimpleQueryMaps", "QueryMaps", func(e *Encoder) {
		m := map[string]string{"foo": "Foo", "bar": "Bar"}
		e.Enter("MapArg")
		e.Enter("entry")
		for i, k := range SortedKeys(m) {
			e.EnterIndex(i + 1)
			e.Key("key")
			e.String(k)
			e.Key("value")
			e.String(m[k])
			e.Leave()
		}
		e.Leave()
		e.Leave()
	}},
	{"QueryQueryMapWithMemberXmlName", "QueryMaps", func(e *Encoder) {
		m := map[string]string{"foo": "Foo", "bar": "Bar"}
		e.Enter("MapWithXmlMemberName")
		e.Enter("entry")
		for i, k := range SortedKeys(m) {
			e.EnterIndex(i + 1)
			e.Key("K")
			e.String(k)
			e.Key("V")
			e.String(m[k])
			e.Leave()
		}
		e.Leave()
		e.Leave()
	}},
	{"QueryFlattenedQueryMapsWithXmlName", "QueryMaps", func(e *Encoder) {
		m := map[string]string{"foo": "Foo", "bar": "Bar"}
		e.Enter("Hi")
		for i, k := range SortedKeys(m) {
			e.EnterIndex(i + 1)
			e.Key("K")
			e.String(k)
			e.Key("V")
			e.String(m[k])
			e.Leave()
		}
		e.Leave()
	}},
	{"QueryQueryMapOfLists", "QueryMaps", func(e *Encoder) {
		m := map[string][]string{"foo": {"A", "B"}, "bar": {"C", "D"}}
		e.Enter("MapOfLists")
		e.Enter("entry")
		for i, k := range SortedKeys(m) {
			e.EnterIndex(i + 1)
			e.Key("key")
			e.String(k)
			e.Enter("value")
			e.Enter("member")
			for j, v := range m[k] {
				e.Index(j + 1)
				e.String(v)
			}
			e.Leave()
			e.Leave()
			e.Leave()
		}
		e.Leave()
		e.Leave()
	}},
	{"QueryEmptyQueryMaps", "QueryMaps", func(e *Encoder) {}},
	{"QueryTimestampsInput", "QueryTimestamps", func(e *Encoder) {
		ts := time.Unix(1422172800, 0)
		e.Key("normalFormat")
		e.TimestampDateTime(ts)
		e.Key("epochMember")
		e.TimestampEpochSeconds(ts)
		e.Key("epochTarget")
		e.TimestampEpochSeconds(ts)
	}},
	{"Ec2Lists", "QueryLists", func(e *Encoder) {
		e.Enter("ListArg")
		for i, v := range []string{"foo", "bar", "baz"} {
			e.Index(i + 1)
			e.String(v)
		}
		e.Leave()
		e.Enter("ComplexListArg")
		for i, v := range []string{"hello", "hola"} {
			e.EnterIndex(i + 1)
			e.Key("Hi")
			e.String(v)
			e.Leave()
		}
		e.Leave()
	}},
	{"Ec2EmptyQueryLists", "QueryLists", func(e *Encoder) {}},
	{"Ec2TimestampsInput", "QueryTimestamps", func(e *Encoder) {
		ts := time.Unix(1422172800, 0)
		e.Key("NormalFormat")
		e.TimestampDateTime(ts)
		e.Key("EpochMember")
		e.TimestampEpochSeconds(ts)
		e.Key("EpochTarget")
		e.TimestampEpochSeconds(ts)
	}},
	{"Ec2QueryNameDistinctFromXmlNameAndMemberName", "SimpleInputParams", func(e *Encoder) {
		e.Key("QueryName")
		e.String("value1")
		e.Key("queryAndXmlName")
		e.String("value2")
		e.Key("XmlNameOnly")
		e.String("value3")
	}},
	{"Ec2SimpleInputParamsBlob", "SimpleInputParams", func(e *Encoder) { e.Key("Qux"); e.Blob([]byte("value")) }},
}

// TestProtocolRequestBodies compares the encoder's bodies byte for byte with
// the Smithy protocol tests' (the suite's own comparison is exact for
// application/x-www-form-urlencoded bodies).
func TestProtocolRequestBodies(t *testing.T) {
	bodies := protocolBodies(t)
	for _, c := range protocolCases {
		t.Run(c.id, func(t *testing.T) {
			want, ok := bodies[c.id]
			if !ok {
				t.Fatalf("protocol test %s not found in the model", c.id)
			}
			e := NewEncoder(c.action, "2020-01-08")
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
