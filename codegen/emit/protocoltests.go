package emit

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/eucsdk/eucsdk/codegen/ir"
)

const (
	modulePath      = "github.com/eucsdk/eucsdk"
	pkgProtocolTest = modulePath + "/internal/testkit/protocoltest"
)

// ProtocolTests writes protocol_test.go from the model's smithy.test traits:
// one test per case, sending real requests to a local server. Server-only
// cases are kept and skipped by name so the count of what ran is honest.
//
// The tests run on internal/testkit/protocoltest, which Go lets only packages of this
// module import, so a client generated into another module gets none: its
// package must compile (and vet) where it is generated.
func ProtocolTests(svc *ir.Service, fs *Files) error {
	if !strings.HasPrefix(svc.ImportPath, modulePath+"/") {
		return nil
	}
	var tests []jen.Code
	for _, op := range svc.Operations {
		for _, tc := range op.Tests {
			fn, err := protocolTest(svc, op, tc)
			if err != nil {
				return fmt.Errorf("protocol test %s: %w", tc.ID, err)
			}
			tests = append(tests, fn)
		}
	}
	if len(tests) == 0 {
		return nil
	}
	f := fs.File("protocol_test.go", svc.TestImportPath, svc.TestPackage)
	f.ImportName(svc.ImportPath, svc.Package)
	f.Func().Id("TestMain").Params(jen.Id("m").Op("*").Qual("testing", "M")).Block(
		jen.Qual("os", "Exit").Call(jen.Qual(pkgProtocolTest, "RunAndReport").Call(jen.Id("m"), jen.Lit(svc.Protocol.Name+" "+svc.ShapeID))),
	)
	for _, t := range tests {
		f.Add(t)
	}
	return nil
}

func newTestClient(svc *ir.Service, endpoint jen.Code) jen.Code {
	return jen.Qual(svc.ImportPath, "New").Call(jen.Qual(pkgProtocolTest, "Options").Call(endpoint))
}

func protocolTest(svc *ir.Service, op *ir.Operation, tc *ir.ProtocolTest) (jen.Code, error) {
	name := tc.FuncName
	body := []jen.Code{}
	if tc.SkipWhy != "" {
		body = append(body, jen.Qual(pkgProtocolTest, "SkipCustomization").Call(jen.Id("t"), jen.Lit(tc.SkipWhy)))
	} else if tc.Kind == "malformed" {
		body = append(body, jen.Qual(pkgProtocolTest, "SkipMalformedRequest").Call(jen.Id("t")))
	} else if tc.AppliesTo == "server" {
		body = append(body, jen.Qual(pkgProtocolTest, "SkipServerOnly").Call(jen.Id("t")))
	} else if tc.NotExpressible != "" {
		body = append(body, jen.Qual(pkgProtocolTest, "SkipNotExpressible").Call(jen.Id("t"), jen.Lit(tc.NotExpressible)))
	} else {
		body = append(body, jen.Qual(pkgProtocolTest, "Ran").Call(jen.Id("t")))
	}
	switch tc.Kind {
	case "request":
		in, err := structLiteral(op.Input, tc.Params, true)
		if err != nil {
			return nil, err
		}
		var headers []jen.Code
		for _, h := range tc.Headers {
			headers = append(headers, jen.Values(jen.Lit(h[0]), jen.Lit(h[1])))
		}
		want := jen.Dict{
			jen.Id("Method"):        jen.Lit(tc.Method),
			jen.Id("URI"):           jen.Lit(tc.URI),
			jen.Id("BodyMediaType"): jen.Lit(tc.BodyMediaType),
			jen.Id("Headers"):       jen.Index().Index(jen.Lit(2)).String().Values(headers...),
		}
		if tc.Body != nil {
			want[jen.Id("Body")] = jen.Qual(pkgAWS, "String").Call(jen.Lit(*tc.Body))
		}
		if host, _, _ := strings.Cut(tc.Host, "/"); op.HTTP != nil && tc.ResolvedHost != "" && host != "" && strings.HasSuffix(tc.ResolvedHost, host) {
			// The test server stands in for the case's host: what the
			// request must put before it is the operation's host prefix.
			// Only the REST serializers apply host prefixes so far.
			want[jen.Id("HostPrefix")] = jen.Lit(strings.TrimSuffix(tc.ResolvedHost, host))
		}
		if len(tc.ForbidHeaders) > 0 {
			var fh []jen.Code
			for _, h := range tc.ForbidHeaders {
				fh = append(fh, jen.Lit(h))
			}
			want[jen.Id("ForbidHeaders")] = jen.Index().String().Values(fh...)
		}
		for _, q := range []struct {
			key  string
			vals []string
		}{{"QueryParams", tc.QueryParams}, {"ForbidQuery", tc.ForbidQuery}, {"RequireQuery", tc.RequireQuery}} {
			if len(q.vals) > 0 {
				var vs []jen.Code
				for _, v := range q.vals {
					vs = append(vs, jen.Lit(v))
				}
				want[jen.Id(q.key)] = jen.Index().String().Values(vs...)
			}
		}
		if len(tc.RequireHeaders) > 0 {
			var rh []jen.Code
			for _, h := range tc.RequireHeaders {
				rh = append(rh, jen.Lit(h))
			}
			want[jen.Id("RequireHeaders")] = jen.Index().String().Values(rh...)
		}
		body = append(body,
			recordingServer(svc, tc),
			jen.Id("c").Op(":=").Add(newTestClient(svc, jen.Id("endpoint"))),
			jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("c").Dot(op.Name).Call(jen.Qual("context", "Background").Call(), in),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err())),
			jen.Qual(pkgProtocolTest, "CheckRequest").Call(jen.Id("t"), jen.Id("got").Call(), jen.Qual(pkgProtocolTest, "WantRequest").Values(want)),
		)
	case "response", "error":
		var headers []jen.Code
		for _, h := range tc.Headers {
			headers = append(headers, jen.Values(jen.Lit(h[0]), jen.Lit(h[1])))
		}
		respBody := ""
		if tc.Body != nil {
			respBody = *tc.Body
		}
		if tc.BodyMediaType == "application/cbor" {
			// CBOR bodies are given in base64; the server sends the bytes.
			b, err := base64.StdEncoding.DecodeString(respBody)
			if err != nil {
				return nil, fmt.Errorf("body is not base64: %w", err)
			}
			respBody = string(b)
		}
		body = append(body,
			jen.Id("endpoint").Op(":=").Qual(pkgProtocolTest, "ResponseServer").Call(jen.Id("t"), jen.Lit(tc.Code), jen.Index().Index(jen.Lit(2)).String().Values(headers...), jen.Lit(respBody)),
			jen.Id("c").Op(":=").Add(newTestClient(svc, jen.Id("endpoint"))),
			jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("c").Dot(op.Name).Call(jen.Qual("context", "Background").Call(), stubInput(op.Input)),
		)
		if tc.Kind == "response" {
			want, err := structLiteral(op.Output, tc.Params, true)
			if err != nil {
				return nil, err
			}
			body = append(body,
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err())),
				jen.Qual(pkgProtocolTest, "CheckOutput").Call(jen.Id("t"), want, jen.Id("out")),
			)
		} else {
			want, err := structLiteral(tc.Error, tc.Params, true)
			if err != nil {
				return nil, err
			}
			body = append(body,
				jen.Id("_").Op("=").Id("out"),
				jen.Var().Id("got").Op("*").Qual(tc.Error.Package, tc.Error.GoName),
				jen.If(jen.Op("!").Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("got"))).Block(
					jen.Id("t").Dot("Fatalf").Call(jen.Lit("error %v, want a "+tc.Error.GoName), jen.Err()),
				),
			)
			if tc.ErrorCode != "" {
				// The code is checked here; the override field that carries it is not in params.
				body = append(body,
					jen.If(jen.Id("got").Dot("ErrorCode").Call().Op("!=").Lit(tc.ErrorCode)).Block(
						jen.Id("t").Dot("Errorf").Call(jen.Lit("ErrorCode() = %q, want %q"), jen.Id("got").Dot("ErrorCode").Call(), jen.Lit(tc.ErrorCode)),
					),
					jen.Id("got").Dot("ErrorCodeOverride").Op("=").Nil(),
				)
			}
			if (svc.Protocol.Query || svc.Protocol.XML) && !mentionsMessage(tc.Params) && hasMessage(tc.Error) {
				// Every error type carries the envelope's <Message>, modeled
				// or not; a case whose params do not name it does not test it.
				body = append(body, jen.Id("got").Dot("Message").Op("=").Nil())
			}
			body = append(body, jen.Qual(pkgProtocolTest, "CheckOutput").Call(jen.Id("t"), want, jen.Id("got")))
		}
	}
	doc := tc.Doc
	if doc == "" {
		doc = tc.ID
	}
	return comment(name + ": " + doc).Func().Id(name).Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(body...), nil
}

// stubInput is an input that passes validation: response cases give no
// input, but the client checks required members before it sends anything.
func stubInput(s *ir.Shape) jen.Code {
	raw, _ := json.Marshal(stubNode(s, 0))
	c, err := structLiteral(s, raw, true)
	if err != nil {
		return jen.Op("&").Qual(s.Package, s.GoName).Values()
	}
	return c
}

func stubNode(s *ir.Shape, depth int) map[string]any {
	out := map[string]any{}
	if depth > 8 {
		return out
	}
	for _, m := range s.Members {
		if !m.Required {
			continue
		}
		switch m.Type.Kind {
		case ir.String, ir.Blob:
			out[m.Name] = "stub"
		case ir.Enum:
			if len(m.Type.Shape.Values) > 0 {
				out[m.Name] = m.Type.Shape.Values[0].Value
			}
		case ir.Bool:
			out[m.Name] = false
		case ir.Byte, ir.Short, ir.Int, ir.Long, ir.Float, ir.Double, ir.IntEnum, ir.Timestamp, ir.BigInt, ir.BigDecimal:
			out[m.Name] = 0
		case ir.List:
			out[m.Name] = []any{}
		case ir.Map:
			out[m.Name] = map[string]any{}
		case ir.Struct:
			out[m.Name] = stubNode(m.Type.Shape, depth+1)
		}
	}
	return out
}

// recordingServer starts the server a request case sends to; it answers
// with an empty output in the service's protocol.
func recordingServer(svc *ir.Service, tc *ir.ProtocolTest) jen.Code {
	lhs := jen.List(jen.Id("endpoint"), jen.Id("got")).Op(":=")
	if svc.Protocol.Query || svc.Protocol.XML {
		return lhs.Qual(pkgProtocolTest, "RecordingServerWith").Call(jen.Id("t"), jen.Lit(tc.Host), jen.Lit("text/xml"), jen.Lit(""))
	}
	return lhs.Qual(pkgProtocolTest, "RecordingServer").Call(jen.Id("t"), jen.Lit(tc.Host))
}

func mentionsMessage(params []byte) bool {
	var m map[string]json.RawMessage
	_ = json.Unmarshal(params, &m)
	_, a := m["message"]
	_, b := m["Message"]
	return a || b
}

func hasMessage(s *ir.Shape) bool {
	for _, m := range s.Members {
		if m.GoName == "Message" {
			return true
		}
	}
	return false
}
