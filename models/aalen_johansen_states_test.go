package models

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestAalenJohansenStatesAddUp: the event-free probability and the K
// cumulative incidences are the state occupation, so they add up to 1 at
// every time (to 1e-12), with ties, censorings at exit times, and
// everyone leaving before the end.
func TestAalenJohansenStatesAddUp(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 1))
	for trial := 0; trial < 200; trial++ {
		n, k := 1+rng.IntN(300), 1+rng.IntN(4)
		time, state := make([]float64, n), make([]int, n)
		for i := range time {
			time[i] = float64(rng.IntN(60)) / 7 // whole days in weeks: many ties
			state[i] = rng.IntN(k + 1)
		}
		if trial%10 == 0 {
			for i := range state {
				state[i] = 1 + rng.IntN(k) // nobody censored: ends at 0 in the programme
			}
		}
		res, err := AalenJohansen(time, state, k, CIFOptions{})
		if err != nil {
			t.Fatal(err)
		}
		check := func(at string, free CIFEstimate, exits []CIFEstimate) {
			sum := free.Estimate
			for _, e := range exits {
				sum += e.Estimate
			}
			if math.Abs(sum-1) > 1e-12 {
				t.Fatalf("trial %d (n %d, k %d) %s: states add up to %v", trial, n, k, at, sum)
			}
		}
		for _, r := range res.Rows {
			check("row", r.EventFree, r.Exits)
		}
		for _, p := range res.At([]float64{0, 1, 4, 13, 26, 52}) {
			check("At", p.EventFree, p.Exits)
		}
	}
}
