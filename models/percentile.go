package models

import (
	"fmt"
	"math"
)

// BootMethod is a bootstrap interval method: a function of the replicates
// of statistic j (and its observed value, influence values) at a level.
//
// A method returns an error only for bad arguments (level outside (0, 1), no
// statistic j). When the interval cannot be computed — no finite replicates,
// all replicates equal, an undefined estimate, an infinite BCa correction —
// it returns Interval{Defined: false} with the reason in Note; never NaN.
type BootMethod interface {
	Interval(r *Replicates, j int, level float64) (Interval, error)
}

// Notes of undefined bootstrap intervals.
const (
	noteAllEqual       = "interval not computed: all replicates equal"
	noteNoReplicates   = "interval not computed: no replicate defined"
	noteEstimateUndef  = "not defined: the estimate is undefined (denominator 0)"
	noteExtremeOrder   = "extreme order statistics used as endpoints"
	noteUndefReplicate = "replicates with an undefined statistic left out"
)

// Percentile is the bootstrap percentile interval [q(α/2), q(1−α/2)],
// α = 1 − level, with q read by Rule (R boot.ci type "perc" with
// BootNormInter; scipy.stats.bootstrap method "percentile" with Linear).
type Percentile struct{ Rule QuantileRule }

// Interval returns the percentile interval of statistic j.
func (p Percentile) Interval(r *Replicates, j int, level float64) (Interval, error) {
	s, iv, err := bootPrepare(r, j, level, MethodPercentile, p.Rule.String())
	if err != nil || !iv.Defined {
		return iv, err
	}
	lo, x1 := p.Rule.Quantile(s, (1-level)/2)
	hi, x2 := p.Rule.Quantile(s, (1+level)/2)
	iv.Low, iv.High = lo, hi
	iv.Note = bootNote(r, j, x1 || x2)
	return iv, nil
}

// Basic is the basic (reverse percentile) interval
// [2t0 − q(1−α/2), 2t0 − q(α/2)], as R boot.ci type "basic" (BootNormInter)
// and scipy method "basic" (Linear).
type Basic struct{ Rule QuantileRule }

// Interval returns the basic interval of statistic j.
func (m Basic) Interval(r *Replicates, j int, level float64) (Interval, error) {
	s, iv, err := bootPrepare(r, j, level, MethodBasic, m.Rule.String())
	if err != nil || !iv.Defined {
		return iv, err
	}
	qlo, x1 := m.Rule.Quantile(s, (1-level)/2)
	qhi, x2 := m.Rule.Quantile(s, (1+level)/2)
	t0 := r.T0[j]
	iv.Low, iv.High = 2*t0-qhi, 2*t0-qlo
	iv.Note = bootNote(r, j, x1 || x2)
	return iv, nil
}

// bootPrepare validates the arguments and returns the sorted finite
// replicates with a Defined interval to fill, or an undefined interval that
// says why.
func bootPrepare(r *Replicates, j int, level float64, method, rule string) ([]float64, Interval, error) {
	if err := checkIntervalLevel(level); err != nil {
		return nil, Interval{}, err
	}
	if err := r.checkColumn(j); err != nil {
		return nil, Interval{}, err
	}
	if t0 := r.T0[j]; math.IsNaN(t0) || math.IsInf(t0, 0) {
		return nil, undefinedInterval(method, rule, level, noteEstimateUndef), nil
	}
	s := r.finiteSorted(j)
	switch {
	case len(s) == 0:
		return nil, undefinedInterval(method, rule, level, noteNoReplicates), nil
	case s[0] == s[len(s)-1]:
		return nil, undefinedInterval(method, rule, level, noteAllEqual), nil
	}
	return s, Interval{Method: method, Rule: rule, Level: level, Defined: true}, nil
}

// bootNote says what a reader of a defined interval should know.
func bootNote(r *Replicates, j int, extreme bool) string {
	note := ""
	if extreme {
		note = noteExtremeOrder
	}
	if u := r.Undefined(j); u > 0 {
		if note != "" {
			note += "; "
		}
		note += fmt.Sprintf("%d %s", u, noteUndefReplicate)
	}
	return note
}
