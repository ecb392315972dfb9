package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/google/uuid"

	"github.com/eucsdk/eucsdk/aws/retry"
	"github.com/eucsdk/eucsdk/runtime/awsjson"
)

// Step IDs of the middleware the pipeline adds, for APIOptions that insert
// before or after them. They match aws-sdk-go-v2's where the step is the same.
const (
	ValidationID    = "OperationInputValidation"
	IdempotencyID   = "OperationIdempotencyTokenAutoFill"
	SerializerID    = "OperationSerializer"
	RetryID         = "Retry"
	SigningID       = "Signing"
	DeserializerID  = "OperationDeserializer"
	RequestIDHeader = "X-Amzn-Requestid"
)

// invokeStack runs the call through a smithy-go middleware stack, so that
// Options.APIOptions can add, inspect or replace steps. Calls without
// APIOptions take the direct path, which does the same work without building
// a stack per call. Both paths share attempt's request and response code.
func invokeStack[In, Out any](ctx context.Context, c *Client, op *Operation[In, Out], in *In) (*Out, middleware.Metadata, error) {
	stack := middleware.NewStack(op.Name, smithyhttp.NewStackRequest)
	into := &decodeInto[In, Out]{op: op}
	out := &into.out
	var a *attempt

	stack.Initialize.Add(middleware.InitializeMiddlewareFunc(ValidationID, func(ctx context.Context, mi middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
		if op.Validate != nil {
			if err := op.Validate(mi.Parameters.(*In)); err != nil {
				return middleware.InitializeOutput{}, middleware.Metadata{}, err
			}
		}
		return next.HandleInitialize(ctx, mi)
	}), middleware.After)
	if op.Prepare != nil {
		stack.Initialize.Add(middleware.InitializeMiddlewareFunc(IdempotencyID, func(ctx context.Context, mi middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
			mi.Parameters = op.Prepare(mi.Parameters.(*In), c.opts.IdempotencyTokenProvider)
			return next.HandleInitialize(ctx, mi)
		}), middleware.After)
	}

	stack.Serialize.Add(middleware.SerializeMiddlewareFunc(SerializerID, func(ctx context.Context, mi middleware.SerializeInput, next middleware.SerializeHandler) (middleware.SerializeOutput, middleware.Metadata, error) {
		if c.configErr != nil {
			return middleware.SerializeOutput{}, middleware.Metadata{}, c.configErr
		}
		ep, err := c.endpointRef()
		if err != nil {
			return middleware.SerializeOutput{}, middleware.Metadata{}, err
		}
		enc := awsjson.NewEncoder()
		defer enc.Release()
		serStart := c.telStart()
		op.Serialize(enc, mi.Parameters.(*In))
		c.telRecord(ctx, serializeHist, serStart)
		if err := enc.Err(); err != nil {
			return middleware.SerializeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: err}
		}
		body, encoding := append([]byte(nil), enc.Bytes()...), ""
		if op.CompressGzip && !c.opts.DisableRequestCompression && int64(len(body)) >= c.opts.RequestMinCompressSizeBytes {
			body, encoding = gzipBytes(body), "gzip"
		}
		a = &attempt{
			c: c, ep: ep, opName: op.Name, target: op.Target, body: body, contentEncoding: encoding,
			invocationID: uuid.NewString(), maxAttempts: strconv.Itoa(c.opts.Retryer.MaxAttempts()),
			decode: into,
		}
		req := mi.Request.(*smithyhttp.Request)
		req.Method = http.MethodPost
		u := *ep.url
		req.URL = &u
		req.Host = u.Host
		a.setHeaders(req.Header, 1)
		req.ContentLength = int64(len(body))
		req, err = req.SetStream(bytes.NewReader(body))
		if err != nil {
			return middleware.SerializeOutput{}, middleware.Metadata{}, &smithy.SerializationError{Err: err}
		}
		mi.Request = req
		return next.HandleSerialize(ctx, mi)
	}), middleware.After)

	stack.Finalize.Add(middleware.FinalizeMiddlewareFunc(RetryID, func(ctx context.Context, mi middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
		var last middleware.FinalizeOutput
		var md middleware.Metadata
		res, err := retry.Do(ctx, c.opts.Retryer, nil, telemetryAttempt(ctx, func(ctx context.Context, n int) error {
			req := mi.Request.(*smithyhttp.Request).Clone()
			if err := req.RewindStream(); err != nil {
				return err
			}
			req.Header.Set("Amz-Sdk-Request", "attempt="+strconv.Itoa(n)+"; max="+a.maxAttempts)
			fi := mi
			fi.Request = req
			o, m, err := next.HandleFinalize(ctx, fi)
			last, md = o, m
			return err
		}))
		retry.SetResult(&md, res)
		return last, md, err
	}), middleware.After)

	stack.Finalize.Add(middleware.FinalizeMiddlewareFunc(SigningID, func(ctx context.Context, mi middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
		req := mi.Request.(*smithyhttp.Request)
		body, err := bodyOf(req)
		if err != nil {
			return middleware.FinalizeOutput{}, middleware.Metadata{}, err
		}
		sum := sha256.Sum256(body)
		hr := req.Build(ctx)
		if err := c.sign(ctx, hr, a.ep, hex.EncodeToString(sum[:])); err != nil {
			return middleware.FinalizeOutput{}, middleware.Metadata{}, err
		}
		for _, h := range []string{"Authorization", "X-Amz-Date", "X-Amz-Security-Token"} {
			if v := hr.Header.Values(h); len(v) > 0 {
				req.Header[h] = v
			}
		}
		return next.HandleFinalize(ctx, mi)
	}), middleware.After)

	stack.Deserialize.Add(middleware.DeserializeMiddlewareFunc(DeserializerID, func(ctx context.Context, mi middleware.DeserializeInput, next middleware.DeserializeHandler) (middleware.DeserializeOutput, middleware.Metadata, error) {
		o, md, err := next.HandleDeserialize(ctx, mi)
		if err != nil {
			if ctxErr := ctx.Err(); ctxErr != nil {
				return o, md, ctxErr
			}
			return o, md, &RequestSendError{Err: err}
		}
		resp, ok := o.RawResponse.(*smithyhttp.Response)
		if !ok {
			return o, md, &smithy.DeserializationError{Err: errNotHTTPResponse}
		}
		if err := a.handleResponse(ctx, resp.Response, 0); err != nil {
			return o, md, err
		}
		o.Result = out
		return o, md, nil
	}), middleware.After)

	for _, fn := range c.opts.APIOptions {
		if err := fn(stack); err != nil {
			return nil, middleware.Metadata{}, c.opError(op.Name, err)
		}
	}
	handler := middleware.DecorateHandler(smithyhttp.NewClientHandlerWithOptions(c.opts.HTTPClient), stack)
	result, md, err := handler.Handle(ctx, in)
	if a != nil && a.requestID != "" {
		SetRequestID(&md, a.requestID)
	}
	if err != nil {
		return nil, md, c.opError(op.Name, err)
	}
	if r, ok := result.(*Out); ok && r != nil {
		return r, md, nil
	}
	return out, md, nil
}

// bodyOf reads a request's stream for hashing and rewinds it.
func bodyOf(req *smithyhttp.Request) ([]byte, error) {
	s := req.GetStream()
	if s == nil {
		return nil, nil
	}
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(s); err != nil {
		return nil, err
	}
	if err := req.RewindStream(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
