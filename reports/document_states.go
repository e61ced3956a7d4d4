package reports

import "github.com/danish-eval/evaluate/models/results"

// statesSection is the retention page with competing exits: the state
// occupation figure with its risk table, the shares with their intervals
// at the configured times, and the median time in the programme.
func (d *doc) statesSection(ret *results.Retention, figs Figures) {
	st := d.t.states()
	d.para(st.Intro)
	if !d.allSuppressed() {
		d.figure(figs.Retention, 125)
	}
	d.stateTable(ret.States)
	d.para(d.medianOf(st.Median, ret.Median))
	d.suppressionNote(d.retentionHidden(ret) || statesHidden(ret.States))
}

// stateTable: the share in each state, with its interval, by each
// configured week.
func (d *doc) stateTable(rows []results.StateRow) {
	t := d.t
	tab := table{head: []string{capitalize(t.Weeks)}, widths: []float64{0.1}, align: "R"}
	for j, s := range rows[0].Shares {
		name := t.states().InProgramme
		if j > 0 {
			name = t.Status(s.State)
		}
		tab.head = append(tab.head, capitalize(name)+" ("+t.Interval+")")
		tab.widths = append(tab.widths, 0.9/float64(len(rows[0].Shares)))
		tab.align += "R"
	}
	for _, r := range rows {
		row := []string{Decimal(t.Lang, r.T, 0)}
		for _, s := range r.Shares {
			row = append(row, d.shareCell(s.Share, s.Low, s.High))
		}
		tab.rows = append(tab.rows, row)
	}
	d.table(tab)
}

// shareCell is "35,1 % (30,2–40,3 %)", or ".." when hidden.
func (d *doc) shareCell(share, low, high *float64) string {
	if share == nil {
		return suppressedMark
	}
	cell := Percent(d.t.Lang, *share, 1)
	if low != nil && high != nil {
		cell += " (" + d.intervalText(&results.Interval{Low: low, High: high}) + ")"
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
