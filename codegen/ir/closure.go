package ir

import "sort"

// Closure returns roots and every aggregate shape (structure, union, list,
// map) reachable from them through members, each once, sorted by GoName.
// The client serializes the closure of its inputs and decodes that of its
// outputs and errors; a server does the reverse.
func Closure(roots []*Shape) []*Shape {
	seen := map[*Shape]bool{}
	var out []*Shape
	var visit func(s *Shape)
	visit = func(s *Shape) {
		if s == nil || seen[s] {
			return
		}
		switch s.Kind {
		case Struct, Union, List, Map:
		default:
			return
		}
		seen[s] = true
		out = append(out, s)
		for _, m := range s.Members {
			if m.Location == InBody || m.Location == InPayload {
				visit(m.Type.Shape)
			}
		}
		for _, m := range []*Member{s.Elem, s.Key, s.Value} {
			if m != nil {
				visit(m.Type.Shape)
			}
		}
	}
	for _, r := range roots {
		visit(r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SerFunc+out[i].DeserFunc < out[j].SerFunc+out[j].DeserFunc })
	return out
}

// NeedsValidation reports whether a shape or anything it holds has required
// members; only those shapes get validators.
func NeedsValidation(s *Shape) bool { return needsValidation(s, map[*Shape]bool{}) }

func needsValidation(s *Shape, visiting map[*Shape]bool) bool {
	if s == nil || visiting[s] {
		return false
	}
	visiting[s] = true
	defer delete(visiting, s)
	switch s.Kind {
	case Struct:
		for _, m := range s.Members {
			if m.Required || needsValidation(m.Type.Shape, visiting) {
				return true
			}
		}
	case Union:
		for _, m := range s.Members {
			if needsValidation(m.Type.Shape, visiting) {
				return true
			}
		}
	case List:
		return needsValidation(s.Elem.Type.Shape, visiting)
	case Map:
		return needsValidation(s.Value.Type.Shape, visiting)
	}
	return false
}

// Inputs returns every operation's input shape.
func (s *Service) Inputs() []*Shape {
	out := make([]*Shape, len(s.Operations))
	for i, o := range s.Operations {
		out[i] = o.Input
	}
	return out
}

// OutputsAndErrors returns every operation's output shape and every error.
func (s *Service) OutputsAndErrors() []*Shape {
	var out []*Shape
	for _, o := range s.Operations {
		out = append(out, o.Output)
		out = append(out, o.Errors...)
	}
	return out
}

// Errors returns every modeled error of the service, sorted by GoName.
func (s *Service) Errors() []*Shape {
	var out []*Shape
	for _, t := range s.Types {
		if t.Error != nil {
			out = append(out, t)
		}
	}
	return out
}

// HasConstraints reports whether a shape or anything it holds has a
// member with a length, range, pattern or enum constraint; only those
// shapes get server-side constraint checks.
func HasConstraints(s *Shape) bool { return hasConstraints(s, map[*Shape]bool{}) }

// Constrained reports whether a member's own value carries a constraint.
func (m *Member) Constrained() bool {
	return m.Length != nil || m.Range != nil || m.Pattern != "" || m.Type.Kind == Enum
}

func hasConstraints(s *Shape, visiting map[*Shape]bool) bool {
	if s == nil || visiting[s] {
		return false
	}
	visiting[s] = true
	defer delete(visiting, s)
	var ms []*Member
	switch s.Kind {
	case Struct, Union:
		ms = s.Members
	case List:
		ms = []*Member{s.Elem}
	case Map:
		ms = []*Member{s.Key, s.Value}
	}
	for _, m := range ms {
		if m.Constrained() || (m.Type.Kind != Enum && hasConstraints(m.Type.Shape, visiting)) {
			return true
		}
	}
	return false
}
