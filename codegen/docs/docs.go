// Package docs turns the HTML of Smithy documentation traits into godoc
// text: paragraphs, lists and links that read well in source and on pkg.go.dev.
package docs

import (
	"html"
	"strings"
)

// Godoc converts documentation HTML to plain godoc paragraphs wrapped at
// width columns. Lists become "  - item" lines, which godoc renders as lists.
func Godoc(src string, width int) string {
	c := &converter{width: width}
	c.run(src)
	c.flush()
	return strings.TrimSpace(strings.Join(c.blocks, "\n\n"))
}

type converter struct {
	width  int
	blocks []string
	cur    strings.Builder
	inList int
	item   bool
	pre    bool
	href   string
}

func (c *converter) run(src string) {
	for len(src) > 0 {
		i := strings.IndexByte(src, '<')
		if i < 0 {
			c.text(src)
			return
		}
		c.text(src[:i])
		src = src[i:]
		j := strings.IndexByte(src, '>')
		if j < 0 {
			c.text(src)
			return
		}
		c.tag(src[1:j])
		src = src[j+1:]
	}
}

func (c *converter) text(s string) {
	if s == "" {
		return
	}
	s = html.UnescapeString(s)
	if !c.pre {
		lead := s[0] == ' ' || s[0] == '\n' || s[0] == '\t' || s[0] == '\r'
		trail := strings.ContainsRune(" \t\n\r", rune(s[len(s)-1]))
		s = strings.Join(strings.Fields(s), " ")
		if s == "" {
			if lead || trail {
				c.space()
			}
			return
		}
		if lead {
			c.space()
		}
		c.cur.WriteString(s)
		if trail {
			c.space()
		}
		return
	}
	c.cur.WriteString(s)
}

// space writes one separating blank, never at the start or twice.
func (c *converter) space() {
	cur := c.cur.String()
	if cur != "" && !strings.HasSuffix(cur, " ") {
		c.cur.WriteByte(' ')
	}
}

func (c *converter) tag(t string) {
	closing := strings.HasPrefix(t, "/")
	name := strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(t, "/"), "/"))
	attrs := ""
	if i := strings.IndexAny(name, " \t\n"); i >= 0 {
		attrs = strings.TrimPrefix(t, "/")[i:]
		name = name[:i]
	}
	switch name {
	case "p", "div", "note", "important", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "br":
		c.flush()
	case "ul", "ol":
		c.flush()
		if closing {
			c.inList--
		} else {
			c.inList++
		}
	case "li", "dt", "dd":
		c.flush()
		if !closing {
			c.item = true
		}
	case "pre":
		c.flush()
		c.pre = !closing
	case "a":
		if closing {
			if c.href != "" && !strings.Contains(c.cur.String(), c.href) {
				c.space()
				c.cur.WriteString("(" + c.href + ")")
			}
			c.href = ""
		} else {
			c.href = attr(attrs, "href")
		}
	}
}

func attr(attrs, key string) string {
	i := strings.Index(attrs, key+"=")
	if i < 0 {
		return ""
	}
	v := attrs[i+len(key)+1:]
	if v == "" {
		return ""
	}
	q := v[0]
	if q != '"' && q != '\'' {
		if j := strings.IndexAny(v, " \t"); j >= 0 {
			return v[:j]
		}
		return v
	}
	v = v[1:]
	if j := strings.IndexByte(v, q); j >= 0 {
		return html.UnescapeString(v[:j])
	}
	return ""
}

func (c *converter) flush() {
	s := c.cur.String()
	c.cur.Reset()
	if c.pre {
		s = strings.Trim(s, "\n")
		if s != "" {
			lines := strings.Split(s, "\n")
			for i := range lines {
				lines[i] = "\t" + lines[i]
			}
			c.blocks = append(c.blocks, strings.Join(lines, "\n"))
		}
		return
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	if c.item || c.inList > 0 {
		c.item = false
		indent := strings.Repeat("  ", max(c.inList, 1))
		c.appendListItem(wrap(s, c.width-len(indent)-2, indent+"  "), indent)
		return
	}
	c.blocks = append(c.blocks, wrap(s, c.width, ""))
}

// appendListItem keeps consecutive items in one block so godoc sees one list.
func (c *converter) appendListItem(text, indent string) {
	line := indent + "- " + strings.TrimPrefix(text, indent+"  ")
	if n := len(c.blocks); n > 0 && strings.HasPrefix(strings.TrimLeft(c.blocks[n-1], " "), "- ") {
		c.blocks[n-1] += "\n" + line
		return
	}
	c.blocks = append(c.blocks, line)
}

// wrap breaks s into lines of at most width characters (words permitting);
// every line after the first starts with indent.
func wrap(s string, width int, indent string) string {
	if width < 20 {
		width = 20
	}
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(s) {
		if i > 0 {
			if n+1+len(w) > width {
				b.WriteString("\n" + indent)
				n = 0
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}
