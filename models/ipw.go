package models

import (
	"fmt"
	"math"
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
	lo, hi := trimBounds(score, c, trim, nil)
	ipwWeightsInto(w, treated, score, lo, hi)
	return w
}

// trimBounds returns the score bounds of trim ([−∞, ∞] for [0, 1]) over
// x counted c times.
func trimBounds(x, c []float64, trim [2]float64, buf *[]valueCount) (float64, float64) {
	if trim == [2]float64{0, 1} {
		return math.Inf(-1), math.Inf(1)
	}
	return countedQuantiles(x, c, trim, buf)
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

// valueCount is a value counted c times.
type valueCount struct{ v, c float64 }

// countedQuantiles returns the type-7 quantiles at probs of x where unit i
// counts c[i] times (nil: once): order statistics h = (N − 1)p of the
// expanded sample (N = Σc), interpolated linearly. buf (may be nil) is
// reused for the pairs. O(n) expected: order statistics by selection, not
// sorting.
func countedQuantiles(x, c []float64, probs [2]float64, buf *[]valueCount) (float64, float64) {
	var pairs []valueCount
	if buf != nil {
		pairs = (*buf)[:0]
	}
	total := 0.0
	for i, v := range x {
		if ci := caseWeight(c, i); ci > 0 {
			pairs = append(pairs, valueCount{v, ci})
			total += ci
		}
	}
	if buf != nil {
		*buf = pairs
	}
	var q [2]float64
	for k, p := range probs {
		h := (total - 1) * p
		lo := math.Floor(h)
		a := rankValue(pairs, lo)
		b := a
		if h > lo {
			b = rankValue(pairs, lo+1)
		}
		q[k] = a + (h-lo)*(b-a)
	}
	return q[0], q[1]
}

// rankValue returns the r-th value (from 0) of the expanded sample by
// quickselect with a three-way partition around a median-of-three pivot;
// it reorders p.
func rankValue(p []valueCount, r float64) float64 {
	for len(p) > 1 {
		pivot := median3(p[0].v, p[len(p)/2].v, p[len(p)-1].v)
		lt, i, gt := 0, 0, len(p)
		var below, equal float64
		for i < gt {
			switch v := p[i].v; {
			case v < pivot:
				below += p[i].c
				p[lt], p[i] = p[i], p[lt]
				lt++
				i++
			case v > pivot:
				gt--
				p[i], p[gt] = p[gt], p[i]
			default:
				equal += p[i].c
				i++
			}
		}
		switch {
		case r < below:
			p = p[:lt]
		case r < below+equal:
			return pivot
		default:
			r -= below + equal
			p = p[gt:]
		}
	}
	return p[0].v
}

// median3 returns the middle of three values.
func median3(a, b, c float64) float64 {
	if a > b {
		a, b = b, a
	}
	if b > c {
		b = c
	}
	return max(a, b)
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
