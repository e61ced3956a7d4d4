package models

import (
	"math"
	"testing"
)

// lalondeWeights fits the propensity model and weighs by method, as the
// reference script does.
func lalondeWeights(t *testing.T, ref comparisonRef, method string) (lalonde, *Weighting) {
	t.Helper()
	d := loadLalonde(t, ref.CEM.Cutpoints)
	cols, names := DesignMatrix(d.covs)
	m, err := FitLogistic(cols, names, d.treated)
	if err != nil {
		t.Fatal(err)
	}
	eta := m.Linear(cols)
	score := make([]float64, len(eta))
	for i, e := range eta {
		score[i] = logitInv(e)
	}
	var w *Weighting
	switch method {
	case MethodIPW:
		w, err = IPWWeights(d.treated, score, [2]float64{0, 1})
	case "ipw-trim":
		w, err = IPWWeights(d.treated, score, ref.IPW.Trim)
	case MethodCEM:
		w, err = CEMWeights(d.treated, d.covs)
	case MethodNearest:
		w, err = NearestWeights(d.treated, eta, NearestOptions{K: 1, Caliper: ref.Nearest.CaliperSD})
	}
	if err != nil {
		t.Fatal(err)
	}
	return d, w
}

// TestWeightsLalonde: weights per person and the ATT on re78 > 0 (binary)
// and re78 (continuous) match testdata/comparison_reference.json to 1e-6
// relative: ipw from R glm; cem from MatchIt 4.5.1 method = "cem" with the
// reference's cutpoints; nearest from the reference script's matching by
// hand (MatchIt 4.5.1's replace = TRUE is broken, see the script), whose
// ATT equals Matching 4.10-8's Match estimate.
func TestWeightsLalonde(t *testing.T) {
	ref := loadComparisonRef(t)
	tests := []struct {
		method             string
		weights            []float64
		attBinary, attCont float64
		dropped1, dropped0 int
		checkDropped       bool
	}{
		{MethodIPW, ref.IPW.Weights, ref.IPW.ATTBinary, ref.IPW.ATTContinuous, 0, 0, true},
		{"ipw-trim", nil, ref.IPW.TrimATTBinary, ref.IPW.TrimATTContinuous, ref.IPW.TrimmedParticipants, ref.IPW.TrimmedComparison, true},
		{MethodCEM, ref.CEM.Weights, ref.CEM.ATTBinary, ref.CEM.ATTContinuous, ref.CEM.UnmatchedParticipants, ref.CEM.UnmatchedComparison, true},
		{MethodNearest, ref.Nearest.Weights, ref.Nearest.ATTBinary, ref.Nearest.ATTContinuous,
			185 - ref.Nearest.MatchedParticipants, 429 - ref.Nearest.MatchedComparison, true},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			d, w := lalondeWeights(t, ref, tt.method)
			for i, want := range tt.weights {
				if !closeTo(w.W[i], want, 1e-6) {
					t.Fatalf("person %d: weight %.12g, reference %.12g", i+1, w.W[i], want)
				}
			}
			for _, o := range []struct {
				y    []float64
				want float64
			}{{d.re78pos, tt.attBinary}, {d.re78, tt.attCont}} {
				if e := ATT(d.treated, w.W, Outcome{ID: "re78", Y: o.y}); !e.Defined || !closeTo(e.Difference, o.want, 1e-6) {
					t.Errorf("ATT %.12g, reference %.12g", e.Difference, o.want)
				}
			}
			if tt.checkDropped && (w.DroppedParticipants != tt.dropped1 || w.DroppedComparison != tt.dropped0) {
				t.Errorf("dropped %d participants and %d comparison, reference %d and %d",
					w.DroppedParticipants, w.DroppedComparison, tt.dropped1, tt.dropped0)
			}
		})
	}
}

// TestAbadieImbensLalonde: the estimate and standard error match R
// Matching 4.10-8 Match(estimand = "ATT", M = 1, replace = TRUE, ties =
// TRUE, Var.calc = 2) on the logit score, no caliper (see the reference
// script for why), to 1e-6 relative.
func TestAbadieImbensLalonde(t *testing.T) {
	ref := loadComparisonRef(t)
	ref.Nearest.CaliperSD = 0
	d, w := lalondeWeights(t, ref, MethodNearest)
	for _, tt := range []struct {
		name string
		y    []float64
		want aiRef
	}{{"binary", d.re78pos, ref.Nearest.AIBinary}, {"continuous", d.re78, ref.Nearest.AIContinuous}} {
		r, err := AbadieImbens(d.treated, w.Logit, tt.y, w.Matches, 2, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		if !closeTo(r.ATT, tt.want.Estimate, 1e-6) || !closeTo(r.SE, tt.want.SE, 1e-6) {
			t.Errorf("%s: ATT %.10g SE %.10g, Matching %.10g %.10g", tt.name, r.ATT, r.SE, tt.want.Estimate, tt.want.SE)
		}
		if z := (r.Interval.High - r.ATT) / r.SE; math.Abs(z-1.959963984540054) > 1e-9 {
			t.Errorf("%s: interval half-width %g SE", tt.name, z)
		}
	}
}

// TestBalanceLalonde: SMDs, variance ratios and the ESS match the
// reference script's by-hand cobalt formulas (cobalt is not in Debian:
// s.d.denom = "treated", binary = "std", col_w_var) to 1e-6 relative.
func TestBalanceLalonde(t *testing.T) {
	ref := loadComparisonRef(t)
	names := map[string]string{"race=black": "race_black", "race=hispan": "race_hispan", "race=white": "race_white"}
	for _, method := range []string{MethodIPW, MethodCEM, MethodNearest} {
		t.Run(method, func(t *testing.T) {
			d, w := lalondeWeights(t, ref, method)
			want := ref.Balance[method]
			rows := Balance(d.treated, w.W, d.covs)
			if len(rows) != len(want.Covariates) {
				t.Fatalf("%d rows, reference %d", len(rows), len(want.Covariates))
			}
			for i, r := range rows {
				wr := want.Covariates[i]
				if n, ok := names[r.Covariate]; ok {
					r.Covariate = n
				}
				if r.Covariate != wr.Covariate || r.Binary != wr.Binary || !r.SMDDefined ||
					!closeTo(r.SMDBefore, wr.SMDBefore, 1e-6) || !closeTo(r.SMDAfter, wr.SMDAfter, 1e-6) {
					t.Errorf("row %d: %+v, reference %+v", i, r, wr)
				}
				if wr.VarianceRatioBefore != nil && (!closeTo(r.VarianceRatioBefore, *wr.VarianceRatioBefore, 1e-6) ||
					!closeTo(r.VarianceRatioAfter, *wr.VarianceRatioAfter, 1e-6)) {
					t.Errorf("%s: variance ratios %g %g, reference %g %g", r.Covariate,
						r.VarianceRatioBefore, r.VarianceRatioAfter, *wr.VarianceRatioBefore, *wr.VarianceRatioAfter)
				}
			}
			if ess := EffectiveSampleSize(d.treated, w.W); !closeTo(ess, want.ESS, 1e-6) {
				t.Errorf("ESS %.10g, reference %.10g", ess, want.ESS)
			}
		})
	}
}
