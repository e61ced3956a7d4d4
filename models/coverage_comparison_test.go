package models

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"testing"
)

// simComparison is a generated comparison with a known effect: people have
// an age band (4), a gender (2) and a site (3); they take part with
// logit P = −1.5 + 0.7 age − 0.8 gender + 0.5 [site 1] + 1.0 [site 2]
// (selection on the covariates), and have the outcome with logit
// −1.5 + 0.6 age − 0.7 gender + 0.4 site + 0.6 × taking part. The true ATT
// is E[p₁(x) − p₀(x) | taking part], exact over the 24 cells.
type simComparison struct {
	c Comparison
	y []float64
}

func simLogit(v float64) float64 { return 1 / (1 + math.Exp(-v)) }

func simSelect(age, gender, site int) float64 {
	return simLogit(-1.5 + 0.7*float64(age) - 0.8*float64(gender) + 0.5*b2f(site == 1) + 1.0*b2f(site == 2))
}

func simOutcome(age, gender, site int, treated bool) float64 {
	return simLogit(-1.5 + 0.6*float64(age) - 0.7*float64(gender) + 0.4*float64(site) + 0.6*b2f(treated))
}

// simTrueATT is the population ATT of the design (cells equally likely).
func simTrueATT() float64 {
	var num, den float64
	for age := range 4 {
		for gender := range 2 {
			for site := range 3 {
				e := simSelect(age, gender, site)
				num += e * (simOutcome(age, gender, site, true) - simOutcome(age, gender, site, false))
				den += e
			}
		}
	}
	return num / den
}

// simulate draws n people.
func simulate(rng *rand.Rand, n int) simComparison {
	age, gender, site := make([]int, n), make([]int, n), make([]int, n)
	var s simComparison
	s.c.Treated = make([]bool, n)
	s.y = make([]float64, n)
	for i := range n {
		age[i], gender[i], site[i] = rng.IntN(4), rng.IntN(2), rng.IntN(3)
		s.c.Treated[i] = rng.Float64() < simSelect(age[i], gender[i], site[i])
		s.y[i] = b2f(rng.Float64() < simOutcome(age[i], gender[i], site[i], s.c.Treated[i]))
	}
	s.c.Covariates = []Covariate{{Name: "age", Codes: age}, {Name: "gender", Codes: gender}, {Name: "site", Codes: site}}
	return s
}

// TestCoverageComparison: coverage of the 95 % bootstrap intervals (BCa,
// percentile) of the ATT for ipw and cem on generated data with selection
// on the covariates, and the bias of the unadjusted difference. Short run
// (always): 20 data sets of 1.500 people, B = 199, each interval must
// cover in ≥ 75 % (a smoke test). Long run (make validate-stats): 500
// data sets, B = 999, 93–97 % (the band).
func TestCoverageComparison(t *testing.T) {
	sets, B, lo, hi := 20, 199, 0.75, 1.0
	if *statsLong || os.Getenv("EVALUATE_LONG") == "1" {
		sets, B, lo, hi = 500, 999, 0.93, 0.97
	}
	truth := simTrueATT()
	rng := rand.New(rand.NewPCG(16, 2026))
	covered := map[string]int{}
	var naive, naiveCovered float64
	for k := range sets {
		s := simulate(rng, 1500)
		e := ATT(s.c.Treated, onesFor(s.c.Treated), Outcome{ID: "y", Y: s.y})
		naive += e.Difference / float64(sets)
		for _, method := range []string{MethodIPW, MethodCEM} {
			res, err := EstimateComparison(s.c, ComparisonOptions{Method: method}, []Outcome{{ID: "y", Y: s.y}},
				EffectOptions{B: B, Seed: uint64(k), Level: 0.95})
			if err != nil {
				t.Fatal(err)
			}
			for _, iv := range res.Effects[0].Intervals {
				if iv.Defined && iv.Low <= truth && truth <= iv.High {
					covered[method+" "+iv.Method]++
				}
			}
		}
		if naiveInterval(s, e).Low <= truth && truth <= naiveInterval(s, e).High {
			naiveCovered++
		}
	}
	t.Logf("true ATT %.4f; unadjusted difference %.4f on average, its Wald interval covers %.3f", truth, naive, naiveCovered/float64(sets))
	for _, m := range []string{"ipw bca", "ipw percentile", "cem bca", "cem percentile"} {
		share := float64(covered[m]) / float64(sets)
		t.Logf("%s: coverage %.3f over %d data sets, B = %d", m, share, sets, B)
		if share < lo || share > hi {
			t.Errorf("%s: coverage %.3f outside [%.2f, %.2f]", m, share, lo, hi)
		}
	}
	if math.Abs(naive-truth) < 0.03 {
		t.Errorf("the unadjusted difference %.4f is not biased away from the true %.4f: the simulation has no selection", naive, truth)
	}
}

func onesFor(treated []bool) []float64 {
	w := make([]float64, len(treated))
	for i := range w {
		w[i] = 1
	}
	return w
}

// naiveInterval is the Wald interval of the unadjusted difference.
func naiveInterval(s simComparison, e Effect) Interval {
	v := e.Participants*(1-e.Participants)/float64(e.NParticipants) + e.Comparison*(1-e.Comparison)/float64(e.NComparison)
	h := 1.959963984540054 * math.Sqrt(v)
	return Interval{Low: e.Difference - h, High: e.Difference + h}
}

// TestCoverageEffectOverTime: coverage of the 95 % bootstrap intervals of
// the effect over time on simComparison's design: whoever has the outcome
// reaches it at a time uniform on 0–104 weeks, and everyone is censored at
// a time uniform on 26–156 weeks (independently), so the true effect at
// horizon h is the ATT × h/104, and the weighted Kaplan-Meier has to undo
// the censoring. Short and long runs as TestCoverageComparison.
func TestCoverageEffectOverTime(t *testing.T) {
	sets, B, lo, hi := 20, 199, 0.75, 1.0
	if *statsLong || os.Getenv("EVALUATE_LONG") == "1" {
		sets, B, lo, hi = 500, 999, 0.93, 0.97
	}
	horizons := []float64{26, 52, 104}
	rng := rand.New(rand.NewPCG(17, 2026))
	covered := map[string]int{}
	for k := range sets {
		s := simulate(rng, 1500)
		to := TimeOutcome{ID: "y", Time: make([]float64, len(s.y)), Event: make([]bool, len(s.y)), Horizons: horizons}
		for i, y := range s.y {
			at, censor := 104*rng.Float64(), 26+130*rng.Float64()
			to.Time[i] = censor
			if y != 0 && at <= censor {
				to.Time[i], to.Event[i] = at, true
			}
		}
		for _, method := range []string{MethodIPW, MethodCEM} {
			res, err := EstimateEffects(s.c, ComparisonOptions{Method: method}, nil, []TimeOutcome{to},
				EffectOptions{B: B, Seed: uint64(k), Level: 0.95})
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range res.OverTime[0].Horizons {
				truth := simTrueATT() * h.Horizon / 104
				for _, iv := range h.Intervals {
					if iv.Defined && iv.Low <= truth && truth <= iv.High {
						covered[fmt.Sprintf("%s %s week %g", method, iv.Method, h.Horizon)]++
					}
				}
			}
		}
	}
	for _, method := range []string{"ipw bca", "ipw percentile", "cem bca", "cem percentile"} {
		for _, h := range horizons {
			m := fmt.Sprintf("%s week %g", method, h)
			share := float64(covered[m]) / float64(sets)
			t.Logf("%s: coverage %.3f over %d data sets, B = %d", m, share, sets, B)
			if share < lo || share > hi {
				t.Errorf("%s: coverage %.3f outside [%.2f, %.2f]", m, share, lo, hi)
			}
		}
	}
}
