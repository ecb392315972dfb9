package emulator

import (
	asserver "github.com/eucsdk/eucsdk/appstream/server"
	wsserver "github.com/eucsdk/eucsdk/workspaces/server"
)

// modelOps is what the generated server package of each service knows of
// every operation, keyed by target prefix: enough to answer an operation
// that has no hand-written handler yet.
var modelOps = map[string]struct {
	validate  func(any) error
	newOutput func(string) any
}{
	asserver.ServiceTarget: {asserver.ValidateInput, asserver.NewOutput},
	wsserver.ServiceTarget: {wsserver.ValidateInput, wsserver.NewOutput},
}

// fallback answers an operation of the model that no family implements:
// the input is checked against the model as AWS's front end would, and the
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
		var v violations
		v.fromModel(m.validate(in))
		if msg := v.message(); msg != "" {
			return nil, errorf(400, "ValidationException", "%s", msg)
		}
		return m.newOutput(opName), nil
	}, true
}
