package restbind

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// FuzzHeaderList: a list a client writes into one header reads back as the
// same list, whatever its values hold (commas, quotes, backslashes, bytes
// that are not UTF-8), and no header value a server sends makes the reader
// panic. Values are what HTTP lets a header hold (no control bytes but tab),
// trimmed as HTTP trims them: leading and trailing blanks are not part of a
// header list value, and an empty value is no value.
func FuzzHeaderList(f *testing.F) {
	for _, s := range []string{"a\x00b,c", `"quoted, with comma"` + "\x00" + `back\slash`, "a\x00\"\x00,", "\xff\xfe\x00x", "Mon, 16 Dec 2019 23:48:18 GMT", "\u2006"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		SplitHeaderList(s, false)
		SplitHeaderList(s, true)
		if strings.ContainsFunc(s, func(r rune) bool { return r != 0 && r != '\t' && (r < 0x20 || r == 0x7f) }) {
			return
		}
		var vs []string
		for _, v := range strings.Split(s, "\x00") {
			if v = strings.Trim(v, " \t"); v != "" {
				vs = append(vs, v)
			}
		}
		if len(vs) == 0 {
			return
		}
		joined := HeaderList(vs)
		if got := SplitHeaderList(joined, false); !slices.Equal(got, vs) {
			t.Fatalf("SplitHeaderList(HeaderList(%q)) = %q (header %q)", vs, got, joined)
		}
	})
}

// FuzzTimestamps: a timestamp written in any of the three formats reads
// back as the same instant, at the millisecond precision the formats keep
// (http-date keeps seconds).
func FuzzTimestamps(f *testing.F) {
	f.Add(int64(1576540098), int64(0))
	f.Add(int64(-1), int64(999_999_999))
	f.Add(int64(253402300799), int64(123_000_000))
	f.Fuzz(func(t *testing.T, sec, nsec int64) {
		// Years 0001 through 9999: what RFC 3339 and RFC 1123 can spell.
		if sec < -62135596800 || sec > 253402300799 || nsec < 0 || nsec > 999_999_999 {
			return
		}
		tm := time.Unix(sec, nsec).UTC()
		for _, format := range []string{DateTime, EpochSeconds, HTTPDate} {
			want := tm.Truncate(time.Millisecond)
			if format == HTTPDate {
				want = tm.Truncate(time.Second)
			}
			s := FormatTime(tm, format)
			got, err := ParseTime(s, format)
			if format == EpochSeconds {
				// Epoch seconds go through a float64: beyond about 2^53 ms
				// the millisecond is not exact.
				if err != nil || got.Sub(want).Abs() > time.Millisecond {
					t.Fatalf("%s: %s read back as %v, %v; want %v", format, s, got, err, want)
				}
				continue
			}
			if err != nil || !got.Equal(want) {
				t.Fatalf("%s: %s read back as %v, %v; want %v", format, s, got, err, want)
			}
		}
	})
}
