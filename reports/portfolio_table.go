package reports

// portfolioTable compares the programmes' headline measures, one row each.
func portfolioTable(t *Text, p *Portfolio) Table {
	// The programme's column is wide enough for a long word of a title
	// ("Hjemmeaktivering,") to stay whole when the title wraps.
	tb := Table{Sheet: t.PortfolioTitle, Caption: t.Msg("portfolioTable.caption"), Columns: []Column{{Head: t.Programme, Kind: ColText, Width: 0.22, Align: 'L'},
		{Head: t.Period, Kind: ColText, Width: 0.14, Align: 'L'}, {Head: capitalize(t.Started), Kind: ColCount, Width: 0.11, Align: 'R'},
		{Head: t.Measure, Kind: ColText, Width: 0.22, Align: 'L'}, {Head: t.Count, Kind: ColFraction, Of: t.N, Width: 0.1, Align: 'R'},
		{Head: t.Share, Kind: ColShare, Width: 0.08, Align: 'R'}, {Head: t.Interval, Kind: ColInterval, Width: 0.13, Align: 'R'}}}
	for _, pr := range p.Programmes {
		started := pr.Started
		row := []Cell{TextCell(pr.Title), TextCell(pr.period(t.Lang)), CountCell(&started), TextCell(pr.Definition)}
		tb.Rows = append(tb.Rows, append(row, measureCells(pr.Measure)...))
	}
	return tb
}
