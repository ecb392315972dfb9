package pipeline_test

import (
	"context"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/tracing"

	"github.com/eucsdk/eucsdk/internal/testkit/faultserver"
	"github.com/eucsdk/eucsdk/workspaces"
)

// memTelemetry is an in-memory exporter behind smithy-go's tracing and
// metrics interfaces: what an OpenTelemetry SDK would receive.
type memTelemetry struct {
	mu      sync.Mutex
	spans   []*memSpan
	points  []memPoint
	scopes  []string
	instrum map[string]string // name → unit
}

type memSpan struct {
	tel    *memTelemetry
	name   string
	parent *memSpan
	kind   tracing.SpanKind
	props  map[any]any
	status tracing.SpanStatus
	ended  bool
}

type memPoint struct {
	name  string
	value float64
	props map[any]any
}

func newMemTelemetry() *memTelemetry { return &memTelemetry{instrum: map[string]string{}} }

func (m *memTelemetry) Tracer(scope string, _ ...tracing.TracerOption) tracing.Tracer {
	m.mu.Lock()
	m.scopes = append(m.scopes, "tracer "+scope)
	m.mu.Unlock()
	return memTracer{m}
}

type memTracer struct{ m *memTelemetry }

func (t memTracer) StartSpan(ctx context.Context, name string, opts ...tracing.SpanOption) (context.Context, tracing.Span) {
	var o tracing.SpanOptions
	for _, fn := range opts {
		fn(&o)
	}
	s := &memSpan{tel: t.m, name: name, kind: o.Kind, props: map[any]any{}}
	for k, v := range o.Properties.Values() {
		s.props[k] = v
	}
	if p, ok := tracing.GetSpan(ctx); ok {
		s.parent, _ = p.(*memSpan)
	}
	t.m.mu.Lock()
	t.m.spans = append(t.m.spans, s)
	t.m.mu.Unlock()
	return tracing.WithSpan(ctx, s), s
}

func (s *memSpan) Name() string                            { return s.name }
func (s *memSpan) Context() tracing.SpanContext            { return tracing.SpanContext{} }
func (s *memSpan) AddEvent(string, ...tracing.EventOption) {}
func (s *memSpan) SetStatus(st tracing.SpanStatus)         { s.tel.mu.Lock(); s.status = st; s.tel.mu.Unlock() }
func (s *memSpan) SetProperty(k, v any)                    { s.tel.mu.Lock(); s.props[k] = v; s.tel.mu.Unlock() }
func (s *memSpan) End()                                    { s.tel.mu.Lock(); s.ended = true; s.tel.mu.Unlock() }
func (m *memTelemetry) Meter(scope string, _ ...metrics.MeterOption) metrics.Meter {
	m.mu.Lock()
	m.scopes = append(m.scopes, "meter "+scope)
	m.mu.Unlock()
	return memMeter{Meter: metrics.NopMeterProvider{}.Meter(""), m: m}
}

type memMeter struct {
	metrics.Meter // the instruments eucsdk does not use stay no-ops
	m             *memTelemetry
}

type memInstrument struct {
	m    *memTelemetry
	name string
}

func (mm memMeter) instrument(name string, opts []metrics.InstrumentOption) memInstrument {
	var o metrics.InstrumentOptions
	for _, fn := range opts {
		fn(&o)
	}
	mm.m.mu.Lock()
	mm.m.instrum[name] = o.UnitLabel
	mm.m.mu.Unlock()
	return memInstrument{mm.m, name}
}

func (mm memMeter) Int64Counter(name string, opts ...metrics.InstrumentOption) (metrics.Int64Counter, error) {
	return mm.instrument(name, opts), nil
}

func (mm memMeter) Float64Histogram(name string, opts ...metrics.InstrumentOption) (metrics.Float64Histogram, error) {
	return mm.instrument(name, opts), nil
}

func (i memInstrument) record(v float64, opts []metrics.RecordMetricOption) {
	var o metrics.RecordMetricOptions
	for _, fn := range opts {
		fn(&o)
	}
	p := memPoint{name: i.name, value: v, props: map[any]any{}}
	for k, v := range o.Properties.Values() {
		p.props[k] = v
	}
	i.m.mu.Lock()
	i.m.points = append(i.m.points, p)
	i.m.mu.Unlock()
}

func (i memInstrument) Add(_ context.Context, v int64, opts ...metrics.RecordMetricOption) {
	i.record(float64(v), opts)
}

func (i memInstrument) Record(_ context.Context, v float64, opts ...metrics.RecordMetricOption) {
	i.record(v, opts)
}

func (m *memTelemetry) sum(name string) (total float64, n int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, p := range m.points {
		if p.name == name {
			total += p.value
			n++
		}
	}
	return total, n
}

// One call that is throttled once (with x-amz-retry-after) and then
// succeeds: an operation span with v2's name and rpc.* attributes, two
// attempt spans under it, and v2's metrics with v2's names and units.
func TestTelemetrySpansAndMetrics(t *testing.T) {
	for _, stack := range []bool{false, true} {
		mem := newMemTelemetry()
		srv := faultserver.New(t,
			faultserver.Throttle("ThrottlingException").WithHeader("X-Amz-Retry-After", "250"),
			faultserver.OK(okPermission))
		c := newFaultClient(t, srv, func(o *workspaces.Options) {
			o.TracerProvider = mem
			o.MeterProvider = mem
			if stack {
				o.APIOptions = append(o.APIOptions, noopMiddleware)
			}
		})
		if err := share(c, context.Background()); err != nil {
			t.Fatal(err)
		}
		name := "stack " + map[bool]string{false: "off", true: "on"}[stack]

		wantScopes := "meter github.com/eucsdk/eucsdk/workspaces,tracer github.com/eucsdk/eucsdk/workspaces"
		sort.Strings(mem.scopes)
		if got := strings.Join(mem.scopes, ","); got != wantScopes {
			t.Errorf("%s: scopes %s, want %s", name, got, wantScopes)
		}
		// smithy-go's HTTP handler, which only the middleware path uses,
		// adds its own DoHTTPRequest span under each attempt.
		var spans []*memSpan
		for _, s := range mem.spans {
			if s.name == "DoHTTPRequest" {
				if !stack || s.parent == nil || s.parent.name != "Attempt" {
					t.Errorf("%s: DoHTTPRequest span outside an attempt", name)
				}
				continue
			}
			spans = append(spans, s)
		}
		if len(spans) != 3 {
			var ns []string
			for _, s := range spans {
				ns = append(ns, s.name)
			}
			t.Fatalf("%s: spans %v, want the operation and two attempts", name, ns)
		}
		op := spans[0]
		if op.name != "WorkSpaces.UpdateWorkspaceImagePermission" || op.kind != tracing.SpanKindClient || op.parent != nil || !op.ended || op.status != tracing.SpanStatusOK {
			t.Errorf("%s: operation span %+v", name, op)
		}
		for k, v := range map[string]any{"rpc.system": "aws-api", "rpc.service": "WorkSpaces", "rpc.method": "UpdateWorkspaceImagePermission"} {
			if op.props[k] != v {
				t.Errorf("%s: operation span %s = %v, want %v", name, k, op.props[k], v)
			}
		}
		for i, s := range spans[1:] {
			if s.name != "Attempt" || s.parent != op || !s.ended || s.props["operation.attempt"] != i+1 {
				t.Errorf("%s: attempt span %d: %+v", name, i+1, s)
			}
		}
		first, second := spans[1], spans[2]
		if first.props["operation.attempt.throttled"] != true || first.props["operation.attempt.retry_after_ms"] != int64(250) ||
			first.props["exception.type"] != "ThrottlingException" || first.status != tracing.SpanStatusError {
			t.Errorf("%s: throttled attempt's attributes %v, status %v", name, first.props, first.status)
		}
		if _, ok := second.props["operation.attempt.throttled"]; ok || second.status != tracing.SpanStatusOK {
			t.Errorf("%s: successful attempt's attributes %v", name, second.props)
		}

		wantUnits := map[string]string{
			"client.call.duration": "s", "client.call.attempt_duration": "s", "client.call.serialization_duration": "s",
			"client.call.deserialization_duration": "s", "client.call.auth.signing_duration": "s",
			"client.call.attempts": "{attempt}", "client.call.errors": "{error}",
		}
		for n, u := range wantUnits {
			if got, ok := mem.instrum[n]; !ok || got != u {
				t.Errorf("%s: instrument %s unit %q (exists %v), want %q", name, n, got, ok, u)
			}
		}
		for n, want := range map[string]int{
			"client.call.duration": 1, "client.call.attempt_duration": 2, "client.call.serialization_duration": 1,
			"client.call.auth.signing_duration": 2, "client.call.deserialization_duration": 1,
		} {
			if _, got := mem.sum(n); got != want {
				t.Errorf("%s: %s recorded %d times, want %d", name, n, got, want)
			}
		}
		if v, _ := mem.sum("client.call.attempts"); v != 2 {
			t.Errorf("%s: attempts %v, want 2", name, v)
		}
		if v, _ := mem.sum("client.call.errors"); v != 1 {
			t.Errorf("%s: errors %v, want 1", name, v)
		}
		for _, p := range mem.points {
			if p.props["rpc.service"] != "WorkSpaces" || p.props["rpc.method"] != "UpdateWorkspaceImagePermission" {
				t.Errorf("%s: %s recorded with %v, want rpc.service and rpc.method", name, p.name, p.props)
			}
		}
	}
}

// With neither provider (or smithy-go's no-op ones), a call allocates
// exactly what it allocates without telemetry support: the no-op providers
// are recognised and cost nothing either.
func TestTelemetryOffCostsNothing(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are not comparable under the race detector; the plain run checks them")
	}
	allocs := func(fns ...func(*workspaces.Options)) float64 {
		srv := faultserver.New(t)
		for range 200 {
			srv.Add(faultserver.OK(okPermission))
		}
		c := newFaultClient(t, srv, fns...)
		ctx := context.Background()
		_ = share(c, ctx)
		return testing.AllocsPerRun(50, func() { _ = share(c, ctx) })
	}
	off := allocs()
	nop := allocs(func(o *workspaces.Options) {
		o.TracerProvider = tracing.NopTracerProvider{}
		o.MeterProvider = metrics.NopMeterProvider{}
	})
	if nop != off {
		t.Errorf("no-op providers: %v allocations a call, without providers %v", nop, off)
	}
	on := allocs(func(o *workspaces.Options) { m := newMemTelemetry(); o.TracerProvider = m; o.MeterProvider = m })
	if on <= off {
		t.Errorf("recording telemetry allocated %v, no more than off (%v): the measurement is not sensitive", on, off)
	}
	t.Logf("allocations a call: telemetry off %v, no-op providers %v, recording %v", off, nop, on)
}
