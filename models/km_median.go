package models

import "math"

// KMMedian is the median survival time with its confidence limits. A
// value whose Reached flag is false was not reached (R prints NA): the
// curve, or that confidence limit curve, stays above 0.5; the value is
// then 0 and must not be reported as a number.
type KMMedian struct {
	Estimate, Lower, Upper                      float64
	EstimateReached, LowerReached, UpperReached bool
}

// kmHalfTol is R's tolerance for "S = 0.5" in the median,
// .Machine$double.eps^0.5 (as all.equal).
var kmHalfTol = math.Sqrt(0x1p-52)

// Median returns the median as R's print.survfit / summary(fit)$table
// (survival 3.5-3, survmean's minmin): the first time with S ≤ 0.5 (with
// tolerance √ε); where S equals 0.5 over a flat stretch, the midpoint of
// its first time and the first time S drops below it. The lower and upper
// limits apply the same rule to the Lower and Upper curves, so they depend
// on the curve's Conf type; rows without a defined interval (S = 0) are
// skipped, as R skips NA.
func (c KMCurve) Median() KMMedian {
	var m KMMedian
	m.Estimate, m.EstimateReached = kmMinMin(c.Rows, func(r KMRow) (float64, bool) { return r.Surv, true })
	m.Lower, m.LowerReached = kmMinMin(c.Rows, func(r KMRow) (float64, bool) { return r.Lower, r.SEDefined })
	m.Upper, m.UpperReached = kmMinMin(c.Rows, func(r KMRow) (float64, bool) { return r.Upper, r.SEDefined })
	return m
}

// kmMinMin is R's minmin(y, x): the first time at which y < 0.5 + tol,
// or the midpoint rule when that y is 0.5 within tol.
func kmMinMin(rows []KMRow, y func(KMRow) (float64, bool)) (float64, bool) {
	for i, r := range rows {
		v, ok := y(r)
		if !ok || !(v < 0.5+kmHalfTol) {
			continue
		}
		if math.Abs(v-0.5) < kmHalfTol {
			for _, s := range rows[i+1:] {
				if w, ok := y(s); ok && w < v {
					return (r.Time + s.Time) / 2, true
				}
			}
		}
		return r.Time, true
	}
	return 0, false
}
