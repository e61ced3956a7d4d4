package models

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestCountedQuantiles: R's quantile(type = 7) of the expanded sample:
// quantile(1:5, c(.1, .9)) = 1.4, 4.6 (R 4.2.2); 1,1,2,3,3,3 at .25 and .9
// = 1.25, 3 (by hand); and random data with ties and counts against
// sorting the expanded sample.
func TestCountedQuantiles(t *testing.T) {
	tests := []struct {
		x, c   []float64
		probs  [2]float64
		lo, hi float64
	}{
		{[]float64{3, 1, 5, 2, 4}, nil, [2]float64{0.1, 0.9}, 1.4, 4.6},
		{[]float64{3, 1, 2, 9}, []float64{3, 2, 1, 0}, [2]float64{0.25, 0.9}, 1.25, 3},
		{[]float64{7}, []float64{4}, [2]float64{0, 1}, 7, 7},
	}
	for _, tt := range tests {
		if lo, hi := countedQuantiles(tt.x, tt.c, tt.probs, nil); !closeTo(lo, tt.lo, 1e-12) || !closeTo(hi, tt.hi, 1e-12) {
			t.Errorf("x %v c %v: %g, %g, want %g, %g", tt.x, tt.c, lo, hi, tt.lo, tt.hi)
		}
	}
	rng := rand.New(rand.NewPCG(1, 1))
	var buf []valueCount
	for range 200 {
		n := 1 + rng.IntN(40)
		x, c := make([]float64, n), make([]float64, n)
		var expanded []float64
		for i := range n {
			x[i], c[i] = float64(rng.IntN(10)), float64(rng.IntN(4))
			for range int(c[i]) {
				expanded = append(expanded, x[i])
			}
		}
		if len(expanded) == 0 {
			continue
		}
		slices.Sort(expanded)
		probs := [2]float64{rng.Float64() / 2, 0.5 + rng.Float64()/2}
		lo, hi := countedQuantiles(x, c, probs, &buf)
		if want := type7(expanded, probs[0]); !closeTo(lo, want, 1e-12) {
			t.Fatalf("lo %g, sorted %g", lo, want)
		}
		if want := type7(expanded, probs[1]); !closeTo(hi, want, 1e-12) {
			t.Fatalf("hi %g, sorted %g", hi, want)
		}
	}
}

// type7 is R's quantile type 7 of sorted s.
func type7(s []float64, p float64) float64 {
	h := float64(len(s)-1) * p
	lo := int(h)
	if lo+1 >= len(s) {
		return s[lo]
	}
	return s[lo] + (h-float64(lo))*(s[lo+1]-s[lo])
}
