package pipeline

import (
	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/extract"
)

// markTotalRows names a row a total row when it was already excluded for a
// missing id or entry date, or an unreadable cell (as a sum row is), and
// one of its text cells says "I alt", "Total" …: the data supplier's sum,
// not a person, and not a problem to send back.
func markTotalRows(tab *table, reason *Reasons) {
	for i, why := range reason.All() {
		if !totalCandidate(why) {
			continue
		}
		for k, col := range tab.cols {
			if col != nil && tab.kind[k] == config.TypeText && !col.Missing[i] && extract.IsTotalLabel(col.TextAt(i)) {
				reason.set(i, results.ReasonTotalRow)
				break
			}
		}
	}
}

func totalCandidate(why results.Reason) bool {
	switch why {
	case results.ReasonMissingID, results.ReasonNoEntry, results.ReasonDate, results.ReasonNumber, results.ReasonBool:
		return true
	}
	return false
}
