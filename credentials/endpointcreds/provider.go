// Package endpointcreds reads credentials from an HTTP endpoint: the ECS
// container credentials endpoint and the EKS Pod Identity agent, at
// aws-sdk-go-v2's path and with its API.
//
// The endpoint answers GET with {"AccessKeyId", "SecretAccessKey",
// "Token", "Expiration", "AccountId"}, or with an error status and
// {"code", "message"}. The request carries the authorization token, when
// there is one, in the Authorization header.
package endpointcreds

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/eucsdk/eucsdk/aws"
)

// ProviderName is the Source of the credentials.
const ProviderName = "CredentialsEndpointProvider"

const (
	maxAttempts  = 3
	maxBodyBytes = 1 << 20
)

// HTTPClient sends the request.
type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

// AuthTokenProvider returns the authorization token; it is asked at every
// Retrieve, so a rotated token file is read again.
type AuthTokenProvider interface {
	GetToken() (string, error)
}

// TokenProviderFunc is a function as an AuthTokenProvider.
type TokenProviderFunc func() (string, error)

// GetToken calls f.
func (f TokenProviderFunc) GetToken() (string, error) { return f() }

// Options configure the provider.
type Options struct {
	// HTTPClient defaults to a client with short timeouts that follows no
	// redirect (a redirect would carry the token elsewhere).
	HTTPClient HTTPClient
	// AuthorizationToken is sent as is; AuthorizationTokenProvider, when
	// set, wins over it.
	AuthorizationToken         string
	AuthorizationTokenProvider AuthTokenProvider
}

// Provider fetches credentials from the endpoint at every Retrieve; wrap
// it in an aws.CredentialsCache.
type Provider struct {
	endpoint string
	options  Options
}

// New returns a provider of the endpoint's credentials.
func New(endpoint string, optFns ...func(*Options)) *Provider {
	p := &Provider{endpoint: endpoint}
	for _, fn := range optFns {
		fn(&p.options)
	}
	if p.options.HTTPClient == nil {
		p.options.HTTPClient = defaultHTTPClient
	}
	return p
}

var defaultHTTPClient = &http.Client{
	Transport: &http.Transport{
		// The endpoint is local to the task or pod: never through a proxy.
		Proxy:                 nil,
		DialContext:           (&net.Dialer{Timeout: 2 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		ResponseHeaderTimeout: 5 * time.Second,
		TLSHandshakeTimeout:   5 * time.Second,
		MaxIdleConns:          2,
		IdleConnTimeout:       30 * time.Second,
	},
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// Error is the endpoint's refusal: its status, and the code and message of
// its JSON body. It never holds the authorization token.
type Error struct {
	Endpoint   string
	StatusCode int
	Code       string
	Message    string
}

func (e *Error) Error() string {
	s := fmt.Sprintf("container credentials endpoint %s: HTTP %d", e.Endpoint, e.StatusCode)
	if e.Code != "" {
		s += " " + e.Code
	}
	if e.Message != "" {
		s += ": " + e.Message
	}
	return s
}

// ErrorCode is the endpoint's code.
func (e *Error) ErrorCode() string { return e.Code }

// ErrorMessage is the endpoint's message.
func (e *Error) ErrorMessage() string { return e.Message }

// HTTPStatusCode is the response's status.
func (e *Error) HTTPStatusCode() int { return e.StatusCode }

type response struct {
	AccessKeyID     string `json:"AccessKeyId"`
	SecretAccessKey string
	Token           string
	Expiration      *time.Time
	AccountID       string `json:"AccountId"`
	Code            string `json:"code"`
	Message         string `json:"message"`
}

// Retrieve fetches the credentials, retrying a server error or a failed
// connection twice.
func (p *Provider) Retrieve(ctx context.Context) (aws.Credentials, error) {
	token := p.options.AuthorizationToken
	if tp := p.options.AuthorizationTokenProvider; tp != nil {
		var err error
		if token, err = tp.GetToken(); err != nil {
			return aws.Credentials{}, fmt.Errorf("container credentials: authorization token: %w", err)
		}
	}
	if strings.ContainsAny(token, "\r\n") {
		return aws.Credentials{}, errors.New("container credentials: the authorization token holds a line break")
	}
	shown := redactURL(p.endpoint)
	var lastErr error
	for attempt := 0; attempt < maxAttempts; attempt++ {
		if attempt > 0 {
			t := time.NewTimer(time.Duration(attempt) * 200 * time.Millisecond)
			select {
			case <-t.C:
			case <-ctx.Done():
				t.Stop()
				return aws.Credentials{}, fmt.Errorf("container credentials endpoint %s: %w (after %v)", shown, ctx.Err(), lastErr)
			}
		}
		c, retry, err := p.once(ctx, token, shown)
		if err == nil {
			return c, nil
		}
		lastErr = err
		if !retry || ctx.Err() != nil {
			break
		}
	}
	return aws.Credentials{}, lastErr
}

func (p *Provider) once(ctx context.Context, token, shown string) (aws.Credentials, bool, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.endpoint, nil)
	if err != nil {
		return aws.Credentials{}, false, fmt.Errorf("container credentials endpoint %s: %v", shown, err)
	}
	req.Header.Set("Accept", "application/json")
	if token != "" {
		req.Header.Set("Authorization", token)
	}
	resp, err := p.options.HTTPClient.Do(req)
	if err != nil {
		msg := err.Error()
		if token != "" {
			msg = strings.ReplaceAll(msg, token, "<token>")
		}
		msg = strings.ReplaceAll(msg, p.endpoint, shown)
		return aws.Credentials{}, true, fmt.Errorf("container credentials: %s", msg)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBodyBytes))
	if err != nil {
		return aws.Credentials{}, true, fmt.Errorf("container credentials endpoint %s: reading the response: %v", shown, err)
	}
	var r response
	jsonErr := json.Unmarshal(body, &r)
	if resp.StatusCode != http.StatusOK {
		e := &Error{Endpoint: shown, StatusCode: resp.StatusCode}
		if jsonErr == nil {
			e.Code, e.Message = scrub(r.Code, token), scrub(r.Message, token)
		}
		return aws.Credentials{}, resp.StatusCode >= 500, e
	}
	if jsonErr != nil {
		// The body holds secrets: its size, never its text.
		return aws.Credentials{}, false, fmt.Errorf("container credentials endpoint %s: the response (%d bytes) is not the expected JSON", shown, len(body))
	}
	if r.AccessKeyID == "" || r.SecretAccessKey == "" {
		return aws.Credentials{}, false, fmt.Errorf("container credentials endpoint %s: the response lacks AccessKeyId or SecretAccessKey", shown)
	}
	c := aws.Credentials{
		AccessKeyID:     r.AccessKeyID,
		SecretAccessKey: r.SecretAccessKey,
		SessionToken:    r.Token,
		AccountID:       r.AccountID,
		Source:          ProviderName,
	}
	if r.Expiration != nil {
		c.CanExpire, c.Expires = true, r.Expiration.UTC()
	}
	return c, false, nil
}

// scrub keeps the token out of text the endpoint chose, should it echo it.
func scrub(s, token string) string {
	if token == "" {
		return s
	}
	return strings.ReplaceAll(s, token, "<token>")
}

// redactURL drops a password and the query (which may carry a signature)
// from the URL shown in errors.
func redactURL(raw string) string {
	i := strings.IndexAny(raw, "?#")
	if i >= 0 {
		raw = raw[:i]
	}
	if at := strings.LastIndex(raw, "@"); at >= 0 {
		if scheme := strings.Index(raw, "://"); scheme >= 0 && scheme < at {
			raw = raw[:scheme+3] + "<redacted>" + raw[at:]
		}
	}
	return raw
}

// String names the endpoint, never the authorization token.
func (p *Provider) String() string {
	return "endpointcreds.Provider{Endpoint: " + redactURL(p.endpoint) + "}"
}

// GoString is String, for %#v.
func (p *Provider) GoString() string { return p.String() }
