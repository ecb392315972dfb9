package aws

import "time"

// String returns a pointer to v.
func String(v string) *string { return &v }

// Bool returns a pointer to v.
func Bool(v bool) *bool { return &v }

// Int8 returns a pointer to v.
func Int8(v int8) *int8 { return &v }

// Int16 returns a pointer to v.
func Int16(v int16) *int16 { return &v }

// Int32 returns a pointer to v.
func Int32(v int32) *int32 { return &v }

// Int64 returns a pointer to v.
func Int64(v int64) *int64 { return &v }

// Int returns a pointer to v.
func Int(v int) *int { return &v }

// Float32 returns a pointer to v.
func Float32(v float32) *float32 { return &v }

// Float64 returns a pointer to v.
func Float64(v float64) *float64 { return &v }

// Time returns a pointer to v.
func Time(v time.Time) *time.Time { return &v }

// ToString returns *p, or "" for nil.
func ToString(p *string) string { return deref(p) }

// ToBool returns *p, or false for nil.
func ToBool(p *bool) bool { return deref(p) }

// ToInt8 returns *p, or 0 for nil.
func ToInt8(p *int8) int8 { return deref(p) }

// ToInt16 returns *p, or 0 for nil.
func ToInt16(p *int16) int16 { return deref(p) }

// ToInt32 returns *p, or 0 for nil.
func ToInt32(p *int32) int32 { return deref(p) }

// ToInt64 returns *p, or 0 for nil.
func ToInt64(p *int64) int64 { return deref(p) }

// ToInt returns *p, or 0 for nil.
func ToInt(p *int) int { return deref(p) }

// ToFloat32 returns *p, or 0 for nil.
func ToFloat32(p *float32) float32 { return deref(p) }

// ToFloat64 returns *p, or 0 for nil.
func ToFloat64(p *float64) float64 { return deref(p) }

// ToTime returns *p, or the zero time for nil.
func ToTime(p *time.Time) time.Time { return deref(p) }

// StringSlice returns a slice of pointers to the values of vs.
func StringSlice(vs []string) []*string {
	ps := make([]*string, len(vs))
	for i := range vs {
		ps[i] = &vs[i]
	}
	return ps
}

// ToStringSlice returns the values behind ps, "" for each nil.
func ToStringSlice(ps []*string) []string {
	vs := make([]string, len(ps))
	for i, p := range ps {
		vs[i] = deref(p)
	}
	return vs
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
