package reports

import "github.com/danish-eval/evaluate/models/results"

// statesSection is the retention page with competing exits: the state
// occupation figure with its risk table, the shares with their intervals
// at the configured times, and the median time in the programme.
func (d *doc) statesSection(ret *results.Retention) {
	st := d.t.states()
	d.para(st.Intro)
	if !d.allSuppressed() {
		d.figure("retention")
	}
	d.table(statesTable(d.t, ret.States, d.r.Flow.Included))
	d.para(d.medianOf(st.Median, ret.Median))
	d.suppressionNote(d.retentionHidden(ret) || statesHidden(ret.States))
}

// shareCell is "35,1 % (30,2–40,3 %)", or ".." when hidden.
func (t *Text) shareCell(share, low, high *float64) string {
	if share == nil {
		return suppressedMark
	}
	cell := Percent(t.Lang, *share, 1)
	if low != nil && high != nil {
		cell += " (" + t.intervalText(&results.Interval{Low: low, High: high}) + ")"
	}
	return cell
}

func statesHidden(rows []results.StateRow) bool {
	for _, r := range rows {
		for _, s := range r.Shares {
			if s.Share == nil {
				return true
			}
		}
	}
	return false
}
