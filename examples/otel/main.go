// Command otel sends eucsdk's traces and metrics to OpenTelemetry: it runs a
// few AppStream calls against the embedded emulator (one of them throttled
// and retried) with an OpenTelemetry tracer and meter provider, then prints
// the spans and metrics the SDK recorded, with aws-sdk-go-v2's names.
//
// It is a module of its own so that the eucsdk module never depends on
// OpenTelemetry: go run . from this directory.
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"sort"
	"strings"
	"time"

	"go.opentelemetry.io/otel/attribute"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/emulator"
)

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// run makes the calls and writes one line per span and per metric to w.
func run(ctx context.Context, w io.Writer) error {
	emu := emulator.New(emulator.WithFaults(emulator.Faults{ThrottleEvery: 2, RetryAfter: 20 * time.Millisecond}))
	if _, err := emu.Start(); err != nil {
		return err
	}
	defer emu.Close()

	spans := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(spans))
	reader := sdkmetric.NewManualReader()
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))

	client := appstream.New(emu.ClientOptions(emulator.DefaultAccount), func(o *appstream.Options) {
		o.TracerProvider = otelTracerProvider{tp}
		o.MeterProvider = otelMeterProvider{mp}
	})
	for range 2 {
		if _, err := client.DescribeImages(ctx, &appstream.DescribeImagesInput{}); err != nil {
			return err
		}
	}

	for _, s := range spans.GetSpans() {
		fmt.Fprintf(w, "span %s kind=%s %s\n", s.Name, s.SpanKind, formatAttrs(s.Attributes))
	}
	var rm metricdata.ResourceMetrics
	if err := reader.Collect(ctx, &rm); err != nil {
		return err
	}
	var lines []string
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			lines = append(lines, fmt.Sprintf("metric %s unit=%s scope=%s %s", m.Name, m.Unit, sm.Scope.Name, summarize(m.Data)))
		}
	}
	sort.Strings(lines)
	fmt.Fprintln(w, strings.Join(lines, "\n"))
	return nil
}

func formatAttrs(kvs []attribute.KeyValue) string {
	var parts []string
	for _, kv := range kvs {
		parts = append(parts, string(kv.Key)+"="+kv.Value.Emit())
	}
	sort.Strings(parts)
	return strings.Join(parts, " ")
}

func summarize(d metricdata.Aggregation) string {
	switch d := d.(type) {
	case metricdata.Sum[int64]:
		var n int64
		for _, p := range d.DataPoints {
			n += p.Value
		}
		return fmt.Sprintf("sum=%d", n)
	case metricdata.Histogram[float64]:
		var n uint64
		for _, p := range d.DataPoints {
			n += p.Count
		}
		return fmt.Sprintf("count=%d", n)
	}
	return fmt.Sprintf("%T", d)
}
