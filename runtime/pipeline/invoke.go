package pipeline

import (
	"bytes"
	"compress/gzip"
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
	"sync"
	"unsafe"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
	"github.com/google/uuid"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/aws/retry"
	"github.com/eucsdk/eucsdk/runtime/awsjson"
	"github.com/eucsdk/eucsdk/runtime/signer"
)

var defaultSigner = signer.New()

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

// Invoke runs one call of op with input in.
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
	if len(c.opts.APIOptions) > 0 {
		out, md, err := invokeStack(ctx, c, op, in)
		c.logOutput(op.Name, out, err)
		return out, md, err
	}
	var md middleware.Metadata
	if op.Validate != nil {
		if err := op.Validate(in); err != nil {
			return nil, md, c.opError(op.Name, err)
		}
	}
	if op.Prepare != nil {
		in = op.Prepare(in, c.opts.IdempotencyTokenProvider)
	}
	enc := awsjson.NewEncoder()
	defer enc.Release()
	serStart := c.telStart()
	op.Serialize(enc, in)
	c.telRecord(ctx, serializeHist, serStart)
	if err := enc.Err(); err != nil {
		return nil, md, c.opError(op.Name, &smithy.SerializationError{Err: err})
	}
	body, encoding := enc.Bytes(), ""
	if op.CompressGzip && !c.opts.DisableRequestCompression && int64(len(body)) >= c.opts.RequestMinCompressSizeBytes {
		body, encoding = gzipBytes(body), "gzip"
	}
	into := &decodeInto[In, Out]{op: op}
	if err := c.send(ctx, &md, op.Name, op.Target, body, encoding, into); err != nil {
		return nil, md, c.opError(op.Name, err)
	}
	c.logOutput(op.Name, &into.out, nil)
	return &into.out, md, nil
}

// responseDecoder decodes a successful response body into an output.
type responseDecoder interface {
	decode(*awsjson.Decoder)
}

// decodeInto holds a call's output and decodes into it; the output and its
// decoder are one allocation rather than an output plus a closure.
type decodeInto[In, Out any] struct {
	out Out
	op  *Operation[In, Out]
}

func (x *decodeInto[In, Out]) decode(d *awsjson.Decoder) { x.op.Deserialize(d, &x.out) }

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

// send signs and sends body, retrying per the client's policy, and decodes a
// successful response with decode.
func (c *Client) send(ctx context.Context, md *middleware.Metadata, opName, target string, body []byte, contentEncoding string, decode responseDecoder) error {
	if c.configErr != nil {
		return c.configErr
	}
	ep, err := c.endpointRef()
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	a := &attempt{c: c, ep: ep, opName: opName, target: target, body: body, contentEncoding: contentEncoding, decode: decode}
	sum := sha256.Sum256(body)
	hex.Encode(a.hash[:], sum[:])
	newInvocationID(&a.id)
	// a's arrays are never written again, so they can back strings.
	a.payloadHash = unsafe.String(&a.hash[0], len(a.hash))
	a.invocationID = unsafe.String(&a.id[0], len(a.id))
	// One backing array for the per-call header values: X-Amz-Target,
	// Amz-Sdk-Invocation-Id and the first attempt's Amz-Sdk-Request.
	a.vals = [3]string{target, a.invocationID, c.firstAttempt}
	if m := c.opts.Retryer.MaxAttempts(); m != c.firstAttemptMax {
		a.vals[2] = "attempt=1; max=" + strconv.Itoa(m)
	}
	res, err := retry.Do(ctx, c.opts.Retryer, nil, a.run)
	if a.requestID != "" {
		// A pointer into the attempt boxes without allocating.
		md.Set(requestIDKey{}, &a.requestID)
	}
	retry.SetResult(md, res)
	if err != nil && c.opts.ClientLogMode.IsRetries() {
		c.log(opName, len(res.Attempts), a.requestID, fmt.Sprintf("%s.%s failed after %d attempts: %v", c.svc.ID, opName, len(res.Attempts), err))
	}
	return err
}

// attempt holds what every attempt of one call shares.
type attempt struct {
	c            *Client
	ep           *resolvedEndpoint
	opName       string
	target       string
	body         []byte
	payloadHash  string
	invocationID string
	maxAttempts  string
	decode       responseDecoder
	// dec lives in the attempt so that decoding allocates nothing of its own.
	dec awsjson.Decoder
	// contentEncoding is "gzip" when the body was compressed.
	contentEncoding string
	requestID       string

	// The direct path's per-call header values (X-Amz-Target,
	// Amz-Sdk-Invocation-Id, Amz-Sdk-Request of attempt 1) in one array,
	// and the bytes behind payloadHash and invocationID.
	vals [3]string
	hash [64]byte
	id   [36]byte
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

func (a *attempt) getBody() (io.ReadCloser, error) {
	b := new(requestBody)
	b.Reset(a.body)
	return b, nil
}

// newRequest builds attempt n's request from the endpoint parsed when the
// client first resolved it: no URL parsing, and header values shared with
// the client or the call where they do not change between attempts (the
// same headers setHeaders writes).
func (a *attempt) newRequest(ctx context.Context, n int) *http.Request {
	c := a.c
	o := &outgoing{url: *a.ep.url}
	o.body.Reset(a.body)
	h := make(http.Header, 8+len(a.ep.headers))
	for k, vs := range a.ep.headers {
		h[k] = append([]string(nil), vs...)
	}
	h["Content-Type"] = c.contentTypeHeader
	h["X-Amz-Target"] = a.vals[0:1:1]
	h["User-Agent"] = c.userAgentHeader
	h["Amz-Sdk-Invocation-Id"] = a.vals[1:2:2]
	if n == 1 {
		h["Amz-Sdk-Request"] = a.vals[2:3:3]
	} else {
		h["Amz-Sdk-Request"] = []string{"attempt=" + strconv.Itoa(n) + "; max=" + strconv.Itoa(c.opts.Retryer.MaxAttempts())}
	}
	if a.contentEncoding != "" {
		h["Content-Encoding"] = []string{a.contentEncoding}
	}
	req := http.Request{
		Method:        http.MethodPost,
		URL:           &o.url,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        h,
		Body:          &o.body,
		GetBody:       a.getBody,
		ContentLength: int64(len(a.body)),
		Host:          o.url.Host,
	}
	if len(a.body) == 0 {
		req.Body = http.NoBody
		req.GetBody = func() (io.ReadCloser, error) { return http.NoBody, nil }
	}
	return req.WithContext(ctx)
}

func (a *attempt) run(ctx context.Context, n int) error {
	if a.c.tel != nil {
		if ct := callTelemetryFrom(ctx); ct != nil {
			return ct.attempt(ctx, n, a.runAttempt)
		}
	}
	return a.runAttempt(ctx, n)
}

func (a *attempt) runAttempt(ctx context.Context, n int) error {
	c := a.c
	req := a.newRequest(ctx, n)
	if err := c.sign(ctx, req, a.ep, a.payloadHash); err != nil {
		return err
	}
	if c.opts.ClientLogMode.IsRequest() {
		c.log(a.opName, n, "", describeRequest(req, a.opName, n))
	}
	resp, err := c.opts.HTTPClient.Do(req)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		return &RequestSendError{Err: err}
	}
	return a.handleResponse(ctx, resp, n)
}

// setHeaders writes the protocol and SDK headers of attempt n.
func (a *attempt) setHeaders(h http.Header, n int) {
	for k, vs := range a.ep.headers {
		h[k] = append([]string(nil), vs...)
	}
	h["Content-Type"] = []string{a.c.svc.ContentType}
	h["X-Amz-Target"] = []string{a.target}
	h["User-Agent"] = []string{a.c.userAgent}
	h["Amz-Sdk-Invocation-Id"] = []string{a.invocationID}
	h["Amz-Sdk-Request"] = []string{"attempt=" + strconv.Itoa(n) + "; max=" + a.maxAttempts}
	if a.contentEncoding != "" {
		h["Content-Encoding"] = []string{a.contentEncoding}
	}
}

// handleResponse reads, classifies and decodes the response of attempt n.
func (a *attempt) handleResponse(ctx context.Context, resp *http.Response, n int) error {
	c := a.c
	buf, err := readBody(resp, c.opts.MaxResponseBytes)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		return err
	}
	defer putBuffer(buf)
	if id := resp.Header.Get("X-Amzn-Requestid"); id != "" {
		a.requestID = id
	}
	if c.opts.ClientLogMode.IsResponse() {
		c.log(a.opName, n, a.requestID, describeResponse(resp, a.opName, n))
	}
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		err := c.responseError(resp, *buf, a.requestID)
		if c.opts.ClientLogMode.IsResponseWithBody() {
			// The decoded error, as the caller will see it, not the raw body.
			c.log(a.opName, n, a.requestID, fmt.Sprintf("Response body %s attempt %d\n%v", a.opName, n, err))
		}
		return err
	}
	if len(bytes.TrimSpace(*buf)) == 0 {
		return nil
	}
	d := &a.dec
	if n := len(*buf); n >= sharedBodyMin && n <= sharedBodyMax {
		// One copy of the body; decoded strings are substrings of it.
		d.ResetString(string(*buf))
	} else {
		d.Reset(*buf)
	}
	deStart := c.telStart()
	a.decode.decode(d)
	d.End()
	c.telRecord(ctx, deserializeHist, deStart)
	if err := d.Err(); err != nil {
		return &smithy.DeserializationError{Err: err, Snapshot: snapshot(*buf)}
	}
	return nil
}

func (c *Client) sign(ctx context.Context, req *http.Request, ep *resolvedEndpoint, payloadHash string) error {
	creds, err := c.opts.Credentials.Retrieve(ctx)
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
	if creds.ExpiredAt(now) {
		return &CredentialsError{Err: errors.New("credentials from " + creds.Source + " expired at " + creds.Expires.UTC().Format("2006-01-02T15:04:05Z"))}
	}
	if c.opts.ClientLogMode.IsSigning() {
		c.opts.Logger.Logf(logging.Debug, "%s", describeSigning(req.Header.Get("X-Amz-Target"), req.Header.Get("Amz-Sdk-Request"), ep, creds, now))
	}
	signStart := c.telStart()
	err = defaultSigner.SignHTTP(ctx, creds, req, payloadHash, ep.signingName, ep.signingRegion, now)
	c.telRecord(ctx, signingHist, signStart)
	return err
}

// CredentialsError is a failure to get usable credentials.
type CredentialsError struct{ Err error }

func (e *CredentialsError) Error() string { return "failed to retrieve credentials: " + e.Err.Error() }
func (e *CredentialsError) Unwrap() error { return e.Err }

// responseError builds the error of a non-2xx response: the modeled error
// when the model knows the code, a generic API error otherwise.
func (c *Client) responseError(resp *http.Response, body []byte, requestID string) error {
	code, msg := awsjson.DecodeErrorInfo(resp.Header, body)
	if msg == "" {
		// Not an awsJson error body: an XML one from a front end or
		// emulator still names the error (see xmlErrorInfo).
		if xc, xm := xmlErrorInfo(body); xc != "" || xm != "" {
			if code == "" {
				code = awsjson.SanitizeErrorCode(xc)
			}
			msg, body = xm, jsonMessage(xm)
		}
	}
	var apiErr error
	if code != "" && c.svc.ModeledError != nil {
		var d awsjson.Decoder
		d.Reset(body)
		apiErr = c.svc.ModeledError(code, &d)
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
			c.skew.Store(int64(skew))
			return retry.ClockSkewCorrected(err, skew)
		}
	}
	return err
}

// Response bodies of sharedBodyMin to sharedBodyMax bytes are copied once
// into a string that the decoded strings share: one allocation instead of
// one per string. Past sharedBodyMax, each string gets its own copy, so that
// keeping one value does not keep a large response alive; below
// sharedBodyMin the copy would cost more than it saves.
const (
	sharedBodyMin = 128
	sharedBodyMax = 1 << 20
)

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

var _ = aws.Credentials{}

// gzipBytes compresses a request body for smithy.api#requestCompression.
func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}
