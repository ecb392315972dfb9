package awsxml

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

// tree renders what the Decoder sees as a compact string: name{children}
// for elements with children, name=text for leaves, so tests can state
// whole documents.
func tree(d *Decoder) string {
	var b strings.Builder
	var walk func()
	walk = func() {
		// Peek: an element whose content is text is read with String; one
		// with children recurses. The Decoder cannot know which the model
		// wants, so the test decides by looking at the input.
		for d.Next() {
			b.WriteString(string(d.Name()))
			if hasChild(d) {
				b.WriteByte('{')
				walk()
				b.WriteByte('}')
			} else {
				b.WriteString("=" + d.String())
			}
			b.WriteByte(';')
		}
	}
	walk()
	return b.String()
}

// hasChild reports whether the element just entered has an element child,
// by scanning ahead of the decoder without moving it.
func hasChild(d *Decoder) bool {
	if d.empty {
		return false
	}
	rest := d.data[d.pos:]
	for {
		i := strings.IndexByte(string(rest), '<')
		if i < 0 || i+1 >= len(rest) {
			return false
		}
		switch rest[i+1] {
		case '/':
			return false
		case '!', '?':
			if strings.HasPrefix(string(rest[i:]), "<!--") {
				end := strings.Index(string(rest[i:]), "-->")
				if end < 0 {
					return false
				}
				rest = rest[i+end+3:]
				continue
			}
			if strings.HasPrefix(string(rest[i:]), "<![CDATA[") {
				end := strings.Index(string(rest[i:]), "]]>")
				if end < 0 {
					return false
				}
				rest = rest[i+end+3:]
				continue
			}
			end := strings.Index(string(rest[i:]), "?>")
			if end < 0 {
				return false
			}
			rest = rest[i+end+2:]
			continue
		}
		return true
	}
}

func decodeTree(in string) (string, error) {
	var d Decoder
	d.Reset([]byte(in))
	if !d.Next() {
		return "", d.Err()
	}
	out := string(d.Name()) + "{" + tree(&d) + "}"
	d.End()
	return out, d.Err()
}

func TestDocuments(t *testing.T) {
	cases := []struct{ in, want string }{
		{`<a/>`, `a{}`},
		{"\xEF\xBB\xBF<a><b>bom</b></a>", `a{b=bom;}`},
		{`<?xml version="1.0" encoding="UTF-8"?>` + "\n<!-- hi -->\n<a><b>x</b></a>\n<!-- bye -->\n", `a{b=x;}`},
		{`<p:a xmlns:p="urn:x"><p:b>1</p:b><c/><d></d></p:a>`, `a{b=1;c=;d=;}`},
		{`<a><b>&amp;&lt;&gt;&quot;&apos;&#65;&#x1F600;</b></a>`, `a{b=&<>"'A😀;}`},
		{`<a><b><![CDATA[<not a tag> & ]]]]><![CDATA[>]]></b></a>`, `a{b=<not a tag> & ]]>;}`},
		{`<a><b>x<!-- c -->y<?pi z?>z</b></a>`, `a{b=xyz;}`},
		{"<a><b>line1\r\nline2\rline3</b></a>", "a{b=line1\nline2\nline3;}"},
		{`<a><b>ünï ]x</b></a>`, `a{b=ünï ]x;}`},
		{`<a >stray text<b >1</b ><c><d>2</d></c></a >`, `a{b=1;c{d=2;};}`},
		{`<a><b></b><b>  </b></a>`, `a{b=;b=  ;}`},
	}
	for _, c := range cases {
		got, err := decodeTree(c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

func TestAttributes(t *testing.T) {
	in := `<a xmlns="urn:default" xmlns:xsi="urn:xsi" xsi:type="CanonicalUser" plain='single &amp; "q"' ws="a&#10;b	c
d"><b id="7"/></a>`
	var d Decoder
	d.Reset([]byte(in))
	if !d.Next() {
		t.Fatal(d.Err())
	}
	for _, c := range []struct{ name, want string }{
		{"xmlns", "urn:default"},
		{"xmlns:xsi", "urn:xsi"},
		{"type", "CanonicalUser"},
		{"plain", `single & "q"`},
		{"ws", "a\nb c d"},
	} {
		if got, ok := d.Attr(c.name); !ok || got != c.want {
			t.Errorf("Attr(%s) = %q, %v; want %q", c.name, got, ok, c.want)
		}
	}
	if _, ok := d.Attr("missing"); ok {
		t.Error("Attr(missing) found")
	}
	if !d.Next() || string(d.Name()) != "b" {
		t.Fatal("no <b>", d.Err())
	}
	if v, _ := d.Attr("id"); v != "7" {
		t.Errorf("id = %q", v)
	}
	if d.String() != "" || d.Next() {
		t.Error("b not empty or a not closed")
	}
	d.End()
	if d.Err() != nil {
		t.Fatal(d.Err())
	}
}

func TestSkip(t *testing.T) {
	in := `<r><unknown a="1"><x><y>deep</y><z/></x>text<![CDATA[c]]></unknown><empty/><known>v</known></r>`
	var d Decoder
	d.Reset([]byte(in))
	d.Next()
	var got []string
	for d.Next() {
		if string(d.Name()) == "known" {
			got = append(got, d.String())
		} else {
			d.Skip()
		}
	}
	d.End()
	if d.Err() != nil || len(got) != 1 || got[0] != "v" {
		t.Fatalf("got %q, err %v", got, d.Err())
	}
}

// TestScalars reads every typed reader from element text.
func TestScalars(t *testing.T) {
	in := `<r>
	<b> true </b><i8>-128</i8><i16>32767</i16><i32>-2147483648</i32><i64>9223372036854775807</i64>
	<f32>0.1</f32><f64>-1.5e300</f64><nan>NaN</nan><inf>Infinity</inf><ninf>-Infinity</ninf>
	<blob>dmFs
	dWU=</blob><eblob/><dt>2014-04-29T18:30:38.123Z</dt><dto>2014-04-29T20:30:38+02:00</dto>
	<hd>Tue, 29 Apr 2014 18:30:38 GMT</hd><ep>1398796238.5</ep>
	<bi>-123456789012345678901234567890</bi><bd>1.00000000000000000001</bd>
	<s> keep  spaces </s></r>`
	var d Decoder
	d.Reset([]byte(in))
	d.Next()
	next := func(name string) {
		t.Helper()
		if !d.Next() || string(d.Name()) != name {
			t.Fatalf("expected <%s>: %v", name, d.Err())
		}
	}
	check := func(got, want any) {
		t.Helper()
		if got != want {
			t.Errorf("got %v, want %v", got, want)
		}
	}
	next("b")
	check(d.Bool(), true)
	next("i8")
	check(d.Int8(), int8(-128))
	next("i16")
	check(d.Int16(), int16(32767))
	next("i32")
	check(d.Int32(), int32(-2147483648))
	next("i64")
	check(d.Int64(), int64(math.MaxInt64))
	next("f32")
	check(d.Float32(), float32(0.1))
	next("f64")
	check(d.Float64(), -1.5e300)
	next("nan")
	if f := d.Float64(); !math.IsNaN(f) {
		t.Errorf("NaN read as %v", f)
	}
	next("inf")
	check(d.Float32(), float32(math.Inf(1)))
	next("ninf")
	check(d.Float64(), math.Inf(-1))
	next("blob")
	check(string(d.Blob()), "value")
	next("eblob")
	if b := d.Blob(); b == nil || len(b) != 0 {
		t.Errorf("empty blob = %#v, want empty non-nil", b)
	}
	want := time.Date(2014, 4, 29, 18, 30, 38, 123e6, time.UTC)
	next("dt")
	check(d.TimestampDateTime(), want)
	next("dto")
	check(d.TimestampDateTime(), want.Truncate(time.Second))
	next("hd")
	check(d.TimestampHTTPDate(), want.Truncate(time.Second))
	next("ep")
	check(d.TimestampEpochSeconds(), want.Truncate(time.Second).Add(500*time.Millisecond))
	next("bi")
	check(d.BigInt().String(), "-123456789012345678901234567890")
	next("bd")
	check(d.BigFloat().Text('f', 20), "1.00000000000000000001")
	next("s")
	check(d.String(), " keep  spaces ")
	if d.Next() {
		t.Fatal("extra element")
	}
	d.End()
	if d.Err() != nil {
		t.Fatal(d.Err())
	}
}

func TestScalarErrors(t *testing.T) {
	cases := []struct {
		in   string
		read func(d *Decoder)
		want error
		msg  string
	}{
		{`<v>128</v>`, func(d *Decoder) { d.Int8() }, ErrRange, "<v>: 128 out of range [-128, 127]"},
		{`<p:MaxSessionDuration>` + strings.Repeat("x", 200) + `</p:MaxSessionDuration>`, func(d *Decoder) { d.Int32() }, ErrType,
			`<p:MaxSessionDuration>: expected an integer, found "` + strings.Repeat("x", 64) + `"`},
		{`<v>9223372036854775808</v>`, func(d *Decoder) { d.Int64() }, ErrRange, "overflows"},
		{`<v>1.0</v>`, func(d *Decoder) { d.Int32() }, ErrType, "integer"},
		{`<v>-</v>`, func(d *Decoder) { d.Int32() }, ErrType, "integer"},
		{`<v>yes</v>`, func(d *Decoder) { d.Bool() }, ErrType, "true or false"},
		{`<v>inf</v>`, func(d *Decoder) { d.Float64() }, ErrType, "number"},
		{`<v>0x1p3</v>`, func(d *Decoder) { d.Float64() }, ErrType, "number"},
		{`<v>1e999</v>`, func(d *Decoder) { d.Float64() }, ErrRange, "overflows"},
		{`<v>1e39</v>`, func(d *Decoder) { d.Float32() }, ErrRange, "float32"},
		{`<v>!!</v>`, func(d *Decoder) { d.Blob() }, ErrType, "base64"},
		{`<v>2014-02-30T00:00:00Z</v>`, func(d *Decoder) { d.TimestampDateTime() }, ErrType, "date-time"},
		{`<v>Mon, 29 Apr 2014 18:30:38 GMT</v>`, func(d *Decoder) { d.TimestampHTTPDate() }, ErrType, "http-date"},
		{`<v>1e300</v>`, func(d *Decoder) { d.TimestampEpochSeconds() }, ErrRange, "out of range"},
		{`<v>1_000</v>`, func(d *Decoder) { d.BigInt() }, ErrType, "bigInteger"},
		{`<v>1e99999999</v>`, func(d *Decoder) { d.BigFloat() }, ErrRange, "exponent"},
		{`<v><c/></v>`, func(d *Decoder) { _ = d.String() }, ErrType, "child element"},
	}
	for _, c := range cases {
		var d Decoder
		d.Reset([]byte(c.in))
		d.Next()
		c.read(&d)
		err := d.Err()
		if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: err = %v, want %v mentioning %q", c.in, err, c.want, c.msg)
		}
	}
}

// TestMalformed: every input fails with the expected cause; none panics.
func TestMalformed(t *testing.T) {
	cases := []struct {
		in   string
		want error
	}{
		{``, ErrEOF},
		{`   `, ErrEOF},
		{`text`, ErrSyntax},
		{`<a>`, ErrEOF},
		{`<a><b>x</b>`, ErrEOF},
		{`<a></b>`, ErrSyntax},
		{`<a><b></a></b>`, ErrSyntax},
		{`<a/><b/>`, ErrSyntax},
		{`</a>`, ErrSyntax},
		{`<a x=1/>`, ErrSyntax},
		{`<a x="1"y="2"/>`, ErrSyntax},
		{`<a x="<"/>`, ErrSyntax},
		{`<a x="1`, ErrEOF},
		{`<a>&bogus;</a>`, ErrSyntax},
		{`<a>&amp</a>`, ErrSyntax},
		{`<a>&#0;</a>`, ErrSyntax},
		{`<a>&#xD800;</a>`, ErrSyntax},
		{`<a>&#x110000;</a>`, ErrSyntax},
		{`<a>&#99999999999;</a>`, ErrSyntax},
		{"<a>\x00</a>", ErrSyntax},
		{"<a>\xff</a>", ErrSyntax},
		{`<a>]]></a>`, ErrSyntax},
		{`<a><![CDATA[x</a>`, ErrEOF},
		{`<a><!-- x </a>`, ErrEOF},
		{`<?xml version="1.0"`, ErrEOF},
		{`<1a/>`, ErrSyntax},
		{`<a><!WHAT></a>`, ErrSyntax},
		{`<!DOCTYPE a []><a/>`, ErrDTD},
		{`<a/>trailing`, ErrSyntax},
	}
	for _, c := range cases {
		_, err := decodeTree(c.in)
		if !errors.Is(err, c.want) {
			t.Errorf("%q: err = %v, want %v", c.in, err, c.want)
		}
	}
}

// TestBillionLaughs: entity declarations are refused before any expansion.
func TestBillionLaughs(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">`)
	for i := 1; i < 10; i++ {
		b.WriteString(`<!ENTITY lol` + string(rune('0'+i)) + ` "` + strings.Repeat("&lol"+string(rune('0'+i-1))+";", 10) + `">`)
	}
	b.WriteString(`]><lolz>&lol9;</lolz>`)
	_, err := decodeTree(b.String())
	if !errors.Is(err, ErrDTD) {
		t.Fatalf("err = %v, want ErrDTD", err)
	}
	// Without the declaration the reference is simply undeclared.
	_, err = decodeTree(`<lolz>&lol9;</lolz>`)
	if err == nil || !strings.Contains(err.Error(), "undeclared entity &lol9;") {
		t.Fatalf("err = %v", err)
	}
}

func TestDepthBomb(t *testing.T) {
	n := 100_000
	in := strings.Repeat("<a>", n) + strings.Repeat("</a>", n)
	_, err := decodeTree(in)
	if !errors.Is(err, ErrDepth) {
		t.Fatalf("err = %v, want ErrDepth", err)
	}
	// MaxDepth itself is fine.
	in = strings.Repeat("<a>", MaxDepth) + strings.Repeat("</a>", MaxDepth)
	var d Decoder
	d.Reset([]byte(in))
	d.Next()
	d.Skip()
	d.End()
	if d.Err() != nil {
		t.Fatalf("depth %d: %v", MaxDepth, d.Err())
	}
}

func TestElementCap(t *testing.T) {
	in := "<a>" + strings.Repeat("<b/>", MaxElements) + "</a>"
	var d Decoder
	d.Reset([]byte(in))
	d.Next()
	d.Skip()
	if !errors.Is(d.Err(), ErrElements) {
		t.Fatalf("err = %v, want ErrElements", d.Err())
	}
}

// TestErrorPosition: errors carry the byte offset and line of the fault.
func TestErrorPosition(t *testing.T) {
	in := "<a>\n  <b>1</b>\n  <c>x</c>\n</a>"
	var d Decoder
	d.Reset([]byte(in))
	d.Next()
	d.Next()
	d.Int32()
	d.Next()
	d.Int32()
	var e *Error
	if !errors.As(d.Err(), &e) {
		t.Fatalf("err = %v", d.Err())
	}
	if e.Line != 3 || e.Offset != strings.Index(in, "x") {
		t.Fatalf("line %d offset %d (%v), want line 3 offset %d", e.Line, e.Offset, e, strings.Index(in, "x"))
	}
	if !strings.Contains(e.Error(), "line 3") {
		t.Fatalf("message %q lacks the line", e.Error())
	}
	// Sticky: later calls do nothing.
	if d.Next() || d.String() != "" {
		t.Fatal("decoder went on after an error")
	}
}

// TestTruncations: every prefix of a valid document fails cleanly.
func TestTruncations(t *testing.T) {
	in := `<?xml version="1.0"?><r a="1"><!--c--><s>t&amp;x<![CDATA[y]]></s><n>12</n><e/></r>`
	for i := 0; i < len(in); i++ {
		var d Decoder
		d.Reset([]byte(in[:i]))
		if d.Next() {
			for d.Next() {
				switch string(d.Name()) {
				case "n":
					d.Int64()
				default:
					_ = d.String()
				}
			}
		}
		d.End()
		if d.Err() == nil {
			t.Errorf("prefix %d %q accepted", i, in[:i])
		}
	}
}

// TestZeroCopy: with ResetString, plain text is a substring of the input.
func TestZeroCopy(t *testing.T) {
	in := `<r><a>plain</a><b>x&amp;y</b></r>`
	var d Decoder
	d.ResetString(in)
	d.Next()
	d.Next()
	var a string
	allocs := testing.AllocsPerRun(1, func() {})
	_ = allocs
	a = d.String()
	d.Next()
	b := d.String()
	if a != "plain" || b != "x&y" {
		t.Fatalf("%q %q", a, b)
	}
	n := testing.AllocsPerRun(100, func() {
		d.ResetString(in)
		d.Next()
		d.Next()
		_ = d.String()
		d.Skip()
	})
	if n != 0 {
		t.Fatalf("%v allocations reading plain text, want 0", n)
	}
}

func TestPtrArenas(t *testing.T) {
	var d Decoder
	in := "<r>" + strings.Repeat("<v>5</v>", 300) + "</r>"
	d.Reset([]byte(in))
	d.Next()
	var ps []*int32
	for d.Next() {
		ps = append(ps, d.Int32Ptr())
	}
	for i, p := range ps {
		if *p != 5 {
			t.Fatalf("pointer %d = %d", i, *p)
		}
		if i > 0 && p == ps[i-1] {
			t.Fatal("pointers shared")
		}
	}
}

// TestStringChunksSurviveReset: strings share chunks, and neither a later
// value nor a Reset may overwrite a string already returned.
func TestStringChunksSurviveReset(t *testing.T) {
	var d Decoder
	read := func(in string) []string {
		d.Reset([]byte(in))
		d.Next()
		var out []string
		for d.Next() {
			out = append(out, d.String())
		}
		d.End()
		if d.Err() != nil {
			t.Fatal(d.Err())
		}
		return out
	}
	long := strings.Repeat("L", maxChunkedString+1)
	first := read("<r><a>one</a><a>two&amp;</a><a>" + long + "</a>" + strings.Repeat("<a>0123456789</a>", 300) + "</r>")
	second := read("<r><a>XXX</a><a>YYYY</a></r>")
	if first[0] != "one" || first[1] != "two&" || first[2] != long || first[302] != "0123456789" {
		t.Fatalf("first document's strings changed: %q %q", first[0], first[1])
	}
	if second[0] != "XXX" || second[1] != "YYYY" {
		t.Fatalf("second: %q", second)
	}
}
