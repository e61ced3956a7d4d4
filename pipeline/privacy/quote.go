package privacy

import (
	"fmt"
	"strings"
	"unicode"
)

// MaxQuote is the most characters of a cell a message quotes.
const MaxQuote = 40

// Quote shows a cell's value in a problem message, or describes it when
// the value could identify a person: personal marks a column that holds
// ids or names (type id, or a name-like header), whose cells are never
// shown; a CPR-shaped value and text that looks like a person's name are
// described too. Anything else is quoted, cut to MaxQuote characters.
// So `"31-02-2020" is not a date` is shown, but a name typed into a date
// column is "a value that looks like a name (not shown)".
func Quote(val string, personal bool) string {
	switch {
	case personal:
		return "the value (not shown: the column holds personal data)"
	case ContainsCPR(val):
		return "a CPR-shaped value"
	case LooksLikeName(val):
		return "a value that looks like a name (not shown)"
	}
	return fmt.Sprintf("%q", cut(strings.TrimSpace(val)))
}

// QuoteName quotes a file, sheet or header name for a message, its
// CPR-shaped parts masked and cut to MaxQuote characters.
func QuoteName(name string) string {
	return fmt.Sprintf("%q", cut(Mask(strings.TrimSpace(name))))
}

func cut(s string) string {
	if r := []rune(s); len(r) > MaxQuote {
		return string(r[:MaxQuote]) + "…"
	}
	return s
}

// LooksLikeName reports whether s could be a person's name: two to six
// words of letters (with '-', '\” or a final '.' or ','), each starting
// with a capital, and no digits ("Kirsten Bjerregaard", "JENSEN, HANS",
// "Anne-Mette K. Holm"). It errs towards hiding: "Jobcenter Næstved" is
// name-like too, which costs only a quote in a message.
func LooksLikeName(s string) bool {
	words := strings.Fields(Normalize(s))
	if len(words) < 2 || len(words) > 6 {
		return false
	}
	for _, w := range words {
		w = strings.TrimRight(w, ".,")
		rs := []rune(w)
		if len(rs) == 0 || !unicode.IsUpper(rs[0]) {
			return false
		}
		for _, r := range rs[1:] {
			if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '.' {
				return false
			}
		}
	}
	return true
}

// personalWords in a header mark a column of names, personal numbers or
// contact details (a caseworker's or mentor's name included).
var personalWords = []string{"navn", "name", "cpr", "personnummer", "personnr", "adresse", "address",
	"mail", "telefon", "phone", "tlf", "konsulent", "consultant", "sagsbehandler", "caseworker", "mentor"}

// NameLikeHeader reports whether a column header (or field name) says the
// column holds names, personal numbers or contact details: it contains
// one of personalWords once case, spaces, '_', '-', '.' and '/' are
// ignored ("Fulde navn", "CPR-nr.", "first_name", "Konsulent").
func NameLikeHeader(h string) bool {
	var b strings.Builder
	for _, r := range Normalize(h) {
		if !unicode.IsSpace(r) && !strings.ContainsRune("_-./", r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	key := b.String()
	for _, w := range personalWords {
		if strings.Contains(key, w) {
			return true
		}
	}
	return false
}
