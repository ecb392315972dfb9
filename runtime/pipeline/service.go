package pipeline

import (
	"bytes"
	"compress/gzip"

	"github.com/eucsdk/eucsdk/runtime/endpoints"
	"github.com/eucsdk/eucsdk/runtime/signer"
	"github.com/eucsdk/eucsdk/runtime/wire"
)

// Service describes one generated service to the pipeline.
type Service struct {
	ID          string // sdkId, e.g. AppStream
	APIVersion  string
	SigningName string // SigV4 signing name, e.g. appstream

	// Protocol frames requests and recognises errors, e.g. awsjson.JSON11.
	Protocol wire.Protocol

	// RuleSet returns the model's endpoint rules, parsed once.
	RuleSet func() (*endpoints.RuleSet, error)

	// ModeledError decodes an error body into the modeled type for code, or
	// returns nil when the model has no such error.
	ModeledError wire.ErrorDecoder

	// SignerOptions tune SigV4 for services that check signatures their own
	// way (S3: the path signed as sent, never normalized, and the payload
	// hash sent in X-Amz-Content-Sha256); the zero value suits the rest.
	SignerOptions signer.Options

	// AccountIDParam and AccountIDModeParam name the rule parameters bound
	// to the AWS::Auth::AccountId and AWS::Auth::AccountIdEndpointMode
	// built-ins, for services whose rules offer account-based endpoints;
	// "" when the rules have none. A call then resolves its credentials
	// before its endpoint (see Options.AccountIDEndpointMode).
	AccountIDParam, AccountIDModeParam string
}

// Operation describes one API call of a service.
type Operation[In, Out any] struct {
	Name string
	// Target is the operation's static address for protocols that have one
	// (awsJson's X-Amz-Target); see wire.Op.
	Target string

	// Serialize writes the input's body and bindings in the service's
	// protocol; Deserialize reads a successful response into the output.
	// Generated code sets both by converting its codec functions to the
	// codec package's adapter types, never by calling a constructor, so
	// that every descriptor is static data and the linker drops the codecs
	// of operations a program never calls (see wire.Serializer).
	Serialize   wire.Serializer[In]
	Deserialize wire.Deserializer[Out]
	// Compress is set by smithy.api#requestCompression (to Gzip): bodies of
	// at least Options.RequestMinCompressSizeBytes are sent compressed. A
	// value the descriptor holds rather than a flag the pipeline tests, so
	// that a program links compress/flate's writer only if it calls an
	// operation that may compress.
	Compress Compressor
	// StreamingOutput is set when the output's payload is an @streaming
	// blob: a successful response's body reaches Deserialize unread, as
	// wire.Response.Stream.
	StreamingOutput bool
	// LongPolling is set by the aws.api#longPoll trait: under retries 2.1 a
	// call that finds the retry quota empty still waits its backoff before
	// failing (see retry.WithLongPolling).
	LongPolling bool
	// Auth is how requests are authenticated; the zero value signs them.
	Auth Auth
	// Validate checks required members before any network I/O; nil when the
	// input has none.
	Validate func(*In) error
	// Prepare returns the input to send: a copy with an empty idempotency
	// token filled in from token; nil when the input has no such member.
	Prepare func(in *In, token func() string) *In
	// EndpointParams sets the endpoint rule parameters the operation takes
	// from its input or fixes; nil when it sets none, and the call uses the
	// client's endpoint.
	EndpointParams func(in *In, p *EndpointParams)
}

// Auth is how an operation authenticates its requests, decided from the
// model's smithy.api#auth and smithy.api#optionalAuth traits.
type Auth uint8

const (
	// AuthSigV4 signs every request; a call without usable credentials
	// fails before it is sent.
	AuthSigV4 Auth = iota
	// AuthNone sends requests unsigned and never resolves credentials: the
	// operation proves identity in its input (a web identity token, an SSO
	// access token), and the client that calls it is often the one building
	// the credentials.
	AuthNone
	// AuthOptional signs when credentials resolve and sends the request
	// unsigned when they do not.
	AuthOptional
)

// Compressor encodes a request body for smithy.api#requestCompression.
type Compressor interface {
	// Encoding is the Content-Encoding token, e.g. gzip.
	Encoding() string
	Compress(body []byte) []byte
}

// Gzip is the gzip Compressor, the one encoding Smithy defines.
type Gzip struct{}

// Encoding returns "gzip".
func (Gzip) Encoding() string { return "gzip" }

// Compress returns body gzip-compressed.
func (Gzip) Compress(body []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(body)
	zw.Close()
	return buf.Bytes()
}
