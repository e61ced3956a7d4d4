package models

import (
	"math"
	"testing"
)

// TestPercentileBasicNormalKnownVector: t = 1…19, t0 = 9, level 0.9
// (α/2 = 0.05, rank (B+1)·0.05 = 1 and 19 — extreme, R warns).
//   - percentile, boot rule: [t(1), t(19)] = [1, 19]; linear: positions 0.9 and
//     17.1 → [1.9, 18.1].
//   - basic (R basic.ci): [2·9 − 19, 2·9 − 1] = [−1, 17].
//   - normal (R norm.ci): mean 10, sd √(Σ(i−10)²/18) = √(570/18) = √31.6667,
//     bias 1, so 9 − 1 ∓ 1.6448536269514722·5.627314338711377.
func TestPercentileBasicNormalKnownVector(t *testing.T) {
	r := handReplicates(9, seq(19), 0)
	sd := math.Sqrt(570.0 / 18)
	z := 1.6448536269514722
	for _, c := range []struct {
		m        BootMethod
		lo, hi   float64
		method   string
		rule     string
		extreme  bool
		tolerant bool
	}{
		{Percentile{}, 1, 19, "percentile", "boot", true, false},
		{Percentile{Rule: Linear}, 1.9, 18.1, "percentile", "linear", false, false},
		{Basic{}, -1, 17, "basic", "boot", true, false},
		{Basic{Rule: Linear}, 18 - 18.1, 18 - 1.9, "basic", "linear", false, false},
		{Normal{}, 8 - z*sd, 8 + z*sd, "normal", "", false, true},
	} {
		iv, err := c.m.Interval(r, 0, 0.9)
		if err != nil || !iv.Defined {
			t.Fatalf("%T: %+v %v", c.m, iv, err)
		}
		if math.Abs(iv.Low-c.lo) > 1e-12 || math.Abs(iv.High-c.hi) > 1e-12 {
			t.Errorf("%T %v: [%.17g, %.17g], want [%.17g, %.17g]", c.m, c.rule, iv.Low, iv.High, c.lo, c.hi)
		}
		if iv.Method != c.method || iv.Rule != c.rule || iv.Level != 0.9 || (iv.Note == noteExtremeOrder) != c.extreme {
			t.Errorf("%T: labels %+v", c.m, iv)
		}
	}
}

// TestBootIntervalsUndefinedReplicates: replicates that are NaN (a
// denominator of 0) are left out, as R's norm.inter does (t[is.finite(t)]),
// and the Note counts them.
func TestBootIntervalsUndefinedReplicates(t *testing.T) {
	v := append(seq(19), math.NaN(), math.NaN())
	r := handReplicates(9, v, 0)
	iv, _ := Percentile{Rule: Linear}.Interval(r, 0, 0.9)
	if math.Abs(iv.Low-1.9) > 1e-12 || math.Abs(iv.High-18.1) > 1e-12 || iv.Note != "2 "+noteUndefReplicate {
		t.Errorf("got %+v", iv)
	}
	if r.Undefined(0) != 2 {
		t.Errorf("Undefined = %d", r.Undefined(0))
	}
}

// TestBootIntervalsDegenerate: every method refuses all-equal replicates
// (e.g. 0 of 148 or 148 of 148) with a reason, never NaN.
func TestBootIntervalsDegenerate(t *testing.T) {
	r := handReplicates(1, []float64{1, 1, 1, 1}, math.NaN())
	for _, m := range []BootMethod{Percentile{}, Basic{}, Normal{}, BCa{}} {
		iv, err := m.Interval(r, 0, 0.95)
		if err != nil || iv.Defined || iv.Note != noteAllEqual || math.IsNaN(iv.Low) || math.IsNaN(iv.High) {
			t.Errorf("%T: %+v %v", m, iv, err)
		}
	}
}
