package models

import (
	"math"
	"testing"
)

// handReplicates builds a Replicates record from a known vector, as R's
// boot.ci(t0 = , t = ) does.
func handReplicates(t0 float64, t []float64, a float64) *Replicates {
	return &Replicates{T0: []float64{t0}, T: [][]float64{t}, B: len(t), Accel: []float64{a}, AccelWeighted: []float64{a}}
}

// TestBCaAgainstRRecord rebuilds the counts of the R boot.ci BCa record of
// bootstrap_mean.json ("R 4.2.2 boot 1.3-28.1 boot.ci": B = 9999,
// n_below = 5240, n_tied = 6, a = 0.0615288696125941, z0 =
// 0.0603270109154284, adjusted_levels 0.050449413042743, 0.99104326218944)
// on the vector t(i) = i except t(5241…5246) = 5241 = t0. Then:
//   - z0 strict must equal R's to 1e-12; z0 mid = Φ⁻¹((5240 + 5246)/19998) =
//     0.0610804615553789 (Python NormalDist);
//   - the endpoints are norm.inter at R's adjusted levels: ranks 504.494… and
//     9910.43…, interpolated on the normal scale: 504.49432781548376 and
//     9910.431421106126 (Python NormalDist from R's adjusted levels, which
//     have 15 digits, hence tolerance 1e-6 on this scale).
func TestBCaAgainstRRecord(t *testing.T) {
	const B = 9999
	v := seq(B)
	for i := 5240; i < 5246; i++ {
		v[i] = 5241
	}
	r := handReplicates(5241, v, 0.0615288696125941)
	z0, _ := BCa{}.BiasCorrection(r, 0)
	if math.Abs(z0-0.0603270109154284) > 1e-12 {
		t.Errorf("z0 strict = %.17g, R 0.0603270109154284", z0)
	}
	z0, _ = BCa{Z0: Z0Mid}.BiasCorrection(r, 0)
	if math.Abs(z0-0.0610804615553789) > 1e-12 {
		t.Errorf("z0 mid = %.17g, want 0.0610804615553789", z0)
	}
	iv, err := BCa{}.Interval(r, 0, 0.95)
	if err != nil || !iv.Defined {
		t.Fatal(iv, err)
	}
	if math.Abs(iv.Low-504.49432781548376) > 1e-6 || math.Abs(iv.High-9910.431421106126) > 1e-6 {
		t.Errorf("BCa = [%.15g, %.15g], want [504.494327815484, 9910.43142110613]", iv.Low, iv.High)
	}
	if iv.Method != "bca" || iv.Rule != "boot/z0-strict" || iv.Level != 0.95 || iv.Note != "" {
		t.Errorf("labels %+v", iv)
	}
}

// TestBCaReducesToPercentile: with a = 0 and z0 = 0 (mid rule, t0 at the
// median of 1…19) the adjusted levels are α/2 and 1 − α/2, so BCa equals the
// percentile interval exactly.
func TestBCaReducesToPercentile(t *testing.T) {
	r := handReplicates(10, seq(19), 0)
	for _, rule := range []QuantileRule{BootNormInter, Linear} {
		b, _ := BCa{Z0: Z0Mid, Rule: rule}.Interval(r, 0, 0.8)
		p, _ := Percentile{Rule: rule}.Interval(r, 0, 0.8)
		if math.Abs(b.Low-p.Low) > 1e-12 || math.Abs(b.High-p.High) > 1e-12 {
			t.Errorf("%v: BCa %v–%v, percentile %v–%v", rule, b.Low, b.High, p.Low, p.High)
		}
	}
}

// TestBCaDegenerate: all replicates equal, every replicate on one side of t0,
// a not finite, an undefined estimate: Defined false with a reason, never NaN.
func TestBCaDegenerate(t *testing.T) {
	for _, c := range []struct {
		name string
		r    *Replicates
		note string
	}{
		{"all equal", handReplicates(0, make([]float64, 50), 0), noteAllEqual},
		{"all above", handReplicates(0, seq(50), 0), "interval not computed: bias correction z0 is infinite (all replicates on one side of the estimate)"},
		{"no a", handReplicates(25, seq(50), math.NaN()), "interval not computed: acceleration not defined"},
		{"a too large", handReplicates(25, seq(50), 5), "interval not computed: acceleration too large"},
		{"undefined estimate", handReplicates(math.NaN(), seq(50), 0), noteEstimateUndef},
		{"no finite replicate", handReplicates(1, []float64{math.NaN(), math.Inf(1)}, 0), noteNoReplicates},
	} {
		iv, err := BCa{}.Interval(c.r, 0, 0.95)
		if err != nil || iv.Defined || iv.Note != c.note || iv.Low != 0 || iv.High != 0 {
			t.Errorf("%s: got %+v, %v", c.name, iv, err)
		}
	}
	if _, err := (BCa{}).Interval(handReplicates(1, seq(5), 0), 1, 0.95); err == nil {
		t.Error("statistic 1 of 1: no error")
	}
	if _, err := (BCa{}).Interval(handReplicates(1, seq(5), 0), 0, 1.5); err == nil {
		t.Error("level 1.5: no error")
	}
}

// TestZ0RuleNames: the names used in Interval.Rule.
func TestZ0RuleNames(t *testing.T) {
	for _, z := range []Z0Rule{Z0Strict, Z0Mid} {
		back, err := ParseZ0Rule(z.String())
		if err != nil || back != z {
			t.Errorf("%v: round trip %v %v", z, back, err)
		}
	}
	if Z0Strict.String() != "z0-strict" || Z0Mid.String() != "z0-mid" {
		t.Error("z0 rule names changed")
	}
	if _, err := ParseZ0Rule("z0"); err == nil {
		t.Error("unknown z0 rule accepted")
	}
}
