package pipeline

import (
	"fmt"

	"github.com/danish-eval/evaluate/models/results"
)

// flowCells records the included total (always shown) and the statuses
// that add up to it; it returns the total's cell.
func (b *cellBook) flowCells(c *Cohort, f *results.Flow) int {
	all := b.publish(b.set(c, everyone), &f.Included, "included", costLocked, func() {})
	b.l.Lock(all)
	var parts []int
	for s := range f.Status {
		st := &f.Status[s]
		set := b.set(c, func(_ int, p *Person) bool { return int(p.Status) == s })
		parts = append(parts, b.publish(set, st.Count, "status "+st.Status, costStatus, func() { st.Count = nil }))
	}
	b.l.Partition(all, parts...)
	return all
}

// measureCells records every measure, pooled and within each stratum, with
// the sums over strata; and the stratum sizes that add up to the total.
func (b *cellBook) measureCells(c *Cohort, counts *Counts, r *results.Results, all int) {
	pooled := make([][3]int, len(r.Measures))
	for j := range r.Measures {
		m := &r.Measures[j]
		n, d, x := b.share(c, counts, j, m, everyone, "measure "+m.ID, costShare)
		pooled[j] = [3]int{n, d, x}
	}
	if len(r.ByStratum) == 0 {
		return
	}
	sizes := make([]int, len(r.ByStratum))
	by := make([][][3]int, len(r.Measures))
	for s := range r.ByStratum {
		st := &r.ByStratum[s]
		sizes[s] = b.publish(b.set(c, inStratum(s)), st.N, "stratum "+st.Stratum, costStratumSize, func() { st.N = nil })
		for j := range st.Measures {
			m := &st.Measures[j]
			label := fmt.Sprintf("measure %s in %s", m.ID, st.Stratum)
			n, d, x := b.share(c, counts, j, m, inStratum(s), label, costStratumShare)
			by[j] = append(by[j], [3]int{n, d, x})
		}
	}
	b.l.Partition(all, sizes...)
	for j := range r.Measures {
		for k := range 3 {
			parts := make([]int, len(by[j]))
			for s := range by[j] {
				parts[s] = by[j][s][k]
			}
			b.l.Partition(pooled[j][k], parts...)
		}
	}
}

// exitCells records the exit categories (first match wins, so they are
// disjoint) and their common base.
func (b *cellBook) exitCells(c *Cohort, counts *Counts, e *results.Exits) {
	if e == nil || len(counts.ExitBits) == 0 {
		return
	}
	j0 := counts.ExitBits[0]
	baseSet := b.set(c, func(i int, _ *Person) bool { return counts.Patterns[i]&Den(j0) != 0 })
	base := b.publish(baseSet, e.Denominator, "exit base", costExitBase, func() {
		e.Denominator = nil
		for k := range e.Categories {
			hideMeasure(&e.Categories[k])
		}
	})
	var parts []int
	for k, j := range counts.ExitBits {
		m := &e.Categories[k]
		n, _, _ := b.share(c, counts, j, m, everyone, "exit "+m.ID, costExitCategory)
		parts = append(parts, n)
	}
	b.l.Partition(base, parts...)
}

// costCells records who counts as a saving: the saving gives the count.
func (b *cellBook) costCells(c *Cohort, counts *Counts, k *results.Costs) {
	if k == nil || counts.CostsBit < 0 {
		return
	}
	j := counts.CostsBit
	num := b.publish(b.set(c, func(i int, _ *Person) bool { return counts.Patterns[i]&Num(j) != 0 }), k.Count,
		"saving count", costSaving, func() { hideCosts(k) })
	den := b.l.Virtual(b.set(c, func(i int, _ *Person) bool { return counts.Patterns[i]&Den(j) != 0 }), "saving base")
	b.l.Partition(den, num)
}

func hideCosts(c *results.Costs) {
	c.Suppressed, c.Count, c.Gross, c.Net, c.GrossIntervals, c.NetIntervals = true, nil, nil, nil, nil, nil
}

// variantCells records each sensitivity variant's measures over the same
// extract rows as the main cohort (or rows after it, for a variant that
// reads another file), so a variant that widens or narrows the population
// cannot give away the people it adds or drops.
func (b *cellBook) variantCells(runs []variantRun, out []results.Variant) {
	for v, run := range runs {
		for j := range out[v].Measures {
			m := &out[v].Measures[j]
			b.share(run.cohort, run.counts, j, m, everyone, fmt.Sprintf("variant %d measure %s", v+1, m.ID), costVariant)
		}
	}
}
