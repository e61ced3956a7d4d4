package extract

import (
	"math/bits"
	"math/rand/v2"
)

// IDHash is a participant id as two 64-bit hashes. The duplicate check
// needs only whether two ids are equal, so the ids themselves need not
// stay in memory: 16 bytes a row instead of a string, and no identifier
// to leak from a core dump or a debugger.
//
// Each half is a polynomial hash modulo the prime p = 2⁶¹−1 with a key
// drawn at random when the process starts: the id's length and its bytes
// in 7-byte chunks m₁…mₙ (each < 2⁵⁶ < p) are the coefficients of
// P(k) = len·kⁿ + m₁·kⁿ⁻¹ + … + mₙ, so two different ids give two
// different polynomials (the length tells a chunk's zero padding from
// zero bytes), and their difference, of degree at most n, vanishes at at
// most n of the p keys. Two ids collide in one half with probability at
// most n/p over the key, and in both halves, whose keys are independent,
// with at most (n/p)²: for ids up to 21 bytes (n = 3) under 2⁻¹¹⁸ a pair,
// and about 2⁻⁷³ for all 5·10¹³ pairs of a 10⁷-row extract. The bound holds
// for any ids because they cannot depend on keys drawn after they were
// written. A bijective mixer (fmix64) then spreads each half over all 64
// bits, so that the low bits index a hash table evenly (repeatedIDs):
// ids that differ only in their last character differ only in the high
// bits of their last chunk. The hashes differ from run to run; nothing
// outside the process sees them, and results depend only on which ids are
// equal. This costs a tenth of the SHA-256 it replaces.
type IDHash [2]uint64

// idPrime is the Mersenne prime 2⁶¹−1 that the hashes are modulo.
const idPrime = 1<<61 - 1

// idKeys are the two polynomial keys, uniform in [0, p).
var idKeys = [2]uint64{rand.Uint64N(idPrime), rand.Uint64N(idPrime)}

// HashID hashes an id as read (trimmed, as text).
func HashID(id string) IDHash {
	k0, k1 := idKeys[0], idKeys[1]
	h0, h1 := uint64(len(id)), uint64(len(id))
	for len(id) > 7 {
		m := le64(id) & (1<<56 - 1)
		h0, h1 = mulmod61(h0, k0)+m, mulmod61(h1, k1)+m
		id = id[7:]
	}
	if len(id) > 0 {
		var m uint64
		for i := len(id) - 1; i >= 0; i-- {
			m = m<<8 | uint64(id[i])
		}
		h0, h1 = mulmod61(h0, k0)+m, mulmod61(h1, k1)+m
	}
	return IDHash{fmix64(reduce61(h0)), fmix64(reduce61(h1))}
}

// le64 is the first 8 bytes of s, little-endian (len(s) ≥ 8).
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// mulmod61 is a·k mod p for a < 2⁶² and k < p, fully reduced: the
// product, below 2¹²³, folds as 2⁶¹ ≡ 1.
func mulmod61(a, k uint64) uint64 {
	hi, lo := bits.Mul64(a, k)
	return reduce61((lo & idPrime) + (hi<<3 | lo>>61))
}

// reduce61 is x mod p for x < 2⁶³.
func reduce61(x uint64) uint64 {
	x = (x & idPrime) + x>>61
	if x >= idPrime {
		x -= idPrime
	}
	return x
}

// fmix64 is MurmurHash3's finaliser, a bijection on 64 bits that makes
// every output bit depend on every input bit.
func fmix64(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}
