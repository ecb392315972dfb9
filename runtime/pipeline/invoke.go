package pipeline

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
	"github.com/google/uuid"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/aws/retry"
	"github.com/eucsdk/eucsdk/runtime/signer"
	"github.com/eucsdk/eucsdk/runtime/wire"
)

var defaultSigner = signer.New()

// signerFor returns the signer for svc's clients: the shared default one,
// whose caches every client then shares, or one with svc's options.
func signerFor(svc *Service) *signer.Signer {
	if svc.SignerOptions == (signer.Options{}) {
		return defaultSigner
	}
	opts := svc.SignerOptions
	return signer.New(func(o *signer.Options) { *o = opts })
}

// invocationID writes a call's Amz-Sdk-Invocation-Id; tests replace it to
// compare whole requests.
var invocationID = newInvocationID

// newInvocationID writes a random UUID v4 (as uuid.NewString formats it)
// into id without allocating.
func newInvocationID(id *[36]byte) {
	var u [16]byte
	if _, err := rand.Read(u[:]); err != nil {
		copy(id[:], uuid.NewString()) // crypto/rand does not fail on supported systems
		return
	}
	u[6] = u[6]&0x0f | 0x40 // version 4
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	hex.Encode(id[0:8], u[0:4])
	id[8] = '-'
	hex.Encode(id[9:13], u[4:6])
	id[13] = '-'
	hex.Encode(id[14:18], u[6:8])
	id[18] = '-'
	hex.Encode(id[19:23], u[8:10])
	id[23] = '-'
	hex.Encode(id[24:], u[10:])
}

// NewIdempotencyToken returns a random UUID v4 for idempotency-token members.
func NewIdempotencyToken() string { return uuid.NewString() }

// Invoke runs one call of op with input in: the steps below, as plain calls
// (direct), or wrapped as smithy-go middleware when Options.APIOptions is set
// (stack.go). Either way each step is the one function here.
func Invoke[In, Out any](ctx context.Context, c *Client, op *Operation[In, Out], in *In, optFns []func(*Options)) (*Out, middleware.Metadata, error) {
	c.ready()
	if len(optFns) > 0 {
		c = c.derive(optFns)
	}
	if op.LongPolling {
		ctx = retry.WithLongPolling(ctx)
	}
	if c.tel != nil {
		var ct *callTelemetry
		ctx, ct = c.tel.startCall(ctx, c.svc.ID, op.Name)
		out, md, err := invoke(ctx, c, op, in)
		id, _ := GetRequestID(md)
		ct.end(ctx, id, err)
		return out, md, err
	}
	return invoke(ctx, c, op, in)
}

// invoke is Invoke once the client is ready and the context is set up.
func invoke[In, Out any](ctx context.Context, c *Client, op *Operation[In, Out], in *In) (*Out, middleware.Metadata, error) {
	if c.opts.ClientLogMode.IsRequestWithBody() {
		c.log(op.Name, 0, "", describeValue("Request", op.Name, in))
	}
	k := &invocation[In, Out]{op: op}
	k.c, k.wop, k.decoder = c, wire.Op{Name: op.Name, Target: op.Target}, k
	k.streamOut = op.StreamingOutput
	k.auth = op.Auth
	defer k.req.Release()
	var md middleware.Metadata
	var err error
	out := &k.out
	if len(c.opts.APIOptions) > 0 {
		out, md, err = k.viaStack(ctx, in)
	} else {
		err = k.direct(ctx, in, &md)
	}
	if k.requestID != "" {
		// A pointer into the call boxes without allocating.
		md.Set(requestIDKey{}, &k.requestID)
	}
	if err != nil {
		return nil, md, c.opError(op.Name, err)
	}
	c.logOutput(op.Name, out, nil)
	return out, md, nil
}

// direct runs the steps in order, without a middleware stack.
func (k *invocation[In, Out]) direct(ctx context.Context, in *In, md *middleware.Metadata) error {
	if err := k.validate(in); err != nil {
		return err
	}
	in = k.fillToken(in)
	serStart := k.c.telStart()
	if err := k.serialize(in); err != nil {
		return err
	}
	k.c.telRecord(ctx, serializeHist, serStart)
	k.compress(k.op.Compress)
	if err := k.begin(ctx); err != nil {
		return err
	}
	res, err := retry.Do(ctx, k.c.opts.Retryer, nil, telemetryAttempt(ctx, k.attempt))
	k.endRetries(md, res, err)
	return err
}

// invocation is one call: the protocol-neutral state its steps share and
// the output, allocated together.
type invocation[In, Out any] struct {
	call
	op  *Operation[In, Out]
	out Out
}

// validate is the OperationInputValidation step.
func (k *invocation[In, Out]) validate(in *In) error {
	if k.op.Validate == nil {
		return nil
	}
	return k.op.Validate(in)
}

// fillToken is the OperationIdempotencyTokenAutoFill step.
func (k *invocation[In, Out]) fillToken(in *In) *In {
	if k.op.Prepare == nil {
		return in
	}
	return k.op.Prepare(in, k.c.opts.IdempotencyTokenProvider)
}

// serialize is the OperationSerializer step's protocol half: the protocol
// frames the request, the operation's serializer writes its body and
// bindings.
func (k *invocation[In, Out]) serialize(in *In) error {
	if f := k.op.EndpointParams; f != nil {
		f(in, &k.epParams)
	}
	k.c.svc.Protocol.Frame(&k.req, k.wop)
	if err := k.op.Serialize.Serialize(&k.req, in); err != nil {
		return &smithy.SerializationError{Err: err}
	}
	return nil
}

func (k *invocation[In, Out]) decodeOutput(resp *wire.Response) error {
	return k.op.Deserialize.Deserialize(resp, &k.out)
}

// call is what every step and attempt of one call shares, whichever path
// runs them; nothing in it depends on the protocol.
type call struct {
	c   *Client
	wop wire.Op
	ep  *resolvedEndpoint
	// epParams are the endpoint rule parameters the operation set for
	// this call (Operation.EndpointParams); empty for most operations.
	epParams EndpointParams
	req      wire.Request
	// decoder decodes a successful response into the output.
	decoder interface {
		decodeOutput(*wire.Response) error
	}
	payloadHash string
	requestID   string
	// stream is the request's streaming payload, nil when the body is
	// bytes; lastErr is the last attempt's error, for a stream that
	// cannot be sent again. streamOut hands a successful response's body
	// to the output unread.
	stream    *streamBody
	lastErr   error
	streamOut bool
	auth      Auth
	// early holds credentials retrieved before the endpoint (accountID),
	// for the first attempt's signature; nil otherwise.
	early *aws.Credentials
	// n is the attempt under way, for the stack path's logs.
	n int

	// sdk backs the per-call header values: Amz-Sdk-Invocation-Id and the
	// first attempt's Amz-Sdk-Request; hash and id back payloadHash and
	// the invocation id.
	sdk  [2]string
	hash [64]byte
	id   [36]byte
}

// compress is the requestCompression step (smithy.api#requestCompression).
func (k *call) compress(c Compressor) {
	o := &k.c.opts
	// A stream is sent as read, so it is not compressed: gzip would need
	// it whole (or chunked framing the service may not take).
	if c != nil && k.req.Stream == nil && !o.DisableRequestCompression && int64(len(k.req.Body)) >= o.RequestMinCompressSizeBytes {
		k.req.SetBody(c.Compress(k.req.Body), nil)
		enc := c.Encoding()
		if prev := k.req.Header("Content-Encoding"); prev != "" {
			// A bound Content-Encoding header names the encodings applied
			// before ours; the last one set is the one sent.
			enc = prev + ", " + enc
		}
		k.req.SetHeader("Content-Encoding", enc)
	}
}

// begin settles what every attempt shares: the endpoint, the payload hash
// and the invocation id.
func (k *call) begin(ctx context.Context) error {
	c := k.c
	if c.configErr != nil {
		return c.configErr
	}
	k.accountID(ctx)
	var ep *resolvedEndpoint
	var err error
	if len(k.epParams.list) > 0 {
		ep, err = c.endpointFor(&k.epParams)
	} else {
		ep, err = c.endpointRef()
	}
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	k.ep = ep
	if k.req.Stream != nil {
		if err := k.prepareStream(); err != nil {
			return &smithy.SerializationError{Err: err}
		}
	} else {
		sum := sha256.Sum256(k.req.Body)
		hex.Encode(k.hash[:], sum[:])
		// hash is never written again, so it can back a string.
		k.payloadHash = unsafe.String(&k.hash[0], len(k.hash))
	}
	invocationID(&k.id)
	// id is never written again, so it can back a string.
	k.sdk = [2]string{unsafe.String(&k.id[0], len(k.id)), c.firstAttempt}
	if m := c.opts.Retryer.MaxAttempts(); m != c.firstAttemptMax {
		k.sdk[1] = "attempt=1; max=" + strconv.Itoa(m)
	}
	return nil
}

// sdkRequest returns the Amz-Sdk-Request value of attempt n.
func (k *call) sdkRequest(n int) []string {
	if n <= 1 {
		return k.sdk[1:2:2]
	}
	return []string{"attempt=" + strconv.Itoa(n) + "; max=" + strconv.Itoa(k.c.opts.Retryer.MaxAttempts())}
}

// attempt is one try of the direct path: build, sign, send, read.
func (k *call) attempt(ctx context.Context, n int) error {
	if k.stream != nil {
		if err := k.streamAttempt(n); err != nil {
			return err
		}
		return k.streamFailed(k.try(ctx, n))
	}
	return k.try(ctx, n)
}

func (k *call) try(ctx context.Context, n int) error {
	req := k.buildRequest(ctx, n)
	if err := k.sign(ctx, req, k.payloadHash); err != nil {
		return err
	}
	resp, err := k.send(ctx, req, n)
	if err != nil {
		return err
	}
	return k.handleResponse(ctx, resp, n)
}

// endRetries records the retry loop's result in the call's metadata.
func (k *call) endRetries(md *middleware.Metadata, res retry.Result, err error) {
	retry.SetResult(md, res)
	if err != nil && k.c.opts.ClientLogMode.IsRetries() {
		k.c.log(k.wop.Name, len(res.Attempts), k.requestID, fmt.Sprintf("%s.%s failed after %d attempts: %v", k.c.svc.ID, k.wop.Name, len(res.Attempts), err))
	}
}

// requestBody is the body of one attempt: the serialized input, read from
// the start.
type requestBody struct{ bytes.Reader }

func (*requestBody) Close() error { return nil }

// outgoing is what one attempt's request points to, allocated together.
type outgoing struct {
	url  url.URL
	body requestBody
}

func (k *call) getBody() (io.ReadCloser, error) {
	if k.stream != nil {
		// Only a seekable stream gets a GetBody (see buildRequest).
		body := k.stream.next()
		if err := k.stream.rewind(); err != nil {
			return nil, err
		}
		return body, nil
	}
	b := new(requestBody)
	b.Reset(k.req.Body)
	return b, nil
}

// buildRequest builds attempt n's request: the only place headers are
// written. The endpoint was parsed when the client first resolved it, and
// header values that do not change between attempts are shared with the
// client or the call rather than copied.
func (k *call) buildRequest(ctx context.Context, n int) *http.Request {
	r := &k.req
	o := &outgoing{url: *k.ep.url}
	if r.HostPrefix != "" {
		o.url.Host = r.HostPrefix + o.url.Host
	}
	if r.Path != "" && r.Path != "/" {
		// r.Path is escaped (REST labels may hold escaped slashes); the URL
		// keeps both forms so the escaping survives to the wire.
		raw := strings.TrimSuffix(o.url.EscapedPath(), "/") + r.Path
		if p, err := url.PathUnescape(raw); err == nil {
			o.url.Path, o.url.RawPath = p, raw
		} else {
			o.url.Path, o.url.RawPath = strings.TrimSuffix(o.url.Path, "/")+r.Path, ""
		}
	}
	if r.RawQuery != "" {
		if o.url.RawQuery != "" {
			o.url.RawQuery += "&" + r.RawQuery
		} else {
			o.url.RawQuery = r.RawQuery
		}
	}
	o.body.Reset(r.Body)
	h := make(http.Header, 8+len(k.ep.headers))
	for name, vs := range k.ep.headers {
		h[name] = append([]string(nil), vs...)
	}
	r.CopyHeaders(h)
	h["User-Agent"] = k.c.userAgentHeader
	h["Amz-Sdk-Invocation-Id"] = k.sdk[0:1:1]
	h["Amz-Sdk-Request"] = k.sdkRequest(n)
	method := r.Method
	if method == "" {
		method = http.MethodPost
	}
	req := http.Request{
		Method:        method,
		URL:           &o.url,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        h,
		Body:          &o.body,
		GetBody:       k.getBody,
		ContentLength: int64(len(r.Body)),
		Host:          o.url.Host,
	}
	switch {
	case k.stream != nil:
		// net/http reads a body with ContentLength -1 chunked.
		req.Body, req.ContentLength = k.stream.next(), k.stream.length
		if k.stream.seeker == nil {
			req.GetBody = nil
		}
		if k.stream.length == 0 {
			req.Body, req.GetBody = http.NoBody, noBody
		}
	case len(r.Body) == 0:
		req.Body = http.NoBody
		req.GetBody = noBody
	}
	// A bound Content-Length header is the request's ContentLength (see
	// prepareStream); net/http writes that field and drops the header.
	delete(h, "Content-Length")
	return req.WithContext(ctx)
}

func noBody() (io.ReadCloser, error) { return http.NoBody, nil }

// send is the transport step: one HTTP round trip.
func (k *call) send(ctx context.Context, req *http.Request, n int) (*http.Response, error) {
	c := k.c
	if c.opts.ClientLogMode.IsRequest() {
		c.log(k.wop.Name, n, "", describeRequest(req, k.wop.Name, n))
	}
	resp, err := c.opts.HTTPClient.Do(req)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, ctxErr
		}
		return nil, &RequestSendError{Err: err}
	}
	return resp, nil
}

// handleResponse is the OperationDeserializer step: it reads, classifies
// and decodes the response of attempt n.
func (k *call) handleResponse(ctx context.Context, resp *http.Response, n int) error {
	c := k.c
	if k.streamOut && resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return k.handleStream(ctx, resp, n)
	}
	buf, err := readBody(resp, c.opts.MaxResponseBytes)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		return err
	}
	defer putBuffer(buf)
	wr := wire.Response{StatusCode: resp.StatusCode, Header: resp.Header, Body: *buf}
	if id := resp.Header.Get("X-Amzn-Requestid"); id != "" {
		k.requestID = id
	} else if rr, ok := c.svc.Protocol.(wire.RequestIDReader); ok {
		if id := rr.RequestID(&wr); id != "" {
			k.requestID = id
		}
	}
	if c.opts.ClientLogMode.IsResponse() {
		c.log(k.wop.Name, n, k.requestID, describeResponse(resp, k.wop.Name, n))
	}
	c.measureSkew(resp)
	if resp.StatusCode >= 300 && resp.StatusCode < 400 {
		return &RedirectError{StatusCode: resp.StatusCode, Location: redactedLocation(resp.Header.Get("Location"))}
	}
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		err := c.responseError(&wr, k.requestID)
		if c.opts.ClientLogMode.IsResponseWithBody() {
			// The decoded error, as the caller will see it, not the raw body.
			c.log(k.wop.Name, n, k.requestID, fmt.Sprintf("Response body %s attempt %d\n%v", k.wop.Name, n, err))
		}
		return err
	}
	deStart := c.telStart()
	decErr := k.decoder.decodeOutput(&wr)
	c.telRecord(ctx, deserializeHist, deStart)
	if err := decErr; err != nil {
		return &smithy.DeserializationError{Err: err, Snapshot: snapshot(*buf)}
	}
	return nil
}

// handleStream is handleResponse for a successful response whose body is
// the output's stream: the body goes to the output unread, and the caller
// closes it; MaxResponseBytes does not apply, as nothing is buffered.
func (k *call) handleStream(ctx context.Context, resp *http.Response, n int) error {
	c := k.c
	if id := resp.Header.Get("X-Amzn-Requestid"); id != "" {
		k.requestID = id
	}
	if c.opts.ClientLogMode.IsResponse() {
		c.log(k.wop.Name, n, k.requestID, describeResponse(resp, k.wop.Name, n))
	}
	c.measureSkew(resp)
	wr := wire.Response{StatusCode: resp.StatusCode, Header: resp.Header, Stream: resp.Body}
	deStart := c.telStart()
	decErr := k.decoder.decodeOutput(&wr)
	c.telRecord(ctx, deserializeHist, deStart)
	if decErr != nil {
		resp.Body.Close()
		return &smithy.DeserializationError{Err: decErr}
	}
	return nil
}

// sign is the Signing step.
func (k *call) sign(ctx context.Context, req *http.Request, payloadHash string) error {
	c, ep := k.c, k.ep
	if k.auth == AuthNone {
		return nil
	}
	var creds aws.Credentials
	var err error
	if k.early != nil {
		creds, k.early = *k.early, nil
	} else {
		creds, err = c.opts.Credentials.Retrieve(ctx)
	}
	if k.auth == AuthOptional && (err != nil || !creds.HasKeys()) {
		return nil
	}
	if err != nil {
		return &CredentialsError{Err: err}
	}
	if creds.Source == "AnonymousCredentials" {
		return nil
	}
	if !creds.HasKeys() {
		return &CredentialsError{Err: errors.New("credentials have no access key id or secret")}
	}
	now := c.now()
	// Expiry is judged by the real clock, as the credentials cache judges
	// it: a skewed server Date must not make valid credentials look expired
	// and lock the client out without contacting the server again.
	if creds.ExpiredAt(c.opts.Clock()) {
		return &CredentialsError{Err: errors.New("credentials from " + creds.Source + " expired at " + creds.Expires.UTC().Format("2006-01-02T15:04:05Z"))}
	}
	if c.opts.ClientLogMode.IsSigning() {
		name := k.wop.Target
		if name == "" {
			name = k.wop.Name
		}
		c.opts.Logger.Logf(logging.Debug, "%s", describeSigning(name, req.Header.Get("Amz-Sdk-Request"), ep, creds, now))
	}
	signStart := c.telStart()
	err = c.signer.SignHTTP(ctx, creds, req, payloadHash, ep.signingName, ep.signingRegion, now)
	c.telRecord(ctx, signingHist, signStart)
	return err
}

// CredentialsError is a failure to get usable credentials.
type CredentialsError struct{ Err error }

func (e *CredentialsError) Error() string { return "failed to retrieve credentials: " + e.Err.Error() }
func (e *CredentialsError) Unwrap() error { return e.Err }

// responseError builds the error of a non-2xx response: the modeled error
// when the protocol names a code the model knows, a generic API error
// otherwise.
func (c *Client) responseError(resp *wire.Response, requestID string) error {
	code, msg := c.svc.Protocol.ErrorInfo(resp)
	var apiErr error
	if code != "" && c.svc.ModeledError != nil {
		apiErr = c.svc.ModeledError.DecodeError(code, resp)
	}
	if apiErr == nil {
		fault := smithy.FaultClient
		if resp.StatusCode >= 500 {
			fault = smithy.FaultServer
		}
		if code == "" {
			code = "UnknownError"
			if msg == "" {
				msg = http.StatusText(resp.StatusCode)
			}
		}
		apiErr = &smithy.GenericAPIError{Code: code, Message: msg, Fault: fault}
	}
	err := error(&ResponseError{StatusCode: resp.StatusCode, RequestID: requestID, Err: apiErr, header: resp.Header})
	if retry.IsClockSkewError(err) {
		if skew, ok := retry.ClockSkew(c.opts.Clock(), resp.Header.Get("Date")); ok {
			return retry.ClockSkewCorrected(err, skew)
		}
	}
	return err
}

// measureSkew sets the signing clock's offset from the Date of every
// response, so a skew learned once is dropped when the clocks agree again
// rather than kept for the client's life. A Date within
// retry.ClockSkewThreshold means no offset; one beyond retry.MaxClockSkew
// (a broken or hostile server) is ignored.
func (c *Client) measureSkew(resp *http.Response) {
	date := resp.Header.Get("Date")
	if date == "" {
		return
	}
	server, err := http.ParseTime(date)
	if err != nil {
		return
	}
	skew := server.Sub(c.opts.Clock())
	switch {
	case skew > retry.MaxClockSkew || skew < -retry.MaxClockSkew:
		return
	case skew <= retry.ClockSkewThreshold && skew >= -retry.ClockSkewThreshold:
		skew = 0
	}
	if c.skew.Load() != int64(skew) {
		c.skew.Store(int64(skew))
	}
}

var bufferPool = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

func putBuffer(b *[]byte) {
	if cap(*b) <= 1<<20 {
		*b = (*b)[:0]
		bufferPool.Put(b)
	}
}

// readBody reads the whole body into a pooled buffer (decoded values never
// alias it) and closes it, so the connection can be reused.
func readBody(resp *http.Response, limit int64) (*[]byte, error) {
	defer resp.Body.Close()
	if resp.ContentLength > limit {
		return nil, &ResponseTooLargeError{Limit: limit}
	}
	bp := bufferPool.Get().(*[]byte)
	b := (*bp)[:0]
	if resp.ContentLength > 0 && int64(cap(b)) < resp.ContentLength {
		b = make([]byte, 0, resp.ContentLength)
	}
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := resp.Body.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if int64(len(b)) > limit {
			*bp = b
			putBuffer(bp)
			return nil, &ResponseTooLargeError{Limit: limit}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			*bp = b
			putBuffer(bp)
			return nil, &RequestSendError{Err: err}
		}
	}
	*bp = b
	return bp, nil
}

func snapshot(b []byte) []byte {
	if len(b) > 1024 {
		b = b[:1024]
	}
	return append([]byte(nil), b...)
}

type requestIDKey struct{}

// SetRequestID records the service's request id in call metadata.
func SetRequestID(md *middleware.Metadata, id string) { md.Set(requestIDKey{}, id) }

// GetRequestID returns the request id of a call, from its output's ResultMetadata.
func GetRequestID(md middleware.Metadata) (string, bool) {
	switch v := md.Get(requestIDKey{}).(type) {
	case string:
		return v, true
	case *string:
		return *v, true
	}
	return "", false
}

// logOutput logs a successful call's decoded output for LogResponseWithBody
// (error responses are logged per attempt by handleResponse).
func (c *Client) logOutput(op string, out any, err error) {
	if err == nil && c.opts.ClientLogMode.IsResponseWithBody() {
		c.log(op, 0, "", describeValue("Response", op, out))
	}
}

func (c *Client) opError(op string, err error) error {
	return &smithy.OperationError{ServiceID: c.svc.ID, OperationName: op, Err: err}
}
