package models

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// TestEstimateComparisonLalonde: the point estimates of every method are
// the reference ATTs (testdata/comparison_reference.json, 1e-6 relative),
// each interval is defined and holds the estimate, and nearest's interval
// is Abadie-Imbens.
func TestEstimateComparisonLalonde(t *testing.T) {
	ref := loadComparisonRef(t)
	c, outcomes := lalondeComparison(t)
	for _, tt := range []struct {
		o       ComparisonOptions
		want    [2]float64
		methods []string
	}{
		{ComparisonOptions{}, [2]float64{ref.IPW.ATTBinary, ref.IPW.ATTContinuous}, []string{MethodBCa, MethodPercentile}},
		{ComparisonOptions{Trim: ref.IPW.Trim}, [2]float64{ref.IPW.TrimATTBinary, ref.IPW.TrimATTContinuous}, []string{MethodBCa, MethodPercentile}},
		{ComparisonOptions{Method: MethodCEM}, [2]float64{ref.CEM.ATTBinary, ref.CEM.ATTContinuous}, []string{MethodBCa, MethodPercentile}},
		{ComparisonOptions{Method: MethodNearest, Caliper: 0.2}, [2]float64{ref.Nearest.ATTBinary, ref.Nearest.ATTContinuous}, []string{MethodAbadieImbens}},
	} {
		t.Run(tt.o.method(), func(t *testing.T) {
			res, err := EstimateComparison(c, tt.o, outcomes, EffectOptions{B: 999, Seed: 3, Level: 0.95})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Balance) != 9 || res.EffectiveN <= 0 {
				t.Errorf("%d balance rows, ESS %g", len(res.Balance), res.EffectiveN)
			}
			for j, e := range res.Effects {
				if !e.Defined || !closeTo(e.Difference, tt.want[j], 1e-6) {
					t.Errorf("%s: effect %+v, reference %g", e.ID, e.Effect, tt.want[j])
				}
				if len(e.Intervals) != len(tt.methods) {
					t.Fatalf("%s: %d intervals", e.ID, len(e.Intervals))
				}
				for k, iv := range e.Intervals {
					if iv.Method != tt.methods[k] || !iv.Defined || !(iv.Low < e.Difference && e.Difference < iv.High) {
						t.Errorf("%s: interval %+v around %g", e.ID, iv, e.Difference)
					}
				}
			}
		})
	}
}

// TestEstimateComparisonNearestPopulation: an outcome with a population is
// matched again within it, with the full sample's caliper width.
func TestEstimateComparisonNearestPopulation(t *testing.T) {
	c, outcomes := lalondeComparison(t)
	in := make([]bool, len(c.Treated))
	for i := range in {
		in[i] = c.Covariates[4].Values[i] == 1 // nodegree
	}
	o := ComparisonOptions{Method: MethodNearest, Caliper: 0.2}
	res, err := EstimateComparison(c, o, []Outcome{{ID: "re78 | nodegree", Y: outcomes[1].Y, In: in}}, EffectOptions{Level: 0.9})
	if err != nil {
		t.Fatal(err)
	}
	full, _ := Weigh(c, o)
	sub := subsetBool(c.Treated, in)
	m := matchNearest(sub, subsetFloat(full.Logit, in), 1, full.Matches.CaliperWidth)
	ai, _ := AbadieImbens(sub, subsetFloat(full.Logit, in), subsetFloat(outcomes[1].Y, in), m, 2, 0.9)
	got := res.Effects[0]
	if !closeTo(got.Difference, ai.ATT, 1e-12) || got.SE != ai.SE || got.Intervals[0].Level != 0.9 {
		t.Errorf("effect %+v, matching within the population %+v", got, ai)
	}
}

// TestComparisonBadInput: each problem is an error sentence naming what to
// change, never a NaN.
func TestComparisonBadInput(t *testing.T) {
	treated := []bool{true, true, true, false, false, false}
	x := []float64{1, 2, 3, 4, 5, 6}
	overlap := []float64{1, 4, 3, 2, 5, 3}
	tests := []struct {
		name string
		c    Comparison
		o    ComparisonOptions
		want string
	}{
		{"separation", Comparison{Treated: treated, Covariates: []Covariate{{Name: "age", Values: x}}}, ComparisonOptions{}, "separate participants"},
		{"constant covariate", Comparison{Treated: treated, Covariates: []Covariate{{Name: "age", Values: []float64{1, 1, 1, 1, 1, 1}}}}, ComparisonOptions{}, `"age" has the same value`},
		{"missing value", Comparison{Treated: treated, Covariates: []Covariate{{Name: "age", Values: []float64{1, 2, math.NaN(), 4, 5, 6}}}}, ComparisonOptions{}, `"age" has a missing`},
		{"no covariates", Comparison{Treated: treated}, ComparisonOptions{}, "comparison.covariates is empty"},
		{"no comparison group", Comparison{Treated: []bool{true, true}, Covariates: []Covariate{{Name: "age", Values: []float64{1, 2}}}}, ComparisonOptions{}, "no comparison group"},
		{"cem without bands", Comparison{Treated: treated, Covariates: []Covariate{{Name: "age", Values: overlap}}}, ComparisonOptions{Method: MethodCEM}, "no bands"},
		{"cem no common stratum", Comparison{Treated: treated, Covariates: []Covariate{{Name: "age", Codes: []int{0, 0, 0, 1, 1, 1}}}}, ComparisonOptions{Method: MethodCEM}, "wider bands"},
		{"bad trim", Comparison{Treated: treated, Covariates: []Covariate{{Name: "age", Values: overlap}}}, ComparisonOptions{Trim: [2]float64{0.9, 0.1}}, "comparison.trim"},
		{"unknown method", Comparison{Treated: treated, Covariates: []Covariate{{Name: "age", Values: overlap}}}, ComparisonOptions{Method: "psm"}, `comparison.method "psm"`},
		{"nobody within the caliper", Comparison{Treated: treated, Covariates: []Covariate{{Name: "age", Values: []float64{1, 2, 3.5, 3, 4, 5}}}},
			ComparisonOptions{Method: MethodNearest, Caliper: 1e-9}, "widen comparison.caliper"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := EstimateComparison(tt.c, tt.o, []Outcome{{ID: "job", Y: x}}, EffectOptions{B: 9, Level: 0.95})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

// TestATTUndefined: an outcome whose population has no comparison person
// gives an undefined effect with a note, not a NaN.
func TestATTUndefined(t *testing.T) {
	e := ATT([]bool{true, false}, []float64{1, 1}, Outcome{ID: "job", Y: []float64{1, 0}, In: []bool{true, false}})
	if e.Defined || e.Difference != 0 || !strings.Contains(e.Note, "no comparison person") {
		t.Errorf("%+v", e)
	}
}

// TestNearestTies: tied comparison people are all matched and share the
// participant's weight; weights are MatchIt's (comparison weights summing
// to the number used); K = 2 takes the two nearest; the caliper drops.
func TestNearestTies(t *testing.T) {
	treated := []bool{true, true, false, false, false, false}
	logit := []float64{0, 10, -1, 1, 2, 10.5}
	tests := []struct {
		name string
		k    int
		cal  float64
		sets [][]int
		w    []float64
	}{
		// participant 0 ties 2 and 3 (distance 1), participant 1 takes 5.
		{"ties", 1, 0, [][]int{{2, 3}, {5}}, []float64{1, 1, 0.75, 0.75, 0, 1.5}},
		// each comparison person serves one participant with ½, scaled to 4 used.
		{"k=2", 2, 0, [][]int{{2, 3}, {4, 5}}, []float64{1, 1, 1, 1, 1, 1}},
		// sd of logit = 4.87…; 0.15 SD = 0.73 keeps only participant 1's match.
		{"caliper", 1, 0.15, [][]int{nil, {5}}, []float64{0, 1, 0, 0, 0, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := NearestWeights(treated, logit, NearestOptions{K: tt.k, Caliper: tt.cal})
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(w.Matches.Sets[:2]) != fmt.Sprint(tt.sets) {
				t.Errorf("sets %v, want %v", w.Matches.Sets[:2], tt.sets)
			}
			for i := range tt.w {
				if !closeTo(w.W[i], tt.w[i], 1e-12) {
					t.Errorf("weights %v, want %v", w.W, tt.w)
					break
				}
			}
		})
	}
}

// TestAbadieImbensByHand: a small example computed by hand from Abadie and
// Imbens (2006) Theorem 7. Participants at logit 0 and 3 (y 5, 9);
// comparison at −1, 1, 2.5, 6 (y 1, 3, 4, 8). Matches (M = 1, ties kept):
// participant 0 ties −1 and 1 (Ŷ(0) = 2), participant 1 takes 2.5 (4).
// τ = ((5−2) + (9−4))/2 = 4. K = (½, ½, 1, 0), KK = (¼, ¼, 1, 0), so
// K² − KK = 0 for every comparison person and V = ((3−4)² + (5−4)²)/2² =
// 0.5. With J = 1, σ² of comparison people would only enter through
// K² − KK ≠ 0: matching participant 0 to 2.5 as well (K = 2) shows it.
func TestAbadieImbensByHand(t *testing.T) {
	treated := []bool{true, true, false, false, false, false}
	logit := []float64{0, 3, -1, 1, 2.5, 6}
	y := []float64{5, 9, 1, 3, 4, 8}
	m := matchNearest(treated, logit, 1, 0)
	r, err := AbadieImbens(treated, logit, y, m, 1, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	if !closeTo(r.ATT, 4, 1e-12) || !closeTo(r.SE, 0.5*1.4142135623730951, 1e-12) {
		t.Errorf("ATT %g SE %g, want 4 and √0.5", r.ATT, r.SE)
	}
	// Participant 0 at 2: its nearest is 2.5 (distance 0.5), as participant
	// 1's: K(2.5) = 2, KK = 2, K² − KK = 2. σ² of 2.5 with J = 1: its
	// nearest comparison person is 1 (distance 1.5 < 3.5): var(4, 3) = ½.
	// τ = ((5−4) + (9−4))/2 = 3; V = ((1−3)² + (5−3)² + 2 × ½)/4 = 9/4.
	logit[0] = 2
	m = matchNearest(treated, logit, 1, 0)
	if r, _ = AbadieImbens(treated, logit, y, m, 1, 0.95); !closeTo(r.ATT, 3, 1e-12) || !closeTo(r.SE, 1.5, 1e-12) {
		t.Errorf("ATT %g SE %g, want 3 and 1.5", r.ATT, r.SE)
	}
}
