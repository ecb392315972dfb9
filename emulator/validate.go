package emulator

import (
	asserver "github.com/eucsdk/eucsdk/appstream/server"
	"github.com/eucsdk/eucsdk/runtime/constraint"
	wsserver "github.com/eucsdk/eucsdk/workspaces/server"
)

// modelOps is what the generated server package of each service knows of
// every operation, keyed by target prefix: its required members and
// constraints, and its empty output, enough to answer an operation that has
// no hand-written handler yet.
var modelOps = map[string]struct {
	validate    func(any) error
	constraints func(any) constraint.Violations
	newOutput   func(string) any
	errors      func(string) []string
}{
	asserver.ServiceTarget: {asserver.ValidateInput, asserver.CheckConstraints, asserver.NewOutput, asserver.OperationErrors},
	wsserver.ServiceTarget: {wsserver.ValidateInput, wsserver.CheckConstraints, wsserver.NewOutput, wsserver.OperationErrors},
}

// frontEnd checks an input as AWS's front end does before the service sees
// it: required members, then every length, range, pattern and enum
// constraint of the model, nested members included, all reported in one
// ValidationException. Both services answer constraint failures this way
// (their modeled InvalidParameterValuesException is for what only the
// service can judge), so every handler can assume a well-formed input.
func frontEnd(svc *service, in any) error {
	m, ok := modelOps[svc.targetPrefix]
	if !ok {
		return nil
	}
	var v violations
	v.fromModel(m.validate(in))
	v = append(v, m.constraints(in)...)
	if msg := v.message(); msg != "" {
		return errorf(400, "ValidationException", "%s", msg)
	}
	return nil
}
