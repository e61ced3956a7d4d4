package models

import (
	"math"
	"math/rand/v2"
)

// binomialRand draws from Binomial(n, p) with the uniforms of r, in O(1)
// expected time:
//
//   - n·min(p, 1−p) < 10: inversion by sequential search (BINV), O(np) ≤ 10
//     expected steps;
//   - otherwise BTRS, transformed rejection with squeeze (Hörmann 1993, "The
//     generation of binomial random variates", J. Stat. Comput. Simul. 46),
//     about 1.2 iterations per draw.
//
// p > ½ is drawn as n − Binomial(n, 1−p). n ≤ 0 or p ≤ 0 gives 0; p ≥ 1 gives n.
func binomialRand(r *rand.Rand, n int64, p float64) int64 {
	if n <= 0 || !(p > 0) {
		return 0
	}
	if p >= 1 {
		return n
	}
	flip := p > 0.5
	if flip {
		p = 1 - p
	}
	var k int64
	if float64(n)*p < 10 {
		k = binomialInversion(r, n, p)
	} else {
		k = binomialBTRS(r, float64(n), p)
	}
	if flip {
		return n - k
	}
	return k
}

// binomialInversion is BINV (Kachitvichyanukul and Schmeiser 1988):
// sequential search of the CDF from 0 with the recursion
// f(x) = f(x−1)·((n+1)p/q/x − p/q), one uniform and O(np) multiplications.
// If rounding lets the search run past n, it restarts with a new uniform.
func binomialInversion(r *rand.Rand, n int64, p float64) int64 {
	q := 1 - p
	s := p / q
	a := float64(n+1) * s
	f0 := math.Pow(q, float64(n))
	for {
		u := r.Float64()
		f := f0
		for x := int64(0); x <= n; x++ {
			if u < f {
				return x
			}
			u -= f
			f *= a/float64(x+1) - s
		}
	}
}

// binomialBTRS is Hörmann's BTRS for n·p ≥ 10, p ≤ ½ (constants from the
// paper; the log-ratio bound uses Stirling tails as in PyTorch's
// sample_binomial_btrs).
func binomialBTRS(r *rand.Rand, n, p float64) int64 {
	spq := math.Sqrt(n * p * (1 - p))
	b := 1.15 + 2.53*spq
	a := -0.0873 + 0.0248*b + 0.01*p
	c := n*p + 0.5
	vr := 0.92 - 4.2/b
	odds := p / (1 - p)
	alpha := (2.83 + 5.1/b) * spq
	m := math.Floor((n + 1) * p)
	for {
		u := r.Float64() - 0.5
		v := r.Float64()
		us := 0.5 - math.Abs(u)
		k := math.Floor((2*a/us+b)*u + c)
		if !(k >= 0 && k <= n) {
			continue
		}
		if us >= 0.07 && v <= vr {
			return int64(k)
		}
		v = math.Log(v * alpha / (a/(us*us) + b))
		bound := (m+0.5)*math.Log((m+1)/(odds*(n-m+1))) +
			(n+1)*math.Log((n-m+1)/(n-k+1)) +
			(k+0.5)*math.Log(odds*(n-k+1)/(k+1)) +
			stirlingTail(m) + stirlingTail(n-m) - stirlingTail(k) - stirlingTail(n-k)
		if v <= bound {
			return int64(k)
		}
	}
}

// stirlingTailTable holds log k! − (k + ½) log(k + 1) + (k + 1) − ½ log 2π
// for k = 0…9.
var stirlingTailTable = [10]float64{
	0.0810614667953272, 0.0413406959554092, 0.0276779256849983,
	0.02079067210376509, 0.0166446911898211, 0.0138761288230707,
	0.0118967099458917, 0.0104112652619720, 0.00925546218271273,
	0.00833056343336287,
}

// stirlingTail returns the error of Stirling's approximation of log k!
// (the table for k ≤ 9, otherwise its asymptotic series in k + 1).
func stirlingTail(k float64) float64 {
	if k <= 9 {
		return stirlingTailTable[int(k)]
	}
	kp1sq := (k + 1) * (k + 1)
	return (1.0/12 - (1.0/360-1.0/1260/kp1sq)/kp1sq) / (k + 1)
}
