package logincreds_test

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/smithy-go/logging"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/credentials/logincreds"
	"github.com/eucsdk/eucsdk/signin"
)

type captureLogger struct {
	mu    sync.Mutex
	lines []string
}

func (l *captureLogger) Logf(c logging.Classification, format string, v ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, string(c)+" "+fmt.Sprintf(format, v...))
}

// The logincreds part of the secret scan (see the pipeline's test of the
// same name): a refresh that succeeds and one that is denied, every log
// mode on, leave no key, session token, refresh token, DPoP key or proof in
// logs, errors, or %v/%+v/%#v.
func TestNoSecretsInLogsErrorsOrPrintedValues(t *testing.T) {
	defer logincreds.SetNow(func() time.Time { return t0 })()
	k, pemKey := newKey(t)
	f := newFakeSignin(t, &k.PublicKey)
	log := &captureLogger{}
	client := signin.New(signin.Options{Region: "us-east-1", BaseEndpoint: aws.String(f.srv.URL), Credentials: aws.AnonymousCredentials{}, Logger: log, ClientLogMode: aws.ClientLogMode(math.MaxUint64)})
	secrets := []string{"cachedLoginSecret", "cachedLoginSession", "cachedLoginRefresh", "refreshedLoginSecret", "refreshedLoginSession", "rotatedLoginRefresh",
		strings.Split(pemKey, "\n")[1], "eyJhbGciOiJFUzI1NiIs"}
	path := filepath.Join(t.TempDir(), "s.json")
	var printed []string
	for _, deny := range []string{"", "USER_CREDENTIALS_CHANGED"} {
		f.deny = deny
		writeSession(t, path, pemKey, t0.Add(-time.Minute))
		p := logincreds.New(client, path)
		cache := aws.NewCredentialsCache(p)
		c, err := cache.Retrieve(context.Background())
		if (err != nil) != (deny != "") {
			t.Fatalf("deny %q: %v", deny, err)
		}
		for _, v := range []any{c, p, cache} {
			printed = append(printed, fmt.Sprintf("%v", v), fmt.Sprintf("%+v", v), fmt.Sprintf("%#v", v))
		}
		if err != nil {
			printed = append(printed, err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err))
		}
	}
	all := strings.Join(printed, "\n") + "\n" + strings.Join(log.lines, "\n")
	if !strings.Contains(all, "Dpop: <redacted>") {
		t.Fatal("the request log shows no redacted DPoP header: the scan would prove nothing")
	}
	for _, s := range secrets {
		if i := strings.Index(all, s); i >= 0 {
			t.Errorf("secret %q appears: ...%s...", s, all[max(0, i-200):min(len(all), i+60)])
		}
	}
}
