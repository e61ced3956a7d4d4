package reports

import (
	"fmt"

	"github.com/danish-eval/evaluate/models/results"
)

// horizonsPage: for each measure with an event date (at:), the share who
// had reached it by each horizon, people censored at their follow-up end,
// as a curve and a table.
func (d *doc) horizonsPage() {
	ms := horizonMeasures(d.r)
	if len(ms) == 0 || d.allSuppressed() {
		return
	}
	t := d.t
	d.newPage("horizons", t.Msg("Horizons"))
	if ms[0].Horizons.FollowupField != "" {
		d.para(t.Msg("HorizonsIntroOwn"))
	} else {
		d.para(t.Msg("HorizonsIntro"))
	}
	d.figure("horizons")
	tb := horizonsTable(t, ms)
	d.table(tb)
	d.suppressionNote(tableHidden(tb))
}

// horizonMeasures are the measures with horizons.
func horizonMeasures(r *results.Results) []results.Measure {
	var out []results.Measure
	for _, m := range r.Measures {
		if m.Horizons != nil && len(m.Horizons.Points) > 0 {
			out = append(out, m)
		}
	}
	return out
}

// horizonsTable: a row per measure and horizon: those followed beyond it
// without the event, those who reached it by then, and the share with its
// interval (a note where no one was followed that long).
func horizonsTable(t *Text, ms []results.Measure) Table {
	tb := Table{Sheet: t.Msg("Horizons"), Caption: t.Msg("HorizonsCaption"), Columns: []Column{{Head: t.Measure, Kind: ColText, Width: 0.3, Align: 'L'},
		{Head: capitalize(t.Weeks), Kind: ColWeeks, Width: 0.1, Align: 'R'},
		{Head: t.Msg("HorizonFollowed"), Kind: ColCount, Width: 0.16, Align: 'R'},
		{Head: t.Msg("HorizonReached"), Kind: ColCount, Width: 0.1, Align: 'R'},
		{Head: t.Share, Kind: ColShareInterval, Width: 0.34, Align: 'R'}}}
	for _, m := range ms {
		h := m.Horizons
		for k, p := range h.Points {
			label := Cell{}
			switch k {
			case 0:
				label = TextCell(m.Label)
			case 1:
				label = IndentCell(fmt.Sprintf(t.Msg("HorizonBase"), t.Msg("HorizonAxisX."+h.From), t.Population(m.Among), t.count(h.N)))
			}
			share := Cell{V: p.Incidence, Low: p.Low, High: p.High}
			if p.Incidence == nil && p.Note != "" && p.NRisk != nil {
				share = Cell{Kind: ColText, Text: t.Msg("HorizonNoOne")}
			}
			tb.Rows = append(tb.Rows, []Cell{label, WeeksCell(p.Weeks), CountCell(p.NRisk), CountCell(p.NEvent), share})
		}
	}
	return tb
}

// horizonsFigure draws each measure's cumulative incidence with its band,
// the horizons marked.
func horizonsFigure(r *results.Results, t *Text) (Figure, error) {
	ms := horizonMeasures(r)
	if len(ms) == 0 || allHidden(r) {
		return nil, nil
	}
	d := RetentionData{Labels: Labels{Lang: t.Lang, X: t.Msg("HorizonAxisX." + ms[0].Horizons.From), Y: t.Msg("HorizonAxisY")},
		BandLabel: t.Interval}
	for _, p := range ms[0].Horizons.Points {
		d.Times = append(d.Times, p.Weeks)
	}
	for _, m := range ms {
		c := KMCurve{Suppressed: m.Horizons.N == nil, T: []float64{0}, S: []float64{0}, Low: []float64{0}, High: []float64{0}}
		if len(ms) > 1 {
			c.Name = m.Label
		}
		for _, p := range m.Horizons.Curve {
			if p.T == 0 {
				c.T, c.S, c.Low, c.High = c.T[:0], c.S[:0], c.Low[:0], c.High[:0]
			}
			c.T, c.S, c.Low, c.High = append(c.T, p.T), append(c.S, p.S), append(c.Low, p.Low), append(c.High, p.High)
		}
		d.Curves = append(d.Curves, c)
	}
	return NewRetentionCurve(d)
}

func horizonsAlt(r *results.Results, t *Text) string {
	return fmt.Sprintf(t.Msg("HorizonsAlt"), len(horizonMeasures(r)))
}
