package models

import (
	"errors"
	"sync"
)

// BootstrapATT draws opts.B replicates of the ATT of every outcome (one
// joint resample for all): each replicate resamples the participants and
// the comparison group separately (within c.Strata when set), keeping
// every group's size, and re-estimates the weights on the resample — the
// propensity model refitted (from the full-sample fit) and the trim
// bounds recomputed (ipw), the strata re-matched (cem). A replicate where
// the weights cannot be estimated (separation, no overlap, no matched
// stratum, an empty group in an outcome's population) gives NaN, which the
// interval methods leave out and Replicates.Undefined counts.
//
// T0 holds the full-sample ATTs (as ATT with Weigh's weights). The BCa
// acceleration comes from the estimators' exact influence values (the
// propensity model's estimation included; trim bounds and the set of
// matched strata held fixed), centred within the resampling groups as
// MeanStatistic's, so it costs O(n), not a jackknife's O(n²).
// Replicates are bit-identical for any opts.Workers (BootstrapIndex's
// blocks). nearest is not bootstrapped (the bootstrap is invalid for
// matching with replacement, Abadie and Imbens 2008): use AbadieImbens.
func BootstrapATT(c Comparison, o ComparisonOptions, outcomes []Outcome, opts Options) (*Replicates, error) {
	if len(outcomes) == 0 {
		return nil, errNoStatistics
	}
	if o.method() == MethodNearest {
		return nil, errors.New("models: no bootstrap for nearest-neighbour matching; use AbadieImbens")
	}
	w, err := Weigh(c, o)
	if err != nil {
		return nil, err
	}
	for _, oc := range outcomes {
		checkLength("outcome "+oc.ID, len(oc.Y), len(c.Treated))
		if oc.In != nil {
			checkLength("population of "+oc.ID, len(oc.In), len(c.Treated))
		}
	}
	est := newATTEstimator(c, o, w)
	stat := IndexStatistic{
		N: len(c.Treated), Strata: resampleGroups(c), Dim: len(outcomes),
		Eval: eval(est, c.Treated, outcomes),
	}
	groups := indexGroups(stat.N, stat.Strata)
	stat.Influence = func(j int) []float64 { return centreInfluence(est.influence(outcomes[j]), groups) }
	r, err := BootstrapIndex(stat, opts)
	if err != nil {
		return nil, err
	}
	for j, oc := range outcomes {
		r.T0[j] = attCounted(c.Treated, w.W, nil, oc)
	}
	return r, nil
}

// resampleGroups labels each person's resampling group: group × stratum.
func resampleGroups(c Comparison) []int {
	g := make([]int, len(c.Treated))
	for i, t := range c.Treated {
		g[i] = b2i(t)
		if c.Strata != nil {
			g[i] += 2 * c.Strata[i]
		}
	}
	return g
}

// centreInfluence turns the derivatives g_i = ∂θ/∂c_i into the influence
// values of a resample within groups: L_i = n_g (g_i − ḡ_g).
func centreInfluence(g []float64, groups [][]int) []float64 {
	L := make([]float64, len(g))
	for _, members := range groups {
		mean := 0.0
		for _, i := range members {
			mean += g[i]
		}
		mean /= float64(len(members))
		for _, i := range members {
			L[i] = float64(len(members)) * (g[i] - mean)
		}
	}
	return L
}

// attEstimator re-estimates the weights under case weights c.
type attEstimator interface {
	// weights writes the weights under counts c into s.w.
	weights(c []float64, s *attScratch) error
	// influence returns ∂ATT/∂c_i at c = 1 for the outcome.
	influence(o Outcome) []float64
}

// attScratch are one replicate's buffers, pooled across replicates.
type attScratch struct {
	c, w, score []float64
	irls        irlsBuffers
	pairs       []valueCount
}

// newATTEstimator returns the estimator of the method (ipw or cem).
func newATTEstimator(c Comparison, o ComparisonOptions, w *Weighting) attEstimator {
	if o.method() == MethodCEM {
		strata, k := cemStrata(len(c.Treated), c.Covariates)
		return &cemEstimator{treated: c.Treated, strata: strata, k: k, w: w.W}
	}
	return newIPWEstimator(c, o, w)
}

// eval returns the Eval of BootstrapIndex: counts from the indices, the
// weights, then every outcome's ATT.
func eval(est attEstimator, treated []bool, outcomes []Outcome) func(idx []int, out []float64) {
	n := len(treated)
	pool := sync.Pool{New: func() any {
		return &attScratch{c: make([]float64, n), w: make([]float64, n), score: make([]float64, n)}
	}}
	return func(idx []int, out []float64) {
		s := pool.Get().(*attScratch)
		defer pool.Put(s)
		clear(s.c)
		for _, i := range idx {
			s.c[i]++
		}
		if err := est.weights(s.c, s); err != nil {
			nanAll(out)
			return
		}
		for j, o := range outcomes {
			out[j] = attCounted(treated, s.w, s.c, o)
		}
	}
}
