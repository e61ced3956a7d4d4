package models

import (
	"fmt"
	"math"
)

// kmTally holds the distinct observed times in increasing order and, for
// each, how many records of each class (censored, event, or exit type)
// ended there (Durations.tally). Everything after it is O(distinct times).
type kmTally struct {
	times  []float64
	counts []int // counts[i*nclass+c]: records of class c at times[i]
	nclass int
}

func (t kmTally) count(i, class int) int { return t.counts[i*t.nclass+class] }

// kmCheckTime rejects a time that is NaN, infinite or negative.
func kmCheckTime(i int, t float64) error {
	if math.IsNaN(t) || math.IsInf(t, 0) || t < 0 {
		return fmt.Errorf("time[%d] = %v: times must be finite and not negative", i, t)
	}
	return nil
}
