package aws

// CredentialSource names where a provider's credentials come from. The
// values, their names and their order are aws-sdk-go-v2's, so that code
// reading ProviderSources (v2 reports them in its User-Agent) compiles and
// compares the same against either SDK.
type CredentialSource int

// The credential sources, in aws-sdk-go-v2's order.
const (
	CredentialSourceUndefined CredentialSource = iota
	CredentialSourceCode
	CredentialSourceEnvVars
	CredentialSourceEnvVarsSTSWebIDToken
	CredentialSourceSTSAssumeRole
	CredentialSourceSTSAssumeRoleSaml
	CredentialSourceSTSAssumeRoleWebID
	CredentialSourceSTSFederationToken
	CredentialSourceSTSSessionToken
	CredentialSourceProfile
	CredentialSourceProfileSourceProfile
	CredentialSourceProfileNamedProvider
	CredentialSourceProfileSTSWebIDToken
	CredentialSourceProfileSSO
	CredentialSourceSSO
	CredentialSourceProfileSSOLegacy
	CredentialSourceSSOLegacy
	CredentialSourceProfileProcess
	CredentialSourceProcess
	CredentialSourceHTTP
	CredentialSourceIMDS
	CredentialSourceProfileLogin
	CredentialSourceLogin
)
