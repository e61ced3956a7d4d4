package models

// Jeffreys returns the equal-tailed Jeffreys interval for the share k/n at
// level (Brown, Cai and DasGupta 2001): the α/2 and 1−α/2 quantiles of
// Beta(k + ½, n − k + ½), α = 1 − level, with the lower limit 0 when k = 0
// and the upper limit 1 when k = n.
//
// For n = 0 the interval is not defined (Defined false, never NaN). Errors:
// level outside (0, 1), k < 0, k > n.
func Jeffreys(k, n int, level float64) (Interval, error) {
	iv, done, err := checkShare(MethodJeffreys, k, n, level)
	if done || err != nil {
		return iv, err
	}
	alpha := (1 - level) / 2
	a, b := float64(k)+0.5, float64(n-k)+0.5
	lo, hi := 0.0, 1.0
	if k > 0 {
		lo = betaQuantile(alpha, a, b)
	}
	if k < n {
		hi = betaQuantile(1-alpha, a, b)
	}
	return Interval{Method: MethodJeffreys, Level: level, Low: lo, High: hi, Defined: true}, nil
}
