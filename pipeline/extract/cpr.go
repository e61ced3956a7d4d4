package extract

// A CPR number is ddmmyy-ssss: a birth date and a 4-digit serial, written
// with or without the dash (or a space). A value shaped like one is never
// quoted, and a non-id column holding one is refused (see DESIGN.md §5).

// isCPR reports whether the whole (trimmed) value is CPR-shaped.
// numeric marks an Excel number cell, where a leading zero is lost
// (0101901234 is stored as 101901234), so 9 digits count too.
func isCPR(s string, numeric bool) bool {
	s = trimSpaceASCII(s)
	if numeric && len(s) == 9 && allDigits(s) {
		return cprDate("0" + s[:5])
	}
	switch len(s) {
	case 10:
		return allDigits(s) && cprDate(s[:6])
	case 11:
		return (s[6] == '-' || s[6] == ' ') && allDigits(s[:6]) && allDigits(s[7:]) && cprDate(s[:6])
	}
	return false
}

// containsCPR reports whether any part of s is CPR-shaped: ten digits, or
// six and four split by a dash or space, not inside a longer digit run.
func containsCPR(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) || (i > 0 && isDigit(s[i-1])) {
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		switch {
		case j-i == 10 && cprDate(s[i:i+6]):
			return true
		case j-i == 6 && j+5 <= len(s) && (s[j] == '-' || s[j] == ' ') &&
			allDigits(s[j+1:j+5]) && (j+5 == len(s) || !isDigit(s[j+5])) && cprDate(s[i:j]):
			return true
		}
	}
	return false
}

// cprDate reports whether ddmmyy is a real day in 19yy or 20yy.
func cprDate(s string) bool {
	d := int(s[0]-'0')*10 + int(s[1]-'0')
	m := int(s[2]-'0')*10 + int(s[3]-'0')
	y := int(s[4]-'0')*10 + int(s[5]-'0')
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= daysIn(1900+y, m) || d <= daysIn(2000+y, m)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func trimSpaceASCII(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}
