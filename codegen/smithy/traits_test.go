package smithy

import (
	"errors"
	"strings"
	"testing"
)

const typedModel = `{"smithy": "2.0", "shapes": {
  "ex#S": {"type": "service", "version": "1", "operations": [{"target": "ex#Get"}],
    "traits": {"aws.api#service": {"sdkId": "Ex", "endpointPrefix": "ex"}, "aws.auth#sigv4": {"name": "exsign"},
      "aws.protocols#awsJson1_1": {}, "smithy.api#title": "Example", "smithy.api#documentation": "Docs.",
      "smithy.rules#endpointRuleSet": {"version": "1.0", "parameters": {"Region": {"type": "String", "builtIn": "AWS::Region"}}, "rules": []},
      "ex.custom#unknown": {"keep": [1, 2]}}},
  "ex#Get": {"type": "operation", "input": {"target": "ex#In"}, "errors": [{"target": "ex#Busy"}],
    "traits": {"smithy.api#paginated": {"inputToken": "Next", "outputToken": "Next"},
      "smithy.api#requestCompression": {"encodings": ["gzip"]}, "smithy.api#deprecated": {"since": "2024"},
      "smithy.waiters#waitable": {"Zed": {"acceptors": []}, "Alpha": {"minDelay": 5, "acceptors": [{"state": "success", "matcher": {"success": true}}]}}}},
  "ex#In": {"type": "structure", "members": {
    "Next": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}, "smithy.api#length": {"min": 1, "max": 64}}},
    "Count": {"target": "smithy.api#Integer", "traits": {"smithy.api#default": 0}},
    "Opt": {"target": "smithy.api#Integer", "traits": {"smithy.api#default": null}},
    "Kind": {"target": "ex#Kind"}, "Level": {"target": "ex#Level"}}},
  "ex#Kind": {"type": "enum", "members": {"A": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "a-value"}}}},
  "ex#Level": {"type": "intEnum", "members": {"LOW": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 7}}}},
  "ex#Busy": {"type": "structure", "members": {}, "traits": {"smithy.api#error": "server", "smithy.api#httpError": 503, "smithy.api#retryable": {"throttling": true}}}
}}`

// TestTraitsAreDecodedOnceIntoTypedFields: what resolve reads is typed;
// traits the generator does not know stay as node values.
func TestTraitsAreDecodedOnceIntoTypedFields(t *testing.T) {
	m, err := LoadFiles([]string{writeFile(t, "m.json", typedModel)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	svc := m.Shape("ex#S").Typed()
	if svc.Title != "Example" || svc.Documentation != "Docs." || svc.AWSService.SdkID != "Ex" || svc.SigV4.Name != "exsign" ||
		!svc.HasProtocol("aws.protocols#awsJson1_1") || svc.HasProtocol("aws.protocols#awsJson1_0") ||
		svc.EndpointRuleSet.Parameters["Region"].BuiltIn != "AWS::Region" || len(svc.EndpointRuleSet.Raw) == 0 {
		t.Errorf("service traits %+v", svc)
	}
	if !m.Shape("ex#S").Traits.Has("ex.custom#unknown") || string(m.Shape("ex#S").Traits["ex.custom#unknown"]) != `{"keep": [1, 2]}` {
		t.Errorf("unknown trait not kept as its node value: %s", m.Shape("ex#S").Traits["ex.custom#unknown"])
	}
	op := m.Shape("ex#Get").Typed()
	if op.Paginated.InputToken != "Next" || op.RequestCompression[0] != "gzip" || op.Deprecated.Since != "2024" {
		t.Errorf("operation traits %+v", op)
	}
	if len(op.Waiters) != 2 || op.Waiters[0].Name != "Alpha" || op.Waiters[0].MinDelay != 5 || op.Waiters[1].Name != "Zed" {
		t.Errorf("waiters not decoded in name order: %+v", op.Waiters)
	}
	in := m.Shape("ex#In")
	next := in.MemberNamed("Next").Typed()
	if !next.Required || next.Length == nil || next.Length.Min.String() != "1" || next.Length.Max.String() != "64" {
		t.Errorf("Next traits %+v", next)
	}
	if d := in.MemberNamed("Count").Typed().Default; string(d) != "0" {
		t.Errorf("default %q", d)
	}
	if d := in.MemberNamed("Opt").Typed().Default; d != nil {
		t.Errorf("a null default reads as %q, want none", d)
	}
	if v := m.Shape("ex#Kind").Members[0].Typed().EnumValue; v == nil || *v != "a-value" {
		t.Errorf("enum value %v", v)
	}
	if v := m.Shape("ex#Level").Members[0].Typed().IntEnumValue; v == nil || *v != 7 {
		t.Errorf("intEnum value %v", v)
	}
	busy := m.Shape("ex#Busy").Typed()
	if busy.Error != "server" || busy.HTTPError != 503 || busy.Retryable == nil || !busy.Retryable.Throttling {
		t.Errorf("error traits %+v", busy)
	}
}

// TestBadTraitValueNamesShapeAndTrait: a trait whose value has the wrong
// shape fails loading with the file, the shape (or member) id and the trait.
func TestBadTraitValueNamesShapeAndTrait(t *testing.T) {
	for _, tc := range []struct{ model, want string }{
		{strings.Replace(typedModel, `"smithy.api#httpError": 503`, `"smithy.api#httpError": "503"`, 1), "shape ex#Busy: trait smithy.api#httpError"},
		{strings.Replace(typedModel, `"smithy.api#error": "server"`, `"smithy.api#error": "both"`, 1), `shape ex#Busy: trait smithy.api#error: value "both" is neither client nor server`},
		{strings.Replace(typedModel, `"smithy.api#enumValue": 7`, `"smithy.api#enumValue": "seven"`, 1), "shape ex#Level$LOW: trait smithy.api#enumValue"},
		{strings.Replace(typedModel, `"minDelay": 5`, `"minDelay": "5s"`, 1), "shape ex#Get: trait smithy.waiters#waitable"},
	} {
		p := writeFile(t, "bad.json", tc.model)
		_, err := LoadFiles([]string{p}, nil)
		var te *TraitError
		if !errors.As(err, &te) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), p) {
			t.Errorf("err = %v, want %q", err, tc.want)
		}
	}
}
