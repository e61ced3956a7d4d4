package extract

import (
	"strconv"
	"strings"
)

// parseNumber reads a number written as text. The comma is always the
// decimal mark (Danish); dots, spaces and no-break spaces may group
// thousands in threes (1.234.567,5 or 1 234,5). A single dot with no comma
// is a decimal point (12.5), except in the one ambiguous shape
// [1-9]dd?.ddd (1.234), which Danish reads as 1234 and English as 1.234:
// then v is the thousands reading and ambiguous is true, and the column as
// a whole decides (see resolveAmbiguous). Exponents, currency and percent
// signs are not numbers here: such cells are problems, not guesses.
func parseNumber(s string) (v float64, ambiguous, ok bool) {
	s = strings.TrimSpace(s)
	neg := false
	switch {
	case strings.HasPrefix(s, "-"), strings.HasPrefix(s, "+"):
		neg, s = s[0] == '-', s[1:]
	case strings.HasPrefix(s, "\u2212"): // minus sign, as typed by Word and Mac users
		neg, s = true, s[len("\u2212"):]
	}
	intPart, frac, hasComma := strings.Cut(s, ",")
	if hasComma && (frac == "" || !allDigits(frac)) {
		return 0, false, false
	}
	var digits string
	switch {
	case hasComma:
		digits, ok = ungroup(intPart, true)
	case strings.Count(s, ".") == 1 && !isGroupedOnce(s):
		intPart, frac, _ = strings.Cut(s, ".")
		if frac == "" || !allDigits(frac) || (intPart != "" && !allDigits(intPart)) {
			return 0, false, false
		}
		digits, ok = intPart, true
	default:
		ambiguous = isGroupedOnce(s)
		digits, ok = ungroup(s, false)
	}
	if !ok {
		return 0, false, false
	}
	if digits == "" {
		digits = "0"
	}
	if frac != "" { // joined on the stack: a decimal in every row must not cost an allocation
		var buf [64]byte
		digits = string(append(append(append(buf[:0], digits...), '.'), frac...))
	}
	v, err := strconv.ParseFloat(digits, 64)
	if err != nil {
		return 0, false, false
	}
	if neg {
		v = -v
	}
	return v, ambiguous, true
}

// isGroupedOnce reports the ambiguous shape: 1-3 digits not starting with
// 0, one dot, exactly three digits ("0.123" and "1234.5" are decimals).
func isGroupedOnce(s string) bool {
	i := strings.IndexByte(s, '.')
	return i >= 1 && i <= 3 && s[0] != '0' && len(s)-i-1 == 3 &&
		allDigits(s[:i]) && allDigits(s[i+1:])
}

// ungroup removes thousands separators from an integer part, requiring
// one separator kind and groups of exactly three after the first group.
// An empty integer part is allowed before a comma (",5").
func ungroup(s string, emptyOK bool) (string, bool) {
	if s == "" {
		return "", emptyOK
	}
	if allDigits(s) {
		return s, true
	}
	sep := ""
	for _, c := range []string{".", " ", "\u00a0", "\u202f"} {
		if strings.Contains(s, c) {
			if sep != "" {
				return "", false
			}
			sep = c
		}
	}
	if sep == "" {
		return "", false
	}
	groups := strings.Split(s, sep)
	if len(groups[0]) < 1 || len(groups[0]) > 3 || !allDigits(groups[0]) {
		return "", false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || !allDigits(g) {
			return "", false
		}
	}
	return strings.Join(groups, ""), true
}

// plainInt reads a number of 1 to 15 ASCII digits, which parseNumber
// reads as exactly that integer with no evidence about the column's
// convention; ok is false for anything else.
func plainInt(s string) (float64, bool) {
	if len(s) == 0 || len(s) > 15 {
		return 0, false
	}
	v, ok := digits(s)
	return float64(v), ok
}
