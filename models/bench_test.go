package models

import "testing"

// benchShares runs the pipeline's call: four measures (completion among
// started; job_or_education, employment, education among completers),
// percentile + BCa, B = 9999, including the O(n) collapse into cells.
func benchShares(b *testing.B, units []Unit, d Design) {
	opts := BootOptions{B: 9999, Seed: 1, Level: 0.95, Methods: []string{MethodPercentile, MethodBCa}, Design: d}
	specs := pvaSpecs()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, _, err := BootstrapShares(units, specs, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBootstrapShares195: n = 195 (pva), B = 9999. Target < 10 ms.
func BenchmarkBootstrapShares195(b *testing.B) { benchShares(b, pvaCohort(), Design{}) }

// BenchmarkBootstrapShares1e6Strata4: n = 10⁶ in 4 sites, stratified,
// B = 9999. Target < 1 s; memory independent of n × B.
func BenchmarkBootstrapShares1e6Strata4(b *testing.B) {
	benchShares(b, pvaUnits(1_000_000, 4, 1), Design{Strata: true})
}

// BenchmarkBootstrapIndexMean195: the index path, mean of 195 values, B = 9999.
func BenchmarkBootstrapIndexMean195(b *testing.B) {
	x := make([]float64, 195)
	for i := range x {
		x[i] = float64(i % 37)
	}
	s := MeanStatistic(x, nil)
	b.ReportAllocs()
	for range b.N {
		if _, err := BootstrapIndex(s, Options{B: 9999, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
