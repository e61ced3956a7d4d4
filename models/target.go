package models

import (
	"fmt"
	"math"
)

// Direction says which side of a target meets it.
type Direction int

const (
	// AtLeast: the target is met when the statistic is ≥ the value.
	AtLeast Direction = iota
	// AtMost: the target is met when the statistic is ≤ the value.
	AtMost
)

// String returns "at_least" or "at_most", the config's names.
func (d Direction) String() string {
	switch d {
	case AtLeast:
		return "at_least"
	case AtMost:
		return "at_most"
	}
	return fmt.Sprintf("Direction(%d)", int(d))
}

// Target is a value a statistic should reach, e.g. ≥ 20 % in employment.
type Target struct {
	Value     float64
	Direction Direction
}

// meets reports whether v meets the target.
func (t Target) meets(v float64) bool {
	if t.Direction == AtMost {
		return v <= t.Value
	}
	return v >= t.Value
}

// TargetResult is the assessment of one target from bootstrap replicates.
type TargetResult struct {
	Target Target
	// Met: the estimate t0 meets the target.
	Met bool
	// PMet is the share of the (finite) replicates that meet it: #(t ≥ v)/B
	// for AtLeast, #(t ≤ v)/B for AtMost.
	PMet float64
	// Bound is the one-sided bootstrap bound at Level on the side that
	// matters (percentile rule Rule): the lower bound q(1 − Level) for
	// AtLeast, the upper bound q(Level) for AtMost. MetAtLevel: the bound
	// meets the target, i.e. the target is met with one-sided confidence
	// Level.
	Bound      float64
	Level      float64
	Rule       string
	MetAtLevel bool
	// Defined is false when the estimate or every replicate is undefined;
	// Note says why, and the numbers are 0.
	Defined bool
	Note    string
}

// AssessTarget returns P(target met) and the one-sided bound at level for
// statistic j of r. Errors: no statistic j, level outside (0, 1), a target
// value that is NaN or infinite.
func AssessTarget(r *Replicates, j int, tg Target, level float64, rule QuantileRule) (TargetResult, error) {
	if err := checkIntervalLevel(level); err != nil {
		return TargetResult{}, err
	}
	if err := r.checkColumn(j); err != nil {
		return TargetResult{}, err
	}
	if math.IsNaN(tg.Value) || math.IsInf(tg.Value, 0) {
		return TargetResult{}, fmt.Errorf("models: target value %v is not a finite number", tg.Value)
	}
	res := TargetResult{Target: tg, Level: level, Rule: rule.String()}
	t0 := r.T0[j]
	s := r.finiteSorted(j)
	switch {
	case math.IsNaN(t0) || math.IsInf(t0, 0):
		res.Note = noteEstimateUndef
		return res, nil
	case len(s) == 0:
		res.Note = noteNoReplicates
		return res, nil
	}
	met := 0
	for _, v := range s {
		if tg.meets(v) {
			met++
		}
	}
	res.Defined = true
	res.Met = tg.meets(t0)
	res.PMet = float64(met) / float64(len(s))
	if tg.Direction == AtMost {
		res.Bound, _ = rule.Quantile(s, level)
	} else {
		res.Bound, _ = rule.Quantile(s, 1-level)
	}
	res.MetAtLevel = tg.meets(res.Bound)
	return res, nil
}
