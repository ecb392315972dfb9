package retry

import "github.com/aws/smithy-go/middleware"

type resultKey struct{}

// SetResult stores a call's attempt history in its output metadata, where
// GetResult finds it.
func SetResult(md *middleware.Metadata, r Result) { md.Set(resultKey{}, r) }

// GetResult returns the attempt history SetResult stored.
func GetResult(md middleware.Metadata) (Result, bool) {
	r, ok := md.Get(resultKey{}).(Result)
	return r, ok
}
