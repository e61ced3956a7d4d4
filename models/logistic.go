package models

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// Logistic is a logistic regression P(y = 1 | x) = 1 / (1 + exp(−x·β)),
// fitted by iteratively reweighted least squares as R's glm.fit with
// family binomial(): start from μ = (y + 0.5) / 2, stop when the deviance
// changes by less than 1e-8 relative (|D − D_old| / (|D| + 0.1)), at most
// 25 iterations.
type Logistic struct {
	// Names are "(Intercept)" and the column names; Coef the estimates.
	Names []string
	Coef  []float64
	// Deviance is −2 × the log-likelihood; Iterations as R's fit$iter.
	Deviance   float64
	Iterations int
}

// Settings of the fit, R glm.control's defaults.
const (
	logisticEpsilon = 1e-8
	logisticMaxIter = 25
	// logisticBoundary: fitted probabilities this close to 0 or 1 mean
	// separation (R's glm.fit warns at 10 × machine epsilon).
	logisticBoundary = 10 * 0x1p-52
)

// Errors of the fit, sentences a user can act on.
var (
	ErrSeparation = errors.New("the covariates separate participants from the comparison group completely " +
		"(some propensity scores are 0 or 1): drop or coarsen the covariate that tells them apart")
	ErrNoConvergence = errors.New("the propensity model did not converge in 25 iterations: " +
		"drop covariates or coarsen them")
	ErrCollinear = errors.New("the covariates are collinear (one is a combination of the others): drop one of them")
)

// FitLogistic fits y on the columns (one value per unit each) with an
// intercept. Errors: length mismatch, a column with one value only (named),
// collinear columns (ErrCollinear), separation (ErrSeparation) or no
// convergence (ErrNoConvergence).
func FitLogistic(cols [][]float64, names []string, y []bool) (*Logistic, error) {
	d, err := newLogitDesign(cols, names, y)
	if err != nil {
		return nil, err
	}
	g, dev, iter, err := d.fit(nil, nil, nil)
	if err != nil {
		return nil, err
	}
	return &Logistic{Names: append([]string{"(Intercept)"}, names...), Coef: d.coef(g), Deviance: dev, Iterations: iter}, nil
}

// Linear returns x·β for every unit (the logit of the score).
func (m *Logistic) Linear(cols [][]float64) []float64 {
	n := 0
	if len(cols) > 0 {
		n = len(cols[0])
	}
	eta := make([]float64, n)
	for i := range eta {
		eta[i] = m.Coef[0]
		for j, c := range cols {
			eta[i] += m.Coef[j+1] * c[i]
		}
	}
	return eta
}

// logitDesign is the design matrix, the intercept first and the other
// columns centred and scaled: the IRLS iterates are the same (the fit is
// invariant to that reparametrisation) but the normal equations are well
// conditioned even for earnings in kroner next to a 0/1. People with the
// same row and outcome are one pattern, fitted once with their summed case
// weights (the same fit): categorical and banded covariates leave few
// patterns, so a bootstrap replicate's refit costs O(patterns) after an
// O(n) count.
type logitDesign struct {
	n, p, m     int       // people, columns, patterns
	x           []float64 // m × p, row-major
	y           []bool    // per pattern
	pat         []int     // person → pattern
	mean, scale []float64
}

// newLogitDesign standardises the columns and finds the patterns.
func newLogitDesign(cols [][]float64, names []string, y []bool) (*logitDesign, error) {
	if len(names) != len(cols) {
		panic("models: logistic column names and columns differ in number")
	}
	n := len(y)
	if n == 0 {
		return nil, errors.New("models: propensity model without people")
	}
	p := len(cols) + 1
	d := &logitDesign{n: n, p: p, pat: make([]int, n), mean: make([]float64, p), scale: make([]float64, p)}
	d.scale[0] = 1
	for j, c := range cols {
		if len(c) != n {
			return nil, fmt.Errorf("models: covariate %q has %d values for %d people", names[j], len(c), n)
		}
		m, s := meanSD(c)
		if !(s > 0) {
			return nil, fmt.Errorf("covariate %q has the same value for everyone: drop it from comparison.covariates", names[j])
		}
		d.mean[j+1], d.scale[j+1] = m, s
	}
	ids := map[string]int{}
	key := make([]byte, 0, 8*p)
	for i := range n {
		key = append(key[:0], byte(b2i(y[i])))
		for _, c := range cols {
			key = binary.LittleEndian.AppendUint64(key, math.Float64bits(c[i]))
		}
		id, ok := ids[string(key)]
		if !ok {
			id = d.m
			ids[string(key)] = id
			d.m++
			d.y = append(d.y, y[i])
			d.x = append(d.x, 1)
			for j, c := range cols {
				d.x = append(d.x, (c[i]-d.mean[j+1])/d.scale[j+1])
			}
		}
		d.pat[i] = id
	}
	return d, nil
}

// row returns pattern k's row.
func (d *logitDesign) row(k int) []float64 { return d.x[k*d.p : (k+1)*d.p] }

// meanSD returns the mean and the standard deviation (n − 1) of x.
func meanSD(x []float64) (float64, float64) {
	m := 0.0
	for _, v := range x {
		m += v
	}
	m /= float64(len(x))
	ss := 0.0
	for _, v := range x {
		ss += (v - m) * (v - m)
	}
	if len(x) < 2 {
		return m, 0
	}
	return m, math.Sqrt(ss / float64(len(x)-1))
}

// coef maps coefficients of the standardised design back to the columns.
func (d *logitDesign) coef(g []float64) []float64 {
	b := make([]float64, d.p)
	b[0] = g[0]
	for j := 1; j < d.p; j++ {
		b[j] = g[j] / d.scale[j]
		b[0] -= g[j] * d.mean[j] / d.scale[j]
	}
	return b
}

// eta returns the linear predictor of pattern k.
func (d *logitDesign) eta(g []float64, k int) float64 {
	s := 0.0
	for j, v := range d.row(k) {
		s += v * g[j]
	}
	return s
}

// logitInv is R's binomial()$linkinv (eta clamped at ±log(1/ε)).
func logitInv(eta float64) float64 {
	const thresh = 36.04365338911715 // −log(DBL_EPSILON)
	e := math.Exp(max(-thresh, min(thresh, eta)))
	return e / (1 + e)
}

// binomialDeviance is −2 Σ c log(μ or 1 − μ) over patterns with c > 0.
func binomialDeviance(y []bool, c, mu []float64) float64 {
	dev := 0.0
	for i, m := range mu {
		ci := c[i]
		if ci == 0 {
			continue
		}
		if y[i] {
			dev -= 2 * ci * math.Log(m)
		} else {
			dev -= 2 * ci * math.Log(1-m)
		}
	}
	return dev
}

// caseWeight is c[i], or 1 when c is nil.
func caseWeight(c []float64, i int) float64 {
	if c == nil {
		return 1
	}
	return c[i]
}
