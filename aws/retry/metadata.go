package retry

import "github.com/aws/smithy-go/middleware"

type resultKey struct{}

// SetResult stores a call's attempt history in its output metadata, where
// GetResult finds it.
func SetResult(md *middleware.Metadata, r Result) {
	if len(r.Attempts) == 1 && &r.Attempts[0] == &firstTrySuccess[0] {
		// The common case stores a value boxed once, so it costs no allocation.
		md.Set(resultKey{}, firstTrySuccessResult)
		return
	}
	md.Set(resultKey{}, r)
}

// firstTrySuccessResult is firstTrySuccess as an interface value, boxed once.
var firstTrySuccessResult any = Result{Attempts: firstTrySuccess[:1:1]}

// GetResult returns the attempt history SetResult stored.
func GetResult(md middleware.Metadata) (Result, bool) {
	r, ok := md.Get(resultKey{}).(Result)
	return r, ok
}
