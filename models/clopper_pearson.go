package models

// ClopperPearson returns the Clopper-Pearson ("exact") interval for the share
// k/n at level, as R's binom.test(k, n, conf.level = level)$conf.int:
//
//	lower = qbeta(α/2, k, n−k+1)  (0 when k = 0)
//	upper = qbeta(1−α/2, k+1, n−k) (1 when k = n),  α = 1 − level.
//
// For n = 0 the interval is not defined (Defined false, never NaN). Errors:
// level outside (0, 1), k < 0, k > n.
func ClopperPearson(k, n int, level float64) (Interval, error) {
	iv, done, err := checkShare(MethodClopperPearson, k, n, level)
	if done || err != nil {
		return iv, err
	}
	alpha := (1 - level) / 2
	kf, nf := float64(k), float64(n)
	lo, hi := 0.0, 1.0
	if k > 0 {
		lo = betaQuantile(alpha, kf, nf-kf+1)
	}
	if k < n {
		hi = betaQuantile(1-alpha, kf+1, nf-kf)
	}
	return Interval{Method: MethodClopperPearson, Level: level, Low: lo, High: hi, Defined: true}, nil
}
