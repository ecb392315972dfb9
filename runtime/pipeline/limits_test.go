package pipeline_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/smithy-go"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/aws/retry"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/internal/testkit/fuzzclient"
	"github.com/eucsdk/eucsdk/runtime/awsjson"
	"github.com/eucsdk/eucsdk/runtime/pipeline"
)

// allocDuring returns the bytes allocated while fn ran (TotalAlloc, an upper
// bound on the memory fn held at any moment).
func allocDuring(fn func()) uint64 {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func inMemoryClient(tr *fuzzclient.Transport, maxBytes int64) *appstream.Client {
	return appstream.New(appstream.Options{
		Region: "us-east-1", BaseEndpoint: aws.String("http://in-memory.invalid"),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", ""),
		HTTPClient:  &http.Client{Transport: tr}, Retryer: retry.Nop(), MaxResponseBytes: maxBytes,
	})
}

// 10 MB adversarial bodies through the real decode path: each decodes or
// fails with a DeserializationError, and allocation stays bounded. Reading
// the body costs about twice its size (the buffer grows by doubling); what
// decoding adds is bounded by awsjson.MaxElements, not by the body: before
// that cap, 10 MB of "{}," in an Images list allocated 5.8 GB.
func TestAdversarialBodiesBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates a few hundred MB")
	}
	const n = 10 << 20
	const bound = 3*n + 224<<20
	tr := &fuzzclient.Transport{}
	c := inMemoryClient(tr, 64<<20)
	for _, tc := range []struct {
		name    string
		body    string
		builder bool // DescribeImageBuilders instead of DescribeImages
		decodes bool
	}{
		{name: "deep nesting", body: `{"Images":` + strings.Repeat("[", n)},
		{name: "deep objects", body: strings.Repeat(`{"Images":[{"ImagePermissions":`, n/32)},
		{name: "one huge string", body: `{"Images":[{"Name":"` + strings.Repeat("a", n) + `"}]}`, decodes: true},
		{name: "escapes", body: `{"Images":[{"Name":"` + strings.Repeat(`\u00e9\ud83d\ude00`, n/18) + `"}]}`, decodes: true},
		{name: "millions of empty structures", body: `{"Images":[` + strings.Repeat("{},", n/3) + `{}]}`},
		{name: "millions of empty strings", builder: true, body: `{"ImageBuilders":[{"VpcConfig":{"SubnetIds":[` + strings.Repeat(`"",`, n/3) + `""]}}]}`},
		{name: "millions of unknown members", body: `{` + strings.Repeat(`"x":1,`, n/6) + `"y":1}`},
		{name: "huge unknown value", body: `{"Unknown":[` + strings.Repeat(`[1,{"a":"b"}],`, n/14) + `0],"Images":[]}`},
		{name: "huge number", body: `{"Images":[{"CreatedTime":1` + strings.Repeat("0", n) + `}]}`},
		{name: "huge exponent", body: `{"Images":[{"CreatedTime":1e` + strings.Repeat("9", n) + `}]}`},
		{name: "nulls", body: `{"Images":[` + strings.Repeat("null,", n/5) + `null]}`},
		{name: "unterminated string", body: `{"Images":[{"Name":"` + strings.Repeat("a", n)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr.Set(200, nil, []byte(tc.body), false)
			var err error
			alloc := allocDuring(func() {
				if tc.builder {
					_, err = c.DescribeImageBuilders(context.Background(), nil)
				} else {
					_, err = c.DescribeImages(context.Background(), nil)
				}
			})
			t.Logf("%.1f MB body: allocated %.1f MB, err %.120v", float64(len(tc.body))/1e6, float64(alloc)/1e6, err)
			var de *smithy.DeserializationError
			if tc.decodes && err != nil {
				t.Fatalf("did not decode: %v", err)
			}
			if !tc.decodes && !errors.As(err, &de) {
				t.Fatalf("err = %v, want a DeserializationError", err)
			}
			if alloc > bound {
				t.Fatalf("allocated %d bytes for a %d-byte body, bound %d", alloc, len(tc.body), bound)
			}
		})
	}
	// The element cap makes the cost of expansion independent of the body:
	// doubling the body of empty structures costs only the bigger buffer.
	small := `{"Images":[` + strings.Repeat("{},", n/3) + `{}]}`
	large := `{"Images":[` + strings.Repeat("{},", 2*n/3) + `{}]}`
	tr.Set(200, nil, []byte(small), false)
	a1 := allocDuring(func() { c.DescribeImages(context.Background(), nil) })
	tr.Set(200, nil, []byte(large), false)
	a2 := allocDuring(func() { c.DescribeImages(context.Background(), nil) })
	if a2 > a1+3*uint64(len(large)-len(small)) {
		t.Errorf("empty structures: %d bytes allocated for %d-byte body, %d for %d bytes: grows with the body", a1, len(small), a2, len(large))
	}
	if awsjson.MaxElements > 1_000_000 {
		t.Errorf("MaxElements %d no longer bounds decoding memory", awsjson.MaxElements)
	}
}

// A body over Options.MaxResponseBytes is refused with a
// *pipeline.ResponseTooLargeError, end to end over HTTP: with a
// Content-Length (refused before reading) and chunked with no length (cut
// after the limit, however much the server would send). It is not retried,
// and memory stays near the limit.
func TestResponseTooLarge(t *testing.T) {
	const limit = 1 << 20
	var requests atomic.Int32
	var written atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		io.Copy(io.Discard, r.Body)
		chunk := []byte(`{"Images":[` + strings.Repeat(`{"Name":"x"},`, 4096))
		if r.Header.Get("X-Test-Mode") == "length" {
			w.Header().Set("Content-Length", strconv.Itoa(8<<20))
		}
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		// Up to 256 MB, streamed; the client must stop reading long before.
		for i := 0; written.Load() < 256<<20; i++ {
			n, err := w.Write(chunk)
			written.Add(int64(n))
			if err != nil {
				return
			}
			if i%16 == 0 {
				http.NewResponseController(w).Flush()
			}
		}
	}))
	defer srv.Close()
	for _, mode := range []string{"length", "chunked"} {
		t.Run(mode, func(t *testing.T) {
			requests.Store(0)
			written.Store(0)
			c := appstream.New(appstream.Options{
				Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), MaxResponseBytes: limit,
				Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", ""),
				HTTPClient:  &http.Client{Transport: &http.Transport{}},
			})
			var err error
			alloc := allocDuring(func() {
				_, err = c.DescribeImages(context.Background(), nil, withHeader("X-Test-Mode", mode))
			})
			var tooLarge *pipeline.ResponseTooLargeError
			if !errors.As(err, &tooLarge) || tooLarge.Limit != limit {
				t.Fatalf("err = %v, want a ResponseTooLargeError with limit %d", err, limit)
			}
			if !strings.Contains(err.Error(), "MaxResponseBytes") || !strings.Contains(err.Error(), strconv.Itoa(limit)) {
				t.Errorf("error %q does not say which limit was hit", err)
			}
			if requests.Load() != 1 {
				t.Errorf("%d requests, want 1 (not retried)", requests.Load())
			}
			if alloc > 16*limit {
				t.Errorf("allocated %d bytes with a %d-byte limit", alloc, limit)
			}
		})
	}
}

// withHeader adds a header to the call's requests, through a transport
// wrapper (so the body-limit test can choose the server's behaviour).
func withHeader(k, v string) func(*appstream.Options) {
	return func(o *appstream.Options) {
		o.HTTPClient = headerClient{c: o.HTTPClient, k: k, v: v}
	}
}

type headerClient struct {
	c    aws.HTTPClient
	k, v string
}

func (h headerClient) Do(r *http.Request) (*http.Response, error) {
	r.Header.Set(h.k, h.v)
	return h.c.Do(r)
}

// A server that sends headers and then trickles the body one byte at a time
// is cut by the caller's deadline: the call returns promptly with
// context.DeadlineExceeded, not when the server finishes.
func TestTrickleCutByDeadline(t *testing.T) {
	stop := make(chan struct{})
	defer close(stop)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Length", "1000000")
		w.WriteHeader(200)
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-r.Context().Done():
				return
			case <-tick.C:
				if _, err := w.Write([]byte(" ")); err != nil {
					return
				}
				http.NewResponseController(w).Flush()
			}
		}
	}))
	defer srv.Close()
	c := appstream.New(appstream.Options{
		Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", ""),
		HTTPClient:  &http.Client{Transport: &http.Transport{}},
	})
	const deadline = 300 * time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	start := time.Now()
	_, err := c.DescribeImages(ctx, nil)
	took := time.Since(start)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
	if took > deadline+2*time.Second {
		t.Fatalf("returned %v after a %v deadline", took, deadline)
	}
}
