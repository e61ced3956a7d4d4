package extract

import "strings"

// parseBool reads a yes/no cell (case-insensitive): ja/nej, yes/no, 1/0,
// sand/sandt/falsk (Danish Excel's TRUE/FALSE), true/false, and x for yes.
// isX marks the tick convention, where a blank cell means no; whether
// blanks mean no is decided for the whole column (see resolveBools).
func parseBool(s string) (v, isX, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "ja", "yes", "1", "sand", "sandt", "true":
		return true, false, true
	case "nej", "no", "0", "falsk", "false":
		return false, false, true
	case "x":
		return true, true, true
	}
	return false, false, false
}
