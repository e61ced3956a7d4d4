package models

import (
	"math"
	"math/rand/v2"
)

// maxTableN bounds the binomial tables: above it BTRS is used (a table
// costs 12 bytes per possible value).
const maxTableN = 2000

// binomTable draws from one fixed Binomial(n, p) by inversion of its CDF
// with a guide table (Devroye 1986, §III.2.4): one uniform and O(1)
// expected comparisons per draw. The cell bootstrap draws the first split
// of every resampling group from the same (n, p) in every replicate, so
// the table is built once — and it needs no logarithms, unlike BTRS.
type binomTable struct {
	cdf   []float64 // cdf[k] = P(X ≤ k); cdf[n] = 1
	guide []int32   // guide[i] = the smallest k with cdf[k] > i/(n+1)
}

// newBinomTable builds the table of Binomial(n, p), 1 ≤ n ≤ maxTableN,
// 0 < p < 1, from log-gamma probabilities (no underflow of q^n).
func newBinomTable(n int64, p float64) *binomTable {
	t := &binomTable{cdf: make([]float64, n+1), guide: make([]int32, n+1)}
	lp, lq := math.Log(p), math.Log1p(-p)
	ln, _ := math.Lgamma(float64(n + 1))
	sum := 0.0
	for k := int64(0); k <= n; k++ {
		lk, _ := math.Lgamma(float64(k + 1))
		lnk, _ := math.Lgamma(float64(n - k + 1))
		sum += math.Exp(ln - lk - lnk + float64(k)*lp + float64(n-k)*lq)
		t.cdf[k] = sum
	}
	t.cdf[n] = 1 // rounding must not leave a gap above the last value
	k := int32(0)
	for i := range t.guide {
		for t.cdf[k] <= float64(i)/float64(n+1) {
			k++
		}
		t.guide[i] = k
	}
	return t
}

// draw returns one Binomial(n, p) variate from r.
func (t *binomTable) draw(r *rand.Rand) int64 {
	u := r.Float64()
	k := t.guide[int(u*float64(len(t.guide)))]
	for t.cdf[k] <= u {
		k++
	}
	return int64(k)
}
