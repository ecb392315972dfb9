package awsxml

import "time"

// num parses n decimal digits at s[i:].
func num(s []byte, i, n int) (int, bool) {
	if i+n > len(s) {
		return 0, false
	}
	v := 0
	for _, c := range s[i : i+n] {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// fraction parses ".ddd…" at s[i:] into nanoseconds (digits past the ninth
// are dropped) and returns the index after it.
func fraction(s []byte, i int) (ns, next int, ok bool) {
	if i >= len(s) || s[i] != '.' {
		return 0, i, true
	}
	i++
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		if digits < 9 {
			ns = ns*10 + int(s[i]-'0')
			digits++
		}
		i++
	}
	if digits == 0 {
		return 0, i, false
	}
	for ; digits < 9; digits++ {
		ns *= 10
	}
	return ns, i, true
}

func parseDateTime(s []byte) (time.Time, bool) {
	// 2006-01-02T15:04:05[.frac](Z|±hh:mm)
	if len(s) < 20 || s[4] != '-' || s[7] != '-' || s[13] != ':' || s[16] != ':' ||
		(s[10] != 'T' && s[10] != 't' && s[10] != ' ') {
		return time.Time{}, false
	}
	year, ok1 := num(s, 0, 4)
	month, ok2 := num(s, 5, 2)
	day, ok3 := num(s, 8, 2)
	hour, ok4 := num(s, 11, 2)
	minute, ok5 := num(s, 14, 2)
	sec, ok6 := num(s, 17, 2)
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || month < 1 || month > 12 ||
		day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	ns, i, ok := fraction(s, 19)
	if !ok || i >= len(s) {
		return time.Time{}, false
	}
	offset := 0
	switch s[i] {
	case 'Z', 'z':
		i++
	case '+', '-':
		oh, okh := num(s, i+1, 2)
		om, okm := num(s, i+4, 2)
		if !okh || !okm || s[i+3] != ':' || oh > 23 || om > 59 {
			return time.Time{}, false
		}
		offset = (oh*60 + om) * 60
		if s[i] == '-' {
			offset = -offset
		}
		i += 6
	default:
		return time.Time{}, false
	}
	if i != len(s) {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, ns, time.UTC)
	return t.Add(-time.Duration(offset) * time.Second), true
}

var (
	weekdays = [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
	months   = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
)

func parseHTTPDate(s []byte) (time.Time, bool) {
	// Mon, 02 Jan 2006 15:04:05[.frac] GMT
	if len(s) < 29 || s[3] != ',' || s[4] != ' ' || s[7] != ' ' || s[11] != ' ' ||
		s[16] != ' ' || s[19] != ':' || s[22] != ':' {
		return time.Time{}, false
	}
	wd := -1
	for i, w := range weekdays {
		if string(s[0:3]) == w {
			wd = i
		}
	}
	month := 0
	for i, m := range months {
		if string(s[8:11]) == m {
			month = i + 1
		}
	}
	day, ok1 := num(s, 5, 2)
	year, ok2 := num(s, 12, 4)
	hour, ok3 := num(s, 17, 2)
	minute, ok4 := num(s, 20, 2)
	sec, ok5 := num(s, 23, 2)
	if wd < 0 || month == 0 || !(ok1 && ok2 && ok3 && ok4 && ok5) ||
		day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	ns, i, ok := fraction(s, 25)
	if !ok || string(s[i:]) != " GMT" {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, ns, time.UTC)
	if int(t.Weekday()) != wd {
		return time.Time{}, false
	}
	return t, true
}
