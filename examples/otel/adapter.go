package main

// smithy-go publishes OpenTelemetry adapters for its tracing and metrics
// interfaces (github.com/aws/smithy-go/tracing/smithyoteltracing and
// .../metrics/smithyotelmetrics), but neither module could be fetched from the
// Go module proxy when this example was written (404 Not Found). These few
// lines do the same job for what eucsdk uses: spans with attributes, int64
// counters and float64 histograms. With the adapters available, replace
// otelTracerProvider{tp} with smithyoteltracing.Adapt(tp) and
// otelMeterProvider{mp} with smithyotelmetrics.Adapt(mp).

import (
	"context"
	"fmt"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/tracing"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	otelmetric "go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"
)

type otelTracerProvider struct{ tp trace.TracerProvider }

func (p otelTracerProvider) Tracer(scope string, _ ...tracing.TracerOption) tracing.Tracer {
	return otelTracer{p.tp.Tracer(scope)}
}

type otelTracer struct{ t trace.Tracer }

func (t otelTracer) StartSpan(ctx context.Context, name string, opts ...tracing.SpanOption) (context.Context, tracing.Span) {
	var o tracing.SpanOptions
	for _, fn := range opts {
		fn(&o)
	}
	kind := trace.SpanKindInternal
	if o.Kind == tracing.SpanKindClient {
		kind = trace.SpanKindClient
	}
	ctx, s := t.t.Start(ctx, name, trace.WithSpanKind(kind), trace.WithAttributes(attributes(o.Properties)...))
	span := otelSpan{s: s, name: name}
	return tracing.WithSpan(ctx, span), span
}

type otelSpan struct {
	s    trace.Span
	name string
}

func (s otelSpan) Name() string { return s.name }

func (s otelSpan) Context() tracing.SpanContext {
	sc := s.s.SpanContext()
	return tracing.SpanContext{TraceID: sc.TraceID().String(), SpanID: sc.SpanID().String(), IsRemote: sc.IsRemote()}
}

func (s otelSpan) AddEvent(name string, opts ...tracing.EventOption) {
	var o tracing.EventOptions
	for _, fn := range opts {
		fn(&o)
	}
	s.s.AddEvent(name, trace.WithAttributes(attributes(o.Properties)...))
}

func (s otelSpan) SetStatus(st tracing.SpanStatus) {
	switch st {
	case tracing.SpanStatusOK:
		s.s.SetStatus(codes.Ok, "")
	case tracing.SpanStatusError:
		s.s.SetStatus(codes.Error, "")
	}
}

func (s otelSpan) SetProperty(k, v any) { s.s.SetAttributes(attr(k, v)) }
func (s otelSpan) End()                 { s.s.End() }

type otelMeterProvider struct{ mp otelmetric.MeterProvider }

func (p otelMeterProvider) Meter(scope string, _ ...metrics.MeterOption) metrics.Meter {
	return otelMeter{Meter: metrics.NopMeterProvider{}.Meter(scope), m: p.mp.Meter(scope)}
}

// otelMeter adapts the instruments eucsdk records; the others stay no-ops.
type otelMeter struct {
	metrics.Meter
	m otelmetric.Meter
}

func (m otelMeter) Int64Counter(name string, opts ...metrics.InstrumentOption) (metrics.Int64Counter, error) {
	o := instrumentOptions(opts)
	c, err := m.m.Int64Counter(name, otelmetric.WithUnit(o.UnitLabel), otelmetric.WithDescription(o.Description))
	return int64Counter{c}, err
}

func (m otelMeter) Float64Histogram(name string, opts ...metrics.InstrumentOption) (metrics.Float64Histogram, error) {
	o := instrumentOptions(opts)
	h, err := m.m.Float64Histogram(name, otelmetric.WithUnit(o.UnitLabel), otelmetric.WithDescription(o.Description))
	return float64Histogram{h}, err
}

type int64Counter struct{ c otelmetric.Int64Counter }

func (c int64Counter) Add(ctx context.Context, v int64, opts ...metrics.RecordMetricOption) {
	c.c.Add(ctx, v, otelmetric.WithAttributes(recordAttributes(opts)...))
}

type float64Histogram struct{ h otelmetric.Float64Histogram }

func (h float64Histogram) Record(ctx context.Context, v float64, opts ...metrics.RecordMetricOption) {
	h.h.Record(ctx, v, otelmetric.WithAttributes(recordAttributes(opts)...))
}

func instrumentOptions(opts []metrics.InstrumentOption) metrics.InstrumentOptions {
	var o metrics.InstrumentOptions
	for _, fn := range opts {
		fn(&o)
	}
	return o
}

func recordAttributes(opts []metrics.RecordMetricOption) []attribute.KeyValue {
	var o metrics.RecordMetricOptions
	for _, fn := range opts {
		fn(&o)
	}
	return attributes(o.Properties)
}

func attributes(p smithy.Properties) []attribute.KeyValue {
	var kvs []attribute.KeyValue
	for k, v := range p.Values() {
		kvs = append(kvs, attr(k, v))
	}
	return kvs
}

func attr(k, v any) attribute.KeyValue {
	key := attribute.Key(fmt.Sprint(k))
	switch v := v.(type) {
	case string:
		return key.String(v)
	case bool:
		return key.Bool(v)
	case int:
		return key.Int(v)
	case int64:
		return key.Int64(v)
	case float64:
		return key.Float64(v)
	}
	return key.String(fmt.Sprint(v))
}
