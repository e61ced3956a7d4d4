package models

import (
	"errors"
	"fmt"
)

// Comparison methods, as in the config's comparison.method.
const (
	MethodIPW     = "ipw"
	MethodCEM     = "cem"
	MethodNearest = "nearest"
)

// Weighting holds the ATT weights of one method: participants weigh 1 (0
// when trimmed or unmatched), comparison people what makes them resemble
// the participants (0 when dropped).
type Weighting struct {
	Method string
	W      []float64
	// Score is the propensity score (ipw, nearest), Logit its logit; nil
	// for cem.
	Score, Logit []float64
	Model        *Logistic
	// DroppedParticipants and DroppedComparison count people left out:
	// trimmed (ipw), in a stratum without the other group (cem), without
	// a match within the caliper or never used as a match (nearest).
	DroppedParticipants, DroppedComparison int
	// Strata is the number of matched strata (cem).
	Strata int
	// Matches is the matched set of every participant (nearest).
	Matches *Matches
}

// checkGroups validates the participant flags: both groups present.
func checkGroups(treated []bool) error {
	n1 := 0
	for _, t := range treated {
		if t {
			n1++
		}
	}
	switch {
	case n1 == 0:
		return errors.New("no participants to compare: the participant group is empty")
	case n1 == len(treated):
		return errors.New("no comparison group: every person is a participant (check comparison.source or comparison.group)")
	}
	return nil
}

// droppedCounts counts units of each group with weight 0 (and c > 0).
func droppedCounts(treated []bool, w, c []float64) (int, int) {
	var d1, d0 int
	for i, t := range treated {
		if w[i] != 0 || caseWeight(c, i) == 0 {
			continue
		}
		if t {
			d1++
		} else {
			d0++
		}
	}
	return d1, d0
}

// checkLength panics on a programmer's length mismatch.
func checkLength(what string, got, n int) {
	if got != n {
		panic(fmt.Sprintf("models: %s has %d entries for %d people", what, got, n))
	}
}
