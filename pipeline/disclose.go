package pipeline

import (
	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/reports"
)

// Disclose applies the small-cell rule (DESIGN.md §7) to every table before
// anything is drawn or written: a hidden count, share or interval becomes
// nil (".." in the report, null in results.json), and a second cell is
// hidden wherever a total would reveal the first.
func Disclose(cfg *config.Config, r *reports.Results) (*reports.Results, error) {
	min := cfg.Disclosure.Min()
	if min <= 0 {
		return r, nil
	}
	n := discloseFlow(&r.Flow, min)
	for i := range r.Measures {
		n += hideMeasureIf(&r.Measures[i], shareIsSmall(r.Measures[i], min), min)
		if m := r.Measures[i].Missing; m != nil && models.SmallCount(*m, min) {
			r.Measures[i].Missing = nil
			n++
		}
	}
	n += discloseStrata(r, min)
	if r.Exits != nil {
		n += discloseGroup(r.Exits.Categories, min)
	}
	if r.Retention != nil {
		n += discloseRetention(r.Retention, min)
	}
	if c := r.Costs; c != nil && c.Count != nil && models.SmallCount(*c.Count, min) {
		c.Suppressed, c.Count, c.Gross, c.Net, c.GrossIntervals, c.NetIntervals = true, nil, nil, nil, nil, nil
		n++
	}
	r.Disclosure.SuppressedCells = n
	return r, nil
}

// smallCounts flags the counts to hide among cells that add up to a
// published total: the small ones, and a second one where only one is small.
func smallCounts(counts []int, min int) []bool {
	hidden := make([]bool, len(counts))
	for i, c := range counts {
		hidden[i] = models.SmallCount(c, min)
	}
	hidden, _ = models.SecondarySuppression(counts, hidden)
	return hidden
}

// discloseFlow hides small status counts; they add up to the included total.
func discloseFlow(f *reports.Flow, min int) int {
	counts := make([]int, len(f.Status))
	for i, s := range f.Status {
		counts[i] = *s.Count
	}
	hidden := smallCounts(counts, min)
	n := 0
	for i := range f.Status {
		if hidden[i] {
			f.Status[i].Count = nil
			f.Suppressed = append(f.Suppressed, f.Status[i].Status)
			n++
		}
	}
	return n
}

func shareIsSmall(m reports.Measure, min int) bool {
	return m.Count != nil && m.Denominator != nil && models.SuppressShare(*m.Count, *m.Denominator, min)
}

// hideMeasureIf blanks a measure's count, share, intervals and target.
func hideMeasureIf(m *reports.Measure, hide bool, min int) int {
	if !hide || m.Suppressed {
		return 0
	}
	m.Suppressed = true
	m.Count, m.Estimate, m.Intervals = nil, nil, nil
	if m.Denominator != nil && models.SmallCount(*m.Denominator, min) {
		m.Denominator = nil
	}
	if m.Target != nil {
		m.Target.Verdict, m.Target.Met, m.Target.PMet, m.Target.Bound = "suppressed", nil, nil, nil
	}
	return 1
}

// discloseGroup hides small shares of categories that add up to one
// population (exit categories), with secondary suppression.
func discloseGroup(ms []reports.Measure, min int) int {
	counts := make([]int, len(ms))
	hidden := make([]bool, len(ms))
	for i, m := range ms {
		if m.Count != nil {
			counts[i] = *m.Count
		}
		hidden[i] = shareIsSmall(m, min)
	}
	hidden, _ = models.SecondarySuppression(counts, hidden)
	n := 0
	for i := range ms {
		n += hideMeasureIf(&ms[i], hidden[i], min)
	}
	return n
}

// discloseStrata hides small strata and, per measure, small stratum counts;
// strata add up to the pooled figures, hence secondary suppression.
func discloseStrata(r *reports.Results, min int) int {
	if len(r.ByStratum) == 0 {
		return 0
	}
	sizes := make([]int, len(r.ByStratum))
	for s, st := range r.ByStratum {
		sizes[s] = *st.N
	}
	small := smallCounts(sizes, min)
	n := 0
	for s := range r.ByStratum {
		if small[s] {
			r.ByStratum[s].N = nil
			n++
		}
	}
	for j := range r.Measures {
		counts := make([]int, len(r.ByStratum))
		hidden := make([]bool, len(r.ByStratum))
		for s, st := range r.ByStratum {
			m := st.Measures[j]
			if m.Count != nil {
				counts[s] = *m.Count
			}
			hidden[s] = small[s] || shareIsSmall(m, min)
		}
		hidden, _ = models.SecondarySuppression(counts, hidden)
		for s := range r.ByStratum {
			n += hideMeasureIf(&r.ByStratum[s].Measures[j], hidden[s], min)
		}
	}
	return n
}

// discloseRetention hides points whose cumulative exits or number still at
// risk rest on a few people.
func discloseRetention(ret *reports.Retention, min int) int {
	n := hidePoints(ret.Points, min)
	ret.Curve = coarsenCurve(ret.Curve, min)
	for i := range ret.ByStratum {
		n += hidePoints(ret.ByStratum[i].Points, min)
		ret.ByStratum[i].Curve = coarsenCurve(ret.ByStratum[i].Curve, min)
	}
	for i := range ret.Incidence {
		n += hidePoints(ret.Incidence[i].Points, min)
		ret.Incidence[i].Curve = coarsenCurve(ret.Incidence[i].Curve, min)
	}
	return n
}

// coarsenCurve keeps a drawn curve from showing what a few people did: a
// step is drawn only once at least min exits have gathered since the last
// one (the estimate there is exact; it just drops later, in one step), and
// the curve ends where fewer than min people are still at risk.
func coarsenCurve(pts []reports.CurvePoint, min int) []reports.CurvePoint {
	var out []reports.CurvePoint
	pending := 0
	for _, p := range pts {
		if p.NRisk < min {
			break
		}
		pending += p.NEvent
		if p.NEvent > 0 && pending < min {
			continue
		}
		if p.NEvent > 0 {
			pending = 0
		}
		out = append(out, p)
	}
	return out
}

func hidePoints(pts []reports.RetentionPoint, min int) int {
	n := 0
	for i := range pts {
		p := &pts[i]
		smallRisk := p.NRisk != nil && models.SmallCount(*p.NRisk, min)
		smallEvents := p.NEvent != nil && models.SmallCount(*p.NEvent, min)
		if smallRisk {
			p.NRisk = nil
		}
		if smallRisk || smallEvents {
			p.NEvent, p.Surv, p.Low, p.High = nil, nil, nil, nil
			n++
		}
	}
	return n
}
