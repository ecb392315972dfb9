package pipeline

// FixInvocationID makes every call's Amz-Sdk-Invocation-Id id until the
// returned function restores random ids.
func FixInvocationID(id string) (restore func()) {
	prev := invocationID
	invocationID = func(dst *[36]byte) { copy(dst[:], id) }
	return func() { invocationID = prev }
}
