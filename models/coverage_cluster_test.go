package models

import (
	"math/rand/v2"
	"os"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// clusterCohort draws k clusters of m people; cluster c has its own rate
// p_c ~ Beta with mean p and intra-cluster correlation rho (a + b = 1/ρ − 1),
// and each person counts with probability p_c. The share's true value (the
// expectation of the estimator, clusters being of equal size) is p.
func clusterCohort(r *rand.Rand, k, m int, p, rho float64) []Unit {
	s := 1/rho - 1
	beta := distuv.Beta{Alpha: p * s, Beta: (1 - p) * s, Src: r}
	var units []Unit
	for c := range k {
		pc := beta.Rand()
		for range m {
			u := Unit{Cluster: int32(c)}
			if r.Float64() < pc {
				u.Pattern = 1
			}
			units = append(units, u)
		}
	}
	return units
}

// clusterCoverage is the share of simulated cohorts whose 95 % percentile
// and BCa intervals (B = 999, R rules) hold the true p, resampling clusters
// or (ignoring them) people.
func clusterCoverage(t *testing.T, k, cohorts int, rho float64, clusters bool) (perc, bca float64) {
	t.Helper()
	const m, p = 20, 0.35
	r := rand.New(rand.NewPCG(20261130, uint64(k)))
	spec := []Spec{ShareSpec{ID: "share", Num: func(p uint32) bool { return p&1 != 0 }}}
	opts := BootOptions{B: 999, Level: 0.95, Methods: []string{MethodPercentile, MethodBCa}, Design: Design{Clusters: clusters}}
	var hits [2]int // percentile, BCa
	for i := range cohorts {
		opts.Seed = uint64(i)
		res, _, err := BootstrapShares(clusterCohort(r, k, m, p, rho), spec, opts)
		if err != nil {
			t.Fatal(err)
		}
		for j, iv := range res[0].Intervals {
			if iv.Low <= p && p <= iv.High {
				hits[j]++
			}
		}
	}
	return float64(hits[0]) / float64(cohorts), float64(hits[1]) / float64(cohorts)
}

// TestClusterCoverage: coverage of nominal 95 % intervals for a share when
// people come in k = 5, 10, 30 clusters of 20 with intra-cluster
// correlation 0.05 and 0.2 (design effects 1 + 19ρ ≈ 1.95 and 4.8),
// resampling whole clusters versus people. The long run (EVALUATE_LONG=1 or -stats.long,
// 2000 cohorts) logs the figures behind the cluster warning (fewer than 10
// clusters) and error (fewer than 3); asserted: with 30 clusters the
// cluster bootstrap covers 90–97 %, and from 10 clusters on it covers more
// than the person bootstrap, which ignores the clustering (with 5 clusters
// and ρ = 0.05 both under-cover alike: the cluster bootstrap's variance is
// (k − 1)/k of the truth and itself very variable). The short run (200 cohorts) asserts
// the ordering and a floor of 85 % at k = 30.
func TestClusterCoverage(t *testing.T) {
	cohorts, lo, hi := 200, 0.85, 1.0
	if *statsLong || os.Getenv("EVALUATE_LONG") == "1" {
		cohorts, lo, hi = 2000, 0.90, 0.97
	}
	for _, rho := range []float64{0.05, 0.2} {
		for _, k := range []int{5, 10, 30} {
			cp, cb := clusterCoverage(t, k, cohorts, rho, true)
			pp, pb := clusterCoverage(t, k, cohorts, rho, false)
			t.Logf("k = %2d clusters of 20, ρ = %.2f, %d cohorts, B = 999: clusters resampled: percentile %.3f, bca %.3f; people resampled: percentile %.3f, bca %.3f",
				k, rho, cohorts, cp, cb, pp, pb)
			if (k >= 10 || rho > 0.1) && (!(cp > pp) || !(cb > pb)) {
				t.Errorf("k = %d, ρ = %v: cluster coverage %.3f/%.3f not above person coverage %.3f/%.3f", k, rho, cp, cb, pp, pb)
			}
			if k == 30 && (cp < lo || cp > hi || cb < lo || cb > hi) {
				t.Errorf("k = 30, ρ = %v: coverage %.3f/%.3f outside [%.2f, %.2f]", rho, cp, cb, lo, hi)
			}
		}
	}
}
