package settings

import (
	"strconv"
	"strings"
)

// CredentialSource is one row of the README's credentials table: a source
// of the default chain, in the order config.LoadDefaultConfig tries them,
// the settings it reads and what to do when it fails.
type CredentialSource struct {
	Source   string
	Settings string // environment variables and profile keys, ", "-separated
	Fix      string
}

// CredentialsTable is the default chain of config.LoadDefaultConfig, as
// aws-sdk-go-v2 orders it. A profile chosen in code
// (config.WithSharedConfigProfile) skips the two environment rows.
var CredentialsTable = []CredentialSource{
	{Source: "environment keys (`EnvConfigCredentials`)",
		Settings: "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_ACCOUNT_ID",
		Fix:      "set both keys or neither (check `env`); half a pair is an error, not a fall-through"},
	{Source: "web identity from the environment (`stscreds`)",
		Settings: "AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN, AWS_ROLE_SESSION_NAME, AWS_ENDPOINT_URL_STS",
		Fix:      "the token file must be readable and fresh (EKS IRSA: the service account's `eks.amazonaws.com/role-arn` annotation); it is read again at every refresh"},
	{Source: "profile: assume role (`stscreds`)",
		Settings: "role_arn, source_profile, credential_source, external_id, role_session_name, duration_seconds, mfa_serial",
		Fix:      "`aws sts get-caller-identity --profile NAME`; the error names the profile chain (`a -> b -> a` for a cycle) and the file:line at fault; `credential_source` is `Environment`, `Ec2InstanceMetadata` or `EcsContainer`"},
	{Source: "profile: web identity (`stscreds`)",
		Settings: "web_identity_token_file, role_arn, role_session_name",
		Fix:      "as for the environment's web identity"},
	{Source: "profile: IAM Identity Center / SSO (`ssocreds`)",
		Settings: "sso_session, sso_account_id, sso_role_name, sso_region, sso_start_url, sso_registration_scopes, AWS_ENDPOINT_URL_SSO, AWS_ENDPOINT_URL_SSO_OIDC",
		Fix:      "`aws sso login --profile NAME` (the token cache is `~/.aws/sso/cache`)"},
	{Source: "profile: console login (`aws login`)",
		Settings: "login_session, AWS_LOGIN_CACHE_DIRECTORY, AWS_ENDPOINT_URL_SIGNIN",
		Fix:      "`aws login --profile NAME`"},
	{Source: "profile: credential_process (`ProcessProvider`)",
		Settings: "credential_process",
		Fix:      "run the command yourself: it must print the version 1 JSON on stdout; its stderr reaches yours, the error names the program and exit status"},
	{Source: "profile: static keys (`SharedConfigCredentials: FILE`)",
		Settings: "aws_access_key_id, aws_secret_access_key, aws_session_token, aws_account_id",
		Fix:      "`aws configure --profile NAME`; the credentials file wins over the config file"},
	{Source: "container: ECS task role, EKS Pod Identity (`CredentialsEndpointProvider`)",
		Settings: "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI, AWS_CONTAINER_CREDENTIALS_FULL_URI, AWS_CONTAINER_AUTHORIZATION_TOKEN, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
		Fix:      "ECS: give the task a task role; EKS: create the pod identity association; a full URI over http must be loopback, 169.254.170.2, 169.254.170.23 or fd00:ec2::23"},
	{Source: "EC2 instance role (`EC2RoleProvider`)",
		Settings: "AWS_EC2_METADATA_DISABLED, AWS_EC2_METADATA_SERVICE_ENDPOINT, AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE, AWS_EC2_METADATA_V1_DISABLED, ec2_metadata_service_endpoint, ec2_metadata_service_endpoint_mode, ec2_metadata_v1_disabled",
		Fix:      "attach an instance profile; in a container on EC2 a token timeout means the hop limit: `aws ec2 modify-instance-metadata-options --instance-id ID --http-put-response-hop-limit 2`; off EC2 this step fails within about a second and the error lists every source tried"},
}

// CredentialsMarkdown renders CredentialsTable as the README's table.
func CredentialsMarkdown() string {
	var b strings.Builder
	b.WriteString("| # | source (`Credentials.Source`) | environment variables and profile keys | when it fails |\n")
	b.WriteString("|---|---|---|---|\n")
	for i, s := range CredentialsTable {
		parts := strings.Split(s.Settings, ", ")
		for j, p := range parts {
			parts[j] = "`" + p + "`"
		}
		b.WriteString("| " + strconv.Itoa(i+1) + " | " + s.Source + " | " + strings.Join(parts, ", ") + " | " + s.Fix + " |\n")
	}
	return b.String()
}
