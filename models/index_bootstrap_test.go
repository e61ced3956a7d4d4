package models

import (
	"math"
	"testing"
)

// meanData is the scipy PR #13371 sample of testdata/bootstrap_mean.json.
var meanData = []float64{10, 12, 12.5, 12.5, 13.9, 15, 21, 22, 23, 34, 50, 81, 89, 121, 134, 213}

// TestIndexBootstrapMeanReference runs the index path on the mean of
// meanData at B = 9999, seed 1, and compares with testdata/bootstrap_mean.json
// (exact records: "Python 3.11.2 scipy 1.10.1 numpy 1.24.2 exact
// enumeration"; acceleration_exact: "R 4.2.2"). Tolerance (README.md): 4 ×
// sd_lower/sd_upper of the monte_carlo_<method> record of the same rules (R
// boot.ci for boot/strict, scipy.stats.bootstrap for linear/mid); the
// acceleration (influence values and jackknife) to 1e-9.
func TestIndexBootstrapMeanReference(t *testing.T) {
	ref := loadReference(t, "bootstrap_mean.json")
	r, err := BootstrapIndex(MeanStatistic(meanData, nil), Options{B: 9999, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(r.T0[0]-ref.Estimate) > 1e-9 {
		t.Errorf("t0 = %v, want %v", r.T0[0], ref.Estimate)
	}
	if math.Abs(r.Accel[0]-ref.AccelerationExact.A) > 1e-9 {
		t.Errorf("a = %.15g, acceleration_exact %.15g", r.Accel[0], ref.AccelerationExact.A)
	}
	for _, m := range []struct {
		method         BootMethod
		exact, mc, rul string
	}{
		{Percentile{}, "exact_percentile", "monte_carlo_percentile", "R boot.ci"},
		{Percentile{Rule: Linear}, "exact_percentile", "monte_carlo_percentile", "scipy.stats.bootstrap"},
		{Basic{}, "exact_basic", "monte_carlo_basic", "R boot.ci"},
		{Basic{Rule: Linear}, "exact_basic", "monte_carlo_basic", "scipy.stats.bootstrap"},
		{Normal{}, "exact_normal", "monte_carlo_normal", "R boot.ci"},
		{BCa{}, "exact_bca_strict", "monte_carlo_bca", "R boot.ci"},
		{BCa{Z0: Z0Mid, Rule: Linear}, "exact_bca_mid", "monte_carlo_bca", "scipy.stats.bootstrap"},
	} {
		want := findRecord(t, ref.Results, m.exact, "", "", "")
		mc := findRecord(t, ref.Results, m.mc, m.rul, "", "")
		iv, err := m.method.Interval(r, 0, want.Level)
		if err != nil || !iv.Defined {
			t.Fatalf("%+v: %+v %v", m.method, iv, err)
		}
		t.Logf("%s %s: [%.4f, %.4f] vs %s [%.4f, %.4f] ± [%.3f, %.3f]", iv.Method, iv.Rule, iv.Low, iv.High, m.exact, want.Lower, want.Upper, 4*mc.SdLower, 4*mc.SdUpper)
		if math.Abs(iv.Low-want.Lower) > 4*mc.SdLower || math.Abs(iv.High-want.Upper) > 4*mc.SdUpper {
			t.Errorf("%s %s: [%.4f, %.4f], %s (%s) [%.4f, %.4f] ± 4 sd [%.3f, %.3f]",
				iv.Method, iv.Rule, iv.Low, iv.High, m.exact, want.Software, want.Lower, want.Upper, 4*mc.SdLower, 4*mc.SdUpper)
		}
	}
}

// TestIndexJackknifeAcceleration: without Influence the jackknife gives the
// same acceleration for the mean (U_i = x_i − x̄ exactly), equal to
// bootstrap_mean.json's acceleration_exact ("R 4.2.2") to 1e-9.
func TestIndexJackknifeAcceleration(t *testing.T) {
	ref := loadReference(t, "bootstrap_mean.json")
	s := MeanStatistic(meanData, nil)
	s.Influence = nil
	r, err := BootstrapIndex(s, Options{B: 10, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(r.Accel[0]-ref.AccelerationExact.A) > 1e-9 {
		t.Errorf("jackknife a = %.15g, acceleration_exact %.15g", r.Accel[0], ref.AccelerationExact.A)
	}
}

// TestIndexBootstrapStrata: with Strata each replicate keeps the stratum
// sizes (a statistic counting stratum-1 members is always 3); that constant
// statistic has jackknife influence 0, so its acceleration is NaN (BCa then
// says "not defined"), while the sum's is finite.
func TestIndexBootstrapStrata(t *testing.T) {
	x := []float64{1, 2, 3, 10, 20, 30, 40}
	strata := []int{1, 1, 1, 0, 0, 0, 0}
	s := IndexStatistic{N: len(x), Strata: strata, Dim: 2, Eval: func(idx []int, out []float64) {
		out[0], out[1] = 0, 0
		for _, i := range idx {
			out[0] += x[i]
			if strata[i] == 1 {
				out[1]++
			}
		}
	}}
	r, err := BootstrapIndex(s, Options{B: 500, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	for b, v := range r.T[1] {
		if v != 3 {
			t.Fatalf("replicate %d drew %v from stratum 1", b, v)
		}
	}
	if !r.Strata || math.IsNaN(r.Accel[0]) || !math.IsNaN(r.Accel[1]) {
		t.Errorf("Strata %v, accelerations %v", r.Strata, r.Accel)
	}
}

// TestBootstrapIndexErrors: bad input is an error.
func TestBootstrapIndexErrors(t *testing.T) {
	eval := func([]int, []float64) {}
	for _, s := range []IndexStatistic{
		{N: 0, Dim: 1, Eval: eval},
		{N: 3, Dim: 0, Eval: eval},
		{N: 3, Dim: 1},
		{N: 3, Dim: 1, Eval: eval, Strata: []int{1}},
	} {
		if _, err := BootstrapIndex(s, Options{B: 10}); err == nil {
			t.Errorf("%+v accepted", s)
		}
	}
	if _, err := BootstrapIndex(MeanStatistic(meanData, nil), Options{B: -1}); err == nil {
		t.Error("B = -1 accepted")
	}
}
