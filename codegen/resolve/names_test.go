package resolve

import (
	"strings"
	"testing"
)

// TestNamesAreDecidedAndClaimed: every per-operation declaration and file
// comes from resolve, so the emitters only read them.
func TestNamesAreDecidedAndClaimed(t *testing.T) {
	m := load(t, `{"smithy":"2.0","shapes":{
	 "ex#S":{"type":"service","operations":[{"target":"ex#ListThings"}],"traits":{"aws.protocols#awsJson1_0":{}}},
	 "ex#ListThings":{"type":"operation","input":{"target":"ex#In"},"output":{"target":"ex#Out"},"traits":{
	   "smithy.api#paginated":{"inputToken":"NextToken","outputToken":"NextToken","items":"Things"},
	   "smithy.waiters#waitable":{"ThingsExist":{"acceptors":[{"state":"success","matcher":{"output":{"path":"length(Things) > `+"`0`"+`","expected":"true","comparator":"booleanEquals"}}}]}}}},
	 "ex#In":{"type":"structure","members":{"NextToken":{"target":"smithy.api#String"}}},
	 "ex#Out":{"type":"structure","members":{"NextToken":{"target":"smithy.api#String"},"Things":{"target":"ex#Things"}}},
	 "ex#Things":{"type":"list","member":{"target":"smithy.api#String"}}}}`)
	svc, err := Service(m, Config{Package: "x", ImportPath: "x"})
	if err != nil {
		t.Fatal(err)
	}
	op := svc.Operations[0]
	got := []string{op.File, op.Descriptor, op.APIClient, op.Paginator.GoName, op.Paginator.Options, op.Paginator.New}
	want := []string{"api_op_ListThings.go", "opListThings", "ListThingsAPIClient", "ListThingsPaginator", "ListThingsPaginatorOptions", "NewListThingsPaginator"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("operation names %v, want %v", got, want)
	}
	if len(op.Waiters) != 1 {
		t.Fatalf("waiters %+v (unsupported %+v)", op.Waiters, svc.Unsupported)
	}
	w := op.Waiters[0]
	got = []string{w.GoName, w.Options, w.New, w.Match, w.Retryable}
	want = []string{"ThingsExistWaiter", "ThingsExistWaiterOptions", "NewThingsExistWaiter", "thingsExistMatch", "thingsExistStateRetryable"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("waiter names %v, want %v", got, want)
	}
}

// TestNameCollisionNamesBothShapes: names aws-sdk-go-v2 exports cannot take
// a suffix, so two things of the model that want one are an error naming
// both: here operation X's paginator constructor and operation NewX's
// paginator type, then one waiter name on two operations.
func TestNameCollisionNamesBothShapes(t *testing.T) {
	const shapes = `
	 "ex#In":{"type":"structure","members":{"NextToken":{"target":"smithy.api#String"}}},
	 "ex#X":{"type":"operation","input":{"target":"ex#In"},"output":{"target":"ex#In"},"traits":{
	   "smithy.api#paginated":{"inputToken":"NextToken","outputToken":"NextToken"},
	   "smithy.waiters#waitable":{"Ready":{"acceptors":[{"state":"success","matcher":{"success":true}}]}}}},`
	for _, tc := range []struct{ other, want string }{
		{`"ex#NewX":{"type":"operation","input":{"target":"ex#In"},"output":{"target":"ex#In"},"traits":{
	   "smithy.api#paginated":{"inputToken":"NextToken","outputToken":"NextToken"}}}`,
			"generated name NewXPaginator for ex#X paginator collides with ex#NewX paginator"},
		{`"ex#Y":{"type":"operation","input":{"target":"ex#In"},"output":{"target":"ex#In"},"traits":{
	   "smithy.waiters#waitable":{"Ready":{"acceptors":[{"state":"success","matcher":{"success":true}}]}}}}`,
			"generated name ReadyWaiter for ex#Y waiter Ready collides with ex#X waiter Ready"},
	} {
		other := tc.other[1 : strings.Index(tc.other[1:], `"`)+1]
		m := load(t, `{"smithy":"2.0","shapes":{
	 "ex#S":{"type":"service","operations":[{"target":"ex#X"},{"target":"`+other+`"}],"traits":{"aws.protocols#awsJson1_0":{}}},`+shapes+tc.other+`}}`)
		_, err := Service(m, Config{Package: "x", ImportPath: "x"})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("err = %v, want %q", err, tc.want)
		}
	}
}

// TestUnsupportedPaginatorAndWaiterAreDecidedInResolve: the IR the emitters
// get has neither, and Unsupported says why, whatever the emitter order.
func TestUnsupportedPaginatorAndWaiterAreDecidedInResolve(t *testing.T) {
	m := load(t, `{"smithy":"2.0","shapes":{
	 "ex#S":{"type":"service","operations":[{"target":"ex#Scan"}],"traits":{"aws.protocols#awsJson1_0":{}}},
	 "ex#Scan":{"type":"operation","input":{"target":"ex#In"},"output":{"target":"ex#Out"},"traits":{
	   "smithy.api#paginated":{"inputToken":"Start","outputToken":"Last"},
	   "smithy.waiters#waitable":{
	     "Bad":{"acceptors":[{"state":"success","matcher":{"output":{"path":"Last.nope","expected":"x","comparator":"stringEquals"}}}]},
	     "Good":{"acceptors":[{"state":"success","matcher":{"success":true}}]}}}},
	 "ex#In":{"type":"structure","members":{"Start":{"target":"ex#Key"}}},
	 "ex#Out":{"type":"structure","members":{"Last":{"target":"ex#Key"}}},
	 "ex#Key":{"type":"map","key":{"target":"smithy.api#String"},"value":{"target":"smithy.api#String"}}}}`)
	svc, err := Service(m, Config{Package: "x", ImportPath: "x"})
	if err != nil {
		t.Fatal(err)
	}
	op := svc.Operations[0]
	if op.Paginator != nil || len(op.Waiters) != 1 || op.Waiters[0].Name != "Good" {
		t.Fatalf("paginator %+v, waiters %+v", op.Paginator, op.Waiters)
	}
	if len(svc.Unsupported) != 2 ||
		!strings.Contains(svc.Unsupported[0].Reason, "paginator not generated: token Start is not a string") ||
		!strings.Contains(svc.Unsupported[1].Reason, "waiter Bad not generated: acceptor 0") {
		t.Errorf("unsupported %+v", svc.Unsupported)
	}
	if op.APIClient != "ScanAPIClient" {
		t.Errorf("APIClient %q: the Good waiter still needs one", op.APIClient)
	}
}
