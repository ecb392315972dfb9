package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/eucsdk/eucsdk/codegen/ir"
)

// Types writes types/types.go: the structures and unions of the service.
func Types(svc *ir.Service, fs *Files) error {
	hasUnion := false
	for _, s := range svc.Types {
		if (s.Kind == ir.Struct && s.Error == nil) || s.Kind == ir.Union {
			fs.types(svc, "types.go")
		}
	}
	if len(svc.Types) == 0 {
		return nil
	}
	f, ok := fs.files["types/types.go"]
	if !ok {
		return nil
	}
	for _, s := range svc.Types {
		switch {
		case s.Kind == ir.Struct && s.Error == nil:
			f.Add(structDecl(s, nil))
		case s.Kind == ir.Union:
			hasUnion = true
			unionDecl(f, s)
		}
	}
	if hasUnion {
		f.Comment(slashes("UnknownUnionMember is returned when a union member is returned over\nthe wire, but has an unknown tag."))
		f.Type().Id("UnknownUnionMember").Struct(
			jen.Id("Tag").String(),
			jen.Id("Value").Index().Byte(),
		)
	}
	return nil
}

// structDecl declares a structure; extra fields (ResultMetadata) follow the members.
func structDecl(s *ir.Shape, extra []jen.Code) *jen.Statement {
	var fields []jen.Code
	for i, m := range s.Members {
		if i > 0 {
			fields = append(fields, jen.Line())
		}
		fields = append(fields, memberComment(m).Id(m.GoName).Add(goType(m.Type)))
	}
	if len(extra) > 0 && len(fields) > 0 {
		fields = append(fields, jen.Line())
	}
	fields = append(fields, extra...)
	st := comment(typeDoc(s)).Type().Id(s.GoName).Struct(fields...)
	if hasSensitive(s) {
		st.Line().Line().Add(stringers(s))
	}
	return st
}

func typeDoc(s *ir.Shape) string {
	d := s.Doc
	if s.Deprecated != "" {
		d = docWith(d, "Deprecated: "+s.Deprecated)
	}
	return d
}

func memberComment(m *ir.Member) *jen.Statement {
	d := m.Doc
	if m.Constraints != "" {
		d = docWith(d, m.Constraints)
	}
	if m.Required {
		d = docWith(d, "This member is required.")
	}
	if m.Sensitive {
		d = docWith(d, "This member is sensitive: it is redacted when the structure is printed.")
	}
	if m.Deprecated != "" {
		d = docWith(d, "Deprecated: "+m.Deprecated)
	}
	return comment(d)
}

func hasSensitive(s *ir.Shape) bool {
	for _, m := range s.Members {
		if m.Sensitive {
			return true
		}
	}
	return false
}

// stringers keeps sensitive member values out of fmt output and logs.
func stringers(s *ir.Shape) *jen.Statement {
	var names []jen.Code
	for _, m := range s.Members {
		if m.Sensitive {
			names = append(names, jen.Lit(m.GoName))
		}
	}
	args := append([]jen.Code{jen.Id("v")}, names...)
	return jen.Comment(slashes("String prints the structure with its sensitive members redacted.")).Line().
		Func().Params(jen.Id("v").Id(s.GoName)).Id("String").Params().String().Block(
		jen.Return(jen.Qual(pkgRedact, "Struct").Call(args...)),
	).Line().Line().
		Comment("GoString keeps %#v as safe as %v.").Line().
		Func().Params(jen.Id("v").Id(s.GoName)).Id("GoString").Params().String().Block(
		jen.Return(jen.Id("v").Dot("String").Call()),
	)
}

func unionDecl(f *jen.File, s *ir.Shape) {
	marker := s.UnionMarker
	doc := docWith(typeDoc(s), "The following types satisfy this interface:\n\n"+unionList(s))
	f.Add(comment(doc)).Type().Id(s.GoName).Interface(jen.Id(marker).Params())
	for _, m := range s.Members {
		d := docWith(m.Doc)
		if m.Deprecated != "" {
			d = docWith(d, "Deprecated: "+m.Deprecated)
		}
		f.Add(comment(d)).Type().Id(m.UnionType).Struct(jen.Id("Value").Add(goType(m.Type)))
		f.Func().Params(jen.Op("*").Id(m.UnionType)).Id(marker).Params().Block()
	}
	f.Func().Params(jen.Op("*").Id("UnknownUnionMember")).Id(marker).Params().Block()
}

func unionList(s *ir.Shape) string {
	out := ""
	for i, m := range s.Members {
		if i > 0 {
			out += "\n"
		}
		out += "  - " + m.UnionType
	}
	return out
}

// Enums writes types/enums.go.
func Enums(svc *ir.Service, fs *Files) error {
	for _, s := range svc.Types {
		if s.Kind != ir.Enum && s.Kind != ir.IntEnum {
			continue
		}
		f := fs.types(svc, "enums.go")
		switch s.Kind {
		case ir.Enum:
			f.Add(comment(typeDoc(s))).Type().Id(s.GoName).String()
			var consts, values []jen.Code
			for _, v := range s.Values {
				consts = append(consts, comment(v.Doc).Id(v.GoName).Id(s.GoName).Op("=").Lit(v.Value))
				values = append(values, jen.Lit(v.Value))
			}
			f.Comment(slashes("Enum values for " + s.GoName))
			f.Const().Defs(consts...)
			f.Comment(slashes("Values returns all known values for " + s.GoName + ". The service may\nreturn values this client does not know yet."))
			f.Func().Params(jen.Id(s.GoName)).Id("Values").Params().Index().Id(s.GoName).Block(
				jen.Return(jen.Index().Id(s.GoName).Values(values...)),
			)
		case ir.IntEnum:
			f.Add(comment(typeDoc(s))).Type().Id(s.GoName).Int32()
			var consts, values []jen.Code
			for _, v := range s.Values {
				consts = append(consts, comment(v.Doc).Id(v.GoName).Id(s.GoName).Op("=").Lit(int(v.IntValue)))
				values = append(values, jen.Lit(int(v.IntValue)))
			}
			f.Comment(slashes("Enum values for " + s.GoName))
			f.Const().Defs(consts...)
			f.Comment(slashes("Values returns all known values for " + s.GoName + "."))
			f.Func().Params(jen.Id(s.GoName)).Id("Values").Params().Index().Id(s.GoName).Block(
				jen.Return(jen.Index().Id(s.GoName).Values(values...)),
			)
		}
	}
	return nil
}

// Errors writes types/errors.go: one type per modeled error, implementing smithy.APIError.
func Errors(svc *ir.Service, fs *Files) error {
	for _, s := range svc.Errors() {
		f := fs.types(svc, "errors.go")
		extra := []jen.Code{jen.Comment(slashes("ErrorCodeOverride is the code the service sent when it differs from the modeled one.")).Line().Id("ErrorCodeOverride").Op("*").String()}
		f.Add(structDecl(s, extra))
		recv := jen.Id("e").Op("*").Id(s.GoName)
		hasMessage := false
		for _, m := range s.Members {
			if m.GoName == "Message" && m.Type.Kind == ir.String && m.Type.Pointer {
				hasMessage = true
			}
		}
		f.Func().Params(recv.Clone()).Id("Error").Params().String().Block(
			jen.Return(jen.Qual("fmt", "Sprintf").Call(jen.Lit("%s: %s"), jen.Id("e").Dot("ErrorCode").Call(), jen.Id("e").Dot("ErrorMessage").Call())),
		)
		msg := jen.Return(jen.Lit(""))
		if hasMessage {
			msg = jen.If(jen.Id("e").Dot("Message").Op("==").Nil()).Block(jen.Return(jen.Lit(""))).Line().Return(jen.Op("*").Id("e").Dot("Message"))
		}
		f.Comment(slashes("ErrorMessage returns the message the service sent."))
		f.Func().Params(recv.Clone()).Id("ErrorMessage").Params().String().Block(msg)
		f.Comment(slashes("ErrorCode returns the error code, " + s.Error.Code + " unless the service sent another."))
		f.Func().Params(recv.Clone()).Id("ErrorCode").Params().String().Block(
			jen.If(jen.Id("e").Op("==").Nil().Op("||").Id("e").Dot("ErrorCodeOverride").Op("==").Nil()).Block(jen.Return(jen.Lit(s.Error.Code))),
			jen.Return(jen.Op("*").Id("e").Dot("ErrorCodeOverride")),
		)
		fault := "FaultClient"
		if s.Error.Fault == "server" {
			fault = "FaultServer"
		}
		f.Comment(slashes("ErrorFault says whether the client or the service is at fault."))
		f.Func().Params(recv.Clone()).Id("ErrorFault").Params().Qual(pkgSmithy, "ErrorFault").Block(jen.Return(jen.Qual(pkgSmithy, fault)))
		if s.Error.Retryable {
			f.Comment(slashes("RetryableError marks the error retryable, as the model's retryable trait says."))
			f.Func().Params(recv.Clone()).Id("RetryableError").Params().Bool().Block(jen.Return(jen.True()))
			if s.Error.Throttling {
				f.Comment(slashes("IsErrorThrottle marks the error as throttling, as the model's retryable trait says."))
				f.Func().Params(recv.Clone()).Id("IsErrorThrottle").Params().Bool().Block(jen.Return(jen.True()))
			}
		}
	}
	return nil
}
