package models

import "fmt"

// EffectOptions control EstimateComparison's intervals.
type EffectOptions struct {
	// B, Seed and Workers as in Options (ipw, cem); Level in (0, 1).
	B       int
	Seed    uint64
	Workers int
	Level   float64
	// Methods are the bootstrap intervals wanted (MethodBCa,
	// MethodPercentile, MethodBasic, MethodNormal); empty: BCa and
	// percentile. nearest always gives MethodAbadieImbens instead.
	Methods []string
	Rule    QuantileRule
	Z0      Z0Rule
	Accel   AccelForm
	// VarianceMatches is J of AbadieImbens (0: 2).
	VarianceMatches int
}

// EffectResult is one outcome's effect with its intervals.
type EffectResult struct {
	ID string
	Effect
	// Intervals: the bootstrap methods in the order asked (ipw, cem), or
	// the Abadie-Imbens normal interval (nearest). An interval that cannot
	// be computed has Defined false and a Note.
	Intervals []Interval
	// SE is the Abadie-Imbens standard error (nearest; 0 otherwise).
	SE float64
	// W are the weights of this effect when they differ from the
	// Weighting's (nearest, matched again within the population); nil
	// otherwise.
	W []float64
}

// ComparisonResult is everything the report shows of a comparison.
type ComparisonResult struct {
	Weighting *Weighting
	Effects   []EffectResult
	// Balance before and after weighting, and the comparison's effective
	// sample size under the weights.
	Balance    []BalanceRow
	EffectiveN float64
	// OverTime holds every time outcome's effect at its horizons.
	OverTime []TimeEffectResult
	// Replicates of the bootstrap (ipw, cem; nil for nearest), column j
	// being outcome j, then the horizons of each time outcome in turn.
	Replicates *Replicates
}

// EstimateComparison weighs the comparison group by the method and
// returns, for every outcome, the effect on the participants with its
// intervals, the balance of the covariates and the effective sample size.
// ipw and cem: bootstrap intervals (BootstrapATT, weights re-estimated in
// every replicate). nearest: the Abadie-Imbens interval; an outcome with a
// population (In) is matched again within it (same caliper width).
func EstimateComparison(c Comparison, o ComparisonOptions, outcomes []Outcome, opts EffectOptions) (*ComparisonResult, error) {
	return EstimateEffects(c, o, outcomes, nil, opts)
}

// EstimateEffects is EstimateComparison with effects over time as well:
// for each time outcome, the participants' cumulative incidence minus the
// weighted comparison's at every horizon (weighted Kaplan-Meier), its
// bootstrap intervals drawn in the same replicates as the outcomes' (ipw,
// cem). nearest gives the point estimates over time without an interval
// (the Abadie-Imbens variance is that of a mean).
func EstimateEffects(c Comparison, o ComparisonOptions, outcomes []Outcome, times []TimeOutcome, opts EffectOptions) (*ComparisonResult, error) {
	if err := checkIntervalLevel(opts.Level); err != nil {
		return nil, err
	}
	w, err := Weigh(c, o)
	if err != nil {
		return nil, err
	}
	res := &ComparisonResult{Weighting: w, Balance: Balance(c.Treated, w.W, c.Covariates),
		EffectiveN: EffectiveSampleSize(c.Treated, w.W)}
	for _, oc := range outcomes {
		res.Effects = append(res.Effects, EffectResult{ID: oc.ID, Effect: ATT(c.Treated, w.W, oc)})
	}
	stats := make([]*timeStat, len(times))
	for k, to := range times {
		stats[k] = newTimeStat(c.Treated, to)
		tw, rematched := timeWeights(c, o, w, to)
		te := stats[k].estimate(tw)
		if rematched {
			te.W = tw
		}
		res.OverTime = append(res.OverTime, te)
	}
	if o.method() == MethodNearest {
		return res, nearestIntervals(c, o, w, outcomes, opts, res)
	}
	if len(outcomes)+len(times) == 0 {
		return res, nil
	}
	res.Replicates, err = bootstrapATT(c, o, w, outcomes, stats, Options{B: opts.B, Seed: opts.Seed, Workers: opts.Workers})
	if err != nil {
		return nil, err
	}
	return res, bootIntervals(res, opts)
}

// bootIntervals fills the intervals of every outcome and every defined
// horizon from the replicates.
func bootIntervals(res *ComparisonResult, opts EffectOptions) error {
	methods := opts.Methods
	if len(methods) == 0 {
		methods = []string{MethodBCa, MethodPercentile}
	}
	bo := BootOptions{Rule: opts.Rule, Z0: opts.Z0, Accel: opts.Accel}
	column := func(j int) ([]Interval, error) {
		var ivs []Interval
		for _, m := range methods {
			bm, ok := bootMethod(m, bo)
			if !ok {
				return nil, fmt.Errorf("models: unknown bootstrap interval method %q", m)
			}
			iv, err := bm.Interval(res.Replicates, j, opts.Level)
			if err != nil {
				return nil, err
			}
			ivs = append(ivs, iv)
		}
		return ivs, nil
	}
	var err error
	j := 0
	for k := range res.Effects {
		if res.Effects[k].Intervals, err = column(j); err != nil {
			return err
		}
		j++
	}
	for _, te := range res.OverTime {
		for k := range te.Horizons {
			if te.Horizons[k].Defined {
				if te.Horizons[k].Intervals, err = column(j); err != nil {
					return err
				}
			}
			j++
		}
	}
	return nil
}

// timeWeights are the weights of a time outcome: Weigh's, except that
// nearest matches again within the outcome's population (rematched).
func timeWeights(c Comparison, o ComparisonOptions, w *Weighting, to TimeOutcome) (_ []float64, rematched bool) {
	if o.method() != MethodNearest || to.In == nil {
		return w.W, false
	}
	treated, logit := subsetBool(c.Treated, to.In), subsetFloat(w.Logit, to.In)
	if checkGroups(treated) != nil {
		return make([]float64, len(c.Treated)), true
	}
	m := matchNearest(treated, logit, max(o.K, 1), w.Matches.CaliperWidth)
	return expand(m.weights(len(treated)), to.In), true
}

// expand places the weights of the people in keep back among everyone
// (0 for the others).
func expand(sub []float64, keep []bool) []float64 {
	out := make([]float64, len(keep))
	k := 0
	for i, in := range keep {
		if in {
			out[i] = sub[k]
			k++
		}
	}
	return out
}

// nearestIntervals fills the Abadie-Imbens intervals of every outcome.
func nearestIntervals(c Comparison, o ComparisonOptions, w *Weighting, outcomes []Outcome, opts EffectOptions, res *ComparisonResult) error {
	for j, oc := range outcomes {
		e := &res.Effects[j]
		treated, logit, y, m := c.Treated, w.Logit, oc.Y, w.Matches
		if oc.In != nil {
			treated, logit, y = subsetBool(c.Treated, oc.In), subsetFloat(w.Logit, oc.In), subsetFloat(oc.Y, oc.In)
			if checkGroups(treated) != nil {
				e.Effect = Effect{Note: fmt.Sprintf("not defined: a group has nobody in the population of %s", oc.ID)}
				continue
			}
			m = matchNearest(treated, logit, max(o.K, 1), w.Matches.CaliperWidth)
			if m.Matched == 0 {
				e.Effect = Effect{Note: fmt.Sprintf("not defined: no participant in the population of %s has a match within the caliper", oc.ID)}
				continue
			}
			sub := m.weights(len(treated))
			e.Effect = ATT(treated, sub, Outcome{ID: oc.ID, Y: y})
			e.W = expand(sub, oc.In)
		}
		ai, err := AbadieImbens(treated, logit, y, m, opts.VarianceMatches, opts.Level)
		if err != nil {
			return err
		}
		e.SE = ai.SE
		e.Intervals = []Interval{ai.Interval}
	}
	return nil
}

func subsetBool(x, keep []bool) []bool {
	var s []bool
	for i, k := range keep {
		if k {
			s = append(s, x[i])
		}
	}
	return s
}

func subsetFloat(x []float64, keep []bool) []float64 {
	var s []float64
	for i, k := range keep {
		if k {
			s = append(s, x[i])
		}
	}
	return s
}
