package reports

import (
	"fmt"
	"strings"

	"github.com/danish-eval/evaluate/models/results"
)

// comparisonFlow accounts for every row of both groups: rows read,
// excluded by reason, included, left out for want of a covariate, and
// compared.
func (d *doc) comparisonFlow(c *results.Comparison) {
	t, f := d.t, d.r.Flow
	tb := Table{Sheet: t.Msg("ComparisonFlow"), Caption: t.Msg("ComparisonFlowCaption"),
		Columns: []Column{{Head: t.Item, Kind: ColText, Width: 0.5, Align: 'L'},
			{Head: t.Msg("ComparisonParticipants"), Kind: ColCount, Width: 0.25, Align: 'R'},
			{Head: t.Msg("OverlapComparison"), Kind: ColCount, Width: 0.25, Align: 'R'}}}
	row := func(label Cell, p, q int) []Cell { return []Cell{label, CountCell(&p), CountCell(&q)} }
	tb.Rows = append(tb.Rows, row(TextCell(capitalize(t.RowsRead)), f.RowsRead, c.RowsRead))
	for k, e := range f.Excluded {
		other := 0
		if k < len(c.Excluded) {
			other = c.Excluded[k].Count
		}
		if e.Count > 0 || other > 0 {
			tb.Rows = append(tb.Rows, row(IndentCell(t.Excluded+": "+t.ReasonText(e.Reason)), e.Count, other))
		}
	}
	included := c.RowsRead
	for _, e := range c.Excluded {
		included -= e.Count
	}
	tb.Rows = append(tb.Rows, row(TextCell(capitalize(t.Included)), f.Included, included))
	if m := c.Missing; m != nil {
		tb.Rows = append(tb.Rows, row(IndentCell(t.Msg("ComparisonMissing")), m.Participants, m.Comparison))
	}
	tb.Rows = append(tb.Rows, []Cell{TextCell(t.Msg("ComparisonCompared")), CountCell(c.Participants), CountCell(c.People)})
	tb.Bold = map[int]bool{0: true, len(tb.Rows) - 1: true}
	d.table(tb)
	if m := c.Missing; m != nil {
		var parts []string
		for _, b := range m.ByCovariate {
			parts = append(parts, fmt.Sprintf(t.Msg("ComparisonMissingField"), d.covariateName(b.Covariate),
				Int(t.Lang, b.Participants), Int(t.Lang, b.Comparison)))
		}
		d.small(fmt.Sprintf(t.Msg("ComparisonMissingNote"), strings.Join(parts, "; ")))
	}
}

// covariateName names a covariate as the balance table does (a date:
// the age at entry).
func (d *doc) covariateName(field string) string {
	for _, b := range d.r.Balance {
		if f, _, _ := strings.Cut(b.Covariate, "="); f == field {
			return covariateLabel(d.t, results.Balance{Covariate: field, Age: b.Age})
		}
	}
	return capitalize(d.t.FieldName(field))
}

// effectsOverTime: for the measures with an event date, the difference of
// cumulative incidences at each horizon, as a figure and a table. It
// reports whether the table hides a figure.
func (d *doc) effectsOverTime() bool {
	es := overTimeEffects(d.r.Effects)
	if len(es) == 0 {
		return false
	}
	t := d.t
	d.subheading(t.Msg("EffectOverTime"))
	d.para(t.Msg("EffectOverTimeIntro"))
	d.figure("effect_time")
	tb := effectTimeTable(d, es)
	d.table(tb)
	return tableHidden(tb)
}

// overTimeEffects are the effects with horizons.
func overTimeEffects(effects []results.Effect) []results.Effect {
	var out []results.Effect
	for _, e := range effects {
		if e.OverTime != nil && len(e.OverTime.Points) > 0 {
			out = append(out, e)
		}
	}
	return out
}

// effectTimeTable: a row per measure and horizon: the participants'
// cumulative incidence, the weighted comparison's and the difference with
// its interval.
func effectTimeTable(d *doc, es []results.Effect) Table {
	t := d.t
	tb := Table{Sheet: t.Msg("EffectOverTime"), Caption: t.Msg("EffectOverTimeCaption"),
		Columns: []Column{{Head: t.Measure, Kind: ColText, Width: 0.28, Align: 'L'},
			{Head: capitalize(t.Weeks), Kind: ColWeeks, Width: 0.1, Align: 'R'},
			{Head: t.Msg("ComparisonParticipants"), Kind: ColShare, Width: 0.15, Align: 'R'},
			{Head: t.Msg("ComparisonWeighted"), Kind: ColShare, Width: 0.17, Align: 'R'},
			{Head: t.Msg("ComparisonDifference"), Kind: ColPointsInterval, Width: 0.3, Align: 'R'}}}
	for _, e := range es {
		for k, p := range e.OverTime.Points {
			label := Cell{}
			switch k {
			case 0:
				label = TextCell(d.measureLabel(e.Measure))
			case 1:
				label = IndentCell(t.Msg("HorizonAxisX." + e.OverTime.From))
			}
			diff := Cell{V: p.Difference}
			if iv := results.Headline(p.Intervals); iv != nil {
				diff.Low, diff.High = iv.Low, iv.High
			}
			row := []Cell{label, WeeksCell(p.Weeks), ShareCell(p.Participants), ShareCell(p.Comparison), diff}
			if p.Note == results.NoteNotFollowed { // not estimated: no "..", which says hidden
				row[2], row[3], row[4] = Cell{Kind: ColText}, Cell{Kind: ColText}, Cell{Kind: ColText, Text: t.Msg("HorizonNoOne")}
			}
			tb.Rows = append(tb.Rows, row)
		}
	}
	return tb
}

// effectTimeFigure draws the first measure's difference at each horizon
// with its band (hidden points left out).
func effectTimeFigure(r *results.Results, t *Text) (Figure, error) {
	es := overTimeEffects(r.Effects)
	if len(es) == 0 {
		return nil, nil
	}
	e := es[0]
	d := EffectTimeData{Labels: Labels{Lang: t.Lang, X: t.Msg("HorizonAxisX." + e.OverTime.From), Y: t.Msg("EffectOverTimeY")},
		LineName: t.Msg("EffectOverTimeLine"), BandName: t.Interval}
	band := true
	for _, p := range e.OverTime.Points {
		if p.Difference == nil {
			continue
		}
		d.Weeks, d.Diff = append(d.Weeks, p.Weeks), append(d.Diff, *p.Difference)
		iv := results.Headline(p.Intervals)
		if iv == nil || iv.Low == nil || iv.High == nil {
			band = false
			continue
		}
		d.Low, d.High = append(d.Low, *iv.Low), append(d.High, *iv.High)
	}
	if len(d.Weeks) == 0 {
		return nil, nil
	}
	if !band {
		d.Low, d.High = nil, nil
	}
	return NewEffectTimePlot(d)
}

func effectTimeAlt(r *results.Results, t *Text) string {
	e := overTimeEffects(r.Effects)[0]
	name := e.Measure
	for _, m := range r.Measures {
		if m.ID == e.Measure {
			name = m.Label
		}
	}
	return fmt.Sprintf(t.Msg("EffectOverTimeAlt"), name, len(e.OverTime.Points))
}
