package models

import (
	"math"
)

// Acceleration returns the BCa acceleration from empirical influence values
// L, as R boot.ci: a = ΣL³ / (6 (ΣL²)^1.5). It is NaN when every L is 0 (a
// statistic that does not move).
func Acceleration(L []float64) float64 {
	var s2, s3 float64
	for _, l := range L {
		s2 += l * l
		s3 += l * l * l
	}
	return accelRatio(s3, s2)
}

// AccelerationWeighted returns the multi-sample acceleration of influence
// values L with strata (Efron and Tibshirani 1993, eq. 15.36, as scipy):
//
//	a = Σ_s n_s⁻³ Σ_{i∈s} L_i³ / (6 (Σ_s n_s⁻² Σ_{i∈s} L_i²)^1.5),
//
// n_s the size of stratum s. With one stratum it equals Acceleration(L) up
// to rounding. It panics if len(strata) ≠ len(L) (programmer error).
func AccelerationWeighted(L []float64, strata []int) float64 {
	if len(strata) != len(L) {
		panic("models: AccelerationWeighted: slice length mismatch")
	}
	size := map[int]float64{}
	for _, s := range strata {
		size[s]++
	}
	var w2, w3 float64
	for i, l := range L {
		n := size[strata[i]]
		w2 += l * l / (n * n)
		w3 += l * l * l / (n * n * n)
	}
	return accelRatio(w3, w2)
}

// accelRatio is s3 / (6 s2^1.5), NaN when s2 = 0.
func accelRatio(s3, s2 float64) float64 {
	if !(s2 > 0) {
		return math.NaN()
	}
	return s3 / (6 * math.Pow(s2, 1.5))
}

// cellAcceleration returns the acceleration of stat on c in both forms
// (Replicates.Accel and AccelWeighted) from exact influence values.
//
// With u = ∇t at the observed counts, a resampling unit of type k (a person
// in cell j, or a cluster with cell vector v_k) has U_k = Σ_j v_kj u_j, and
// its influence value in a group of n_s units is the derivative of t with
// respect to the unit's weight when the group's weights are renormalised:
//
//	L_k = n_s (U_k − Ū_s),  Ū_s = the group mean of U.
//
// For a share k/n this gives L = x − p and a = (1 − 2p) / (6 √(np(1−p)));
// for stratified pooled completion L_i = (n_s/N)(c_i − mean_s c), R boot's
// empinf limit (reference bootstrap_strata.json, a_influence). Sums run over
// units (cells weighted by their counts), so the cost is O(types).
func cellAcceleration(c *Cells, stat CellStatistic) (a, aw float64) {
	u := make([]float64, c.Len())
	stat.Gradient(c.count, u)
	U := make([]float64, len(c.typeMult))
	for t := range U {
		for e := c.typeStart[t]; e < c.typeStart[t+1]; e++ {
			U[t] += c.entN[e] * u[c.entCell[e]]
		}
	}
	var s2, s3, w2, w3 float64
	for _, g := range c.groups {
		ns := float64(g.size)
		mean := 0.0
		for t := g.first; t < g.last; t++ {
			mean += float64(c.typeMult[t]) * U[t]
		}
		mean /= ns
		var g2, g3 float64
		for t := g.first; t < g.last; t++ {
			l := ns * (U[t] - mean)
			m := float64(c.typeMult[t])
			g2 += m * l * l
			g3 += m * l * l * l
		}
		s2, s3 = s2+g2, s3+g3
		w2, w3 = w2+g2/(ns*ns), w3+g3/(ns*ns*ns)
	}
	return accelRatio(s3, s2), accelRatio(w3, w2)
}
