package models

import (
	"flag"
	"math/rand/v2"
	"os"
	"testing"
)

// statsLong runs the full coverage simulation (make validate-stats):
// go test ./models/ -run Coverage -stats.long, or EVALUATE_LONG=1.
var statsLong = flag.Bool("stats.long", false, "run the full coverage simulation (also EVALUATE_LONG=1)")

// coverage counts, per method, how many simulated cohorts' 95 % intervals
// hold the true p.
type coverage struct {
	cohorts                     int
	percentile, bca, wilson, cp int
}

// simulateCoverage draws cohorts of n people with true share p (seeded, so
// deterministic), bootstraps each with B = 999 (cell path), and counts
// coverage of percentile (R rule), BCa (R rule), Wilson and Clopper-Pearson
// at 95 %. A bootstrap interval that cannot be computed (k = 0 or n) falls
// back to Clopper-Pearson, as BootstrapShares does.
func simulateCoverage(t *testing.T, n int, p float64, cohorts int) coverage {
	t.Helper()
	rng := rand.New(rand.NewPCG(20240601, uint64(n)))
	cov := coverage{cohorts: cohorts}
	holds := func(iv Interval) int {
		if iv.Low <= p && p <= iv.High {
			return 1
		}
		return 0
	}
	for i := range cohorts {
		k := int(binomialRand(rng, int64(n), p))
		c, _ := NewCells(shareUnits(k, n), Design{})
		r, err := BootstrapCells(c, []CellStatistic{shareOf(c)}, Options{B: 999, Seed: uint64(i)})
		if err != nil {
			t.Fatal(err)
		}
		cp, _ := ClopperPearson(k, n, 0.95)
		w, _ := Wilson(k, n, 0.95)
		cov.cp += holds(cp)
		cov.wilson += holds(w)
		for _, m := range []BootMethod{Percentile{}, BCa{}} {
			iv, _ := m.Interval(r, 0, 0.95)
			if !iv.Defined {
				iv = cp
			}
			if _, ok := m.(BCa); ok {
				cov.bca += holds(iv)
			} else {
				cov.percentile += holds(iv)
			}
		}
	}
	return cov
}

// TestCoverageSimulation: coverage of nominal 95 % intervals for a share,
// n = 195, p = 0.35 (the pva size) and n = 30, p = 0.1 (a small site).
// Short run (always): 200 cohorts; each method must cover 88–99 % at
// n = 195 (a binomial sd of 1.5 points). Long run (-stats.long or
// EVALUATE_LONG=1): 2000 cohorts, 92–97.5 % (the band). For n = 30
// the coverages are logged; only Clopper-Pearson (exact, ≥ 95 % by
// construction) and Wilson are asserted, loosely (≥ 88 %). There p = 3/30
// lies on the grid of possible shares, and closed bootstrap intervals often
// end exactly at 0.1, so their coverage comes out near 99 % (seen: percentile
// 0.995, BCa 0.998 over 2000 cohorts) rather than below nominal.
func TestCoverageSimulation(t *testing.T) {
	cohorts, lo, hi := 200, 0.88, 0.99
	if *statsLong || os.Getenv("EVALUATE_LONG") == "1" {
		cohorts, lo, hi = 2000, 0.92, 0.975
	}
	for _, c := range []struct {
		n    int
		p    float64
		band bool
	}{{195, 0.35, true}, {30, 0.1, false}} {
		cov := simulateCoverage(t, c.n, c.p, cohorts)
		shares := map[string]float64{
			"percentile": float64(cov.percentile) / float64(cohorts), "bca": float64(cov.bca) / float64(cohorts),
			"wilson": float64(cov.wilson) / float64(cohorts), "clopper-pearson": float64(cov.cp) / float64(cohorts),
		}
		t.Logf("n = %d, p = %v, %d cohorts, B = 999: percentile %.3f, bca %.3f, wilson %.3f, clopper-pearson %.3f",
			c.n, c.p, cohorts, shares["percentile"], shares["bca"], shares["wilson"], shares["clopper-pearson"])
		for m, s := range shares {
			switch {
			case c.band && (s < lo || s > hi):
				t.Errorf("n = %d %s: coverage %.3f outside [%.3f, %.3f]", c.n, m, s, lo, hi)
			case !c.band && (m == "wilson" || m == "clopper-pearson") && s < 0.88:
				t.Errorf("n = %d %s: coverage %.3f below 0.88", c.n, m, s)
			}
		}
	}
}
