package endpoints

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// synthetic exercises what the AWS rule sets we ship do not: headers,
// nested properties, stringArray parameters, getAttr indexes, escaped
// braces and the library functions in condition position.
const synthetic = `{
  "version": "1.0",
  "parameters": {
    "Region":   {"type": "String", "builtIn": "AWS::Region", "documentation": "region"},
    "Bucket":   {"type": "string"},
    "Flag":     {"type": "Boolean", "required": true, "default": true},
    "Names":    {"type": "StringArray", "default": ["x", "y"]},
    "Arn":      {"type": "String"},
    "Endpoint": {"type": "String", "builtIn": "SDK::Endpoint"}
  },
  "rules": [
    {"conditions": [{"fn": "isSet", "argv": [{"ref": "Endpoint"}]},
                    {"fn": "parseURL", "argv": [{"ref": "Endpoint"}], "assign": "url"}],
     "type": "endpoint",
     "endpoint": {"url": "{url#scheme}://{Bucket}.{url#authority}{url#normalizedPath}lit{{x}}",
                  "properties": {"isIp": {"fn": "getAttr", "argv": [{"ref": "url"}, "isIp"]}}}},
    {"conditions": [{"fn": "isSet", "argv": [{"ref": "Endpoint"}]}],
     "type": "error", "error": "Custom endpoint ` + "`{Endpoint}`" + ` was not a valid URI"},
    {"conditions": [{"fn": "isSet", "argv": [{"ref": "Arn"}]},
                    {"fn": "aws.parseArn", "argv": [{"ref": "Arn"}], "assign": "arn"},
                    {"fn": "getAttr", "argv": [{"ref": "arn"}, "resourceId[1]"], "assign": "res"}],
     "type": "endpoint",
     "endpoint": {"url": "https://{res}.{arn#region}.example.com",
                  "headers": {"x-service": ["{arn#service}", "fixed"]}}},
    {"conditions": [{"fn": "isSet", "argv": [{"ref": "Arn"}]}],
     "type": "error", "error": "bad arn"},
    {"conditions": [{"fn": "stringEquals", "argv": [{"ref": "Region"}, "tree"]}],
     "type": "tree",
     "rules": [
       {"conditions": [{"fn": "booleanEquals", "argv": [{"ref": "Flag"}, false]}],
        "type": "endpoint", "endpoint": {"url": "https://inner"}}
     ]},
    {"conditions": [{"fn": "isSet", "argv": [{"ref": "Region"}]},
                    {"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "p"},
                    {"fn": "substring", "argv": [{"ref": "Region"}, 0, 2, false], "assign": "prefix"},
                    {"fn": "not", "argv": [{"fn": "stringEquals", "argv": [{"ref": "prefix"}, "xx"]}]}],
     "type": "endpoint",
     "endpoint": {"url": "https://svc.{Region}.{p#dnsSuffix}",
                  "properties": {
                    "authSchemes": [{"name": "sigv4a", "signingName": "wrong"},
                                    {"name": "sigv4", "signingName": "svc-{prefix}", "signingRegion": "{Region}", "disableDoubleEncoding": true}],
                    "first": {"fn": "getAttr", "argv": [{"ref": "Names"}, "[0]"]},
                    "names": {"ref": "Names"},
                    "nested": {"list": [{"deep": "{p#name}"}], "flag": {"ref": "Flag"}}},
                  "headers": {}}},
    {"conditions": [], "type": "error", "error": "Invalid Configuration: Missing Region"}
  ]
}`

func TestSyntheticRuleSet(t *testing.T) {
	rs := MustParse(synthetic)
	tests := []struct {
		name    string
		params  map[string]any
		want    Endpoint
		wantErr string
	}{
		{
			name:   "custom endpoint through parseURL and escaped braces",
			params: map[string]any{"Endpoint": "https://example.com:8443", "Bucket": "b"},
			want:   Endpoint{URL: "https://b.example.com:8443/lit{x}", Properties: map[string]any{"isIp": false}},
		},
		{
			name:    "error message template",
			params:  map[string]any{"Endpoint": "not a url"},
			wantErr: "Custom endpoint `not a url` was not a valid URI",
		},
		{
			name:   "arn attributes and headers",
			params: map[string]any{"Arn": "arn:aws:s3:us-west-2:1:bucket/mine"},
			want:   Endpoint{URL: "https://mine.us-west-2.example.com", Headers: map[string][]string{"x-service": {"s3", "fixed"}}},
		},
		{
			name:    "index out of range leaves the assign unset",
			params:  map[string]any{"Arn": "arn:aws:s3:us-west-2:1:bucket"},
			wantErr: "bad arn",
		},
		{
			name:   "properties with defaults, nested values and partition data",
			params: map[string]any{"Region": "cn-north-1"},
			want: Endpoint{URL: "https://svc.cn-north-1.amazonaws.com.cn", Properties: map[string]any{
				"authSchemes": []any{
					map[string]any{"name": "sigv4a", "signingName": "wrong"},
					map[string]any{"name": "sigv4", "signingName": "svc-cn", "signingRegion": "cn-north-1", "disableDoubleEncoding": true},
				},
				"first":  "x",
				"names":  []any{"x", "y"},
				"nested": map[string]any{"list": []any{map[string]any{"deep": "aws-cn"}}, "flag": true},
			}},
		},
		{
			name:   "stringArray and pointer parameters",
			params: map[string]any{"Region": ptr("eu-west-1"), "Names": []string{"only"}, "Flag": ptr(false), "Endpoint": (*string)(nil)},
			want: Endpoint{URL: "https://svc.eu-west-1.amazonaws.com", Properties: map[string]any{
				"authSchemes": []any{
					map[string]any{"name": "sigv4a", "signingName": "wrong"},
					map[string]any{"name": "sigv4", "signingName": "svc-eu", "signingRegion": "eu-west-1", "disableDoubleEncoding": true},
				},
				"first":  "only",
				"names":  []any{"only"},
				"nested": map[string]any{"list": []any{map[string]any{"deep": "aws"}}, "flag": false},
			}},
		},
		{
			name:    "substring failure fails the condition",
			params:  map[string]any{"Region": "x"},
			wantErr: "Invalid Configuration: Missing Region",
		},
		{
			name:    "unknown parameters are ignored",
			params:  map[string]any{"NotDeclared": 42},
			wantErr: "Invalid Configuration: Missing Region",
		},
		{
			name:   "tree whose children match",
			params: map[string]any{"Region": "tree", "Flag": false},
			want:   Endpoint{URL: "https://inner"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := rs.Resolve(tt.params)
			if tt.wantErr != "" {
				var re *RuleError
				if !errors.As(err, &re) || re.Message != tt.wantErr {
					t.Fatalf("got %v, want rule error %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Fatalf("(-want +got):\n%s", diff)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

// A tree whose conditions hold owns the outcome: the final catch-all after
// it must not be reached.
func TestTreeIsTerminal(t *testing.T) {
	rs := MustParse(synthetic)
	_, err := rs.Resolve(map[string]any{"Region": "tree"})
	if !errors.Is(err, ErrNoMatch) {
		t.Fatalf("got %v, want ErrNoMatch", err)
	}
}

func TestResolveParameterErrors(t *testing.T) {
	rs := MustParse(`{"version": "1.0",
	  "parameters": {"Region": {"type": "String", "required": true}, "Flag": {"type": "Boolean"}},
	  "rules": [{"conditions": [], "type": "endpoint", "endpoint": {"url": "https://{Region}"}}]}`)
	tests := []struct {
		params map[string]any
		want   string
	}{
		{nil, "missing required parameter Region"},
		{map[string]any{"Region": (*string)(nil)}, "missing required parameter Region"},
		{map[string]any{"Region": 7}, "parameter Region: got int, want string"},
		{map[string]any{"Region": "r", "Flag": "true"}, "parameter Flag: got string, want boolean"},
	}
	for _, tt := range tests {
		_, err := rs.Resolve(tt.params)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Resolve(%v) = %v, want error containing %q", tt.params, err, tt.want)
		}
	}
	ep, err := rs.Resolve(map[string]any{"Region": "r"})
	if err != nil || ep.URL != "https://r" {
		t.Errorf("Resolve = %q, %v", ep.URL, err)
	}
}

// A template over an unset value is a rule-set bug the type checker would
// catch upstream; the engine must report it rather than print "<nil>".
func TestTemplateOverUnsetValue(t *testing.T) {
	rs := MustParse(`{"version": "1.0", "parameters": {"Region": {"type": "string"}},
	  "rules": [{"conditions": [], "type": "endpoint", "endpoint": {"url": "https://{Region}"}}]}`)
	_, err := rs.Resolve(nil)
	if err == nil || !strings.Contains(err.Error(), "{Region} is unset") {
		t.Fatalf("got %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	wrap := func(rules string) string {
		return `{"version": "1.0", "parameters": {"Region": {"type": "String"}}, "rules": [` + rules + `]}`
	}
	tests := []struct {
		doc, want string
	}{
		{`{`, "rule set"},
		{`{"parameters": {}, "rules": []}`, "no version"},
		{`{"version": "2.0", "parameters": {}, "rules": []}`, "unsupported rule set version"},
		{`{"version": "1.0", "parameters": {"X": {"type": "Integer"}}, "rules": []}`, `unknown type "Integer"`},
		{`{"version": "1.0", "parameters": {"X": {"type": "Boolean", "default": "yes"}}, "rules": []}`, "default"},
		{wrap(`{"conditions": [{"fn": "frobnicate", "argv": []}], "type": "error", "error": "x"}`), `unknown function "frobnicate"`},
		{wrap(`{"conditions": [{"fn": "isSet", "argv": [{"ref": "Nope"}]}], "type": "error", "error": "x"}`), `undefined "Nope"`},
		{wrap(`{"conditions": [{"fn": "isSet", "argv": []}], "type": "error", "error": "x"}`), "wrong number of arguments"},
		{wrap(`{"conditions": [], "type": "error", "error": "{Nope}"}`), `undefined "Nope"`},
		{wrap(`{"conditions": [], "type": "error", "error": "open {Region"}`), "unclosed"},
		{wrap(`{"conditions": [], "type": "error", "error": "close }"}`), "unmatched }"},
		{wrap(`{"conditions": [], "type": "endpoint", "endpoint": {}}`), "no url"},
		{wrap(`{"conditions": [], "type": "banana"}`), `unknown rule type "banana"`},
		{wrap(`{"conditions": [{"ref": "Region"}], "type": "error", "error": "x"}`), "not a function call"},
		{wrap(`{"conditions": [{"fn": "getAttr", "argv": [{"ref": "Region"}, "a..b"]}], "type": "error", "error": "x"}`), "empty segment"},
		{wrap(`{"conditions": [{"fn": "substring", "argv": [{"ref": "Region"}, 0.5, 1, false]}], "type": "error", "error": "x"}`), "not an integer"},
		// An assign is visible only inside its own rule.
		{wrap(`{"conditions": [{"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "P"}], "type": "error", "error": "x"},
		       {"conditions": [], "type": "error", "error": "{P#name}"}`), `undefined "P"`},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.doc))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%s)\n got %v\nwant error containing %q", tt.doc, err, tt.want)
		}
	}
}

func TestMustParsePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("MustParse accepted an invalid rule set")
		}
	}()
	MustParse(`{}`)
}

func TestParameters(t *testing.T) {
	rs := MustParse(synthetic)
	got := rs.Parameters()
	want := []Parameter{
		{Name: "Region", Type: TypeString, BuiltIn: "AWS::Region", Documentation: "region"},
		{Name: "Bucket", Type: TypeString},
		{Name: "Flag", Type: TypeBoolean, Required: true, Default: true},
		{Name: "Names", Type: TypeStringArray, Default: []string{"x", "y"}},
		{Name: "Arn", Type: TypeString},
		{Name: "Endpoint", Type: TypeString, BuiltIn: "SDK::Endpoint"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("(-want +got):\n%s", diff)
	}
	// The result is a copy: callers cannot change the rule set's defaults.
	got[3].Default.([]string)[0] = "mutated"
	ep, err := rs.Resolve(map[string]any{"Region": "us-east-1"})
	if err != nil || ep.Properties["first"] != "x" {
		t.Fatalf("default changed through Parameters(): %v, %v", ep.Properties["first"], err)
	}
}

// Endpoints are handed to callers, who may modify them; the next
// resolution must not see that.
func TestResultsAreIndependent(t *testing.T) {
	rs := MustParse(synthetic)
	params := map[string]any{"Region": "us-east-1"}
	a, err := rs.Resolve(params)
	if err != nil {
		t.Fatal(err)
	}
	a.Properties["names"].([]any)[0] = "mutated"
	a.Properties["nested"].(map[string]any)["flag"] = "mutated"
	b, err := rs.Resolve(params)
	if err != nil {
		t.Fatal(err)
	}
	if b.Properties["names"].([]any)[0] != "x" || b.Properties["nested"].(map[string]any)["flag"] != true {
		t.Fatalf("second resolution saw the first caller's changes: %v", b.Properties)
	}
}

func TestSigV4(t *testing.T) {
	rs := MustParse(synthetic)
	ep, err := rs.Resolve(map[string]any{"Region": "eu-west-1"})
	if err != nil {
		t.Fatal(err)
	}
	name, region, ok := ep.SigV4()
	if !ok || name != "svc-eu" || region != "eu-west-1" {
		t.Errorf("SigV4() = %q, %q, %t; want svc-eu, eu-west-1, true (skipping sigv4a)", name, region, ok)
	}
	tests := []Endpoint{
		{},
		{Properties: map[string]any{"authSchemes": []any{map[string]any{"name": "sigv4a", "signingName": "s"}}}},
		{Properties: map[string]any{"authSchemes": "garbage"}},
		{Properties: map[string]any{"authSchemes": []any{"garbage"}}},
	}
	for _, ep := range tests {
		if n, r, ok := ep.SigV4(); ok {
			t.Errorf("SigV4() on %v = %q, %q, true; want false", ep.Properties, n, r)
		}
	}
	ep = Endpoint{Properties: map[string]any{"authSchemes": []any{map[string]any{"name": "sigv4"}}}}
	if n, r, ok := ep.SigV4(); !ok || n != "" || r != "" {
		t.Errorf("SigV4() without overrides = %q, %q, %t; want empty, empty, true", n, r, ok)
	}
}

func TestLibraryFunctionsInRules(t *testing.T) {
	rs := MustParse(`{"version": "1.0", "parameters": {"S": {"type": "String", "required": true}},
	  "rules": [
	    {"conditions": [{"fn": "isValidHostLabel", "argv": [{"ref": "S"}, true]},
	                    {"fn": "aws.isVirtualHostableS3Bucket", "argv": [{"ref": "S"}, false]},
	                    {"fn": "split", "argv": [{"ref": "S"}, "-", 0], "assign": "parts"},
	                    {"fn": "coalesce", "argv": [{"fn": "getAttr", "argv": [{"ref": "parts"}, "[5]"]}, {"fn": "getAttr", "argv": [{"ref": "parts"}, "[-1]"]}], "assign": "last"},
	                    {"fn": "ite", "argv": [{"fn": "stringEquals", "argv": [{"ref": "last"}, "b"]}, "yes", "no"], "assign": "isB"}],
	     "type": "endpoint", "endpoint": {"url": "https://{isB}.{last}/{S}"}},
	    {"conditions": [], "type": "endpoint", "endpoint": {"url": {"fn": "uriEncode", "argv": [{"ref": "S"}]}}}
	  ]}`)
	tests := map[string]string{
		"abc-b":   "https://yes.b/abc-b",
		"abc-def": "https://no.def/abc-def",
		"a.b/c":   "a.b%2Fc", // not a host label: falls through to uriEncode
		"Upper":   "Upper",   // host label, but not a bucket name
	}
	for in, want := range tests {
		ep, err := rs.Resolve(map[string]any{"S": in})
		if err != nil || ep.URL != want {
			t.Errorf("S=%q: got %q, %v; want %q", in, ep.URL, err, want)
		}
	}
}
