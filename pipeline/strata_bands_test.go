package pipeline

import (
	"slices"
	"testing"
)

// A number is in [cut k, cut k+1); below the first cut, at or above the
// last, and missing have groups of their own, after the bands.
func TestBandCode(t *testing.T) {
	cuts := []float64{18, 30, 67}
	if got, want := bandNames(cuts, "da"), []string{"18–29", "30–66", "<18", "≥67", ""}; !slices.Equal(got, want) {
		t.Errorf("names %q, want %q", got, want)
	}
	for _, tt := range []struct {
		v    float64
		ok   bool
		want int
	}{{18, true, 0}, {29.9, true, 0}, {30, true, 1}, {66, true, 1}, {67, true, 3}, {17, true, 2}, {0, false, 4}} {
		if got := bandCode(tt.v, tt.ok, cuts); got != tt.want {
			t.Errorf("bandCode(%v, %v) = %d, want %d", tt.v, tt.ok, got, tt.want)
		}
	}
}
