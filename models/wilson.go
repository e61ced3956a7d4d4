package models

import "math"

// Wilson returns the Wilson score interval for the share k/n at level, as
// R's prop.test(k, n, correct = FALSE)$conf.int:
//
//	(p + z²/2n ∓ z √(p(1−p)/n + z²/4n²)) / (1 + z²/n),  z = Φ⁻¹((1+level)/2).
//
// At k = 0 the lower limit is 0 and at k = n the upper limit is 1. For n = 0
// the interval is not defined (Defined false, never NaN). Errors: level
// outside (0, 1), k < 0, k > n.
func Wilson(k, n int, level float64) (Interval, error) {
	return wilsonScore(MethodWilson, k, n, level, 0)
}

// WilsonCC returns the Wilson score interval with continuity correction for
// the share k/n at level, as R's prop.test(k, n, correct = TRUE)$conf.int
// (Newcombe 1998, method 4): the score formula with p replaced by p + c/n
// for the upper and p − c/n for the lower limit, where c = min(0.5, |k − n/2|)
// (R caps the correction at the distance from n/2). A limit whose corrected
// p falls outside (0, 1) is 0 or 1. Edge cases and errors as for Wilson.
func WilsonCC(k, n int, level float64) (Interval, error) {
	return wilsonScore(MethodWilsonCC, k, n, level, 0.5)
}

// wilsonScore is R's prop.test one-sample interval with Yates correction
// yates (0 or 0.5, capped at |k − n/2|).
func wilsonScore(method string, k, n int, level, yates float64) (Interval, error) {
	iv, done, err := checkShare(method, k, n, level)
	if done || err != nil {
		return iv, err
	}
	nf, kf := float64(n), float64(k)
	yates = math.Min(yates, math.Abs(kf-nf*0.5))
	z := normalQuantile((1 + level) / 2)
	z22n := z * z / (2 * nf)
	est := kf / nf
	limit := func(pc, sign float64) float64 {
		return (pc + z22n + sign*z*math.Sqrt(pc*(1-pc)/nf+z22n/(2*nf))) / (1 + 2*z22n)
	}
	hi := 1.0
	if pc := est + yates/nf; pc < 1 {
		hi = math.Min(limit(pc, 1), 1)
	}
	lo := 0.0
	if pc := est - yates/nf; pc > 0 {
		lo = math.Max(limit(pc, -1), 0)
	}
	return Interval{Method: method, Level: level, Low: lo, High: hi, Defined: true}, nil
}
