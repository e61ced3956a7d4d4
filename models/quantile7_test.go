package models

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
)

// TestType7MatchesR compares Type7 with R 4.2.2's quantile(x, p, type = 7)
// (testdata/quantile7.json, made by testdata/quantile7.R) to 1e-9
// relative to the values' scale.
func TestType7MatchesR(t *testing.T) {
	b, err := os.ReadFile("testdata/quantile7.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref struct {
		P     []float64 `json:"p"`
		Cases []struct {
			X []float64 `json:"x"`
			Q []float64 `json:"q"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	for _, c := range ref.Cases {
		sorted := slices.Sorted(slices.Values(c.X))
		for k, p := range ref.P {
			got, want := Type7(sorted, p), c.Q[k]
			if math.Abs(got-want) > 1e-9*math.Max(1, math.Abs(want)) {
				t.Errorf("x %v p %v: %v, R %v", c.X, p, got, want)
			}
		}
	}
}

// Type7 by hand: the median of an even count is the mean of the middle
// two; a quartile falls between order statistics at (n−1)p.
func TestType7ByHand(t *testing.T) {
	x := []float64{20, 30, 40, 50}
	for _, c := range []struct{ p, want float64 }{{0.5, 35}, {0.25, 27.5}, {0.75, 42.5}, {0, 20}, {1, 50}} {
		if got := Type7(x, c.p); got != c.want {
			t.Errorf("p %v: %v, want %v", c.p, got, c.want)
		}
	}
}

// Quantiles7 selects what Type7 reads from the sorted values: equal on
// random data with many ties and on edge sizes.
func TestQuantiles7EqualsType7(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	ps := []float64{0, 0.25, 0.5, 0.75, 1, 0.1}
	for _, n := range []int{1, 2, 3, 4, 5, 10, 101, 1000} {
		for _, levels := range []int{2, 50, 1 << 30} {
			x := make([]float64, n)
			for i := range x {
				x[i] = float64(rng.IntN(levels)) / 3
			}
			sorted := slices.Sorted(slices.Values(x))
			got := Quantiles7(x, ps...)
			for i, p := range ps {
				if want := Type7(sorted, p); got[i] != want {
					t.Errorf("n %d levels %d p %v: %v, want %v", n, levels, p, got[i], want)
				}
			}
		}
	}
}
