package ssocreds

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/eucsdk/eucsdk/internal/atomicfile"
)

// StandardCachedTokenFilepath returns ~/.aws/sso/cache/<sha1 of key>.json,
// where the AWS CLI caches the token of key: the sso_session name, or for
// the legacy profile form its sso_start_url.
func StandardCachedTokenFilepath(key string) (string, error) {
	home, err := userHomeDir()
	if err != nil || home == "" {
		return "", fmt.Errorf("SSO token cache: no home directory (set HOME): %v", err)
	}
	sum := sha1.Sum([]byte(key))
	return filepath.Join(home, ".aws", "sso", "cache", hex.EncodeToString(sum[:])+".json"), nil
}

var userHomeDir = os.UserHomeDir

// cachedToken is one token cache file. The CLI writes more fields than the
// SDK reads (startUrl, region, registrationExpiresAt, ...): all of them are
// kept in raw and written back unchanged beside the refreshed ones.
type cachedToken struct {
	raw          map[string]json.RawMessage
	AccessToken  string
	ExpiresAt    time.Time
	RefreshToken string
	ClientID     string
	ClientSecret string
}

// String keeps the secrets out of %v.
func (t cachedToken) String() string {
	return fmt.Sprintf("SSO token (expires %s)", t.ExpiresAt.UTC().Format(time.RFC3339))
}

// GoString keeps the secrets out of %#v.
func (t cachedToken) GoString() string { return t.String() }

// loadCachedToken reads and checks a cache file. Errors name the file and
// the field, never a value.
func loadCachedToken(path string) (cachedToken, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return cachedToken{}, fmt.Errorf("read SSO token cache: %w", err)
	}
	t := cachedToken{raw: map[string]json.RawMessage{}}
	if err := json.Unmarshal(b, &t.raw); err != nil {
		// The JSON error may quote the file's bytes, so it is not wrapped.
		return cachedToken{}, fmt.Errorf("SSO token cache %s is not a JSON object", path)
	}
	for _, f := range []struct {
		key string
		dst *string
	}{{"accessToken", &t.AccessToken}, {"refreshToken", &t.RefreshToken}, {"clientId", &t.ClientID}, {"clientSecret", &t.ClientSecret}} {
		if v, ok := t.raw[f.key]; ok && json.Unmarshal(v, f.dst) != nil {
			return cachedToken{}, fmt.Errorf("SSO token cache %s: %s is not a string", path, f.key)
		}
	}
	var exp string
	if v, ok := t.raw["expiresAt"]; ok && json.Unmarshal(v, &exp) != nil {
		return cachedToken{}, fmt.Errorf("SSO token cache %s: expiresAt is not a string", path)
	}
	if t.AccessToken == "" || exp == "" {
		return cachedToken{}, fmt.Errorf("SSO token cache %s must contain accessToken and expiresAt", path)
	}
	if t.ExpiresAt, err = time.Parse(time.RFC3339, exp); err != nil {
		return cachedToken{}, fmt.Errorf("SSO token cache %s: expiresAt %q is not an RFC 3339 time", path, exp)
	}
	return t, nil
}

// store writes the token to path atomically: a temporary file in the same
// directory, readable by its owner only, renamed over the old one, so a
// concurrent reader (another process, the CLI) sees the old token or the
// new one, never half of one.
func (t cachedToken) store(path string) error {
	out := make(map[string]any, len(t.raw)+5)
	for k, v := range t.raw {
		out[k] = v
	}
	set := func(k, v string) {
		if v != "" {
			out[k] = v
		}
	}
	set("accessToken", t.AccessToken)
	set("expiresAt", t.ExpiresAt.UTC().Format(time.RFC3339))
	set("refreshToken", t.RefreshToken)
	set("clientId", t.ClientID)
	set("clientSecret", t.ClientSecret)
	b, err := json.Marshal(out)
	if err != nil {
		return errors.New("encode SSO token cache: " + err.Error())
	}
	// 0600: the file holds a refresh token and a client secret.
	if err := atomicfile.Write(path, b, 0o600); err != nil {
		return fmt.Errorf("SSO token cache: %w", err)
	}
	return nil
}
