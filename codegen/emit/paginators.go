package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/eucsdk/eucsdk/codegen/docs"
	"github.com/eucsdk/eucsdk/codegen/ir"
)

// Paginators writes each paginated operation's paginator into its
// api_op_<Op>.go, with aws-sdk-go-v2's surface plus Pages and Items
// iterators. Token bookkeeping lives in the paginator package.
func Paginators(svc *ir.Service, fs *Files) error {
	for _, op := range svc.Operations {
		pg := op.Paginator
		if pg == nil {
			continue
		}
		f := fs.main(svc, op.File)
		apiClient(f, op)
		paginator(f, op, pg)
	}
	return nil
}

const pkgPaginator = "github.com/eucsdk/eucsdk/runtime/paginator"

// docf is a doc comment wrapped like the model's documentation.
func docf(format string, args ...any) *jen.Statement {
	return comment(docs.Godoc(fmt.Sprintf(format, args...), 77))
}

func paginator(f *jen.File, op *ir.Operation, pg *ir.Paginator) {
	in, out := op.Input.GoName, op.Output.GoName
	typ, opts := pg.GoName, pg.Options

	fields := []jen.Code{}
	if pg.PageSize != nil {
		fields = append(fields, docf("Limit is the most items a page may hold, sent as %s; zero leaves the page size to the service.", pg.PageSize.Name).Id("Limit").Int32(), jen.Line())
	}
	fields = append(fields, docf("StopOnDuplicateToken ends pagination quietly when the service repeats a token; by default a repeated token is a *paginator.DuplicateTokenError.").Id("StopOnDuplicateToken").Bool())
	f.Add(docf("%s configures a %s.", opts, typ)).Type().Id(opts).Struct(fields...)

	f.Add(docf("%s requests the pages of %s one at a time, following the service's NextToken. It is not safe for concurrent use.", typ, op.Name)).Type().Id(typ).Struct(
		jen.Id("options").Id(opts),
		jen.Id("client").Id(op.APIClient),
		jen.Id("params").Id(in),
		jen.Id("tokens").Qual(pkgPaginator, "Tokens"),
	)

	tokenField := jen.Id("params").Dot(pg.InputToken.GoName)
	ctor := []jen.Code{
		jen.If(jen.Id("params").Op("==").Nil()).Block(jen.Id("params").Op("=").Op("&").Id(in).Values()),
		jen.Id("options").Op(":=").Id(opts).Values(),
	}
	if ps := pg.PageSize; ps != nil {
		v := jen.Id("params").Dot(ps.GoName)
		if ps.Type.Pointer {
			v = jen.Op("*").Add(v)
		}
		if ps.Type.Kind != ir.Int {
			v = jen.Int32().Call(v)
		}
		set := jen.Id("options").Dot("Limit").Op("=").Add(v)
		if ps.Type.Pointer {
			set = jen.If(jen.Id("params").Dot(ps.GoName).Op("!=").Nil()).Block(set)
		}
		ctor = append(ctor, set)
	}
	ctor = append(ctor,
		jen.For(jen.List(jen.Id("_"), jen.Id("fn")).Op(":=").Range().Id("optFns")).Block(jen.Id("fn").Call(jen.Op("&").Id("options"))),
		jen.Return(jen.Op("&").Id(typ).Values(jen.Dict{
			jen.Id("options"): jen.Id("options"),
			jen.Id("client"):  jen.Id("client"),
			jen.Id("params"):  jen.Op("*").Id("params"),
			jen.Id("tokens"):  jen.Qual(pkgPaginator, "Start").Call(jen.Lit(op.Name), tokenField),
		})),
	)
	f.Add(docf("%s returns a paginator over %s. It keeps a copy of params, so the caller's value is never changed.", pg.New, op.Name)).Func().Id(pg.New).Params(
		jen.Id("client").Id(op.APIClient), jen.Id("params").Op("*").Id(in), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id(opts)),
	).Op("*").Id(typ).Block(ctor...)

	f.Add(docf("HasMorePages reports whether NextPage has a page to fetch.")).Func().Params(jen.Id("p").Op("*").Id(typ)).Id("HasMorePages").Params().Bool().Block(
		jen.Return(jen.Id("p").Dot("tokens").Dot("HasMore").Call()),
	)

	next := []jen.Code{
		jen.If(jen.Op("!").Id("p").Dot("HasMorePages").Call()).Block(jen.Return(jen.Nil(), jen.Qual(pkgPaginator, "ErrNoMorePages"))),
		jen.Id("params").Op(":=").Id("p").Dot("params"),
		jen.Id("params").Dot(pg.InputToken.GoName).Op("=").Id("p").Dot("tokens").Dot("Next").Call(),
	}
	if ps := pg.PageSize; ps != nil {
		limit := jen.Id("p").Dot("options").Dot("Limit")
		var set jen.Code
		switch {
		case ps.Type.Pointer && ps.Type.Kind == ir.Int:
			set = jen.Id("params").Dot(ps.GoName).Op("=").Qual(pkgAWS, "Int32").Call(limit)
		case ps.Type.Pointer:
			fn := map[ir.Kind]string{ir.Byte: "Int8", ir.Short: "Int16", ir.Long: "Int64"}[ps.Type.Kind]
			set = jen.Id("params").Dot(ps.GoName).Op("=").Qual(pkgAWS, fn).Call(baseType(ps.Type).Call(limit))
		default:
			set = jen.Id("params").Dot(ps.GoName).Op("=").Add(baseType(ps.Type)).Call(limit)
		}
		if ps.Type.Pointer {
			next = append(next, jen.Id("params").Dot(ps.GoName).Op("=").Nil())
		}
		next = append(next, jen.If(limit.Clone().Op(">").Lit(0)).Block(set))
	}
	next = append(next,
		jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("p").Dot("client").Dot(op.Name).Call(jen.Id("ctx"), jen.Op("&").Id("params"), jen.Id("optFns").Op("...")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.If(jen.Err().Op(":=").Id("p").Dot("tokens").Dot("Advance").Call(outputToken(pg), jen.Id("p").Dot("options").Dot("StopOnDuplicateToken")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Err()),
		),
		jen.Return(jen.Id("out"), jen.Nil()),
	)
	f.Add(docf("NextPage fetches the next page. After the last page it returns paginator.ErrNoMorePages.")).Func().Params(jen.Id("p").Op("*").Id(typ)).Id("NextPage").Params(
		jen.Id("ctx").Qual("context", "Context"), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Id("Options")),
	).Params(jen.Op("*").Id(out), jen.Error()).Block(next...)

	f.Add(docf("Pages iterates over the remaining pages. Iteration stops after an error, which is yielded; breaking out of the loop makes no further request.")).Func().Params(jen.Id("p").Op("*").Id(typ)).Id("Pages").Params(jen.Id("ctx").Qual("context", "Context")).
		Qual("iter", "Seq2").Types(jen.Op("*").Id(out), jen.Error()).Block(
		jen.Return(jen.Qual(pkgPaginator, "Pages").Call(jen.Id("ctx"), jen.Id("p").Dot("HasMorePages"), jen.Func().Params(jen.Id("ctx").Qual("context", "Context")).Params(jen.Op("*").Id(out), jen.Error()).Block(
			jen.Return(jen.Id("p").Dot("NextPage").Call(jen.Id("ctx"))),
		))),
	)

	if !hasItems(pg) {
		return
	}
	item := goType(pg.ItemType)
	f.Add(docf("Items iterates over the %s of the remaining pages, fetching pages as the loop needs them. An error is yielded with a zero item and ends the iteration.", pg.Items[0].Name)).Func().Params(jen.Id("p").Op("*").Id(typ)).Id("Items").Params(jen.Id("ctx").Qual("context", "Context")).
		Qual("iter", "Seq2").Types(item, jen.Error()).Block(
		jen.Return(jen.Qual(pkgPaginator, "Items").Call(jen.Id("p").Dot("Pages").Call(jen.Id("ctx")), jen.Func().Params(jen.Id("out").Op("*").Id(out)).Add(goType(pg.Items[0].Type)).Block(
			jen.Return(jen.Id("out").Dot(pg.Items[0].GoName)),
		))),
	)
}

// hasItems reports whether the paginator gets an Items iterator: its items
// are a list that is a member of the output itself.
func hasItems(pg *ir.Paginator) bool { return pg.ItemType != nil && len(pg.Items) == 1 }

// outputToken reads the token from out, following a nested path with nil
// checks when the token is not a top-level member.
func outputToken(pg *ir.Paginator) jen.Code {
	path := pg.OutputToken
	if len(path) == 1 {
		return jen.Id("out").Dot(path[0].GoName)
	}
	sel := jen.Id("out")
	var guard *jen.Statement
	for _, m := range path[:len(path)-1] {
		sel = jen.Add(sel).Dot(m.GoName)
		if guard == nil {
			guard = jen.Add(sel).Op("==").Nil()
		} else {
			guard = guard.Op("||").Add(sel).Op("==").Nil()
		}
	}
	return jen.Func().Params().Op("*").String().Block(
		jen.If(guard).Block(jen.Return(jen.Nil())),
		jen.Return(jen.Add(sel).Dot(path[len(path)-1].GoName)),
	).Call()
}
