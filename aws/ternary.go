package aws

// Ternary is a boolean setting that can also be unset, so that resolution
// can tell "not configured" (look further: environment, profile, default)
// from an explicit false. Names and values match aws-sdk-go-v2's.
type Ternary int

const (
	// UnknownTernary is the zero value: not set.
	UnknownTernary Ternary = iota
	// FalseTernary is an explicit false.
	FalseTernary
	// TrueTernary is an explicit true.
	TrueTernary
)

// BoolTernary returns TrueTernary or FalseTernary for v.
func BoolTernary(v bool) Ternary {
	if v {
		return TrueTernary
	}
	return FalseTernary
}

// Bool reports whether t is TrueTernary.
func (t Ternary) Bool() bool { return t == TrueTernary }

// String is "unknown", "false" or "true".
func (t Ternary) String() string {
	switch t {
	case FalseTernary:
		return "false"
	case TrueTernary:
		return "true"
	}
	return "unknown"
}
