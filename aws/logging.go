package aws

// ClientLogMode turns on the client's request and response logging.
// Secrets (the Authorization header, X-Amz-Security-Token, sensitive members)
// are redacted in every mode.
type ClientLogMode uint64

const (
	LogSigning ClientLogMode = 1 << iota
	LogRetries
	LogRequest
	LogRequestWithBody
	LogResponse
	LogResponseWithBody
	LogDeprecatedUsage
	LogRequestEventMessage
	LogResponseEventMessage
)

// IsSigning reports whether LogSigning is set.
func (m ClientLogMode) IsSigning() bool { return m&LogSigning != 0 }

// IsRetries reports whether LogRetries is set.
func (m ClientLogMode) IsRetries() bool { return m&LogRetries != 0 }

// IsRequest reports whether LogRequest is set.
func (m ClientLogMode) IsRequest() bool { return m&LogRequest != 0 }

// IsRequestWithBody reports whether LogRequestWithBody is set.
func (m ClientLogMode) IsRequestWithBody() bool { return m&LogRequestWithBody != 0 }

// IsResponse reports whether LogResponse is set.
func (m ClientLogMode) IsResponse() bool { return m&LogResponse != 0 }

// IsResponseWithBody reports whether LogResponseWithBody is set.
func (m ClientLogMode) IsResponseWithBody() bool { return m&LogResponseWithBody != 0 }
