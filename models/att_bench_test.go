package models

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkBootstrapATTIPW1e5: the IPW bootstrap at n = 10⁵ (the coverage
// simulation's design: 3 categorical covariates, 7 model columns), B = 999,
// the propensity model refitted in every replicate, trim [0.01, 0.99].
func BenchmarkBootstrapATTIPW1e5(b *testing.B) {
	s := simulate(rand.New(rand.NewPCG(1, 2)), 100_000)
	o := ComparisonOptions{Method: MethodIPW, Trim: [2]float64{0.01, 0.99}}
	outcomes := []Outcome{{ID: "y", Y: s.y}}
	b.ReportAllocs()
	for range b.N {
		if _, err := BootstrapATT(s.c, o, outcomes, Options{B: 999, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBootstrapATTCEM1e5: the same for cem (strata re-matched).
func BenchmarkBootstrapATTCEM1e5(b *testing.B) {
	s := simulate(rand.New(rand.NewPCG(1, 2)), 100_000)
	outcomes := []Outcome{{ID: "y", Y: s.y}}
	b.ReportAllocs()
	for range b.N {
		if _, err := BootstrapATT(s.c, ComparisonOptions{Method: MethodCEM}, outcomes, Options{B: 999, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
