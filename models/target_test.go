package models

import (
	"math"
	"testing"
)

// TestAssessTarget on t = 1…19 (hand-computed): at least 15 is met by 15…19,
// P = 5/19; the one-sided 90 % lower bound is R's norm.inter at α = 0.1,
// rank 2 → 2. At most 3: 1, 2, 3 → 3/19; the upper bound at 0.9 is rank 18.
func TestAssessTarget(t *testing.T) {
	r := handReplicates(10, seq(19), 0)
	for _, c := range []struct {
		tg            Target
		met, metLevel bool
		p, bound      float64
	}{
		{Target{15, AtLeast}, false, false, 5.0 / 19, 2},
		{Target{10, AtLeast}, true, false, 10.0 / 19, 2},
		{Target{2, AtLeast}, true, true, 18.0 / 19, 2},
		{Target{3, AtMost}, false, false, 3.0 / 19, 18},
		{Target{18, AtMost}, true, true, 18.0 / 19, 18},
	} {
		res, err := AssessTarget(r, 0, c.tg, 0.9, BootNormInter)
		if err != nil || !res.Defined {
			t.Fatal(res, err)
		}
		if res.Met != c.met || res.MetAtLevel != c.metLevel || math.Abs(res.PMet-c.p) > 1e-15 || res.Bound != c.bound {
			t.Errorf("%+v: got %+v", c.tg, res)
		}
	}
	if _, err := AssessTarget(r, 0, Target{Value: math.NaN()}, 0.9, BootNormInter); err == nil {
		t.Error("NaN target accepted")
	}
	res, _ := AssessTarget(handReplicates(math.NaN(), seq(3), 0), 0, Target{Value: 1}, 0.9, BootNormInter)
	if res.Defined || res.Note == "" || math.IsNaN(res.PMet) {
		t.Errorf("undefined estimate: %+v", res)
	}
	if AtLeast.String() != "at_least" || AtMost.String() != "at_most" {
		t.Error("direction names changed")
	}
}
