package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/eucsdk/eucsdk/codegen/ir"
)

// Doc writes doc.go.
func Doc(svc *ir.Service, fs *Files) error {
	f := fs.main(svc, "doc.go")
	d := fmt.Sprintf("Package %s provides the API client, operations, and parameter types for\n%s.", svc.Package, svc.Title)
	f.PackageComment(slashes(docWith(d, svc.Doc, docExample(svc))))
	return nil
}

// docExample is the package doc's example: go doc shows no Example
// functions, so the first thing a reader runs has to be in the text. The
// service packages' tests hold it equal to an Example that go test runs.
func docExample(svc *ir.Service) string {
	op := svc.DocExample
	if op == nil {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Example\n\n")
	fmt.Fprintf(&b, "A client built from the default configuration (package\ngithub.com/eucsdk/eucsdk/config: credentials and region from the environment\nand the shared config files) lists the first page of %s:\n\n", op.Name)
	for _, l := range []string{
		"cfg, err := config.LoadDefaultConfig(ctx)",
		"if err != nil {",
		"\tlog.Fatal(err)",
		"}",
		fmt.Sprintf("client := %s.NewFromConfig(cfg)", svc.Package),
		fmt.Sprintf("out, err := client.%s(ctx, &%s.%s{})", op.Name, svc.Package, op.Input.GoName),
		"if err != nil {",
		"\tlog.Fatal(err)",
		"}",
		fmt.Sprintf("fmt.Println(len(out.%s))", op.Paginator.Items[0].GoName),
	} {
		fmt.Fprintf(&b, "\t%s\n", l)
	}
	fmt.Fprintf(&b, "\n%s walks every page. The Example functions of this package\nrun the same calls against the embedded emulator (package\ngithub.com/eucsdk/eucsdk/emulator), as a test can.", op.Paginator.GoName)
	return b.String()
}

// ClientFile writes api_client.go: the Client, its Options and the service
// description the runtime pipeline works from.
func ClientFile(svc *ir.Service, fs *Files) error {
	f := fs.main(svc, "api_client.go")
	f.Const().Defs(
		jen.Comment(slashes("ServiceID is the service's SDK id, used in errors and the User-Agent.")),
		jen.Id("ServiceID").Op("=").Lit(svc.ServiceID),
		jen.Comment(slashes("ServiceAPIVersion is the API version the client was generated from.")),
		jen.Id("ServiceAPIVersion").Op("=").Lit(svc.Version),
	)
	f.Comment(slashes("Options configures a Client; the zero value works with settings from the\nenvironment and the shared AWS config files."))
	f.Type().Id("Options").Op("=").Qual(pkgPipeline, "Options")
	f.Comment(slashes(fmt.Sprintf("Client calls the %s API. It is safe for concurrent use; create one\nand share it.", svc.Title)))
	f.Type().Id("Client").Struct(jen.Id("rt").Op("*").Qual(pkgPipeline, "Client"))
	f.Comment(slashes("New returns a client configured by options and then by optFns. Unset\nregion, credentials and retry settings are read from the environment\nand the shared AWS config files."))
	f.Func().Id("New").Params(jen.Id("options").Id("Options"), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id("Options"))).Op("*").Id("Client").Block(
		jen.Return(jen.Op("&").Id("Client").Values(jen.Dict{jen.Id("rt"): jen.Qual(pkgPipeline, "NewClient").Call(jen.Id("service"), jen.Id("options"), jen.Id("optFns"))})),
	)
	f.Comment(slashes("NewFromConfig returns a client configured by cfg and then by optFns."))
	f.Func().Id("NewFromConfig").Params(jen.Id("cfg").Qual(pkgAWS, "Config"), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id("Options"))).Op("*").Id("Client").Block(
		jen.Return(jen.Op("&").Id("Client").Values(jen.Dict{jen.Id("rt"): jen.Qual(pkgPipeline, "NewClientFromConfig").Call(jen.Id("service"), jen.Id("cfg"), jen.Id("optFns"))})),
	)
	f.Comment(slashes("Options returns a copy of the client's options."))
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id("Options").Params().Id("Options").Block(
		jen.Return(jen.Id("c").Dot("rt").Dot("Options").Call()),
	)
	fields := jen.Dict{
		jen.Id("ID"):          jen.Id("ServiceID"),
		jen.Id("APIVersion"):  jen.Id("ServiceAPIVersion"),
		jen.Id("SigningName"): jen.Lit(svc.SigningName),
		jen.Id("Protocol"):    jen.Qual(svc.Protocol.CodecPath, svc.Protocol.Value),
	}
	modeled := modeledErrorsAdapter(svc)
	if svc.Protocol.HTTPBindings {
		modeled = "RESTModeledErrors"
	}
	// A conversion, not a call: see the operation descriptors below.
	fields[jen.Id("ModeledError")] = jen.Qual(svc.Protocol.CodecPath, modeled).Call(jen.Id("newModeledError"))
	if len(svc.EndpointRuleSet) > 0 {
		fields[jen.Id("RuleSet")] = jen.Id("endpointRuleSet")
		for _, p := range svc.EndpointParams {
			switch p.BuiltIn {
			case "AWS::Auth::AccountId":
				fields[jen.Id("AccountIDParam")] = jen.Lit(p.Name)
			case "AWS::Auth::AccountIdEndpointMode":
				fields[jen.Id("AccountIDModeParam")] = jen.Lit(p.Name)
			}
		}
	}
	if svc.S3Signing {
		fields[jen.Id("SignerOptions")] = jen.Qual(pkgSigner, "Options").Values(jen.Dict{
			jen.Id("DisableURIPathEscaping"):      jen.True(),
			jen.Id("DisableURIPathNormalization"): jen.True(),
			jen.Id("AddPayloadHashHeader"):        jen.True(),
		})
	}
	f.Var().Id("service").Op("=").Op("&").Qual(pkgPipeline, "Service").Values(fields)
	return nil
}

// Operations writes one api_op_<Name>.go per operation: the method, its
// input and output, and its pipeline description.
func Operations(svc *ir.Service, fs *Files) error {
	for _, op := range svc.Operations {
		f := fs.main(svc, op.File)
		doc := operationDoc(op)
		in, out := op.Input.GoName, op.Output.GoName
		opVar := op.Descriptor
		f.Add(comment(doc)).Func().Params(jen.Id("c").Op("*").Id("Client")).Id(op.Name).Params(
			jen.Id("ctx").Qual("context", "Context"),
			jen.Id("params").Op("*").Id(in),
			jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id("Options")),
		).Params(jen.Op("*").Id(out), jen.Error()).Block(
			jen.If(jen.Id("params").Op("==").Nil()).Block(jen.Id("params").Op("=").Op("&").Id(in).Values()),
			jen.List(jen.Id("out"), jen.Id("md"), jen.Err()).Op(":=").Qual(pkgPipeline, "Invoke").Call(
				jen.Id("ctx"), jen.Id("c").Dot("rt"), jen.Op("&").Id(opVar), jen.Id("params"), jen.Id("optFns"),
			),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.Id("out").Dot("ResultMetadata").Op("=").Id("md"),
			jen.Return(jen.Id("out"), jen.Nil()),
		)
		f.Add(structDecl(op.Input, nil))
		validate := jen.Return(jen.Nil())
		if ir.NeedsValidation(op.Input) {
			validate = jen.Return(jen.Id(op.Input.ValidateFunc).Call(jen.Id("v")))
		}
		f.Comment(slashes("Validate reports missing required members, as the client does before\nsending; a server or a test can call it too."))
		f.Func().Params(jen.Id("v").Op("*").Id(in)).Id("Validate").Params().Error().Block(validate)
		f.Add(structDecl(op.Output, []jen.Code{
			jen.Comment(slashes("ResultMetadata holds metadata about the call: request id, attempts.")).Line().Id("ResultMetadata").Qual(pkgMW, "Metadata"),
		}))
		codec := svc.Protocol.CodecPath
		fields := jen.Dict{jen.Id("Name"): jen.Lit(op.Name)}
		// Every adapter is a conversion or a composite literal, never a
		// call: the compiler lays the descriptor out as static data, so an
		// operation's codec is linked only if its method is. A call would
		// run at package init and keep every operation's codec alive.
		switch {
		case op.HTTP != nil:
			// The REST serializers write bindings and body themselves.
			fields[jen.Id("Serialize")] = jen.Qual(pkgWire, "SerializeFunc").Types(jen.Id(in)).Call(jen.Id(httpSerFunc(op)))
			fields[jen.Id("Deserialize")] = jen.Qual(pkgWire, "DeserializeFunc").Types(jen.Id(out)).Call(jen.Id(httpDeserFunc(op)))
		case svc.Protocol.Query:
			// The query adapters take the Action and Version the body starts
			// with, and the operation name the response wrapper carries.
			fields[jen.Id("Serialize")] = jen.Qual(codec, "Serializer").Types(jen.Id(in)).Values(jen.Dict{
				jen.Id("Action"): jen.Lit(op.Name), jen.Id("Version"): jen.Lit(svc.Version), jen.Id("Fn"): jen.Id(op.Input.SerFunc),
			})
			deser := jen.Dict{jen.Id("Op"): jen.Lit(op.Name), jen.Id("Fn"): jen.Id(op.Output.DeserFunc)}
			if svc.Protocol.EC2 {
				deser[jen.Id("EC2")] = jen.True()
			}
			fields[jen.Id("Deserialize")] = jen.Qual(codec, "Deserializer").Types(jen.Id(out)).Values(deser)
		default:
			serialize := jen.Qual(codec, "Serializer").Types(jen.Id(in)).Call(jen.Id(op.Input.SerFunc))
			if svc.Protocol.PathPrefix != "" && op.Input.ShapeID == "smithy.api#Unit" {
				// No input: no body, and so no Content-Type.
				serialize = jen.Qual(codec, "NoInput").Types(jen.Id(in)).Values()
			}
			fields[jen.Id("Serialize")] = serialize
			fields[jen.Id("Deserialize")] = jen.Qual(codec, "Deserializer").Types(jen.Id(out)).Call(jen.Id(op.Output.DeserFunc))
		}
		if svc.Protocol.TargetPrefix != "" {
			fields[jen.Id("Target")] = jen.Lit(svc.Protocol.TargetPrefix + "." + op.Name)
		}
		if svc.Protocol.PathPrefix != "" {
			fields[jen.Id("Target")] = jen.Lit(svc.Protocol.PathPrefix + shapeName(op.ShapeID))
		}
		for _, enc := range op.Compression {
			if enc == "gzip" {
				// A value, not a flag: compress/flate's writer is linked
				// only with an operation that may compress.
				fields[jen.Id("Compress")] = jen.Qual(pkgPipeline, "Gzip").Values()
			}
		}
		if op.LongPolling {
			fields[jen.Id("LongPolling")] = jen.True()
		}
		switch op.Auth {
		case ir.AuthNone:
			fields[jen.Id("Auth")] = jen.Qual(pkgPipeline, "AuthNone")
		case ir.AuthOptional:
			fields[jen.Id("Auth")] = jen.Qual(pkgPipeline, "AuthOptional")
		}
		if p := op.Output.Payload(); p != nil && p.Type.Stream == ir.StreamOut {
			fields[jen.Id("StreamingOutput")] = jen.True()
		}
		if ir.NeedsValidation(op.Input) {
			fields[jen.Id("Validate")] = jen.Id(op.Input.ValidateFunc)
		}
		if len(op.EndpointBindings) > 0 {
			fields[jen.Id("EndpointParams")] = endpointParamsFunc(op, in)
		}
		if m := op.Idempotency; m != nil {
			fields[jen.Id("Prepare")] = jen.Func().Params(jen.Id("v").Op("*").Id(in), jen.Id("token").Func().Params().String()).Op("*").Id(in).Block(
				idempotencyFill(m)...,
			)
		}
		f.Var().Id(opVar).Op("=").Qual(pkgPipeline, "Operation").Types(jen.Id(in), jen.Id(out)).Values(fields)
	}
	return nil
}

// idempotencyFill fills an empty idempotency token on a copy of the input, so
// the caller's value is never changed and a retry reuses the same token.
func idempotencyFill(m *ir.Member) []jen.Code {
	field := jen.Id("v").Dot(m.GoName)
	empty := field.Clone().Op("!=").Nil().Op("&&").Op("*").Add(field.Clone()).Op("!=").Lit("")
	assign := jen.Id("c").Dot(m.GoName).Op("=").Qual(pkgAWS, "String").Call(jen.Id("token").Call())
	if !m.Type.Pointer {
		empty = field.Clone().Op("!=").Lit("")
		assign = jen.Id("c").Dot(m.GoName).Op("=").Id("token").Call()
	}
	return []jen.Code{
		jen.If(empty).Block(jen.Return(jen.Id("v"))),
		jen.Id("c").Op(":=").Op("*").Id("v"),
		assign,
		jen.Return(jen.Op("&").Id("c")),
	}
}

// Endpoints writes endpoints.go: the model's rule set, parsed once on first use.
func Endpoints(svc *ir.Service, fs *Files) error {
	if len(svc.EndpointRuleSet) == 0 {
		return nil
	}
	f := fs.main(svc, "endpoints.go")
	f.Comment(slashes("endpointRuleSetJSON is the model's smithy.rules#endpointRuleSet."))
	f.Const().Id("endpointRuleSetJSON").Op("=").Lit(string(svc.EndpointRuleSet))
	f.Comment(slashes("endpointRuleSet parses the rule set once, when a client first needs it."))
	f.Var().Id("endpointRuleSet").Op("=").Qual("sync", "OnceValues").Call(
		jen.Func().Params().Params(jen.Op("*").Qual(pkgEndpoints, "RuleSet"), jen.Error()).Block(
			jen.Return(jen.Qual(pkgEndpoints, "Parse").Call(jen.Index().Byte().Call(jen.Id("endpointRuleSetJSON")))),
		),
	)
	return nil
}

// EndpointTests writes endpoints_test.go from smithy.rules#endpointTests.
func EndpointTests(svc *ir.Service, fs *Files) error {
	if len(svc.EndpointTests) == 0 || len(svc.EndpointRuleSet) == 0 {
		return nil
	}
	f := fs.File("endpoints_test.go", svc.ImportPath, svc.Package)
	var cases []jen.Code
	for _, tc := range svc.EndpointTests {
		cases = append(cases, jen.Values(jen.Dict{
			jen.Id("doc"):    jen.Lit(tc.Doc),
			jen.Id("params"): jen.Lit(string(tc.Params)),
			jen.Id("expect"): jen.Lit(string(tc.Expect)),
			jen.Id("skip"):   jen.Lit(tc.SkipWhy),
		}))
	}
	f.Comment(slashes("TestEndpointRules runs the model's smithy.rules#endpointTests against the\nrule set this package embeds."))
	f.Func().Id("TestEndpointRules").Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.Id("rs").Op(",").Err().Op(":=").Id("endpointRuleSet").Call(),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("t").Dot("Fatal").Call(jen.Err())),
		jen.Id("cases").Op(":=").Index().Struct(
			jen.List(jen.Id("doc"), jen.Id("params"), jen.Id("expect"), jen.Id("skip")).String(),
		).Values(cases...),
		jen.Id("ran").Op(",").Id("skipped").Op(":=").Lit(0).Op(",").Lit(0),
		jen.For(jen.List(jen.Id("_"), jen.Id("tc")).Op(":=").Range().Id("cases")).Block(
			countOrSkip(),
			jen.If(jen.Err().Op(":=").Qual(pkgEndpoints, "CheckTestCase").Call(jen.Id("rs"), jen.Index().Byte().Call(jen.Id("tc").Dot("params")), jen.Index().Byte().Call(jen.Id("tc").Dot("expect"))), jen.Err().Op("!=").Nil()).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("%s: %v"), jen.Id("tc").Dot("doc"), jen.Err()),
			),
		),
		jen.Id("t").Dot("Logf").Call(jen.Lit("endpoint rule tests: %d ran, %d skipped"), jen.Id("ran"), jen.Id("skipped")),
	)
	return endpointCallTests(svc, f)
}

// endpointCallTests writes TestEndpointOperationInputs: the endpoint test
// cases' operationInputs, each a call of the client through a Recorder, so
// that the rule parameters operations bind (contextParam and the like) are
// tested where they matter: in the request the client builds.
func endpointCallTests(svc *ir.Service, f *jen.File) error {
	var cases []jen.Code
	for _, tc := range svc.EndpointTests {
		for _, c := range tc.Calls {
			call := jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("c").Op("*").Id("Client")).Error().Block(jen.Return(jen.Nil()))
			if c.Operation != nil {
				in, err := structLiteral(c.Operation.Input, c.Params, true)
				if err != nil {
					return fmt.Errorf("endpoint test %q: %s input: %w", tc.Doc, c.Operation.Name, err)
				}
				call = jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("c").Op("*").Id("Client")).Error().Block(
					jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("c").Dot(c.Operation.Name).Call(jen.Id("ctx"), in),
					jen.Return(jen.Err()),
				)
			}
			opts := jen.Dict{}
			if c.Region != nil {
				opts[jen.Id("Region")] = jen.Lit(*c.Region)
			}
			if c.Endpoint != nil {
				opts[jen.Id("BaseEndpoint")] = jen.Qual(pkgAWS, "String").Call(jen.Lit(*c.Endpoint))
			}
			if c.UseFIPS {
				opts[jen.Id("UseFIPSEndpoint")] = jen.True()
			}
			if c.UseDualStack {
				opts[jen.Id("UseDualStackEndpoint")] = jen.True()
			}
			if c.AccountIDMode != nil {
				opts[jen.Id("AccountIDEndpointMode")] = jen.Qual(pkgAWS, "AccountIDEndpointMode").Call(jen.Lit(*c.AccountIDMode))
			}
			d := jen.Dict{
				jen.Id("doc"):     jen.Lit(tc.Doc),
				jen.Id("expect"):  jen.Lit(string(tc.Expect)),
				jen.Id("skip"):    jen.Lit(c.SkipWhy),
				jen.Id("options"): jen.Id("Options").Values(opts),
				jen.Id("call"):    call,
			}
			if c.AccountID != nil {
				d[jen.Id("account")] = jen.Lit(*c.AccountID)
			}
			cases = append(cases, jen.Values(d))
		}
	}
	if len(cases) == 0 {
		return nil
	}
	f.Comment(slashes("TestEndpointOperationInputs makes the calls of the model's endpoint tests\n(operationInputs) and checks where each request would go: the rule\nparameters an operation binds from its input reach the rules."))
	f.Func().Id("TestEndpointOperationInputs").Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.Comment("Only the case's settings count: none from the environment or files."),
		jen.For(jen.List(jen.Id("_"), jen.Id("kv")).Op(":=").Range().Qual("os", "Environ").Call()).Block(
			jen.If(jen.List(jen.Id("k"), jen.Id("_"), jen.Id("_")).Op(":=").Qual("strings", "Cut").Call(jen.Id("kv"), jen.Lit("=")), jen.Qual("strings", "HasPrefix").Call(jen.Id("k"), jen.Lit("AWS_"))).Block(
				jen.Id("t").Dot("Setenv").Call(jen.Id("k"), jen.Lit("")),
			),
		),
		jen.Id("t").Dot("Setenv").Call(jen.Lit("AWS_CONFIG_FILE"), jen.Qual("os", "DevNull")),
		jen.Id("t").Dot("Setenv").Call(jen.Lit("AWS_SHARED_CREDENTIALS_FILE"), jen.Qual("os", "DevNull")),
		jen.Id("cases").Op(":=").Index().Struct(
			jen.List(jen.Id("doc"), jen.Id("expect"), jen.Id("skip"), jen.Id("account")).String(),
			jen.Id("options").Id("Options"),
			jen.Id("call").Func().Params(jen.Qual("context", "Context"), jen.Op("*").Id("Client")).Error(),
		).Values(cases...),
		jen.Id("ran").Op(",").Id("skipped").Op(":=").Lit(0).Op(",").Lit(0),
		jen.For(jen.List(jen.Id("_"), jen.Id("tc")).Op(":=").Range().Id("cases")).Block(
			countOrSkip(),
			jen.Id("rec").Op(":=").Op("&").Qual(pkgEndpoints, "Recorder").Values(),
			jen.Id("o").Op(":=").Id("tc").Dot("options"),
			jen.Id("o").Dot("HTTPClient").Op("=").Op("&").Qual("net/http", "Client").Values(jen.Dict{jen.Id("Transport"): jen.Id("rec")}),
			jen.Id("o").Dot("Credentials").Op("=").Qual(pkgAWS, "CredentialsProviderFunc").Call(
				jen.Func().Params(jen.Qual("context", "Context")).Params(jen.Qual(pkgAWS, "Credentials"), jen.Error()).Block(
					jen.Return(jen.Qual(pkgAWS, "Credentials").Values(jen.Dict{
						jen.Id("AccessKeyID"):     jen.Lit("AKIDENDPOINTTEST"),
						jen.Id("SecretAccessKey"): jen.Lit("endpoint-test-secret"),
						jen.Id("AccountID"):       jen.Id("tc").Dot("account"),
						jen.Id("Source"):          jen.Lit("EndpointTest"),
					}), jen.Nil()),
				),
			),
			jen.Id("o").Dot("Retryer").Op("=").Qual(pkgRetry, "Nop").Call(),
			jen.Err().Op(":=").Id("tc").Dot("call").Call(jen.Qual("context", "Background").Call(), jen.Id("New").Call(jen.Id("o"))),
			jen.If(jen.Err().Op(":=").Qual(pkgEndpoints, "CheckOperationCase").Call(jen.Id("rec").Dot("Request").Call(), jen.Err(), jen.Index().Byte().Call(jen.Id("tc").Dot("expect"))), jen.Err().Op("!=").Nil()).Block(
				jen.Id("t").Dot("Errorf").Call(jen.Lit("%s: %v"), jen.Id("tc").Dot("doc"), jen.Err()),
			),
		),
		jen.Id("t").Dot("Logf").Call(jen.Lit("endpoint operation tests: %d ran, %d skipped"), jen.Id("ran"), jen.Id("skipped")),
	)
	return nil
}

// countOrSkip is the head of a generated case loop: a case with a skip
// reason is logged and counted as skipped, any other counted as run.
func countOrSkip() jen.Code {
	return jen.Add(
		jen.If(jen.Id("tc").Dot("skip").Op("!=").Lit("")).Block(
			jen.Id("skipped").Op("++"),
			jen.Id("t").Dot("Logf").Call(jen.Lit("skipped %q: %s"), jen.Id("tc").Dot("doc"), jen.Id("tc").Dot("skip")),
			jen.Continue(),
		),
		jen.Line(),
		jen.Id("ran").Op("++"),
	)
}

// Unsupported writes UNSUPPORTED.md listing every operation, paginator and
// waiter the generator skipped.
func Unsupported(svc *ir.Service, fs *Files) error {
	if len(svc.Unsupported) == 0 {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Parts of %s not generated\n\n", svc.Title)
	b.WriteString("The generator skipped these operations, paginators and waiters, and these\nservice customizations (operation \"-\"; the reason says which); the rest of\nthe client is complete.\n\n")
	b.WriteString("| operation | shape | reason |\n|---|---|---|\n")
	for _, u := range svc.Unsupported {
		fmt.Fprintf(&b, "| %s | `%s` | %s |\n", u.Operation, u.ShapeID, u.Reason)
	}
	fs.Raw("UNSUPPORTED.md", []byte(b.String()))
	return nil
}

// modeledErrorsAdapter names the codec's adapter for newModeledError.
func modeledErrorsAdapter(svc *ir.Service) string {
	if svc.Protocol.ModeledErrors != "" {
		return svc.Protocol.ModeledErrors
	}
	return "ModeledErrors"
}

// shapeName is the name part of a shape id, as the model spells it.
func shapeName(id string) string { return id[strings.LastIndexByte(id, '#')+1:] }
