package resolve

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/codegen/ir"
	"github.com/eucsdk/eucsdk/codegen/smithy"
)

func TestNullabilityInputPointsInputMembers(t *testing.T) {
	m := load(t, `{"smithy":"2.0","shapes":{
	 "ex#S":{"type":"service","operations":[{"target":"ex#Op"}],"traits":{"aws.protocols#awsJson1_0":{}}},
	 "ex#Op":{"type":"operation","input":{"target":"ex#OpInput"},"output":{"target":"ex#OpOutput"}},
	 "ex#OpInput":{"type":"structure","members":{"force":{"target":"smithy.api#Boolean","traits":{"smithy.api#default":false}},
	   "inner":{"target":"ex#Inner"}},"traits":{"smithy.api#input":{}}},
	 "ex#Inner":{"type":"structure","members":{"n":{"target":"smithy.api#Integer","traits":{"smithy.api#default":0}}}},
	 "ex#OpOutput":{"type":"structure","members":{"n":{"target":"smithy.api#Integer","traits":{"smithy.api#default":0}}},"traits":{"smithy.api#output":{}}}}}`)
	for _, tc := range []struct {
		mode                       string
		force, inner, output, want bool
	}{
		{"", false, false, false, true},
		{NullabilityV2, false, false, false, true},
		{NullabilityInput, true, false, false, true},
	} {
		svc, err := Service(m, Config{Package: "x", ImportPath: "x", Nullability: tc.mode})
		if err != nil {
			t.Fatal(err)
		}
		ptr := pointers(svc)
		if ptr["ex#OpInput$force"] != tc.force || ptr["ex#Inner$n"] != tc.inner || ptr["ex#OpOutput$n"] != tc.output {
			t.Errorf("nullability %q: pointers %v", tc.mode, ptr)
		}
	}
	_, err := Service(m, Config{Package: "x", ImportPath: "x", Nullability: "CLIENT"})
	if err == nil || !strings.Contains(err.Error(), `"CLIENT"`) || !strings.Contains(err.Error(), NullabilityInput) {
		t.Errorf("unknown mode: err = %v, want one naming the value and the choices", err)
	}
}

// The protocol suites are generated with -nullability input (see
// internal/testkit/protocoltest/gen.go) so that a case sending a defaulted
// zero explicitly can run. That is honest only while the rule changes
// nothing else in them: any other member whose type changed would make the
// suites test an API no AWS client has.
func TestNullabilityInputDiffersOnlyThere(t *testing.T) {
	suites := map[string][]string{
		"smithy-aws-protocol-tests_model.json": {"aws.protocoltests.json10#JsonRpc10", "aws.protocoltests.restjson#RestJson"},
		"smithy-rpcv2-cbor.json":               {"smithy.protocoltests.rpcv2Cbor#RpcV2Protocol"},
	}
	want := []string{
		"aws.protocoltests.json10#OperationWithDefaultsInput$otherTopLevelDefault",
		"aws.protocoltests.restjson#OperationWithDefaultsInput$otherTopLevelDefault",
		"smithy.protocoltests.rpcv2Cbor#OperationWithDefaultsInput$otherTopLevelDefault",
	}
	var got []string
	for file, services := range suites {
		path := filepath.Join("..", "..", "..", "shared", "testdata", "protocol", "smithy-json-ast", file)
		if _, err := os.Stat(path); err != nil {
			t.Skipf("no shared test data beside the checkout: %v", err)
		}
		m, err := smithy.LoadFiles([]string{path}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range services {
			v2, err := Service(m, Config{Service: id, Package: "x", ImportPath: "x"})
			if err != nil {
				t.Fatal(err)
			}
			in, err := Service(m, Config{Service: id, Package: "x", ImportPath: "x", Nullability: NullabilityInput})
			if err != nil {
				t.Fatal(err)
			}
			a, b := pointers(v2), pointers(in)
			if len(a) != len(b) {
				t.Fatalf("%s: %d members under v2, %d under input", id, len(a), len(b))
			}
			for k, p := range a {
				if b[k] != p {
					got = append(got, k)
				}
			}
		}
	}
	sort.Strings(got)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("members whose pointer-ness -nullability input changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// pointers maps every structure member's shape id to whether it is a pointer.
func pointers(svc *ir.Service) map[string]bool {
	out := map[string]bool{}
	for _, s := range svc.Types {
		for _, m := range s.Members {
			out[s.ShapeID+"$"+m.Name] = m.Type.Pointer
		}
	}
	for _, op := range svc.Operations {
		for _, s := range []*ir.Shape{op.Input, op.Output} {
			if s == nil {
				continue
			}
			for _, m := range s.Members {
				out[s.ShapeID+"$"+m.Name] = m.Type.Pointer
			}
		}
	}
	return out
}
