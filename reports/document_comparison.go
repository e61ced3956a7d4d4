package reports

import (
	"fmt"
	"math"
	"strings"

	"github.com/danish-eval/evaluate/models/results"
)

// comparisonPage: the effect against a comparison group (config
// comparison): who was compared, the effect of each measure with its
// interval, the balance of the covariates before and after weighting,
// and what a comparison group cannot rule out.
func (d *doc) comparisonPage() {
	c := d.r.Comparison
	if c == nil {
		return
	}
	t := d.t
	d.newPage("comparison", t.Msg("Comparison"))
	d.para(fmt.Sprintf(t.Msg("ComparisonIntro"), t.Msg("ComparisonMethod."+c.Method), d.count(c.Participants), d.count(c.People)))
	d.comparisonFlow(c)
	if c.DroppedParticipants == nil || c.DroppedComparison == nil || *c.DroppedParticipants+*c.DroppedComparison > 0 {
		d.small(fmt.Sprintf(t.Msg("ComparisonDropped"), d.count(c.DroppedParticipants), d.count(c.DroppedComparison)))
	}
	tb := d.effectsTable(d.r.Effects)
	d.table(tb)
	if notes := d.effectNotes(d.r.Effects); notes != "" {
		d.small(notes)
	}
	hidden := tableHidden(tb) || d.effectsOverTime()
	d.deadweightSection(d.r.Effects)
	d.subheading(t.Msg("ComparisonBalance"))
	d.figure("love")
	d.table(balanceTable(t, d.r.Balance))
	if c.Imbalanced {
		d.para(t.Msg("ComparisonImbalanced"))
	}
	if c.Overlap != nil {
		d.subheading(t.Msg("Overlap"))
		d.para(t.Msg("OverlapIntro"))
		d.figure("overlap")
		d.table(overlapTable(t, c.Overlap))
	}
	d.para(t.Msg("ComparisonLimits"))
	d.suppressionNote(hidden)
}

// effectsTable: a row per measure with an effect: the participants'
// share, the weighted comparison share and the difference with its
// interval (in percentage points, as shares).
func (d *doc) effectsTable(effects []results.Effect) Table {
	t := d.t
	tb := Table{Sheet: t.Msg("ComparisonEffects"), Caption: t.Msg("ComparisonEffectsCaption"), Columns: []Column{{Head: t.Measure, Kind: ColText, Width: 0.34, Align: 'L'},
		{Head: t.Msg("ComparisonParticipants"), Kind: ColShare, Width: 0.17, Align: 'R'},
		{Head: t.Msg("ComparisonWeighted"), Kind: ColShare, Width: 0.17, Align: 'R'},
		{Head: t.Msg("ComparisonDifference"), Kind: ColPointsInterval, Width: 0.32, Align: 'R'}}}
	for _, e := range effects {
		if e.Note == results.NoteStatus {
			continue
		}
		diff := Cell{V: e.Difference}
		if iv := results.Headline(e.Intervals); iv != nil {
			diff.Low, diff.High = iv.Low, iv.High
		}
		tb.Rows = append(tb.Rows, []Cell{TextCell(d.measureLabel(e.Measure)), ShareCell(e.Participants.Estimate), ShareCell(e.Comparison.Estimate), diff})
	}
	return tb
}

// effectNotes names the measures without an effect because they are
// taken among a programme status.
func (d *doc) effectNotes(effects []results.Effect) string {
	var names []string
	for _, e := range effects {
		if e.Note == results.NoteStatus {
			names = append(names, d.measureLabel(e.Measure))
		}
	}
	if len(names) == 0 {
		return ""
	}
	return fmt.Sprintf(d.t.Msg("ComparisonNoEffect"), strings.Join(names, "; "))
}

// balanceTable: a row per covariate (or level): SMD before and after
// weighting and the variance ratio after.
func balanceTable(t *Text, balance []results.Balance) Table {
	tb := Table{Sheet: t.Msg("ComparisonBalance"), Columns: []Column{{Head: t.Msg("ComparisonCovariate"), Kind: ColText, Width: 0.4, Align: 'L'},
		{Head: t.Msg("ComparisonSMDBefore"), Kind: ColText, Width: 0.2, Align: 'R'},
		{Head: t.Msg("ComparisonSMDAfter"), Kind: ColText, Width: 0.2, Align: 'R'},
		{Head: t.Msg("ComparisonVarianceRatio"), Kind: ColText, Width: 0.2, Align: 'R'}}}
	for _, b := range balance {
		tb.Rows = append(tb.Rows, []Cell{TextCell(covariateLabel(t, b)), TextCell(decimalOr(t.Lang, b.SMDBefore)),
			TextCell(decimalOr(t.Lang, b.SMDAfter)), TextCell(decimalOr(t.Lang, b.VarianceRatio))})
	}
	return tb
}

// covariateLabel names a covariate ("sex=kvinde": "Køn: kvinde"; a date:
// the age at entry).
func covariateLabel(t *Text, b results.Balance) string {
	if b.Age {
		return t.Msg("AgeAtEntry")
	}
	field, level, ok := strings.Cut(b.Covariate, "=")
	if !ok {
		return capitalize(t.FieldName(field))
	}
	if level == results.RowOther { // the rare text values, merged
		level = strings.ToLower(t.Msg("DescribeRow.other"))
	}
	return capitalize(t.FieldName(field)) + ": " + t.StratumName(level)
}

// decimalOr is v with two decimals, or a dash when not defined.
func decimalOr(lang string, v *float64) string {
	if v == nil {
		return "–"
	}
	return Decimal(lang, *v, 2)
}

// loveFigure draws the balance before and after weighting.
func loveFigure(r *results.Results, t *Text) (Figure, error) {
	if r.Comparison == nil {
		return nil, nil
	}
	d := LoveData{Labels: Labels{Lang: t.Lang, X: t.Msg("LoveX")}, BeforeName: t.Msg("LoveBefore"), AfterName: t.Msg("LoveAfter")}
	for _, b := range r.Balance {
		if b.SMDBefore != nil && b.SMDAfter != nil {
			d.Rows = append(d.Rows, LoveRow{Label: covariateLabel(t, b), Before: *b.SMDBefore, After: *b.SMDAfter})
		}
	}
	if len(d.Rows) == 0 {
		return nil, nil
	}
	return NewLovePlot(d)
}

func loveAlt(r *results.Results, t *Text) string {
	worst := 0.0
	for _, b := range r.Balance {
		if b.SMDAfter != nil {
			worst = math.Max(worst, math.Abs(*b.SMDAfter))
		}
	}
	return fmt.Sprintf(t.Msg("LoveAlt"), len(r.Balance), Decimal(t.Lang, worst, 2))
}

// overlapTable: each group's propensity-score quantiles.
func overlapTable(t *Text, o *results.Overlap) Table {
	tb := Table{Sheet: t.Msg("Overlap"), Columns: []Column{{Head: t.Msg("OverlapGroup"), Kind: ColText, Width: 0.3, Align: 'L'}}}
	for _, p := range results.OverlapProbs {
		tb.Columns = append(tb.Columns, Column{Head: Percent(t.Lang, p, 0), Kind: ColText, Width: 0.14, Align: 'R'})
	}
	names := overlapGroups(t)
	for i, qs := range [][]float64{o.Participants, o.Comparison} {
		row := []Cell{TextCell(names[i])}
		for _, q := range qs {
			row = append(row, TextCell(Decimal(t.Lang, q, 2)))
		}
		tb.Rows = append(tb.Rows, row)
	}
	return tb
}

// overlapFigure draws both groups' propensity scores (ipw, nearest).
func overlapFigure(r *results.Results, t *Text) (Figure, error) {
	c := r.Comparison
	if c == nil || c.Overlap == nil {
		return nil, nil
	}
	var d OverlapData
	d.Labels = Labels{Lang: t.Lang, X: t.Msg("OverlapX")}
	names := overlapGroups(t)
	for i, qs := range [][]float64{c.Overlap.Participants, c.Overlap.Comparison} {
		row := OverlapRow{Label: names[i]}
		copy(row.Quantiles[:], qs)
		d.Rows = append(d.Rows, row)
	}
	return NewOverlapPlot(d)
}

func overlapAlt(r *results.Results, t *Text) string {
	o := r.Comparison.Overlap
	return fmt.Sprintf(t.Msg("OverlapAlt"), Decimal(t.Lang, o.Participants[2], 2), Decimal(t.Lang, o.Comparison[2], 2))
}

// overlapGroups names the two groups, participants first.
func overlapGroups(t *Text) [2]string {
	return [2]string{t.Msg("ComparisonParticipants"), t.Msg("OverlapComparison")}
}

// effectFinding is page 1's sentence on the first effect estimated
// against the comparison group ("" without one).
func (d *doc) effectFinding() string {
	if d.r.Comparison == nil {
		return ""
	}
	t := d.t
	for _, e := range d.r.Effects {
		iv := results.Headline(e.Intervals)
		if e.Difference == nil || iv == nil {
			continue
		}
		pp := func(v float64) string { return Decimal(t.Lang, 100*v, 1) }
		return fmt.Sprintf(t.Msg("EffectFinding"), d.measureLabel(e.Measure), pp(*e.Difference), t.Interval, pp(*iv.Low), pp(*iv.High))
	}
	return ""
}
