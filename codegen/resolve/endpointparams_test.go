package resolve

import (
	"strings"
	"testing"
)

// TestEndpointBindings: each kind of binding reaches the IR in parameter
// order; a binding the rule set does not declare is dropped; one whose
// value does not fit, or whose path is outside the supported forms, is
// reported by operation, parameter and trait.
func TestEndpointBindings(t *testing.T) {
	m := load(t, `{"smithy":"2.0","shapes":{
	 "ex#S":{"type":"service","operations":[{"target":"ex#Op"}],"traits":{"aws.protocols#awsJson1_0":{},
	  "smithy.rules#endpointRuleSet":{"version":"1.0","parameters":{
	   "Name":{"type":"String"},"Flag":{"type":"Boolean"},"Keys":{"type":"stringArray"},"Deep":{"type":"String"},"Bad":{"type":"String"},"Odd":{"type":"stringArray"}},
	   "rules":[{"conditions":[],"endpoint":{"url":"https://x.example.com"},"type":"endpoint"}]}}},
	 "ex#Op":{"type":"operation","input":{"target":"ex#In"},"traits":{
	   "smithy.rules#staticContextParams":{"Flag":{"value":true},"Undeclared":{"value":"x"}},
	   "smithy.rules#operationContextParams":{"Keys":{"path":"keys(M)"},"Deep":{"path":"Inner.Name"},"Odd":{"path":"L[*].X[*].Name"}}}},
	 "ex#In":{"type":"structure","members":{
	   "Name":{"target":"smithy.api#String","traits":{"smithy.rules#contextParam":{"name":"Name"}}},
	   "Count":{"target":"smithy.api#Integer","traits":{"smithy.rules#contextParam":{"name":"Bad"}}},
	   "M":{"target":"ex#M"},"Inner":{"target":"ex#Inner"},"L":{"target":"ex#L"}}},
	 "ex#M":{"type":"map","key":{"target":"smithy.api#String"},"value":{"target":"smithy.api#String"}},
	 "ex#L":{"type":"list","member":{"target":"ex#Inner"}},
	 "ex#Inner":{"type":"structure","members":{"Name":{"target":"smithy.api#String"},"X":{"target":"ex#L"}}}}}`)
	svc, err := Service(m, Config{Package: "x", ImportPath: "x"})
	if err != nil {
		t.Fatal(err)
	}
	op := svc.Operations[0]
	var got []string
	for _, b := range op.EndpointBindings {
		s := b.Param + ":" + b.Type
		switch {
		case b.Static != nil:
			s += "=" + string(b.Static)
		case b.Keys:
			s += "=keys(" + b.Path[0].Name + ")"
		default:
			for _, m := range b.Path {
				s += "." + m.Name
			}
		}
		got = append(got, s)
	}
	want := "Deep:string.Inner.Name Flag:boolean=true Keys:stringarray=keys(M) Name:string.Name"
	if strings.Join(got, " ") != want {
		t.Errorf("bindings\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	var reasons []string
	for _, u := range svc.Unsupported {
		if u.Operation == op.Name {
			reasons = append(reasons, u.Reason)
		}
	}
	all := strings.Join(reasons, "\n")
	for _, w := range []string{
		"smithy.rules#contextParam endpoint parameter Bad is not set: member ex#In$Count is not a string",
		`smithy.rules#operationContextParams endpoint parameter Odd is not set: path "L[*].X[*].Name": only one [*]`,
	} {
		if !strings.Contains(all, w) {
			t.Errorf("UNSUPPORTED reasons lack %q; have:\n%s", w, all)
		}
	}
}

func TestOnlySigV4a(t *testing.T) {
	for expect, want := range map[string]bool{
		`{"endpoint":{"url":"https://x","properties":{"authSchemes":[{"name":"sigv4a","signingRegionSet":["*"]}]}}}`:   true,
		`{"endpoint":{"url":"https://x","properties":{"authSchemes":[{"name":"sigv4a"},{"name":"sigv4"}]}}}`:           false,
		`{"endpoint":{"url":"https://x","properties":{"authSchemes":[{"name":"sigv4","signingName":"s3-outposts"}]}}}`: false,
		`{"endpoint":{"url":"https://x"}}`:    false,
		`{"error":"sigv4a is not supported"}`: false,
	} {
		if got := onlySigV4a([]byte(expect)); got != want {
			t.Errorf("onlySigV4a(%s) = %v, want %v", expect, got, want)
		}
	}
}
