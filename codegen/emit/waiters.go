package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/eucsdk/eucsdk/codegen/docs"
	"github.com/eucsdk/eucsdk/codegen/ir"
	"github.com/eucsdk/eucsdk/codegen/jmespath"
)

// Waiters writes each operation's smithy.waiters#waitable waiters into its
// api_op_<Op>.go, with aws-sdk-go-v2's surface. Acceptor paths are compiled
// to Go by codegen/jmespath; resolve has already left out (and reported) a
// waiter whose paths do not compile, so a failure here is a generator bug.
func Waiters(svc *ir.Service, fs *Files) error {
	for _, op := range svc.Operations {
		if len(op.Waiters) == 0 {
			continue
		}
		var f *jen.File
		for _, w := range op.Waiters {
			match, err := waiterMatch(op, w)
			if err != nil {
				return fmt.Errorf("%s: waiter %s: %w", op.ShapeID, w.Name, err)
			}
			if f == nil {
				f = fs.main(svc, op.File)
				if op.Paginator == nil {
					apiClient(f, op)
				}
			}
			waiterDecls(f, op, w)
			f.Add(match)
		}
	}
	return nil
}

// apiClient declares the one-method interface that paginators and waiters
// take, so callers can pass a fake in tests.
func apiClient(f *jen.File, op *ir.Operation) {
	name := op.APIClient
	f.Add(docf("%s is the part of Client that %s paginators and waiters need; tests can pass a fake.", name, op.Name)).Type().Id(name).Interface(
		jen.Id(op.Name).Params(jen.Qual("context", "Context"), jen.Op("*").Id(op.Input.GoName), jen.Op("...").Func().Params(jen.Op("*").Id("Options"))).
			Params(jen.Op("*").Id(op.Output.GoName), jen.Error()),
	)
	f.Var().Id("_").Id(name).Op("=").Parens(jen.Op("*").Id("Client")).Parens(jen.Nil())
}

func waiterDecls(f *jen.File, op *ir.Operation, w *ir.Waiter) {
	in, out := op.Input.GoName, op.Output.GoName
	typ, opts, match, retryable := w.GoName, w.Options, w.Match, w.Retryable
	sec := func(n int) *jen.Statement { return jen.Lit(n).Op("*").Qual("time", "Second") }

	f.Add(docf("%s configures a %s.", opts, typ)).Type().Id(opts).Struct(
		docf("APIOptions add middleware to every call the waiter makes, after the client's own.").
			Id("APIOptions").Index().Func().Params(jen.Op("*").Qual(pkgMW, "Stack")).Error(),
		jen.Line().Add(docf("ClientOptions change the client's options for the waiter's calls.")).
			Id("ClientOptions").Index().Func().Params(jen.Op("*").Id("Options")),
		jen.Line().Add(docf("MinDelay is the shortest pause between attempts (default %ds). It is also kept in reserve for a last attempt before maxWaitDur runs out.", w.MinDelay)).
			Id("MinDelay").Qual("time", "Duration"),
		jen.Line().Add(docf("MaxDelay caps the exponential backoff between attempts (default %ds).", w.MaxDelay)).
			Id("MaxDelay").Qual("time", "Duration"),
		jen.Line().Add(docf("LogWaitAttempts logs each attempt at debug level through the logger in the context.")).
			Id("LogWaitAttempts").Bool(),
		jen.Line().Add(docf("Retryable decides what an attempt means: (true, nil) polls again, (false, nil) is success and an error is a failure. The default applies the model's acceptors; wrap it to add states of your own.")).
			Id("Retryable").Func().Params(jen.Qual("context", "Context"), jen.Op("*").Id(in), jen.Op("*").Id(out), jen.Error()).Params(jen.Bool(), jen.Error()),
	)

	doc := w.Doc
	if doc == "" {
		doc = fmt.Sprintf("%s polls %s until the model's %s acceptors report success or failure.", typ, op.Name, w.Name)
	}
	if w.Deprecated {
		doc = docWith(doc, "Deprecated: the service model deprecates this waiter.")
	}
	f.Add(comment(docs.Godoc(doc, 77))).Type().Id(typ).Struct(
		jen.Id("client").Id(op.APIClient),
		jen.Id("options").Id(opts),
	)

	f.Add(docf("%s returns a waiter with the model's delays; optFns override them.", w.New)).Func().Id(w.New).Params(jen.Id("client").Id(op.APIClient), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id(opts))).Op("*").Id(typ).Block(
		jen.Id("options").Op(":=").Id(opts).Values(jen.Dict{
			jen.Id("MinDelay"):  sec(w.MinDelay),
			jen.Id("MaxDelay"):  sec(w.MaxDelay),
			jen.Id("Retryable"): jen.Id(retryable),
		}),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Op("&").Id("options"))),
		jen.Return(jen.Op("&").Id(typ).Values(jen.Dict{jen.Id("client"): jen.Id("client"), jen.Id("options"): jen.Id("options")})),
	)

	waitParams := func() *jen.Statement {
		return jen.Params(
			jen.Id("ctx").Qual("context", "Context"),
			jen.Id("params").Op("*").Id(in),
			jen.Id("maxWaitDur").Qual("time", "Duration"),
			jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id(opts)),
		)
	}
	f.Add(docf("Wait polls until success, failure or maxWaitDur, whichever comes first. Its error is a *waiter.Error naming the last state seen.")).Func().Params(jen.Id("w").Op("*").Id(typ)).Id("Wait").Add(waitParams()).Error().Block(
		jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("w").Dot("WaitForOutput").Call(jen.Id("ctx"), jen.Id("params"), jen.Id("maxWaitDur"), jen.Id("optFns").Op("...")),
		jen.Return(jen.Err()),
	)
	f.Add(docf("WaitForOutput is Wait that also returns the output of the successful attempt.")).Func().Params(jen.Id("w").Op("*").Id(typ)).Id("WaitForOutput").Add(waitParams()).Params(jen.Op("*").Id(out), jen.Error()).Block(
		jen.If(jen.Id("params").Op("==").Nil()).Block(jen.Id("params").Op("=").Op("&").Id(in).Values()),
		jen.Id("options").Op(":=").Id("w").Dot("options"),
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Op("&").Id("options"))),
		jen.Id("clientOptFns").Op(":=").Append(
			jen.Index().Func().Params(jen.Op("*").Id("Options")).Values(
				jen.Func().Params(jen.Id("o").Op("*").Id("Options")).Block(
					jen.Id("o").Dot("APIOptions").Op("=").Append(jen.Id("o").Dot("APIOptions"), jen.Id("options").Dot("APIOptions").Op("...")),
				),
			),
			jen.Id("options").Dot("ClientOptions").Op("..."),
		),
		jen.Return(jen.Qual(pkgWaiter, "Run").Call(jen.Id("ctx"), jen.Qual(pkgWaiter, "Config").Types(jen.Id(out)).Values(jen.DictFunc(func(d jen.Dict) {
			d[jen.Id("Name")] = jen.Lit(w.Name)
			d[jen.Id("MinDelay")] = jen.Id("options").Dot("MinDelay")
			d[jen.Id("MaxDelay")] = jen.Id("options").Dot("MaxDelay")
			d[jen.Id("MaxWait")] = jen.Id("maxWaitDur")
			d[jen.Id("LogAttempts")] = jen.Id("options").Dot("LogWaitAttempts")
			d[jen.Id("Call")] = jen.Func().Params(jen.Id("ctx").Qual("context", "Context")).Params(jen.Op("*").Id(out), jen.Error()).Block(
				jen.Return(jen.Id("w").Dot("client").Dot(op.Name).Call(jen.Id("ctx"), jen.Id("params"), jen.Id("clientOptFns").Op("..."))),
			)
			d[jen.Id("Retryable")] = jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("out").Op("*").Id(out), jen.Err().Error()).Params(jen.Bool(), jen.Error()).Block(
				jen.Return(jen.Id("options").Dot("Retryable").Call(jen.Id("ctx"), jen.Id("params"), jen.Id("out"), jen.Err())),
			)
			d[jen.Id("Observe")] = jen.Func().Params(jen.Id("out").Op("*").Id(out), jen.Err().Error()).String().Block(
				jen.Return(jen.Id(match).Call(jen.Id("params"), jen.Id("out"), jen.Err()).Dot("Seen")),
			)
		})))),
	)

	f.Add(docf("%s is the default %s.Retryable.", retryable, opts)).Func().Id(retryable).Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("input").Op("*").Id(in), jen.Id("output").Op("*").Id(out), jen.Err().Error(),
	).Params(jen.Bool(), jen.Error()).Block(
		jen.Return(jen.Qual(pkgWaiter, "Retryable").Call(jen.Id(match).Call(jen.Id("input"), jen.Id("output"), jen.Err()), jen.Err())),
	)
}

// waiterMatch compiles a waiter's acceptors into one function. Acceptors run
// in model order and the first match wins; a successful call only meets
// output, inputOutput and success:true matchers, a failed one only errorType
// and success:false, so splitting on err keeps that order. Each distinct
// path is evaluated once per attempt.
func waiterMatch(op *ir.Operation, w *ir.Waiter) (jen.Code, error) {
	name := w.Match
	state := func(s string) *jen.Statement {
		return jen.Qual(pkgWaiter, map[string]string{"success": "Success", "failure": "Failure", "retry": "Retry"}[s])
	}
	ret := func(s string) jen.Code {
		return jen.Return(jen.Qual(pkgWaiter, "Match").Values(jen.Id("State").Op(":").Add(state(s)), jen.Id("Seen").Op(":").Id("seen")))
	}

	var onErr []jen.Code
	onErr = append(onErr, jen.Id("seen").Op(":=").Qual(pkgWaiter, "ErrorSeen").Call(jen.Err()))
	errDone := false
	for _, a := range w.Acceptors {
		switch {
		case errDone:
		case a.Kind == "errorType":
			onErr = append(onErr, jen.If(jen.Qual(pkgWaiter, "ErrorCodeIs").Call(jen.Err(), jen.Lit(a.ErrorType))).Block(ret(a.State)))
		case a.Kind == "success" && !a.Success:
			onErr = append(onErr, ret(a.State))
			errDone = true
		}
	}
	if !errDone {
		// The specification: an error no acceptor expects is a failure.
		onErr = append(onErr, ret("failure"))
	}

	prog := jmespath.NewProgram(op.Input, op.Output)
	var checks []jen.Code
	var seen []jen.Code
	outDone := false
	for i, a := range w.Acceptors {
		if outDone {
			break
		}
		switch a.Kind {
		case "success":
			if a.Success {
				checks = append(checks, ret(a.State))
				outDone = true
			}
		case "output", "inputOutput":
			cond, v, first, err := prog.Acceptor(a.Kind, a.Path, a.Comparator, a.Expected)
			if err != nil {
				return nil, fmt.Errorf("acceptor %d: %w", i, err)
			}
			if first {
				ok := v.OK
				if ok == nil {
					ok = jen.True()
				}
				seen = append(seen, jen.Qual(pkgWaiter, "Seen").Call(jen.Lit(a.Path), v.Expr, ok))
			}
			checks = append(checks, jen.If(cond).Block(ret(a.State)))
		}
	}
	body := []jen.Code{jen.If(jen.Err().Op("!=").Nil()).Block(onErr...)}
	body = append(body, prog.Stmts()...)
	if len(seen) == 0 {
		body = append(body, jen.Id("seen").Op(":=").Lit("no error"))
	} else {
		s := jen.Add(seen[0])
		for _, x := range seen[1:] {
			s = s.Op("+").Lit("; ").Op("+").Add(x)
		}
		body = append(body, jen.Id("seen").Op(":=").Add(s))
	}
	body = append(body, checks...)
	if !outDone {
		body = append(body, ret("retry"))
	}
	inParam := jen.Id("input")
	if !prog.UsesInput() {
		inParam = jen.Id("_")
	}
	return docf("%s applies the %s acceptors to one attempt.", name, w.Name).
		Func().Id(name).Params(inParam.Op("*").Id(op.Input.GoName), jen.Id("output").Op("*").Id(op.Output.GoName), jen.Err().Error()).
		Qual(pkgWaiter, "Match").Block(body...), nil
}
