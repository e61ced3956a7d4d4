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

// BenchmarkEffectsOverTimeIPW1e5: BenchmarkBootstrapATTIPW1e5 with the
// effect over time at four horizons as well (times uniform 0–104 weeks,
// the event for those with the outcome): one weighted Kaplan-Meier walk
// per group and replicate on top of the refit.
func BenchmarkEffectsOverTimeIPW1e5(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	s := simulate(rng, 100_000)
	to := TimeOutcome{ID: "y", Time: make([]float64, len(s.y)), Event: make([]bool, len(s.y)), Horizons: []float64{13, 26, 52, 78}}
	for i, y := range s.y {
		to.Time[i], to.Event[i] = 104*rng.Float64(), y != 0
	}
	o := ComparisonOptions{Method: MethodIPW, Trim: [2]float64{0.01, 0.99}}
	b.ReportAllocs()
	for range b.N {
		if _, err := EstimateEffects(s.c, o, []Outcome{{ID: "y", Y: s.y}}, []TimeOutcome{to},
			EffectOptions{B: 999, Seed: 1, Level: 0.95}); err != nil {
			b.Fatal(err)
		}
	}
}
