package reports

import (
	"fmt"
	"strings"

	"github.com/danish-eval/evaluate/models/results"
)

// Figures of further strata fields are named after the registered figure
// and the field: "sites_gender" is the sites figure of field gender.
const fieldFigureSep = "_"

// fieldFigures are the registered figures each further strata field draws
// again, from the results split by that field.
var fieldFigures = []string{"sites", "retention"}

// fieldFigureName names figure base drawn for a further strata field.
func fieldFigureName(base, field string) string { return base + fieldFigureSep + field }

// figureKind is the registered figure that name draws: name itself, or
// the base of a further strata field's figure.
func figureKind(name string) string {
	for _, base := range fieldFigures {
		if strings.HasPrefix(name, base+fieldFigureSep) {
			return base
		}
	}
	return name
}

// buildFieldFigures adds each further strata field's figures to figs: the
// forest plot by group and, when the report shows retention by stratum,
// the curves by group.
func buildFieldFigures(r *results.Results, figs Figures) error {
	for k, f := range r.ByStrata {
		v := r.Field(k)
		t := textOf(v)
		for _, base := range fieldFigures {
			if base == "retention" && !retentionByGroup(v) {
				continue
			}
			spec, _ := figureByName(base)
			fig, err := spec.Build(v, t)
			if err != nil {
				return fmt.Errorf("%s figure by %s: %w", base, f.Field, err)
			}
			if fig != nil {
				figs[fieldFigureName(base, f.Field)] = fig
			}
		}
	}
	return nil
}

// retentionByGroup reports whether the retention figure shows curves by
// stratum (the Kaplan-Meier; the state occupation is drawn in total only).
func retentionByGroup(r *results.Results) bool {
	ret := r.Retention
	return ret != nil && len(ret.States) == 0 && len(ret.ByStratum) > 0
}

// moreStrataPages gives each further strata field a section of its own,
// titled by the field's label ("Resultater fordelt på køn"), as the first
// field's: the forest plot and table of the measures by group, and the
// retention curves by group where the report draws them by stratum.
func (d *doc) moreStrataPages() {
	for k, f := range d.r.ByStrata {
		sub := *d
		sub.r = d.r.Field(k)
		sub.t = textOf(sub.r)
		if sub.strataSection("strata"+fieldFigureSep+f.Field, fieldFigureName("sites", f.Field)) {
			sub.groupRetention(fieldFigureName("retention", f.Field))
		}
		d.c = sub.c
	}
}

// groupRetention adds the retention curves by group and their risk table.
func (d *doc) groupRetention(figure string) {
	if !retentionByGroup(d.r) {
		return
	}
	d.subheading(d.t.Retention)
	d.figure(figure)
	tb := retentionByGroupTable(d.t, d.r)
	d.table(tb)
	d.suppressionNote(tableHidden(tb))
}

// retentionByGroupTable: for each group and configured week, those still
// in the programme after it, those who had left by then, and the share
// still in with its interval.
func retentionByGroupTable(t *Text, r *results.Results) Table {
	ret := r.Retention
	tb := Table{Sheet: t.Retention + " – " + t.Stratum, Caption: fmt.Sprintf(t.Msg("retentionByGroup.caption"), t.Stratum),
		Columns: []Column{{Head: t.Stratum, Kind: ColText, Width: 0.24, Align: 'L'},
			{Head: capitalize(t.Weeks), Kind: ColWeeks, Width: 0.1, Align: 'R'},
			{Head: capitalize(t.AtRisk), Kind: ColCount, Width: 0.16, Align: 'R'},
			{Head: capitalize(t.LeftBy(ret.Event)), Kind: ColCount, Width: 0.2, Align: 'R'},
			{Head: t.StillIn, Kind: ColShareInterval, Width: 0.3, Align: 'R'}}}
	for s, st := range ret.ByStratum {
		for k, p := range st.Points {
			label := Cell{}
			if k == 0 {
				label = TextCell(t.StratumName(r.ByStratum[s].Stratum))
			}
			share := Cell{V: p.Surv, Low: p.Low, High: p.High}
			if p.Note != "" {
				share = TextCell(t.NoOneAtRisk)
			}
			tb.Rows = append(tb.Rows, []Cell{label, WeeksCell(p.T), CountCell(p.NRisk), CountCell(p.NEvent), share})
		}
	}
	return tb
}
