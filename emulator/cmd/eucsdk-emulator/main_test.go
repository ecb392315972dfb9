package main

import (
	"context"
	"net"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/appstream/types"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/credentials"
)

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServesWithPrintedKeysAndSeeds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var out syncBuffer
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-account", "333333333333:AKIATHIRD:third-secret", "-seed-image", "333333333333:demo-image", "-v"}, &out, ready)
	}()
	var endpoint string
	select {
	case endpoint = <-ready:
	case err := <-done:
		t.Fatalf("run: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("emulator did not start")
	}
	for _, want := range []string{"at " + endpoint, "account 111111111111  AWS_ACCESS_KEY_ID=", "account 333333333333  AWS_ACCESS_KEY_ID=AKIATHIRD AWS_SECRET_ACCESS_KEY=third-secret"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	c := appstream.New(appstream.Options{Region: "us-east-1", BaseEndpoint: aws.String(endpoint), Credentials: credentials.NewStaticCredentialsProvider("AKIATHIRD", "third-secret", "")})
	res, err := c.DescribeImages(ctx, &appstream.DescribeImagesInput{Type: types.VisibilityTypePrivate})
	if err != nil || len(res.Images) != 1 || aws.ToString(res.Images[0].Name) != "demo-image" {
		t.Fatalf("seeded image: %+v, %v", res, err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`333333333333 +PhotonAdminProxyService.DescribeImages +200 +[0-9.]+ms`).MatchString(out.String()) {
		t.Errorf("-v did not log the request with its status and duration:\n%s", out.String())
	}
	// The keys are printed once at start; no request line repeats them
	// (nor any signature).
	_, requests, _ := strings.Cut(out.String(), "use it:")
	for _, secret := range []string{"third-secret", "AKIATHIRD", "Signature="} {
		if strings.Contains(requests, secret) {
			t.Errorf("-v logged %q:\n%s", secret, requests)
		}
	}
}

func TestRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:4510", ":4510", "192.0.2.1:80"} {
		if err := run(context.Background(), []string{"-addr", addr}, &syncBuffer{}, nil); err == nil || !strings.Contains(err.Error(), "loopback") {
			t.Errorf("-addr %s: %v", addr, err)
		}
	}
	for _, addr := range []string{"127.0.0.1:0", "[::1]:0", "localhost:0"} {
		if err := loopbackOnly(addr); err != nil {
			t.Errorf("%s: %v", addr, err)
		}
	}
}

func TestBadAccountFlag(t *testing.T) {
	if err := run(context.Background(), []string{"-addr", "127.0.0.1:0", "-account", "only-an-id"}, &syncBuffer{}, nil); err == nil {
		t.Fatal("malformed -account accepted")
	}
}

// TestHelperMain runs main in a child process for the exit-status tests.
func TestHelperMain(t *testing.T) {
	if os.Getenv("EUCSDK_EMULATOR_MAIN") != "1" {
		t.Skip("runs only as the child of TestHelpExitsZero")
	}
	os.Args = append([]string{"eucsdk-emulator"}, strings.Fields(os.Getenv("EUCSDK_EMULATOR_ARGS"))...)
	main()
	os.Exit(0)
}

// -h prints the usage and exits 0, as the user asked for it.
func TestHelpExitsZero(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperMain$")
	cmd.Env = append(os.Environ(), "EUCSDK_EMULATOR_MAIN=1", "EUCSDK_EMULATOR_ARGS=-h")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("-h: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "Usage of eucsdk-emulator:") || !strings.Contains(string(out), "-addr") {
		t.Errorf("-h printed:\n%s", out)
	}
}

// A second emulator on a busy port says how to get a free one.
func TestBusyPortSuggestsAFreeOne(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	addr := ln.Addr().String()
	err = run(context.Background(), []string{"-addr", addr}, &syncBuffer{}, nil)
	want := "emulator: listen tcp " + addr + ": bind: address already in use\n" +
		"(another emulator may be running there: use it, or pick a free port with -addr 127.0.0.1:0)"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}
