package models

import (
	"fmt"
)

// ShareResult is the outcome for one Spec of BootstrapShares.
type ShareResult struct {
	ID string
	// Share is true for a ShareSpec, false for a ScaledSpec.
	Share bool
	// Count is the observed numerator (people counted); Denominator the
	// people among whom (a share) or in the selected strata (a scaled count).
	Count, Denominator int
	// Estimate is the observed statistic (t0). Defined is false when it is
	// not (a share with denominator 0); Estimate is then 0 and Note says why.
	Estimate float64
	Defined  bool
	Note     string
	// Intervals holds one interval per requested method, in the order of
	// BootOptions.Methods (exact methods skipped for scaled counts). A
	// bootstrap interval that cannot be computed for a defined share is
	// replaced by Clopper-Pearson with Method "clopper-pearson", Rule
	// "fallback:<method>" and the reason in Note.
	Intervals []Interval
	// Target is set when the Spec has one.
	Target *TargetResult
	// Column is the statistic's index in the returned Replicates.
	Column int
	// DesignEffect is the variance under cluster resampling over that under
	// person resampling (1 without clusters; NaN when undefined).
	DesignEffect float64
}

// BootstrapShares computes, for every spec, the estimate, the exact and
// bootstrap intervals of opts.Methods, P(target met) and the design effect,
// from a cell bootstrap of units (DESIGN.md §6): people are collapsed into
// (stratum, pattern) cells once, and then, per spec, into (stratum, class)
// cells — outside its population, in it, counted — and every replicate
// draws multinomial counts of these within each stratum (or of whole
// clusters), so the cost after the O(n) pass is O(B × cells).
//
// Common random numbers: each stratum of replicate b is drawn from its own
// stream (seed, stratum key, b), and specs with equal classes share their
// draws, so a spec's intervals depend only on its own definition and
// population, the strata and clusters, B, level and seed — adding or
// changing another spec leaves them bit-identical. Within a spec (and
// among specs with equal classes: a measure pooled and per stratum, gross
// and net saving) the resample is joint; across specs with different
// classes it is not. The Replicates are returned so that any interval can
// be recomputed.
//
// Errors: no units or specs, an empty or repeated ID, a spec without its
// predicate, B < 1, level outside (0, 1), an unknown method, bad stratum
// keys.
func BootstrapShares(units []Unit, specs []Spec, opts BootOptions) ([]ShareResult, *Replicates, error) {
	methods, err := resolveMethods(opts)
	if err != nil {
		return nil, nil, err
	}
	if len(specs) == 0 {
		return nil, nil, errNoStatistics
	}
	cells, err := NewCells(units, opts.Design)
	if err != nil {
		return nil, nil, err
	}
	keys, err := streamKeys(cells, opts)
	if err != nil {
		return nil, nil, err
	}
	sets, built, err := planSpecs(cells, specs)
	if err != nil {
		return nil, nil, err
	}
	reps := bootstrapSets(sets, len(specs), opts, keys)
	out := make([]ShareResult, len(specs))
	for j := range specs {
		if out[j], err = shareResult(reps, j, specs[j].specID(), built[j], methods, opts); err != nil {
			return nil, nil, err
		}
	}
	return out, reps, nil
}

// resolveMethods validates the options and returns the method names.
func resolveMethods(opts BootOptions) ([]string, error) {
	if err := checkIntervalLevel(opts.Level); err != nil {
		return nil, err
	}
	if err := (Options{B: opts.B}).check(); err != nil {
		return nil, err
	}
	methods := opts.Methods
	if len(methods) == 0 {
		methods = DefaultMethods
	}
	for _, m := range methods {
		if _, ok := bootMethod(m, opts); !ok && !IsExactMethod(m) {
			return nil, fmt.Errorf("models: unknown interval method %q", m)
		}
	}
	return methods, nil
}

// bootMethod returns the BootMethod named m under the options' rules.
func bootMethod(m string, opts BootOptions) (BootMethod, bool) {
	switch m {
	case MethodPercentile:
		return Percentile{Rule: opts.Rule}, true
	case MethodBasic:
		return Basic{Rule: opts.Rule}, true
	case MethodNormal:
		return Normal{}, true
	case MethodBCa:
		return BCa{Z0: opts.Z0, Rule: opts.Rule, Accel: opts.Accel}, true
	}
	return nil, false
}

// shareResult assembles the result of statistic j.
func shareResult(r *Replicates, j int, id string, b builtSpec, methods []string, opts BootOptions) (ShareResult, error) {
	res := ShareResult{ID: id, Share: b.share, Count: int(b.count), Denominator: int(b.den), Column: j, DesignEffect: r.DesignEffect[j]}
	res.Defined = !b.share || b.den > 0
	if res.Defined {
		res.Estimate = r.T0[j]
	} else {
		res.Note = noteZeroDenominator
	}
	for _, m := range methods {
		var iv Interval
		var err error
		if bm, ok := bootMethod(m, opts); ok {
			iv, err = bm.Interval(r, j, opts.Level)
			if err == nil && !iv.Defined && b.share && res.Defined {
				iv, err = clopperPearsonFallback(m, iv.Note, res.Count, res.Denominator, opts.Level)
			}
		} else if b.share {
			iv, err = ExactInterval(m, res.Count, res.Denominator, opts.Level)
		} else {
			continue
		}
		if err != nil {
			return ShareResult{}, fmt.Errorf("models: %s %s: %w", id, m, err)
		}
		res.Intervals = append(res.Intervals, iv)
	}
	if b.target != nil {
		tr, err := AssessTarget(r, j, *b.target, opts.Level, opts.Rule)
		if err != nil {
			return ShareResult{}, fmt.Errorf("models: %s target: %w", id, err)
		}
		res.Target = &tr
	}
	return res, nil
}

// clopperPearsonFallback stands in for a bootstrap interval of a share that
// could not be computed.
func clopperPearsonFallback(method, reason string, k, n int, level float64) (Interval, error) {
	iv, err := ClopperPearson(k, n, level)
	iv.Rule = "fallback:" + method
	iv.Note = reason + "; Clopper-Pearson shown"
	return iv, err
}
