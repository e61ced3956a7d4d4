package models

import (
	"fmt"
	"math"
	"slices"
)

// IPWWeights returns the ATT weights of inverse probability weighting:
// participants 1, comparison people p/(1 − p) for propensity score p.
//
// Trimming: with trim = [lo, hi], the bounds are the lo and hi quantiles of
// all people's scores (participants and comparison together; R's
// quantile type 7), and everyone whose score lies outside [q(lo), q(hi)] is
// dropped (weight 0) and counted per group; the scores are not refitted.
// [0, 1] drops nobody. Errors: a bad trim, and no participant or no
// comparison person left (no overlap).
func IPWWeights(treated []bool, score []float64, trim [2]float64) (*Weighting, error) {
	checkLength("propensity scores", len(score), len(treated))
	if err := checkTrim(trim); err != nil {
		return nil, err
	}
	w := ipwWeights(treated, score, nil, trim)
	d1, d0 := droppedCounts(treated, w, nil)
	wt := &Weighting{Method: MethodIPW, W: w, Score: score, DroppedParticipants: d1, DroppedComparison: d0}
	if err := checkLeft(treated, w, nil); err != nil {
		return nil, fmt.Errorf("%w after trimming at %v", err, trim)
	}
	return wt, nil
}

// checkTrim validates trim = [lo, hi].
func checkTrim(trim [2]float64) error {
	if !(trim[0] >= 0 && trim[0] < trim[1] && trim[1] <= 1) {
		return fmt.Errorf("comparison.trim must be two shares [lo, hi] with 0 ≤ lo < hi ≤ 1, not %v", trim)
	}
	return nil
}

// checkLeft fails unless both groups keep someone with positive weight.
func checkLeft(treated []bool, w, c []float64) error {
	var w1, w0 float64
	for i, t := range treated {
		if t {
			w1 += w[i] * caseWeight(c, i)
		} else {
			w0 += w[i] * caseWeight(c, i)
		}
	}
	switch {
	case !(w1 > 0):
		return errNoOverlap("participant")
	case !(w0 > 0):
		return errNoOverlap("comparison person")
	}
	return nil
}

// errNoOverlap says which group lost everyone.
type errNoOverlap string

func (e errNoOverlap) Error() string {
	return fmt.Sprintf("no overlap between the groups: no %s is left", string(e))
}

// ipwWeights computes the weights under case weights c (nil: 1).
func ipwWeights(treated []bool, score, c []float64, trim [2]float64) []float64 {
	w := make([]float64, len(score))
	lo, hi := trimBounds(score, c, trim)
	ipwWeightsInto(w, treated, score, lo, hi)
	return w
}

// trimBounds returns the score bounds of trim ([−∞, ∞] for [0, 1]) over
// x counted c times.
func trimBounds(x, c []float64, trim [2]float64) (float64, float64) {
	if trim == [2]float64{0, 1} {
		return math.Inf(-1), math.Inf(1)
	}
	return countedQuantiles(x, c, trim)
}

// ipwWeightsInto writes the weights with score bounds [lo, hi] into w.
func ipwWeightsInto(w []float64, treated []bool, score []float64, lo, hi float64) {
	for i, p := range score {
		switch {
		case p < lo || p > hi:
			w[i] = 0
		case treated[i]:
			w[i] = 1
		default:
			w[i] = p / (1 - p)
		}
	}
}

// countedQuantiles returns the type-7 quantiles at probs of x where unit i
// counts c[i] times (nil: once): order statistics h = (N − 1)p of the
// expanded sample, interpolated linearly.
func countedQuantiles(x, c []float64, probs [2]float64) (float64, float64) {
	idx := make([]int, 0, len(x))
	total := 0.0
	for i := range x {
		if ci := caseWeight(c, i); ci > 0 {
			idx = append(idx, i)
			total += ci
		}
	}
	slices.SortFunc(idx, func(a, b int) int { return cmpFloat(x[a], x[b]) })
	var q [2]float64
	for k, p := range probs {
		h := (total - 1) * p
		lo := math.Floor(h)
		q[k] = orderStat(x, c, idx, lo) + (h-lo)*(orderStat(x, c, idx, lo+1)-orderStat(x, c, idx, lo))
	}
	return q[0], q[1]
}

// orderStat returns the r-th (from 0) value of the expanded sorted sample
// (the largest when r is past the end).
func orderStat(x, c []float64, idx []int, r float64) float64 {
	cum := 0.0
	for _, i := range idx {
		cum += caseWeight(c, i)
		if r < cum {
			return x[i]
		}
	}
	return x[idx[len(idx)-1]]
}

// cmpFloat orders two floats.
func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
