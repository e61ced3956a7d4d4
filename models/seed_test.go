package models

import (
	"math/rand/v2"
	"testing"
)

// TestBlockSeedDistinct: the streams of the first blocks of nearby seeds are
// pairwise distinct, and re-seeding restarts a stream exactly.
func TestBlockSeedDistinct(t *testing.T) {
	seen := map[[2]uint64]bool{}
	for seed := uint64(0); seed < 50; seed++ {
		for k := range 200 {
			a, b := blockSeed(seed, k)
			if seen[[2]uint64{a, b}] {
				t.Fatalf("seed %d block %d repeats a stream", seed, k)
			}
			seen[[2]uint64{a, b}] = true
		}
	}
	pcg := rand.NewPCG(0, 0)
	r := rand.New(pcg)
	blockStream(pcg, 7, 3)
	x := r.Uint64()
	blockStream(pcg, 7, 4)
	blockStream(pcg, 7, 3)
	if y := r.Uint64(); x != y {
		t.Errorf("re-seeded stream differs: %x vs %x", x, y)
	}
}
