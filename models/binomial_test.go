package models

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// TestBinomialRandDistribution compares 200,000 draws per case with the
// exact Binomial(n, p) probabilities (gonum distuv.Binomial.Prob) by a
// chi-square test over cells with expected count ≥ 5. Both samplers
// (inversion, BTRS) and the p > ½ reflection are covered. The seed is fixed,
// so the test is deterministic; the bound is the 0.999 chi-square quantile.
func TestBinomialRandDistribution(t *testing.T) {
	const draws = 200000
	r := rand.New(rand.NewPCG(1, 2))
	for _, c := range []struct {
		n int64
		p float64
	}{{5, 0.3}, {30, 0.1}, {50, 0.19}, {148, 0.3514}, {195, 0.759}, {1000, 0.5}, {250000, 0.02}, {100, 0.9999}} {
		counts := make([]float64, c.n+1)
		sum, sum2 := 0.0, 0.0
		for range draws {
			k := binomialRand(r, c.n, c.p)
			if k < 0 || k > c.n {
				t.Fatalf("n=%d p=%v: draw %d out of range", c.n, c.p, k)
			}
			counts[k]++
			sum += float64(k)
			sum2 += float64(k) * float64(k)
		}
		d := distuv.Binomial{N: float64(c.n), P: c.p}
		chi, cells, pool, poolExp := 0.0, 0, 0.0, 0.0
		for k := range counts {
			e := draws * d.Prob(float64(k))
			if e < 5 {
				pool += counts[k]
				poolExp += e
				continue
			}
			chi += (counts[k] - e) * (counts[k] - e) / e
			cells++
		}
		if poolExp > 0 {
			chi += (pool - poolExp) * (pool - poolExp) / math.Max(poolExp, 1)
			cells++
		}
		df := float64(cells - 1)
		if df < 1 {
			df = 1
		}
		crit := distuv.ChiSquared{K: df}.Quantile(0.999)
		if chi > crit {
			t.Errorf("n=%d p=%v: chi-square %.1f on %v df > %.1f", c.n, c.p, chi, df, crit)
		}
		mean := sum / draws
		if se := math.Sqrt(d.Variance() / draws); math.Abs(mean-d.Mean()) > 5*se+1e-12 {
			t.Errorf("n=%d p=%v: mean %v, want %v ± %v", c.n, c.p, mean, d.Mean(), 5*se)
		}
	}
}

// TestBinomialRandEdges: n = 0, p = 0 and p = 1 are exact.
func TestBinomialRandEdges(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	if binomialRand(r, 0, 0.5) != 0 || binomialRand(r, 10, 0) != 0 || binomialRand(r, 10, 1) != 10 || binomialRand(r, 10, math.NaN()) != 0 {
		t.Error("edge cases wrong")
	}
}

func BenchmarkBinomialRand(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, c := range []struct {
		name string
		n    int64
		p    float64
	}{{"n195", 195, 0.35}, {"n250k", 250000, 0.3}, {"small", 30, 0.1}} {
		b.Run(c.name, func(b *testing.B) {
			for range b.N {
				binomialRand(r, c.n, c.p)
			}
		})
	}
}
