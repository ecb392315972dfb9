package logincreds

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"

	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/google/uuid"

	"github.com/eucsdk/eucsdk/signin"
)

// withDPoP adds a DPoP proof (RFC 9449) to the refresh request: an ES256
// JWT over the method and URL, signed with the session's key, in the DPoP
// header. It runs after signing, on the request as it will be sent.
func withDPoP(t *loginToken) func(*signin.Options) {
	return func(o *signin.Options) {
		o.APIOptions = append(o.APIOptions, func(s *middleware.Stack) error {
			return s.Finalize.Add(middleware.FinalizeMiddlewareFunc("DPoP", func(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
				req, ok := in.Request.(*smithyhttp.Request)
				if !ok {
					return middleware.FinalizeOutput{}, middleware.Metadata{}, fmt.Errorf("DPoP: unexpected request type %T", in.Request)
				}
				u := *req.URL
				u.RawQuery, u.Fragment = "", ""
				proof, err := dpopProof(t.DPoPKey, "POST", u.String())
				if err != nil {
					return middleware.FinalizeOutput{}, middleware.Metadata{}, err
				}
				req.Header.Set("DPoP", proof)
				return next.HandleFinalize(ctx, in)
			}), middleware.After)
		})
	}
}

// dpopProof returns the compact JWT. Errors never include the key.
func dpopProof(keyPEM, method, url string) (string, error) {
	key, err := parseKey(keyPEM)
	if err != nil {
		return "", err
	}
	pub, err := key.PublicKey.ECDH()
	if err != nil {
		return "", errors.New("DPoP: the cached dpopKey is not a usable P-256 key")
	}
	xy := pub.Bytes()[1:] // uncompressed point: 0x04 || X || Y
	header, _ := json.Marshal(map[string]any{
		"typ": "dpop+jwt",
		"alg": "ES256",
		"jwk": map[string]string{
			"kty": "EC", "crv": "P-256",
			"x": b64(xy[:32]), "y": b64(xy[32:]),
		},
	})
	payload, _ := json.Marshal(map[string]any{
		"jti": uuid.NewString(),
		"htm": method,
		"htu": url,
		"iat": now().Unix(),
	})
	signing := b64(header) + "." + b64(payload)
	digest := sha256.Sum256([]byte(signing))
	r, s, err := ecdsa.Sign(rand.Reader, key, digest[:])
	if err != nil {
		return "", errors.New("DPoP: signing failed")
	}
	sig := make([]byte, 64)
	r.FillBytes(sig[:32])
	s.FillBytes(sig[32:])
	return signing + "." + b64(sig), nil
}

// parseKey reads the cached key: a PEM SEC 1 ("EC PRIVATE KEY") or PKCS #8
// P-256 private key.
func parseKey(keyPEM string) (*ecdsa.PrivateKey, error) {
	block, _ := pem.Decode([]byte(keyPEM))
	if block == nil {
		return nil, errors.New("DPoP: the cached dpopKey is not PEM")
	}
	if k, err := x509.ParseECPrivateKey(block.Bytes); err == nil {
		return p256(k)
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, errors.New("DPoP: the cached dpopKey is not an EC private key")
	}
	ek, ok := k.(*ecdsa.PrivateKey)
	if !ok {
		return nil, errors.New("DPoP: the cached dpopKey is not an EC private key")
	}
	return p256(ek)
}

func p256(k *ecdsa.PrivateKey) (*ecdsa.PrivateKey, error) {
	if k.Curve != elliptic.P256() {
		return nil, errors.New("DPoP: the cached dpopKey is not on P-256 (ES256 needs it)")
	}
	return k, nil
}

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }
