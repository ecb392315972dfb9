package emulator

// fallback answers an operation of the model that no family implements:
// the input was checked against the model by frontEnd, and the
// answer is the operation's empty output (lists and maps present, per the
// generated encoder). It returns false for a name the model does not have,
// which stays UnknownOperationException. Handlers in svc.ops always win, so
// a family added later replaces its operations' fallback without touching
// this file.
func fallback(svc *service, opName string) (handler, bool) {
	m, ok := modelOps[svc.targetPrefix]
	if !ok || m.newOutput(opName) == nil {
		return nil, false
	}
	return func(c *call, in any) (any, error) {
		return m.newOutput(opName), nil
	}, true
}
