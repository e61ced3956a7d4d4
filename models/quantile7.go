package models

import "math"

// Type7 is R's quantile(x, p, type = 7), R's and numpy's default: with
// the n values sorted ascending, quantile p lies at h = (n−1)p counted
// from 0, and Type7 = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]), computed in
// R's order of operations. sorted must be ascending and not empty; p in
// [0, 1]. It panics on an empty slice (programmer error).
func Type7(sorted []float64, p float64) float64 {
	n := len(sorted)
	if n == 0 {
		panic("models: Type7 of no values")
	}
	// R: index <- 1 + max(n - 1, 0) * probs; lo <- floor(index);
	// hi <- ceiling(index); qs <- x[lo]; h <- index - lo;
	// qs <- (1 - h) * qs + h * x[hi] (only where h != 0 and the two differ).
	// Indices are 1-based as in R, so h rounds exactly as R's does.
	index := 1 + float64(n-1)*p
	lo := math.Floor(index)
	hi := math.Ceil(index)
	q := sorted[int(lo)-1]
	if x := sorted[int(hi)-1]; index > lo && x != q {
		h := index - lo
		q = (1-h)*q + h*x
	}
	return q
}
