package models

import "math/rand/v2"

// ReplicateBlock is the number of replicates drawn from one random stream.
// Replicate b belongs to block b / ReplicateBlock and is the
// (b mod ReplicateBlock)-th replicate drawn from that block's stream, so its
// value depends only on (seed, block, position) — never on the number of
// workers or on GOMAXPROCS. Changing it changes every result.
const ReplicateBlock = 256

// splitMix64 is one step of SplitMix64 (Steele, Lea and Flood 2014): a
// bijective mixer whose outputs are well spread even for consecutive inputs.
func splitMix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// blockSeed returns the two PCG seed words of replicate block k under the
// run's seed: hash(seed, k) by chained SplitMix64.
func blockSeed(seed uint64, k int) (uint64, uint64) {
	h := splitMix64(seed ^ 0x6a09e667f3bcc909)
	h = splitMix64(h ^ uint64(k))
	return h, splitMix64(h ^ 0xbb67ae8584caa73b)
}

// blockStream re-seeds pcg for block k of the run's seed. A *rand.Rand that
// wraps pcg then draws the block's stream; it keeps no state of its own for
// the methods used here (Float64, IntN), so re-seeding restarts it exactly.
func blockStream(pcg *rand.PCG, seed uint64, k int) {
	pcg.Seed(blockSeed(seed, k))
}

// unstratifiedKey is the stream key of the one resampling group of an
// unstratified design (stratum keys are the caller's, e.g. name hashes).
const unstratifiedKey = 0x510e527fade682d1

// replicateStream re-seeds pcg for replicate b of the resampling group
// with stream key key: hash(seed, key, b) by chained SplitMix64. The common
// random numbers of BootstrapShares rest on it: a group's draws in
// replicate b depend on nothing else.
func replicateStream(pcg *rand.PCG, seed, key uint64, b int) {
	h := splitMix64(seed ^ 0x3c6ef372fe94f82b)
	h = splitMix64(h ^ key)
	h = splitMix64(h ^ uint64(b))
	pcg.Seed(h, splitMix64(h^0xa54ff53a5f1d36f1))
}
