package reports

import (
	"fmt"
	"math"

	"github.com/danish-eval/evaluate/models/results"
)

// deadweightSection recomputes the saving with the deadweight the
// comparison group measures: the share of participants who would have
// been counted anyway is the weighted comparison share over the
// participants' share, so the net saving is the effect (in people) times
// the benefit and the months, and its interval the effect's, scaled.
func (d *doc) deadweightSection(effects []results.Effect) {
	k, e := d.r.Costs, d.costsEffect(effects)
	if k == nil || k.Suppressed || k.Gross == nil {
		return
	}
	t := d.t
	d.subheading(t.Msg("DeadweightMeasured"))
	if e == nil {
		d.para(t.Msg("DeadweightNotMeasured"))
		return
	}
	p, cmp := e.Participants, e.Comparison
	if e.Difference == nil || p.Estimate == nil || cmp.Estimate == nil || *p.Estimate == 0 || p.Denominator == nil {
		d.para(t.Msg("DeadweightNotMeasured"))
		return
	}
	perPerson := k.MonthlyBenefitDKK * k.Months * float64(*p.Denominator)
	net := math.Round(*e.Difference * perPerson) // whole kroner: an estimate, not an amount paid
	tb := Table{Sheet: t.Msg("DeadweightMeasured"), Caption: fmt.Sprintf(t.Msg("DeadweightCaption"), d.measureLabel(e.Measure), Int(t.Lang, *p.Denominator)),
		Columns: []Column{{Head: t.Item, Kind: ColText, Width: 0.3, Align: 'L'}, {Head: t.Deadweight, Kind: ColWholePercent, Width: 0.14, Align: 'R'},
			{Head: t.NetSaving, Kind: ColMoney, Width: 0.2, Align: 'R'}, {Head: t.Interval, Kind: ColMoneyInterval, Width: 0.36, Align: 'R'}}}
	assumed := k.Deadweight
	tb.Rows = append(tb.Rows, []Cell{TextCell(t.Msg("DeadweightAssumed")), ShareCell(&assumed), {V: k.Net}, netInterval(k.NetIntervals)})
	measured := *cmp.Estimate / *p.Estimate
	row := []Cell{TextCell(t.Msg("DeadweightFromComparison")), ShareCell(&measured), {V: &net}, {}}
	if iv := results.Headline(e.Intervals); iv != nil && iv.Low != nil && iv.High != nil {
		lo, hi := math.Round(*iv.Low*perPerson), math.Round(*iv.High*perPerson)
		row[3] = Cell{Low: &lo, High: &hi}
	}
	tb.Rows = append(tb.Rows, row)
	d.table(tb)
	d.para(t.Msg("DeadweightExplained"))
}

func netInterval(ivs []results.Interval) Cell {
	if iv := results.Headline(ivs); iv != nil {
		return Cell{Low: iv.Low, High: iv.High}
	}
	return Cell{}
}

// costsEffect is the effect on the measure the saving counts: the measure
// whose rule and population are the saving's (by the run's definitions).
func (d *doc) costsEffect(effects []results.Effect) *results.Effect {
	rule := ""
	for _, def := range d.meta.Definitions {
		if def.Name == "costs" {
			rule = def.Rule
		}
	}
	for _, def := range d.meta.Definitions {
		if def.Rule != rule || def.Name == "costs" || rule == "" {
			continue
		}
		for i := range effects {
			if effects[i].Measure == def.Name {
				return &effects[i]
			}
		}
	}
	return nil
}
