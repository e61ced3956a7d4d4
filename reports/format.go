package reports

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Number and date formats of the report languages, from the catalogue's
// Format.* keys: Danish ("da") uses "." to group thousands and "," for
// decimals; English ("en") the reverse. A language the catalogue does not
// have is formatted as English.
//
// Non-finite values format as "–" (an en dash): they must never reach a
// report, and a dash is visibly wrong without looking like a number.

const notANumber = "–"

// separators returns the thousands and decimal separators of lang.
func separators(lang string) (thousands, decimal string) {
	return message(lang, "Format.Thousands"), message(lang, "Format.Decimal")
}

// Decimal formats x with d decimals (d ≥ 0), grouping thousands:
// Decimal("da", 12963.5, 2) = "12.963,50", Decimal("en", 12963.5, 2) = "12,963.50".
// Halves round as strconv does (to the nearest representable value).
func Decimal(lang string, x float64, d int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return notANumber
	}
	if d < 0 {
		d = 0
	}
	s := strconv.FormatFloat(x, 'f', d, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	if neg && strings.Trim(intPart+frac, "0") == "" {
		neg = false // no "-0,0"
	}
	th, dec := separators(lang)
	var b strings.Builder
	if neg {
		b.WriteString("-")
	}
	b.WriteString(group(intPart, th))
	if frac != "" {
		b.WriteString(dec)
		b.WriteString(frac)
	}
	return b.String()
}

// group inserts sep between groups of three digits, from the right.
func group(digits, sep string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	first := len(digits) % 3
	if first > 0 {
		b.WriteString(digits[:first])
	}
	for i := first; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// Int formats n with thousands grouped: Int("da", 16489572) = "16.489.572",
// Int("en", 16489572) = "16,489,572".
func Int(lang string, n int) string {
	th, _ := separators(lang)
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + group(s[1:], th)
	}
	return group(s, th)
}

// Percent formats a share (0.351 means 35.1 %) as a percentage with d
// decimals and a space before the sign, as both Danish and English house
// style here require: Percent("da", 0.351, 1) = "35,1 %",
// Percent("en", 0.351, 1) = "35.1 %".
func Percent(lang string, share float64, d int) string {
	if math.IsNaN(share) || math.IsInf(share, 0) {
		return notANumber
	}
	return Decimal(lang, share*100, d) + " %"
}

// DKK formats an amount of Danish kroner: whole kroner without decimals,
// otherwise with two (øre). DKK("da", 16489572) = "16.489.572 kr.",
// DKK("en", 16489572) = "DKK 16,489,572", DKK("da", 12963.5) = "12.963,50 kr.".
func DKK(lang string, x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return notANumber
	}
	d := 2
	if math.Abs(x-math.Round(x)) < 0.005 {
		d = 0
	}
	return fmt.Sprintf(message(lang, "Format.DKK"), Decimal(lang, x, d))
}

// monthName is the name of month m (1–12) in lang.
func monthName(lang string, m time.Month) string {
	return strings.Fields(message(lang, "Format.Months"))[m-1]
}

// Month formats the month of t: "september 2017", "September 2017". A
// month, not a day: the first or last start is one person's date.
func Month(lang string, t time.Time) string {
	return fmt.Sprintf(message(lang, "Format.Month"), monthName(lang, t.Month()), t.Year())
}

// Date formats the calendar date of t (in t's location):
// Date("da", t) = "31. december 2021", Date("en", t) = "31 December 2021".
func Date(lang string, t time.Time) string {
	y, m, d := t.Date()
	return fmt.Sprintf(message(lang, "Format.Date"), d, monthName(lang, m), y)
}

// percentSpace is the space between a number and its per cent sign.
var percentSpace = regexp.MustCompile(`(\d) %`)

// keepTogether joins a number to its per cent sign with a no-break space,
// so "95 %-konfidensinterval" or "35,1 %" never breaks at the line's end
// (the PDF and the HTML page apply it as they set text).
func keepTogether(s string) string {
	return percentSpace.ReplaceAllString(s, "$1\u00a0%")
}
