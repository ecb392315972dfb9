package retry

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/internal/testkit/shared"
)

// The conformance data: /work/shared/testdata/retry (see SOURCES.md there).

type confStep struct {
	status  int
	code    string
	headers map[string]any
	outcome string
	quota   *uint
	delay   *float64
}

func (s confStep) err() error {
	if s.status == 200 {
		return nil
	}
	h := map[string]string{}
	for k, v := range s.headers {
		h[k], _ = v.(string)
	}
	return &apiError{status: s.status, code: s.code, headers: h}
}

func loadCase(t *testing.T, path string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := parseYAML(string(b))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("%s: top level is %T", path, v)
	}
	return m
}

func caseFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases under %s (%v)", dir, err)
	}
	sort.Strings(files)
	return files
}

func num(t *testing.T, v any) float64 {
	t.Helper()
	s, _ := v.(string)
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("not a number: %#v", v)
	}
	return f
}

func given(t *testing.T, c map[string]any, key string, def float64) float64 {
	g, _ := c["given"].(map[string]any)
	if v, ok := g[key]; ok {
		return num(t, v)
	}
	return def
}

func parseSteps(t *testing.T, list any) []confStep {
	t.Helper()
	items, ok := list.([]any)
	if !ok {
		t.Fatalf("responses: %T", list)
	}
	var out []confStep
	for _, it := range items {
		m := it.(map[string]any)
		resp := m["response"].(map[string]any)
		exp := m["expected"].(map[string]any)
		s := confStep{status: int(num(t, resp["status_code"])), outcome: exp["outcome"].(string)}
		s.code, _ = resp["error_code"].(string)
		s.headers, _ = resp["headers"].(map[string]any)
		if v, ok := exp["retry_quota"]; ok {
			q := uint(num(t, v))
			s.quota = &q
		}
		if v, ok := exp["delay"]; ok {
			d := num(t, v)
			s.delay = &d
		}
		out = append(out, s)
	}
	return out
}

func outcomeOf(err error) string {
	var maxErr *MaxAttemptsError
	var quotaErr *QuotaExceededError
	switch {
	case err == nil:
		return "success"
	case errors.As(err, &maxErr):
		return "max_attempts_exceeded"
	case errors.As(err, &quotaErr):
		return "retry_quota_exceeded"
	default:
		return "fail_request"
	}
}

// play drives Do through the scripted responses, one Do call per invocation
// (a call ends at any outcome but retry_request), checking after every
// response the outcome, the quota left and the backoff chosen. A call's last
// response may also expect a delay (a long-polling call backing off on an
// empty quota); without one, Do must not wait after it. checkQuota is false
// for the multi-threaded case, whose intermediate quotas depend on the
// interleaving.
func play(t *testing.T, ctx context.Context, r aws.Retryer, steps []confStep, checkQuota bool) {
	t.Helper()
	quota := r.(interface{ Quota() *RetryQuota }).Quota()
	check := func(s confStep, i int, outcome string, delay *time.Duration) {
		t.Helper()
		if outcome != s.outcome {
			t.Errorf("response %d: outcome %s, want %s", i+1, outcome, s.outcome)
		}
		if got := quota.Remaining(); checkQuota && s.quota != nil && got != *s.quota {
			t.Errorf("response %d: retry quota %d, want %d", i+1, got, *s.quota)
		}
		switch {
		case s.delay != nil && delay == nil:
			t.Errorf("response %d: no delay, want %vs", i+1, *s.delay)
		case s.delay != nil:
			if want := time.Duration(math.Round(*s.delay * 1e9)); *delay != want {
				t.Errorf("response %d: delay %v, want %v", i+1, *delay, want)
			}
		case delay != nil && s.outcome != "retry_request":
			t.Errorf("response %d (%s): waited %v, want no delay", i+1, s.outcome, *delay)
		}
	}
	i := 0
	for i < len(steps) {
		sl := &sleeper{}
		attempts := 0
		_, err := Do(ctx, r, sl.Sleep, func(_ context.Context, n int) error {
			attempts = n
			if n > 1 {
				d := sl.Delays()
				check(steps[i-1], i-1, "retry_request", &d[len(d)-1])
			}
			if i >= len(steps) {
				// Errorf, not Fatalf: play also runs on other goroutines.
				t.Errorf("attempt %d is beyond the %d scripted responses", n, len(steps))
				return nil
			}
			i++
			return steps[i-1].err()
		})
		var final *time.Duration
		if d := sl.Delays(); len(d) > attempts-1 {
			if len(d) > attempts {
				t.Errorf("response %d: %d waits after the last attempt", i, len(d)-attempts+1)
			}
			final = &d[attempts-1]
		}
		check(steps[i-1], i-1, outcomeOf(err), final)
	}
}

func TestConformanceStandard(t *testing.T) {
	dir := shared.Path(t, "testdata", "retry", "standard")
	ran := 0
	for _, f := range caseFiles(t, dir) {
		c := loadCase(t, f)
		t.Run(strings.TrimSuffix(filepath.Base(f), ".yaml"), func(t *testing.T) {
			if p := given(t, c, "exponential_power", 2); p != 2 {
				t.Fatalf("exponential_power %v: the standard backoff doubles", p)
			}
			jitter := given(t, c, "exponential_base", 1)
			r := NewStandard(func(o *StandardOptions) {
				o.MaxAttempts = int(given(t, c, "max_attempts", 3))
				o.Quota = NewRetryQuota(uint(given(t, c, "initial_retry_tokens", 500)))
				o.MaxBackoff = time.Duration(given(t, c, "max_backoff_time", 20) * float64(time.Second))
				o.Rand = func() float64 { return jitter }
			})
			play(t, context.Background(), r, parseSteps(t, c["responses"]), true)
		})
		ran++
	}
	t.Logf("standard conformance: ran %d, skipped 0", ran)
	if ran != 6 {
		t.Errorf("ran %d standard cases, want 6", ran)
	}
}

// new2026Retryer builds the retries 2.1 retryer a standard-2026 case
// describes. The long-polling cases run the same retryer with the call marked
// long-polling (WithLongPolling), as the pipeline marks it for an operation
// the model or an overlay flags.
func new2026Retryer(t *testing.T, c map[string]any) (*Standard, context.Context) {
	jitter := given(t, c, "exponential_base", 1)
	r := NewStandard(func(o *StandardOptions) {
		o.NewRetries2026 = true
		o.MaxAttempts = int(given(t, c, "max_attempts", 3))
		o.Quota = NewRetryQuota(uint(given(t, c, "initial_retry_tokens", 500)))
		o.MaxBackoff = time.Duration(given(t, c, "max_backoff_time", 20) * float64(time.Second))
		o.Rand = func() float64 { return jitter }
	})
	ctx := context.Background()
	if g, _ := c["given"].(map[string]any); g["long_polling"] == "true" {
		ctx = WithLongPolling(ctx)
	}
	return r, ctx
}

func TestConformanceStandard2026(t *testing.T) {
	dir := shared.Path(t, "testdata", "retry", "standard-2026")
	ran := 0
	for _, f := range caseFiles(t, dir) {
		name := strings.TrimSuffix(filepath.Base(f), ".yaml")
		c := loadCase(t, f)
		ran++
		t.Run(name, func(t *testing.T) {
			r, ctx := new2026Retryer(t, c)
			threads, ok := c["threads"].([]any)
			if !ok {
				play(t, ctx, r, parseSteps(t, c["responses"]), true)
				return
			}
			var wg sync.WaitGroup
			for _, th := range threads {
				steps := parseSteps(t, th)
				wg.Add(1)
				go func() {
					defer wg.Done()
					play(t, ctx, r, steps, false)
				}()
			}
			wg.Wait()
			if want := uint(num(t, c["expected_final_quota"])); r.Quota().Remaining() != want {
				t.Errorf("final quota %d, want %d", r.Quota().Remaining(), want)
			}
		})
	}
	t.Logf("standard-2026 conformance: ran %d, skipped 0", ran)
	if ran != 19 {
		t.Errorf("ran %d standard-2026 cases, want 19", ran)
	}
}

func TestConformanceAdaptive(t *testing.T) {
	dir := shared.Path(t, "testdata", "retry", "adaptive")
	epoch := time.Unix(0, 0)
	at := func(sec float64) time.Time { return epoch.Add(time.Duration(math.Round(sec * 1e9))) }
	ran := 0
	for _, f := range caseFiles(t, dir) {
		c := loadCase(t, f)
		ran++
		t.Run(strings.TrimSuffix(filepath.Base(f), ".yaml"), func(t *testing.T) {
			clock := newFakeClock(epoch)
			l := newRateLimiter(clock)
			cases := c["cases"].([]any)
			if _, ok := c["given"]; ok {
				// CUBIC calculator cases: a throttle cuts the last computed
				// rate; a success follows the cubic from the last throttle.
				l.lastMaxRate = given(t, c, "last_max_rate", 0)
				l.lastThrottle = at(given(t, c, "last_throttle_time", 0))
				for i, it := range cases {
					m := it.(map[string]any)
					now := at(num(t, m["timestamp"]))
					var got float64
					if m["response"] == "throttle" {
						rate := l.calculatedRate
						l.lastMaxRate = rate
						l.computeTimeWindow()
						l.lastThrottle = now
						got = cubicThrottle(rate)
					} else {
						l.computeTimeWindow()
						got = l.cubicSuccess(now)
					}
					l.calculatedRate = got
					if want := num(t, m["calculated_rate"]); math.Abs(got-want) > 1e-9*math.Max(1, want) {
						t.Errorf("case %d (t=%v): calculated rate %.12f, want %.12f", i+1, m["timestamp"], got, want)
					}
				}
				return
			}
			// End to end: measured send rate and resulting fill rate.
			for i, it := range cases {
				m := it.(map[string]any)
				clock.Set(at(num(t, m["timestamp"])))
				l.update(m["response"] == "throttle")
				if want := num(t, m["measured_tx_rate"]); math.Abs(l.measuredRate-want) > 1e-5 {
					t.Errorf("case %d: measured rate %.6f, want %.6f", i+1, l.measuredRate, want)
				}
				if want := num(t, m["new_token_bucket_rate"]); math.Abs(l.fillRate-want) > 1e-5 {
					t.Errorf("case %d: fill rate %.6f, want %.6f", i+1, l.fillRate, want)
				}
			}
		})
	}
	t.Logf("adaptive conformance: ran %d, skipped 0", ran)
	if ran != 3 {
		t.Errorf("ran %d adaptive cases, want 3", ran)
	}
}
