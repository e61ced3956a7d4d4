package models

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// TestNewDurations checks the distinct times come out sorted and each
// record's rank points at its own time, for whole weeks, days as weeks
// (the pipeline's times), −0 and continuous times that force the table
// to grow.
func TestNewDurations(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	cases := map[string][]float64{
		"empty":      {},
		"one":        {3},
		"zeros":      {0, math.Copysign(0, -1), 0},
		"weeks":      {4, 1, 4, 0, 2, 1},
		"days":       make([]float64, 5000),
		"continuous": make([]float64, 5000),
	}
	for i := range cases["days"] {
		cases["days"][i] = float64(rng.IntN(900)) / 7
		cases["continuous"][i] = rng.Float64() * 80
	}
	for name, time := range cases {
		t.Run(name, func(t *testing.T) {
			d, err := NewDurations(time)
			if err != nil {
				t.Fatal(err)
			}
			want := slices.Clone(time)
			slices.Sort(want)
			want = slices.Compact(want)
			if !slices.Equal(d.Times, want) {
				t.Fatalf("times %v, want %v", d.Times, want)
			}
			for i, r := range d.Rank {
				if d.Times[r] != time[i] {
					t.Fatalf("record %d: rank %d is time %v, want %v", i, r, d.Times[r], time[i])
				}
			}
		})
	}
	if _, err := NewDurations([]float64{1, math.NaN()}); err == nil {
		t.Error("NaN time: no error")
	}
}

// TestDurationsTallyPaths checks that counting over every distinct time
// and sorting a few records give the same tally, by comparing each
// stratum's curve, large strata (counted) and a small one (sorted), with
// the curve of its records alone.
func TestDurationsTallyPaths(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	n := 20000
	time, event, stratum := make([]float64, n), make([]bool, n), make([]int32, n)
	for i := range n {
		time[i] = float64(rng.IntN(3000)) / 7
		event[i] = rng.IntN(3) == 0
		stratum[i] = 1 + rng.Int32N(2)
		if i%200 == 0 {
			stratum[i] = 0 // 100 records over ~2800 distinct times: sorted
		}
	}
	d, err := NewDurations(time)
	if err != nil {
		t.Fatal(err)
	}
	opts := KMOptions{Level: 0.95}
	by, err := d.KaplanMeierByStratum(event, stratum, []string{"small", "a", "b"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	for s := range by {
		var ts []float64
		var ev []bool
		for i := range n {
			if int(stratum[i]) == s {
				ts, ev = append(ts, time[i]), append(ev, event[i])
			}
		}
		want, err := KaplanMeier(ts, ev, opts)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(by[s].Curve, want) {
			t.Errorf("stratum %s: curve differs from its records' own", by[s].Name)
		}
		if len(want.Rows) == 0 || len(want.Rows) >= len(d.Times) {
			t.Errorf("stratum %s: %d rows of %d times; the case does not test what it says", by[s].Name, len(want.Rows), len(d.Times))
		}
	}
}
