package extract

// fastDay reads the two shapes nearly every text date has, dd-mm-yyyy
// (also with . or /) and yyyy-mm-dd, straight to a day number, without
// the time.Time that parseDateText builds. ok is false for anything else,
// including a date that is not a day or is before 1900: those take the
// general path and its messages, so the result is the same either way.
func fastDay(s string) (day int32, ok bool) {
	if len(s) != 10 {
		return 0, false
	}
	var y, m, d int
	switch {
	case s[4] == '-' && s[7] == '-':
		y, ok = digits(s[0:4])
		m2, ok2 := digits(s[5:7])
		d2, ok3 := digits(s[8:10])
		m, d, ok = m2, d2, ok && ok2 && ok3
	case s[2] == s[5] && (s[2] == '-' || s[2] == '.' || s[2] == '/'):
		d, ok = digits(s[0:2])
		m2, ok2 := digits(s[3:5])
		y2, ok3 := digits(s[6:10])
		m, y, ok = m2, y2, ok && ok2 && ok3
	}
	if !ok || y < firstYear || y > maxYear || m < 1 || m > 12 || d < 1 || d > monthDays(y, m) {
		return 0, false
	}
	return daysFromCivil(y, m, d), true
}

// digits reads a run of ASCII digits.
func digits(s string) (int, bool) {
	v := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

func monthDays(y, m int) int {
	if m == 2 {
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m]
}

// daysFromCivil is the days from 1970-01-01 to a date of the proleptic
// Gregorian calendar, year ≥ 0 (H. Hinnant's days_from_civil).
func daysFromCivil(y, m, d int) int32 {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int32(era*146097 + doe - 719468)
}

// Days from 1970-01-01 back to Excel's day 0: 1899-12-30 in the 1900
// system, 1904-01-01 in the 1904 system.
const epoch1900, epoch1904 = -25569, -24107

// serialDay reads a date cell holding a whole serial (a date without a
// time, nearly every one) straight to a day number, as serialDate and
// typeDate would; ok is false for anything else, which takes that path.
func serialDay(s string, dateFmt, date1904 bool) (int32, bool) {
	if len(s) == 0 || len(s) > 7 || !(dateFmt || isSerialText(s)) {
		return 0, false
	}
	v, ok := digits(s)
	switch {
	case !ok || v >= maxSerial:
		return 0, false
	case date1904:
		return int32(epoch1904 + v), true
	case v < 1 || v == 60:
		return 0, false
	case v < 60: // before Lotus's 1900-02-29: one day later than the count
		return int32(epoch1900 + 1 + v), true
	}
	return int32(epoch1900 + v), true
}
