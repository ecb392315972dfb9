package resolve

import (
	"fmt"
	"sort"

	"github.com/eucsdk/eucsdk/codegen/ir"
	"github.com/eucsdk/eucsdk/codegen/jmespath"
	"github.com/eucsdk/eucsdk/codegen/naming"
)

// clientFixed are the client package's declarations that no model shape
// names: the emitters write them for every service.
var clientFixed = []string{
	"Client", "Options", "New", "NewFromConfig", "ServiceID", "ServiceAPIVersion",
	"service", "newModeledError", "endpointRuleSet", "endpointRuleSetJSON",
}

// clientFiles are the client package's files that no operation names.
var clientFiles = []string{
	"doc.go", "api_client.go", "serializers.go", "deserializers.go", "validators.go",
	"endpoints.go", "endpoints_test.go", "protocol_test.go", "UNSUPPORTED.md",
}

// nameOperations names every per-operation declaration and file of the
// client package, in operation order, and claims each: two operations (or
// an operation and a waiter) that want one name are an error naming both.
// Names that aws-sdk-go-v2 exports are taken exactly, never suffixed, so
// that the exported API stays the same as upstream's.
func (r *resolver) nameOperations() error {
	decls := naming.NewScope(clientFixed...)
	files := naming.NewScope(clientFiles...)
	take := func(sc *naming.Scope, name, owner string) (string, error) {
		n, err := sc.Take(name, owner)
		if err != nil {
			return "", &Error{owner, err.Error()}
		}
		return n, nil
	}
	for _, op := range r.svc.Operations {
		var err error
		if op.File, err = take(files, "api_op_"+op.Name+".go", op.ShapeID); err != nil {
			return err
		}
		if _, err = take(decls, op.Input.GoName, op.ShapeID+" input"); err != nil {
			return err
		}
		if _, err = take(decls, op.Output.GoName, op.ShapeID+" output"); err != nil {
			return err
		}
		if op.Descriptor, err = take(decls, "op"+op.Name, op.ShapeID); err != nil {
			return err
		}
		if op.Paginator != nil || len(op.Waiters) > 0 {
			if op.APIClient, err = take(decls, op.Name+"APIClient", op.ShapeID); err != nil {
				return err
			}
		}
		if pg := op.Paginator; pg != nil {
			owner := op.ShapeID + " paginator"
			if pg.GoName, err = take(decls, op.Name+"Paginator", owner); err != nil {
				return err
			}
			if pg.Options, err = take(decls, pg.GoName+"Options", owner); err != nil {
				return err
			}
			if pg.New, err = take(decls, "New"+pg.GoName, owner); err != nil {
				return err
			}
		}
		for _, w := range op.Waiters {
			owner := op.ShapeID + " waiter " + w.Name
			if w.GoName, err = take(decls, w.Name+"Waiter", owner); err != nil {
				return err
			}
			if w.Options, err = take(decls, w.GoName+"Options", owner); err != nil {
				return err
			}
			if w.New, err = take(decls, "New"+w.GoName, owner); err != nil {
				return err
			}
			if w.Match, err = take(decls, naming.Unexported(w.Name)+"Match", owner); err != nil {
				return err
			}
			if w.Retryable, err = take(decls, naming.Unexported(w.Name)+"StateRetryable", owner); err != nil {
				return err
			}
		}
	}
	return nil
}

// nameProtocolTests names the generated protocol test functions, which
// share the external test package.
func (r *resolver) nameProtocolTests() error {
	scope := naming.NewScope("TestMain")
	for _, op := range r.svc.Operations {
		for _, tc := range op.Tests {
			kind := map[string]string{"request": "Request", "response": "Response", "error": "Error"}[tc.Kind]
			name := "Test" + op.Name + "_" + tc.ID + "_" + kind
			var err error
			if tc.FuncName, err = scope.Take(name, "protocol test "+tc.ID+" of "+op.ShapeID); err != nil {
				return &Error{op.ShapeID, err.Error()}
			}
		}
	}
	return nil
}

// supportPaginator drops a paginator the generator cannot express and
// records why. Structured tokens (DynamoDB's ExclusiveStartKey) cannot be
// compared for repeats, so only string tokens get a paginator.
func (r *resolver) supportPaginator(o *ir.Operation) {
	pg := o.Paginator
	if pg == nil || (pg.InputToken.Type.Kind == ir.String && pg.InputToken.Type.Pointer) {
		return
	}
	o.Paginator = nil
	r.svc.Unsupported = append(r.svc.Unsupported, ir.Unsupported{Operation: o.Name, ShapeID: o.ShapeID,
		Reason: fmt.Sprintf("paginator not generated: token %s is not a string", pg.InputToken.Name)})
}

// supportWaiters drops each waiter whose acceptor paths the JMESPath
// compiler cannot type, and records it: the operation and the service's
// other waiters are still generated, and a bad path is found here rather
// than in a user's Wait.
func (r *resolver) supportWaiters(o *ir.Operation) {
	var keep []*ir.Waiter
	for _, w := range o.Waiters {
		if err := compiles(o, w); err != nil {
			r.svc.Unsupported = append(r.svc.Unsupported, ir.Unsupported{Operation: o.Name, ShapeID: o.ShapeID,
				Reason: fmt.Sprintf("waiter %s not generated: %v", w.Name, err)})
			continue
		}
		keep = append(keep, w)
	}
	o.Waiters = keep
}

// compiles compiles the acceptors a waiter can reach: the model's order
// holds, and nothing after an unconditional success acceptor runs.
func compiles(o *ir.Operation, w *ir.Waiter) error {
	prog := jmespath.NewProgram(o.Input, o.Output)
	for i, a := range w.Acceptors {
		switch a.Kind {
		case "success":
			if a.Success {
				return nil
			}
		case "output", "inputOutput":
			if _, _, _, err := prog.Acceptor(a.Kind, a.Path, a.Comparator, a.Expected); err != nil {
				return fmt.Errorf("acceptor %d: %w", i, err)
			}
		}
	}
	return nil
}

// sortUnsupported orders what was skipped by operation, so the report does
// not depend on which pass found it.
func (r *resolver) sortUnsupported() {
	sort.SliceStable(r.svc.Unsupported, func(i, j int) bool {
		return r.svc.Unsupported[i].Operation < r.svc.Unsupported[j].Operation
	})
}
