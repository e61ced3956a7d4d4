package models

import (
	"math"
	"testing"
)

// TestAccelerationFromInfluenceReference builds the person-level influence
// values of bootstrap_strata.json's definitions ("a_influence": completion
// L_i = (n_s/N)(c_i − mean_s c); outcome L_i = n_s (u_i − mean_s u) / Σc,
// u_i = o_i c_i − t0 c_i) from strata_example.csv and checks Acceleration =
// a_influence and AccelerationWeighted = a_influence_weighted of the R
// boot.ci bca records ("R 4.2.2 boot 1.3-28.1 boot.ci"), to 1e-9.
func TestAccelerationFromInfluenceReference(t *testing.T) {
	ref := loadReference(t, "bootstrap_strata.json")
	units := strataUnits(t)
	N := float64(len(units))
	size, sumC, sumCS, sumUS := map[int32]float64{}, 0.0, map[int32]float64{}, map[int32]float64{}
	var sumO float64
	for _, u := range units {
		c, o := float64(u.Pattern&bitCompleted), float64(u.Pattern&bitOutcome>>1)
		size[u.Stratum]++
		sumC += c
		sumO += o * c
		sumCS[u.Stratum] += c
	}
	t0 := sumO / sumC
	uval := func(u Unit) float64 {
		c, o := float64(u.Pattern&bitCompleted), float64(u.Pattern&bitOutcome>>1)
		return o*c - t0*c
	}
	for _, u := range units {
		sumUS[u.Stratum] += uval(u)
	}
	strata := make([]int, len(units))
	Lc, Lo := make([]float64, len(units)), make([]float64, len(units))
	for i, u := range units {
		s := u.Stratum
		strata[i] = int(s)
		Lc[i] = size[s] / N * (float64(u.Pattern&bitCompleted) - sumCS[s]/size[s])
		Lo[i] = size[s] * (uval(u) - sumUS[s]/size[s]) / sumC
	}
	for _, c := range []struct {
		stat string
		L    []float64
	}{{"completion", Lc}, {"outcome_among_completed", Lo}} {
		rec := findRecord(t, ref.Results, "bca", "", c.stat, "site")
		if a := Acceleration(c.L); math.Abs(a-rec.AInfluence) > 1e-9 {
			t.Errorf("%s: a = %.15g, a_influence %.15g", c.stat, a, rec.AInfluence)
		}
		if a := AccelerationWeighted(c.L, strata); math.Abs(a-rec.AInfluenceW) > 1e-9 {
			t.Errorf("%s: weighted a = %.15g, a_influence_weighted %.15g", c.stat, a, rec.AInfluenceW)
		}
	}
	if !math.IsNaN(Acceleration([]float64{0, 0})) {
		t.Error("a of zero influence is not NaN")
	}
}
