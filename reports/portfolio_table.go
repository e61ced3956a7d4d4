package reports

// portfolioTable compares the programmes' headline measures, one row each.
func portfolioTable(t *Text, p *Portfolio) Table {
	tb := Table{Sheet: t.PortfolioTitle, Columns: []Column{{Head: t.Programme, Kind: ColText, Width: 0.17, Align: 'L'},
		{Head: t.Period, Kind: ColText, Width: 0.14, Align: 'L'}, {Head: capitalize(t.Started), Kind: ColCount, Width: 0.1, Align: 'R'},
		{Head: t.Measure, Kind: ColText, Width: 0.25, Align: 'L'}, {Head: t.Count, Kind: ColFraction, Of: t.N, Width: 0.1, Align: 'R'},
		{Head: t.Share, Kind: ColShare, Width: 0.09, Align: 'R'}, {Head: t.Interval, Kind: ColInterval, Width: 0.15, Align: 'R'}}}
	for _, pr := range p.Programmes {
		started := pr.Started
		row := []Cell{TextCell(pr.Title), TextCell(pr.period(t.Lang)), CountCell(&started), TextCell(pr.Definition)}
		tb.Rows = append(tb.Rows, append(row, measureCells(pr.Measure)...))
	}
	return tb
}
