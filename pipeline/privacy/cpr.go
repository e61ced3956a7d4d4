package privacy

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Masked replaces a CPR-shaped part of a name or message.
const Masked = "[CPR masked]"

// maxGap is the longest run of separators allowed between two digit groups
// of one number ("010190  -  1234" has five).
const maxGap = 5

// ContainsCPR reports whether any part of s, normalised, is CPR-shaped: 10
// digits whose first six are a date (ddmmyy), or 9 whose first five are
// one once the lost leading zero is put back, written as one run or as
// groups split by up to five of ' ', '-', '_', '/' and '.'. A digit run
// longer than 10 (a phone number with country code, an account number) is
// not a CPR number.
func ContainsCPR(s string) bool {
	if maxDigits(s) < 9 {
		return false // the common case, without allocating
	}
	return len(spans(fold(s))) > 0
}

// Mask returns s with every CPR-shaped part replaced by Masked, so that
// "010190-1234.xlsx" is printed as "[CPR masked].xlsx".
func Mask(s string) string {
	if !ContainsCPR(s) {
		return s
	}
	us := fold(s)
	var b strings.Builder
	last := 0
	for _, sp := range spans(us) {
		start, end := us[sp[0]].off, len(s)
		if sp[1] < len(us) {
			end = us[sp[1]].off
		}
		b.WriteString(s[last:start])
		b.WriteString(Masked)
		last = end
	}
	b.WriteString(s[last:])
	return b.String()
}

// spans returns the [from, to) unit ranges that are CPR-shaped.
func spans(us []unit) [][2]int {
	var found [][2]int
	for i := 0; i < len(us); {
		if !isDigit(us[i].r) {
			i++
			continue
		}
		groups, end := chain(us, i)
		for len(groups) > 0 {
			n, m, ok := cprIn(us, groups)
			if !ok {
				break
			}
			found = append(found, [2]int{groups[n][0], groups[m][1]})
			groups = groups[m+1:]
		}
		i = end
	}
	return found
}

// chain reads the digit groups from us[i] on, joined by short separator
// runs; it returns each group as [from, to) and where the chain ends.
func chain(us []unit, i int) (groups [][2]int, end int) {
	for {
		j := i
		for j < len(us) && isDigit(us[j].r) {
			j++
		}
		groups = append(groups, [2]int{i, j})
		k := j
		for k < len(us) && k-j < maxGap && isSeparator(us[k].r) {
			k++
		}
		if k == j || k == len(us) || !isDigit(us[k].r) {
			return groups, j
		}
		i = k
	}
}

// cprIn looks for consecutive groups n…m holding 10 digits whose first
// six are a date, or 9 whose first five are (a lost leading zero). The
// date must end between two groups or inside the last one, so that the
// period "2018-03-01 – 2020-03-01" is not read as 030120-2003.
func cprIn(us []unit, groups [][2]int) (n, m int, ok bool) {
	for n = range groups {
		var digits []byte
		var ends []int // len(digits) at the end of each group
		for m = n; m < len(groups) && len(digits) < 10; m++ {
			for k := groups[m][0]; k < groups[m][1]; k++ {
				digits = append(digits, byte(us[k].r))
			}
			ends = append(ends, len(digits))
			if (len(digits) == 10 && splitAt(ends, 6) && cprDate(digits[:6])) ||
				(len(digits) == 9 && splitAt(ends, 5) && cprDate(append([]byte{'0'}, digits[:5]...))) {
				return n, m, true
			}
		}
	}
	return 0, 0, false
}

// splitAt reports whether the date's end d falls at the end of a group or
// inside the last group.
func splitAt(ends []int, d int) bool {
	for _, e := range ends[:len(ends)-1] {
		if e == d {
			return true
		}
		if e > d {
			return false
		}
	}
	return true
}

// cprDate reports whether ddmmyy is a real day in 19yy or 20yy.
func cprDate(s []byte) bool {
	d := int(s[0]-'0')*10 + int(s[1]-'0')
	m := int(s[2]-'0')*10 + int(s[3]-'0')
	y := int(s[4]-'0')*10 + int(s[5]-'0')
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= daysIn(1900+y, m) || d <= daysIn(2000+y, m)
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

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isSeparator(r rune) bool {
	return r == ' ' || r == '-' || r == '_' || r == '/' || r == '.'
}

// maxDigits bounds how many digits s holds once normalised: its ASCII
// digits, and three for every other rune that is not a letter (NFKC turns
// some, such as "⑳" or "⅒", into two or three digits; no letter becomes one).
func maxDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			n++
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) {
				n += 3
			}
			i += size - 1
		}
	}
	return n
}
