package models

import (
	"fmt"
	"math"
	"slices"
)

// kmTally holds the distinct observed times in increasing order and, for
// each, how many records of each class (censored, event, or exit type)
// ended there. It is the only O(n log n) step of Kaplan-Meier and
// Aalen-Johansen; everything after it is O(distinct times).
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

// kmTallyEvents tallies (time, event) pairs: class 0 = censored, 1 = event.
func kmTallyEvents(time []float64, event []bool) (kmTally, error) {
	if len(time) != len(event) {
		return kmTally{}, fmt.Errorf("kaplan-meier: %d times but %d event flags", len(time), len(event))
	}
	nev := 0
	for i, t := range time {
		if err := kmCheckTime(i, t); err != nil {
			return kmTally{}, fmt.Errorf("kaplan-meier: %w", err)
		}
		if event[i] {
			nev++
		}
	}
	// One buffer: censoring times from the front, event times from the back.
	buf := make([]float64, len(time))
	c, e := 0, nev
	for i, t := range time {
		if event[i] {
			buf[len(buf)-e] = t
			e--
		} else {
			buf[c] = t
			c++
		}
	}
	return kmMerge([][]float64{buf[:c], buf[c:]}), nil
}

// kmTallyStates tallies (time, state) pairs with state in 0..k.
func kmTallyStates(time []float64, state []int, k int) (kmTally, error) {
	if len(time) != len(state) {
		return kmTally{}, fmt.Errorf("aalen-johansen: %d times but %d states", len(time), len(state))
	}
	if k < 1 {
		return kmTally{}, fmt.Errorf("aalen-johansen: K = %d exit types, want at least 1", k)
	}
	size := make([]int, k+1)
	for i, t := range time {
		if err := kmCheckTime(i, t); err != nil {
			return kmTally{}, fmt.Errorf("aalen-johansen: %w", err)
		}
		s := state[i]
		if s < 0 || s > k {
			return kmTally{}, fmt.Errorf("aalen-johansen: state[%d] = %d: want 0 (censored) to %d", i, s, k)
		}
		size[s]++
	}
	buf := make([]float64, len(time))
	start := make([]int, k+2)
	for s := 0; s <= k; s++ {
		start[s+1] = start[s] + size[s]
	}
	next := slices.Clone(start[:k+1])
	for i, t := range time {
		buf[next[state[i]]] = t
		next[state[i]]++
	}
	segs := make([][]float64, k+1)
	for s := range segs {
		segs[s] = buf[start[s]:start[s+1]]
	}
	return kmMerge(segs), nil
}

// kmMerge sorts each segment (one per class) and merges them into a tally.
func kmMerge(segs [][]float64) kmTally {
	nclass := len(segs)
	for _, s := range segs {
		slices.Sort(s)
	}
	pos := make([]int, nclass)
	out := kmTally{nclass: nclass}
	for {
		cur, found := 0.0, false
		for c, s := range segs {
			if pos[c] < len(s) && (!found || s[pos[c]] < cur) {
				cur, found = s[pos[c]], true
			}
		}
		if !found {
			return out
		}
		out.times = append(out.times, cur)
		for c, s := range segs {
			j := pos[c]
			for j < len(s) && s[j] == cur {
				j++
			}
			out.counts = append(out.counts, j-pos[c])
			pos[c] = j
		}
	}
}
