package processcreds

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

var ctx = context.Background()

func script(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "proc.sh")
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+body), 0o700); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestProcess(t *testing.T) {
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	clock := func(o *Options) { o.Now = func() time.Time { return now } }
	ok := script(t, `echo '{"Version": 1, "AccessKeyId": "PID", "SecretAccessKey": "PSECRET", "SessionToken": "PTOKEN", "Expiration": "2025-01-01T01:00:00Z"}'`)
	c, err := NewProvider(ok, clock).Retrieve(ctx)
	if err != nil || c.AccessKeyID != "PID" || c.SessionToken != "PTOKEN" || !c.CanExpire ||
		!c.Expires.Equal(now.Add(time.Hour)) || c.Source != ProviderName {
		t.Fatalf("got %v (expires %v), %v", c, c.Expires, err)
	}
	noExpiry := script(t, `echo '{"Version": 1, "AccessKeyId": "PID", "SecretAccessKey": "PSECRET"}'`)
	if c, err := NewProvider(noExpiry).Retrieve(ctx); err != nil || c.CanExpire {
		t.Errorf("no Expiration: %v, %v", c, err)
	}

	for name, tc := range map[string]struct{ body, want string }{
		"failure names the exit status": {"echo '{\"SecretAccessKey\": \"STDOUTSECRET\"}'\nexit 3", "exit status 3"},
		"bad json":                      {"echo 'STDOUTSECRET not json'", "not the expected JSON"},
		"version":                       {`echo '{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "STDOUTSECRET"}'`, "only 1"},
		"missing secret":                {`echo '{"Version": 1, "AccessKeyId": "STDOUTSECRET"}'`, "lacks"},
		"expired":                       {`echo '{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "STDOUTSECRET", "Expiration": "2024-12-31T00:00:00Z"}'`, "expired at 2024-12-31T00:00:00Z"},
		"wrong type":                    {`echo '{"Version": 1, "AccessKeyId": 12345, "SecretAccessKey": "STDOUTSECRET"}'`, "not the expected JSON"},
	} {
		_, err := NewProvider(script(t, tc.body), clock).Retrieve(ctx)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want it to contain %q", name, err, tc.want)
			continue
		}
		if strings.Contains(err.Error(), "STDOUTSECRET") || strings.Contains(err.Error(), "12345") {
			t.Errorf("%s: stdout leaked into the error: %v", name, err)
		}
	}

	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := NewProvider(ok).Retrieve(canceled); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled: %v", err)
	}
}

// stderrOf runs f with os.Stderr redirected and returns what was written.
func stderrOf(t *testing.T, f func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stderr
	os.Stderr = w
	done := make(chan []byte)
	go func() { b, _ := io.ReadAll(r); done <- b }()
	defer func() { os.Stderr = saved }()
	f()
	w.Close()
	return string(<-done)
}

// A failing credential_process's stderr goes to the caller's stderr, not
// into the error (which names the command and exit status only), and its
// stdout appears nowhere.
func TestProcessStderrPassesThroughNotIntoErrors(t *testing.T) {
	proc := script(t, "echo '{\"SecretAccessKey\": \"STDOUTSECRET\"}'\necho 'token STDERRTOKEN expired, run login' >&2\nexit 3")
	var err error
	printed := stderrOf(t, func() { _, err = NewProvider(proc + " --token ARGSECRET").Retrieve(ctx) })
	if err == nil {
		t.Fatal("no error")
	}
	want := "credential_process " + strconv.Quote(proc) + " failed: exit status 3"
	if !strings.HasPrefix(err.Error(), want) {
		t.Errorf("err = %q; want it to start %q", err, want)
	}
	for _, secret := range []string{"STDERRTOKEN", "STDOUTSECRET", "ARGSECRET"} {
		if strings.Contains(err.Error(), secret) {
			t.Errorf("error holds %s: %v", secret, err)
		}
	}
	if !strings.Contains(printed, "token STDERRTOKEN expired, run login") || strings.Contains(printed, "STDOUTSECRET") {
		t.Errorf("caller's stderr got %q", printed)
	}
}

// The timeout ends the process and its children: a shell that sleeps, and a
// grandchild that keeps stdout open, do not hold Retrieve past the timeout.
func TestProcessTimeoutKillsTheProcessGroup(t *testing.T) {
	for name, cmd := range map[string]string{
		"sleeping shell":            "sleep 5; true",
		"grandchild holding stdout": "(sleep 30 &) ; sleep 30",
		"background grandchild":     "sleep 30 & wait",
	} {
		start := time.Now()
		_, err := NewProvider(cmd, func(o *Options) { o.Timeout = 300 * time.Millisecond }).Retrieve(ctx)
		took := time.Since(start)
		if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "killed after the 300ms timeout") {
			t.Errorf("%s: err = %v", name, err)
		}
		// Generous for a loaded machine, far below the process's own 5 to 30 s.
		if took > 3*time.Second {
			t.Errorf("%s: Retrieve returned after %v", name, took)
		}
	}
}
