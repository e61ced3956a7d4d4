package models

import (
	"math"
	"testing"
)

// TestExactIntervalsReference checks every (k, n, level, method) of
// testdata/proportions.json (software "R 4.2.2 stats": binom.test,
// prop.test(correct = FALSE / TRUE), qbeta) to absolute 1e-9.
func TestExactIntervalsReference(t *testing.T) {
	const tol = 1e-9
	ref := loadReference(t, "proportions.json")
	names := map[string]string{
		"clopper_pearson": MethodClopperPearson, "wilson": MethodWilson,
		"wilson_cc": MethodWilsonCC, "jeffreys": MethodJeffreys,
	}
	if len(ref.Results) != 104 {
		t.Fatalf("proportions.json has %d records, want 104", len(ref.Results))
	}
	for _, r := range ref.Results {
		m, ok := names[r.Method]
		if !ok {
			t.Fatalf("unknown method %q", r.Method)
		}
		got, err := ExactInterval(m, r.K, r.N, r.Level)
		if err != nil {
			t.Fatalf("%s %d/%d: %v", m, r.K, r.N, err)
		}
		if !got.Defined || got.Method != m || got.Level != r.Level {
			t.Errorf("%s %d/%d level %v: got %+v", m, r.K, r.N, r.Level, got)
		}
		if math.Abs(got.Low-r.Lower) > tol || math.Abs(got.High-r.Upper) > tol {
			t.Errorf("%s %d/%d level %v (%s): got [%.15g, %.15g], want [%.15g, %.15g]",
				m, r.K, r.N, r.Level, r.Software, got.Low, got.High, r.Lower, r.Upper)
		}
	}
}

// TestExactIntervalsEdgeCases: 0/0 is not defined (never NaN), bad input is an
// error, and every method respects 0 ≤ low ≤ k/n ≤ high ≤ 1 and widens with
// the level.
func TestExactIntervalsEdgeCases(t *testing.T) {
	for _, m := range []string{MethodWilson, MethodWilsonCC, MethodClopperPearson, MethodJeffreys} {
		iv, err := ExactInterval(m, 0, 0, 0.95)
		if err != nil || iv.Defined || iv.Note != noteZeroDenominator || iv.Low != 0 || iv.High != 0 {
			t.Errorf("%s 0/0: got %+v, %v", m, iv, err)
		}
		for _, bad := range []struct {
			k, n  int
			level float64
		}{{-1, 5, 0.95}, {6, 5, 0.95}, {1, -1, 0.95}, {1, 5, 0}, {1, 5, 1}, {1, 5, math.NaN()}} {
			if _, err := ExactInterval(m, bad.k, bad.n, bad.level); err == nil {
				t.Errorf("%s %+v: no error", m, bad)
			}
		}
		for n := 1; n <= 40; n += 13 {
			for k := 0; k <= n; k++ {
				p := float64(k) / float64(n)
				prev := Interval{Low: p, High: p}
				for _, level := range []float64{0.5, 0.8, 0.9, 0.95, 0.99} {
					iv, err := ExactInterval(m, k, n, level)
					if err != nil || !iv.Defined || math.IsNaN(iv.Low) || math.IsNaN(iv.High) {
						t.Fatalf("%s %d/%d: %+v %v", m, k, n, iv, err)
					}
					if iv.Low < 0 || iv.High > 1 || iv.Low > p+1e-12 || iv.High < p-1e-12 {
						t.Errorf("%s %d/%d level %v: [%v, %v] does not hold %v", m, k, n, level, iv.Low, iv.High, p)
					}
					if iv.Low > prev.Low+1e-12 || iv.High < prev.High-1e-12 {
						t.Errorf("%s %d/%d: level %v narrower than the previous level", m, k, n, level)
					}
					prev = iv
				}
			}
		}
	}
	if _, err := ExactInterval("bca", 1, 2, 0.95); err == nil {
		t.Error("ExactInterval(bca): no error")
	}
}

// TestWilsonCCCap: R's prop.test caps the continuity correction at
// |k − n/2|, so at k = n/2 the corrected interval equals the plain Wilson
// one (stats:::prop.test source, R 4.2.2: YATES <- min(YATES, abs(x - n*p))).
func TestWilsonCCCap(t *testing.T) {
	for _, c := range []struct{ k, n int }{{1, 2}, {5, 10}, {74, 148}} {
		w, _ := Wilson(c.k, c.n, 0.95)
		cc, _ := WilsonCC(c.k, c.n, 0.95)
		if w.Low != cc.Low || w.High != cc.High {
			t.Errorf("%d/%d: wilson-cc %v–%v, wilson %v–%v", c.k, c.n, cc.Low, cc.High, w.Low, w.High)
		}
	}
	// At k = 6, n = 10, |k − n/2| = 1 ≥ 0.5: the full correction applies and
	// the interval is wider than Wilson's.
	w, _ := Wilson(6, 10, 0.95)
	cc, _ := WilsonCC(6, 10, 0.95)
	if !(cc.Low < w.Low && cc.High > w.High) {
		t.Errorf("6/10: wilson-cc %v–%v not wider than wilson %v–%v", cc.Low, cc.High, w.Low, w.High)
	}
}
