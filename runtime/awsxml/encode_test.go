package awsxml

import (
	"math"
	"math/big"
	"testing"
	"time"
)

func TestEncoder(t *testing.T) {
	e := NewEncoder()
	defer e.Release()
	ts := time.Date(2014, 4, 29, 18, 30, 38, 123e6, time.UTC)
	e.Start("CreateThing")
	e.Namespace("", "https://example.com/")
	e.Namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")
	e.Attr("xsi:type", `a"b<&>`+"\t\n\r")
	e.Start("name")
	e.String("x < y & z > w \"q\" 'a'\r\n")
	e.End()
	e.Start("empty")
	e.End()
	e.Start("n")
	e.Int64(-5)
	e.End()
	e.Start("b")
	e.Bool(true)
	e.End()
	e.Start("f")
	e.Float64(math.Inf(-1))
	e.End()
	e.Start("f32")
	e.Float32(0.1)
	e.End()
	e.Start("blob")
	e.Blob([]byte("value"))
	e.End()
	e.Start("dt")
	e.TimestampDateTime(ts)
	e.End()
	e.Start("hd")
	e.TimestampHTTPDate(ts)
	e.End()
	e.Start("ep")
	e.TimestampEpochSeconds(ts)
	e.End()
	e.Start("bi")
	e.BigInt(big.NewInt(-7))
	e.End()
	e.Start("bd")
	e.BigFloat(big.NewFloat(2.5))
	e.End()
	e.End()
	if err := e.Err(); err != nil {
		t.Fatal(err)
	}
	want := `<CreateThing xmlns="https://example.com/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="a&quot;b&lt;&amp;&gt;&#x9;&#xA;&#xD;">` +
		`<name>x &lt; y &amp; z &gt; w "q" 'a'&#xD;` + "\n" + `</name><empty></empty><n>-5</n><b>true</b><f>-Infinity</f><f32>0.1</f32>` +
		`<blob>dmFsdWU=</blob><dt>2014-04-29T18:30:38.123Z</dt><hd>Tue, 29 Apr 2014 18:30:38 GMT</hd><ep>1398796238.123</ep>` +
		`<bi>-7</bi><bd>2.5</bd></CreateThing>`
	if got := string(e.Bytes()); got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}

	// The decoder reads back exactly what was written.
	var d Decoder
	d.Reset(e.Bytes())
	d.Next()
	if v, _ := d.Attr("type"); v != `a"b<&>`+"\t\n\r" {
		t.Errorf("attribute read back as %q", v)
	}
	d.Next()
	if s := d.String(); s != "x < y & z > w \"q\" 'a'\r\n" {
		t.Errorf("text read back as %q", s)
	}
	d.Skip()
	d.End()
	if d.Err() != nil {
		t.Fatal(d.Err())
	}
}

func TestEncoderMisuse(t *testing.T) {
	for name, f := range map[string]func(e *Encoder){
		"unclosed":       func(e *Encoder) { e.Start("a") },
		"extra End":      func(e *Encoder) { e.End() },
		"late attribute": func(e *Encoder) { e.Start("a"); e.String("x"); e.Attr("k", "v"); e.End() },
		"NUL":            func(e *Encoder) { e.Start("a"); e.String("x\x00"); e.End() },
		"invalid UTF-8":  func(e *Encoder) { e.Start("a"); e.String("\xff"); e.End() },
	} {
		e := NewEncoder()
		f(e)
		if e.Err() == nil {
			t.Errorf("%s: no error", name)
		}
		e.Release()
	}
}

// TestEncoderAllocs: a pooled encoder writes a body without allocating.
func TestEncoderAllocs(t *testing.T) {
	ts := time.Unix(1398796238, 0)
	n := testing.AllocsPerRun(100, func() {
		e := NewEncoder()
		e.Start("Req")
		e.Namespace("", "https://example.com/")
		e.Namespace("p", "urn:p")
		for i := 0; i < 10; i++ {
			e.Start("member")
			e.String("some & value")
			e.End()
		}
		e.Start("t")
		e.TimestampDateTime(ts)
		e.End()
		e.End()
		e.Release()
	})
	if n != 0 {
		t.Fatalf("%v allocations, want 0", n)
	}
}

// FuzzXMLDecoder feeds arbitrary bytes through the reading paths generated
// code uses; it must never panic, loop or accept a document that
// encoding/xml-style well-formedness rules reject in the ways checked here
// (unbalanced tags), and an encoder round trip of decoded text must read
// back the same.
func FuzzXMLDecoder(f *testing.F) {
	for _, s := range []string{
		`<a><b>x</b><c k="v"/></a>`,
		`<?xml version="1.0"?><r><n>12</n><f>NaN</f><t>2014-04-29T18:30:38Z</t></r>`,
		`<a>&amp;&#x1F600;<![CDATA[<x>]]><!--c--></a>`,
		`<ErrorResponse><Error><Code>C</Code></Error><RequestId>r</RequestId></ErrorResponse>`,
		`<Response><Errors><Error><Code>C</Code></Error></Errors><RequestID>r</RequestID></Response>`,
		`<!DOCTYPE a><a/>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var d Decoder
		d.Reset(data)
		var texts []string
		var walk func(depth int)
		walk = func(depth int) {
			for d.Next() {
				n := d.Name()
				if len(n) == 0 {
					n = []byte{0}
				}
				switch n[len(n)-1] % 4 {
				case 0:
					walk(depth + 1)
				case 1:
					texts = append(texts, d.String())
				case 2:
					d.Int64()
					d.Fail(nil)
				default:
					d.Attr("k")
					d.Skip()
				}
			}
		}
		if d.Next() {
			walk(1)
		}
		d.End()
		if d.Err() == nil && d.Depth() != 0 {
			t.Fatalf("accepted with %d open elements", d.Depth())
		}
		DecodeErrorInfo(nil, data)
		var d2 Decoder
		d2.Reset(data)
		d2.QueryResponse("Op", func(d *Decoder) { d.Skip() })
		d2.Reset(data)
		d2.EC2Response("Op", func(d *Decoder) { d.Skip() })

		for _, s := range texts {
			e := NewEncoder()
			e.Start("x")
			e.String(s)
			e.End()
			if e.Err() != nil {
				t.Fatalf("decoded text %q cannot be encoded: %v", s, e.Err())
			}
			var r Decoder
			r.Reset(e.Bytes())
			r.Next()
			if got := r.String(); got != s || r.Err() != nil {
				t.Fatalf("round trip of %q: %q, %v", s, got, r.Err())
			}
			e.Release()
		}
	})
}
