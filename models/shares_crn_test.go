package models

import (
	"reflect"
	"testing"
)

// crnResult is one spec's result and replicates.
type crnResult struct {
	res ShareResult
	t   []float64
}

// crnRun bootstraps specs and returns each result by ID with its column of
// replicates, so runs with different spec lists can be compared.
func crnRun(t *testing.T, units []Unit, specs []Spec, opts BootOptions) map[string]crnResult {
	t.Helper()
	res, r, err := BootstrapShares(units, specs, opts)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]crnResult{}
	for _, s := range res {
		col := r.T[s.Column]
		s.Column = 0
		out[s.ID] = crnResult{s, col}
	}
	return out
}

// sameResult: equal results (intervals, target, design effect, NaN-safe)
// and bit-identical replicates.
func sameResult(a, b crnResult) bool {
	return reflect.DeepEqual(a.res, b.res) && sameBits([][]float64{a.t}, [][]float64{b.t})
}

// TestCommonRandomNumbers: a spec's intervals, target and replicates depend
// only on its own definition, population, design, B, level and seed —
// changing another measure, adding measures, reordering them or adding a
// stratum leaves them bit-identical, for people and clusters, with and
// without strata, for any number of workers.
func TestCommonRandomNumbers(t *testing.T) {
	units := pvaUnits(3000, 4, 7)
	for i := range units {
		units[i].Cluster = int32(i % 120) // 30 clusters in each of the 4 strata
	}
	completed := func(p uint32) bool { return p&1 != 0 }
	changed := []Spec{
		ShareSpec{ID: "employment", Num: func(p uint32) bool { return p&2 != 0 }, Den: completed, Target: &Target{Value: 0.20}},
		ShareSpec{ID: "job_or_education", Num: func(p uint32) bool { return p&2 != 0 && p&4 != 0 }, Den: completed}, // changed
		ShareSpec{ID: "new", Num: func(p uint32) bool { return p&4 != 0 }, Den: func(p uint32) bool { return true }},
		ShareSpec{ID: "completion", Num: completed},
		ScaledSpec{ID: "saving", Count: completed, Factor: 3},
		ShareSpec{ID: "completion/site2", Num: completed, Strata: []int{2}},
	}
	base := append(pvaSpecs(), ShareSpec{ID: "completion/site2", Num: completed, Strata: []int{2}})
	for _, d := range []Design{{}, {Strata: true}, {Clusters: true}, {Strata: true, Clusters: true}} {
		opts := BootOptions{B: 999, Seed: 11, Level: 0.9, Design: d, Workers: 1}
		a := crnRun(t, units, base, opts)
		opts.Workers = 3
		b := crnRun(t, units, changed, opts)
		for _, id := range []string{"completion", "employment", "completion/site2"} {
			if !sameResult(a[id], b[id]) {
				t.Errorf("%+v %s: changed by other measures:\n%+v\n%+v", d, id, a[id], b[id])
			}
		}
		if sameResult(a["job_or_education"], b["job_or_education"]) {
			t.Errorf("%+v: the changed measure did not change", d)
		}
	}
	// A new stratum (its own stream key) leaves another stratum's results.
	more := append(append([]Unit(nil), units...), Unit{Stratum: 4, Cluster: 1000, Pattern: 1}, Unit{Stratum: 4, Cluster: 1000})
	for _, d := range []Design{{Strata: true}, {Strata: true, Clusters: true}} {
		opts := BootOptions{B: 999, Seed: 11, Level: 0.95, Design: d, StratumKeys: []uint64{10, 11, 12, 13}}
		a := crnRun(t, units, base, opts)
		opts.StratumKeys = append(opts.StratumKeys, 14)
		b := crnRun(t, more, base, opts)
		if !sameResult(a["completion/site2"], b["completion/site2"]) {
			t.Errorf("%+v: a new stratum changed site 2:\n%+v\n%+v", d, a["completion/site2"], b["completion/site2"])
		}
	}
}

// TestCommonRandomNumbersConsistent: specs with the same classes share
// their resample, so the pooled share is the ratio of the per-stratum sums
// in every replicate, and a stratum's replicate equals its part of the
// pooled one.
func TestCommonRandomNumbersConsistent(t *testing.T) {
	units := pvaUnits(800, 3, 2)
	completed := func(p uint32) bool { return p&1 != 0 }
	var specs []Spec
	specs = append(specs, ScaledSpec{ID: "all", Count: completed, Factor: 1})
	for s := range 3 {
		specs = append(specs, ScaledSpec{ID: string(rune('a' + s)), Count: completed, Factor: 1, Strata: []int{s}})
	}
	_, r, err := BootstrapShares(units, specs, BootOptions{B: 500, Seed: 3, Level: 0.95, Design: Design{Strata: true}})
	if err != nil {
		t.Fatal(err)
	}
	for b := range r.B {
		if sum := r.T[1][b] + r.T[2][b] + r.T[3][b]; sum != r.T[0][b] {
			t.Fatalf("replicate %d: strata add to %v, pooled %v", b, sum, r.T[0][b])
		}
	}
}

// TestStreamKeysChecked: stratum keys must cover every stratum and differ.
func TestStreamKeysChecked(t *testing.T) {
	units := pvaUnits(100, 3, 1)
	for name, keys := range map[string][]uint64{"short": {1, 2}, "repeated": {1, 2, 1}} {
		opts := BootOptions{B: 10, Level: 0.95, Design: Design{Strata: true}, StratumKeys: keys}
		if _, _, err := BootstrapShares(units, pvaSpecs(), opts); err == nil {
			t.Errorf("%s keys accepted", name)
		}
	}
}
