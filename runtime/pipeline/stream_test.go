package pipeline_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/aws/retry"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/runtime/awsjson"
	"github.com/eucsdk/eucsdk/runtime/pipeline"
	"github.com/eucsdk/eucsdk/runtime/wire"
)

// patternReader generates size bytes (i%251) without holding them, so a
// test can tell a streamed body from a buffered one by the bytes allocated.
type patternReader struct {
	size, off int64
}

func (p *patternReader) Read(b []byte) (int, error) {
	if p.off >= p.size {
		return 0, io.EOF
	}
	if rest := p.size - p.off; int64(len(b)) > rest {
		b = b[:rest]
	}
	for i := range b {
		b[i] = byte((p.off + int64(i)) % 251)
	}
	p.off += int64(len(b))
	return len(b), nil
}

// seekablePattern adds io.Seeker to patternReader.
type seekablePattern struct{ patternReader }

func (p *seekablePattern) Seek(off int64, whence int) (int64, error) {
	switch whence {
	case io.SeekCurrent:
		off += p.off
	case io.SeekEnd:
		off += p.size
	}
	if off < 0 {
		return 0, errors.New("negative offset")
	}
	p.off = off
	return off, nil
}

func patternSum(size, from int64) string {
	h := sha256.New()
	io.Copy(h, &patternReader{size: size, off: from})
	return hex.EncodeToString(h.Sum(nil))
}

var streamService = &pipeline.Service{ID: "Streamer", SigningName: "streamer", Protocol: awsjson.JSON11}

type upIn struct {
	Body   io.Reader
	Length int64
}
type upOut struct{}

type downIn struct{}
type downOut struct{ Body io.ReadCloser }

var upOp = &pipeline.Operation[upIn, upOut]{
	Name: "Upload", Target: "Streamer.Upload",
	Serialize: wire.SerializeFunc[upIn](func(r *wire.Request, in *upIn) error {
		r.SetStream(in.Body, in.Length)
		return nil
	}),
	Deserialize: wire.DeserializeFunc[upOut](func(*wire.Response, *upOut) error { return nil }),
}

var downOp = &pipeline.Operation[downIn, downOut]{
	Name: "Download", Target: "Streamer.Download", StreamingOutput: true,
	Serialize: wire.SerializeFunc[downIn](func(r *wire.Request, _ *downIn) error { return nil }),
	Deserialize: wire.DeserializeFunc[downOut](func(r *wire.Response, out *downOut) error {
		out.Body = r.Stream
		return nil
	}),
}

// received is what the test server saw of one request.
type received struct {
	length    int64
	chunked   bool
	sum       string
	n         int64
	signedFor string // X-Amz-Content-Sha256
}

// streamServer answers statuses in turn (200 once they run out) and records
// each request's body by hash, never holding it.
func streamServer(t *testing.T, tls bool, statuses ...int) (*httptest.Server, func() []received) {
	var mu sync.Mutex
	var got []received
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sum := sha256.New()
		n, _ := io.Copy(sum, r.Body)
		mu.Lock()
		got = append(got, received{r.ContentLength, len(r.TransferEncoding) > 0, hex.EncodeToString(sum.Sum(nil)), n, r.Header.Get("X-Amz-Content-Sha256")})
		status := 200
		if len(got) <= len(statuses) {
			status = statuses[len(got)-1]
		}
		mu.Unlock()
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		if status != 200 {
			w.WriteHeader(status)
			io.WriteString(w, `{"__type":"InternalError","message":"try again"}`)
			return
		}
		io.WriteString(w, `{}`)
	})
	var srv *httptest.Server
	if tls {
		srv = httptest.NewTLSServer(h)
	} else {
		srv = httptest.NewServer(h)
	}
	t.Cleanup(srv.Close)
	return srv, func() []received { mu.Lock(); defer mu.Unlock(); return append([]received(nil), got...) }
}

func streamClient(srv *httptest.Server, stack bool) *pipeline.Client {
	o := pipeline.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		Retryer:      retry.NewStandard(func(o *retry.StandardOptions) { o.Rand = func() float64 { return 0 } }),
		HTTPClient:   srv.Client(),
	}
	if stack {
		o.APIOptions = append(o.APIOptions, noopMiddleware)
	}
	return pipeline.NewClient(streamService, o, nil)
}

func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

const bigStream = 64 << 20

// A 64 MiB upload streams: the process (client and test server together)
// allocates a small fraction of it. A seekable body is hashed and sent with
// its Content-Length; one that cannot seek goes chunked over TLS, unsigned.
func TestStreamingUploadIsNotBuffered(t *testing.T) {
	if testing.Short() || raceEnabled {
		// The plain run checks it; under -race the allocation figures
		// (TLS's especially) stop meaning anything, and it is slow.
		t.Skip("sends 64 MiB bodies")
	}
	for _, stack := range []bool{false, true} {
		for _, seekable := range []bool{true, false} {
			name := "direct"
			if stack {
				name = "stack"
			}
			name += "/seekable=" + strconv.FormatBool(seekable)
			t.Run(name, func(t *testing.T) {
				srv, got := streamServer(t, !seekable)
				c := streamClient(srv, stack)
				var body io.Reader = &patternReader{size: bigStream}
				if seekable {
					body = &seekablePattern{patternReader{size: bigStream}}
				}
				var err error
				n := allocated(func() {
					_, _, err = pipeline.Invoke(context.Background(), c, upOp, &upIn{Body: body, Length: -1}, nil)
				})
				if err != nil {
					t.Fatal(err)
				}
				if n > 8<<20 {
					t.Errorf("a %d-byte upload allocated %d bytes: the body was buffered", bigStream, n)
				}
				r := got()
				if len(r) != 1 || r[0].n != bigStream || r[0].sum != patternSum(bigStream, 0) {
					t.Fatalf("server received %+v", r)
				}
				if seekable && (r[0].length != bigStream || r[0].chunked || r[0].signedFor != "") {
					t.Errorf("seekable body: Content-Length %d, chunked %v, X-Amz-Content-Sha256 %q; want its length, unchunked, hashed", r[0].length, r[0].chunked, r[0].signedFor)
				}
				if !seekable && (r[0].length != -1 || !r[0].chunked || r[0].signedFor != "UNSIGNED-PAYLOAD") {
					t.Errorf("unseekable body: Content-Length %d, chunked %v, X-Amz-Content-Sha256 %q; want chunked and UNSIGNED-PAYLOAD", r[0].length, r[0].chunked, r[0].signedFor)
				}
			})
		}
	}
}

// A seekable body is rewound to where the caller left it for each retry;
// one that cannot seek is sent once and the retryable error is final.
func TestStreamingUploadRetries(t *testing.T) {
	const size = 100_000
	for _, stack := range []bool{false, true} {
		srv, got := streamServer(t, true, 500)
		c := streamClient(srv, stack)
		body := &seekablePattern{patternReader{size: size}}
		body.off = 7
		if _, _, err := pipeline.Invoke(context.Background(), c, upOp, &upIn{Body: body, Length: -1}, nil); err != nil {
			t.Fatalf("stack %v: %v", stack, err)
		}
		r := got()
		if len(r) != 2 {
			t.Fatalf("stack %v: %d requests, want 2 (one retry)", stack, len(r))
		}
		for i, x := range r {
			if x.n != size-7 || x.length != size-7 || x.sum != patternSum(size, 7) {
				t.Errorf("stack %v: attempt %d sent %d bytes (Content-Length %d), want the %d from the caller's offset", stack, i+1, x.n, x.length, size-7)
			}
		}

		srv, got = streamServer(t, true, 500)
		c = streamClient(srv, stack)
		_, _, err := pipeline.Invoke(context.Background(), c, upOp, &upIn{Body: &patternReader{size: size}, Length: -1}, nil)
		var nr *pipeline.BodyNotRewindableError
		var re *pipeline.ResponseError
		if !errors.As(err, &nr) || !errors.As(err, &re) || re.StatusCode != 500 {
			t.Fatalf("stack %v: unseekable body after a 500: err = %v, want BodyNotRewindableError wrapping the 500", stack, err)
		}
		if n := len(got()); n != 1 {
			t.Errorf("stack %v: unseekable body sent %d times, want 1", stack, n)
		}
	}
}

// An explicit length is the Content-Length of a body that cannot seek, and
// a seekable body whose length disagrees is refused before anything is
// sent.
func TestStreamingUploadLength(t *testing.T) {
	srv, got := streamServer(t, true)
	c := streamClient(srv, false)
	if _, _, err := pipeline.Invoke(context.Background(), c, upOp, &upIn{Body: &patternReader{size: 5000}, Length: 5000}, nil); err != nil {
		t.Fatal(err)
	}
	if r := got(); len(r) != 1 || r[0].length != 5000 || r[0].chunked {
		t.Errorf("received %+v, want Content-Length 5000", r)
	}
	_, _, err := pipeline.Invoke(context.Background(), c, upOp, &upIn{Body: &seekablePattern{patternReader{size: 10}}, Length: 11}, nil)
	if err == nil || !strings.Contains(err.Error(), "holds 10 bytes, but its length is given as 11") {
		t.Errorf("err = %v, want the length mismatch", err)
	}
	if len(got()) != 1 {
		t.Error("a body of the wrong length was sent")
	}
}

// Without TLS a body that cannot seek could only go unsigned and
// unprotected: the call fails before sending, saying what to do.
func TestStreamingUploadUnseekableNeedsTLS(t *testing.T) {
	srv, got := streamServer(t, false)
	c := streamClient(srv, false)
	_, _, err := pipeline.Invoke(context.Background(), c, upOp, &upIn{Body: io.MultiReader(strings.NewReader("abc")), Length: -1}, nil)
	if err == nil || !strings.Contains(err.Error(), "https") || !strings.Contains(err.Error(), "io.ReadSeeker") {
		t.Fatalf("err = %v, want one naming io.ReadSeeker and https", err)
	}
	if len(got()) != 0 {
		t.Error("the request was sent")
	}
}

// A streaming output's body reaches the caller unread: 64 MiB pass through
// with a small allocation, past a MaxResponseBytes meant for whole bodies,
// and an error response of the same operation is still decoded (and
// retried).
func TestStreamingDownloadIsNotBuffered(t *testing.T) {
	if testing.Short() || raceEnabled {
		// The plain run checks it; under -race the allocation figures
		// (TLS's especially) stop meaning anything, and it is slow.
		t.Skip("receives 64 MiB bodies")
	}
	var calls int
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		if calls == 1 {
			w.WriteHeader(503)
			io.WriteString(w, `{"__type":"ServiceUnavailable"}`)
			return
		}
		w.Header().Set("Content-Length", strconv.Itoa(bigStream))
		io.Copy(w, &patternReader{size: bigStream})
	}))
	t.Cleanup(srv.Close)
	for _, stack := range []bool{false, true} {
		calls = 0
		c := streamClient(srv, stack)
		var sum string
		var err error
		n := allocated(func() {
			var out *downOut
			out, _, err = pipeline.Invoke(context.Background(), c, downOp, &downIn{}, []func(*pipeline.Options){func(o *pipeline.Options) { o.MaxResponseBytes = 1 << 10 }})
			if err != nil {
				return
			}
			h := sha256.New()
			io.Copy(h, out.Body)
			out.Body.Close()
			sum = hex.EncodeToString(h.Sum(nil))
		})
		if err != nil {
			t.Fatalf("stack %v: %v", stack, err)
		}
		if calls != 2 {
			t.Errorf("stack %v: %d requests, want 2 (the 503 retried)", stack, calls)
		}
		if sum != patternSum(bigStream, 0) {
			t.Errorf("stack %v: the body read from the output differs from the one sent", stack)
		}
		if n > 8<<20 {
			t.Errorf("stack %v: a %d-byte download allocated %d bytes: the body was buffered", stack, bigStream, n)
		}
	}
}
