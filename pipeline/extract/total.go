package extract

import "strings"

// totalLabels are what a sum row under the data says in its text cells.
var totalLabels = []string{"i alt", "ialt", "total", "totalt", "sum", "samlet", "in total", "grand total"}

// IsTotalLabel reports whether a cell's text labels a sum row ("I alt",
// "Total:"): the data supplier's sum, not a person. The pipeline and
// `evaluate init` both skip such rows, by this one list.
func IsTotalLabel(s string) bool {
	s = strings.ToLower(strings.Trim(strings.TrimSpace(s), ":."))
	for _, l := range totalLabels {
		if s == l {
			return true
		}
	}
	return false
}
