package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/eucsdk/eucsdk/aws/retry"
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

// viaStack runs the call's steps as a smithy-go middleware stack, so that
// Options.APIOptions can add, inspect or replace steps. Each middleware
// wraps the step function the direct path calls; what only this path does
// is move the request between the stack's smithyhttp.Request and the
// steps, and hash the body again at signing, since a middleware may have
// replaced it.
func (k *invocation[In, Out]) viaStack(ctx context.Context, in *In) (*Out, middleware.Metadata, error) {
	c := k.c
	stack := middleware.NewStack(k.op.Name, smithyhttp.NewStackRequest)

	stack.Initialize.Add(middleware.InitializeMiddlewareFunc(ValidationID, func(ctx context.Context, mi middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
		if err := k.validate(mi.Parameters.(*In)); err != nil {
			return middleware.InitializeOutput{}, middleware.Metadata{}, err
		}
		return next.HandleInitialize(ctx, mi)
	}), middleware.After)
	if k.op.Prepare != nil {
		stack.Initialize.Add(middleware.InitializeMiddlewareFunc(IdempotencyID, func(ctx context.Context, mi middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
			mi.Parameters = k.fillToken(mi.Parameters.(*In))
			return next.HandleInitialize(ctx, mi)
		}), middleware.After)
	}

	stack.Serialize.Add(middleware.SerializeMiddlewareFunc(SerializerID, func(ctx context.Context, mi middleware.SerializeInput, next middleware.SerializeHandler) (middleware.SerializeOutput, middleware.Metadata, error) {
		serStart := c.telStart()
		serErr := k.serialize(mi.Parameters.(*In))
		c.telRecord(ctx, serializeHist, serStart)
		if err := serErr; err != nil {
			return middleware.SerializeOutput{}, middleware.Metadata{}, err
		}
		k.compress(k.op.Compress)
		if err := k.begin(ctx); err != nil {
			return middleware.SerializeOutput{}, middleware.Metadata{}, err
		}
		req := mi.Request.(*smithyhttp.Request)
		req.Request = k.buildRequest(ctx, 1)
		var body io.Reader = bytes.NewReader(k.req.Body)
		if k.stream != nil {
			// A seekable stream goes as it is, for smithyhttp to rewind; one
			// that cannot seek goes through the view that records a read.
			body = k.stream.r
			if k.stream.seeker == nil {
				body = k.stream.next()
			}
		}
		req, err := req.SetStream(body)
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
			if k.stream != nil {
				if err := k.streamAttempt(n); err != nil {
					return err
				}
			}
			if k.stream == nil || k.stream.seeker != nil {
				if err := req.RewindStream(); err != nil {
					return err
				}
			}
			req.Header["Amz-Sdk-Request"] = k.sdkRequest(n)
			k.n = n
			fi := mi
			fi.Request = req
			o, m, err := next.HandleFinalize(ctx, fi)
			last, md = o, m
			if k.stream != nil {
				return k.streamFailed(err)
			}
			return err
		}))
		k.endRetries(&md, res, err)
		return last, md, err
	}), middleware.After)

	stack.Finalize.Add(middleware.FinalizeMiddlewareFunc(SigningID, func(ctx context.Context, mi middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
		req := mi.Request.(*smithyhttp.Request)
		hash := k.payloadHash
		if k.stream == nil {
			// Read the stream only when it is the serialized body: a
			// streaming payload was hashed (or left unsigned) once, by
			// begin, and reading it here would consume it.
			body, err := bodyOf(req)
			if err != nil {
				return middleware.FinalizeOutput{}, middleware.Metadata{}, err
			}
			sum := sha256.Sum256(body)
			hash = hex.EncodeToString(sum[:])
		}
		hr := req.Build(ctx)
		if err := k.sign(ctx, hr, hash); err != nil {
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
			return o, md, err
		}
		resp, ok := o.RawResponse.(*smithyhttp.Response)
		if !ok {
			return o, md, &smithy.DeserializationError{Err: errNotHTTPResponse}
		}
		if err := k.handleResponse(ctx, resp.Response, k.n); err != nil {
			return o, md, err
		}
		o.Result = &k.out
		return o, md, nil
	}), middleware.After)

	for _, fn := range c.opts.APIOptions {
		if err := fn(stack); err != nil {
			return nil, middleware.Metadata{}, err
		}
	}
	handler := middleware.DecorateHandler(sendHandler{&k.call}, stack)
	result, md, err := handler.Handle(ctx, in)
	if err != nil {
		return nil, md, err
	}
	if r, ok := result.(*Out); ok && r != nil {
		return r, md, nil
	}
	return &k.out, md, nil
}

// sendHandler is the bottom of the stack: the same send step as the direct
// path.
type sendHandler struct{ k *call }

func (h sendHandler) Handle(ctx context.Context, in any) (any, middleware.Metadata, error) {
	var md middleware.Metadata
	req, ok := in.(*smithyhttp.Request)
	if !ok {
		return nil, md, &smithy.SerializationError{Err: errNotHTTPRequest}
	}
	resp, err := h.k.send(ctx, req.Build(ctx), h.k.n)
	if err != nil {
		return nil, md, err
	}
	return &smithyhttp.Response{Response: resp}, md, nil
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
