package modeldiff

import (
	"fmt"
	"slices"
	"strings"
)

// Markdown renders the report as one CHANGELOG.md entry: the heading, the
// model identity, breaking changes first (a reader upgrading must see them
// before anything else), then each new operation with its request and
// response syntax, each updated one with its changes, and removed ones.
func (r *Report) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", r.Heading())
	b.WriteString(r.identity())
	if line := r.Summary(); line != "" {
		b.WriteString(line + "\n\n")
	}
	if len(r.Breaking) > 0 {
		b.WriteString("**Breaking changes for Go users:**\n\n")
		for _, x := range r.Breaking {
			fmt.Fprintf(&b, "- %s\n", x)
		}
		b.WriteString("\n")
	}
	if r.Initial {
		b.WriteString("The first model this client is generated from; later entries list changes against it.\n\n")
		for _, u := range r.Unsupported {
			fmt.Fprintf(&b, "- not generated: %s (%s)\n", u.Operation, u.Reason)
		}
		if len(r.Unsupported) > 0 {
			b.WriteString("\n")
		}
	}
	if len(r.NewErrors) > 0 {
		fmt.Fprintf(&b, "New error types: %s.\n\n", codeList(r.NewErrors))
	}
	if len(r.RemovedErrors) > 0 {
		fmt.Fprintf(&b, "Removed error types: %s.\n\n", codeList(r.RemovedErrors))
	}
	for _, o := range r.NewOperations {
		fmt.Fprintf(&b, "### %s (new)\n\n", o.Name)
		o.write(&b)
	}
	for _, c := range r.UpdatedOperations {
		fmt.Fprintf(&b, "### %s (updated)\n\n", c.Name)
		c.write(&b)
	}
	for _, o := range r.RemovedOperations {
		fmt.Fprintf(&b, "### %s (removed)\n\n", o.Name)
		fmt.Fprintf(&b, "The `%s` method, `%sInput` and `%sOutput` are gone.\n\n", o.Name, o.Name, o.Name)
	}
	return b.String()
}

// Summary is the entry's one-line account of the release, in the place of
// the "Changes" line of AWS's pages, which is written by hand: here it is
// built from the report so that it can be rebuilt and checked. A release
// with no API change says what it changed instead.
func (r *Report) Summary() string {
	if r.Initial {
		return ""
	}
	if r.Empty() {
		switch {
		case len(r.OtherChanges) == 0 && r.DocsChanged:
			return "Documentation-only release: no change to the Go API."
		case len(r.OtherChanges) == 0:
			return "No change to the Go API."
		}
		what := strings.Join(r.OtherChanges, ", ")
		if r.DocsChanged {
			what += " and documentation"
		}
		return "No change to the Go API; changed: " + what + "."
	}
	var parts []string
	if n := names(r.NewOperations); len(n) > 0 {
		parts = append(parts, "adds "+codeList(n))
	}
	if n := names(r.RemovedOperations); len(n) > 0 {
		parts = append(parts, "removes "+codeList(n))
	}
	if n := len(r.UpdatedOperations); n == 1 {
		parts = append(parts, "updates "+codeList([]string{r.UpdatedOperations[0].Name}))
	} else if n > 1 {
		parts = append(parts, fmt.Sprintf("updates %d methods", n))
	}
	if v := r.enumValuesAdded(); len(v) > 0 {
		parts = append(parts, "new enum values "+strings.Join(v, ", "))
	}
	if len(r.NewErrors) > 0 {
		parts = append(parts, "new error types "+codeList(r.NewErrors))
	}
	if n := len(r.Breaking); n > 0 {
		parts = append(parts, fmt.Sprintf("%d breaking %s, listed first", n, plural(n, "change", "changes")))
	}
	return "Changes: " + strings.Join(parts, "; ") + "."
}

// enumValuesAdded lists each enum type that gained values once, as
// "`types.T` (A, B)", in the order the changes are listed.
func (r *Report) enumValuesAdded() []string {
	var order []string
	vals := map[string][]string{}
	for _, c := range r.UpdatedOperations {
		for _, m := range append(append([]*MemberChange{}, c.Request...), c.Response...) {
			if len(m.EnumAdded) == 0 {
				continue
			}
			t := strings.TrimLeft(m.NewType, "[]*")
			if _, ok := vals[t]; !ok {
				order = append(order, t)
			}
			for _, v := range m.EnumAdded {
				if !slices.Contains(vals[t], v) {
					vals[t] = append(vals[t], v)
				}
			}
		}
	}
	out := make([]string, len(order))
	for i, t := range order {
		out[i] = fmt.Sprintf("`%s` (%s)", t, strings.Join(vals[t], ", "))
	}
	return out
}

func names(ops []*Operation) []string {
	out := make([]string, len(ops))
	for i, o := range ops {
		out[i] = o.Name
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func (r *Report) identity() string {
	var b strings.Builder
	b.WriteString("Model")
	if r.ModelFile != "" {
		fmt.Fprintf(&b, " `%s`", r.ModelFile)
	}
	fmt.Fprintf(&b, " (service `%s`, version %s", r.Service, r.NewVersion)
	if r.OldVersion != "" && r.OldVersion != r.NewVersion {
		fmt.Fprintf(&b, ", was %s", r.OldVersion)
	}
	b.WriteString(")")
	if r.NewSHA256 != "" {
		fmt.Fprintf(&b, ", sha256 `%s`", r.NewSHA256)
		if r.OldSHA256 != "" && r.OldSHA256 != r.NewSHA256 {
			fmt.Fprintf(&b, " (was `%s`)", r.OldSHA256)
		}
	}
	b.WriteString(".\n\n")
	return b.String()
}

func (o *Operation) write(b *strings.Builder) {
	b.WriteString("Request syntax:\n\n```go\n")
	o.Request.write(b, 0)
	b.WriteString("```\n\nResponse syntax:\n\n```go\n")
	o.Response.write(b, 0)
	b.WriteString("```\n\n")
	var extra []string
	if len(o.Errors) > 0 {
		extra = append(extra, "Errors: "+codeList(o.Errors)+".")
	}
	if o.Paginator != "" {
		extra = append(extra, "Paginator: "+o.Paginator+".")
	}
	if len(o.Waiters) > 0 {
		extra = append(extra, "Waiters: "+codeList(o.Waiters)+".")
	}
	if len(extra) > 0 {
		b.WriteString(strings.Join(extra, "\n") + "\n\n")
	}
}

// write prints the field as a Go-struct-like block: one member a line, its
// type, "// required" and enum values as comments, nested structures
// expanded in braces.
func (f *Field) write(b *strings.Builder, depth int) {
	ind := strings.Repeat("    ", depth)
	if depth == 0 {
		b.WriteString(f.Name)
	} else {
		fmt.Fprintf(b, "%s%s %s", ind, f.Name, f.GoType)
	}
	switch {
	case f.Recursive:
		b.WriteString(" { … }")
	case len(f.Fields) > 0:
		b.WriteString(" {\n")
		for _, c := range f.Fields {
			c.write(b, depth+1)
		}
		b.WriteString(ind + "}")
	case depth == 0:
		b.WriteString(" {}")
	}
	var notes []string
	if f.Required {
		notes = append(notes, "required")
	}
	if len(f.Enum) > 0 {
		notes = append(notes, strings.Join(f.Enum, " | "))
	}
	if len(notes) > 0 {
		b.WriteString(" // " + strings.Join(notes, "; "))
	}
	b.WriteString("\n")
}

func (c *OperationChange) write(b *strings.Builder) {
	sides := []string{}
	if len(c.Request) > 0 {
		sides = append(sides, "request")
	}
	if len(c.Response) > 0 {
		sides = append(sides, "response")
	}
	if len(sides) > 0 {
		fmt.Fprintf(b, "Changes (%s)\n\n", strings.Join(sides, ", "))
	}
	for _, side := range []struct {
		name    string
		changes []*MemberChange
	}{{"Request", c.Request}, {"Response", c.Response}} {
		if len(side.changes) == 0 {
			continue
		}
		fmt.Fprintf(b, "%s:\n\n", side.name)
		for _, m := range side.changes {
			mark := ""
			if m.Breaking {
				mark = " **(breaking)**"
			}
			fmt.Fprintf(b, "- %s%s\n", m.summary(), mark)
		}
		b.WriteString("\n")
	}
	var lines []string
	if len(c.ErrorsAdded) > 0 {
		lines = append(lines, "- errors added: "+codeList(c.ErrorsAdded))
	}
	if len(c.ErrorsRemoved) > 0 {
		lines = append(lines, "- errors removed: "+codeList(c.ErrorsRemoved))
	}
	if c.Paginator != nil {
		lines = append(lines, fmt.Sprintf("- paginator: %s → %s", orNone(c.Paginator.Old), orNone(c.Paginator.New)))
	}
	if len(c.WaitersAdded) > 0 {
		lines = append(lines, "- waiters added: "+codeList(c.WaitersAdded))
	}
	if len(c.WaitersRemoved) > 0 {
		lines = append(lines, "- waiters removed: "+codeList(c.WaitersRemoved))
	}
	if len(c.WaitersChanged) > 0 {
		lines = append(lines, "- waiters changed: "+codeList(c.WaitersChanged))
	}
	if c.Deprecated != nil {
		lines = append(lines, fmt.Sprintf("- deprecation: %s → %s", orNone(c.Deprecated.Old), orNone(c.Deprecated.New)))
	}
	if len(lines) > 0 {
		b.WriteString(strings.Join(lines, "\n") + "\n\n")
	}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func codeList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = "`" + x + "`"
	}
	return strings.Join(q, ", ")
}
