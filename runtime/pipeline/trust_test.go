package pipeline_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/aws/retry"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/runtime/pipeline"
	"github.com/eucsdk/eucsdk/workspaces"
)

// A redirect must not carry the signed request, its session token or its
// body to another host, and the other host's answer must not come back as
// a result: the 3xx is an error naming the status and the Location.
func TestRedirectsAreNotFollowed(t *testing.T) {
	for _, code := range []int{301, 302, 303, 307, 308} {
		var elsewhere atomic.Int32
		other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			elsewhere.Add(1)
			io.WriteString(w, `{}`)
		}))
		target := other.URL + "/steal?x=1"
		first := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, target, code)
		}))
		c := workspaces.New(workspaces.Options{
			Region: "us-east-1", BaseEndpoint: aws.String(first.URL),
			Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "TOKEN"),
		})
		err := share(c, context.Background())
		first.Close()
		other.Close()
		if n := elsewhere.Load(); n != 0 {
			t.Errorf("%d: the redirect target received %d requests", code, n)
		}
		var re *pipeline.RedirectError
		if !errors.As(err, &re) || re.StatusCode != code || re.Location != target {
			t.Fatalf("%d: err = %v; want a RedirectError for %s", code, err, target)
		}
		for _, want := range []string{"HTTP " + strconv.Itoa(code), target} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%d: %q lacks %q", code, err, want)
			}
		}
		if attempts := len(retry.Attempts(err)); attempts > 1 {
			t.Errorf("%d: a redirect was retried (%d attempts)", code, attempts)
		}
	}
}

// skewServer answers with a scripted Date per request and records the
// X-Amz-Date each request was signed with.
type skewServer struct {
	*httptest.Server
	mu       sync.Mutex
	answers  []func(w http.ResponseWriter)
	signedAt []string
}

func newSkewServer(t *testing.T) *skewServer {
	s := &skewServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		s.mu.Lock()
		s.signedAt = append(s.signedAt, r.Header.Get("X-Amz-Date"))
		next := s.answers[0]
		if len(s.answers) > 1 {
			s.answers = s.answers[1:]
		}
		s.mu.Unlock()
		next(w)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *skewServer) script(fs ...func(w http.ResponseWriter)) {
	s.mu.Lock()
	s.answers = append(s.answers, fs...)
	s.mu.Unlock()
}

func (s *skewServer) signed() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.signedAt...)
}

func answer(status int, date time.Time, body string) func(w http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		w.Header()["Date"] = []string{date.UTC().Format(http.TimeFormat)}
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.WriteHeader(status)
		io.WriteString(w, body)
	}
}

const invalidSignature = `{"__type":"InvalidSignatureException","message":"Signature expired"}`

// One InvalidSignatureException whose Date is 10 minutes ahead, with
// credentials that have 5 minutes left, must not make every later call fail
// locally as "expired": expiry is judged by the real clock. The skew is
// dropped once a response's Date agrees with the local clock again.
func TestSkewedDateDoesNotLockOutOrPersist(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	srv := newSkewServer(t)
	srv.script(
		answer(403, now.Add(10*time.Minute), invalidSignature), // attempt 1: skew learned
		answer(200, now.Add(10*time.Minute), `{}`),             // attempt 2, signed +10m
		answer(200, now, `{}`),                                 // the clocks agree again
		answer(200, now, `{}`),
	)
	creds := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", SessionToken: "TOKEN",
			CanExpire: true, Expires: now.Add(5 * time.Minute), Source: "test"}, nil
	})
	c := workspaces.New(workspaces.Options{
		Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), Credentials: creds,
		Clock:   func() time.Time { return now },
		Retryer: retry.NewStandard(func(o *retry.StandardOptions) { o.Rand = func() float64 { return 0 } }),
	})
	for i := range 3 {
		if err := share(c, context.Background()); err != nil {
			t.Fatalf("call %d: %v", i+1, err)
		}
	}
	stamp := func(t time.Time) string { return t.Format("20060102T150405Z") }
	want := []string{stamp(now), stamp(now.Add(10 * time.Minute)), stamp(now.Add(10 * time.Minute)), stamp(now)}
	if got := srv.signed(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("requests signed at %v; want %v", got, want)
	}
}

// A Date in 2099 is not clock skew: the error is returned as it is, not
// retried with a clock a lifetime ahead, and later calls sign with the
// real time.
func TestAbsurdDateIsNotAdoptedAsSkew(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	srv := newSkewServer(t)
	srv.script(answer(403, time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC), invalidSignature), answer(200, now, `{}`))
	c := workspaces.New(workspaces.Options{
		Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""),
		Clock:       func() time.Time { return now },
	})
	err := share(c, context.Background())
	var cse *retry.ClockSkewError
	if err == nil || errors.As(err, &cse) {
		t.Fatalf("err = %v; want the InvalidSignatureException, uncorrected", err)
	}
	if err := share(c, context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := srv.signed(); len(got) != 2 || got[1] != now.Format("20060102T150405Z") {
		t.Errorf("requests signed at %v; want the second at the real time", got)
	}
}
