package bench

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/tracing"

	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/workspaces"
)

// Telemetry's cost on the tiny call. off is the default client (no
// provider); nop sets smithy-go's no-op providers, as aws-sdk-go-v2 does by
// default; counting records every span and data point into counters, the
// cheapest real consumer. off and nop must allocate exactly what the plain
// UpdateWorkspaceImagePermission benchmark does: telemetry that is off costs
// nothing on the hot path.

type countingTelemetry struct{ spans, points atomic.Int64 }

func (c *countingTelemetry) Tracer(string, ...tracing.TracerOption) tracing.Tracer { return c }

func (c *countingTelemetry) StartSpan(ctx context.Context, name string, opts ...tracing.SpanOption) (context.Context, tracing.Span) {
	c.spans.Add(1)
	var o tracing.SpanOptions
	for _, fn := range opts {
		fn(&o)
	}
	s := countingSpan{name}
	return tracing.WithSpan(ctx, s), s
}

type countingSpan struct{ name string }

func (s countingSpan) Name() string                          { return s.name }
func (countingSpan) Context() tracing.SpanContext            { return tracing.SpanContext{} }
func (countingSpan) AddEvent(string, ...tracing.EventOption) {}
func (countingSpan) SetStatus(tracing.SpanStatus)            {}
func (countingSpan) SetProperty(any, any)                    {}
func (countingSpan) End()                                    {}
func (c *countingTelemetry) Meter(string, ...metrics.MeterOption) metrics.Meter {
	return countingMeter{Meter: metrics.NopMeterProvider{}.Meter(""), c: c}
}

type countingMeter struct {
	metrics.Meter
	c *countingTelemetry
}

func (m countingMeter) Int64Counter(string, ...metrics.InstrumentOption) (metrics.Int64Counter, error) {
	return countingInstrument{m.c}, nil
}

func (m countingMeter) Float64Histogram(string, ...metrics.InstrumentOption) (metrics.Float64Histogram, error) {
	return countingInstrument{m.c}, nil
}

type countingInstrument struct{ c *countingTelemetry }

func (i countingInstrument) Add(_ context.Context, _ int64, opts ...metrics.RecordMetricOption) {
	i.record(opts)
}

func (i countingInstrument) Record(_ context.Context, _ float64, opts ...metrics.RecordMetricOption) {
	i.record(opts)
}

func (i countingInstrument) record(opts []metrics.RecordMetricOption) {
	var o metrics.RecordMetricOptions
	for _, fn := range opts {
		fn(&o)
	}
	i.c.points.Add(1)
}

func telemetryClients() map[string]*workspaces.Client {
	creds := credentials.NewStaticCredentialsProvider(AccessKey, SecretKey, "")
	base := workspaces.Options{Region: Region, BaseEndpoint: &serverURL, Credentials: creds, HTTPClient: NewHTTPClient()}
	nop, counting := base, base
	nop.TracerProvider, nop.MeterProvider = tracing.NopTracerProvider{}, metrics.NopMeterProvider{}
	ct := &countingTelemetry{}
	counting.TracerProvider, counting.MeterProvider = ct, ct
	return map[string]*workspaces.Client{
		"off":      workspaces.New(base),
		"nop":      workspaces.New(nop),
		"counting": workspaces.New(counting),
	}
}

func updatePermission(ctx context.Context, c *workspaces.Client) error {
	_, err := c.UpdateWorkspaceImagePermission(ctx, &workspaces.UpdateWorkspaceImagePermissionInput{
		ImageId: strp(ImageID), AllowCopyImage: boolp(true), SharedAccountId: strp(sharedAccount),
	})
	return err
}

func BenchmarkTelemetry(b *testing.B) {
	ctx := context.Background()
	clients := telemetryClients()
	for _, mode := range []string{"off", "nop", "counting"} {
		b.Run("telemetry="+mode, func(b *testing.B) {
			c := clients[mode]
			b.ReportAllocs()
			if err := updatePermission(ctx, c); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if err := updatePermission(ctx, c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// The claim BenchmarkTelemetry documents, as a test: with telemetry off or
// on no-op providers a call allocates what the plain client does, while the
// counting consumer shows the measurement would see a difference.
func TestTelemetryOffAllocatesNothingExtra(t *testing.T) {
	ctx := context.Background()
	clients := telemetryClients()
	measure := func(c *workspaces.Client) float64 {
		if err := updatePermission(ctx, c); err != nil {
			t.Fatal(err)
		}
		return testing.AllocsPerRun(200, func() { _ = updatePermission(ctx, c) })
	}
	plain := measure(ours.WorkSpaces)
	off, nop, counting := measure(clients["off"]), measure(clients["nop"]), measure(clients["counting"])
	if off != plain || nop != plain {
		t.Errorf("allocations a call: plain client %v, telemetry off %v, no-op providers %v; want all equal", plain, off, nop)
	}
	if counting <= plain {
		t.Errorf("counting telemetry allocated %v, not more than the plain %v: the measurement is blind", counting, plain)
	}
	t.Logf("allocations a call: plain %v, off %v, nop %v, counting %v", plain, off, nop, counting)
}
