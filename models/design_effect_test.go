package models

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/stat"
)

// TestDesignEffectExact: without clusters and with singleton clusters the
// design effect is 1; with clusters of m people who all share one pattern,
// every person's outcome is repeated m times, so deff = m exactly (Kish:
// 1 + (m − 1)ρ with ρ = 1).
func TestDesignEffectExact(t *testing.T) {
	var units []Unit
	for cl := range 60 {
		for range 10 {
			units = append(units, Unit{Stratum: int32(cl % 3), Cluster: int32(cl), Pattern: uint32(cl % 7 % 2)})
		}
	}
	count := ScaledSpec{ID: "count", Count: func(p uint32) bool { return p&1 != 0 }, Factor: 1}
	for _, c := range []struct {
		name   string
		design Design
		single bool
		want   float64
	}{
		{"people", Design{Strata: true}, false, 1},
		{"singleton clusters", Design{Strata: true, Clusters: true}, true, 1},
		{"clusters of 10", Design{Clusters: true}, false, 10},
		{"clusters of 10 in strata", Design{Strata: true, Clusters: true}, false, 10},
	} {
		us := append([]Unit(nil), units...)
		if c.single {
			for i := range us {
				us[i].Cluster = int32(i)
			}
		}
		res, _, err := BootstrapShares(us, []Spec{count}, BootOptions{B: 10, Level: 0.95, Design: c.design})
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(res[0].DesignEffect-c.want) > 1e-9 {
			t.Errorf("%s: deff %v, want %v", c.name, res[0].DesignEffect, c.want)
		}
	}
}

// TestDesignEffectMatchesReplicates: the design effect is the ratio of the
// replicate variances of the cluster and the person bootstrap (same seed,
// B = 20000) to Monte-Carlo error, for a share among completers whose
// outcome runs partly in clusters of uneven size, stratified.
func TestDesignEffectMatchesReplicates(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 8))
	var units []Unit
	for cl := range 90 {
		p := 0.1 + 0.5*r.Float64() // the cluster's own rate
		for range 5 + cl%11 {
			u := Unit{Stratum: int32(cl % 3), Cluster: int32(cl)}
			if r.Float64() < 0.8 {
				u.Pattern = 1
				if r.Float64() < p {
					u.Pattern |= 2
				}
			}
			units = append(units, u)
		}
	}
	spec := ShareSpec{ID: "employment", Num: func(p uint32) bool { return p&2 != 0 }, Den: func(p uint32) bool { return p&1 != 0 }}
	vars := map[bool]float64{}
	var deff float64
	for _, clusters := range []bool{false, true} {
		res, rep, err := BootstrapShares(units, []Spec{spec}, BootOptions{B: 20000, Seed: 4, Level: 0.95, Design: Design{Strata: true, Clusters: clusters}})
		if err != nil {
			t.Fatal(err)
		}
		vars[clusters] = stat.Variance(rep.T[0], nil)
		deff = res[0].DesignEffect
	}
	mc := vars[true] / vars[false]
	t.Logf("design effect %.4f, replicate variance ratio %.4f", deff, mc)
	// The variance of a ratio of two sample variances from B = 20000
	// replicates: relative sd ≈ √(2·2/B) = 1.4 %; allow 6 % (≈ 4 sd) plus
	// the second-order (non-linear) part.
	if deff < 1.5 || math.Abs(mc/deff-1) > 0.06 {
		t.Errorf("design effect %v, replicate variance ratio %v", deff, mc)
	}
}
