package stscreds_test

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/aws/smithy-go/logging"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/credentials/stscreds"
	"github.com/eucsdk/eucsdk/sts"
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

// The stscreds part of the secret scan (the pipeline's
// TestNoSecretsInLogsErrorsOrPrintedValues covers the clients): with every
// log mode on, successful and failing AssumeRole and web identity calls
// leave no source key, returned key, session token or web identity token in
// logs, errors, or %v/%+v/%#v of the credentials, providers and cache. (The
// MFA code is not @sensitive in the STS model: request-body logging shows
// it, as aws-sdk-go-v2's does; it is single-use and expires in seconds.)
func TestNoSecretsInLogsErrorsOrPrintedValues(t *testing.T) {
	secrets := []string{"sourceSecretKeyValue", "fakeSecretValue", "fakeSessionToken", "eyJwebIdentityTokenSecret"}
	f := newFakeSTS(t)
	log := &captureLogger{}
	client := sts.New(sts.Options{Region: "us-east-1", BaseEndpoint: aws.String(f.srv.URL), Credentials: sourceCreds(),
		Logger: log, ClientLogMode: aws.ClientLogMode(math.MaxUint64)})
	file := filepath.Join(t.TempDir(), "token")
	os.WriteFile(file, []byte("eyJwebIdentityTokenSecret"), 0o600)
	providers := []aws.CredentialsProvider{
		stscreds.NewAssumeRoleProvider(client, "arn:aws:iam::210987654321:role/deploy", func(o *stscreds.AssumeRoleOptions) {
			o.SerialNumber = aws.String("arn:aws:iam::210987654321:mfa/dev")
			o.TokenProvider = func() (string, error) { return "mfa-code-913377", nil }
		}),
		stscreds.NewWebIdentityRoleProvider(client, "arn:aws:iam::210987654321:role/ci", stscreds.IdentityTokenFile(file)),
	}
	var printed []string
	for _, fail := range []bool{false, true} {
		f.errCode = map[bool]string{true: "InvalidIdentityToken"}[fail]
		for _, p := range providers {
			cache := aws.NewCredentialsCache(p)
			c, err := cache.Retrieve(context.Background())
			if (err != nil) != fail {
				t.Fatalf("%T fail=%v: %v", p, fail, err)
			}
			for _, v := range []any{c, &c, p, cache} {
				printed = append(printed, fmt.Sprintf("%v", v), fmt.Sprintf("%+v", v), fmt.Sprintf("%#v", v))
			}
			if err != nil {
				printed = append(printed, err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err))
			}
		}
	}
	all := strings.Join(printed, "\n") + "\n" + strings.Join(log.lines, "\n")
	if len(log.lines) == 0 {
		t.Fatal("nothing was logged: the scan would prove nothing")
	}
	for _, s := range secrets {
		if strings.Contains(all, s) {
			i := strings.Index(all, s)
			t.Errorf("secret %q appears: ...%s...", s, all[max(0, i-200):min(len(all), i+60)])
		}
	}
}
