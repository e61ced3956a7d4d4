package pipeline

import (
	"sort"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/extract"
	"github.com/danish-eval/evaluate/pipeline/privacy"
)

// rowProblems are the exclusion reasons that are a problem with the data,
// to send back; a row outside the include rule or a re-enrolment kept out
// by cohort.duplicates is the definition at work, not a problem.
var rowProblems = map[results.Reason]bool{results.ReasonTotalRow: true, results.ReasonMissingID: true,
	results.ReasonDuplicate: true, results.ReasonNoEntry: true, results.ReasonNoExit: true, results.ReasonExitBefore: true,
	results.ReasonAfterSaved: true, results.ReasonUndecided: true, results.ReasonNoStatus: true, results.ReasonStatusMiss: true}

// Problems lists every unreadable cell and every row excluded for a data
// problem, by sheet row; a total row is listed once, as a total row.
func Problems(c *Cohort, ex *extract.Extract) []results.Problem {
	sheet := privacy.Mask(ex.Sheet)
	var out []results.Problem
	for _, p := range ex.Problems {
		if p.Index >= 0 && p.Index < c.Reasons.Len() && c.Reasons.At(int(p.Index)) == results.ReasonTotalRow {
			continue
		}
		out = append(out, results.Problem{Sheet: sheet, Row: p.Row, Cell: p.Cell, Header: privacy.Mask(p.Header),
			Reason: results.Reason(p.Reason), Message: p.Message})
	}
	for i, why := range c.Reasons.All() {
		if rowProblems[why] && i < ex.RowNumbers.Len() {
			out = append(out, results.Problem{Sheet: sheet, Row: ex.RowNumbers.At(i), Reason: why})
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Row < out[b].Row })
	return out
}
