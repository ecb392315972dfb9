package pipeline

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/tracing"

	"github.com/eucsdk/eucsdk/aws/retry"
)

// Tracing and metrics, with aws-sdk-go-v2's names, through smithy-go's
// tracing and metrics interfaces (OpenTelemetry plugs in through smithy-go's
// otel adapters). A client with neither provider has no telemetry value at
// all: every hook on the request path is one nil check, so the hot path
// allocates nothing and reads no clock for it.

// Instrument names, units and descriptions: aws-sdk-go-v2's.
const (
	metricCallDuration        = "client.call.duration"
	metricAttempts            = "client.call.attempts"
	metricErrors              = "client.call.errors"
	metricAttemptDuration     = "client.call.attempt_duration"
	metricSerializeDuration   = "client.call.serialization_duration"
	metricDeserializeDuration = "client.call.deserialization_duration"
	metricSigningDuration     = "client.call.auth.signing_duration"
)

// Span and metric attribute names. The rpc.* and operation.attempt names
// are aws-sdk-go-v2's; v2 has no attempt attributes for throttling or the
// server's suggested backoff, so those two are ours, in the same style.
const (
	attrRPCSystem   = "rpc.system"
	attrRPCService  = "rpc.service"
	attrRPCMethod   = "rpc.method"
	attrAttempt     = "operation.attempt"
	attrThrottled   = "operation.attempt.throttled"
	attrRetryAfter  = "operation.attempt.retry_after_ms"
	attrExcType     = "exception.type"
	attrErrorCode   = "api.error_code"
	attrErrorFault  = "api.error_fault"
	attrRequestID   = "aws.request_id"
	rpcSystemAWSAPI = "aws-api"
)

// telemetry is a client's tracer and instruments; nil when the client has
// neither provider.
type telemetry struct {
	tracer tracing.Tracer // nil without a TracerProvider
	m      *instruments   // nil without a MeterProvider
	now    func() time.Time
}

type instruments struct {
	callDuration, attemptDuration, serialize, deserialize, signing metrics.Float64Histogram
	attempts, errors                                               metrics.Int64Counter
}

// telemetryScope names the tracer and meter: the generated package's path
// for the two services of this module.
func telemetryScope(svc *Service) string {
	return "github.com/eucsdk/eucsdk/" + strings.ToLower(svc.ID)
}

// newTelemetry returns nil when o sets no provider (or only smithy-go's no-op
// ones), which is what keeps the request path free of telemetry cost.
func newTelemetry(svc *Service, o *Options) (*telemetry, error) {
	tp, mp := o.TracerProvider, o.MeterProvider
	switch tp.(type) {
	case tracing.NopTracerProvider, *tracing.NopTracerProvider:
		tp = nil
	}
	switch mp.(type) {
	case metrics.NopMeterProvider, *metrics.NopMeterProvider:
		mp = nil
	}
	if tp == nil && mp == nil {
		return nil, nil
	}
	t := &telemetry{now: time.Now}
	scope := telemetryScope(svc)
	if tp != nil {
		t.tracer = tp.Tracer(scope)
	}
	if mp != nil {
		meter := mp.Meter(scope)
		m := &instruments{}
		var errs []error
		hist := func(name, desc string) metrics.Float64Histogram {
			h, err := meter.Float64Histogram(name, func(o *metrics.InstrumentOptions) { o.UnitLabel = "s"; o.Description = desc })
			if err != nil {
				errs = append(errs, fmt.Errorf("Options.MeterProvider: instrument %s: %w", name, err))
			}
			return h
		}
		counter := func(name, unit, desc string) metrics.Int64Counter {
			c, err := meter.Int64Counter(name, func(o *metrics.InstrumentOptions) { o.UnitLabel = unit; o.Description = desc })
			if err != nil {
				errs = append(errs, fmt.Errorf("Options.MeterProvider: instrument %s: %w", name, err))
			}
			return c
		}
		m.callDuration = hist(metricCallDuration, "Overall call duration (including retries and time to send or receive request and response body)")
		m.attemptDuration = hist(metricAttemptDuration, "The time it takes to connect to the service, send the request, and get back HTTP status code and headers (including time queued waiting to be sent)")
		m.serialize = hist(metricSerializeDuration, "The time it takes to serialize a message body")
		m.deserialize = hist(metricDeserializeDuration, "The time it takes to deserialize a message body")
		m.signing = hist(metricSigningDuration, "The time it takes to sign a request")
		m.attempts = counter(metricAttempts, "{attempt}", "The number of attempts for an individual operation")
		m.errors = counter(metricErrors, "{error}", "The number of errors for an operation")
		if len(errs) > 0 {
			return nil, errors.Join(errs...)
		}
		t.m = m
	}
	return t, nil
}

// callTelemetry is one call's span and metric attributes, carried on the
// call's context to the hooks further down the path.
type callTelemetry struct {
	t     *telemetry
	span  tracing.Span
	start time.Time
	attrs metrics.RecordMetricOption
}

type callTelemetryKey struct{}

func callTelemetryFrom(ctx context.Context) *callTelemetry {
	ct, _ := ctx.Value(callTelemetryKey{}).(*callTelemetry)
	return ct
}

// startCall opens the operation span, named as v2 names it
// ("AppStream.DescribeImages").
func (t *telemetry) startCall(ctx context.Context, service, op string) (context.Context, *callTelemetry) {
	ct := &callTelemetry{t: t, start: t.now()}
	ct.attrs = func(o *metrics.RecordMetricOptions) {
		o.Properties.Set(attrRPCService, service)
		o.Properties.Set(attrRPCMethod, op)
	}
	if t.tracer != nil {
		ctx = tracing.WithOperationTracer(ctx, t.tracer)
		ctx, ct.span = t.tracer.StartSpan(ctx, service+"."+op, func(o *tracing.SpanOptions) {
			o.Kind = tracing.SpanKindClient
			o.Properties.Set(attrRPCSystem, rpcSystemAWSAPI)
			o.Properties.Set(attrRPCService, service)
			o.Properties.Set(attrRPCMethod, op)
		})
	}
	return context.WithValue(ctx, callTelemetryKey{}, ct), ct
}

// end closes the call: its duration, and the span's outcome. Error
// attributes carry the type and the service's code, never the message.
func (ct *callTelemetry) end(ctx context.Context, requestID string, err error) {
	if m := ct.t.m; m != nil {
		m.callDuration.Record(ctx, ct.t.now().Sub(ct.start).Seconds(), ct.attrs)
	}
	if ct.span == nil {
		return
	}
	if requestID != "" {
		ct.span.SetProperty(attrRequestID, requestID)
	}
	if err != nil {
		ct.span.SetProperty(attrExcType, errorType(err))
		var ae smithy.APIError
		if errors.As(err, &ae) {
			ct.span.SetProperty(attrErrorCode, ae.ErrorCode())
			ct.span.SetProperty(attrErrorFault, ae.ErrorFault().String())
		}
		ct.span.SetStatus(tracing.SpanStatusError)
	} else {
		ct.span.SetStatus(tracing.SpanStatusOK)
	}
	ct.span.End()
}

// attempt runs attempt n of the call under its own span and records the
// attempt metrics. Throttling and x-amz-retry-after are span attributes, so
// a trace shows why the next attempt waited.
func (ct *callTelemetry) attempt(ctx context.Context, n int, run func(context.Context, int) error) error {
	var span tracing.Span
	if ct.t.tracer != nil {
		ctx, span = ct.t.tracer.StartSpan(ctx, "Attempt", func(o *tracing.SpanOptions) {
			o.Properties.Set(attrAttempt, n)
		})
	}
	start := ct.t.now()
	err := run(ctx, n)
	if m := ct.t.m; m != nil {
		m.attempts.Add(ctx, 1, ct.attrs)
		m.attemptDuration.Record(ctx, ct.t.now().Sub(start).Seconds(), ct.attrs)
		if err != nil {
			m.errors.Add(ctx, 1, ct.attrs, func(o *metrics.RecordMetricOptions) {
				o.Properties.Set(attrExcType, errorType(err))
			})
		}
	}
	if span != nil {
		if err != nil {
			span.SetProperty(attrExcType, errorType(err))
			span.SetProperty(attrThrottled, retry.IsThrottle(err))
			if ra, ok := retry.RetryAfter(err); ok {
				span.SetProperty(attrRetryAfter, ra.Milliseconds())
			}
			span.SetStatus(tracing.SpanStatusError)
		} else {
			span.SetStatus(tracing.SpanStatusOK)
		}
		span.End()
	}
	return err
}

// errorType names an attempt's failure by the service's error code when
// there is one, else by its Go type.
func errorType(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return fmt.Sprintf("%T", err)
}

// The step hooks: each is one nil check when telemetry is off.

// telStart reads the clock for a step only when the client records metrics.
func (c *Client) telStart() time.Time {
	if c.tel == nil || c.tel.m == nil {
		return time.Time{}
	}
	return c.tel.now()
}

// telRecord records a step's duration into h, picked from the instruments.
func (c *Client) telRecord(ctx context.Context, pick func(*instruments) metrics.Float64Histogram, start time.Time) {
	if c.tel == nil || c.tel.m == nil {
		return
	}
	ct := callTelemetryFrom(ctx)
	if ct == nil {
		return
	}
	pick(c.tel.m).Record(ctx, c.tel.now().Sub(start).Seconds(), ct.attrs)
}

func serializeHist(m *instruments) metrics.Float64Histogram   { return m.serialize }
func deserializeHist(m *instruments) metrics.Float64Histogram { return m.deserialize }
func signingHist(m *instruments) metrics.Float64Histogram     { return m.signing }

// sameProvider reports whether a per-call options change kept a provider,
// without comparing values whose type cannot be compared.
func sameProvider(a, b any) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	ta, tb := reflect.TypeOf(a), reflect.TypeOf(b)
	return ta == tb && ta.Comparable() && a == b
}

// telemetryAttempt wraps the middleware path's attempt function in the
// attempt span and metrics when the call has telemetry.
func telemetryAttempt(ctx context.Context, run func(context.Context, int) error) func(context.Context, int) error {
	ct := callTelemetryFrom(ctx)
	if ct == nil {
		return run
	}
	return func(ctx context.Context, n int) error { return ct.attempt(ctx, n, run) }
}
