package models

import (
	"slices"
	"testing"
)

// The rule of DESIGN.md §7 (Danmarks Statistik's practice: counts of 1 to
// min_cell − 1 people are not published; 0 is).
func TestSuppressShare(t *testing.T) {
	tests := []struct {
		k, n, min int
		want      bool
	}{
		{52, 148, 5, false},
		{4, 148, 5, true},   // numerator small
		{145, 148, 5, true}, // complement small: reveals the 3 without
		{148, 148, 5, false},
		{0, 148, 5, false},
		{2, 5, 5, true},
		{0, 4, 5, true}, // population smaller than the limit
		{0, 0, 5, false},
		{2, 5, 0, false}, // off
		{2, 5, 3, true},
		{3, 6, 3, false},
	}
	for _, tc := range tests {
		if got := SuppressShare(tc.k, tc.n, tc.min); got != tc.want {
			t.Errorf("SuppressShare(%d, %d, %d) = %v, want %v", tc.k, tc.n, tc.min, got, tc.want)
		}
	}
}

func TestSecondarySuppression(t *testing.T) {
	tests := []struct {
		name   string
		counts []int
		hidden []bool
		want   []bool
		added  int
	}{
		{"none hidden", []int{148, 47, 0}, []bool{false, false, false}, []bool{false, false, false}, 0},
		{"one hidden: smallest other non-zero goes", []int{7, 4, 9, 20, 5}, []bool{false, true, false, false, false},
			[]bool{false, true, false, false, true}, 1},
		{"zeros are not hidden", []int{190, 3, 0}, []bool{false, true, false}, []bool{true, true, false}, 1},
		{"two hidden already", []int{2, 1, 2}, []bool{true, true, true}, []bool{true, true, true}, 0},
		{"nothing else to hide", []int{3, 0}, []bool{true, false}, []bool{true, false}, 0},
	}
	for _, tc := range tests {
		got, added := SecondarySuppression(tc.counts, tc.hidden)
		if !slices.Equal(got, tc.want) || added != tc.added {
			t.Errorf("%s: got %v (+%d), want %v (+%d)", tc.name, got, added, tc.want, tc.added)
		}
	}
}
