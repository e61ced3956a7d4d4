package models

import (
	"fmt"
	"math/rand/v2"
)

// BootstrapCells draws opts.B bootstrap replicates of the cell statistics
// stats jointly (every statistic on the same resample) and returns them with
// their observed values and BCa accelerations.
//
// Each replicate draws, per resampling group (stratum, or everything), the
// multinomial counts of the group's unit types with the group size kept —
// exactly the distribution of cell counts under resampling people (or
// clusters) with replacement within strata, as R boot(strata = ) — by
// sequential conditional binomials, then evaluates every statistic on the
// counts. Cost: O(B × (types + cells × statistics)); memory: O(B ×
// statistics) for the replicates plus O(cells) per worker, never O(B × n).
//
// Replicates are bit-identical for any Options.Workers and GOMAXPROCS (see
// ReplicateBlock). Errors: c nil or empty, no statistics, B < 1.
func BootstrapCells(c *Cells, stats []CellStatistic, opts Options) (*Replicates, error) {
	if c == nil || c.Len() == 0 {
		return nil, fmt.Errorf("models: no cells to bootstrap")
	}
	if len(stats) == 0 {
		return nil, errNoStatistics
	}
	if err := opts.check(); err != nil {
		return nil, err
	}
	t0 := make([]float64, len(stats))
	for j, s := range stats {
		t0[j] = s.Eval(c.count)
	}
	r := newReplicates(t0, opts)
	r.Strata, r.Clusters = c.design.Strata, c.design.Clusters
	r.Accel = make([]float64, len(stats))
	r.AccelWeighted = make([]float64, len(stats))
	for j, s := range stats {
		r.Accel[j], r.AccelWeighted[j] = cellAcceleration(c, s)
	}
	runBlocks(opts, func() replicateFunc {
		counts := make([]float64, c.Len())
		return func(rng *rand.Rand, b int) {
			c.draw(rng, counts)
			for j, s := range stats {
				r.T[j][b] = s.Eval(counts)
			}
		}
	})
	r.sortReplicates(opts.Workers)
	return r, nil
}

// draw fills counts with the cell counts of one replicate, every group
// from rng (the joint path: one stream for the whole replicate block).
func (c *Cells) draw(rng *rand.Rand, counts []float64) {
	clear(counts)
	for _, g := range c.groups {
		c.drawGroup(rng, g, counts, nil)
	}
}

// drawGroup adds to counts one multinomial draw of group g's types (the
// group size kept) by sequential conditional binomials in type order. The
// first binomial, whose parameters are the same in every replicate, comes
// from first when it is not nil (see firstSplitTables).
func (c *Cells) drawGroup(rng *rand.Rand, g cellGroup, counts []float64, first *binomTable) {
	left, weight := g.size, g.size
	for t := g.first; t < g.last && left > 0; t++ {
		x := left
		switch {
		case t == g.last-1:
		case t == g.first && first != nil:
			x = first.draw(rng)
		default:
			x = binomialRand(rng, left, float64(c.typeMult[t])/float64(weight))
		}
		weight -= c.typeMult[t]
		left -= x
		if x == 0 {
			continue
		}
		for e := c.typeStart[t]; e < c.typeStart[t+1]; e++ {
			counts[c.entCell[e]] += float64(x) * c.entN[e]
		}
	}
}
