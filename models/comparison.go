package models

import (
	"fmt"
	"math"
)

// Comparison is the data of a comparison: every person of both groups.
type Comparison struct {
	// Treated marks the participants; the others are the comparison group.
	Treated []bool
	// Covariates are known at entry (numbers with Values, categories and
	// bands with Codes; cem needs Codes on every covariate).
	Covariates []Covariate
	// Strata, when not nil, are codes ≥ 0 per person: the bootstrap then
	// resamples within each stratum of each group.
	Strata []int
}

// ComparisonOptions choose the method (the config's comparison section).
type ComparisonOptions struct {
	// Method is MethodIPW (also when empty), MethodCEM or MethodNearest.
	Method string
	// Trim (ipw) are the quantile bounds of IPWWeights; the zero value
	// means [0, 1], no trimming.
	Trim [2]float64
	// Caliper and K: see NearestOptions.
	Caliper float64
	K       int
}

// method returns the method with its default.
func (o ComparisonOptions) method() string {
	if o.Method == "" {
		return MethodIPW
	}
	return o.Method
}

// trim returns the trim bounds with their default.
func (o ComparisonOptions) trim() [2]float64 {
	if o.Trim == [2]float64{} {
		return [2]float64{0, 1}
	}
	return o.Trim
}

// check validates the data for the method.
func (c Comparison) check(method string) error {
	if err := checkGroups(c.Treated); err != nil {
		return err
	}
	if len(c.Covariates) == 0 {
		return fmt.Errorf("comparison.covariates is empty: name the fields known at entry to compare on")
	}
	for _, cov := range c.Covariates {
		if err := cov.check(len(c.Treated), method == MethodCEM); err != nil {
			return err
		}
	}
	if c.Strata != nil {
		checkLength("strata", len(c.Strata), len(c.Treated))
		for _, s := range c.Strata {
			if s < 0 {
				return fmt.Errorf("models: stratum code %d is negative", s)
			}
		}
	}
	return nil
}

// Weigh estimates the ATT weights of the method: ipw and nearest fit the
// propensity model (FitLogistic on DesignMatrix(c.Covariates)) first.
// Errors are sentences naming what to change (separation, no overlap, no
// matched stratum, an unknown method).
func Weigh(c Comparison, o ComparisonOptions) (*Weighting, error) {
	method := o.method()
	if err := c.check(method); err != nil {
		return nil, err
	}
	if method == MethodCEM {
		return CEMWeights(c.Treated, c.Covariates)
	}
	if method != MethodIPW && method != MethodNearest {
		return nil, fmt.Errorf("comparison.method %q is not one of ipw, cem, nearest", o.Method)
	}
	cols, names := DesignMatrix(c.Covariates)
	m, err := FitLogistic(cols, names, c.Treated)
	if err != nil {
		return nil, err
	}
	logit := m.Linear(cols)
	score := make([]float64, len(logit))
	for i, e := range logit {
		score[i] = logitInv(e)
	}
	var w *Weighting
	if method == MethodIPW {
		w, err = IPWWeights(c.Treated, score, o.trim())
	} else {
		w, err = NearestWeights(c.Treated, logit, NearestOptions{K: o.K, Caliper: o.Caliper})
	}
	if err != nil {
		return nil, err
	}
	w.Score, w.Logit, w.Model = score, logit, m
	return w, nil
}

// nanAll sets every statistic of a failed replicate to NaN.
func nanAll(out []float64) {
	for j := range out {
		out[j] = math.NaN()
	}
}
