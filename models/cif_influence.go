package models

import "math"

// cifInfluence carries the Aalen-Johansen estimate and the sums needed for
// its infinitesimal-jackknife variance from one distinct time to the next.
//
// With case weights w, S(t) = Π (1 − dⱼ/nⱼ) and F_k(t) = Σ S(tⱼ−) d_kj/nⱼ.
// Let Lᵢ(t) = ∂log S(t)/∂wᵢ. At a time j with n at risk and d exits, a
// subject who stays (or is censored at j) adds cⱼ = d/(n(n − d)) to Lᵢ and
// one who exits adds −1/n; after leaving, Lᵢ is constant. The influence
// on F_k is
//
//	Uᵢ(t) = Σ_{tⱼ ≤ t} S(tⱼ−)/nⱼ · (d_kj·Lᵢ(tⱼ−) + dN_ikj − Yᵢⱼ·d_kj/nⱼ),
//
// which is what R's survfitci.c computes as U ← U·H + dH. Hence:
//   - every subject still at risk has the same value, b_k (below);
//   - a subject who left at tⱼ has Uᵢ(t) = Uᵢ(tⱼ) + Lᵢ(tⱼ)·(F_k(t) − F_k(tⱼ)).
//
// So Σᵢ Uᵢ² = Σ_left Uᵢ² + n_risk·b_k², and Σ_left Uᵢ² moves with F_k
// through Σ_left Uᵢ Lᵢ and Σ_left Lᵢ²: O(K²) per time, for any n. The
// event-free state's variance S²·Σᵢ Lᵢ² equals Greenwood's S²·Σ cⱼ (the
// cross terms vanish), which is how it is computed.
type cifInfluence struct {
	n  int       // at risk before the current time
	s  float64   // S at the last processed time
	g  float64   // Greenwood sum Σ cⱼ (the common Lᵢ of those at risk)
	f  []float64 // F_k
	b  []float64 // Uᵢ of a subject still at risk, per exit type
	uu []float64 // Σ over subjects who left of Uᵢ², per exit type
	ul []float64 // Σ over subjects who left of Uᵢ·Lᵢ, per exit type
	ll float64   // Σ over subjects who left of Lᵢ²
}

func newCIFInfluence(k, n int) *cifInfluence {
	buf := make([]float64, 4*k)
	return &cifInfluence{n: n, s: 1, f: buf[:k], b: buf[k : 2*k], uu: buf[2*k : 3*k], ul: buf[3*k:]}
}

// step processes one distinct time with nev[k-1] exits of type k and
// cens censorings (exits first).
func (c *cifInfluence) step(nev []int, cens int) {
	d := 0
	for _, x := range nev {
		d += x
	}
	if d > 0 {
		fn, fd := float64(c.n), float64(d)
		lExit := c.g - 1/fn // Lᵢ of a subject exiting now
		for k, dk := range nev {
			delta := c.s * float64(dk) / fn // increment of F_k
			// Those who left earlier move with F_k.
			c.uu[k] += 2*delta*c.ul[k] + delta*delta*c.ll
			c.ul[k] += delta * c.ll
			c.b[k] += delta * lExit
			c.f[k] += delta
		}
		for e, de := range nev {
			if de == 0 {
				continue
			}
			w := float64(de)
			for k := range c.b {
				u := c.b[k]
				if k == e {
					u += c.s / fn
				}
				c.uu[k] += w * u * u
				c.ul[k] += w * u * lExit
			}
			c.ll += w * lExit * lExit
		}
		if d < c.n {
			c.g += fd / (fn * (fn - fd))
			c.s *= (fn - fd) / fn
		} else {
			c.s = 0 // nobody continues, so g is never used again
		}
	}
	if cens > 0 {
		w := float64(cens)
		for k, bk := range c.b {
			c.uu[k] += w * bk * bk
			c.ul[k] += w * bk * c.g
		}
		c.ll += w * c.g * c.g
	}
	c.n -= d + cens
}

// stdErr is the infinitesimal-jackknife standard error of F_k.
func (c *cifInfluence) stdErr(k int) float64 {
	v := c.uu[k] + float64(c.n)*c.b[k]*c.b[k]
	return math.Sqrt(math.Max(v, 0))
}
