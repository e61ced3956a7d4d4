package extract

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// normHeader gives the form headers are compared in: NFC (a Mac or a web
// form may write å as a + ring), lower case, '_' as space, runs of white
// space (including no-break space) as one space, trimmed.
func normHeader(h string) string {
	h = norm.NFC.String(h)
	var b strings.Builder
	b.Grow(len(h))
	space := false
	for _, r := range h {
		if r == '_' || unicode.IsSpace(r) || r == '\u00a0' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// HeaderMatches reports whether a workbook header matches a configured one.
func HeaderMatches(workbook, config string) bool {
	return normHeader(workbook) == normHeader(config)
}
