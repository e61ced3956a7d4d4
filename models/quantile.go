package models

import (
	"fmt"
	"math"
)

// QuantileRule names how a bootstrap quantile is read from the sorted
// replicates. The zero value is BootNormInter, R boot's rule.
type QuantileRule int

const (
	// BootNormInter is R boot's norm.inter (boot 1.3-28.1; Davison and
	// Hinkley 1997, eq. 5.8): the order statistic of rank (B+1)α; between
	// ranks k and k+1 it interpolates linearly in Φ⁻¹(rank/(B+1)); rank < 1
	// gives the smallest and rank ≥ B the largest replicate ("extreme order
	// statistics used as endpoints"). At B = 9999 and α = 0.025 the rank 250
	// is whole.
	BootNormInter QuantileRule = iota
	// Linear is numpy.percentile's default (method "linear", as
	// scipy.stats.bootstrap 1.10): position (B−1)α counted from 0, linear
	// interpolation between its neighbours.
	Linear
)

// String returns the rule's name in results.json: "boot" or "linear".
func (q QuantileRule) String() string {
	switch q {
	case BootNormInter:
		return "boot"
	case Linear:
		return "linear"
	}
	return fmt.Sprintf("QuantileRule(%d)", int(q))
}

// ParseQuantileRule reads "boot" or "linear".
func ParseQuantileRule(s string) (QuantileRule, error) {
	switch s {
	case "boot":
		return BootNormInter, nil
	case "linear":
		return Linear, nil
	}
	return 0, fmt.Errorf("models: unknown quantile rule %q (want boot or linear)", s)
}

// Quantile returns the alpha quantile of sorted (ascending, finite, not
// empty) under the rule, and whether an extreme order statistic had to be
// used (R's warning; never for Linear). It panics on an empty slice
// (programmer error).
func (q QuantileRule) Quantile(sorted []float64, alpha float64) (v float64, extreme bool) {
	if len(sorted) == 0 {
		panic("models: Quantile of no values")
	}
	if q == Linear {
		return linearQuantile(sorted, alpha), false
	}
	return normInter(sorted, alpha)
}

// normInter is R boot's norm.inter for one alpha on sorted t.
func normInter(t []float64, alpha float64) (float64, bool) {
	n := len(t)
	rk := float64(n+1) * alpha
	extreme := !(rk > 1 && rk < float64(n))
	k := math.Trunc(rk)
	switch {
	case k <= 0:
		return t[0], extreme
	case k >= float64(n):
		return t[n-1], extreme
	case k == rk:
		return t[int(k)-1], extreme
	}
	ki := int(k)
	z := normalQuantile(alpha)
	zk := normalQuantile(k / float64(n+1))
	zk1 := normalQuantile((k + 1) / float64(n+1))
	tk, tk1 := t[ki-1], t[ki]
	return tk + (z-zk)/(zk1-zk)*(tk1-tk), extreme
}

// linearQuantile is numpy.percentile(t, 100·alpha) (numpy 1.24, method
// "linear"): virtual index n·α + (1 − α) − 1, clipped to [0, n−1], and
// numpy's lerp (a + (b−a)·γ, or b − (b−a)(1−γ) when γ ≥ ½).
func linearQuantile(t []float64, alpha float64) float64 {
	n := len(t)
	pos := float64(n)*alpha + (1 - alpha) - 1
	if pos <= 0 {
		return t[0]
	}
	if pos >= float64(n-1) {
		return t[n-1]
	}
	lo := math.Floor(pos)
	g := pos - lo
	a, b := t[int(lo)], t[int(lo)+1]
	d := b - a
	if g >= 0.5 {
		return b - d*(1-g)
	}
	return a + d*g
}
