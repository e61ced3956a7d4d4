package models

import (
	"math"
	"slices"
)

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

// Quantiles7 is Type7 of values at each of ps without sorting them: it
// selects only the order statistics the quantiles need (expected O(n) for
// a few ps instead of a sort's O(n log n)), reordering values in place.
// values must not be empty and hold no NaN.
func Quantiles7(values []float64, ps ...float64) []float64 {
	n := len(values)
	if n == 0 {
		panic("models: Quantiles7 of no values")
	}
	need := map[int]bool{}
	for _, p := range ps {
		index := 1 + float64(n-1)*p
		need[int(math.Floor(index))-1], need[int(math.Ceil(index))-1] = true, true
	}
	ks := make([]int, 0, len(need))
	for k := range need {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	// Largest first: after selecting k, everything before it is ≤ it, so
	// a smaller order statistic is found in that prefix.
	stat := make(map[int]float64, len(ks))
	end := n
	for i := len(ks) - 1; i >= 0; i-- {
		k := ks[i]
		selectNth(values[:end], k)
		stat[k], end = values[k], k+1
	}
	out := make([]float64, len(ps))
	for i, p := range ps {
		index := 1 + float64(n-1)*p
		lo, hi := math.Floor(index), math.Ceil(index)
		q := stat[int(lo)-1]
		if x := stat[int(hi)-1]; index > lo && x != q {
			h := index - lo
			q = (1-h)*q + h*x
		}
		out[i] = q
	}
	return out
}

// selectNth reorders x so that x[k] is its k-th smallest value (from 0),
// with nothing larger before it and nothing smaller after it: quickselect
// with a median-of-three pivot and a three-way partition, so ties (ages in
// whole years) cost nothing.
func selectNth(x []float64, k int) {
	lo, hi := 0, len(x)-1
	for lo < hi {
		a, b, c := x[lo], x[lo+(hi-lo)/2], x[hi]
		p := max(min(a, b), min(max(a, b), c))
		lt, i, gt := lo, lo, hi
		for i <= gt {
			switch v := x[i]; {
			case v < p:
				x[lt], x[i] = v, x[lt]
				lt++
				i++
			case v > p:
				x[i], x[gt] = x[gt], v
				gt--
			default:
				i++
			}
		}
		switch {
		case k < lt:
			hi = lt - 1
		case k > gt:
			lo = gt + 1
		default:
			return
		}
	}
}
