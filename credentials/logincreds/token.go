package logincreds

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/signin"
)

// StandardCachedTokenFilepath returns the cache file of a login session:
// <dir>/<sha256 of the trimmed session>.json, dir defaulting to
// ~/.aws/login/cache.
func StandardCachedTokenFilepath(session, dir string) (string, error) {
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil || home == "" {
			return "", fmt.Errorf("aws login cache: no home directory (set HOME): %v", err)
		}
		dir = filepath.Join(home, ".aws", "login", "cache")
	}
	sum := sha256.Sum256([]byte(strings.TrimSpace(session)))
	return filepath.Join(dir, hex.EncodeToString(sum[:])+".json"), nil
}

// loginToken is the CLI's cache file.
type loginToken struct {
	AccessToken   *loginAccessToken `json:"accessToken"`
	TokenType     string            `json:"tokenType"`
	RefreshToken  string            `json:"refreshToken"`
	IdentityToken string            `json:"identityToken"`
	ClientID      string            `json:"clientId"`
	DPoPKey       string            `json:"dpopKey"`
}

type loginAccessToken struct {
	AccessKeyID     string    `json:"accessKeyId"`
	SecretAccessKey string    `json:"secretAccessKey"`
	SessionToken    string    `json:"sessionToken"`
	AccountID       string    `json:"accountId"`
	ExpiresAt       time.Time `json:"expiresAt"`
}

// String keeps the secrets out of %v.
func (t *loginToken) String() string { return "aws login session token" }

// GoString keeps the secrets out of %#v.
func (t *loginToken) GoString() string { return t.String() }

// String keeps the secrets out of %v.
func (a *loginAccessToken) String() string { return "aws login credentials" }

// GoString keeps the secrets out of %#v.
func (a *loginAccessToken) GoString() string { return a.String() }

// loadToken reads and checks a cache file; errors name the file and the
// missing field, never a value.
func loadToken(path string) (*loginToken, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("aws login cache %s not found: run aws login", path)
	}
	if err != nil {
		return nil, fmt.Errorf("read aws login cache: %w", err)
	}
	var t loginToken
	if err := json.Unmarshal(b, &t); err != nil {
		// The JSON error may quote the file's bytes, so it is not wrapped.
		return nil, fmt.Errorf("aws login cache %s is not valid JSON", path)
	}
	if missing := t.missing(); missing != "" {
		return nil, fmt.Errorf("aws login cache %s has no %s: run aws login", path, missing)
	}
	return &t, nil
}

// missing names the first required field that is empty, or "".
func (t *loginToken) missing() string {
	a := t.AccessToken
	switch {
	case a == nil:
		return "accessToken"
	case a.AccessKeyID == "":
		return "accessToken.accessKeyId"
	case a.SecretAccessKey == "":
		return "accessToken.secretAccessKey"
	case a.SessionToken == "":
		return "accessToken.sessionToken"
	case a.AccountID == "":
		return "accessToken.accountId"
	case a.ExpiresAt.IsZero():
		return "accessToken.expiresAt"
	case t.ClientID == "":
		return "clientId"
	case t.RefreshToken == "":
		return "refreshToken"
	case t.DPoPKey == "":
		return "dpopKey"
	}
	return ""
}

func (t *loginToken) credentials() aws.Credentials {
	a := t.AccessToken
	return aws.Credentials{
		AccessKeyID:     a.AccessKeyID,
		SecretAccessKey: a.SecretAccessKey,
		SessionToken:    a.SessionToken,
		Source:          ProviderName,
		CanExpire:       true,
		Expires:         a.ExpiresAt,
		AccountID:       a.AccountID,
	}
}

// update takes a CreateOAuth2Token result: new keys, their lifetime from
// now, and the rotated refresh token.
func (t *loginToken) update(out *signin.CreateOAuth2TokenOutput) error {
	if out == nil || out.TokenOutput == nil || out.TokenOutput.AccessToken == nil || out.TokenOutput.ExpiresIn == nil {
		return errors.New("CreateOAuth2Token returned no credentials or no expiresIn")
	}
	o := out.TokenOutput
	a := *t.AccessToken
	a.AccessKeyID = aws.ToString(o.AccessToken.AccessKeyId)
	a.SecretAccessKey = aws.ToString(o.AccessToken.SecretAccessKey)
	a.SessionToken = aws.ToString(o.AccessToken.SessionToken)
	a.ExpiresAt = now().Add(time.Duration(*o.ExpiresIn) * time.Second).UTC()
	t.AccessToken = &a
	if o.RefreshToken != nil {
		t.RefreshToken = *o.RefreshToken
	}
	if missing := t.missing(); missing != "" {
		return errors.New("CreateOAuth2Token returned no " + missing)
	}
	return nil
}
