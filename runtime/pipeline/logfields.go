package pipeline

import "github.com/aws/smithy-go/logging"

// fieldLogger is a logger that takes structured fields as key/value pairs
// besides the message, such as slogger.Logger. The pipeline passes it the
// service, operation, attempt and request id of each line; other loggers get
// the message through Logf, as before.
type fieldLogger interface {
	LogFields(cls logging.Classification, msg string, keyvals ...any)
}

// log writes one debug line about attempt (0: the call as a whole) of op.
func (c *Client) log(op string, attempt int, requestID, msg string) {
	fl, ok := c.opts.Logger.(fieldLogger)
	if !ok {
		c.opts.Logger.Logf(logging.Debug, "%s", msg)
		return
	}
	kv := make([]any, 0, 8)
	kv = append(kv, "service", c.svc.ID, "operation", op)
	if attempt > 0 {
		kv = append(kv, "attempt", attempt)
	}
	if requestID != "" {
		kv = append(kv, "request_id", requestID)
	}
	fl.LogFields(logging.Debug, msg, kv...)
}
