package smithy

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The IDL is whitespace sensitive in only a few places (statements end at a
// line break), so the parser reads bytes directly instead of a token stream;
// these are its scanning primitives. Positions are byte offsets, turned into
// line:column only when a message or a shape's location needs one.

// idlScanner holds the source and the read offset.
type idlScanner struct {
	file  string
	src   []byte
	off   int
	lines []int // byte offset of each line start

	// docs collects /// lines skipped since the last shape or member took them.
	docs []string
}

func newScanner(file string, src []byte) *idlScanner {
	s := &idlScanner{file: file, src: src, lines: []int{0}}
	for i, c := range src {
		if c == '\n' {
			s.lines = append(s.lines, i+1)
		}
	}
	return s
}

// lineCol returns the 1-based line and column (in characters) of an offset.
func (s *idlScanner) lineCol(off int) (int, int) {
	i := sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	off = min(off, len(s.src))
	return i + 1, utf8.RuneCount(s.src[s.lines[i]:off]) + 1
}

// where formats an offset as file:line:column.
func (s *idlScanner) where(off int) string {
	l, c := s.lineCol(off)
	return fmt.Sprintf("%s:%d:%d", s.file, l, c)
}

// idlError is a parse or resolution error at one place of one file.
type idlError struct {
	where string
	msg   string
}

func (e *idlError) Error() string { return e.where + ": " + e.msg }

func (s *idlScanner) errorf(off int, format string, args ...any) error {
	return &idlError{where: s.where(off), msg: fmt.Sprintf(format, args...)}
}

// expected reports what was expected at the current offset and what is there.
func (s *idlScanner) expected(what string) error {
	return s.errorf(s.off, "expected %s, found %s", what, s.found(s.off))
}

// found describes the token starting at off for "found ..." messages.
func (s *idlScanner) found(off int) string {
	if off >= len(s.src) {
		return "end of file"
	}
	c := s.src[off]
	switch {
	case c == '\n' || c == '\r':
		return "end of line"
	case isIdentStart(c):
		end := off
		for end < len(s.src) && (isIdentChar(s.src[end]) || s.src[end] == '.' || s.src[end] == '#' || s.src[end] == '$') {
			end++
		}
		return strconv.Quote(string(s.src[off:end]))
	case c == '"':
		if strings.HasPrefix(string(s.src[off:min(off+3, len(s.src))]), `"""`) {
			return "text block"
		}
		return "string"
	case c == '-' || c >= '0' && c <= '9':
		return "number"
	case c < 0x20 || c == 0x7f:
		return fmt.Sprintf("control character %U", rune(c))
	}
	r, _ := utf8.DecodeRune(s.src[off:])
	if r == utf8.RuneError {
		return "invalid UTF-8"
	}
	return "'" + string(r) + "'"
}

func (s *idlScanner) eof() bool { return s.off >= len(s.src) }

func (s *idlScanner) peek() byte {
	if s.off >= len(s.src) {
		return 0
	}
	return s.src[s.off]
}

func (s *idlScanner) peekAt(n int) byte {
	if s.off+n >= len(s.src) {
		return 0
	}
	return s.src[s.off+n]
}

// sp skips spaces and tabs only: what may separate tokens within a line.
func (s *idlScanner) sp() {
	for !s.eof() && (s.src[s.off] == ' ' || s.src[s.off] == '\t') {
		s.off++
	}
}

// ws skips spaces, line breaks, commas and comments, collecting /// lines.
// It reports whether it crossed a line break (or a comment, which ends one).
func (s *idlScanner) ws() bool {
	crossed := false
	for !s.eof() {
		switch c := s.src[s.off]; {
		case c == ' ' || c == '\t' || c == ',' || c == '\r':
			s.off++
		case c == '\n':
			s.off++
			crossed = true
		case c == '/' && s.peekAt(1) == '/':
			end := s.off
			for end < len(s.src) && s.src[end] != '\n' {
				end++
			}
			line := string(s.src[s.off:end])
			if strings.HasPrefix(line, "///") {
				text := strings.TrimSuffix(strings.TrimPrefix(line[3:], " "), "\r")
				s.docs = append(s.docs, text)
			}
			s.off = end
			crossed = true
		default:
			return crossed
		}
	}
	return true
}

// br ends a statement: the rest of the line may hold only spaces, commas and
// a comment.
func (s *idlScanner) br() error {
	for !s.eof() && (s.src[s.off] == ' ' || s.src[s.off] == '\t' || s.src[s.off] == ',' || s.src[s.off] == '\r') {
		s.off++
	}
	if s.eof() || s.src[s.off] == '\n' || s.src[s.off] == '/' && s.peekAt(1) == '/' {
		s.ws()
		return nil
	}
	return s.expected("a line break")
}

// takeDocs returns the collected documentation comment, if any.
func (s *idlScanner) takeDocs() (string, bool) {
	if s.docs == nil {
		return "", false
	}
	d := strings.Join(s.docs, "\n")
	s.docs = nil
	return d, true
}

func isIdentStart(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isIdentChar(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

// ident reads an identifier: letters, digits and underscores, starting with
// a letter or with underscores followed by a letter or digit.
func (s *idlScanner) ident() (string, bool) {
	start := s.off
	if s.eof() || !isIdentStart(s.src[s.off]) {
		return "", false
	}
	for s.off < len(s.src) && s.src[s.off] == '_' {
		s.off++
	}
	if s.off >= len(s.src) || !isIdentChar(s.src[s.off]) {
		s.off = start
		return "", false
	}
	for s.off < len(s.src) && isIdentChar(s.src[s.off]) {
		s.off++
	}
	return string(s.src[start:s.off]), true
}

// namespaceName reads identifiers joined by dots.
func (s *idlScanner) namespaceName() (string, error) {
	start := s.off
	for {
		if _, ok := s.ident(); !ok {
			return "", s.expected("a namespace identifier")
		}
		if s.peek() != '.' {
			return string(s.src[start:s.off]), nil
		}
		s.off++
	}
}

// shapeIDText reads a shape id as written: relative ("Name", "Name$member")
// or absolute ("ns.x#Name", "ns.x#Name$member").
func (s *idlScanner) shapeIDText() (string, error) {
	start := s.off
	if _, ok := s.ident(); !ok {
		return "", s.expected("a shape id")
	}
	dotted := false
	for s.peek() == '.' {
		s.off++
		dotted = true
		if _, ok := s.ident(); !ok {
			return "", s.expected("an identifier after '.'")
		}
	}
	if s.peek() == '#' {
		s.off++
		if _, ok := s.ident(); !ok {
			return "", s.expected("a shape name after '#'")
		}
	} else if dotted {
		return "", s.expected("'#' and a shape name after the namespace")
	}
	if s.peek() == '$' {
		s.off++
		if _, ok := s.ident(); !ok {
			return "", s.expected("a member name after '$'")
		}
	}
	return string(s.src[start:s.off]), nil
}

// quoted reads a string or a text block; the offset is at the opening quote.
func (s *idlScanner) quoted() (string, error) {
	if strings.HasPrefix(string(s.src[s.off:min(s.off+3, len(s.src))]), `"""`) {
		return s.textBlock()
	}
	open := s.off
	s.off++
	start := s.off
	for s.off < len(s.src) {
		switch s.src[s.off] {
		case '"':
			raw := s.src[start:s.off]
			s.off++
			return s.unescape(raw, start)
		case '\\':
			s.off += 2
		default:
			s.off++
		}
	}
	s.off = min(s.off, len(s.src))
	return "", s.errorf(open, "unterminated string: expected a closing '\"', found end of file")
}

// textBlock reads """...""": the first line break is dropped, the common
// indentation of the non-blank lines and of the closing delimiter's line is
// removed, trailing spaces are removed from each line, and only then are
// escapes interpreted, as the specification orders it.
func (s *idlScanner) textBlock() (string, error) {
	open := s.off
	s.off += 3
	i := s.off
	for i < len(s.src) && (s.src[i] == ' ' || s.src[i] == '\t' || s.src[i] == '\r') {
		i++
	}
	if i >= len(s.src) || s.src[i] != '\n' {
		s.off = i
		return "", s.expected("a line break after the opening \"\"\" of a text block")
	}
	start := i + 1
	end := -1
	for j := start; j < len(s.src); j++ {
		if s.src[j] == '\\' {
			j++
			continue
		}
		if s.src[j] == '"' && j+2 < len(s.src) && s.src[j+1] == '"' && s.src[j+2] == '"' {
			end = j
			break
		}
	}
	if end < 0 {
		s.off = len(s.src)
		return "", s.errorf(open, "unterminated text block: expected a closing \"\"\", found end of file")
	}
	s.off = end + 3
	body := strings.ReplaceAll(string(s.src[start:end]), "\r\n", "\n")
	lines := strings.Split(body, "\n")
	indent := -1
	for i, l := range lines {
		last := i == len(lines)-1
		if strings.TrimLeft(l, " \t") == "" && !last {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " \t"))
		if indent < 0 || n < indent {
			indent = n
		}
	}
	for i, l := range lines {
		if len(l) >= indent {
			l = l[indent:]
		} else {
			l = ""
		}
		lines[i] = strings.TrimRight(l, " \t")
	}
	return s.unescape([]byte(strings.Join(lines, "\n")), start)
}

// unescape interprets the escapes of a string's raw text; at is where the
// text starts, for messages.
func (s *idlScanner) unescape(raw []byte, at int) (string, error) {
	if !utf8.Valid(raw) {
		return "", s.errorf(at, "expected UTF-8 text in string, found invalid UTF-8")
	}
	// Line breaks inside strings are \n whatever the file uses.
	raw = bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n"))
	if !bytes.ContainsRune(raw, '\\') {
		return string(raw), nil
	}
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(raw) {
			return "", s.errorf(at+i, "expected an escape character after '\\', found end of string")
		}
		switch raw[i] {
		case '"', '\\', '/', '\'':
			b.WriteByte(raw[i])
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case '\n':
			// A backslash before a line break joins the lines.
		case '\r':
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
		case 'u':
			if i+5 > len(raw) {
				return "", s.errorf(at+i, "expected 4 hex digits after \\u, found end of string")
			}
			v, err := strconv.ParseUint(string(raw[i+1:i+5]), 16, 32)
			if err != nil {
				return "", s.errorf(at+i, "expected 4 hex digits after \\u, found %q", raw[i+1:i+5])
			}
			r := rune(v)
			i += 4
			// A surrogate pair spells one character outside the BMP.
			if r >= 0xD800 && r < 0xDC00 && i+7 <= len(raw) && raw[i+1] == '\\' && raw[i+2] == 'u' {
				if lo, err := strconv.ParseUint(string(raw[i+3:i+7]), 16, 32); err == nil && lo >= 0xDC00 && lo < 0xE000 {
					r = (r-0xD800)<<10 + (rune(lo) - 0xDC00) + 0x10000
					i += 6
				}
			}
			b.WriteRune(r)
		default:
			return "", s.errorf(at+i-1, "expected a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX), found \\%c (write \\\\%c for a backslash)", raw[i], raw[i])
		}
	}
	return b.String(), nil
}

// number reads a number as JSON spells it and returns its text unchanged,
// so that 1.0 stays 1.0 in trait values.
func (s *idlScanner) number() (string, error) {
	start := s.off
	if s.peek() == '-' {
		s.off++
	}
	digits := func() int {
		n := 0
		for !s.eof() && s.src[s.off] >= '0' && s.src[s.off] <= '9' {
			s.off++
			n++
		}
		return n
	}
	intStart := s.off
	if n := digits(); n == 0 {
		return "", s.expected("a digit")
	} else if n > 1 && s.src[intStart] == '0' {
		return "", s.errorf(intStart, "expected a number without leading zeros, found %q", s.src[start:s.off])
	}
	if s.peek() == '.' {
		s.off++
		if digits() == 0 {
			return "", s.expected("a digit after the decimal point")
		}
	}
	if c := s.peek(); c == 'e' || c == 'E' {
		s.off++
		if c := s.peek(); c == '+' || c == '-' {
			s.off++
		}
		if digits() == 0 {
			return "", s.expected("a digit in the exponent")
		}
	}
	if isIdentChar(s.peek()) {
		return "", s.expected("a delimiter after the number")
	}
	return string(s.src[start:s.off]), nil
}
