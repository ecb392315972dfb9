// Package v2adapter lets code that already has aws-sdk-go-v2 credentials or
// configuration use eucsdk clients. It is a separate module so that eucsdk
// itself never depends on aws-sdk-go-v2.
package v2adapter

import (
	"context"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"

	"github.com/eucsdk/eucsdk/aws"
)

// Credentials adapts a v2 provider; nil stays nil so the eucsdk default
// chain applies. Errors pass through unchanged for errors.Is/As.
func Credentials(p awsv2.CredentialsProvider) aws.CredentialsProvider {
	if p == nil {
		return nil
	}
	return provider{p}
}

type provider struct{ v2 awsv2.CredentialsProvider }

func (p provider) Retrieve(ctx context.Context) (aws.Credentials, error) {
	c, err := p.v2.Retrieve(ctx)
	if err != nil {
		return aws.Credentials{}, err
	}
	return aws.Credentials{
		AccessKeyID:     c.AccessKeyID,
		SecretAccessKey: c.SecretAccessKey,
		SessionToken:    c.SessionToken,
		Source:          c.Source,
		CanExpire:       c.CanExpire,
		Expires:         c.Expires,
		AccountID:       c.AccountID,
	}, nil
}

// Config carries over the v2 settings that mean the same here: region,
// credentials, HTTP client, retry attempts and mode, base endpoint, account
// id endpoint mode, logger, log mode and app id. v2's Retryer, APIOptions and endpoint resolvers are
// built for v2's pipeline and are left out.
func Config(cfg awsv2.Config) aws.Config {
	out := aws.Config{
		Region:           cfg.Region,
		Credentials:      Credentials(cfg.Credentials),
		RetryMaxAttempts: cfg.RetryMaxAttempts,
		RetryMode:        aws.RetryMode(cfg.RetryMode),
		Logger:           cfg.Logger,
		ClientLogMode:    logMode(cfg.ClientLogMode),
		AppID:            cfg.AppID,

		AccountIDEndpointMode: aws.AccountIDEndpointMode(cfg.AccountIDEndpointMode),
	}
	if cfg.HTTPClient != nil {
		out.HTTPClient = cfg.HTTPClient
	}
	if cfg.BaseEndpoint != nil {
		out.BaseEndpoint = aws.String(*cfg.BaseEndpoint)
	}
	return out
}

// logModes pairs the flags: v2 numbers them from the top bit down, eucsdk
// from the bottom up.
var logModes = []struct {
	v2 awsv2.ClientLogMode
	eu aws.ClientLogMode
}{
	{awsv2.LogSigning, aws.LogSigning},
	{awsv2.LogRetries, aws.LogRetries},
	{awsv2.LogRequest, aws.LogRequest},
	{awsv2.LogRequestWithBody, aws.LogRequestWithBody},
	{awsv2.LogResponse, aws.LogResponse},
	{awsv2.LogResponseWithBody, aws.LogResponseWithBody},
	{awsv2.LogDeprecatedUsage, aws.LogDeprecatedUsage},
	{awsv2.LogRequestEventMessage, aws.LogRequestEventMessage},
	{awsv2.LogResponseEventMessage, aws.LogResponseEventMessage},
}

func logMode(m awsv2.ClientLogMode) aws.ClientLogMode {
	var out aws.ClientLogMode
	for _, p := range logModes {
		if m&p.v2 != 0 {
			out |= p.eu
		}
	}
	return out
}
