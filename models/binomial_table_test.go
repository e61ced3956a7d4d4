package models

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// TestBinomTable: the table's CDF equals gonum's Binomial CDF to 1e-10 (the
// log-gamma terms' rounding, summed over up to 2000 values),
// and 10⁶ draws match the probabilities (every value's count within 5 sd
// of its expectation), for small, skewed and larger n.
func TestBinomTable(t *testing.T) {
	for _, c := range []struct {
		n int64
		p float64
	}{{1, 0.5}, {5, 0.01}, {20, 0.3}, {195, 47.0 / 195}, {2000, 0.999}} {
		tab := newBinomTable(c.n, c.p)
		ref := distuv.Binomial{N: float64(c.n), P: c.p}
		for k := int64(0); k < c.n; k++ {
			if math.Abs(tab.cdf[k]-ref.CDF(float64(k))) > 1e-10 {
				t.Errorf("n %d p %v: cdf[%d] = %v, gonum %v", c.n, c.p, k, tab.cdf[k], ref.CDF(float64(k)))
			}
		}
		r := rand.New(rand.NewPCG(1, uint64(c.n)))
		const draws = 1_000_000
		count := make([]float64, c.n+1)
		for range draws {
			count[tab.draw(r)]++
		}
		for k, got := range count {
			pk := ref.Prob(float64(k))
			if sd := math.Sqrt(draws * pk * (1 - pk)); math.Abs(got-draws*pk) > 5*sd+1e-9 {
				t.Errorf("n %d p %v: %v draws of %d, expected %.1f ± %.1f", c.n, c.p, got, k, draws*pk, sd)
			}
		}
	}
}
