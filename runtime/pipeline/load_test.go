package pipeline_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/emulator"
)

// countingListener counts the TCP connections a server accepts.
type countingListener struct {
	net.Listener
	accepted atomic.Int64
}

func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.accepted.Add(1)
	}
	return c, err
}

// startCounting serves h on loopback through a countingListener.
func startCounting(t *testing.T, h http.Handler) (*httptest.Server, *countingListener) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	cl := &countingListener{Listener: ln}
	srv := httptest.NewUnstartedServer(h)
	srv.Listener.Close()
	srv.Listener = cl
	srv.Start()
	return srv, cl
}

// poolTransport is a transport like the SDK's default one: enough idle
// connections per host for the test's concurrency.
func poolTransport() *http.Transport {
	return &http.Transport{MaxIdleConns: 128, MaxIdleConnsPerHost: 128, IdleConnTimeout: 90 * time.Second}
}

// checkNoLeakedGoroutines waits (bounded polling) for the goroutine count to
// fall back to base, and fails with every goroutine's stack if it does not.
func checkNoLeakedGoroutines(t *testing.T, base int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		n := runtime.NumGoroutine()
		if n <= base {
			return
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			buf = buf[:runtime.Stack(buf, true)]
			t.Fatalf("%d goroutines remain, %d before the test:\n%s", n, base, buf)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// 2,000 calls from 64 goroutines through one client against the emulator
// (which verifies every signature): no errors, every connection reused, and
// no goroutine left afterwards. Run with -race.
func TestLoadThroughOneClient(t *testing.T) {
	const calls, workers = 2000, 64
	base := runtime.NumGoroutine()
	emu := emulator.New()
	srv, ln := startCounting(t, emu)
	tr := poolTransport()
	opts := emu.ClientOptions(emulator.DefaultAccount)
	opts.BaseEndpoint = aws.String(srv.URL)
	opts.HTTPClient = &http.Client{Transport: tr}
	c := appstream.New(opts)

	var next atomic.Int64
	var failures atomic.Int64
	var firstErr sync.Once
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for next.Add(1) <= calls {
				out, err := c.DescribeImages(context.Background(), &appstream.DescribeImagesInput{Type: "PUBLIC"})
				if err == nil && len(out.Images) == 0 {
					err = errors.New("no images")
				}
				if err != nil {
					failures.Add(1)
					firstErr.Do(func() { t.Errorf("call failed: %v", err) })
				}
			}
		}()
	}
	wg.Wait()
	if n := failures.Load(); n != 0 {
		t.Fatalf("%d of %d calls failed", n, calls)
	}
	conns := ln.accepted.Load()
	t.Logf("%d calls over %d TCP connections", calls, conns)
	// Without reuse this would be 2,000. With it, at most one connection
	// per goroutine, plus the few extra that net/http dials when a request
	// finds no idle connection a moment before another is returned (the
	// surplus joins the pool): 64-80 in practice.
	if conns > 2*workers {
		t.Errorf("%d connections for %d calls from %d goroutines: idle connections are not reused", conns, calls, workers)
	}
	tr.CloseIdleConnections()
	srv.Close()
	checkNoLeakedGoroutines(t, base)
}

// 1,000 calls cancelled while the server holds them: each returns promptly
// with an error that errors.Is context.Canceled, and nothing leaks.
func TestCancelInFlight(t *testing.T) {
	const calls, wave = 1000, 100
	base := runtime.NumGoroutine()
	arrived := make(chan struct{}, wave)
	srv, _ := startCounting(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		arrived <- struct{}{}
		<-r.Context().Done() // hold the call until the client gives up
	}))
	tr := poolTransport()
	c := appstream.New(appstream.Options{
		Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", ""),
		HTTPClient:  &http.Client{Transport: tr},
	})
	var slowest time.Duration
	for done := 0; done < calls; done += wave {
		ctx, cancel := context.WithCancel(context.Background())
		errs := make(chan error, wave)
		returned := make(chan time.Time, wave)
		for range wave {
			go func() {
				_, err := c.DescribeImages(ctx, nil)
				returned <- time.Now()
				errs <- err
			}()
		}
		for range wave {
			select {
			case <-arrived:
			case <-time.After(30 * time.Second):
				cancel()
				t.Fatal("calls did not reach the server")
			}
		}
		cancelled := time.Now()
		cancel()
		for range wave {
			if err := <-errs; !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
			if d := (<-returned).Sub(cancelled); d > slowest {
				slowest = d
			}
		}
	}
	t.Logf("slowest return after cancel: %v", slowest)
	if slowest > 2*time.Second {
		t.Errorf("a cancelled call took %v to return", slowest)
	}
	tr.CloseIdleConnections()
	srv.Close()
	checkNoLeakedGoroutines(t, base)
}
