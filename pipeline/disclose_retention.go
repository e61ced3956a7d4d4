package pipeline

import (
	"fmt"

	"github.com/danish-eval/evaluate/reports"
)

// retentionCells records the risk tables: at each configured time, the
// people still at risk (time ≥ t) and the cumulative exits (time ≤ t), in
// total and per stratum, with the sums over strata. Differences between
// times (exits and censoring in between) are found by the ledger itself,
// as differences of nested sets.
func (b *cellBook) retentionCells(c *Cohort, ret *reports.Retention) {
	if ret == nil {
		return
	}
	event := statusIndex(c, ret.Event)
	var sums [][]int // per cell of the total table: it, then its strata
	for _, id := range b.pointCells(c, ret.Points, everyone, event, "", costRiskTotal) {
		sums = append(sums, []int{id})
	}
	for s := range ret.ByStratum {
		st := &ret.ByStratum[s]
		cells := b.pointCells(c, st.Points, inStratum(s), event, " in "+st.Stratum, costRiskStratum)
		for k := range cells {
			sums[k] = append(sums[k], cells[k])
		}
	}
	for k := range ret.Incidence {
		inc := &ret.Incidence[k]
		b.pointCells(c, inc.Points, everyone, statusIndex(c, inc.Exit), " ("+inc.Exit+")", costRiskTotal)
	}
	for _, rel := range sums {
		if len(rel) > 1 {
			b.l.Partition(rel[0], rel[1:]...)
		}
	}
}

// pointCells records one risk table's cells: at time i, out[2i] is the
// at-risk cell and out[2i+1] the exits cell.
func (b *cellBook) pointCells(c *Cohort, pts []reports.RetentionPoint, w who, event int, where string, cost int) []int {
	var out []int
	for k := range pts {
		pt := &pts[k]
		t := pt.T
		risk := b.set(c, 0, func(i int, p Person) bool { return w(i, p) && p.Weeks >= t })
		exits := b.set(c, 0, func(i int, p Person) bool { return w(i, p) && p.Status == event && p.Weeks <= t })
		r := b.publish(risk, pt.NRisk, fmt.Sprintf("at risk week %g%s", t, where), cost, func() {
			pt.NRisk, pt.Surv, pt.Low, pt.High = nil, nil, nil, nil
		})
		e := b.publish(exits, pt.NEvent, fmt.Sprintf("exits by week %g%s", t, where), cost, func() {
			pt.NEvent, pt.Surv, pt.Low, pt.High = nil, nil, nil, nil
		})
		out = append(out, r, e)
	}
	return out
}
