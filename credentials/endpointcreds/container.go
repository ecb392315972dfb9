package endpointcreds

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"os"
	"strings"
	"time"
)

// The container environment variables, read by NewFromEnvironment.
const (
	EnvRelativeURI    = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"
	EnvFullURI        = "AWS_CONTAINER_CREDENTIALS_FULL_URI"
	EnvAuthToken      = "AWS_CONTAINER_AUTHORIZATION_TOKEN"
	EnvAuthTokenFile  = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"
	ecsEndpointOrigin = "http://169.254.170.2"
)

// The link-local hosts that may serve credentials over plain http, besides
// loopback: the ECS agent and the EKS Pod Identity agent.
var allowedIPs = []net.IP{
	net.ParseIP("169.254.170.2"),
	net.ParseIP("169.254.170.23"),
	net.ParseIP("fd00:ec2::23"),
}

// ecsOrigin is a variable so that tests can point the relative URI at a
// local server.
var ecsOrigin = ecsEndpointOrigin

// lookupHost resolves a full URI's host name; a variable for tests.
var lookupHost = func(host string) ([]string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	return net.DefaultResolver.LookupHost(ctx, host)
}

// NewFromEnvironment returns the container credentials provider the
// environment describes, or nil when it describes none, as aws-sdk-go-v2's
// config does: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI under
// http://169.254.170.2, else AWS_CONTAINER_CREDENTIALS_FULL_URI, which over
// http must name a loopback, ECS or EKS Pod Identity address (every
// address its host resolves to), and over https may name any host. The
// token is AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE's content, read again at
// every Retrieve, else AWS_CONTAINER_AUTHORIZATION_TOKEN.
func NewFromEnvironment(optFns ...func(*Options)) (*Provider, error) {
	var endpoint string
	if rel := os.Getenv(EnvRelativeURI); rel != "" {
		endpoint = ecsOrigin + rel
	} else if full := os.Getenv(EnvFullURI); full != "" {
		if err := checkFullURI(full); err != nil {
			return nil, err
		}
		endpoint = full
	} else {
		return nil, nil
	}
	auth := func(o *Options) {
		o.AuthorizationToken = os.Getenv(EnvAuthToken)
		if file := os.Getenv(EnvAuthTokenFile); file != "" {
			o.AuthorizationTokenProvider = TokenProviderFunc(func() (string, error) {
				b, err := os.ReadFile(file)
				if err != nil {
					return "", fmt.Errorf("%s: %w", EnvAuthTokenFile, err)
				}
				// Files written by editors and echo end in a newline,
				// which is not part of the token.
				return strings.TrimSpace(string(b)), nil
			})
		}
	}
	return New(endpoint, append([]func(*Options){auth}, optFns...)...), nil
}

func checkFullURI(full string) error {
	u, err := url.Parse(full)
	if err != nil {
		return fmt.Errorf("environment variable %s: not a URL", EnvFullURI)
	}
	host := u.Hostname()
	shown := redactURL(full)
	switch {
	case host == "":
		return fmt.Errorf("environment variable %s: %q has no host", EnvFullURI, shown)
	case u.Scheme == "https":
		return nil
	case u.Scheme != "http":
		return fmt.Errorf("environment variable %s: %q is not an http or https URL", EnvFullURI, shown)
	}
	if ip := net.ParseIP(host); ip != nil {
		if !ipAllowed(ip) {
			return fmt.Errorf("environment variable %s: host %s is not allowed over http: only loopback, the ECS (169.254.170.2) and EKS Pod Identity (169.254.170.23, fd00:ec2::23) addresses are, or use https", EnvFullURI, host)
		}
		return nil
	}
	addrs, err := lookupHost(host)
	if err != nil {
		return fmt.Errorf("environment variable %s: resolving host %s: %v", EnvFullURI, host, err)
	}
	for _, a := range addrs {
		if ip := net.ParseIP(a); ip == nil || !ipAllowed(ip) {
			return fmt.Errorf("environment variable %s: host %s resolves to %s, which is not allowed over http: only loopback, the ECS and EKS Pod Identity addresses are, or use https", EnvFullURI, host, a)
		}
	}
	return nil
}

func ipAllowed(ip net.IP) bool {
	if ip.IsLoopback() {
		return true
	}
	for _, a := range allowedIPs {
		if ip.Equal(a) {
			return true
		}
	}
	return false
}
