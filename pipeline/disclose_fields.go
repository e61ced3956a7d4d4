package pipeline

import (
	"encoding/binary"
	"fmt"

	"github.com/danish-eval/evaluate/models/results"
)

// fieldCells records each further strata field as measureCells does the
// first: its groups' sizes adding up to the included, every measure within
// each group adding up to the pooled figure. They go into the same ledger
// as every other table, as sets of people, so that no count can be had by
// subtracting one field's published numbers from another field's, from
// the first field's or from the total.
func (b *cellBook) fieldCells(c *Cohort, counts *Counts, r *results.Results, all int) {
	for k := range r.ByStrata {
		g, f := c.More[k], &r.ByStrata[k]
		sizes := make([]int, len(f.Strata))
		by := make([][][3]int, len(r.Measures))
		for s := range f.Strata {
			st := &f.Strata[s]
			w := inGroup(g, s)
			sizes[s] = b.publish(b.set(c, w), st.N, fmt.Sprintf("%s %s", g.Field, st.Stratum), costStratumSize, func() { st.N = nil })
			for j := range st.Measures {
				m := &st.Measures[j]
				n, d, x := b.share(c, counts, j, m, w, fmt.Sprintf("measure %s in %s %s", m.ID, g.Field, st.Stratum), costStratumShare)
				by[j] = append(by[j], [3]int{n, d, x})
			}
		}
		b.l.Partition(all, sizes...)
		for j := range r.Measures {
			pooled := b.pooledShare(c, counts, j)
			for part := range 3 {
				cells := make([]int, len(by[j]))
				for s := range by[j] {
					cells[s] = by[j][s][part]
				}
				b.l.Partition(pooled[part], cells...)
			}
		}
	}
}

// pooledShare is the cells of measure j's pooled numerator, denominator
// and missing count (the sets measureCells published).
func (b *cellBook) pooledShare(c *Cohort, counts *Counts, j int) [3]int {
	num := b.set(c, func(i int, _ *Person) bool { return counts.Patterns[i]&Num(j) != 0 })
	den := b.set(c, func(i int, _ *Person) bool { return counts.Patterns[i]&Den(j) != 0 })
	miss := b.set(c, func(i int, _ *Person) bool { return counts.Undecided[i]&(1<<j) != 0 })
	return [3]int{b.l.Virtual(num, "pooled count"), b.l.Virtual(den, "pooled denominator"), b.l.Virtual(miss, "pooled missing")}
}

// fieldRetentionCells records each further field's risk tables as
// retentionCells does the first's, their cells adding up to the total
// table's at every time.
func (b *cellBook) fieldRetentionCells(c *Cohort, r *results.Results) {
	ret := r.Retention
	if ret == nil {
		return
	}
	kinds := retentionKinds(c, ret)
	for k := range r.ByStrata {
		g, f := c.More[k], &r.ByStrata[k]
		if len(f.Retention) == 0 {
			continue
		}
		sums := b.totalPointSets(c, ret.Points, kinds)
		for s := range f.Retention {
			st := &f.Retention[s]
			cells := b.pointCells(c, st.Points, inGroup(g, s), kinds, fmt.Sprintf(" in %s %s", g.Field, f.Strata[s].Stratum), costRiskStratum)
			for p := range cells {
				sums[p] = append(sums[p], cells[p])
			}
			b.windows(c, ret.Times(), inGroup(g, s), kinds)
		}
		for _, rel := range sums {
			b.l.Partition(rel[0], rel[1:]...)
		}
	}
}

// totalPointSets is the total risk table's cells (the sets pointCells
// published): at time k, [2k] at risk and [2k+1] the exits by then.
func (b *cellBook) totalPointSets(c *Cohort, pts []results.RetentionPoint, kinds []int) [][]int {
	var out [][]int
	for k := range pts {
		t := pts[k].T
		risk := b.set(c, func(_ int, p *Person) bool { return p.Weeks() > t })
		exits := b.set(c, func(_ int, p *Person) bool { return isKind(int(p.Status), kinds) && p.Weeks() <= t })
		out = append(out, []int{b.l.Virtual(risk, "at risk")}, []int{b.l.Virtual(exits, "exits")})
	}
	return out
}

// retentionKinds are the statuses the risk tables count as exits: the
// event, then each competing exit (as retentionCells).
func retentionKinds(c *Cohort, ret *results.Retention) []int {
	kinds := []int{statusIndex(c, ret.Event)}
	for k, inc := range ret.Incidence {
		if k > 0 {
			kinds = append(kinds, statusIndex(c, inc.Exit))
		}
	}
	return kinds
}

func isKind(status int, kinds []int) bool {
	for _, k := range kinds {
		if k == status {
			return true
		}
	}
	return false
}

func inGroup(g fieldGroups, s int) who {
	return func(i int, _ *Person) bool { return int(g.Codes[i]) == s }
}

// putFieldCodes writes person i's group in each further field (two bytes
// each) into a row profile, so that the ledger's row groups tell the
// fields' groups apart.
func putFieldCodes(b []byte, c *Cohort, i int) {
	for k, g := range c.More {
		binary.LittleEndian.PutUint16(b[2*k:], uint16(g.Codes[i]+1))
	}
}

// fieldCode is person i's groups in every further field as one number
// (each field has at most MaxStrata+1 groups).
func fieldCode(c *Cohort, i int) int32 {
	var code int32
	for _, g := range c.More {
		code = code*(MaxStrata+2) + int32(g.Codes[i])
	}
	return code
}

// coarsenFieldCurves coarsens each further field's curves as the first's.
func coarsenFieldCurves(r *results.Results, min int) {
	for k := range r.ByStrata {
		for s := range r.ByStrata[k].Retention {
			st := &r.ByStrata[k].Retention[s]
			st.Curve = coarsenCurve(st.Curve, min)
		}
	}
}
