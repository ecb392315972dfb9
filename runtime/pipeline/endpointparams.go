package pipeline

import (
	"context"
	"strconv"
	"strings"
	"sync"

	"github.com/eucsdk/eucsdk/aws"
)

// EndpointParams are the endpoint rule parameters one call sets from its
// input or to constants (smithy.rules#contextParam, staticContextParams,
// operationContextParams): an S3 Control account id, a Kinesis stream ARN,
// Neptune Analytics' ApiType. Generated code fills them through
// Operation.EndpointParams; a parameter left unset keeps the rule set's
// default.
type EndpointParams struct {
	list []endpointParam
}

type endpointParam struct {
	name  string
	value any // string, bool or []string, as the rule set's types
}

// String sets a string parameter.
func (p *EndpointParams) String(name, v string) { p.list = append(p.list, endpointParam{name, v}) }

// Bool sets a boolean parameter.
func (p *EndpointParams) Bool(name string, v bool) { p.list = append(p.list, endpointParam{name, v}) }

// Strings sets a string-array parameter.
func (p *EndpointParams) Strings(name string, v []string) {
	p.list = append(p.list, endpointParam{name, v})
}

// key spells the parameters as one string, a cache key: names and values
// are quoted, so no two different sets spell the same.
func (p *EndpointParams) key() string {
	var b strings.Builder
	for _, e := range p.list {
		b.WriteString(strconv.Quote(e.name))
		b.WriteByte('=')
		switch v := e.value.(type) {
		case string:
			b.WriteString(strconv.Quote(v))
		case bool:
			b.WriteString(strconv.FormatBool(v))
		case []string:
			b.WriteByte('[')
			for _, s := range v {
				b.WriteString(strconv.Quote(s))
				b.WriteByte(',')
			}
			b.WriteByte(']')
		}
		b.WriteByte(';')
	}
	return b.String()
}

// endpointCacheSize bounds the endpoints a client keeps: calls naming many
// different resources (every stream of an account, say) resolve again
// rather than grow the client without end.
const endpointCacheSize = 256

// endpointCache holds resolved endpoints by their parameters' key.
type endpointCache struct {
	mu sync.Mutex
	m  map[string]*resolvedEndpoint
}

func (c *Client) cache() *endpointCache {
	if c.endpoints != nil {
		return c.endpoints
	}
	return &c.ownEndpoints
}

// endpointFor returns the endpoint of a call whose operation set rule
// parameters of its own: resolved once per distinct set and client, as the
// client's own endpoint is resolved once. A failed resolution is not
// cached; it names the parameters' endpoint error every time.
func (c *Client) endpointFor(p *EndpointParams) (*resolvedEndpoint, error) {
	if c.svc.RuleSet == nil {
		return c.endpointRef() // no rules to take the parameters
	}
	ec := c.cache()
	key := p.key()
	ec.mu.Lock()
	ep, ok := ec.m[key]
	ec.mu.Unlock()
	if ok {
		return ep, nil
	}
	r, err := c.resolveEndpointWith(p)
	if err != nil {
		return nil, err
	}
	ep = &r
	ec.mu.Lock()
	if ec.m == nil || len(ec.m) >= endpointCacheSize {
		ec.m = make(map[string]*resolvedEndpoint)
	}
	ec.m[key] = ep
	ec.mu.Unlock()
	return ep, nil
}

// accountID adds the account-id built-ins to the call's rule parameters, for
// a service whose rules offer account-based endpoints: the mode, and unless
// it is disabled, the account id of the credentials the call will sign
// with, when they carry one. It retrieves the credentials before the
// endpoint, as aws-sdk-go-v2 does, and keeps them for the first attempt's
// signature, so a provider without a cache is asked once, not twice.
// Credentials that fail to resolve are left for the signer to report.
func (k *call) accountID(ctx context.Context) {
	c := k.c
	if c.svc.AccountIDParam == "" && c.svc.AccountIDModeParam == "" {
		return
	}
	mode := c.opts.AccountIDEndpointMode
	if mode == "" {
		mode = aws.AccountIDEndpointModePreferred
	}
	if c.svc.AccountIDModeParam != "" {
		k.epParams.String(c.svc.AccountIDModeParam, string(mode))
	}
	if mode == aws.AccountIDEndpointModeDisabled || c.svc.AccountIDParam == "" || k.auth == AuthNone || c.opts.Credentials == nil {
		return
	}
	creds, err := c.opts.Credentials.Retrieve(ctx)
	if err != nil {
		return
	}
	k.early = &creds
	if creds.AccountID != "" {
		k.epParams.String(c.svc.AccountIDParam, creds.AccountID)
	}
}
