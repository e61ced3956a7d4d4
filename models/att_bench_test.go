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

// BenchmarkBootstrapATTIPW1e5Continuous: as BenchmarkBootstrapATTIPW1e5
// with a continuous covariate added (weeks on benefit, uniform 0–52 with
// decimals), so nearly every person is a pattern of their own and each
// refit costs O(n p²).
func BenchmarkBootstrapATTIPW1e5Continuous(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	s := simulate(rng, 100_000)
	weeks := make([]float64, len(s.y))
	for i := range weeks {
		weeks[i] = 52 * rng.Float64()
	}
	s.c.Covariates = append(s.c.Covariates, Covariate{Name: "weeks", Values: weeks})
	o := ComparisonOptions{Method: MethodIPW, Trim: [2]float64{0.01, 0.99}}
	outcomes := []Outcome{{ID: "y", Y: s.y}}
	b.ReportAllocs()
	for range b.N {
		if _, err := BootstrapATT(s.c, o, outcomes, Options{B: 999, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
