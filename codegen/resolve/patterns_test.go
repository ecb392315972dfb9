package resolve

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestGoPattern(t *testing.T) {
	for _, c := range []struct{ in, want, match, noMatch string }{
		{`^[a-z]+$`, `^[a-z]+$`, "abc", "ABC"},
		{`^[\u0041-\u005A]+$`, `^[\x{0041}-\x{005A}]+$`, "ABC", "abc"},
		// The ARN pattern of both models: 1023 exceeds RE2's repeat limit.
		{`^arn:[A-Za-z0-9:_/+=,@.\\-]{0,1023}$`, `^arn:[A-Za-z0-9:_/+=,@.\\-]{0,1000}[A-Za-z0-9:_/+=,@.\\-]{0,23}$`, "arn:" + strings.Repeat("a", 1023), "arn:" + strings.Repeat("a", 1024)},
		{`^x{2,1500}$`, `^x{2,1500}$`, "", ""}, // not a class: left for the compile check to refuse
	} {
		got, err := goPattern(c.in)
		if c.match == "" {
			if err == nil {
				t.Errorf("%s: translated to %s, want an error", c.in, got)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("goPattern(%s) = %s, %v; want %s", c.in, got, err, c.want)
			continue
		}
		re := regexp.MustCompile(got)
		if !re.MatchString(c.match) || re.MatchString(c.noMatch) {
			t.Errorf("%s: match %q %v, no match %q %v", got, c.match, re.MatchString(c.match), c.noMatch, re.MatchString(c.noMatch))
		}
	}
	for _, ecma := range []string{`^(?!aws:).*$`, `^[a-z]*(?<!\.)$`, `^(a)\1$`} {
		_, err := goPattern(ecma)
		if err == nil || !strings.Contains(err.Error(), strconv.Quote(ecma)) {
			t.Errorf("goPattern(%s): %v, want an error quoting the pattern", ecma, err)
		}
	}
}
