package models

import "math"

// designEffect returns the design effect of stat under cluster resampling:
// the variance of its linearisation when whole clusters are resampled
// within strata, divided by the same when people are (Kish's deff, with
// the bootstrap's own variance estimator in both places):
//
//	deff = Σ_s Σ_{k∈s} (U_k − Ū_s)² / Σ_s Σ_{i∈s} (u_i − ū_s)²,
//
// u_i = ∂t/∂c at person i's cell, U_k = Σ_{i∈k} u_i the cluster's sum, and
// the bars their means over the stratum's clusters resp. people. For a
// linear statistic it is exactly the ratio of the two bootstrap variances
// (resampling k_s units of a stratum with replacement adds k_s times their
// empirical variance); for a share it is that ratio to first order. It is
// 1 without clusters, and NaN when the statistic does not vary under
// person resampling (e.g. 0 of n).
func designEffect(c *Cells, stat CellStatistic) float64 {
	if !c.design.Clusters {
		return 1
	}
	u := make([]float64, c.Len())
	stat.Gradient(c.count, u)
	var vc float64
	for _, g := range c.groups {
		var sum float64
		U := make([]float64, g.last-g.first)
		for t := g.first; t < g.last; t++ {
			for e := c.typeStart[t]; e < c.typeStart[t+1]; e++ {
				U[t-g.first] += c.entN[e] * u[c.entCell[e]]
			}
			sum += float64(c.typeMult[t]) * U[t-g.first]
		}
		mean := sum / float64(g.size)
		for t := g.first; t < g.last; t++ {
			d := U[t-g.first] - mean
			vc += float64(c.typeMult[t]) * d * d
		}
	}
	vp := personVariance(c, u)
	if !(vp > 1e-300) {
		return math.NaN()
	}
	return vc / vp
}

// personVariance is Σ_s Σ_{i∈s} (u_i − ū_s)² over people, grouped by
// stratum with Design.Strata (cells are in stratum order), else pooled.
func personVariance(c *Cells, u []float64) float64 {
	var v float64
	for first := 0; first < c.Len(); {
		last := first + 1
		for last < c.Len() && (!c.design.Strata || c.stratum[last] == c.stratum[first]) {
			last++
		}
		var n, sum float64
		for j := first; j < last; j++ {
			n += c.count[j]
			sum += c.count[j] * u[j]
		}
		for j := first; j < last; j++ {
			d := u[j] - sum/n
			v += c.count[j] * d * d
		}
		first = last
	}
	return v
}
