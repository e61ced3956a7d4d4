package models

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

// pvaUnits builds a synthetic cohort of n people in `sites` strata with the
// four indicators of the bundled pva example: bit 0 completed, bit 1 paid
// hours, bit 2 education (the last two only for completers).
func pvaUnits(n, sites int, seed uint64) []Unit {
	r := rand.New(rand.NewPCG(seed, 99))
	u := make([]Unit, n)
	for i := range u {
		u[i].Stratum = int32(i % sites)
		u[i].Cluster = int32(i % 37)
		if r.Float64() < 0.76 {
			u[i].Pattern = 1
			if r.Float64() < 0.25 {
				u[i].Pattern |= 2
			}
			if r.Float64() < 0.15 {
				u[i].Pattern |= 4
			}
		}
	}
	return u
}

// pvaSpecs are the four measures of DESIGN.md §4.
func pvaSpecs() []Spec {
	completed := func(p uint32) bool { return p&1 != 0 }
	return []Spec{
		ShareSpec{ID: "completion", Num: completed},
		ShareSpec{ID: "job_or_education", Num: func(p uint32) bool { return p&6 != 0 }, Den: completed},
		ShareSpec{ID: "employment", Num: func(p uint32) bool { return p&2 != 0 }, Den: completed, Target: &Target{Value: 0.20}},
		ShareSpec{ID: "education", Num: func(p uint32) bool { return p&4 != 0 }, Den: completed, Target: &Target{Value: 0.15}},
	}
}

// sameBits reports whether two replicate matrices are bit-identical.
func sameBits(a, b [][]float64) bool {
	return slices.EqualFunc(a, b, func(x, y []float64) bool {
		return slices.EqualFunc(x, y, func(p, q float64) bool { return math.Float64bits(p) == math.Float64bits(q) })
	})
}

// TestDeterminismWorkers: the replicates are bit-identical for workers 1, 2,
// 8 and for GOMAXPROCS 1 and 4, on the cell path (stratified, clustered) and
// the index path. B = 1000 is not a multiple of ReplicateBlock.
func TestDeterminismWorkers(t *testing.T) {
	units := pvaUnits(1000, 4, 1)
	run := func(workers int) [][][]float64 {
		var out [][][]float64
		for _, d := range []Design{{}, {Strata: true}, {Clusters: true}} {
			_, r, err := BootstrapShares(units, pvaSpecs(), BootOptions{B: 1000, Seed: 5, Level: 0.95, Workers: workers, Design: d})
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, r.T)
		}
		r, err := BootstrapIndex(MeanStatistic(meanData, nil), Options{B: 1000, Seed: 5, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		return append(out, r.T)
	}
	want := run(1)
	for _, w := range []int{2, 8, 0} {
		got := run(w)
		for i := range want {
			if !sameBits(got[i], want[i]) {
				t.Errorf("workers %d: run %d differs from workers 1", w, i)
			}
		}
	}
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	one := run(0)
	runtime.GOMAXPROCS(4)
	four := run(0)
	for i := range one {
		if !sameBits(one[i], four[i]) || !sameBits(one[i], want[i]) {
			t.Errorf("GOMAXPROCS 1 vs 4: run %d differs", i)
		}
	}
}

// TestSeedChangesReplicates: a different seed gives different replicates,
// the same seed the same ones.
func TestSeedChangesReplicates(t *testing.T) {
	c, _ := NewCells(shareUnits(52, 148), Design{})
	a, _ := BootstrapCells(c, []CellStatistic{shareOf(c)}, Options{B: 300, Seed: 1})
	b, _ := BootstrapCells(c, []CellStatistic{shareOf(c)}, Options{B: 300, Seed: 1})
	d, _ := BootstrapCells(c, []CellStatistic{shareOf(c)}, Options{B: 300, Seed: 2})
	if !sameBits(a.T, b.T) || sameBits(a.T, d.T) {
		t.Error("seed does not determine the replicates")
	}
	if a.B != 300 || a.Seed != 1 || a.Strata || a.Clusters {
		t.Errorf("record %+v", a)
	}
}

// TestRowOrderInvariance: shuffling the people does not change a bit of the
// cell path's replicates (cells are sorted by stratum and pattern, clusters
// by their cell vectors).
func TestRowOrderInvariance(t *testing.T) {
	units := pvaUnits(2000, 4, 2)
	shuffled := slices.Clone(units)
	rand.New(rand.NewPCG(8, 8)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	for _, d := range []Design{{}, {Strata: true}, {Clusters: true}, {Strata: true, Clusters: true}} {
		if d.Strata && d.Clusters {
			for i := range units { // clusters must lie in one stratum
				units[i].Cluster = units[i].Stratum*100 + int32(i%7)
			}
			shuffled = slices.Clone(units)
			rand.New(rand.NewPCG(8, 8)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		}
		opts := BootOptions{B: 700, Seed: 11, Level: 0.9, Design: d}
		ra, a, err := BootstrapShares(units, pvaSpecs(), opts)
		if err != nil {
			t.Fatal(err)
		}
		rb, b, err := BootstrapShares(shuffled, pvaSpecs(), opts)
		if err != nil {
			t.Fatal(err)
		}
		if !sameBits(a.T, b.T) || !slices.EqualFunc(ra, rb, func(x, y ShareResult) bool { return slices.Equal(x.Intervals, y.Intervals) }) {
			t.Errorf("%+v: row order changed the results", d)
		}
	}
}
