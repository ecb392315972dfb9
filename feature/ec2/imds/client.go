// Package imds is a client of the EC2 Instance Metadata Service, at
// aws-sdk-go-v2's path and with the part of its API that programs use, so
// code moves over by changing imports.
//
// It speaks IMDSv2: a session token from PUT /latest/api/token, cached
// until its TTL runs out and fetched again when the service answers 401.
// When the token request is refused (403, 404, 405), it falls back to
// IMDSv1 unless EnableFallback is false or AWS_EC2_METADATA_V1_DISABLED
// (ec2_metadata_v1_disabled) is true. It never falls back after a timeout
// or a refused connection: off EC2 a second attempt only doubles the wait.
package imds

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/eucsdk/eucsdk/aws"
)

// ServiceID names the service in errors, as v2 does.
const ServiceID = "ec2imds"

// The endpoints of the two endpoint modes.
const (
	DefaultIPv4Endpoint = "http://169.254.169.254"
	DefaultIPv6Endpoint = "http://[fd00:ec2::254]"
)

const (
	tokenPath      = "/latest/api/token"
	tokenHeader    = "X-Aws-Ec2-Metadata-Token"
	tokenTTLHeader = "X-Aws-Ec2-Metadata-Token-Ttl-Seconds"
	// DefaultTokenTTL is what the client asks for; the service answers with
	// the TTL it grants, which is what the cache trusts.
	DefaultTokenTTL = 5 * time.Minute

	// Off EC2 nothing answers 169.254.169.254 and a laptop must not hang
	// on it: these bound the connection, the wait for headers and the
	// whole operation (retries included).
	dialTimeout           = 250 * time.Millisecond
	responseHeaderTimeout = 500 * time.Millisecond
	operationTimeout      = 5 * time.Second
	maxAttempts           = 3
	maxBodyBytes          = 1 << 20
)

// ClientEnableState says whether the client may be used at all.
type ClientEnableState uint

// The ClientEnableState values: the default reads AWS_EC2_METADATA_DISABLED.
const (
	ClientDefaultEnableState ClientEnableState = iota
	ClientDisabled
	ClientEnabled
)

// EndpointModeState selects the default endpoint when none is set.
type EndpointModeState uint

// The EndpointModeState values; unset means IPv4.
const (
	EndpointModeStateUnset EndpointModeState = iota
	EndpointModeStateIPv4
	EndpointModeStateIPv6
)

// SetFromString parses "IPv4" or "IPv6", in any case.
func (e *EndpointModeState) SetFromString(v string) error {
	switch {
	case v == "":
		*e = EndpointModeStateUnset
	case strings.EqualFold(v, "IPv4"):
		*e = EndpointModeStateIPv4
	case strings.EqualFold(v, "IPv6"):
		*e = EndpointModeStateIPv6
	default:
		return fmt.Errorf("unknown EC2 IMDS endpoint mode %q, must be IPv4 or IPv6", v)
	}
	return nil
}

// HTTPClient sends the requests.
type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

// Options configure a Client.
type Options struct {
	// Endpoint overrides EndpointMode; "" means
	// AWS_EC2_METADATA_SERVICE_ENDPOINT, else the mode's endpoint.
	Endpoint string
	// EndpointMode picks the IPv4 or IPv6 endpoint.
	EndpointMode EndpointModeState
	// ClientEnableState disables the client; the default reads
	// AWS_EC2_METADATA_DISABLED.
	ClientEnableState ClientEnableState
	// EnableFallback false forbids IMDSv1; unset allows it.
	EnableFallback aws.Ternary
	// HTTPClient defaults to one with short timeouts.
	HTTPClient HTTPClient
	// DisableDefaultTimeout lifts the 5 s bound on each operation.
	DisableDefaultTimeout bool
	// Now is the clock of the token cache; nil means time.Now.
	Now func() time.Time
}

// Client calls the metadata service. It is safe for concurrent use; the
// token is shared by every call.
type Client struct {
	options Options

	mu       sync.Mutex
	token    string
	expires  time.Time
	v1       bool // the token endpoint refused, and fallback is allowed
	fetching chan struct{}
}

// New returns a client.
func New(options Options, optFns ...func(*Options)) *Client {
	for _, fn := range optFns {
		fn(&options)
	}
	if options.ClientEnableState == ClientDefaultEnableState && strings.EqualFold(os.Getenv("AWS_EC2_METADATA_DISABLED"), "true") {
		options.ClientEnableState = ClientDisabled
	}
	if options.Endpoint == "" {
		options.Endpoint = os.Getenv("AWS_EC2_METADATA_SERVICE_ENDPOINT")
	}
	if options.Endpoint == "" {
		options.Endpoint = DefaultIPv4Endpoint
		if options.EndpointMode == EndpointModeStateIPv6 {
			options.Endpoint = DefaultIPv6Endpoint
		}
	}
	options.Endpoint = strings.TrimRight(options.Endpoint, "/")
	if options.HTTPClient == nil {
		options.HTTPClient = defaultHTTPClient
	}
	if options.Now == nil {
		options.Now = time.Now
	}
	return &Client{options: options}
}

// Settings is what NewFromConfig reads from aws.Config.ConfigSources: the
// environment's and the profile's IMDS settings, as config resolved them.
type Settings interface {
	EC2IMDSSettings() (endpoint, mode string, v1Disabled, disabled bool)
}

// NewFromConfig returns a client with cfg's HTTP client and the IMDS
// settings config.LoadDefaultConfig resolved.
func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client {
	var o Options
	if cfg.HTTPClient != nil {
		o.HTTPClient = cfg.HTTPClient
	}
	for _, src := range cfg.ConfigSources {
		s, ok := src.(Settings)
		if !ok {
			continue
		}
		endpoint, mode, v1Disabled, disabled := s.EC2IMDSSettings()
		o.Endpoint = endpoint
		// config already checked the mode, naming where it came from.
		_ = o.EndpointMode.SetFromString(mode)
		if v1Disabled {
			o.EnableFallback = aws.FalseTernary
		}
		if disabled {
			o.ClientEnableState = ClientDisabled
		}
		break
	}
	return New(o, optFns...)
}

var defaultHTTPClient = &http.Client{
	Transport: &http.Transport{
		// The metadata service is link-local: a proxy cannot reach it.
		Proxy:                 nil,
		DialContext:           (&net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second}).DialContext,
		ResponseHeaderTimeout: responseHeaderTimeout,
		MaxIdleConns:          2,
		IdleConnTimeout:       30 * time.Second,
	},
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// Endpoint is where the client sends requests.
func (c *Client) Endpoint() string { return c.options.Endpoint }

// ErrDisabled is wrapped by every call of a disabled client.
var ErrDisabled = errors.New("access to EC2 IMDS is disabled by the client options or AWS_EC2_METADATA_DISABLED=true")

// StatusError is a response the service refused. It never holds the token.
type StatusError struct {
	Operation  string
	Path       string
	StatusCode int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("%s %s: %s %s: HTTP %d %s", ServiceID, e.Operation, "GET", e.Path, e.StatusCode, http.StatusText(e.StatusCode))
}

// HTTPStatusCode is the response's status.
func (e *StatusError) HTTPStatusCode() int { return e.StatusCode }

// get fetches path under the endpoint, with a token unless IMDSv1 is in
// use, re-fetching the token once when the service answers 401.
func (c *Client) get(ctx context.Context, op, path string) ([]byte, error) {
	if c.options.ClientEnableState == ClientDisabled {
		return nil, fmt.Errorf("%s %s: %w", ServiceID, op, ErrDisabled)
	}
	if !c.options.DisableDefaultTimeout {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, operationTimeout)
		defer cancel()
	}
	var lastErr error
	retoken := true
	for attempt := 0; attempt < maxAttempts; attempt++ {
		if attempt > 0 {
			if err := sleep(ctx, time.Duration(attempt)*100*time.Millisecond); err != nil {
				return nil, fmt.Errorf("%s %s: %w (after %v)", ServiceID, op, err, lastErr)
			}
		}
		token, err := c.getToken(ctx, op)
		if err != nil {
			return nil, err
		}
		body, status, err := c.do(ctx, http.MethodGet, path, token, 0)
		switch {
		case err != nil:
			lastErr = fmt.Errorf("%s %s: GET %s: %w", ServiceID, op, path, err)
			if ctx.Err() != nil {
				return nil, lastErr
			}
			continue
		case status == http.StatusOK:
			return body, nil
		case status == http.StatusUnauthorized && retoken:
			// The token expired or the instance was restarted: one more
			// try with a fresh one, which is not a retry of the budget.
			retoken = false
			c.dropToken()
			attempt--
			lastErr = &StatusError{Operation: op, Path: path, StatusCode: status}
			continue
		case status >= 500:
			lastErr = &StatusError{Operation: op, Path: path, StatusCode: status}
			continue
		}
		return nil, &StatusError{Operation: op, Path: path, StatusCode: status}
	}
	return nil, lastErr
}

func (c *Client) dropToken() {
	c.mu.Lock()
	c.token, c.v1 = "", false
	c.mu.Unlock()
}

// getToken returns the cached token, or fetches one with a single request
// in flight; "" means IMDSv1.
func (c *Client) getToken(ctx context.Context, op string) (string, error) {
	for {
		c.mu.Lock()
		if c.v1 {
			c.mu.Unlock()
			return "", nil
		}
		if c.token != "" && c.options.Now().Before(c.expires) {
			t := c.token
			c.mu.Unlock()
			return t, nil
		}
		if wait := c.fetching; wait != nil {
			c.mu.Unlock()
			select {
			case <-wait:
				continue
			case <-ctx.Done():
				return "", fmt.Errorf("%s %s: waiting for the session token: %w", ServiceID, op, ctx.Err())
			}
		}
		done := make(chan struct{})
		c.fetching = done
		c.mu.Unlock()
		token, ttl, v1, err := c.fetchToken(ctx, op)
		c.mu.Lock()
		c.fetching = nil
		if err == nil {
			c.token, c.v1 = token, v1
			c.expires = c.options.Now().Add(ttl)
		}
		c.mu.Unlock()
		close(done)
		if err != nil {
			return "", err
		}
		return token, nil
	}
}

func (c *Client) fetchToken(ctx context.Context, op string) (token string, ttl time.Duration, v1 bool, err error) {
	body, status, hdr, err := c.doHeader(ctx, http.MethodPut, tokenPath, "", DefaultTokenTTL)
	if err != nil {
		return "", 0, false, fmt.Errorf("%s %s: getting the session token: PUT %s: %w", ServiceID, op, tokenPath, err)
	}
	switch status {
	case http.StatusOK:
	case http.StatusForbidden, http.StatusNotFound, http.StatusMethodNotAllowed:
		if c.options.EnableFallback != aws.FalseTernary {
			return "", 0, true, nil
		}
		return "", 0, false, fmt.Errorf("%s %s: getting the session token: PUT %s: HTTP %d, and IMDSv1 fallback is disabled (EnableFallback, AWS_EC2_METADATA_V1_DISABLED or ec2_metadata_v1_disabled)",
			ServiceID, op, tokenPath, status)
	case http.StatusBadRequest:
		return "", 0, false, fmt.Errorf("%s %s: getting the session token: PUT %s: HTTP 400 (the token TTL %d s was refused)", ServiceID, op, tokenPath, int(DefaultTokenTTL/time.Second))
	default:
		return "", 0, false, fmt.Errorf("%s %s: getting the session token: PUT %s: HTTP %d %s", ServiceID, op, tokenPath, status, http.StatusText(status))
	}
	secs, perr := strconv.Atoi(hdr.Get(tokenTTLHeader))
	if perr != nil || secs <= 0 {
		return "", 0, false, fmt.Errorf("%s %s: the session token response has no valid %s header", ServiceID, op, tokenTTLHeader)
	}
	if len(body) == 0 {
		return "", 0, false, fmt.Errorf("%s %s: the session token response is empty", ServiceID, op)
	}
	return string(body), time.Duration(secs) * time.Second, false, nil
}

func (c *Client) do(ctx context.Context, method, path, token string, ttl time.Duration) ([]byte, int, error) {
	b, status, _, err := c.doHeader(ctx, method, path, token, ttl)
	return b, status, err
}

func (c *Client) doHeader(ctx context.Context, method, path, token string, ttl time.Duration) ([]byte, int, http.Header, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.options.Endpoint+path, nil)
	if err != nil {
		return nil, 0, nil, err
	}
	if token != "" {
		req.Header.Set(tokenHeader, token)
	}
	if ttl > 0 {
		req.Header.Set(tokenTTLHeader, strconv.Itoa(int(ttl/time.Second)))
	}
	resp, err := c.options.HTTPClient.Do(req)
	if err != nil {
		return nil, 0, nil, scrub(err, token)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBodyBytes))
	if err != nil {
		return nil, 0, nil, scrub(err, token)
	}
	return body, resp.StatusCode, resp.Header, nil
}

// scrub keeps the token out of a transport error, in case a custom client
// echoes the request.
func scrub(err error, token string) error {
	if token != "" && strings.Contains(err.Error(), token) {
		return errors.New(strings.ReplaceAll(err.Error(), token, "<token>"))
	}
	return err
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// String names the endpoint, never the cached session token.
func (c *Client) String() string { return "imds.Client{Endpoint: " + c.options.Endpoint + "}" }

// GoString is String, for %#v.
func (c *Client) GoString() string { return c.String() }
