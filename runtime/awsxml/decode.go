package awsxml

import (
	"bytes"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"
	"unsafe"
)

// MaxDepth is the deepest element nesting the Decoder accepts. Generated
// deserializers recurse once per level, so the cap is what keeps a hostile
// or corrupt response from exhausting the stack.
const MaxDepth = 256

// MaxElements is the most elements one document may hold. It bounds what a
// hostile body can make generated code allocate: "<member/>" is nine bytes
// but becomes a whole zero structure in a list. A million is far beyond any
// paginated AWS response (IAM's largest pages hold tens of thousands).
const MaxElements = 1 << 20

// Error is the error a Decoder reports: what went wrong and where in the
// input it was noticed, as a byte offset and a 1-based line.
type Error struct {
	Offset int
	Line   int
	Err    error
}

func (e *Error) Error() string {
	return fmt.Sprintf("awsxml: line %d, offset %d: %v", e.Line, e.Offset, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Sentinel causes, for callers that want to tell them apart with errors.Is.
var (
	ErrSyntax   = errors.New("invalid XML")
	ErrType     = errors.New("unexpected XML content")
	ErrRange    = errors.New("value out of range")
	ErrDepth    = errors.New("nesting too deep")
	ErrElements = errors.New("too many elements")
	ErrEOF      = errors.New("unexpected end of input")
	ErrDTD      = errors.New("document type declarations are not accepted")
)

// span is a region of the input.
type span struct{ start, end int }

// Decoder reads an XML document from a byte slice, one element at a time, in
// the order generated code asks for it. Errors are sticky: after the first
// one every method returns a zero value (or false) without looking at the
// input, so generated code need only check Err at the end.
//
// The Decoder is always "inside" some element (or before the root at depth
// 0). Next moves to the next child element, consuming its start tag; the
// value readers (String, Int32, …) consume the text of the element Next
// entered up to and including its end tag; Skip consumes the rest of it.
//
// The zero Decoder is ready for Reset.
type Decoder struct {
	data []byte
	pos  int
	err  error
	// names holds the qualified name of every open element so that end
	// tags can be checked; len(names) is the depth.
	names []span
	// elements counts start tags (MaxElements).
	elements int
	// rootDone is set once the root element has been closed.
	rootDone bool
	// empty is set after Next entered a self-closing element: it has no
	// content and no end tag to consume.
	empty bool
	// name and attrs describe the start tag Next last consumed.
	name  span
	attrs span
	// valueElem is the element whose text readText last read, for errors.
	valueElem span
	// scratch holds text that needed decoding (entities, CDATA next to
	// other text, line-end normalization); reused between values.
	scratch []byte

	// src, when set, is data as a string (ResetString): String returns
	// substrings of it instead of copies. textStart is where the text
	// readText last returned starts in data, or -1 if it came from scratch.
	src       string
	textStart int
	// strData holds the bytes of strings String returned, in chunks that
	// are never reused (the strings point into them).
	strData []byte

	// Values the *Ptr methods return pointers to, allocated in chunks.
	strs   arena[string]
	bools  arena[bool]
	int32s arena[int32]
	int64s arena[int64]
	f64s   arena[float64]
	times  arena[time.Time]
}

// arena hands out pointers to values stored in chunks, so that decoding a
// struct's optional members costs one allocation per chunk rather than one
// per member. Chunks are never reused: the pointers belong to the caller.
type arena[T any] struct{ buf []T }

func (a *arena[T]) new(v T) *T {
	if len(a.buf) == cap(a.buf) {
		n := 2 * cap(a.buf)
		n = max(n, 8)
		n = min(n, 128)
		a.buf = make([]T, 0, n)
	}
	a.buf = append(a.buf, v)
	return &a.buf[len(a.buf)-1]
}

// NewDecoder returns a Decoder reading data.
func NewDecoder(data []byte) *Decoder {
	d := new(Decoder)
	d.Reset(data)
	return d
}

// Reset makes d read data from the start, keeping its buffers.
func (d *Decoder) Reset(data []byte) {
	scratch, names := d.scratch[:0], d.names[:0]
	*d = Decoder{data: data, scratch: scratch, names: names}
}

// ResetString makes d read s from the start. Strings it returns are
// substrings of s where s holds them verbatim, so decoding allocates no
// string data; they keep s reachable for as long as any of them is.
func (d *Decoder) ResetString(s string) {
	d.Reset(unsafe.Slice(unsafe.StringData(s), len(s)))
	d.src = s
}

// Err returns the first error, or nil.
func (d *Decoder) Err() error { return d.err }

// Offset returns the number of input bytes consumed so far.
func (d *Decoder) Offset() int { return d.pos }

// Depth returns the number of open elements.
func (d *Decoder) Depth() int { return len(d.names) }

// Fail records err (wrapped in *Error with the current position) unless an
// error is already recorded; generated code uses it to report schema
// violations such as an unknown enum with the same stickiness.
func (d *Decoder) Fail(err error) {
	if d.err == nil && err != nil {
		d.err = &Error{Offset: d.pos, Line: d.line(d.pos), Err: err}
	}
}

func (d *Decoder) fail(cause error, format string, args ...any) {
	if d.err == nil {
		d.Fail(fmt.Errorf("%w: "+format, append([]any{cause}, args...)...))
	}
}

func (d *Decoder) failAt(pos int, cause error, format string, args ...any) {
	if d.err == nil {
		d.pos = pos
		d.fail(cause, format, args...)
	}
}

func (d *Decoder) failEOF() {
	if d.err == nil {
		d.pos = len(d.data)
		what := "input"
		if n := len(d.names); n > 0 {
			what = fmt.Sprintf("<%.64s>", d.data[d.names[n-1].start:d.names[n-1].end])
		}
		d.fail(ErrEOF, "inside %s", what)
	}
}

// line computes the line of pos only when an error needs it, so that the
// hot path does not count newlines.
func (d *Decoder) line(pos int) int {
	return 1 + bytes.Count(d.data[:min(pos, len(d.data))], []byte{'\n'})
}

// Name returns the local name (without namespace prefix) of the element Next
// last entered. It aliases the input and is valid until the input changes.
func (d *Decoder) Name() []byte {
	n := d.data[d.name.start:d.name.end]
	if i := bytes.LastIndexByte(n, ':'); i >= 0 {
		return n[i+1:]
	}
	return n
}

// QName returns the element's name as written, prefix included.
func (d *Decoder) QName() []byte { return d.data[d.name.start:d.name.end] }

// isSpace reports XML white space.
func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// nameByte marks the ASCII bytes that may appear in a name after the first;
// every byte of a multi-byte UTF-8 sequence is accepted too. XML's exact
// name production is wider than anything AWS sends, and a lax check here
// cannot let anything unsafe through: names are only compared.
var nameByte = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '_' || c == ':' || c == '-' || c == '.' || c >= utf8.RuneSelf
	}
	return t
}()

func nameStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || c >= utf8.RuneSelf
}

// readName consumes a name at pos.
func (d *Decoder) readName() (span, bool) {
	i := d.pos
	if i >= len(d.data) {
		d.failEOF()
		return span{}, false
	}
	if !nameStart(d.data[i]) {
		d.fail(ErrSyntax, "expected a name, found %s", d.describe(i))
		return span{}, false
	}
	for i < len(d.data) && nameByte[d.data[i]] {
		i++
	}
	s := span{d.pos, i}
	d.pos = i
	return s, true
}

func (d *Decoder) describe(i int) string {
	if i >= len(d.data) {
		return "end of input"
	}
	c := d.data[i]
	if c >= 0x20 && c < 0x7f {
		return fmt.Sprintf("%q", c)
	}
	return fmt.Sprintf("byte 0x%02x", c)
}

func (d *Decoder) skipSpace() {
	for d.pos < len(d.data) && isSpace(d.data[d.pos]) {
		d.pos++
	}
}

// startTag parses the start tag whose '<' is at pos and enters the element.
func (d *Decoder) startTag() bool {
	if len(d.names) >= MaxDepth {
		d.fail(ErrDepth, "more than %d nested elements", MaxDepth)
		return false
	}
	if d.elements++; d.elements > MaxElements {
		d.fail(ErrElements, "more than %d elements", MaxElements)
		return false
	}
	d.pos++
	name, ok := d.readName()
	if !ok {
		return false
	}
	attrStart := d.pos
	for {
		sp := d.pos
		d.skipSpace()
		if d.pos >= len(d.data) {
			d.failEOF()
			return false
		}
		switch d.data[d.pos] {
		case '>':
			d.attrs = span{attrStart, d.pos}
			d.pos++
			d.empty = false
		case '/':
			if d.pos+1 >= len(d.data) {
				d.failEOF()
				return false
			}
			if d.data[d.pos+1] != '>' {
				d.fail(ErrSyntax, "expected '>' after '/' in a start tag")
				return false
			}
			d.attrs = span{attrStart, d.pos}
			d.pos += 2
			d.empty = true
		default:
			if sp == d.pos {
				d.fail(ErrSyntax, "expected white space, '>' or '/>' in the start tag of <%.64s>, found %s",
					d.data[name.start:name.end], d.describe(d.pos))
				return false
			}
			if _, _, ok := d.attribute(); !ok {
				return false
			}
			continue
		}
		d.name = name
		d.names = append(d.names, name)
		return true
	}
}

// attribute consumes one name="value" pair at pos and returns the name and
// the raw (undecoded, validated) value.
func (d *Decoder) attribute() (name, value span, ok bool) {
	name, ok = d.readName()
	if !ok {
		return
	}
	d.skipSpace()
	if d.pos >= len(d.data) {
		d.failEOF()
		return name, value, false
	}
	if d.data[d.pos] != '=' {
		d.fail(ErrSyntax, "expected '=' after attribute %.64s", d.data[name.start:name.end])
		return name, value, false
	}
	d.pos++
	d.skipSpace()
	if d.pos >= len(d.data) {
		d.failEOF()
		return name, value, false
	}
	q := d.data[d.pos]
	if q != '"' && q != '\'' {
		d.fail(ErrSyntax, "attribute %.64s: expected a quoted value", d.data[name.start:name.end])
		return name, value, false
	}
	start := d.pos + 1
	end := bytes.IndexByte(d.data[start:], q)
	if end < 0 {
		d.failEOF()
		return name, value, false
	}
	end += start
	if i := bytes.IndexByte(d.data[start:end], '<'); i >= 0 {
		d.failAt(start+i, ErrSyntax, "'<' in attribute value")
		return name, value, false
	}
	// Validate references and characters now, so that Attr cannot fail.
	if _, ok := d.decodeText(nil, start, end, true, false); !ok {
		return name, value, false
	}
	d.pos = end + 1
	return name, span{start, end}, true
}

// Attr returns the decoded value of the attribute with the given local name
// (namespace prefix ignored, as for elements) on the start tag Next last
// consumed; generated code calls it right after Next for xmlAttribute
// members. Namespace declarations are attributes too: Attr("xmlns") finds
// the default namespace.
func (d *Decoder) Attr(local string) (string, bool) {
	if d.err != nil {
		return "", false
	}
	saved := d.pos
	defer func() { d.pos = saved }()
	d.pos = d.attrs.start
	for {
		d.skipSpace()
		if d.pos >= d.attrs.end {
			return "", false
		}
		name, value, ok := d.attribute()
		if !ok {
			return "", false
		}
		n := d.data[name.start:name.end]
		if i := bytes.LastIndexByte(n, ':'); i >= 0 && string(n[:i]) != "xmlns" {
			n = n[i+1:]
		}
		if string(n) != local {
			continue
		}
		raw := d.data[value.start:value.end]
		if !bytes.ContainsAny(raw, "&\t\n\r") {
			if d.src != "" {
				return d.src[value.start:value.end], true
			}
			return string(raw), true
		}
		b, _ := d.decodeText(d.scratch[:0], value.start, value.end, true, true)
		d.scratch = b
		return string(b), true
	}
}

// misc skips white space, comments and processing instructions, as allowed
// before and after the root element and between child elements. It stops at
// anything else and reports whether input remains. Text that is not white
// space is consumed as well when inElement (mixed content carries no data
// for any AWS shape and is ignored, as encoding/xml does for structs).
func (d *Decoder) misc(inElement bool) bool {
	for d.err == nil {
		d.skipSpace()
		if d.pos >= len(d.data) {
			return false
		}
		if d.data[d.pos] != '<' {
			if !inElement {
				d.fail(ErrSyntax, "text outside the root element")
				return false
			}
			if !d.skipText() {
				return false
			}
			continue
		}
		if d.pos+1 >= len(d.data) {
			d.failEOF()
			return false
		}
		switch d.data[d.pos+1] {
		case '?':
			d.pi()
		case '!':
			if bytes.HasPrefix(d.data[d.pos:], []byte("<!--")) {
				d.comment()
			} else if inElement && bytes.HasPrefix(d.data[d.pos:], []byte("<![CDATA[")) {
				if !d.skipText() {
					return false
				}
			} else if bytes.HasPrefix(d.data[d.pos:], []byte("<!DOCTYPE")) || bytes.HasPrefix(d.data[d.pos:], []byte("<!ENTITY")) {
				d.fail(ErrDTD, "found %.9s", d.data[d.pos:])
				return false
			} else {
				d.fail(ErrSyntax, "unexpected markup %.9q", d.data[d.pos:])
				return false
			}
		default:
			return true
		}
	}
	return false
}

// pi skips a processing instruction, the XML declaration included.
func (d *Decoder) pi() {
	end := bytes.Index(d.data[d.pos+2:], []byte("?>"))
	if end < 0 {
		d.failEOF()
		return
	}
	d.pos += 2 + end + 2
}

func (d *Decoder) comment() {
	end := bytes.Index(d.data[d.pos+4:], []byte("-->"))
	if end < 0 {
		d.failEOF()
		return
	}
	d.pos += 4 + end + 3
}

// skipText consumes character data (and CDATA sections) up to the next
// markup that is not CDATA, validating it.
func (d *Decoder) skipText() bool {
	_, _, ok := d.scanText(false)
	return ok
}

// Next moves to the next child element of the current element and consumes
// its start tag, reporting true; Name and Attr then describe it. At the end
// tag of the current element it consumes the end tag, leaves the element and
// reports false. At depth 0 it enters the root element, and after the root
// it reports false once only white space, comments and processing
// instructions remain.
func (d *Decoder) Next() bool {
	if d.err != nil {
		return false
	}
	if d.empty {
		d.empty = false
		d.names = d.names[:len(d.names)-1]
		d.endOfRoot()
		return false
	}
	if len(d.names) == 0 {
		if d.pos == 0 && bytes.HasPrefix(d.data, []byte("\xEF\xBB\xBF")) {
			d.pos = 3 // A UTF-8 byte order mark, which some servers send.
		}
		if !d.misc(false) {
			if d.err == nil && !d.rootDone {
				d.fail(ErrEOF, "no root element")
			}
			return false
		}
		if d.rootDone {
			d.fail(ErrSyntax, "a second root element")
			return false
		}
		if d.data[d.pos+1] == '/' {
			d.fail(ErrSyntax, "end tag without a start tag")
			return false
		}
		return d.startTag()
	}
	if !d.misc(true) {
		d.failEOF()
		return false
	}
	if d.data[d.pos+1] == '/' {
		d.endTag()
		return false
	}
	return d.startTag()
}

// endTag consumes the end tag at pos, which must close the innermost element.
func (d *Decoder) endTag() bool {
	top := d.names[len(d.names)-1]
	want := d.data[top.start:top.end]
	start := d.pos
	d.pos += 2
	name, ok := d.readName()
	if !ok {
		return false
	}
	if got := d.data[name.start:name.end]; !bytes.Equal(got, want) {
		d.failAt(start, ErrSyntax, "</%.64s> closes <%.64s>", got, want)
		return false
	}
	d.skipSpace()
	if d.pos >= len(d.data) {
		d.failEOF()
		return false
	}
	if d.data[d.pos] != '>' {
		d.fail(ErrSyntax, "expected '>' to end </%.64s>", want)
		return false
	}
	d.pos++
	d.names = d.names[:len(d.names)-1]
	d.endOfRoot()
	return true
}

func (d *Decoder) endOfRoot() {
	if len(d.names) == 0 {
		d.rootDone = true
	}
}

// Skip consumes the rest of the current element, children included, up to
// and including its end tag; generated code uses it for members the model
// does not know about.
func (d *Decoder) Skip() {
	if d.err != nil || len(d.names) == 0 {
		return
	}
	depth := len(d.names)
	for d.err == nil && len(d.names) >= depth {
		if d.Next() {
			continue
		}
	}
}

// End checks that the document was complete: the root element closed and
// nothing but white space, comments and processing instructions after it.
func (d *Decoder) End() {
	if d.err != nil {
		return
	}
	if len(d.names) > 0 {
		d.failEOF()
		return
	}
	if d.misc(false) {
		d.fail(ErrSyntax, "a second root element")
	} else if d.err == nil && !d.rootDone {
		d.fail(ErrEOF, "no root element")
	}
}

// textSpecial marks the bytes that end the fast scan of character data:
// markup, references, CR (line ends are normalized to LF), the control
// characters XML forbids and every non-ASCII byte (checked as UTF-8).
var textSpecial = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c == '<' || c == '&' || c == '\r' || c == ']' ||
			c < 0x20 && c != '\t' && c != '\n' || c >= utf8.RuneSelf
	}
	return t
}()

// scanText consumes character data and CDATA sections up to the next other
// markup (a tag, comment or processing instruction) and, when build is set,
// returns the decoded text: a subslice of the input when it needed no
// decoding, otherwise d.scratch.
func (d *Decoder) scanText(build bool) ([]byte, bool, bool) {
	data := d.data
	start := d.pos
	i := start
	// Fast path: plain text followed directly by markup.
	for {
		for i < len(data) && !textSpecial[data[i]] {
			i++
		}
		if i >= len(data) {
			d.failEOF()
			return nil, false, false
		}
		c := data[i]
		if c == '<' {
			if i+1 < len(data) && data[i+1] == '!' && bytes.HasPrefix(data[i:], []byte("<![CDATA[")) {
				break
			}
			d.pos = i
			d.textStart = start
			return data[start:i], true, true
		}
		if c == ']' {
			if bytes.HasPrefix(data[i:], []byte("]]>")) {
				d.failAt(i, ErrSyntax, "']]>' in character data")
				return nil, false, false
			}
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 || !xmlChar(r) {
				d.failAt(i, ErrSyntax, "invalid character %s", d.describe(i))
				return nil, false, false
			}
			i += size
			continue
		}
		break
	}
	// Slow path: references, CR or CDATA.
	d.textStart = -1
	var b []byte
	if build {
		b = append(d.scratch[:0], data[start:i]...)
	}
	for {
		j := i
		for j < len(data) && data[j] != '<' {
			j++
		}
		if j >= len(data) {
			d.failEOF()
			return nil, false, false
		}
		var ok bool
		if b, ok = d.decodeText(b, i, j, false, build); !ok {
			return nil, false, false
		}
		i = j
		if !bytes.HasPrefix(data[i:], []byte("<![CDATA[")) {
			break
		}
		cs := i + len("<![CDATA[")
		ce := bytes.Index(data[cs:], []byte("]]>"))
		if ce < 0 {
			d.failEOF()
			return nil, false, false
		}
		ce += cs
		if b, ok = d.checkChars(b, cs, ce, build, false); !ok {
			return nil, false, false
		}
		i = ce + 3
	}
	d.pos = i
	if build {
		d.scratch = b
	}
	return b, false, true
}

// xmlChar reports whether XML 1.0 allows r in a document.
func xmlChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// checkChars validates literal characters data[i:j] and, when build is set,
// appends them to b with CR LF and lone CR normalized to LF, and in
// attribute values (attr) every white space character to a space, as XML's
// end-of-line handling and attribute-value normalization require.
func (d *Decoder) checkChars(b []byte, i, j int, build, attr bool) ([]byte, bool) {
	data := d.data
	for i < j {
		c := data[i]
		switch {
		case c == '\r':
			if build {
				if attr {
					b = append(b, ' ')
				} else {
					b = append(b, '\n')
				}
			}
			i++
			if i < j && data[i] == '\n' {
				i++
			}
			continue
		case attr && (c == '\n' || c == '\t'):
			if build {
				b = append(b, ' ')
			}
			i++
			continue
		case c < 0x20 && c != '\t' && c != '\n':
			d.failAt(i, ErrSyntax, "invalid character %s", d.describe(i))
			return nil, false
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(data[i:j])
			if r == utf8.RuneError && size == 1 || !xmlChar(r) {
				d.failAt(i, ErrSyntax, "invalid character %s", d.describe(i))
				return nil, false
			}
			if build {
				b = append(b, data[i:i+size]...)
			}
			i += size
			continue
		}
		if build {
			b = append(b, c)
		}
		i++
	}
	return b, true
}

// decodeText validates character data or an attribute value data[i:j] (no
// '<' inside) and, when build is set, appends it to b with references
// expanded and line ends normalized; in attribute values white space
// characters become spaces, as XML's attribute-value normalization says.
func (d *Decoder) decodeText(b []byte, i, j int, attr, build bool) ([]byte, bool) {
	data := d.data
	for i < j {
		k := i
		for k < j && data[k] != '&' && data[k] != ']' {
			k++
		}
		var ok bool
		if b, ok = d.checkChars(b, i, k, build, attr); !ok {
			return nil, false
		}
		i = k
		if i >= j {
			break
		}
		if data[i] == ']' {
			if !attr && bytes.HasPrefix(data[i:j], []byte("]]>")) {
				d.failAt(i, ErrSyntax, "']]>' in character data")
				return nil, false
			}
			if build {
				b = append(b, ']')
			}
			i++
			continue
		}
		semi := bytes.IndexByte(data[i:j], ';')
		if semi < 0 || semi > 12 {
			d.failAt(i, ErrSyntax, "'&' that starts no reference")
			return nil, false
		}
		ref := data[i+1 : i+semi]
		var r rune
		switch string(ref) {
		case "amp":
			r = '&'
		case "lt":
			r = '<'
		case "gt":
			r = '>'
		case "quot":
			r = '"'
		case "apos":
			r = '\''
		default:
			if len(ref) < 2 || ref[0] != '#' {
				// No DTD is accepted, so no other entity can be declared.
				d.failAt(i, ErrSyntax, "undeclared entity &%s;", ref)
				return nil, false
			}
			var ok bool
			if r, ok = charRef(ref[1:]); !ok {
				d.failAt(i, ErrSyntax, "invalid character reference &%s;", ref)
				return nil, false
			}
		}
		if build {
			b = utf8.AppendRune(b, r)
		}
		i += semi + 1
	}
	return b, true
}

// charRef parses the digits of "&#…;" or "&#x…;".
func charRef(s []byte) (rune, bool) {
	base := rune(10)
	if s[0] == 'x' {
		base, s = 16, s[1:]
	}
	if len(s) == 0 {
		return 0, false
	}
	var r rune
	for _, c := range s {
		var v rune
		switch {
		case c >= '0' && c <= '9':
			v = rune(c - '0')
		case base == 16 && c >= 'a' && c <= 'f':
			v = rune(c-'a') + 10
		case base == 16 && c >= 'A' && c <= 'F':
			v = rune(c-'A') + 10
		default:
			return 0, false
		}
		r = r*base + v
		if r > utf8.MaxRune {
			return 0, false
		}
	}
	return r, xmlChar(r)
}

// readText reads the text content of the element Next entered and consumes
// its end tag. An element with child elements is a type error.
func (d *Decoder) readText(want string) ([]byte, bool) {
	if d.err != nil {
		return nil, false
	}
	if len(d.names) == 0 {
		d.fail(ErrType, "expected %s, found no open element", want)
		return nil, false
	}
	d.valueElem = d.names[len(d.names)-1]
	if d.empty {
		d.empty = false
		d.names = d.names[:len(d.names)-1]
		d.endOfRoot()
		d.textStart = d.pos
		return d.data[d.pos:d.pos], true
	}
	text, _, ok := d.scanText(true)
	if !ok {
		return nil, false
	}
	// scanText stops at a '<' that does not start CDATA.
	switch {
	case d.pos+1 < len(d.data) && d.data[d.pos+1] == '/':
		if !d.endTag() {
			return nil, false
		}
		return text, true
	case bytes.HasPrefix(d.data[d.pos:], []byte("<!--")) || bytes.HasPrefix(d.data[d.pos:], []byte("<?")):
		// A comment or PI splits the text: gather the pieces.
		return d.readTextPieces(text, want)
	}
	top := d.names[len(d.names)-1]
	d.fail(ErrType, "expected %s in <%.64s>, found a child element", want, d.data[top.start:top.end])
	return nil, false
}

// readTextPieces continues readText after a comment or processing
// instruction, concatenating the text around it.
func (d *Decoder) readTextPieces(first []byte, want string) ([]byte, bool) {
	acc := append([]byte(nil), first...)
	for {
		switch {
		case bytes.HasPrefix(d.data[d.pos:], []byte("<!--")):
			d.comment()
		case bytes.HasPrefix(d.data[d.pos:], []byte("<?")):
			d.pi()
		case bytes.HasPrefix(d.data[d.pos:], []byte("</")):
			if !d.endTag() {
				return nil, false
			}
			d.scratch = append(d.scratch[:0], acc...)
			d.textStart = -1
			return d.scratch, true
		default:
			top := d.names[len(d.names)-1]
			d.fail(ErrType, "expected %s in <%.64s>, found a child element", want, d.data[top.start:top.end])
			return nil, false
		}
		if d.err != nil {
			return nil, false
		}
		text, _, ok := d.scanText(true)
		if !ok {
			return nil, false
		}
		acc = append(acc, text...)
	}
}

// String reads the text of the current element.
func (d *Decoder) String() string {
	b, ok := d.readText("text")
	if !ok {
		return ""
	}
	if d.src != "" && d.textStart >= 0 {
		return d.src[d.textStart : d.textStart+len(b)]
	}
	return d.makeString(b)
}

// maxChunkedString is the longest string copied into a shared chunk; longer
// ones get their own allocation so that a chunk stays small.
const maxChunkedString = 512

// makeString copies b into the current string chunk and returns a string
// over it: a response's hundreds of short member values cost one allocation
// per chunk instead of one each. The price is that a retained string keeps
// its whole chunk (at most 16 KiB) reachable.
func (d *Decoder) makeString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > maxChunkedString {
		return string(b)
	}
	if cap(d.strData)-len(d.strData) < len(b) {
		d.strData = make([]byte, 0, min(max(2*cap(d.strData), 1024), 16<<10))
	}
	start := len(d.strData)
	d.strData = append(d.strData, b...)
	return unsafe.String(&d.strData[start], len(b))
}

// StringPtr reads the text of the current element and returns a pointer to it.
func (d *Decoder) StringPtr() *string { return d.strs.new(d.String()) }
