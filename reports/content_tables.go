package reports

import (
	"fmt"

	"github.com/danish-eval/evaluate/models/results"
)

// flowTable accounts for every row read: excluded by reason (those that
// excluded any), included by status.
func flowTable(t *Text, f results.Flow) Table {
	tb := Table{Sheet: t.Flow, Columns: []Column{{Head: t.Reason, Kind: ColText, Width: 0.7, Align: 'L'},
		{Head: t.Rows, Kind: ColCount, Width: 0.3, Align: 'R'}}}
	read, included := f.RowsRead, f.Included
	tb.Caption = fmt.Sprintf(t.Msg("flowTable.caption"), Int(t.Lang, read))
	tb.Rows = append(tb.Rows, []Cell{TextCell(capitalize(t.RowsRead)), CountCell(&read)})
	// Only the reasons that excluded a row (results.json lists every one).
	for _, e := range f.Excluded {
		if n := e.Count; n > 0 {
			tb.Rows = append(tb.Rows, []Cell{IndentCell(t.Excluded + ": " + t.ReasonText(e.Reason)), CountCell(&n)})
		}
	}
	if len(tb.Rows) == 1 {
		none := 0
		tb.Rows = append(tb.Rows, []Cell{IndentCell(t.Excluded), CountCell(&none)})
	}
	tb.Bold = map[int]bool{0: true, len(tb.Rows): true}
	tb.Rows = append(tb.Rows, []Cell{TextCell(capitalize(t.Included)), CountCell(&included)})
	for _, s := range f.Status {
		tb.Rows = append(tb.Rows, []Cell{IndentCell(t.Status(s.Status)), CountCell(s.Count)})
	}
	return tb
}

// retentionTable is the risk table of the retention page: the state
// occupation with competing exits, else the Kaplan-Meier table. Its base
// is everyone who started, n.
func retentionTable(t *Text, ret *results.Retention, n int) Table {
	if len(ret.States) > 0 {
		return statesTable(t, ret.States, n)
	}
	tb := Table{Sheet: t.Retention, Caption: fmt.Sprintf(t.Msg("retentionTable.caption"), Int(t.Lang, n)), Columns: []Column{
		{Head: capitalize(t.Weeks), Kind: ColWeeks, Width: 0.12, Align: 'R'},
		{Head: capitalize(t.AtRisk), Kind: ColCount, Width: 0.2, Align: 'R'},
		{Head: capitalize(t.LeftBy(ret.Event)), Kind: ColCount, Width: 0.24, Align: 'R'},
		{Head: t.StillIn, Kind: ColShare, Width: 0.2, Align: 'R'},
		{Head: t.Interval, Kind: ColInterval, Width: 0.24, Align: 'R'}}}
	for _, p := range ret.Points {
		row := []Cell{WeeksCell(p.T), CountCell(p.NRisk), CountCell(p.NEvent), ShareCell(p.Surv), IntervalCell(p.Low, p.High)}
		if p.Note != "" {
			row[3], row[4] = TextCell(t.NoOneAtRisk), Cell{None: true}
		}
		tb.Rows = append(tb.Rows, row)
	}
	return tb
}

// statesTable: the share in each state, with its interval (and, in
// results.xlsx, the count it rests on), by each configured week, among
// the n who started.
func statesTable(t *Text, rows []results.StateRow, n int) Table {
	tb := Table{Sheet: t.Retention, Caption: fmt.Sprintf(t.Msg("statesTable.caption"), Int(t.Lang, n)), Columns: []Column{{Head: capitalize(t.Weeks), Kind: ColWeeks, Width: 0.1, Align: 'R'}}}
	for j, s := range rows[0].Shares {
		name := t.states().InProgramme
		if j > 0 {
			name = t.Status(s.State)
		}
		tb.Columns = append(tb.Columns, Column{Head: capitalize(name), Kind: ColShareInterval, Counted: true,
			Width: 0.9 / float64(len(rows[0].Shares)), Align: 'R'})
	}
	for _, r := range rows {
		row := []Cell{WeeksCell(r.T)}
		for _, s := range r.Shares {
			row = append(row, Cell{N: s.N, V: s.Share, Low: s.Low, High: s.High})
		}
		tb.Rows = append(tb.Rows, row)
	}
	return tb
}

// strataTable: each measure in each stratum, then pooled. Two bases meet
// here, so both are named: n is everyone who started in the stratum, and
// each measure says among whom its share is counted.
func strataTable(t *Text, r *results.Results) Table {
	tb := Table{Sheet: t.ByStratum, Caption: fmt.Sprintf(t.Msg("strataTable.caption"), t.ByStratum), Columns: []Column{{Head: t.Measure, Kind: ColText, Width: 0.3, Align: 'L'},
		{Head: t.Stratum, Kind: ColText, Width: 0.22, Align: 'L'}, {Head: t.N, Kind: ColCount, Width: 0.08, Align: 'R'},
		{Head: t.Count, Kind: ColFraction, Of: t.N, Width: 0.14, Align: 'R'}, {Head: t.Share, Kind: ColShare, Width: 0.11, Align: 'R'},
		{Head: t.Interval, Kind: ColInterval, Width: 0.15, Align: 'R'}}}
	included := r.Flow.Included
	for j, m := range r.Measures {
		label := m.Label + " (" + t.Among + " " + t.Population(m.Among) + ")"
		for _, s := range r.ByStratum {
			row := []Cell{TextCell(label), TextCell(t.StratumName(s.Stratum)), CountCell(s.N)}
			tb.Rows = append(tb.Rows, append(row, measureCells(s.Measures[j])...))
		}
		row := []Cell{TextCell(label), TextCell(t.Pooled), CountCell(&included)}
		tb.Rows = append(tb.Rows, append(row, measureCells(m)...))
	}
	return tb
}

// sensitivityTable: each measure in the main analysis and in each variant.
func sensitivityTable(t *Text, r *results.Results) Table {
	tb := Table{Sheet: t.Sensitivity, Caption: t.Msg("sensitivityTable.caption"), Columns: []Column{{Head: t.Variant, Kind: ColText, Width: 0.26, Align: 'L'},
		{Head: t.Measure, Kind: ColText, Width: 0.3, Align: 'L'}, {Head: t.Count, Kind: ColFraction, Of: t.N, Width: 0.14, Align: 'R'},
		{Head: t.Share, Kind: ColShare, Width: 0.12, Align: 'R'}, {Head: t.Interval, Kind: ColInterval, Width: 0.18, Align: 'R'}}}
	for j, m := range r.Measures {
		tb.Rows = append(tb.Rows, append([]Cell{TextCell(t.MainAnalysis), TextCell(m.Label)}, measureCells(m)...))
		for _, v := range r.Sensitivity {
			if j < len(v.Measures) {
				vm := v.Measures[j]
				tb.Rows = append(tb.Rows, append([]Cell{TextCell(v.Name), TextCell(vm.Label)}, measureCells(vm)...))
			}
		}
	}
	return tb
}

// measuresTable lists each measure with its count of its population,
// share, headline interval, target and verdict (the summary and exits).
func measuresTable(t *Text, sheet string, ms []results.Measure) Table {
	tb := Table{Sheet: sheet, Caption: measuresCaption(t, sheet, ms), Columns: []Column{{Head: t.Measure, Kind: ColText, Width: 0.31, Align: 'L'},
		{Head: t.Count, Kind: ColFraction, Of: t.N, Width: 0.11, Align: 'R'}, {Head: t.Share, Kind: ColShare, Width: 0.09, Align: 'R'},
		{Head: t.Interval, Kind: ColInterval, Width: 0.16, Align: 'R'}, {Head: t.Target, Kind: ColText, Width: 0.16, Align: 'R'},
		{Head: t.Verdict, Kind: ColText, Width: 0.17, Align: 'L'}}}
	for _, m := range ms {
		row := append([]Cell{TextCell(m.Label)}, measureCells(m)...)
		tb.Rows = append(tb.Rows, append(row, TextCell(t.TargetText(m.Target)), TextCell(t.VerdictText(m.Target))))
	}
	return tb
}

// measuresCaption names the base of a table of measures: the population
// and its n when every measure shares them, else that each has its own
// (the count column then gives each base).
func measuresCaption(t *Text, title string, ms []results.Measure) string {
	if len(ms) == 0 {
		return title
	}
	among, n := ms[0].Among, ms[0].Denominator
	for _, m := range ms[1:] {
		if m.Among != among || (m.Denominator == nil) != (n == nil) || (n != nil && *m.Denominator != *n) {
			return fmt.Sprintf(t.Msg("measuresCaption.mixed"), title)
		}
	}
	return fmt.Sprintf(t.Msg("measuresCaption.common"), title, t.Population(among), t.count(n))
}

// intervalsTable: every interval method of every measure (the outcomes
// page); a method that gave no interval says why.
func intervalsTable(t *Text, ms []results.Measure) Table {
	tb := Table{Sheet: t.Msg("AllIntervals"), Caption: t.Msg("intervalsTable.caption"), Columns: []Column{{Head: t.Measure, Kind: ColText, Width: 0.38, Align: 'L'},
		{Head: capitalize(t.Method), Kind: ColText, Width: 0.27, Align: 'L'}, {Head: t.Interval, Kind: ColInterval, Width: 0.2, Align: 'R'},
		{Head: t.Share, Kind: ColShare, Width: 0.15, Align: 'R'}}}
	for _, m := range ms {
		for k, iv := range m.Intervals {
			label := ""
			if k == 0 {
				label = m.Label
			}
			ci := IntervalCell(iv.Low, iv.High)
			if iv.Low == nil && iv.Note != "" {
				ci = TextCell(iv.Note)
			}
			method := iv.Method
			if iv.Rule != "" {
				method += " (" + iv.Rule + ")"
			}
			tb.Rows = append(tb.Rows, []Cell{TextCell(label), TextCell(method), ci, ShareCell(m.Estimate)})
		}
	}
	return tb
}

// incidenceTable: the share who had left each way by each configured
// week, among the n who started.
func incidenceTable(t *Text, inc []results.Incidence, n int) Table {
	tb := Table{Sheet: t.Exits, Caption: fmt.Sprintf(t.Msg("incidenceTable.caption"), Int(t.Lang, n)), Columns: []Column{{Head: capitalize(t.Weeks), Kind: ColWeeks, Width: 0.16, Align: 'R'}}}
	for _, c := range inc {
		tb.Columns = append(tb.Columns, Column{Head: capitalize(t.Status(c.Exit)), Kind: ColShareInterval,
			Width: 0.84 / float64(len(inc)), Align: 'R'})
	}
	for i, p := range inc[0].Points {
		row := []Cell{WeeksCell(p.T)}
		for _, c := range inc {
			q := c.Points[i]
			row = append(row, Cell{V: q.Surv, Low: q.Low, High: q.High})
		}
		tb.Rows = append(tb.Rows, row)
	}
	return tb
}

// costsTable shows the saving as the calculation: who counts, the monthly
// benefit, the months, gross with its interval, deadweight, net.
func costsTable(t *Text, c *results.Costs) Table {
	tb := Table{Sheet: t.Costs, Caption: fmt.Sprintf(t.Msg("costsTable.caption"), t.count(c.Count), t.Population(c.Among)), Columns: []Column{{Head: t.Item, Kind: ColText, Width: 0.55, Align: 'L'},
		{Head: t.Value, Kind: ColMoney, Width: 0.45, Align: 'R'}}}
	monthly, months, dw := c.MonthlyBenefitDKK, c.Months, c.Deadweight
	gross, net := headlineBounds(c.GrossIntervals), headlineBounds(c.NetIntervals)
	tb.Rows = [][]Cell{
		{TextCell(t.CostsCount + " (" + t.Among + " " + t.Population(c.Among) + ")"), {Kind: ColCount, N: c.Count}},
		{TextCell(t.MonthlyBenefit), {V: &monthly}},
		{TextCell(t.Months), {Kind: ColWeeks, V: &months}},
		{TextCell(t.GrossSaving), {V: c.Gross}},
		{IndentCell(t.Interval), {Kind: ColMoneyInterval, Low: gross.Low, High: gross.High}},
		{TextCell(t.Deadweight), {Kind: ColWholePercent, V: &dw}},
		{TextCell(t.NetSaving), {V: c.Net}},
		{IndentCell(t.Interval), {Kind: ColMoneyInterval, Low: net.Low, High: net.High}},
	}
	tb.Bold = map[int]bool{3: true, 6: true}
	return tb
}

// headlineBounds is the first defined interval, or an empty one.
func headlineBounds(ivs []results.Interval) results.Interval {
	if h := results.Headline(ivs); h != nil {
		return *h
	}
	return results.Interval{}
}

// definitionsTable: the config's rules as written (the methods page).
func definitionsTable(t *Text, defs []results.Definition) Table {
	tb := Table{Sheet: t.Msg("definitionsTable.1"), Caption: t.Msg("definitionsTable.caption"), Columns: []Column{
		{Head: t.Msg("definitionsTable.2"), Kind: ColText, Width: 0.32, Align: 'L'},
		{Head: t.Msg("definitionsTable.3"), Kind: ColText, Width: 0.68, Align: 'L'}}}
	for _, def := range defs {
		tb.Rows = append(tb.Rows, []Cell{TextCell(def.Name), TextCell(def.Rule)})
	}
	return tb
}
