package ini

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func mustParse(t *testing.T, s string) *File {
	t.Helper()
	f, err := Parse(strings.NewReader(s), "test")
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func get(t *testing.T, f *File, section, key string) string {
	t.Helper()
	s, ok := f.Section(section)
	if !ok {
		t.Fatalf("no section %q in %v", section, f.SectionNames())
	}
	v, ok := s.Get(key)
	if !ok {
		t.Fatalf("no key %q in [%s]", key, section)
	}
	return v
}

func TestSharedFileQuirks(t *testing.T) {
	f := mustParse(t, "\uFEFF# leading comment\n"+
		"; another\n"+
		"[default]\r\n"+
		"aws_access_key_id = AKID   \r\n"+
		"AWS_Secret_Access_Key=se=cr#et ; trailing comment\n"+
		"\n"+
		"[ profile  dev ]  # comment after header\n"+
		"region=eu-west-1\n"+
		"s3 =\n"+
		"  max_concurrent_requests = 20\n"+
		"\tsignature_version = s3v4\n"+
		"note = first\n"+
		"   second\n"+
		"[default]\n"+
		"region = us-east-1\n"+
		"aws_access_key_id = AKID2\n")

	if got := f.SectionNames(); strings.Join(got, "|") != "default|profile  dev" {
		t.Errorf("sections = %q", got)
	}
	if v := get(t, f, "default", "aws_access_key_id"); v != "AKID2" {
		t.Errorf("repeated section: later key should win, got %q", v)
	}
	if v := get(t, f, "default", "aws_secret_access_key"); v != "se=cr#et" {
		t.Errorf("key case / '=' in value / inline comment: got %q", v)
	}
	if v := get(t, f, "default", "region"); v != "us-east-1" {
		t.Errorf("merged section region = %q", v)
	}
	if v := get(t, f, "profile  dev", "note"); v != "first\nsecond" {
		t.Errorf("continuation = %q", v)
	}
	sec, _ := f.Section("profile  dev")
	s3, ok := sec.Property("S3")
	if !ok || s3.Value != "" || s3.Sub["max_concurrent_requests"] != "20" || s3.Sub["signature_version"] != "s3v4" {
		t.Errorf("sub-properties = %+v", s3)
	}
	if s3.Line != 9 || sec.Line != 7 {
		t.Errorf("lines: section %d, s3 %d", sec.Line, s3.Line)
	}
	if _, ok := sec.Get("missing"); ok {
		t.Error("missing key reported present")
	}
}

func TestEmptyValue(t *testing.T) {
	f := mustParse(t, "[p]\nkey =\nother = x\n")
	if v := get(t, f, "p", "key"); v != "" {
		t.Errorf("got %q", v)
	}
	if v := get(t, f, "p", "other"); v != "x" {
		t.Errorf("got %q", v)
	}
}

func TestErrorsNameFileAndLine(t *testing.T) {
	for name, tc := range map[string]struct {
		in   string
		line int
		msg  string
	}{
		"no closing bracket": {"[default]\nk = v\n[broken\n", 3, "closing"},
		"empty section":      {"[ ]\n", 1, "empty section"},
		"junk after header":  {"[a] b\n", 1, "after section"},
		"no equals":          {"[a]\nk = v\n\njust words\n", 4, "key = value"},
		"no key":             {"[a]\n= v\n", 2, "missing key"},
		"before any section": {"# c\nk = v\n", 2, "outside"},
		"bad sub-property":   {"[a]\ns3 =\n  nonsense\n", 3, "indented"},
	} {
		_, err := Parse(strings.NewReader(tc.in), "/home/u/.aws/config")
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%s: err = %v, want *ParseError", name, err)
			continue
		}
		if pe.Line != tc.line || pe.File != "/home/u/.aws/config" || !strings.Contains(pe.Msg, tc.msg) {
			t.Errorf("%s: %v, want line %d and %q", name, err, tc.line, tc.msg)
		}
		if !strings.HasPrefix(err.Error(), "/home/u/.aws/config:") {
			t.Errorf("%s: message %q does not start with the file name", name, err)
		}
	}
}

func TestParseFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "credentials")
	if err := os.WriteFile(path, []byte("[default]\naws_access_key_id=A\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := ParseFile(path)
	if err != nil || get(t, f, "default", "aws_access_key_id") != "A" || f.Name != path {
		t.Fatalf("ParseFile: %v", err)
	}
	if _, err := ParseFile(filepath.Join(t.TempDir(), "none")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"[default]\nk = v\n",
		"[profile a]\ns3 =\n  x = 1\nk = v\n  more\n",
		"# c\n[a] ; c\nk=v # c\n",
		"[",
		"\uFEFF[a]\r\nk=\r\n\tz=1\r\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		file, err := Parse(strings.NewReader(in), "fuzz")
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line < 1 {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		for _, name := range file.SectionNames() {
			s, ok := file.Section(name)
			if !ok || name == "" || name != strings.TrimSpace(name) {
				t.Fatalf("bad section %q", name)
			}
			for _, k := range s.Keys() {
				if k != strings.ToLower(k) || k == "" {
					t.Fatalf("key %q not lower-cased or empty", k)
				}
				if _, ok := s.Get(k); !ok {
					t.Fatalf("listed key %q not found", k)
				}
				// Upper-casing round-trips only for ASCII ("ſ" upper-cases to "S").
				if isASCII(k) {
					if _, ok := s.Get(strings.ToUpper(k)); !ok {
						t.Fatalf("key %q not found case-insensitively", k)
					}
				}
			}
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
