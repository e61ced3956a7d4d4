package models

import (
	"fmt"
	"math"
	"sort"
)

// Z0Rule names how BCa's bias correction z0 counts replicates tied with t0.
// The zero value is Z0Strict, R boot's rule.
type Z0Rule int

const (
	// Z0Strict: z0 = Φ⁻¹(#(t < t0) / B), ties not counted (R boot.ci).
	Z0Strict Z0Rule = iota
	// Z0Mid: z0 = Φ⁻¹((#(t < t0) + #(t ≤ t0)) / 2B), ties count one half
	// (scipy.stats.bootstrap 1.10).
	Z0Mid
)

// String returns "z0-strict" or "z0-mid".
func (z Z0Rule) String() string {
	switch z {
	case Z0Strict:
		return "z0-strict"
	case Z0Mid:
		return "z0-mid"
	}
	return fmt.Sprintf("Z0Rule(%d)", int(z))
}

// ParseZ0Rule reads "z0-strict" or "z0-mid".
func ParseZ0Rule(s string) (Z0Rule, error) {
	switch s {
	case "z0-strict":
		return Z0Strict, nil
	case "z0-mid":
		return Z0Mid, nil
	}
	return 0, fmt.Errorf("models: unknown z0 rule %q (want z0-strict or z0-mid)", s)
}

// AccelForm chooses which acceleration of Replicates BCa uses. The zero
// value is AccelUnweighted, R boot's form.
type AccelForm int

const (
	// AccelUnweighted uses Replicates.Accel: ΣL³ / (6 (ΣL²)^1.5) over all
	// units, no stratum weights (R boot.ci).
	AccelUnweighted AccelForm = iota
	// AccelWeighted uses Replicates.AccelWeighted (Efron-Tibshirani eq.
	// 15.36, scipy's multi-sample form).
	AccelWeighted
)

// BCa is the bias-corrected and accelerated interval (Efron 1987): with
// z = Φ⁻¹(α/2), Φ⁻¹(1−α/2) the endpoints are the quantiles (read by Rule) at
//
//	Φ(z0 + (z0 + z) / (1 − a (z0 + z))),
//
// z0 by the Z0 rule and a from Replicates by Accel. R boot.ci type "bca" is
// BCa{Z0Strict, BootNormInter, AccelUnweighted} (the zero value);
// scipy.stats.bootstrap 1.10 "BCa" is BCa{Z0Mid, Linear, AccelWeighted}.
//
// Not defined (Note says why) when all replicates are equal, when z0 is
// infinite (every replicate on one side of t0), when a is not finite, or when
// 1 − a(z0 + z) ≤ 0.
type BCa struct {
	Z0    Z0Rule
	Rule  QuantileRule
	Accel AccelForm
}

// Interval returns the BCa interval of statistic j. Its Rule reads
// "<quantile rule>/<z0 rule>", e.g. "boot/z0-strict".
func (m BCa) Interval(r *Replicates, j int, level float64) (Interval, error) {
	s, iv, err := bootPrepare(r, j, level, MethodBCa, m.Rule.String()+"/"+m.Z0.String())
	if err != nil || !iv.Defined {
		return iv, err
	}
	z0 := m.z0(s, r.T0[j])
	if math.IsInf(z0, 0) || math.IsNaN(z0) {
		return undefinedInterval(iv.Method, iv.Rule, level,
			"interval not computed: bias correction z0 is infinite (all replicates on one side of the estimate)"), nil
	}
	a := m.acceleration(r, j)
	if math.IsNaN(a) || math.IsInf(a, 0) {
		return undefinedInterval(iv.Method, iv.Rule, level, "interval not computed: acceleration not defined"), nil
	}
	var adj [2]float64
	for i, alpha := range [2]float64{(1 - level) / 2, (1 + level) / 2} {
		z := normalQuantile(alpha)
		d := 1 - a*(z0+z)
		if !(d > 0) {
			return undefinedInterval(iv.Method, iv.Rule, level, "interval not computed: acceleration too large"), nil
		}
		adj[i] = normalCDF(z0 + (z0+z)/d)
	}
	lo, x1 := m.Rule.Quantile(s, adj[0])
	hi, x2 := m.Rule.Quantile(s, adj[1])
	iv.Low, iv.High = lo, hi
	iv.Note = bootNote(r, j, x1 || x2)
	return iv, nil
}

// BiasCorrection returns z0 of statistic j under the rule (±Inf when every
// replicate lies on one side of t0), for reports and tests.
func (m BCa) BiasCorrection(r *Replicates, j int) (float64, error) {
	if err := r.checkColumn(j); err != nil {
		return 0, err
	}
	return m.z0(r.finiteSorted(j), r.T0[j]), nil
}

// z0 counts the sorted replicates below (and tied with) t0.
func (m BCa) z0(s []float64, t0 float64) float64 {
	below := sort.SearchFloat64s(s, t0)
	p := float64(below) / float64(len(s))
	if m.Z0 == Z0Mid {
		atOrBelow := sort.Search(len(s), func(i int) bool { return s[i] > t0 })
		p = float64(below+atOrBelow) / float64(2*len(s))
	}
	return normalQuantile(p)
}

// acceleration returns the a of statistic j in the chosen form.
func (m BCa) acceleration(r *Replicates, j int) float64 {
	acc := r.Accel
	if m.Accel == AccelWeighted {
		acc = r.AccelWeighted
	}
	if j >= len(acc) {
		return math.NaN()
	}
	return acc[j]
}
