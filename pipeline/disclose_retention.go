package pipeline

import (
	"fmt"
	"math"
	"slices"

	"github.com/danish-eval/evaluate/models/results"
)

// retentionCells records the risk tables: at each configured time, the
// people still in the programme (time > t) and the cumulative exits
// (time ≤ t), in total and per stratum, with the sums over strata, and the
// windows between times: those who left in a window split into its exits
// of each kind and the censored, so "left minus exits" is a count too.
func (b *cellBook) retentionCells(c *Cohort, ret *results.Retention) {
	if ret == nil {
		return
	}
	event := statusIndex(c, ret.Event)
	kinds := []int{event} // the exits the tables count, each its own kind
	for k, inc := range ret.Incidence {
		if k > 0 {
			kinds = append(kinds, statusIndex(c, inc.Exit))
		}
	}
	// With competing exits the Kaplan-Meier is of time in the programme:
	// its exits are all kinds together.
	var sums [][]int // per cell of the total table: it, then its strata
	for _, id := range b.pointCells(c, ret.Points, everyone, kinds, "", costRiskTotal) {
		sums = append(sums, []int{id})
	}
	b.windows(c, ret.Times(), everyone, kinds)
	for s := range ret.ByStratum {
		st := &ret.ByStratum[s]
		cells := b.pointCells(c, st.Points, inStratum(s), kinds, " in "+st.Stratum, costRiskStratum)
		for k := range cells {
			sums[k] = append(sums[k], cells[k])
		}
		b.windows(c, ret.Times(), inStratum(s), kinds)
	}
	for k := range ret.Incidence {
		inc := &ret.Incidence[k]
		b.pointCells(c, inc.Points, everyone, []int{statusIndex(c, inc.Exit)}, " ("+inc.Exit+")", costRiskTotal)
	}
	for _, rel := range sums {
		if len(rel) > 1 {
			b.l.Partition(rel[0], rel[1:]...)
		}
	}
}

// pointCells records one risk table's cells: at time i, out[2i] is the
// at-risk cell and out[2i+1] the exits cell (exits of any of kinds).
func (b *cellBook) pointCells(c *Cohort, pts []results.RetentionPoint, w who, kinds []int, where string, cost int) []int {
	var out []int
	for k := range pts {
		pt := &pts[k]
		t := pt.T
		risk := b.set(c, func(i int, p *Person) bool { return w(i, p) && p.Weeks() > t })
		exits := b.set(c, func(i int, p *Person) bool { return w(i, p) && slices.Contains(kinds, int(p.Status)) && p.Weeks() <= t })
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

// windows ties a risk table's times together: the people still in at one
// time are those still in at the next plus those who left in between (the
// window), and the window splits into its exits of each kind and the
// censored; cumulative exits grow by the window's exits, and all exits by
// a time are the exits of each kind by then. The cells are the
// same sets pointCells published, so the ledger links them.
func (b *cellBook) windows(c *Cohort, times []float64, w who, kinds []int) {
	prev := b.l.Virtual(b.set(c, w), "everyone")
	lo := math.Inf(-1)
	cum := make([]int, len(kinds))
	for k, t := range times {
		in := func(p *Person) bool { return p.Weeks() > lo && p.Weeks() <= t }
		still := b.l.Virtual(b.set(c, func(i int, p *Person) bool { return w(i, p) && p.Weeks() > t }), "still in")
		win := b.l.Virtual(b.set(c, func(i int, p *Person) bool { return w(i, p) && in(p) }), fmt.Sprintf("left in window %d", k))
		b.l.Partition(prev, still, win)
		var parts, totals []int
		for e, kind := range kinds {
			ex := b.l.Virtual(b.set(c, func(i int, p *Person) bool { return w(i, p) && in(p) && int(p.Status) == kind }),
				fmt.Sprintf("exits of kind %d in window %d", e, k))
			parts = append(parts, ex)
			total := b.l.Virtual(b.set(c, func(i int, p *Person) bool { return w(i, p) && p.Weeks() <= t && int(p.Status) == kind }),
				fmt.Sprintf("exits of kind %d by window %d", e, k))
			if k > 0 {
				b.l.Partition(total, cum[e], ex)
			}
			cum[e], totals = total, append(totals, total)
		}
		b.l.Partition(win, parts...)
		if len(kinds) > 1 { // all exits by t, as the Kaplan-Meier table counts them
			all := b.l.Virtual(b.set(c, func(i int, p *Person) bool { return w(i, p) && p.Weeks() <= t && slices.Contains(kinds, int(p.Status)) }),
				fmt.Sprintf("exits of every kind by window %d", k))
			b.l.Partition(all, totals...)
		}
		prev, lo = still, t
	}
}
