// Package ssocreds provides credentials from IAM Identity Center (SSO): the
// access token `aws sso login` caches under ~/.aws/sso/cache is exchanged for
// a role's credentials with SSO GetRoleCredentials, and SSOTokenProvider
// refreshes that token through SSO OIDC CreateToken and writes it back. Its
// exported API is aws-sdk-go-v2's credentials/ssocreds.
//
// The cache file is named by the SHA-1 of its key: the sso_session name for
// profiles that use an [sso-session] section, the start URL for the legacy
// form (sso_start_url in the profile). See StandardCachedTokenFilepath.
package ssocreds
