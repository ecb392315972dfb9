package slogger_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/aws/retry"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/logging/slogger"
	"github.com/eucsdk/eucsdk/workspaces"
)

// A real call through a client logging to slog: every line is a JSON record
// with the operation, the attempt and (for responses) the request id, and the
// secret never appears.
func TestClientLogsAreStructured(t *testing.T) {
	n := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n++
		w.Header().Set("X-Amzn-Requestid", "req-"+string(rune('0'+n)))
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		if n == 1 {
			w.Header().Set("X-Amzn-ErrorType", "ThrottlingException")
			w.WriteHeader(400)
			w.Write([]byte(`{"message":"slow down"}`))
			return
		}
		w.Write([]byte(`{}`))
	}))
	defer srv.Close()

	var buf bytes.Buffer
	h := slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})
	c := workspaces.New(workspaces.Options{
		Region:        "us-east-1",
		BaseEndpoint:  aws.String(srv.URL),
		Credentials:   credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "TOP-SECRET-KEY", ""),
		Retryer:       retry.NewStandard(func(o *retry.StandardOptions) { o.Rand = func() float64 { return 0 } }),
		Logger:        slogger.New(slog.New(h)),
		ClientLogMode: aws.LogRequest | aws.LogResponse | aws.LogRetries | aws.LogSigning,
	})
	_, err := c.UpdateWorkspaceImagePermission(context.Background(), &workspaces.UpdateWorkspaceImagePermissionInput{
		ImageId: aws.String("wsi-123456789"), AllowCopyImage: aws.Bool(true), SharedAccountId: aws.String("111122223333"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "TOP-SECRET-KEY") {
		t.Fatal("the secret key reached the log")
	}
	type record struct {
		Level, Msg, Service, Operation string
		Attempt                        int
		RequestID                      string `json:"request_id"`
	}
	var recs []record
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var r record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("not a JSON record: %q: %v", line, err)
		}
		recs = append(recs, r)
	}
	var requests, responses int
	for _, r := range recs {
		if r.Level != "DEBUG" {
			t.Errorf("level %s: %q", r.Level, r.Msg)
		}
		switch {
		case strings.HasPrefix(r.Msg, "Request UpdateWorkspaceImagePermission attempt"):
			requests++
			if r.Service != "WorkSpaces" || r.Operation != "UpdateWorkspaceImagePermission" || r.Attempt != requests {
				t.Errorf("request record %+v", r)
			}
		case strings.HasPrefix(r.Msg, "Response UpdateWorkspaceImagePermission attempt"):
			responses++
			if r.Attempt != responses || r.RequestID != "req-"+string(rune('0'+responses)) {
				t.Errorf("response record %+v", r)
			}
		}
	}
	if requests != 2 || responses != 2 {
		t.Errorf("%d request and %d response records, want 2 each:\n%s", requests, responses, buf.String())
	}
}

func TestLevelsAndPlainLogf(t *testing.T) {
	var buf bytes.Buffer
	l := slogger.New(slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelWarn})))
	l.Logf("DEBUG", "hidden %d", 1)
	l.Logf("WARN", "shown %d", 2)
	if got := buf.String(); strings.Contains(got, "hidden") || !strings.Contains(got, "level=WARN msg=\"shown 2\"") {
		t.Errorf("log %q", got)
	}
	if slogger.New(nil) == nil {
		t.Error("New(nil) is nil")
	}
}
