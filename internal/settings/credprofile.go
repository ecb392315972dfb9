package settings

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/internal/settings/ini"
)

// CredentialProfile is what a shared-file profile says about credentials,
// with its source_profile chain resolved. It is data only: config builds
// the providers, since those that call STS or SSO sit above the clients.
//
// The rules are aws-sdk-go-v2's: a profile with source_profile ignores its
// own keys, process, SSO and web identity settings and assumes role_arn
// with the source's credentials; a source profile that has keys stops the
// chain there, its own role_arn (if any) assumed with those keys (so a
// profile may name itself to assume a role with its own keys); a profile met a second time in a chain is read
// without its assume-role settings, and the chain fails when it then has
// no credentials of its own.
type CredentialProfile struct {
	Name  string
	Found bool

	// Keys are the static keys; KeysFile is where aws_access_key_id is.
	Keys     aws.Credentials
	KeysFile string

	RoleARN         string
	ExternalID      string
	MFASerial       string
	RoleSessionName string
	// DurationSeconds is duration_seconds, 0 when unset.
	DurationSeconds int

	SourceProfileName string
	// Source is the resolved source_profile.
	Source *CredentialProfile

	CredentialSource     string
	CredentialProcess    string
	WebIdentityTokenFile string

	SSOSessionName string
	SSOSession     *SSOSession
	SSOStartURL    string
	SSORegion      string
	SSOAccountID   string
	SSORoleName    string

	LoginSession string

	// origin says where a key was set, for errors.
	origin map[string]string
}

// SSOSession is a "[sso-session NAME]" section.
type SSOSession struct {
	Name               string
	Region             string
	StartURL           string
	RegistrationScopes string
}

// Origin is "file:line" of a key the profile set, or the profile's name.
func (p *CredentialProfile) Origin(key string) string {
	if o := p.origin[key]; o != "" {
		return o
	}
	return fmt.Sprintf("profile %q", p.Name)
}

// HasSSO reports whether the profile uses SSO, through an sso_session or
// the legacy keys.
func (p *CredentialProfile) HasSSO() bool {
	return p.SSOSessionName != "" || p.SSOStartURL != "" || p.SSORegion != "" || p.SSOAccountID != "" || p.SSORoleName != ""
}

// HasCredentials reports whether the profile describes credentials of any
// kind (v2's rule for a usable source profile).
func (p *CredentialProfile) HasCredentials() bool {
	return p.SourceProfileName != "" || p.CredentialSource != "" || p.CredentialProcess != "" ||
		p.WebIdentityTokenFile != "" || p.HasSSO() || p.Keys.HasKeys() || p.LoginSession != ""
}

// ProfileNotExistError is a profile that no shared file has.
type ProfileNotExistError struct {
	Profile string
	Files   []string
}

func (e *ProfileNotExistError) Error() string {
	return fmt.Sprintf("shared config profile %q not found in %s", e.Profile, strings.Join(e.Files, ", "))
}

// AssumeRoleSourceError is a role whose source profile is missing, has no
// credentials, or closes a cycle. Chain lists the profiles from the one
// asked for to the one at fault.
type AssumeRoleSourceError struct {
	Profile string // the source profile at fault
	RoleARN string
	Chain   []string
	Err     error
}

func (e *AssumeRoleSourceError) Error() string {
	chain := strings.Join(e.Chain, " -> ")
	switch {
	case e.Err != nil:
		return fmt.Sprintf("assume role %s: profile chain %s: %v", e.RoleARN, chain, e.Err)
	case len(e.Chain) > 1 && containsBefore(e.Chain, e.Profile):
		return fmt.Sprintf("assume role %s: profile chain %s is a cycle, and profile %q has no credentials of its own (give it keys, credential_process, credential_source, SSO or web identity, or break the cycle)",
			e.RoleARN, chain, e.Profile)
	}
	return fmt.Sprintf("assume role %s: profile chain %s: source profile %q has no credentials", e.RoleARN, chain, e.Profile)
}

func (e *AssumeRoleSourceError) Unwrap() error { return e.Err }

func containsBefore(chain []string, name string) bool {
	for _, c := range chain[:len(chain)-1] {
		if c == name {
			return true
		}
	}
	return false
}

// CredentialRequiresARNError is a source_profile, credential_source or
// web_identity_token_file without the role_arn it needs.
type CredentialRequiresARNError struct {
	Type    string
	Profile string
	At      string
}

func (e *CredentialRequiresARNError) Error() string {
	return fmt.Sprintf("%s: %s in profile %q requires role_arn, which the profile does not set", e.At, e.Type, e.Profile)
}

// LoadCredentialProfile reads the credential settings of the profile in
// files (already Resolve'd) and of its source profiles. A default profile
// that no file has is an empty profile, not an error.
func LoadCredentialProfile(files credentials.SharedFilesOptions) (*CredentialProfile, error) {
	return loadCredentialProfile(files, files.Profile, map[string]bool{}, nil)
}

func loadCredentialProfile(files credentials.SharedFilesOptions, name string, visited map[string]bool, chain []string) (*CredentialProfile, error) {
	prof, err := loadProfile(files.ConfigFiles, files.CredentialsFiles, name)
	if err != nil {
		return nil, err
	}
	chain = append(chain, name)
	if !prof.Found && len(chain) > 1 {
		return nil, &ProfileNotExistError{Profile: name, Files: append(append([]string(nil), files.ConfigFiles...), files.CredentialsFiles...)}
	}
	p, err := parseCredentialProfile(prof)
	if err != nil {
		return nil, err
	}
	if visited[name] {
		// Met again: only its own credentials count, or a self-reference
		// with keys would loop forever.
		p.RoleARN, p.ExternalID, p.MFASerial, p.RoleSessionName, p.SourceProfileName = "", "", "", "", ""
	} else if err := p.requireARN(); err != nil {
		return nil, err
	}
	if len(visited) != 0 && p.Keys.HasKeys() {
		return p, nil
	}
	visited[name] = true
	if err := p.oneType(); err != nil {
		return nil, err
	}
	if p.SourceProfileName != "" {
		p.CredentialSource, p.CredentialProcess, p.WebIdentityTokenFile = "", "", ""
		p.Keys, p.KeysFile = aws.Credentials{}, ""
		p.SSOAccountID, p.SSORegion, p.SSORoleName, p.SSOStartURL = "", "", "", ""
		src, err := loadCredentialProfile(files, p.SourceProfileName, visited, chain)
		if err != nil {
			var ne *ProfileNotExistError
			if errors.As(err, &ne) && ne.Profile == p.SourceProfileName {
				return nil, &AssumeRoleSourceError{Profile: p.SourceProfileName, RoleARN: p.RoleARN, Chain: append(chain, p.SourceProfileName), Err: err}
			}
			return nil, err
		}
		if !src.HasCredentials() {
			return nil, &AssumeRoleSourceError{Profile: p.SourceProfileName, RoleARN: p.RoleARN, Chain: append(chain, p.SourceProfileName)}
		}
		p.Source = src
	}
	if p.SSOSessionName != "" {
		sec, err := ini.LoadSSOSession(files.ConfigFiles, p.SSOSessionName)
		if err != nil {
			return nil, err
		}
		if !sec.Found {
			return nil, fmt.Errorf("%s: sso_session %q: no [sso-session %s] section in %s", p.Origin("sso_session"), p.SSOSessionName, p.SSOSessionName, strings.Join(files.ConfigFiles, ", "))
		}
		p.SSOSession = &SSOSession{
			Name: p.SSOSessionName, Region: sec.String("sso_region"), StartURL: sec.String("sso_start_url"),
			RegistrationScopes: sec.String("sso_registration_scopes"),
		}
	}
	return p, nil
}

func parseCredentialProfile(prof ini.Profile) (*CredentialProfile, error) {
	p := &CredentialProfile{Name: prof.Name, Found: prof.Found, origin: map[string]string{}}
	get := func(key string) string {
		v, ok := prof.Get(key)
		if !ok {
			return ""
		}
		p.origin[key] = fmt.Sprintf("%s:%d", v.File, v.Line)
		return strings.TrimSpace(v.Value)
	}
	id, secret := get("aws_access_key_id"), get("aws_secret_access_key")
	if id != "" && secret != "" {
		v, _ := prof.Get("aws_access_key_id")
		p.KeysFile = v.File
		p.Keys = aws.Credentials{
			AccessKeyID: id, SecretAccessKey: secret,
			SessionToken: get("aws_session_token"), AccountID: get("aws_account_id"),
			Source: "SharedConfigCredentials: " + v.File,
		}
	}
	p.RoleARN = get("role_arn")
	p.ExternalID = get("external_id")
	p.MFASerial = get("mfa_serial")
	p.RoleSessionName = get("role_session_name")
	if d := get("duration_seconds"); d != "" {
		n, err := strconv.Atoi(d)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%s: duration_seconds: %q is not a positive integer", p.Origin("duration_seconds"), d)
		}
		p.DurationSeconds = n
	}
	p.SourceProfileName = get("source_profile")
	p.CredentialSource = get("credential_source")
	switch p.CredentialSource {
	case "", "Environment", "Ec2InstanceMetadata", "EcsContainer":
	default:
		return nil, fmt.Errorf("%s: credential_source: %q is not Environment, Ec2InstanceMetadata or EcsContainer", p.Origin("credential_source"), p.CredentialSource)
	}
	p.CredentialProcess = get("credential_process")
	p.WebIdentityTokenFile = get("web_identity_token_file")
	p.SSOSessionName = get("sso_session")
	p.SSOStartURL = get("sso_start_url")
	p.SSORegion = get("sso_region")
	p.SSOAccountID = get("sso_account_id")
	p.SSORoleName = get("sso_role_name")
	p.LoginSession = get("login_session")
	return p, nil
}

func (p *CredentialProfile) requireARN() error {
	var key string
	switch {
	case p.SourceProfileName != "":
		key = "source_profile"
	case p.CredentialSource != "":
		key = "credential_source"
	case p.WebIdentityTokenFile != "":
		key = "web_identity_token_file"
	}
	if key != "" && p.RoleARN == "" {
		return &CredentialRequiresARNError{Type: key, Profile: p.Name, At: p.Origin(key)}
	}
	return nil
}

func (p *CredentialProfile) oneType() error {
	var set []string
	for _, kv := range [][2]string{
		{"source_profile", p.SourceProfileName}, {"credential_source", p.CredentialSource},
		{"credential_process", p.CredentialProcess}, {"web_identity_token_file", p.WebIdentityTokenFile},
	} {
		if kv[1] != "" {
			set = append(set, kv[0])
		}
	}
	if len(set) > 1 {
		return fmt.Errorf("profile %q sets %s: only one of source_profile, credential_source, credential_process and web_identity_token_file may be set", p.Name, strings.Join(set, " and "))
	}
	return nil
}

// ValidateSSO checks the SSO settings the way v2 does before building the
// provider: an sso_session needs its section's sso_region and
// sso_start_url (and the profile's own copies, if any, must agree); the
// legacy form needs all four keys.
func (p *CredentialProfile) ValidateSSO() error {
	var missing []string
	if p.SSOSessionName != "" {
		s := p.SSOSession
		if s.Region == "" {
			missing = append(missing, "sso_region")
		}
		if s.StartURL == "" {
			missing = append(missing, "sso_start_url")
		}
		if len(missing) == 0 {
			if p.SSORegion != "" && p.SSORegion != s.Region {
				return fmt.Errorf("%s: sso_region in profile %q must match sso_region in [sso-session %s]", p.Origin("sso_region"), p.Name, s.Name)
			}
			if p.SSOStartURL != "" && p.SSOStartURL != s.StartURL {
				return fmt.Errorf("%s: sso_start_url in profile %q must match sso_start_url in [sso-session %s]", p.Origin("sso_start_url"), p.Name, s.Name)
			}
			return nil
		}
		return fmt.Errorf("profile %q uses [sso-session %s], which lacks %s", p.Name, s.Name, strings.Join(missing, ", "))
	}
	for _, kv := range [][2]string{{"sso_region", p.SSORegion}, {"sso_start_url", p.SSOStartURL}, {"sso_account_id", p.SSOAccountID}, {"sso_role_name", p.SSORoleName}} {
		if kv[1] == "" {
			missing = append(missing, kv[0])
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("profile %q is configured for SSO but lacks %s", p.Name, strings.Join(missing, ", "))
	}
	return nil
}
