// Package settings is the one resolver of configuration read from the
// environment and the shared files. config.LoadDefaultConfig and a client's
// lazy default resolution (runtime/pipeline) both call Load, so a setting
// means the same thing, with the same parse rules and the same errors,
// whichever way a client was built.
//
// Table lists every setting; the README's Configuration section is rendered
// from it (Markdown) and a test holds the two equal.
//
// Credentials: Load builds the providers a client built without config
// resolves on its own (environment, static keys and credential_process in
// the shared files, through package credentials). LoadCredentialProfile
// reads what a profile says about every other kind (source_profile chains,
// credential_source, web identity, SSO, login); config builds those
// providers, since the ones that call STS or SSO sit above the generated
// clients, which import this package through runtime/pipeline.
// CredentialsTable lists the chain for the README.
package settings

import (
	"strings"
)

// Setting is one row of the table: where a value can come from, the field
// it sets, and how it is parsed.
type Setting struct {
	// Env is the environment variable, or several separated by ", " in
	// precedence order.
	Env string
	// Key is the shared-file profile key ("" if none).
	Key string
	// Field is the Options (and aws.Config) field it fills.
	Field string
	// Rule says what values are accepted and what they mean.
	Rule string
}

// Table is every setting, in the order the README lists them. Explicit
// values in code (Options, config.With...) always win over the
// environment, which wins over the profile.
var Table = []Setting{
	{Env: "AWS_PROFILE", Field: "`config.WithSharedConfigProfile`",
		Rule: "profile name, default `default`; a named profile that no file has is an error"},
	{Env: "AWS_CONFIG_FILE", Field: "`config.WithSharedConfigFiles`",
		Rule: "path, default `~/.aws/config`; must be a regular file (or absent)"},
	{Env: "AWS_SHARED_CREDENTIALS_FILE", Field: "`config.WithSharedCredentialsFiles`",
		Rule: "path, default `~/.aws/credentials`; must be a regular file (or absent)"},
	{Env: "AWS_REGION, AWS_DEFAULT_REGION", Key: "region", Field: "`Region`",
		Rule: "a region name such as `eu-west-1`"},
	{Env: "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN", Key: "aws_access_key_id, aws_secret_access_key, aws_session_token", Field: "`Credentials`",
		Rule: "both keys or neither; the environment, then the profile's keys, then its `credential_process`"},
	{Key: "credential_process", Field: "`Credentials`",
		Rule: "command run through the shell; stdout is the JSON credentials, stderr goes to your stderr"},
	{Env: "AWS_ENDPOINT_URL", Key: "endpoint_url", Field: "`BaseEndpoint`",
		Rule: "absolute http(s) URL, for every service"},
	{Env: "AWS_ENDPOINT_URL_APPSTREAM, AWS_ENDPOINT_URL_WORKSPACES", Key: "services", Field: "`BaseEndpoint`",
		Rule: "absolute http(s) URL for one service; in a profile, `services = NAME` points at a `[services NAME]` section holding `appstream =` or `workspaces =` with an indented `endpoint_url = URL`; wins over the global URL of the same source"},
	{Env: "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", Key: "ignore_configured_endpoint_urls", Field: "—",
		Rule: "`true` or `false`; `true` ignores the endpoint URLs of the environment and the profile, not `BaseEndpoint` in code"},
	{Env: "AWS_USE_FIPS_ENDPOINT", Key: "use_fips_endpoint", Field: "`UseFIPSEndpoint`",
		Rule: "`true` or `false`"},
	{Env: "AWS_USE_DUALSTACK_ENDPOINT", Key: "use_dualstack_endpoint", Field: "`UseDualStackEndpoint`",
		Rule: "`true` or `false`"},
	{Env: "AWS_ACCOUNT_ID_ENDPOINT_MODE", Key: "account_id_endpoint_mode", Field: "`AccountIDEndpointMode`",
		Rule: "`preferred` (default), `required` or `disabled`: whether services with account-based endpoints (DynamoDB) get the credentials' account id"},
	{Env: "AWS_MAX_ATTEMPTS", Key: "max_attempts", Field: "`RetryMaxAttempts`",
		Rule: "integer ≥ 1, default 3"},
	{Env: "AWS_RETRY_MODE", Key: "retry_mode", Field: "`RetryMode`",
		Rule: "`standard` (default) or `adaptive`"},
	{Env: "AWS_NEW_RETRIES_2026", Key: "new_retries_2026", Field: "`NewRetries2026`",
		Rule: "`true` or `false`; unset means `true`: retries 2.1 (see Retries)"},
	{Env: "AWS_SDK_UA_APP_ID", Key: "sdk_ua_app_id", Field: "`AppID`",
		Rule: "up to 50 characters, added to the User-Agent"},
	{Env: "AWS_DISABLE_REQUEST_COMPRESSION", Key: "disable_request_compression", Field: "`DisableRequestCompression`",
		Rule: "`true` or `false`"},
	{Env: "AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", Key: "request_min_compression_size_bytes", Field: "`RequestMinCompressSizeBytes`",
		Rule: "integer 0 to 10485760, default 10240 (0 means the default)"},
	{Env: "AWS_CA_BUNDLE", Key: "ca_bundle", Field: "`HTTPClient`",
		Rule: "path to a PEM file; the default HTTP client trusts only its certificates (ignored when you set `HTTPClient`)"},
	{Env: "AWS_EC2_METADATA_DISABLED", Field: "`config.WithEC2IMDSClientEnableState`",
		Rule: "`true` or `false`; `true` turns the EC2 instance metadata client off (instance role credentials, IMDS region)"},
	{Env: "AWS_EC2_METADATA_SERVICE_ENDPOINT", Key: "ec2_metadata_service_endpoint", Field: "`config.WithEC2IMDSEndpoint`",
		Rule: "absolute http(s) URL of the metadata service; wins over the mode"},
	{Env: "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", Key: "ec2_metadata_service_endpoint_mode", Field: "`config.WithEC2IMDSEndpointMode`",
		Rule: "`IPv4` (default, `http://169.254.169.254`) or `IPv6` (`http://[fd00:ec2::254]`)"},
	{Env: "AWS_EC2_METADATA_V1_DISABLED", Key: "ec2_metadata_v1_disabled", Field: "—",
		Rule: "`true` or `false`; `true` forbids the IMDSv1 fallback when the token request is refused"},
}

// Markdown renders Table as the README's table.
func Markdown() string {
	var b strings.Builder
	b.WriteString("| environment variable | profile key | Options / aws.Config field | accepted values |\n")
	b.WriteString("|---|---|---|---|\n")
	cell := func(s string, code bool) string {
		if s == "" {
			return "—"
		}
		if !code {
			return s
		}
		parts := strings.Split(s, ", ")
		for i, p := range parts {
			parts[i] = "`" + p + "`"
		}
		return strings.Join(parts, ", ")
	}
	for _, s := range Table {
		b.WriteString("| " + cell(s.Env, true) + " | " + cell(s.Key, true) + " | " + s.Field + " | " + s.Rule + " |\n")
	}
	return b.String()
}
