package resolve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/codegen/ir"
	"github.com/eucsdk/eucsdk/codegen/smithy"
)

func load(t *testing.T, body string) *smithy.Model {
	t.Helper()
	p := filepath.Join(t.TempDir(), "m.json")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := smithy.LoadFiles([]string{p}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// A protocol the generator does not know (every AWS one is generated now):
// the error names the service, the protocol the model declares and the
// file that declares it.
func TestUnsupportedProtocolNamesTheService(t *testing.T) {
	m := load(t, `{"smithy":"2.0","shapes":{"ex#S":{"type":"service","traits":{"smithy.protocols#someFutureProtocol":{}}}}}`)
	_, err := Service(m, Config{Package: "x", ImportPath: "x"})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"ex#S", "unsupported protocol", "smithy.protocols#someFutureProtocol", "m.json"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want it to name %s", err, want)
		}
	}
}

func TestStreamingOperationIsReportedAndSkipped(t *testing.T) {
	m := load(t, `{"smithy":"2.0","shapes":{
	 "ex#S":{"type":"service","operations":[{"target":"ex#Stream"},{"target":"ex#Plain"}],"traits":{"aws.protocols#awsJson1_0":{}}},
	 "ex#Stream":{"type":"operation","output":{"target":"ex#Out"}},
	 "ex#Plain":{"type":"operation"},
	 "ex#Out":{"type":"structure","members":{"Events":{"target":"ex#Events"}}},
	 "ex#Events":{"type":"union","members":{"A":{"target":"smithy.api#String"}},"traits":{"smithy.api#streaming":{}}}}}`)
	svc, err := Service(m, Config{Package: "x", ImportPath: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if len(svc.Operations) != 1 || svc.Operations[0].Name != "Plain" {
		t.Fatalf("operations %v", svc.Operations)
	}
	if len(svc.Unsupported) != 1 || svc.Unsupported[0].ShapeID != "ex#Stream" || !strings.Contains(svc.Unsupported[0].Reason, "ex#Out$Events") {
		t.Fatalf("unsupported %+v", svc.Unsupported)
	}
}

func TestNullabilityAndNaming(t *testing.T) {
	m := load(t, `{"smithy":"2.0","shapes":{
	 "ex#S":{"type":"service","operations":[{"target":"ex#Op"}],"traits":{"aws.protocols#awsJson1_1":{}}},
	 "ex#Op":{"type":"operation","input":{"target":"ex#Req"},"output":{"target":"ex#Res"}},
	 "ex#Req":{"type":"structure","traits":{"smithy.api#input":{}},"members":{
	   "count":{"target":"smithy.api#Integer","traits":{"smithy.api#default":0}},
	   "force":{"target":"smithy.api#Boolean","traits":{"smithy.api#default":false}},
	   "on":{"target":"smithy.api#Boolean","traits":{"smithy.api#default":true}},
	   "added":{"target":"smithy.api#Boolean","traits":{"smithy.api#default":false,"smithy.api#addedDefault":{}}},
	   "name":{"target":"smithy.api#String","traits":{"smithy.api#default":""}},
	   "req":{"target":"smithy.api#Long","traits":{"smithy.api#required":{}}},
	   "plain":{"target":"smithy.api#Double"}}},
	 "ex#Res":{"type":"structure","members":{
	   "zero":{"target":"smithy.api#Integer","traits":{"smithy.api#default":0}},
	   "five":{"target":"smithy.api#Integer","traits":{"smithy.api#default":5}},
	   "opt":{"target":"smithy.api#Integer","traits":{"smithy.api#default":0,"smithy.api#clientOptional":{}}},
	   "items":{"target":"ex#Items"},"state":{"target":"ex#State"},"inner":{"target":"ex#Inner"}}},
	 "ex#Items":{"type":"list","member":{"target":"ex#Inner"}},
	 "ex#Inner":{"type":"structure","members":{}},
	 "ex#State":{"type":"enum","members":{"IN_PROGRESS":{"target":"smithy.api#Unit","traits":{"smithy.api#enumValue":"in-progress"}}}}}}`)
	svc, err := Service(m, Config{Package: "x", ImportPath: "example.com/x"})
	if err != nil {
		t.Fatal(err)
	}
	op := svc.Operations[0]
	if op.Input.GoName != "OpInput" || op.Output.GoName != "OpOutput" {
		t.Fatalf("names %s %s", op.Input.GoName, op.Output.GoName)
	}
	// aws-sdk-go-v2's rule (CLIENT_ZERO_VALUE_V1_NO_INPUT): a zero default
	// makes a value, @input or not; addedDefault, clientOptional, other
	// defaults and no default make a pointer; required plays no part.
	want := map[string]bool{"Count": false, "Force": false, "On": true, "Added": true, "Name": true, "Req": true, "Plain": true,
		"Zero": false, "Five": true, "Opt": true, "Items": false, "State": false, "Inner": true}
	for _, mem := range append(op.Input.Members, op.Output.Members...) {
		if mem.Type.Pointer != want[mem.GoName] {
			t.Errorf("%s pointer = %v, want %v", mem.GoName, mem.Type.Pointer, want[mem.GoName])
		}
	}
	items := op.Output.Members[3].Type.Shape
	if items.Kind != ir.List || items.Elem.Type.Pointer {
		t.Errorf("list of structures holds values: %+v", items.Elem.Type)
	}
	state := op.Output.Members[4].Type.Shape
	if state.Values[0].GoName != "StateInProgress" || state.Values[0].Value != "in-progress" || state.Package != "example.com/x/types" {
		t.Errorf("enum %+v", state.Values[0])
	}
}
