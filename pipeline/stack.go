package pipeline

import (
	"context"

	"github.com/aws/smithy-go/middleware"
)

// invokeStack runs the call through a smithy-go middleware stack, so that
// Options.APIOptions can add or replace steps. Calls without APIOptions take
// the direct path, which does the same work without building a stack.
func invokeStack[In, Out any](ctx context.Context, c *Client, op *Operation[In, Out], in *In) (*Out, middleware.Metadata, error) {
	panic("not yet")
}
