package awsxml

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/internal/testkit/shared"
)

type responseCase struct {
	Protocol string            `json:"protocol"`
	Body     string            `json:"body"`
	Headers  map[string]string `json:"headers"`
}

// responseCases reads the XML protocols' response tests from the Smithy
// protocol test model, by test id.
func responseCases(t *testing.T) map[string]responseCase {
	t.Helper()
	casesOnce.Do(func() { casesMap, casesErr = loadResponseCases(t) })
	if casesErr != nil {
		t.Fatal(casesErr)
	}
	return casesMap
}

var (
	casesOnce sync.Once
	casesMap  map[string]responseCase
	casesErr  error
)

func loadResponseCases(t *testing.T) (map[string]responseCase, error) {
	path := shared.Path(t, "testdata", "protocol", "smithy-json-ast", "smithy-aws-protocol-tests_model.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var model struct {
		Shapes map[string]struct {
			Traits struct {
				Tests []struct {
					ID string `json:"id"`
					responseCase
				} `json:"smithy.test#httpResponseTests"`
			} `json:"traits"`
		} `json:"shapes"`
	}
	if err := json.Unmarshal(raw, &model); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	out := map[string]responseCase{}
	for _, s := range model.Shapes {
		for _, c := range s.Traits.Tests {
			out[c.ID] = c.responseCase
		}
	}
	return out, nil
}

func responseBody(t *testing.T, cases map[string]responseCase, id string) []byte {
	t.Helper()
	c, ok := cases[id]
	if !ok {
		t.Fatalf("protocol test %s not found in the model", id)
	}
	return []byte(c.Body)
}

// The deserializers below are written as the generator will emit them:
// one function per structure, straight-line, a switch on the member name.

type simpleScalars struct {
	StringValue      *string
	EmptyStringValue *string
	TrueBoolean      *bool
	FalseBoolean     *bool
	Byte             int8
	Short            int16
	Integer          *int32
	Long             *int64
	Float            float32
	Double           *float64
}

func deserSimpleScalarsMember(d *Decoder, v *simpleScalars) {
	switch string(d.Name()) {
	case "stringValue":
		v.StringValue = d.StringPtr()
	case "emptyStringValue":
		v.EmptyStringValue = d.StringPtr()
	case "trueBooleanValue":
		v.TrueBoolean = d.BoolPtr()
	case "falseBooleanValue":
		v.FalseBoolean = d.BoolPtr()
	case "byteValue":
		v.Byte = d.Int8()
	case "shortValue":
		v.Short = d.Int16()
	case "integerValue":
		v.Integer = d.Int32Ptr()
	case "longValue":
		v.Long = d.Int64Ptr()
	case "floatValue":
		v.Float = d.Float32()
	case "DoubleDribble":
		v.Double = d.Float64Ptr()
	default:
		d.Skip()
	}
}

func deserSimpleScalars(d *Decoder, v *simpleScalars) {
	for d.Next() {
		deserSimpleScalarsMember(d, v)
	}
}

func checkSimpleScalars(t *testing.T, v simpleScalars) {
	t.Helper()
	if *v.StringValue != "string" || *v.EmptyStringValue != "" || !*v.TrueBoolean || *v.FalseBoolean ||
		v.Byte != 1 || v.Short != 2 || *v.Integer != 3 || *v.Long != 4 || v.Float != 5.5 || *v.Double != 6.5 {
		t.Errorf("decoded %+v", v)
	}
}

func TestQuerySimpleScalarProperties(t *testing.T) {
	cases := responseCases(t)
	var d Decoder
	d.Reset(responseBody(t, cases, "QuerySimpleScalarProperties"))
	var v simpleScalars
	reqID := d.QueryResponse("SimpleScalarXmlProperties", func(d *Decoder) { deserSimpleScalars(d, &v) })
	if err := d.Err(); err != nil {
		t.Fatal(err)
	}
	if reqID != "" {
		t.Errorf("request id %q from a body without one", reqID)
	}
	checkSimpleScalars(t, v)
}

func TestEc2SimpleScalarProperties(t *testing.T) {
	cases := responseCases(t)
	var d Decoder
	d.Reset(responseBody(t, cases, "Ec2SimpleScalarProperties"))
	var v simpleScalars
	reqID := d.EC2Response("SimpleScalarXmlProperties", func(d *Decoder) { deserSimpleScalarsMember(d, &v) })
	if err := d.Err(); err != nil {
		t.Fatal(err)
	}
	if reqID != "requestid" {
		t.Errorf("request id %q", reqID)
	}
	checkSimpleScalars(t, v)
}

func TestQueryNonFiniteFloats(t *testing.T) {
	cases := responseCases(t)
	for id, want := range map[string]float64{
		"AwsQuerySupportsNaNFloatOutputs":              math.NaN(),
		"AwsQuerySupportsInfinityFloatOutputs":         math.Inf(1),
		"AwsQuerySupportsNegativeInfinityFloatOutputs": math.Inf(-1),
	} {
		var d Decoder
		d.Reset(responseBody(t, cases, id))
		var v simpleScalars
		d.QueryResponse("SimpleScalarXmlProperties", func(d *Decoder) { deserSimpleScalars(d, &v) })
		if err := d.Err(); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		same := func(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }
		if !same(float64(v.Float), want) || !same(*v.Double, want) {
			t.Errorf("%s: %v %v", id, v.Float, *v.Double)
		}
	}
}

type xmlLists struct {
	StringList    []string
	IntegerList   []int32
	BooleanList   []bool
	TimestampList []time.Time
	Flattened     []string
	Structures    []struct{ A, B string }
}

func deserXMLLists(d *Decoder, v *xmlLists) {
	for d.Next() {
		switch string(d.Name()) {
		case "stringList":
			for d.Next() {
				v.StringList = append(v.StringList, d.String())
			}
		case "integerList":
			for d.Next() {
				v.IntegerList = append(v.IntegerList, d.Int32())
			}
		case "booleanList":
			for d.Next() {
				v.BooleanList = append(v.BooleanList, d.Bool())
			}
		case "timestampList":
			for d.Next() {
				v.TimestampList = append(v.TimestampList, d.TimestampDateTime())
			}
		case "flattenedList":
			// Flattened: each element is a member of the parent.
			v.Flattened = append(v.Flattened, d.String())
		case "myStructureList":
			for d.Next() {
				var s struct{ A, B string }
				for d.Next() {
					switch string(d.Name()) {
					case "value":
						s.A = d.String()
					case "other":
						s.B = d.String()
					default:
						d.Skip()
					}
				}
				v.Structures = append(v.Structures, s)
			}
		default:
			d.Skip()
		}
	}
}

func TestQueryXMLLists(t *testing.T) {
	cases := responseCases(t)
	var d Decoder
	d.Reset(responseBody(t, cases, "QueryXmlLists"))
	var v xmlLists
	d.QueryResponse("XmlLists", func(d *Decoder) { deserXMLLists(d, &v) })
	if err := d.Err(); err != nil {
		t.Fatal(err)
	}
	ts := time.Unix(1398796238, 0).UTC()
	if len(v.StringList) != 2 || v.StringList[1] != "bar" || len(v.IntegerList) != 2 || v.IntegerList[1] != 2 ||
		len(v.BooleanList) != 2 || !v.BooleanList[0] || len(v.TimestampList) != 2 || !v.TimestampList[0].Equal(ts) ||
		len(v.Flattened) != 2 || v.Flattened[0] != "hi" || len(v.Structures) != 2 || v.Structures[1].B != "4" {
		t.Errorf("decoded %+v", v)
	}
}

func TestQueryXMLMaps(t *testing.T) {
	cases := responseCases(t)
	var d Decoder
	d.Reset(responseBody(t, cases, "QueryXmlMaps"))
	m := map[string]string{}
	d.QueryResponse("XmlMaps", func(d *Decoder) {
		for d.Next() {
			if string(d.Name()) != "myMap" {
				d.Skip()
				continue
			}
			for d.Next() { // entry
				var k, val string
				for d.Next() {
					switch string(d.Name()) {
					case "key":
						k = d.String()
					case "value":
						for d.Next() {
							if string(d.Name()) == "hi" {
								val = d.String()
							} else {
								d.Skip()
							}
						}
					default:
						d.Skip()
					}
				}
				m[k] = val
			}
		}
	})
	if err := d.Err(); err != nil {
		t.Fatal(err)
	}
	if len(m) != 2 || m["foo"] != "there" || m["baz"] != "bye" {
		t.Errorf("decoded %v", m)
	}
}

func TestEc2Timestamps(t *testing.T) {
	cases := responseCases(t)
	want := time.Unix(1398796238, 0).UTC()
	for id, read := range map[string]func(*Decoder) time.Time{
		"Ec2XmlTimestamps":                       (*Decoder).TimestampDateTime,
		"Ec2XmlTimestampsWithEpochSecondsFormat": (*Decoder).TimestampEpochSeconds,
		"Ec2XmlTimestampsWithHttpDateFormat":     (*Decoder).TimestampHTTPDate,
	} {
		var d Decoder
		d.Reset(responseBody(t, cases, id))
		var got time.Time
		reqID := d.EC2Response("XmlTimestamps", func(d *Decoder) { got = read(d) })
		if err := d.Err(); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if !got.Equal(want) || reqID != "requestid" {
			t.Errorf("%s: %v, request id %q", id, got, reqID)
		}
	}
}

// TestRestXMLComplexEscapes: a restXml body whose text mixes an escaped
// entity, CR and LF character references.
func TestRestXMLComplexEscapes(t *testing.T) {
	cases := responseCases(t)
	var d Decoder
	d.Reset(responseBody(t, cases, "SimpleScalarPropertiesComplexEscapes"))
	var got string
	if d.Next() {
		for d.Next() {
			if string(d.Name()) == "stringValue" {
				got = d.String()
			} else {
				d.Skip()
			}
		}
	}
	d.End()
	if err := d.Err(); err != nil {
		t.Fatal(err)
	}
	if got != "escaped data: &lt;\r\n" {
		t.Errorf("got %q", got)
	}
}

func TestProtocolErrors(t *testing.T) {
	cases := responseCases(t)
	for _, c := range []struct {
		id   string
		want ErrorInfo
	}{
		{"QueryInvalidGreetingError", ErrorInfo{Code: "InvalidGreeting", Message: "Hi", Type: "Sender", RequestID: "foo-id"}},
		{"QueryCustomizedError", ErrorInfo{Code: "Customized", Message: "Hi", Type: "Sender", RequestID: "foo-id"}},
		{"QueryComplexError", ErrorInfo{Code: "ComplexError", Type: "Sender", RequestID: "foo-id"}},
		{"Ec2InvalidGreetingError", ErrorInfo{Code: "InvalidGreeting", Message: "Hi", RequestID: "foo-id"}},
		{"Ec2ComplexError", ErrorInfo{Code: "ComplexError", Message: "Hi", RequestID: "foo-id"}},
		{"InvalidGreetingError", ErrorInfo{Code: "InvalidGreeting", Message: "Hi", Type: "Sender", RequestID: "foo-id"}},
		{"ComplexError", ErrorInfo{Code: "ComplexError", Message: "Hi", Type: "Sender", RequestID: "foo-id"}},
	} {
		got, err := DecodeErrorInfo(http.Header{}, responseBody(t, cases, c.id))
		if err != nil {
			t.Errorf("%s: %v", c.id, err)
		}
		if got != c.want {
			t.Errorf("%s: got %+v, want %+v", c.id, got, c.want)
		}
	}
}
