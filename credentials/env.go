package credentials

import (
	"context"
	"fmt"
	"os"

	"github.com/eucsdk/eucsdk/aws"
)

// EnvProviderSource is the Source of credentials read from the environment.
const EnvProviderSource = "EnvConfigCredentials"

// EnvProvider reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
// AWS_SESSION_TOKEN, accepting the older AWS_ACCESS_KEY and AWS_SECRET_KEY
// as aws-sdk-go-v2 does. It reads at every Retrieve, so wrap it in a cache.
type EnvProvider struct{}

// NewEnvProvider returns an EnvProvider.
func NewEnvProvider() EnvProvider { return EnvProvider{} }

// Retrieve returns the environment's keys. None set wraps ErrNotFound; only
// one of the pair set is a misconfiguration and a plain error.
func (EnvProvider) Retrieve(context.Context) (aws.Credentials, error) {
	id := firstEnv("AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY")
	secret := firstEnv("AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY")
	switch {
	case id == "" && secret == "":
		return aws.Credentials{}, fmt.Errorf("environment: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set: %w", ErrNotFound)
	case id == "":
		return aws.Credentials{}, fmt.Errorf("environment: AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not")
	case secret == "":
		return aws.Credentials{}, fmt.Errorf("environment: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
	}
	return aws.Credentials{
		AccessKeyID:     id,
		SecretAccessKey: secret,
		SessionToken:    os.Getenv("AWS_SESSION_TOKEN"),
		AccountID:       os.Getenv("AWS_ACCOUNT_ID"),
		Source:          EnvProviderSource,
	}, nil
}

func firstEnv(names ...string) string {
	for _, n := range names {
		if v := os.Getenv(n); v != "" {
			return v
		}
	}
	return ""
}
