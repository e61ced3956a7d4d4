package models

import (
	"math"
	"slices"
	"testing"
)

// lalondeComparison returns MatchIt's lalonde as a Comparison with the
// reference's cem cut points, and the two outcomes (re78 > 0, re78).
func lalondeComparison(t testing.TB) (Comparison, []Outcome) {
	t.Helper()
	d := loadLalonde(t, loadComparisonRef(t).CEM.Cutpoints)
	return Comparison{Treated: d.treated, Covariates: d.covs},
		[]Outcome{{ID: "re78>0", Y: d.re78pos}, {ID: "re78", Y: d.re78}}
}

// jackknifeAccel is the jackknife acceleration of the bootstrap's
// statistic (IndexStatistic without Influence), re-estimating the weights
// without each person in turn, as the reference script does in R.
func jackknifeAccel(t *testing.T, c Comparison, o ComparisonOptions, outcomes []Outcome) []float64 {
	t.Helper()
	w, err := Weigh(c, o)
	if err != nil {
		t.Fatal(err)
	}
	est := newATTEstimator(c, o, w)
	stat := IndexStatistic{N: len(c.Treated), Strata: resampleGroups(c), Dim: len(outcomes), Eval: eval(est, c.Treated, outcomes, nil)}
	a, _ := indexAccelerations(stat, indexGroups(stat.N, stat.Strata), 0)
	return a
}

// TestBootstrapATTAcceleration: on lalonde, the jackknife acceleration of
// the IPW ATT (refitting the propensity model without each person) matches
// the reference script's R jackknife (glm.fit) to 1e-4 relative, and the
// exact influence values BootstrapATT uses give the same acceleration to
// 5 % (they differ from the jackknife by O(1/n)). For cem the jackknife is
// no check (leaving out the one comparison person of a stratum unmatches
// it: a jump, not a derivative); TestATTInfluence checks its derivatives.
func TestBootstrapATTAcceleration(t *testing.T) {
	ref := loadComparisonRef(t)
	c, outcomes := lalondeComparison(t)
	rJack := []float64{ref.IPW.AccelBinary, ref.IPW.AccelContinuous}
	jack := jackknifeAccel(t, c, ComparisonOptions{}, outcomes)
	r, err := BootstrapATT(c, ComparisonOptions{}, outcomes, Options{B: 10, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for j := range outcomes {
		if !closeTo(jack[j], rJack[j], 1e-4) {
			t.Errorf("%s: Go jackknife a = %.8g, R %.8g", outcomes[j].ID, jack[j], rJack[j])
		}
		if math.Abs(r.Accel[j]-jack[j]) > 0.05*math.Abs(jack[j]) {
			t.Errorf("%s: exact-influence a = %.8g, jackknife %.8g", outcomes[j].ID, r.Accel[j], jack[j])
		}
	}
}

// TestATTInfluence: the derivatives ∂ATT/∂c_i behind the acceleration
// match central finite differences of the re-estimated ATT (weights
// re-estimated at c_i = 1 ± 1e-4) for every person of lalonde, to 1e-6
// of the largest derivative; with an outcome population (In) as well.
// (Trimmed IPW is left out: its bounds jump as Σc moves, and the influence
// values hold them fixed.)
func TestATTInfluence(t *testing.T) {
	c, outcomes := lalondeComparison(t)
	in := make([]bool, len(c.Treated))
	for i := range in {
		in[i] = c.Covariates[4].Values[i] == 1 // nodegree
	}
	outcomes = append(outcomes, Outcome{ID: "re78 | nodegree", Y: outcomes[1].Y, In: in})
	const h = 1e-4
	for _, o := range []ComparisonOptions{{Method: MethodIPW}, {Method: MethodCEM}} {
		w, err := Weigh(c, o)
		if err != nil {
			t.Fatal(err)
		}
		est := newATTEstimator(c, o, w)
		n := len(c.Treated)
		s := &attScratch{c: make([]float64, n), w: make([]float64, n), score: make([]float64, n)}
		at := func(i int, d float64, oc Outcome) float64 {
			for k := range s.c {
				s.c[k] = 1
			}
			s.c[i] += d
			if err := est.weights(s.c, s); err != nil {
				t.Fatal(err)
			}
			return attCounted(c.Treated, s.w, s.c, oc)
		}
		for _, oc := range outcomes {
			g := est.influence(oc)
			scale := 0.0
			for _, v := range g {
				scale = max(scale, math.Abs(v))
			}
			for i := range n {
				fd := (at(i, h, oc) - at(i, -h, oc)) / (2 * h)
				if math.Abs(fd-g[i]) > 1e-6*scale {
					t.Fatalf("%s %s person %d: derivative %.10g, finite difference %.10g", o.method(), oc.ID, i, g[i], fd)
				}
			}
		}
	}
}

// TestBootstrapATTDeterministic: the replicates are bit-identical for any
// number of workers, T0 is the point estimate, and stratified resampling
// works.
func TestBootstrapATTDeterministic(t *testing.T) {
	c, outcomes := lalondeComparison(t)
	strata := make([]int, len(c.Treated))
	for i, cov := range c.Covariates[3].Values { // married
		strata[i] = int(cov)
	}
	for _, tt := range []struct {
		name   string
		o      ComparisonOptions
		strata []int
	}{
		{"ipw", ComparisonOptions{}, nil},
		{"ipw trimmed, strata", ComparisonOptions{Trim: [2]float64{0.05, 0.95}}, strata},
		{"cem", ComparisonOptions{Method: MethodCEM}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c.Strata = tt.strata
			var runs []*Replicates
			for _, workers := range []int{1, 3} {
				r, err := BootstrapATT(c, tt.o, outcomes, Options{B: 300, Seed: 7, Workers: workers})
				if err != nil {
					t.Fatal(err)
				}
				runs = append(runs, r)
			}
			for j := range outcomes {
				if !slices.Equal(runs[0].T[j], runs[1].T[j]) {
					t.Errorf("%s: replicates differ between 1 and 3 workers", outcomes[j].ID)
				}
			}
			w, _ := Weigh(c, tt.o)
			for j, o := range outcomes {
				if e := ATT(c.Treated, w.W, o); runs[0].T0[j] != e.Difference {
					t.Errorf("%s: T0 %g, ATT %g", o.ID, runs[0].T0[j], e.Difference)
				}
				if u := runs[0].Undefined(j); u != 0 {
					t.Errorf("%s: %d undefined replicates", o.ID, u)
				}
			}
		})
	}
}
