package v2adapter

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go/logging"

	"github.com/eucsdk/eucsdk/aws"
)

type staticV2 struct {
	creds awsv2.Credentials
	err   error
}

func (s staticV2) Retrieve(context.Context) (awsv2.Credentials, error) { return s.creds, s.err }

func TestCredentialsValuesAndExpiry(t *testing.T) {
	exp := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	p := Credentials(staticV2{creds: awsv2.Credentials{
		AccessKeyID: "AKID", SecretAccessKey: "SECRET", SessionToken: "TOKEN",
		Source: "v2static", CanExpire: true, Expires: exp, AccountID: "123456789012",
	}})
	c, err := p.Retrieve(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", SessionToken: "TOKEN",
		Source: "v2static", CanExpire: true, Expires: exp, AccountID: "123456789012"}
	if c != want {
		t.Errorf("got %#v, want %#v", c, want)
	}
	if !c.ExpiredAt(exp) || c.ExpiredAt(exp.Add(-time.Second)) {
		t.Error("expiry does not carry over")
	}
}

func TestCredentialsErrorPassthrough(t *testing.T) {
	boom := errors.New("sso token expired")
	_, err := Credentials(staticV2{err: boom}).Retrieve(context.Background())
	if err != boom {
		t.Errorf("err = %v, want the v2 provider's error unchanged", err)
	}
	if Credentials(nil) != nil {
		t.Error("nil provider should stay nil")
	}
}

func TestConfig(t *testing.T) {
	client := &http.Client{}
	logger := logging.Nop{}
	v2 := awsv2.Config{
		Region:           "eu-west-1",
		Credentials:      awsv2.NewCredentialsCache(staticV2{creds: awsv2.Credentials{AccessKeyID: "A", SecretAccessKey: "S"}}),
		HTTPClient:       client,
		RetryMaxAttempts: 4,
		RetryMode:        awsv2.RetryModeAdaptive,
		BaseEndpoint:     awsv2.String("http://localhost:8080"),
		Logger:           logger,
		ClientLogMode:    awsv2.LogRetries | awsv2.LogResponseEventMessage,
		AppID:            "myapp",

		AccountIDEndpointMode: awsv2.AccountIDEndpointModeRequired,
	}
	cfg := Config(v2)
	if cfg.Region != "eu-west-1" || cfg.HTTPClient != client || cfg.RetryMaxAttempts != 4 ||
		cfg.RetryMode != aws.RetryModeAdaptive || aws.ToString(cfg.BaseEndpoint) != "http://localhost:8080" ||
		cfg.Logger != logger || cfg.AppID != "myapp" || cfg.AccountIDEndpointMode != aws.AccountIDEndpointModeRequired {
		t.Errorf("cfg = %+v", cfg)
	}
	if cfg.ClientLogMode != aws.LogRetries|aws.LogResponseEventMessage {
		t.Errorf("log mode = %b", cfg.ClientLogMode)
	}
	c, err := cfg.Credentials.Retrieve(context.Background())
	if err != nil || c.AccessKeyID != "A" {
		t.Errorf("credentials: %v, %v", c, err)
	}
	*v2.BaseEndpoint = "changed"
	if aws.ToString(cfg.BaseEndpoint) != "http://localhost:8080" {
		t.Error("BaseEndpoint aliases the v2 config's string")
	}
	if empty := Config(awsv2.Config{}); empty.Credentials != nil || empty.HTTPClient != nil || empty.BaseEndpoint != nil {
		t.Errorf("zero v2 config: %+v", empty)
	}
}

func TestAllLogModesMap(t *testing.T) {
	var all awsv2.ClientLogMode
	var want aws.ClientLogMode
	for _, p := range logModes {
		all |= p.v2
		want |= p.eu
	}
	if got := logMode(all); got != want || len(logModes) != 9 {
		t.Errorf("got %b, want %b", got, want)
	}
}
