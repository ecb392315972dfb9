package emit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/eucsdk/eucsdk/codegen/ir"
)

// structLiteral builds a Go expression for a structure value described by a
// Smithy node value (protocol test params), typed by the IR.
func structLiteral(s *ir.Shape, raw json.RawMessage, pointer bool) (jen.Code, error) {
	var v any
	if len(raw) > 0 {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
	}
	obj, _ := v.(map[string]any)
	return structValue(s, obj, pointer)
}

func structValue(s *ir.Shape, obj map[string]any, pointer bool) (jen.Code, error) {
	d := jen.Dict{}
	for _, m := range s.Members {
		val, ok := obj[m.Name]
		if !ok {
			continue
		}
		c, err := memberLiteral(m, m.Type, val)
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", s.GoName, m.Name, err)
		}
		if c != nil {
			d[jen.Id(m.GoName)] = c
		}
	}
	lit := jen.Qual(s.Package, s.GoName).Values(d)
	if pointer {
		return jen.Op("&").Add(lit), nil
	}
	return lit, nil
}

// memberLiteral returns nil for a JSON null of a member that holds no pointer.
func memberLiteral(m *ir.Member, t *ir.Type, v any) (jen.Code, error) {
	if v == nil {
		return jen.Nil(), nil
	}
	switch t.Kind {
	case ir.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("want object, got %T", v)
		}
		return structValue(t.Shape, obj, t.Pointer)
	case ir.Union:
		obj, ok := v.(map[string]any)
		if !ok || len(obj) != 1 {
			return nil, fmt.Errorf("union value must have one member")
		}
		for _, um := range t.Shape.Members {
			if uv, ok := obj[um.Name]; ok {
				c, err := memberLiteral(um, um.Type, uv)
				if err != nil {
					return nil, err
				}
				return jen.Op("&").Qual(t.Shape.Package, um.UnionType).Values(jen.Dict{jen.Id("Value"): c}), nil
			}
		}
		return nil, fmt.Errorf("unknown union member in %v", obj)
	case ir.List:
		arr, ok := v.([]any)
		if !ok {
			return nil, fmt.Errorf("want array, got %T", v)
		}
		var elems []jen.Code
		for _, e := range arr {
			c, err := memberLiteral(t.Shape.Elem, t.Shape.Elem.Type, e)
			if err != nil {
				return nil, err
			}
			elems = append(elems, c)
		}
		return goType(t).Values(elems...), nil
	case ir.Map:
		obj, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("want object, got %T", v)
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		d := jen.Dict{}
		for _, k := range keys {
			c, err := memberLiteral(t.Shape.Value, t.Shape.Value.Type, obj[k])
			if err != nil {
				return nil, err
			}
			d[jen.Lit(k)] = c
		}
		return goType(t).Values(d), nil
	case ir.Document:
		return jen.Qual(pkgDocument, "NewLazyDocument").Call(anyLiteral(v)), nil
	}
	base, err := scalarLiteral(t, v)
	if err != nil {
		return nil, err
	}
	if t.Pointer && t.Kind != ir.BigInt && t.Kind != ir.BigDecimal {
		return ptrTo(t, base), nil
	}
	return base, nil
}

func ptrTo(t *ir.Type, base jen.Code) jen.Code {
	helper := map[ir.Kind]string{ir.String: "String", ir.Bool: "Bool", ir.Byte: "Int8", ir.Short: "Int16", ir.Int: "Int32",
		ir.Long: "Int64", ir.Float: "Float32", ir.Double: "Float64", ir.Timestamp: "Time"}
	if h, ok := helper[t.Kind]; ok {
		return jen.Qual(pkgAWS, h).Call(base)
	}
	return jen.Func().Params().Op("*").Add(baseType(t)).Block(jen.Id("x").Op(":=").Add(base), jen.Return(jen.Op("&").Id("x"))).Call()
}

func scalarLiteral(t *ir.Type, v any) (jen.Code, error) {
	switch t.Kind {
	case ir.String:
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("want string, got %T", v)
		}
		return jen.Lit(s), nil
	case ir.Enum:
		s, _ := v.(string)
		return jen.Qual(t.Shape.Package, t.Shape.GoName).Call(jen.Lit(s)), nil
	case ir.IntEnum:
		n, _ := v.(json.Number)
		i, _ := n.Int64()
		return jen.Qual(t.Shape.Package, t.Shape.GoName).Call(jen.Lit(int(i))), nil
	case ir.Bool:
		b, ok := v.(bool)
		if !ok {
			return nil, fmt.Errorf("want bool, got %T", v)
		}
		return jen.Lit(b), nil
	case ir.Byte, ir.Short, ir.Int, ir.Long:
		n, ok := v.(json.Number)
		if !ok {
			return nil, fmt.Errorf("want number, got %T", v)
		}
		i, err := n.Int64()
		if err != nil {
			return nil, err
		}
		return baseType(t).Call(jen.Lit(int(i))), nil
	case ir.Float, ir.Double:
		var f jen.Code
		switch x := v.(type) {
		case json.Number:
			fv, err := x.Float64()
			if err != nil {
				return nil, err
			}
			f = jen.Lit(fv)
		case string:
			switch x {
			case "NaN":
				f = jen.Qual("math", "NaN").Call()
			case "Infinity":
				f = jen.Qual("math", "Inf").Call(jen.Lit(1))
			case "-Infinity":
				f = jen.Qual("math", "Inf").Call(jen.Lit(-1))
			default:
				return nil, fmt.Errorf("bad float %q", x)
			}
		default:
			return nil, fmt.Errorf("want number, got %T", v)
		}
		return baseType(t).Call(f), nil
	case ir.BigInt:
		n, _ := v.(json.Number)
		return jen.Func().Params().Op("*").Qual("math/big", "Int").Block(
			jen.List(jen.Id("x"), jen.Id("_")).Op(":=").New(jen.Qual("math/big", "Int")).Dot("SetString").Call(jen.Lit(n.String()), jen.Lit(10)),
			jen.Return(jen.Id("x")),
		).Call(), nil
	case ir.BigDecimal:
		n, _ := v.(json.Number)
		return jen.Func().Params().Op("*").Qual("math/big", "Float").Block(
			jen.List(jen.Id("x"), jen.Id("_")).Op(":=").New(jen.Qual("math/big", "Float")).Dot("SetString").Call(jen.Lit(n.String())),
			jen.Return(jen.Id("x")),
		).Call(), nil
	case ir.Timestamp:
		n, ok := v.(json.Number)
		if !ok {
			return nil, fmt.Errorf("want epoch seconds, got %T", v)
		}
		f, err := n.Float64()
		if err != nil {
			return nil, err
		}
		sec, frac := math.Modf(f)
		return jen.Qual("time", "Unix").Call(jen.Lit(int(sec)), jen.Lit(int(math.Round(frac*1e3))*1e6)).Dot("UTC").Call(), nil
	case ir.Blob:
		s, _ := v.(string)
		switch t.Stream {
		case ir.StreamIn:
			return jen.Qual("strings", "NewReader").Call(jen.Lit(s)), nil
		case ir.StreamOut:
			return jen.Qual("io", "NopCloser").Call(jen.Qual("strings", "NewReader").Call(jen.Lit(s))), nil
		}
		return jen.Index().Byte().Call(jen.Lit(s)), nil
	}
	return nil, fmt.Errorf("no literal for kind %d", t.Kind)
}

// anyLiteral writes an untyped JSON value as Go: nil, bool, string, float64,
// []any, map[string]any.
func anyLiteral(v any) jen.Code {
	switch x := v.(type) {
	case nil:
		return jen.Nil()
	case bool:
		return jen.Lit(x)
	case string:
		return jen.Lit(x)
	case json.Number:
		f, _ := strconv.ParseFloat(x.String(), 64)
		return jen.Lit(f)
	case []any:
		var elems []jen.Code
		for _, e := range x {
			elems = append(elems, anyLiteral(e))
		}
		return jen.Index().Any().Values(elems...)
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		d := jen.Dict{}
		for _, k := range keys {
			d[jen.Lit(k)] = anyLiteral(x[k])
		}
		return jen.Map(jen.String()).Any().Values(d)
	}
	return jen.Nil()
}

// structLiteralMember builds the Go value of a member from a node value.
func structLiteralMember(m *ir.Member, raw json.RawMessage) (jen.Code, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return memberLiteral(m, m.Type, v)
}
