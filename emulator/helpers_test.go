package emulator_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/smithy-go"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/aws/retry"
	"github.com/eucsdk/eucsdk/emulator"
	"github.com/eucsdk/eucsdk/runtime/pipeline"
	"github.com/eucsdk/eucsdk/runtime/signer"
	"github.com/eucsdk/eucsdk/workspaces"
)

const delay = time.Minute

// newManual starts an emulator on a clock that only moves when the test
// says so, with transitions taking one minute of that clock.
func newManual(t *testing.T, opts ...emulator.Option) (*emulator.Emulator, *emulator.ManualClock) {
	t.Helper()
	clk := emulator.NewManualClock(time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC))
	emu := emulator.NewServer(t, append([]emulator.Option{emulator.WithClock(clk.Now), emulator.WithStateDelay(delay)}, opts...)...)
	return emu, clk
}

// noRetry keeps one request per call, so a test sees each error the
// emulator sends instead of the retried outcome.
func noRetry(o *pipeline.Options) { o.Retryer = retry.Nop() }

// fastRetry retries like the default client but backs off for at most a
// millisecond, so tests of retried faults do not sleep.
func fastRetry(o *pipeline.Options) {
	o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) { so.MaxBackoff = time.Millisecond })
}

func asClient(emu *emulator.Emulator, acct emulator.Account) *appstream.Client {
	return appstream.New(emu.ClientOptions(acct), noRetry)
}

func wsClient(emu *emulator.Emulator, acct emulator.Account) *workspaces.Client {
	return workspaces.New(emu.ClientOptions(acct), noRetry)
}

// wantCode fails unless err is an API error with code and, when status is
// not 0, came with that HTTP status.
func wantCode(t *testing.T, err error, code string, status int) {
	t.Helper()
	var ae smithy.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("got error %v, want API error %s", err, code)
	}
	if ae.ErrorCode() != code {
		t.Fatalf("got code %s (%v), want %s", ae.ErrorCode(), err, code)
	}
	if status == 0 {
		return
	}
	var re interface{ HTTPStatusCode() int }
	if !errors.As(err, &re) || re.HTTPStatusCode() != status {
		t.Fatalf("%s: got HTTP status %v, want %d", code, re, status)
	}
}

type rawResponse struct {
	status int
	header http.Header
	body   map[string]any
}

// rawCall signs and sends a request by hand, for what the generated client
// will not send: missing required members, malformed JSON, unknown targets.
// tamper, when not nil, changes the request after it is signed.
func rawCall(t *testing.T, emu *emulator.Emulator, acct emulator.Account, service, target, body string, tamper func(*http.Request)) rawResponse {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, emu.Endpoint()+"/", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", target)
	sum := sha256.Sum256([]byte(body))
	creds := aws.Credentials{AccessKeyID: acct.AccessKeyID, SecretAccessKey: acct.SecretAccessKey}
	if err := signer.New().SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), service, emu.Region(), emu.Now()); err != nil {
		t.Fatal(err)
	}
	if tamper != nil {
		tamper(req)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	out := rawResponse{status: resp.StatusCode, header: resp.Header}
	if len(bytes.TrimSpace(b)) > 0 {
		if err := json.Unmarshal(b, &out.body); err != nil {
			t.Fatalf("response body %q is not JSON: %v", b, err)
		}
	}
	return out
}

// wantRawError checks the error shape AWS uses for awsJson services.
func wantRawError(t *testing.T, r rawResponse, status int, code string) {
	t.Helper()
	if r.status != status || r.body["__type"] != code {
		t.Fatalf("got %d %v, want %d %s", r.status, r.body, status, code)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/x-amz-json-1.1" {
		t.Errorf("Content-Type %q", ct)
	}
	if et := r.header.Get("X-Amzn-Errortype"); et != code {
		t.Errorf("x-amzn-errortype %q, want %q", et, code)
	}
	if r.header.Get("X-Amzn-Requestid") == "" {
		t.Error("no x-amzn-RequestId header")
	}
	msg, _ := r.body["message"].(string)
	if msg == "" {
		if m, _ := r.body["Message"].(string); m == "" {
			t.Errorf("error body %v has no message", r.body)
		}
	}
}
