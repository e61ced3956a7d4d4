package diff

import (
	"math"

	"github.com/danish-eval/evaluate/models/results"
)

// Monte-Carlo error: how far a bootstrap figure moves when only the
// random numbers change (another seed, another number of replicates B).
//
// A percentile bound is the sample p-quantile of B replicates. The
// quantile's standard error is sqrt(p(1−p)/B) / g(q_p), g the density of
// the bootstrap distribution at the quantile. Taking that distribution as
// normal with standard deviation σ ≈ (high − low) / (2 z), z = Φ⁻¹((1 +
// level)/2) (the interval itself tells σ; the replicates are not stored),
// g(q_p) = φ(z_p)/σ, so
//
//	SE_MC = sqrt(p(1−p)/B) · σ / φ(z_p).
//
// At level 0.95 (p = 0.025) this is ≈ 0.68 · (high − low) / sqrt(B): for
// pva's employment (width 0.135, B = 9999) 0.0009. BCa and basic bounds
// are quantiles of the same replicates at adjusted or mirrored
// probabilities, and get the same rule (BCa's adjusted p is near the
// nominal one for these shares). A "normal" bound t0 ± z·sd moves with sd,
// whose relative standard error is 1/sqrt(2(B−1)). P(target met), a share
// of the B replicates, has the binomial SE sqrt(p(1−p)/B).
//
// The formula treats the bootstrap distribution as continuous. A share of
// n people is not: its replicates lie on a grid of step 1/n (finer when
// the denominator itself is resampled), a percentile bound is one of
// them, or with R boot's interpolation lies between two neighbours, and
// another seed moves it to the neighbour even at B = 9999. Measured on the
// bundled cohorts, seeds 1 against 2 and 3: the changed bounds moved by a
// root mean square of 3.5 of the formula's SEs, mostly by one grid step,
// while P(target met), which is not on such a grid, moved by 0.96. So a
// bound also counts as within Monte-Carlo error when it moved by no more
// than one step (1/denominator; for a saving, one person's months of
// benefit).
//
// A change is marked as within Monte-Carlo error when it is smaller than
// MCFactor standard errors of the difference, sqrt(SE_A² + SE_B²) (two
// independent runs differ by less than that 95 % of the time), or at
// most one grid step. Runs with the same seed share their random numbers
// (common random numbers per measure), so their difference is even less
// noisy: the rule errs toward calling a change "within Monte-Carlo
// error", the safe side for a mark that says "do not read anything into
// this". Exact figures (counts, estimates, Wilson, Clopper-Pearson,
// retention) are never marked: any change in them is real.

// MCFactor is how many standard errors of the difference count as noise.
const MCFactor = 2

// bootstrapMethods are the interval methods computed from the replicates;
// the others (Wilson, Clopper-Pearson, Jeffreys) are exact.
var bootstrapMethods = map[string]bool{"bca": true, "percentile": true, "basic": true, "normal": true}

// zOf is Φ⁻¹((1 + level)/2), the two-sided normal quantile.
func zOf(level float64) float64 { return math.Sqrt2 * math.Erfinv(level) }

func phi(z float64) float64 { return math.Exp(-z*z/2) / math.Sqrt(2*math.Pi) }

// quantileSE is the Monte-Carlo SE of a p-quantile of B replicates whose
// distribution has standard deviation sigma.
func quantileSE(p, sigma float64, reps int) float64 {
	zp := math.Sqrt2 * math.Erfinv(1-2*p) // Φ⁻¹(1−p) = −Φ⁻¹(p)
	return math.Sqrt(p*(1-p)/float64(reps)) * sigma / phi(zp)
}

// sigmaOf is the bootstrap standard deviation an interval implies.
func sigmaOf(iv results.Interval) float64 {
	return (*iv.High - *iv.Low) / (2 * zOf(iv.Level))
}

// boundSE is the Monte-Carlo SE of each bound of a bootstrap interval; 0
// for an exact method or an interval not shown.
func boundSE(iv results.Interval, reps int) float64 {
	if !bootstrapMethods[iv.Method] || iv.Low == nil || iv.High == nil || reps < 2 || iv.Level <= 0 || iv.Level >= 1 {
		return 0
	}
	sigma := sigmaOf(iv)
	if iv.Method == "normal" {
		return zOf(iv.Level) * sigma / math.Sqrt(2*float64(reps-1))
	}
	return quantileSE((1-iv.Level)/2, sigma, reps)
}

// oneSidedSE is the Monte-Carlo SE of a target's one-sided bound at the
// level (the (1 − level)-quantile), its spread read from the headline
// interval; 0 when that is exact or absent.
func oneSidedSE(head *results.Interval, reps int) float64 {
	if head == nil || !bootstrapMethods[head.Method] || reps < 2 || head.Level <= 0 || head.Level >= 1 {
		return 0
	}
	return quantileSE(1-head.Level, sigmaOf(*head), reps)
}

// pMetSE is the binomial SE of a share of B replicates.
func pMetSE(p *float64, reps int) float64 {
	if p == nil || reps < 1 {
		return 0
	}
	return math.Sqrt(*p * (1 - *p) / float64(reps))
}

// deffSE is the Monte-Carlo SE of a design effect, a ratio of two
// bootstrap variances, each with relative SE sqrt(2/(B−1)).
func deffSE(d *float64, reps int) float64 {
	if d == nil || reps < 2 {
		return 0
	}
	return *d * 2 / math.Sqrt(float64(reps-1))
}

// withinMC reports whether a change is smaller than MCFactor standard
// errors of the difference, or at most one grid step; never for exact
// figures (both SEs 0).
func withinMC(change, seA, seB, step float64) bool {
	se := math.Hypot(seA, seB)
	d := math.Abs(change)
	return se > 0 && (d < MCFactor*se || d <= step*(1+1e-9))
}
