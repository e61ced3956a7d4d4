package pipeline

import (
	"slices"
	"testing"
)

// A stratum of fewer than min_cell people is merged into "Øvrige" and never
// named; large strata keep their names and order, the merged group is last.
func TestMergeSmallStrata(t *testing.T) {
	tests := []struct {
		name   string
		strata []string
		sizes  []int
		min    int
		lang   string
		want   []string
		wantN  []int
	}{
		{"nothing small", []string{"A", "B"}, []int{10, 6}, 5, "da", []string{"A", "B"}, []int{10, 6}},
		{"a 2-person site named after a person", []string{"A", "Kirsten Bjerregaard", "C"}, []int{10, 2, 7}, 5, "da",
			[]string{"A", "C", "Øvrige"}, []int{10, 7, 2}},
		{"two small sites pooled, in English", []string{"A", "B", "C"}, []int{3, 20, 1}, 5, "en",
			[]string{"B", "Other"}, []int{20, 4}},
		{"a large site already called Øvrige takes the small ones", []string{"Øvrige", "B"}, []int{9, 1}, 5, "da",
			[]string{"Øvrige"}, []int{10}},
		{"off", []string{"A", "B"}, []int{1, 2}, 0, "da", []string{"A", "B"}, []int{1, 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := &Cohort{Strata: slices.Clone(tc.strata)}
			for s, n := range tc.sizes {
				for range n {
					c.People = append(c.People, Person{Stratum: int32(s)})
				}
			}
			c.mergeSmallStrata(tc.min, tc.lang)
			if !slices.Equal(c.Strata, tc.want) {
				t.Fatalf("strata %q, want %q", c.Strata, tc.want)
			}
			got := make([]int, len(c.Strata))
			for _, p := range c.People {
				got[p.Stratum]++
			}
			if !slices.Equal(got, tc.wantN) {
				t.Errorf("sizes %v, want %v", got, tc.wantN)
			}
		})
	}
}
