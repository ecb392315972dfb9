package pipeline

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/smithy-go/logging"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/aws/retry"
	"github.com/eucsdk/eucsdk/internal/settings"
	"github.com/eucsdk/eucsdk/runtime/signer"
)

// Client is the runtime half of a generated client: resolved options, the
// endpoint, the retry policy and the clock offset, shared by every call.
type Client struct {
	svc *Service

	// pending holds the options as given until the first call (or Options)
	// resolves them into opts: reading the environment and the shared files
	// costs system calls that a client built but never used should not pay.
	pending   Options
	readyOnce sync.Once
	opts      Options

	endpointOnce sync.Once
	endpoint     resolvedEndpoint
	endpointErr  error
	// endpoints caches the endpoints of calls that set rule parameters of
	// their own (EndpointParams); it points at ownEndpoints, or at the
	// parent's for a per-call client that resolves the same way.
	endpoints    *endpointCache
	ownEndpoints endpointCache

	// skew is the offset, in nanoseconds, between the service's clock and
	// ours, learned from clock-skew errors and added when signing. It points
	// at ownSkew, or at the parent's for a per-call client.
	skew    *atomic.Int64
	ownSkew atomic.Int64

	userAgent string

	// signer signs every request: the shared default one, unless the
	// service asks for SignerOptions of its own.
	signer *signer.Signer

	// Header values every call sends, shared by all requests (never
	// modified: net/http and the signer only read them).
	userAgentHeader []string
	// firstAttempt is the Amz-Sdk-Request value of every first attempt,
	// for a retryer whose MaxAttempts is firstAttemptMax.
	firstAttempt    string
	firstAttemptMax int

	// configErr is a failure to read the shared config files, reported by
	// every call rather than hidden.
	configErr error

	// preset is what config.LoadDefaultConfig resolved, for a client built
	// from its aws.Config; settled marks options already resolved (a
	// per-call client). Either way ready reads no environment or file again.
	preset  *settings.Resolved
	settled bool
	// tel is nil unless Options sets a tracer or meter provider.
	tel *telemetry
}

// NewClient returns a client for svc with options o, then optFns applied.
// What they leave unset is resolved from the environment and the shared
// files on first use.
func NewClient(svc *Service, o Options, optFns []func(*Options)) *Client {
	o = o.Copy()
	for _, fn := range optFns {
		fn(&o)
	}
	c := &Client{svc: svc, pending: o, signer: signerFor(svc)}
	c.skew = &c.ownSkew
	return c
}

// ready resolves the options once; every entry point calls it first.
func (c *Client) ready() *Client {
	c.readyOnce.Do(func() {
		if !c.settled {
			c.configErr = resolveDefaults(&c.pending, c.svc.ID, c.preset)
		}
		fillRuntimeDefaults(&c.pending)
		c.opts, c.pending = c.pending, Options{}
		c.init()
	})
	return c
}

// NewClientFromConfig starts from a shared aws.Config.
func NewClientFromConfig(svc *Service, cfg aws.Config, optFns []func(*Options)) *Client {
	var preset *settings.Resolved
	for _, src := range cfg.ConfigSources {
		if r, ok := src.(*settings.Resolved); ok {
			preset = r
		}
	}
	o := Options{
		Region:               cfg.Region,
		BaseEndpoint:         cfg.BaseEndpoint,
		UseFIPSEndpoint:      cfg.UseFIPSEndpoint,
		UseDualStackEndpoint: cfg.UseDualStackEndpoint,
		Credentials:          cfg.Credentials,
		HTTPClient:           cfg.HTTPClient,
		RetryMaxAttempts:     cfg.RetryMaxAttempts,
		RetryMode:            cfg.RetryMode,
		NewRetries2026:       cfg.NewRetries2026,
		APIOptions:           cfg.APIOptions,
		Logger:               cfg.Logger,
		ClientLogMode:        cfg.ClientLogMode,
		AppID:                cfg.AppID,

		AccountIDEndpointMode:       cfg.AccountIDEndpointMode,
		DisableRequestCompression:   cfg.DisableRequestCompression,
		RequestMinCompressSizeBytes: cfg.RequestMinCompressSizeBytes,
	}
	// The service's own endpoint setting (AWS_ENDPOINT_URL_APPSTREAM, a
	// profile's services section) applies unless the caller replaced the
	// BaseEndpoint the config package resolved.
	if preset != nil && cfg.BaseEndpoint == preset.BaseEndpoint {
		o.BaseEndpoint = preset.EndpointFor(svc.ID)
	}
	if cfg.Retryer != nil {
		o.Retryer = cfg.Retryer()
	}
	c := NewClient(svc, o, optFns)
	c.preset = preset
	return c
}

// Options returns a copy of the resolved options.
func (c *Client) Options() Options { return c.ready().opts.Copy() }

// derive returns a client for one call whose options optFns changed. It
// shares the clock offset; it shares the retry policy (and so its quota)
// unless the call changed the retry settings.
func (c *Client) derive(optFns []func(*Options)) *Client {
	o := c.opts.Copy()
	for _, fn := range optFns {
		fn(&o)
	}
	if o.RetryMaxAttempts != c.opts.RetryMaxAttempts || o.RetryMode != c.opts.RetryMode || o.NewRetries2026 != c.opts.NewRetries2026 {
		if o.Retryer == c.opts.Retryer {
			o.Retryer = nil
		}
	}
	d := &Client{svc: c.svc, pending: o, skew: c.skew, settled: true, configErr: c.configErr, signer: c.signer}
	if sameProvider(o.TracerProvider, c.opts.TracerProvider) && sameProvider(o.MeterProvider, c.opts.MeterProvider) {
		// The instruments are built once per client, not per call.
		d.tel = c.tel
	}
	d.ready()
	if sameEndpointInputs(c.opts, o) {
		d.endpointOnce.Do(func() { d.endpoint, d.endpointErr = c.resolvedEndpoint() })
		d.endpoints = c.cache()
	}
	return d
}

// init computes what every call of the client shares.
func (c *Client) init() {
	if c.tel == nil {
		var err error
		if c.tel, err = newTelemetry(c.svc, &c.opts); err != nil {
			c.configErr = errors.Join(c.configErr, err)
		}
	}
	sh := sharedHeadersFor(c.svc, c.opts.AppID)
	c.userAgent = sh.userAgent[0]
	c.userAgentHeader = sh.userAgent
	c.firstAttemptMax = c.opts.Retryer.MaxAttempts()
	if c.firstAttemptMax >= 0 && c.firstAttemptMax < len(firstAttempts) {
		c.firstAttempt = firstAttempts[c.firstAttemptMax]
	} else {
		c.firstAttempt = "attempt=1; max=" + strconv.Itoa(c.firstAttemptMax)
	}
}

// firstAttempts holds the Amz-Sdk-Request value of a first attempt by
// maximum attempts, for the usual maxima.
var firstAttempts = func() (v [11]string) {
	for i := range v {
		v[i] = "attempt=1; max=" + strconv.Itoa(i)
	}
	return v
}()

// sharedHeaders are the header values of every client of one service and
// AppID; they are never modified.
type sharedHeaders struct {
	userAgent []string
}

type sharedHeadersKey struct {
	svc   *Service
	appID string
}

var sharedHeadersCache sync.Map // sharedHeadersKey → *sharedHeaders

func sharedHeadersFor(svc *Service, appID string) *sharedHeaders {
	k := sharedHeadersKey{svc, appID}
	if v, ok := sharedHeadersCache.Load(k); ok {
		return v.(*sharedHeaders)
	}
	sh := &sharedHeaders{userAgent: []string{userAgent(svc, appID)}}
	if len(appID) <= 64 { // bound the cache by what programs really use
		sharedHeadersCache.Store(k, sh)
	}
	return sh
}

func sameEndpointInputs(a, b Options) bool {
	return a.Region == b.Region && a.UseFIPSEndpoint == b.UseFIPSEndpoint && a.UseDualStackEndpoint == b.UseDualStackEndpoint &&
		((a.BaseEndpoint == nil && b.BaseEndpoint == nil) || (a.BaseEndpoint != nil && b.BaseEndpoint != nil && *a.BaseEndpoint == *b.BaseEndpoint))
}

// resolveDefaults fills what the caller left unset from the environment and
// the shared config files, through the one resolver config.LoadDefaultConfig
// uses too; preset, when set, is that resolver's answer already.
func resolveDefaults(o *Options, serviceID string, preset *settings.Resolved) error {
	r := preset
	if r == nil {
		var err error
		r, err = settings.Load(settings.Explicit{
			ServiceID:                   serviceID,
			Region:                      o.Region,
			BaseEndpoint:                o.BaseEndpoint,
			UseFIPSEndpoint:             o.UseFIPSEndpoint,
			UseDualStackEndpoint:        o.UseDualStackEndpoint,
			AccountIDEndpointMode:       o.AccountIDEndpointMode,
			RetryMaxAttempts:            o.RetryMaxAttempts,
			RetryMode:                   o.RetryMode,
			AppID:                       o.AppID,
			DisableRequestCompression:   o.DisableRequestCompression,
			RequestMinCompressSizeBytes: o.RequestMinCompressSizeBytes,
			NewRetries2026:              o.NewRetries2026,
			HTTPClient:                  o.HTTPClient,
			Credentials:                 o.Credentials,
		})
		if err != nil {
			return err
		}
		o.BaseEndpoint = r.BaseEndpoint
	}
	if o.Region == "" {
		o.Region = r.Region
	}
	o.UseFIPSEndpoint = o.UseFIPSEndpoint || r.UseFIPSEndpoint
	o.UseDualStackEndpoint = o.UseDualStackEndpoint || r.UseDualStackEndpoint
	if o.AccountIDEndpointMode == "" {
		o.AccountIDEndpointMode = r.AccountIDEndpointMode
	}
	if o.RetryMaxAttempts == 0 {
		o.RetryMaxAttempts = r.RetryMaxAttempts
	}
	if o.RetryMode == "" {
		o.RetryMode = r.RetryMode
	}
	if o.NewRetries2026 == aws.UnknownTernary {
		o.NewRetries2026 = r.NewRetries2026
	}
	if o.AppID == "" {
		o.AppID = r.AppID
	}
	o.DisableRequestCompression = o.DisableRequestCompression || r.DisableRequestCompression
	if o.RequestMinCompressSizeBytes == 0 {
		o.RequestMinCompressSizeBytes = r.RequestMinCompressSizeBytes
	}
	if o.HTTPClient == nil {
		o.HTTPClient = r.HTTPClient
	}
	if o.Credentials == nil {
		o.Credentials = r.Credentials
	}
	return nil
}

// fillRuntimeDefaults settles what has a fixed default rather than a
// setting, so that a per-call copy never goes back to the files.
func fillRuntimeDefaults(o *Options) {
	if o.Credentials == nil {
		// Only when the settings failed to load: every call reports that.
		o.Credentials = aws.AnonymousCredentials{}
	}
	if o.HTTPClient == nil {
		o.HTTPClient = settings.DefaultHTTPClient
	}
	if o.Logger == nil {
		o.Logger = logging.Nop{}
	}
	if o.MaxResponseBytes <= 0 {
		o.MaxResponseBytes = DefaultMaxResponseBytes
	}
	if o.Clock == nil {
		o.Clock = time.Now
	}
	if o.RequestMinCompressSizeBytes <= 0 {
		o.RequestMinCompressSizeBytes = 10240
	}
	if o.IdempotencyTokenProvider == nil {
		o.IdempotencyTokenProvider = NewIdempotencyToken
	}
	if o.RetryMode == "" {
		o.RetryMode = aws.RetryModeStandard
	}
	if o.NewRetries2026 == aws.UnknownTernary {
		// Unset everywhere: retries 2.1 are on (the README's Retries
		// section says why eucsdk turns them on before aws-sdk-go-v2).
		o.NewRetries2026 = aws.TrueTernary
	}
	if o.Retryer == nil {
		o.Retryer = newRetryer(o.RetryMode, o.RetryMaxAttempts, o.NewRetries2026.Bool())
	}
	if o.RetryMaxAttempts == 0 {
		o.RetryMaxAttempts = o.Retryer.MaxAttempts()
	}
}

func newRetryer(mode aws.RetryMode, maxAttempts int, newRetries bool) aws.Retryer {
	std := func(so *retry.StandardOptions) {
		so.MaxAttempts = maxAttempts
		so.NewRetries2026 = newRetries
	}
	if mode == aws.RetryModeAdaptive {
		return retry.NewAdaptive(func(ao *retry.AdaptiveOptions) {
			ao.Standard = append(ao.Standard, std)
		})
	}
	return retry.NewStandard(std)
}

// resolvedEndpoint is the endpoint of a client: its URL parsed once and the
// signing name and region the rules asked for.
type resolvedEndpoint struct {
	url           *url.URL
	rawURL        string
	headers       http.Header
	signingName   string
	signingRegion string
}

// endpointRef returns the client's endpoint, resolved once and never changed
// after, so calls share it instead of copying it.
func (c *Client) endpointRef() (*resolvedEndpoint, error) {
	c.endpointOnce.Do(func() { c.endpoint, c.endpointErr = c.resolveEndpoint() })
	return &c.endpoint, c.endpointErr
}

func (c *Client) resolvedEndpoint() (resolvedEndpoint, error) {
	c.endpointOnce.Do(func() { c.endpoint, c.endpointErr = c.resolveEndpoint() })
	return c.endpoint, c.endpointErr
}

func (c *Client) resolveEndpoint() (resolvedEndpoint, error) { return c.resolveEndpointWith(nil) }

// resolveEndpointWith resolves the client's endpoint with an operation's
// own rule parameters added to the client's.
func (c *Client) resolveEndpointWith(extra *EndpointParams) (resolvedEndpoint, error) {
	o := c.opts
	ep := resolvedEndpoint{signingName: c.svc.SigningName, signingRegion: o.Region}
	if o.Region == "" && o.BaseEndpoint == nil {
		return ep, ErrNoRegion
	}
	// The rules paste the region into the host name unchecked, so a region
	// such as "evil.example#" would send signed requests elsewhere; AWS
	// SDKs refuse regions that are not host labels, and so does this one.
	if o.Region != "" && !validRegion(o.Region) {
		return ep, &EndpointError{Err: fmt.Errorf("invalid region %q: a region is a host label of letters, digits and hyphens", o.Region)}
	}
	if c.svc.RuleSet == nil {
		if o.BaseEndpoint == nil {
			return ep, &EndpointError{Err: errNoRules}
		}
		ep.rawURL = *o.BaseEndpoint
	} else {
		rs, err := c.svc.RuleSet()
		if err != nil {
			return ep, &EndpointError{Err: err}
		}
		params := map[string]any{
			"UseFIPS":      o.UseFIPSEndpoint,
			"UseDualStack": o.UseDualStackEndpoint,
		}
		if o.Region != "" {
			params["Region"] = o.Region
		}
		if o.BaseEndpoint != nil {
			params["Endpoint"] = *o.BaseEndpoint
		}
		if extra != nil {
			for _, p := range extra.list {
				params[p.name] = p.value
			}
		}
		e, err := rs.Resolve(params)
		if err != nil {
			return ep, &EndpointError{Err: err}
		}
		ep.rawURL = e.URL
		if len(e.Headers) > 0 {
			// Rule sets spell header names in lower case; requests keep
			// canonical keys, so that a header the serializer also sets is
			// one entry, and Header.Get finds it.
			ep.headers = make(http.Header, len(e.Headers))
			for name, vs := range e.Headers {
				ep.headers[http.CanonicalHeaderKey(name)] = vs
			}
		}
		if name, region, ok := e.SigV4(); ok {
			if name != "" {
				ep.signingName = name
			}
			if region != "" {
				ep.signingRegion = region
			}
		}
	}
	u, err := url.Parse(ep.rawURL)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ep, &EndpointError{Err: errBadEndpoint(ep.rawURL)}
	}
	// awsJson always posts to "/", which joins onto a custom endpoint's path.
	u.Path = strings.TrimSuffix(u.Path, "/") + "/"
	u.RawPath = ""
	ep.rawURL = u.String()
	// Each request copies ep.url: parse the final form once, as
	// http.NewRequest would on every call, and drop an empty port as it does.
	if ru, err := url.Parse(ep.rawURL); err == nil {
		u = ru
	}
	u.Host = strings.TrimSuffix(u.Host, ":")
	ep.url = u
	if ep.signingRegion == "" {
		return ep, ErrNoRegion
	}
	return ep, nil
}

func (c *Client) now() time.Time {
	return c.opts.Clock().Add(time.Duration(c.skew.Load()))
}

func userAgent(svc *Service, appID string) string {
	ua := "eucsdk-go/" + Version + " os/" + goos + " lang/go#" + goVersion + " api/" + strings.ToLower(strings.ReplaceAll(svc.ID, " ", "")) + "#" + svc.APIVersion
	if appID != "" {
		ua += " app/" + appID
	}
	return ua
}

// validRegion reports whether r is an RFC 1123 host label: 1 to 63
// letters, digits and hyphens, not starting or ending with a hyphen.
func validRegion(r string) bool {
	if len(r) == 0 || len(r) > 63 || r[0] == '-' || r[len(r)-1] == '-' {
		return false
	}
	for i := 0; i < len(r); i++ {
		c := r[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
