package ssocreds_test

import (
	"context"
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/smithy-go/logging"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/credentials/ssocreds"
	"github.com/eucsdk/eucsdk/sso"
	"github.com/eucsdk/eucsdk/ssooidc"
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

// The ssocreds part of the secret scan (see the pipeline's test of the same
// name): with every log mode on, a refresh, a role-credentials call and
// failures of both leave no access token, refresh token, client secret or
// role key in logs, errors, or %v/%+v/%#v of what the caller holds.
func TestNoSecretsInLogsErrorsOrPrintedValues(t *testing.T) {
	secrets := []string{"cachedAccessToken", "refreshedAccessToken", "cachedClientSecret", "cachedRefreshToken", "rotatedRefreshToken", "ssoSecretValue", "ssoSessionToken"}
	home := t.TempDir()
	defer ssocreds.SetHome(home)()
	defer ssocreds.SetNow(func() time.Time { return t0 })()
	path, _ := ssocreds.StandardCachedTokenFilepath("my-sso")
	log := &captureLogger{}
	f := newFakePortal(t)
	opts := func(o *sso.Options) { o.Logger, o.ClientLogMode = log, aws.ClientLogMode(math.MaxUint64) }
	oidcOpts := func(o *ssooidc.Options) { o.Logger, o.ClientLogMode = log, aws.ClientLogMode(math.MaxUint64) }
	ssoClient := sso.New(sso.Options{Region: "us-east-1", BaseEndpoint: aws.String(f.srv.URL), Credentials: aws.AnonymousCredentials{}}, opts)
	oidcClient := ssooidc.New(ssooidc.Options{Region: "us-east-1", BaseEndpoint: aws.String(f.srv.URL), Credentials: aws.AnonymousCredentials{}}, oidcOpts)
	var printed []string
	for _, fail := range []bool{false, true} {
		writeCache(t, path, map[string]any{"accessToken": "cachedAccessToken", "expiresAt": t0.Add(time.Minute).Format(time.RFC3339),
			"clientId": "cid", "clientSecret": "cachedClientSecret", "refreshToken": "cachedRefreshToken"})
		f.denyOIDC = fail
		if fail {
			f.valid = map[string]bool{}
		}
		tp := ssocreds.NewSSOTokenProvider(oidcClient, path)
		p := ssocreds.New(ssoClient, "123456789012", "Admin", "", func(o *ssocreds.Options) { o.SSOTokenProvider = tp })
		cache := aws.NewCredentialsCache(p)
		c, err := cache.Retrieve(context.Background())
		if (err != nil) != fail {
			t.Fatalf("fail=%v: %v", fail, err)
		}
		tok, terr := tp.RetrieveBearerToken(context.Background())
		for _, v := range []any{c, p, tp, cache, tok.Expires} {
			printed = append(printed, fmt.Sprintf("%v", v), fmt.Sprintf("%+v", v), fmt.Sprintf("%#v", v))
		}
		for _, e := range []error{err, terr} {
			if e != nil {
				printed = append(printed, e.Error(), fmt.Sprintf("%+v", e), fmt.Sprintf("%#v", e))
			}
		}
	}
	all := strings.Join(printed, "\n") + "\n" + strings.Join(log.lines, "\n")
	if len(log.lines) == 0 {
		t.Fatal("nothing was logged: the scan would prove nothing")
	}
	for _, s := range secrets {
		if i := strings.Index(all, s); i >= 0 {
			t.Errorf("secret %q appears: ...%s...", s, all[max(0, i-200):min(len(all), i+60)])
		}
	}
}
