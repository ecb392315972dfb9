package retry

import (
	"fmt"
	"strconv"
	"strings"
)

// parseYAML reads the small YAML subset the retry conformance files use:
// block mappings, block sequences (also nested on one line, "- - key: v"),
// plain and double-quoted scalars, and whole-line comments. Scalars stay
// strings; the runner converts them. Anything else is an error, so a format
// change in the data shows up as a failure rather than a silent misread.
func parseYAML(src string) (any, error) {
	var ls []yline
	for i, raw := range strings.Split(src, "\n") {
		text := strings.TrimRight(raw, " \t\r")
		trimmed := strings.TrimLeft(text, " ")
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if strings.ContainsRune(text, '\t') {
			return nil, fmt.Errorf("line %d: tab in indentation", i+1)
		}
		ls = append(ls, yline{no: i + 1, indent: len(text) - len(trimmed), text: trimmed})
	}
	p := &yparser{lines: ls}
	if len(ls) == 0 {
		return nil, nil
	}
	v, err := p.block(ls[0].indent)
	if err != nil {
		return nil, err
	}
	if p.pos != len(ls) {
		return nil, fmt.Errorf("line %d: unexpected indentation", ls[p.pos].no)
	}
	return v, nil
}

type yline struct {
	no, indent int
	text       string
}

type yparser struct {
	lines []yline
	pos   int
}

func (p *yparser) block(indent int) (any, error) {
	if strings.HasPrefix(p.lines[p.pos].text, "-") {
		return p.seq(indent)
	}
	return p.mapping(indent)
}

func (p *yparser) seq(indent int) ([]any, error) {
	var out []any
	for p.pos < len(p.lines) {
		l := p.lines[p.pos]
		if l.indent != indent || !(l.text == "-" || strings.HasPrefix(l.text, "- ")) {
			break
		}
		rest := strings.TrimLeft(strings.TrimPrefix(l.text, "-"), " ")
		if rest == "" {
			p.pos++
			if p.pos >= len(p.lines) || p.lines[p.pos].indent <= indent {
				out = append(out, nil)
				continue
			}
			v, err := p.block(p.lines[p.pos].indent)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
			continue
		}
		// The item's content starts on this line: re-read it as a line of
		// its own, indented where its text starts.
		p.lines[p.pos] = yline{no: l.no, indent: indent + len(l.text) - len(rest), text: rest}
		if !strings.HasPrefix(rest, "- ") && !strings.Contains(rest, ":") {
			s, err := scalar(rest)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", l.no, err)
			}
			out = append(out, s)
			p.pos++
			continue
		}
		v, err := p.block(p.lines[p.pos].indent)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

func (p *yparser) mapping(indent int) (map[string]any, error) {
	out := map[string]any{}
	for p.pos < len(p.lines) {
		l := p.lines[p.pos]
		if l.indent < indent {
			break
		}
		if l.indent > indent {
			return nil, fmt.Errorf("line %d: unexpected indentation", l.no)
		}
		if strings.HasPrefix(l.text, "- ") {
			break
		}
		key, val, ok := strings.Cut(l.text, ":")
		if !ok || (val != "" && val[0] != ' ') {
			return nil, fmt.Errorf("line %d: want key: value, got %q", l.no, l.text)
		}
		key = strings.TrimSpace(key)
		if _, dup := out[key]; dup {
			return nil, fmt.Errorf("line %d: duplicate key %q", l.no, key)
		}
		val = strings.TrimSpace(val)
		p.pos++
		if val != "" {
			s, err := scalar(val)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", l.no, err)
			}
			out[key] = s
			continue
		}
		if p.pos < len(p.lines) {
			next := p.lines[p.pos]
			if next.indent > indent || (next.indent == indent && strings.HasPrefix(next.text, "- ")) {
				v, err := p.block(next.indent)
				if err != nil {
					return nil, err
				}
				out[key] = v
				continue
			}
		}
		out[key] = nil
	}
	return out, nil
}

func scalar(s string) (string, error) {
	switch {
	case strings.HasPrefix(s, `"`):
		return strconv.Unquote(s)
	case strings.HasPrefix(s, "'"), strings.HasPrefix(s, "{"), strings.HasPrefix(s, "["),
		strings.HasPrefix(s, "&"), strings.HasPrefix(s, "*"), strings.HasPrefix(s, "|"), strings.HasPrefix(s, ">"):
		return "", fmt.Errorf("unsupported YAML scalar %q", s)
	case strings.Contains(s, " #"):
		return "", fmt.Errorf("unsupported trailing comment in %q", s)
	}
	return s, nil
}
