package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eucsdk/eucsdk/codegen/ir"
)

// Server writes server/server.go: the reverse codecs (decode requests,
// encode responses and modeled errors) with the same generated types, so an
// emulator or a test server never copies shapes by hand.
func Server(svc *ir.Service, fs *Files) error {
	if svc.Protocol.HTTPBindings || isCBOR(svc) || svc.Protocol.Query {
		// Server codecs route by X-Amz-Target: the emulators and test
		// servers speak awsJson only for now.
		return nil
	}
	f := fs.File("server/server.go", svc.ServerPath, "server")
	f.PackageComment(slashes("Package server decodes " + svc.Title + " requests and encodes responses and\nerrors with the client's own types, for emulators and test servers."))
	f.ImportName(svc.ImportPath, svc.Package)

	var reqCases []jen.Code
	for _, op := range svc.Operations {
		reqCases = append(reqCases, jen.Case(jen.Lit(svc.Protocol.TargetPrefix+"."+op.Name)).Block(
			jen.Id("in").Op(":=").Op("&").Qual(svc.ImportPath, op.Input.GoName).Values(),
			jen.Id(op.Input.DeserFunc).Call(jen.Op("&").Id("d"), jen.Id("in")),
			jen.Id("d").Dot("End").Call(),
			jen.Return(jen.Lit(op.Name), jen.Id("in"), jen.Id("d").Dot("Err").Call()),
		))
	}
	reqCases = append(reqCases, jen.Default().Block(jen.Return(jen.Lit(""), jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit("unknown operation %q"), jen.Id("target")))))
	f.Comment(slashes("ServiceTarget is the prefix of every X-Amz-Target header of the service."))
	f.Const().Id("ServiceTarget").Op("=").Lit(svc.Protocol.TargetPrefix)
	f.Comment(slashes("ContentType is the media type of requests and responses."))
	f.Const().Id("ContentType").Op("=").Lit(svc.Protocol.ContentType)
	f.Comment(slashes("DecodeRequest decodes the body of a request by its X-Amz-Target header.\nIt returns the operation name and a pointer to its input structure; an\nempty body decodes as an empty input."))
	f.Func().Id("DecodeRequest").Params(jen.Id("target").String(), jen.Id("body").Index().Byte()).Params(jen.String(), jen.Any(), jen.Error()).Block(
		jen.If(jen.Len(jen.Qual("bytes", "TrimSpace").Call(jen.Id("body"))).Op("==").Lit(0)).Block(jen.Id("body").Op("=").Index().Byte().Call(jen.Lit("{}"))),
		jen.Var().Id("d").Qual(pkgAWSJSON, "Decoder"),
		jen.Id("d").Dot("Reset").Call(jen.Id("body")),
		jen.Switch(jen.Id("target")).Block(reqCases...),
	)

	var names, newCases []jen.Code
	for _, op := range svc.Operations {
		names = append(names, jen.Lit(op.Name))
		newCases = append(newCases, jen.Case(jen.Lit(op.Name)).Block(
			jen.Return(jen.Op("&").Qual(svc.ImportPath, op.Output.GoName).Values()),
		))
	}
	newCases = append(newCases, jen.Default().Block(jen.Return(jen.Nil())))
	f.Comment(slashes("Operations lists the service's operations by name, sorted, so a server or\na test can cover every one without reading the model."))
	f.Var().Id("Operations").Op("=").Index().String().Values(names...)
	var errCodeCases []jen.Code
	for _, op := range svc.Operations {
		if len(op.Errors) == 0 {
			continue
		}
		var codes []jen.Code
		for _, e := range op.Errors {
			codes = append(codes, jen.Lit(e.Error.Code))
		}
		errCodeCases = append(errCodeCases, jen.Case(jen.Lit(op.Name)).Block(jen.Return(jen.Index().String().Values(codes...))))
	}
	f.Comment(slashes("OperationErrors returns the codes of the modeled errors the named operation\ncan return, in the model's order, so a test kit can refuse a stubbed error\nthe operation cannot return."))
	if len(errCodeCases) == 0 {
		f.Func().Id("OperationErrors").Params(jen.Id("string")).Index().String().Block(jen.Return(jen.Nil()))
	} else {
		f.Func().Id("OperationErrors").Params(jen.Id("op").String()).Index().String().Block(
			jen.Switch(jen.Id("op")).Block(errCodeCases...),
			jen.Return(jen.Nil()),
		)
	}
	f.Comment(slashes("NewOutput returns an empty output structure of the named operation, or nil\nfor a name the service does not have."))
	f.Func().Id("NewOutput").Params(jen.Id("op").String()).Any().Block(
		jen.Switch(jen.Id("op")).Block(newCases...),
	)

	var outCases []jen.Code
	for _, op := range svc.Operations {
		outCases = append(outCases, jen.Case(jen.Op("*").Qual(svc.ImportPath, op.Output.GoName)).Block(
			jen.Id(op.Output.SerFunc).Call(jen.Id("e"), jen.Id("v")),
		))
	}
	outCases = append(outCases, jen.Default().Block(jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit("not an output of the service: %T"), jen.Id("out")))))
	f.Comment(slashes("EncodeOutput encodes an operation's output structure as a response body."))
	f.Func().Id("EncodeOutput").Params(jen.Id("out").Any()).Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Id("e").Op(":=").Qual(pkgAWSJSON, "NewEncoder").Call(),
		jen.Defer().Id("e").Dot("Release").Call(),
		jen.Switch(jen.Id("v").Op(":=").Id("out").Assert(jen.Type())).Block(outCases...),
		jen.Return(jen.Append(jen.Index().Byte().Parens(jen.Nil()), jen.Id("e").Dot("Bytes").Call().Op("...")), jen.Nil()),
	)

	var errCases []jen.Code
	for _, e := range svc.Errors() {
		status := e.Error.HTTPStatus
		if status == 0 {
			status = 400
			if e.Error.Fault == "server" {
				status = 500
			}
		}
		errCases = append(errCases, jen.Case(jen.Op("*").Qual(e.Package, e.GoName)).Block(
			jen.Id("status").Op("=").Lit(status),
			jen.Id(e.SerFunc).Call(jen.Id("e"), jen.Id("v")),
		))
	}
	errCases = append(errCases, jen.Default().Block(jen.Return(jen.Lit(0), jen.Nil(), jen.False())))
	f.Comment(slashes("EncodeError encodes a modeled error as the status and body the service\nsends, with __type set to the error code; ok is false for other errors."))
	if len(svc.Errors()) == 0 {
		f.Func().Id("EncodeError").Params(jen.Error()).Params(jen.Id("status").Int(), jen.Id("body").Index().Byte(), jen.Id("ok").Bool()).Block(
			jen.Return(jen.Lit(0), jen.Nil(), jen.False()),
		)
	} else {
		f.Func().Id("EncodeError").Params(jen.Id("err").Error()).Params(jen.Id("status").Int(), jen.Id("body").Index().Byte(), jen.Id("ok").Bool()).Block(
			jen.Id("e").Op(":=").Qual(pkgAWSJSON, "NewEncoder").Call(),
			jen.Defer().Id("e").Dot("Release").Call(),
			jen.Switch(jen.Id("v").Op(":=").Id("err").Assert(jen.Type())).Block(errCases...),
			jen.Id("b").Op(":=").Id("e").Dot("Bytes").Call(),
			jen.Comment(slashes("The body is an object; __type goes first, as AWS sends it.")),
			jen.Id("out").Op(":=").Append(jen.Index().Byte().Call(jen.Lit(`{"__type":`)), jen.Qual("strconv", "Quote").Call(jen.Id("err").Assert(jen.Interface(jen.Id("ErrorCode").Params().String())).Dot("ErrorCode").Call()).Op("...")),
			jen.If(jen.Len(jen.Id("b")).Op(">").Lit(2)).Block(jen.Id("out").Op("=").Append(jen.Id("out"), jen.LitByte(','))),
			jen.Id("out").Op("=").Append(jen.Id("out"), jen.Id("b").Index(jen.Lit(1), jen.Empty()).Op("...")),
			jen.Return(jen.Id("status"), jen.Id("out"), jen.True()),
		)
	}

	f.Comment(slashes("ValidateInput checks an input's required members with the input's own\nValidate method, so a server reports what the model requires without\nrepeating it. It returns a smithy.InvalidParamsError or nil."))
	f.Func().Id("ValidateInput").Params(jen.Id("in").Any()).Error().Block(
		jen.If(jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Id("in").Assert(jen.Interface(jen.Id("Validate").Params().Error())), jen.Id("ok")).Block(
			jen.Return(jen.Id("v").Dot("Validate").Call()),
		),
		jen.Return(jen.Nil()),
	)
	constraintChecks(svc, fs)
	sf := fs.File("server/serializers.go", svc.ServerPath, "server")
	for _, s := range ir.Closure(svc.OutputsAndErrors()) {
		sf.Add(serializer(s))
	}
	df := fs.File("server/deserializers.go", svc.ServerPath, "server")
	// A server must still decode members the model deprecates: clients may
	// send them. Only this generated file is exempt from staticcheck's
	// deprecation check; hand-written code that uses them is still flagged.
	df.HeaderComment("//lint:file-ignore SA1019 decoding deprecated members is the server's job") // staticcheck reads the directive only without a space after //
	for _, s := range ir.Closure(svc.Inputs()) {
		df.Add(deserializer(s, false))
	}
	return nil
}
