package ini

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Environment variables that move the shared files and pick the profile.
const (
	EnvConfigFile      = "AWS_CONFIG_FILE"
	EnvCredentialsFile = "AWS_SHARED_CREDENTIALS_FILE"
	EnvProfile         = "AWS_PROFILE"
	DefaultProfile     = "default"
)

// DefaultConfigFiles returns $AWS_CONFIG_FILE or ~/.aws/config. Without a
// home directory (containers, CI) it returns none rather than failing: the
// environment may hold everything needed.
func DefaultConfigFiles() []string { return defaultFile(EnvConfigFile, "config") }

// DefaultCredentialsFiles returns $AWS_SHARED_CREDENTIALS_FILE or
// ~/.aws/credentials, or none without a home directory.
func DefaultCredentialsFiles() []string { return defaultFile(EnvCredentialsFile, "credentials") }

func defaultFile(env, name string) []string {
	if p := os.Getenv(env); p != "" {
		return []string{expandHome(p)}
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return nil
	}
	return []string{filepath.Join(home, ".aws", name)}
}

func expandHome(p string) string {
	if rest, ok := strings.CutPrefix(p, "~"); ok && (rest == "" || rest[0] == '/' || rest[0] == filepath.Separator) {
		if home, err := os.UserHomeDir(); err == nil {
			return home + rest
		}
	}
	return p
}

// Value is a profile setting and where it was read, for error messages.
type Value struct {
	Value string
	File  string
	Line  int
}

// Profile is one named profile merged from the shared files.
type Profile struct {
	Name   string
	Found  bool // some file had a section for it
	values map[string]Value
	// services holds the sub-properties of the [services NAME] section the
	// profile's "services" key names: service key → setting → value.
	services map[string]map[string]Value
}

// Service returns a setting of one service in the profile's services
// section, e.g. Service("appstream", "endpoint_url").
func (p Profile) Service(service, key string) (Value, bool) {
	v, ok := p.services[strings.ToLower(service)][strings.ToLower(key)]
	return v, ok
}

// Get returns a setting (key in any case).
func (p Profile) Get(key string) (Value, bool) {
	v, ok := p.values[strings.ToLower(key)]
	return v, ok
}

// String returns a setting's value, "" if unset.
func (p Profile) String(key string) string {
	v, _ := p.Get(key)
	return v.Value
}

// LoadProfile reads profile name from the config files ("[profile name]",
// or "[default]" for the default profile) and the credentials files
// ("[name]"). Later files override earlier ones and credentials files
// override config files, as in the AWS CLI. Missing files are skipped;
// malformed ones are an error naming file and line.
func LoadProfile(configFiles, credentialsFiles []string, name string) (Profile, error) {
	p := Profile{Name: name, values: map[string]Value{}}
	configs := make([]*File, 0, len(configFiles))
	for _, path := range configFiles {
		f, err := p.merge(path, configSectionNames(name))
		if err != nil {
			return p, err
		}
		configs = append(configs, f)
	}
	for _, path := range credentialsFiles {
		if _, err := p.merge(path, []string{name}); err != nil {
			return p, err
		}
	}
	// The services section lives in the config files only, as in the CLI.
	if sv := strings.TrimSpace(p.String("services")); sv != "" {
		for _, f := range configs {
			if f == nil {
				continue
			}
			for _, secName := range f.SectionNames() {
				if !matchesSection(secName, []string{"services " + sv}) {
					continue
				}
				sec, _ := f.Section(secName)
				for _, svc := range sec.Keys() {
					prop, _ := sec.Property(svc)
					if p.services == nil {
						p.services = map[string]map[string]Value{}
					}
					if p.services[svc] == nil {
						p.services[svc] = map[string]Value{}
					}
					for k, v := range prop.Sub {
						p.services[svc][k] = Value{Value: v, File: f.Name, Line: prop.Line}
					}
				}
			}
		}
	}
	return p, nil
}

// configSectionNames lists the config-file sections of a profile, weakest
// first: the default profile may be written either way.
func configSectionNames(name string) []string {
	if name == DefaultProfile {
		return []string{"default", "profile default"}
	}
	return []string{"profile " + name}
}

func (p *Profile) merge(path string, sections []string) (*File, error) {
	f, err := ParseFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		var pe *ParseError
		var nr *NotRegularError
		if errors.As(err, &pe) || errors.As(err, &nr) {
			return nil, err
		}
		return nil, fmt.Errorf("reading shared file %s: %w", path, err)
	}
	for _, name := range f.SectionNames() {
		if !matchesSection(name, sections) {
			continue
		}
		p.Found = true
		s, _ := f.Section(name)
		for _, k := range s.Keys() {
			prop, _ := s.Property(k)
			p.values[k] = Value{Value: prop.Value, File: path, Line: prop.Line}
		}
	}
	return f, nil
}

// matchesSection compares section names with runs of space folded, so
// "[profile   dev]" is profile dev.
func matchesSection(name string, want []string) bool {
	folded := strings.Join(strings.Fields(name), " ")
	for _, w := range want {
		if folded == w {
			return true
		}
	}
	return false
}

// LoadSSOSession reads the "[sso-session name]" section of the config
// files, later files overriding earlier ones. Found is false when no file
// has it.
func LoadSSOSession(configFiles []string, name string) (Profile, error) {
	p := Profile{Name: name, values: map[string]Value{}}
	for _, path := range configFiles {
		if _, err := p.merge(path, []string{"sso-session " + strings.Join(strings.Fields(name), " ")}); err != nil {
			return p, err
		}
	}
	return p, nil
}
