package extract

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Excel day 0 as Unix seconds: serials count days from 1899-12-30 (1900
// system, from serial 61 on) or 1904-01-01 (1904 system).
const (
	unix1899_12_30 = -2209161600
	unix1904_01_01 = -2082844800
	msPerDay       = 86400000
	maxSerial      = 2958466 // 10000-01-01: Excel's last date is 9999-12-31
)

// Text years outside this range are typos, not dates of an employment
// programme; rejecting them keeps "0202-01-01" from passing as a date.
const minYear, maxYear = 1000, 2199

// firstYear is the earliest year a participant's date can have; an earlier
// date is read, then refused with its own reason (typeDate).
const firstYear = 1900

// serialDate converts an Excel serial to a time. The 1900 system keeps
// Lotus 1-2-3's fictitious 1900-02-29 (serial 60): serials below it are
// one day later than the plain count from 1899-12-30, and 60 itself is no
// date. Serials below 1 are times without a date. ok is false for both.
func serialDate(v float64, date1904 bool) (t time.Time, ok bool) {
	if math.IsNaN(v) || v >= maxSerial {
		return time.Time{}, false
	}
	base := int64(unix1899_12_30)
	switch {
	case date1904:
		if v < 0 {
			return time.Time{}, false
		}
		base = unix1904_01_01
	case v < 1 || (v >= 60 && v < 61):
		return time.Time{}, false
	case v < 60:
		base += 86400
	}
	// Round to the millisecond: Excel stores times as binary fractions of
	// a day, so 13:45 comes back as 0.572916666…; ms is Excel's own precision.
	ms := int64(math.Round(v * msPerDay))
	return time.UnixMilli(base*1000 + ms).UTC(), true
}

// isSerialText reports whether a text date is a bare Excel serial: five
// digits (1927-05-18 to 2173-10-14) with an optional fraction. Shorter or
// longer numbers ("2020", "20200131") are far more likely a year or a
// packed date than a serial, so they are errors rather than guesses.
func isSerialText(s string) bool {
	i := strings.IndexByte(s, '.')
	if i < 0 {
		i = len(s)
	} else if i == len(s)-1 || !allDigits(s[i+1:]) {
		return false
	}
	return i == 5 && s[0] != '0' && allDigits(s[:i])
}

// parseDateText reads a date written as text: ISO yyyy-mm-dd (optionally
// with a time), Danish day-first d-m-yyyy with '-', '.' or '/' (the same
// both times), two-digit years, or a bare five-digit serial. A day that
// does not exist (31-02-2020) is an error, never moved to another day.
func parseDateText(s string, date1904 bool) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if isSerialText(s) {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return time.Time{}, false
		}
		return serialDate(v, date1904)
	}
	datePart, timePart := s, ""
	if i := strings.IndexAny(s, "T "); i >= 0 {
		datePart, timePart = s[:i], strings.TrimSpace(s[i+1:])
	}
	y, m, d, ok := splitDate(datePart)
	if !ok || y < minYear || y > maxYear || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return time.Time{}, false
	}
	hh, mm, ss, ns, ok := parseClock(timePart)
	if !ok {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), d, hh, mm, ss, ns, time.UTC), true
}

// splitDate splits yyyy-mm-dd or d-m-y(yyy) into numbers. Only an ISO
// date starts with four digits, so the order is never guessed.
func splitDate(s string) (y, m, d int, ok bool) {
	var part [3]int
	var size [3]int
	var sep byte
	k := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if size[k] == 4 {
				return 0, 0, 0, false
			}
			part[k] = part[k]*10 + int(c-'0')
			size[k]++
		case (c == '-' || c == '.' || c == '/') && k < 2 && size[k] > 0 && (sep == 0 || sep == c):
			sep = c
			k++
		default:
			return 0, 0, 0, false
		}
	}
	if k != 2 || size[2] == 0 {
		return 0, 0, 0, false
	}
	switch {
	case size[0] == 4 && sep == '-' && size[1] == 2 && size[2] == 2:
		return part[0], part[1], part[2], true
	case size[0] > 2 || size[1] > 2:
		return 0, 0, 0, false
	case size[2] == 4:
		return part[2], part[1], part[0], true
	case size[2] == 2:
		return pivotYear(part[2]), part[1], part[0], true
	}
	return 0, 0, 0, false
}

// pivotYear follows POSIX strptime %y: 00-68 are 2000-2068, 69-99 are
// 1969-1999. A fixed pivot keeps results independent of today's date.
func pivotYear(yy int) int {
	if yy <= 68 {
		return 2000 + yy
	}
	return 1900 + yy
}

// parseClock reads "", hh:mm, hh:mm:ss or hh:mm:ss.fff, with an optional
// trailing Z (Excel's t="d" cells are ISO 8601 in UTC).
func parseClock(s string) (hh, mm, ss, ns int, ok bool) {
	s = strings.TrimSuffix(s, "Z")
	if s == "" {
		return 0, 0, 0, 0, true
	}
	frac := ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		s, frac = s[:i], s[i+1:]
		if frac == "" || len(frac) > 9 || !allDigits(frac) {
			return 0, 0, 0, 0, false
		}
	}
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 || (frac != "" && len(parts) != 3) {
		return 0, 0, 0, 0, false
	}
	var v [3]int
	for i, p := range parts {
		if len(p) != 2 || !allDigits(p) {
			return 0, 0, 0, 0, false
		}
		v[i], _ = strconv.Atoi(p)
	}
	if v[0] > 23 || v[1] > 59 || v[2] > 59 {
		return 0, 0, 0, 0, false
	}
	if frac != "" {
		n, _ := strconv.Atoi((frac + "000000000")[:9])
		ns = n
	}
	return v[0], v[1], v[2], ns, true
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
