// Package ini parses the AWS shared config and credentials files. They look
// like INI but have rules of their own (sub-property blocks, continuation
// lines, case-insensitive keys, case-sensitive section names), and errors must
// name the file and line so a user can fix a hand-edited file, so a general
// INI library does not fit.
package ini

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// ParseError reports the file and line of malformed input.
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// File is a parsed shared file. Sections with the same name are merged, later
// keys winning, as the AWS CLI does.
type File struct {
	Name     string
	sections map[string]*Section
	order    []string
}

// Section is one [name] block.
type Section struct {
	Name string
	Line int // where the section first appears

	props map[string]Property
}

// Property is one key's value; Sub holds the indented "key = value" lines
// under a key with an empty value (e.g. the "s3 =" block of the CLI).
type Property struct {
	Value string
	Sub   map[string]string
	Line  int
}

// ParseFile reads and parses path; the error of a missing file satisfies
// errors.Is(err, fs.ErrNotExist).
//
// Only regular files are read: opening a FIFO blocks until a writer comes,
// which no context deadline interrupts, and a device may never end. The
// exception is os.DevNull, the usual way to say "no file", read as empty.
func ParseFile(path string) (*File, error) {
	if path == os.DevNull {
		return Parse(strings.NewReader(""), path)
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &NotRegularError{Path: path, Mode: st.Mode()}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Parse(f, path)
}

// NotRegularError refuses a shared file that is not a regular file.
type NotRegularError struct {
	Path string
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	return "shared file " + e.Path + " is not a regular file (" + describeMode(e.Mode) + "); refusing to read it"
}

func describeMode(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m.IsDir():
		return "a directory"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.String()
}

// Parse parses r; name is used in errors.
func Parse(r io.Reader, name string) (*File, error) {
	p := &parser{file: &File{Name: name, sections: map[string]*Section{}}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for sc.Scan() {
		p.line++
		if err := p.parseLine(sc.Text()); err != nil {
			return nil, err
		}
	}
	if err := sc.Err(); err != nil {
		return nil, &ParseError{File: name, Line: p.line + 1, Msg: err.Error()}
	}
	return p.file, nil
}

type parser struct {
	file    *File
	line    int
	section *Section
	lastKey string // the property an indented line continues, "" if none
}

func (p *parser) errorf(format string, args ...any) error {
	return &ParseError{File: p.file.Name, Line: p.line, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) parseLine(raw string) error {
	if p.line == 1 {
		raw = strings.TrimPrefix(raw, "\uFEFF") // editors on Windows add a BOM
	}
	raw = strings.TrimRight(raw, " \t\r")
	trimmed := strings.TrimLeft(raw, " \t")
	switch {
	case trimmed == "" || trimmed[0] == '#' || trimmed[0] == ';':
		return nil
	case trimmed[0] == '[':
		return p.parseSection(trimmed)
	case len(trimmed) < len(raw) && p.lastKey != "":
		return p.parseContinuation(stripComment(trimmed))
	default:
		return p.parseProperty(stripComment(trimmed))
	}
}

func (p *parser) parseSection(s string) error {
	end := strings.IndexByte(s, ']')
	if end < 0 {
		return p.errorf("section header %q has no closing ']'", s)
	}
	if rest := strings.TrimSpace(s[end+1:]); rest != "" && rest[0] != '#' && rest[0] != ';' {
		return p.errorf("unexpected %q after section header", rest)
	}
	name := strings.TrimSpace(s[1:end])
	if name == "" {
		return p.errorf("empty section name")
	}
	sec, ok := p.file.sections[name]
	if !ok {
		sec = &Section{Name: name, Line: p.line, props: map[string]Property{}}
		p.file.sections[name] = sec
		p.file.order = append(p.file.order, name)
	}
	p.section, p.lastKey = sec, ""
	return nil
}

func (p *parser) parseProperty(s string) error {
	if p.section == nil {
		return p.errorf("%q is outside any [section]", s)
	}
	k, v, ok := cutAssign(s)
	if !ok {
		return p.errorf("expected \"key = value\", got %q", s)
	}
	if k == "" {
		return p.errorf("missing key before '='")
	}
	p.section.props[k] = Property{Value: v, Line: p.line}
	p.lastKey = k
	return nil
}

// parseContinuation handles an indented line after a property: either a
// sub-property (the property's own value is empty) or more of its value.
func (p *parser) parseContinuation(s string) error {
	prop := p.section.props[p.lastKey]
	if prop.Value != "" && prop.Sub == nil {
		prop.Value += "\n" + s
		p.section.props[p.lastKey] = prop
		return nil
	}
	k, v, ok := cutAssign(s)
	if !ok || k == "" {
		return p.errorf("expected an indented \"key = value\" under %q, got %q", p.lastKey, s)
	}
	if prop.Sub == nil {
		prop.Sub = map[string]string{}
	}
	prop.Sub[k] = v
	p.section.props[p.lastKey] = prop
	return nil
}

// cutAssign splits "key = value"; keys are case-insensitive in these files.
func cutAssign(s string) (key, value string, ok bool) {
	k, v, ok := strings.Cut(s, "=")
	if !ok {
		return "", "", false
	}
	return strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v), true
}

// stripComment removes a "#" or ";" comment that follows whitespace; one
// inside a token (as in a URL fragment or a secret) is kept.
func stripComment(s string) string {
	for i := 1; i < len(s); i++ {
		if (s[i] == '#' || s[i] == ';') && (s[i-1] == ' ' || s[i-1] == '\t') {
			return strings.TrimRight(s[:i], " \t")
		}
	}
	return s
}

// Section returns the section called name, exactly as written between the
// brackets less surrounding space.
func (f *File) Section(name string) (*Section, bool) {
	s, ok := f.sections[name]
	return s, ok
}

// SectionNames lists sections in the order they first appear.
func (f *File) SectionNames() []string {
	return append([]string(nil), f.order...)
}

// Get returns the value of key (any case) and whether it is set.
func (s *Section) Get(key string) (string, bool) {
	p, ok := s.props[strings.ToLower(key)]
	return p.Value, ok
}

// Property returns key's full property, sub-properties and line included.
func (s *Section) Property(key string) (Property, bool) {
	p, ok := s.props[strings.ToLower(key)]
	return p, ok
}

// Keys returns the section's keys, lower case, in no particular order.
func (s *Section) Keys() []string {
	keys := make([]string, 0, len(s.props))
	for k := range s.props {
		keys = append(keys, k)
	}
	return keys
}
