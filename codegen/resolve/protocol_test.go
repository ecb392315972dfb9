package resolve

import (
	"strings"
	"testing"
)

// The protocol-selection cases smithy-go's codegen tests (ResolveProtocolTest,
// after the rpcv2 protocol-selection SEP), limited to the protocols generated
// here, plus the -protocol override.
func TestPickProtocolAsV2Does(t *testing.T) {
	cases := []struct {
		traits, want, force string
	}{
		{`"smithy.protocols#rpcv2Cbor":{},"aws.protocols#awsJson1_0":{}`, "rpcv2Cbor", ""},
		{`"smithy.protocols#rpcv2Cbor":{}`, "rpcv2Cbor", ""},
		{`"smithy.protocols#rpcv2Cbor":{},"aws.protocols#awsJson1_0":{},"aws.protocols#awsQuery":{}`, "rpcv2Cbor", ""},
		{`"aws.protocols#awsJson1_0":{},"aws.protocols#awsQuery":{}`, "awsJson1_0", ""},
		{`"aws.protocols#awsJson1_1":{},"smithy.protocols#rpcv2Cbor":{}`, "rpcv2Cbor", ""},
		{`"aws.protocols#awsJson1_1":{},"smithy.protocols#rpcv2Cbor":{}`, "awsJson1_1", "awsJson1_1"},
		{`"aws.protocols#awsJson1_0":{},"smithy.protocols#rpcv2Cbor":{}`, "awsJson1_0", "aws.protocols#awsJson1_0"},
	}
	for _, tc := range cases {
		m := load(t, `{"smithy":"2.0","shapes":{"ex#S":{"type":"service","traits":{`+tc.traits+`}}}}`)
		svc, err := Service(m, Config{Package: "x", ImportPath: "x", Protocol: tc.force})
		if err != nil {
			t.Fatalf("%s: %v", tc.traits, err)
		}
		if svc.Protocol.Name != tc.want {
			t.Errorf("%s (forced %q): picked %s, want %s", tc.traits, tc.force, svc.Protocol.Name, tc.want)
		}
	}
}

func TestForcedProtocolMustBeDeclared(t *testing.T) {
	m := load(t, `{"smithy":"2.0","shapes":{"ex#S":{"type":"service","traits":{"aws.protocols#awsJson1_0":{}}}}}`)
	for _, force := range []string{"rpcv2Cbor", "restJson1"} {
		_, err := Service(m, Config{Package: "x", ImportPath: "x", Protocol: force})
		if err == nil || !strings.Contains(err.Error(), "ex#S") || !strings.Contains(err.Error(), force) {
			t.Errorf("-protocol %s: err = %v, want one naming ex#S and the protocol", force, err)
		}
	}
}

func TestRPCv2CborAddressingAndDocuments(t *testing.T) {
	m := load(t, `{"smithy":"2.0","shapes":{
	 "ex#S":{"type":"service","operations":[{"target":"ex#Op"}],"traits":{"smithy.protocols#rpcv2Cbor":{},"aws.protocols#awsQueryCompatible":{}}},
	 "ex#Op":{"type":"operation","input":{"target":"ex#Req"}},
	 "ex#Req":{"type":"structure","members":{"doc":{"target":"smithy.api#Document"}}}}}`)
	svc, err := Service(m, Config{Package: "x", ImportPath: "x"})
	if err != nil {
		t.Fatal(err)
	}
	p := svc.Protocol
	if p.PathPrefix != "/service/S/operation/" || p.TargetPrefix != "" || p.Value != "RPCv2QueryCompatible" || p.ModeledErrors != "QueryModeledErrors" {
		t.Errorf("protocol %+v", p)
	}
	if len(svc.Unsupported) != 1 || svc.Unsupported[0].ShapeID != "ex#Req$doc" || !strings.Contains(svc.Unsupported[0].Reason, "smithy.protocols#rpcv2Cbor") {
		t.Errorf("unsupported %+v", svc.Unsupported)
	}
}
