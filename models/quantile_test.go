package models

import (
	"math"
	"testing"
)

// seq returns 1, 2, …, n as float64.
func seq(n int) []float64 {
	t := make([]float64, n)
	for i := range t {
		t[i] = float64(i + 1)
	}
	return t
}

// TestQuantileRulesKnownVector feeds known sorted vectors to both rules.
//
// BootNormInter (R boot 1.3-28.1 norm.inter), t = 1…19, B = 19:
//   - α = 0.05: rank (B+1)α = 1, whole → t(1) = 1 (R: "extreme", rank not > 1);
//     α = 0.1 → t(2) = 2.
//   - α = 0.07: rank 1.4 → t(1) + (Φ⁻¹(0.07) − Φ⁻¹(1/20)) / (Φ⁻¹(2/20) − Φ⁻¹(1/20))
//     = 1 + (−1.4757910281791702 + 1.6448536269514726) /
//     (−1.2815515655446008 + 1.6448536269514726) = 1.4653499573264592
//     (computed with Python's statistics.NormalDist, not with this code).
//   - α = 0.93: rank 18.6 → 18.534650042673544 (by symmetry, 19 + 1 − 1.4653…).
//   - α = 0.01: rank 0.2 < 1 → t(1), extreme; α = 0.99: rank 19.8 ≥ B → t(19), extreme.
//
// Linear (numpy 1.24 percentile, "linear"): position (n−1)α from 0.
//   - t = 1…19, α = 0.07: position 1.26 → 2 + 0.26 = 2.26.
//   - t = (0.1, 0.4, 0.45, 0.9, 2), α = 0.3: position 1.2 → 0.4 + 0.2·0.05 = 0.41;
//     α = 0.9: position 3.6 → 2 − 1.1·0.4 = 1.56; α = 0 → 0.1; α = 1 → 2.
func TestQuantileRulesKnownVector(t *testing.T) {
	t19 := seq(19)
	v5 := []float64{0.1, 0.4, 0.45, 0.9, 2}
	for _, c := range []struct {
		rule    QuantileRule
		t       []float64
		alpha   float64
		want    float64
		extreme bool
	}{
		{BootNormInter, t19, 0.05, 1, true}, // rank 1 is not > 1: R warns
		{BootNormInter, t19, 0.1, 2, false},
		{BootNormInter, t19, 0.07, 1.4653499573264592, false},
		{BootNormInter, t19, 0.93, 18.534650042673544, false},
		{BootNormInter, t19, 0.01, 1, true},
		{BootNormInter, t19, 0.99, 19, true},
		{BootNormInter, t19, 0.95, 19, true}, // rank 19 = B: R's "extreme" warning
		{Linear, t19, 0.07, 2.26, false},
		{Linear, v5, 0.3, 0.41, false},
		{Linear, v5, 0.9, 1.56, false},
		{Linear, v5, 0, 0.1, false},
		{Linear, v5, 1, 2, false},
	} {
		got, extreme := c.rule.Quantile(c.t, c.alpha)
		if math.Abs(got-c.want) > 1e-12 || extreme != c.extreme {
			t.Errorf("%v α=%v: got %.17g (extreme %v), want %.17g (extreme %v)", c.rule, c.alpha, got, extreme, c.want, c.extreme)
		}
	}
}

// TestQuantileRuleNames: results.json names, and parsing.
func TestQuantileRuleNames(t *testing.T) {
	for _, q := range []QuantileRule{BootNormInter, Linear} {
		back, err := ParseQuantileRule(q.String())
		if err != nil || back != q {
			t.Errorf("%v: round trip %v %v", q, back, err)
		}
	}
	if _, err := ParseQuantileRule("nearest"); err == nil {
		t.Error("unknown rule accepted")
	}
	if BootNormInter.String() != "boot" || Linear.String() != "linear" {
		t.Error("rule names changed")
	}
}
