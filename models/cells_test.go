package models

import (
	"slices"
	"testing"
)

// TestNewCellsCollapse: cells are the distinct (stratum, pattern) pairs in
// ascending order with their head counts; resampling groups follow the
// design (hand-counted example).
func TestNewCellsCollapse(t *testing.T) {
	units := []Unit{
		{Stratum: 1, Pattern: 3}, {Stratum: 0, Pattern: 1}, {Stratum: 1, Pattern: 3},
		{Stratum: 0, Pattern: 0}, {Stratum: 0, Pattern: 1}, {Stratum: 2, Pattern: 0},
	}
	c, err := NewCells(units, Design{Strata: true})
	if err != nil {
		t.Fatal(err)
	}
	type cell struct {
		s int
		p uint32
		n float64
	}
	var got []cell
	for j := range c.Len() {
		s, p := c.Cell(j)
		got = append(got, cell{s, p, c.Count(j)})
	}
	want := []cell{{0, 0, 1}, {0, 1, 2}, {1, 3, 2}, {2, 0, 1}}
	if !slices.Equal(got, want) {
		t.Errorf("cells %v, want %v", got, want)
	}
	if c.People() != 6 || c.Groups() != 3 || c.GroupSize(0) != 3 || c.GroupSize(1) != 2 || c.GroupSize(2) != 1 {
		t.Errorf("people %d, groups %d", c.People(), c.Groups())
	}
	if !slices.Equal(c.Counts(), []float64{1, 2, 2, 1}) || c.Design() != (Design{Strata: true}) {
		t.Error("Counts or Design wrong")
	}
	odd := c.Coefficients(func(s int, p uint32) bool { return p&1 != 0 && s < 2 })
	if !slices.Equal(odd, []float64{0, 1, 1, 0}) {
		t.Errorf("coefficients %v", odd)
	}
	pooled, _ := NewCells(units, Design{})
	if pooled.Groups() != 1 || pooled.GroupSize(0) != 6 {
		t.Errorf("pooled: %d groups of %d", pooled.Groups(), pooled.GroupSize(0))
	}
}

// TestDrawKeepsGroupSizes: every multinomial draw puts exactly the group
// size into the group's cells.
func TestDrawKeepsGroupSizes(t *testing.T) {
	c, _ := NewCells(pvaUnits(5000, 4, 3), Design{Strata: true})
	_, r, err := BootstrapShares(pvaUnits(5000, 4, 3), []Spec{
		ScaledSpec{ID: "s0", Count: func(uint32) bool { return true }, Factor: 1, Strata: []int{0}},
		ScaledSpec{ID: "s3", Count: func(uint32) bool { return true }, Factor: 1, Strata: []int{3}},
	}, BootOptions{B: 1000, Seed: 9, Level: 0.9, Design: Design{Strata: true}})
	if err != nil {
		t.Fatal(err)
	}
	for b := range r.B {
		if r.T[0][b] != float64(c.GroupSize(0)) || r.T[1][b] != float64(c.GroupSize(3)) {
			t.Fatalf("replicate %d: %v and %v people", b, r.T[0][b], r.T[1][b])
		}
	}
}
