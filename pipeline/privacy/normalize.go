package privacy

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s with every rune in NFKC form (full-width digits and
// punctuation become ASCII), every decimal digit of any script as an ASCII
// digit, every dash-like rune as '-' and every space-like rune (tab,
// no-break and zero-width spaces included) as ' '. Line breaks are kept:
// a number at the end of one line and another at the start of the next
// are not one number.
func Normalize(s string) string {
	if isPlainASCII(s) {
		return s
	}
	var b strings.Builder
	for _, u := range fold(s) {
		b.WriteRune(u.r)
	}
	return b.String()
}

// unit is one normalised rune and the byte offset in the original string
// of the rune it came from, so that a match can be masked in the original.
type unit struct {
	r   rune
	off int
}

// fold normalises s rune by rune (see Normalize).
func fold(s string) []unit {
	us := make([]unit, 0, len(s))
	for off, r := range s {
		if r < utf8.RuneSelf {
			us = append(us, unit{mapRune(r), off})
			continue
		}
		for _, n := range norm.NFKC.String(string(r)) {
			us = append(us, unit{mapRune(n), off})
		}
	}
	return us
}

// mapRune folds one (NFKC) rune to a digit, '-' or ' ' where it is one.
func mapRune(r rune) rune {
	switch {
	case r == '\n' || r == '\r':
		return r
	case r < utf8.RuneSelf && r != '\t' && r != '\v' && r != '\f':
		return r
	case unicode.IsDigit(r):
		return '0' + digitValue(r)
	case isDash(r):
		return '-'
	case unicode.IsSpace(r), unicode.In(r, unicode.Zs), isInvisible(r):
		return ' '
	}
	return r
}

// digitValue is the value of a Unicode decimal digit: digits come in runs
// of ten from zero, so it is the distance to the run's start.
func digitValue(r rune) rune {
	k := rune(0)
	for k < 9 && unicode.IsDigit(r-k-1) {
		k++
	}
	return k % 10
}

// isDash covers the Unicode dash punctuation (hyphen, non-breaking hyphen,
// figure dash, en and em dash, …), the minus sign and the soft hyphen.
func isDash(r rune) bool {
	return unicode.In(r, unicode.Pd) || r == '\u2212' || r == '\u00ad' || r == '\u2043' || r == '\u02d7'
}

// isInvisible covers zero-width characters a copy-paste can leave inside a
// number (zero-width space, joiners, word joiner, byte-order mark).
func isInvisible(r rune) bool {
	return (r >= '\u200b' && r <= '\u200d') || r == '\u2060' || r == '\ufeff' || r == '\u180e'
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c == '\t' || c == '\v' || c == '\f' {
			return false
		}
	}
	return true
}
