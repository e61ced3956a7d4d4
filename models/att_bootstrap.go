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
	w, err := weighForBootstrap(c, o)
	if err != nil {
		return nil, err
	}
	return bootstrapATT(c, o, w, outcomes, nil, opts)
}

// weighForBootstrap is Weigh for a method that can be bootstrapped.
func weighForBootstrap(c Comparison, o ComparisonOptions) (*Weighting, error) {
	if o.method() == MethodNearest {
		return nil, errors.New("models: no bootstrap for nearest-neighbour matching; use AbadieImbens")
	}
	return Weigh(c, o)
}

// bootstrapATT is BootstrapATT under Weigh's weights w, with the
// differences of incidence of the time outcomes at their horizons as
// further columns (after the outcomes, each time outcome's horizons in
// order), drawn in the same replicates.
func bootstrapATT(c Comparison, o ComparisonOptions, w *Weighting, outcomes []Outcome, times []*timeStat, opts Options) (*Replicates, error) {
	for _, oc := range outcomes {
		checkLength("outcome "+oc.ID, len(oc.Y), len(c.Treated))
		if oc.In != nil {
			checkLength("population of "+oc.ID, len(oc.In), len(c.Treated))
		}
	}
	cols := timeColumns(len(outcomes), times)
	est := newATTEstimator(c, o, w)
	stat := IndexStatistic{
		N: len(c.Treated), Strata: resampleGroups(c), Dim: len(cols),
		Eval: eval(est, c.Treated, outcomes, times),
	}
	groups := indexGroups(stat.N, stat.Strata)
	stat.Influence = func(j int) []float64 {
		if col := cols[j]; col.time != nil {
			return centreInfluence(est.influence(col.time.pseudoOutcome(w.W, col.k)), groups)
		}
		return centreInfluence(est.influence(outcomes[j]), groups)
	}
	r, err := BootstrapIndex(stat, opts)
	if err != nil {
		return nil, err
	}
	for j, oc := range outcomes {
		r.T0[j] = attCounted(c.Treated, w.W, nil, oc)
	}
	evalTimes(times, w.W, nil, r.T0[len(outcomes):], make([]float64, 2*len(cols)))
	return r, nil
}

// timeColumn is a column of the replicates: an outcome (time nil) or
// horizon k of a time outcome.
type timeColumn struct {
	time *timeStat
	k    int
}

func timeColumns(outcomes int, times []*timeStat) []timeColumn {
	cols := make([]timeColumn, outcomes)
	for _, ts := range times {
		for k := range ts.hs {
			cols = append(cols, timeColumn{ts, k})
		}
	}
	return cols
}

// evalTimes writes every time outcome's differences into out in turn.
func evalTimes(times []*timeStat, w, c, out, buf []float64) {
	pos := 0
	for _, ts := range times {
		ts.eval(w, c, out[pos:pos+len(ts.hs)], buf)
		pos += len(ts.hs)
	}
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
	c, w, score, buf []float64
	irls             irlsBuffers
	pairs            []valueCount
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
func eval(est attEstimator, treated []bool, outcomes []Outcome, times []*timeStat) func(idx []int, out []float64) {
	n, h := len(treated), 0
	for _, ts := range times {
		h = max(h, len(ts.hs))
	}
	pool := sync.Pool{New: func() any {
		return &attScratch{c: make([]float64, n), w: make([]float64, n), score: make([]float64, n), buf: make([]float64, 2*h)}
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
		evalTimes(times, s.w, s.c, out[len(outcomes):], s.buf)
	}
}
