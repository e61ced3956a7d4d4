package models

import (
	"math"
	"slices"
	"testing"
)

// TestSingletonClustersEqualPeople: clusters of one person are resampled
// exactly like people (identical types), so the replicates are the same bits.
func TestSingletonClustersEqualPeople(t *testing.T) {
	units := pvaUnits(500, 3, 4)
	for i := range units {
		units[i].Cluster = int32(i)
	}
	for _, strata := range []bool{false, true} {
		opts := BootOptions{B: 600, Seed: 2, Level: 0.95, Design: Design{Strata: strata}}
		_, a, _ := BootstrapShares(units, pvaSpecs(), opts)
		opts.Design.Clusters = true
		_, b, err := BootstrapShares(units, pvaSpecs(), opts)
		if err != nil {
			t.Fatal(err)
		}
		if !sameBits(a.T, b.T) || !slices.Equal(a.Accel, b.Accel) {
			t.Errorf("strata %v: singleton clusters differ from people", strata)
		}
	}
}

// TestClusterResampling: with whole clusters drawn, every replicate is a sum
// of whole cluster vectors: here clusters of 10 people who all share one
// pattern, so the number completing is a multiple of 10, and with strata
// the number of clusters (hence people, all clusters being of size 10) per
// stratum is kept.
func TestClusterResampling(t *testing.T) {
	var units []Unit
	for cl := range 40 {
		for range 10 {
			units = append(units, Unit{Stratum: int32(cl % 2), Cluster: int32(cl), Pattern: uint32(cl % 3 % 2)})
		}
	}
	specs := []Spec{
		ScaledSpec{ID: "completers", Count: func(p uint32) bool { return p&1 != 0 }, Factor: 1},
		ScaledSpec{ID: "people0", Count: func(uint32) bool { return true }, Factor: 1, Strata: []int{0}},
	}
	_, r, err := BootstrapShares(units, specs, BootOptions{B: 500, Seed: 1, Level: 0.95, Design: Design{Strata: true, Clusters: true}})
	if err != nil {
		t.Fatal(err)
	}
	varied := false
	for b := range r.B {
		if math.Mod(r.T[0][b], 10) != 0 || r.T[1][b] != 200 {
			t.Fatalf("replicate %d: %v completers, %v people in stratum 0", b, r.T[0][b], r.T[1][b])
		}
		varied = varied || r.T[0][b] != r.T0[0]
	}
	if !varied || !r.Clusters || !r.Strata {
		t.Error("cluster replicates do not vary or the record is wrong")
	}
}
