package models

import (
	"gonum.org/v1/gonum/mat"
)

// ipwEstimator re-estimates IPW weights: the propensity model refitted
// from the full-sample fit, the trim bounds recomputed.
type ipwEstimator struct {
	treated []bool
	design  *logitDesign
	start   []float64 // the full fit's standardised coefficients
	trim    [2]float64
	w       []float64 // full-sample weights
	score   []float64
}

// newIPWEstimator prepares the refits (Weigh has validated the design).
func newIPWEstimator(c Comparison, o ComparisonOptions, w *Weighting) *ipwEstimator {
	cols, names := DesignMatrix(c.Covariates)
	d, err := newLogitDesign(cols, names, c.Treated)
	if err != nil {
		panic("models: the propensity design failed after a successful fit: " + err.Error())
	}
	start := make([]float64, d.p)
	start[0] = w.Model.Coef[0]
	for j := 1; j < d.p; j++ {
		start[j] = w.Model.Coef[j] * d.scale[j]
		start[0] += w.Model.Coef[j] * d.mean[j]
	}
	return &ipwEstimator{treated: c.Treated, design: d, start: start, trim: o.trim(), w: w.W, score: w.Score}
}

// weights refits the model on the patterns, then trims at the quantiles
// of the patterns' scores counted by their summed case weights (the same
// as over people).
func (e *ipwEstimator) weights(c []float64, s *attScratch) error {
	if _, _, _, err := e.design.fit(c, e.start, &s.irls); err != nil {
		return err
	}
	for i, k := range e.design.pat {
		s.score[i] = s.irls.mu[k]
	}
	lo, hi := trimBounds(s.irls.mu, s.irls.c, e.trim, &s.pairs)
	ipwWeightsInto(s.w, e.treated, s.score, lo, hi)
	return checkLeft(e.treated, s.w, c)
}

// influence returns ∂ATT/∂c_i by the estimating equations of the ATT and
// the logistic score: for μ₀ = Σ_C o y / Σ_C o (o = p/(1−p) = exp(x·γ)),
// ∂μ₀/∂c_i = C_i o_i (y_i − μ₀)/D₀ + h·I⁻¹ (T_i − p_i) x_i with
// h = Σ_C o (y − μ₀) x / D₀ and I the information Σ p(1−p) x xᵀ.
func (e *ipwEstimator) influence(o Outcome) []float64 {
	d := e.design
	var s1, y1, d0, y0 float64
	for i, t := range e.treated {
		if e.w[i] == 0 || (o.In != nil && !o.In[i]) {
			continue
		}
		if t {
			s1, y1 = s1+1, y1+o.Y[i]
		} else {
			d0, y0 = d0+e.w[i], y0+e.w[i]*o.Y[i]
		}
	}
	mu1, mu0 := y1/s1, y0/d0
	h := make([]float64, d.p)
	info := make([]float64, d.p*d.p)
	for i, t := range e.treated {
		row := d.row(d.pat[i])
		v := e.score[i] * (1 - e.score[i])
		for j := range row {
			for k := j; k < d.p; k++ {
				info[j*d.p+k] += v * row[j] * row[k]
			}
		}
		if !t && e.w[i] > 0 && (o.In == nil || o.In[i]) {
			for j, x := range row {
				h[j] += e.w[i] * (o.Y[i] - mu0) * x / d0
			}
		}
	}
	v := solveSym(info, h, d.p)
	g := make([]float64, len(e.treated))
	for i, t := range e.treated {
		row := d.row(d.pat[i])
		dot := 0.0
		for j, x := range row {
			dot += x * v[j]
		}
		g[i] = -(b2f(t) - e.score[i]) * dot
		if e.w[i] == 0 || (o.In != nil && !o.In[i]) {
			continue
		}
		if t {
			g[i] += (o.Y[i] - mu1) / s1
		} else {
			g[i] -= e.w[i] * (o.Y[i] - mu0) / d0
		}
	}
	return g
}

// solveSym solves A x = b for the symmetric positive definite A (upper
// triangle filled); zeros when A is singular.
func solveSym(a, b []float64, p int) []float64 {
	var chol mat.Cholesky
	x := make([]float64, p)
	if !chol.Factorize(mat.NewSymDense(p, a)) {
		return x
	}
	xv := mat.NewVecDense(p, x)
	if err := chol.SolveVecTo(xv, mat.NewVecDense(p, b)); err != nil {
		clear(x)
	}
	return x
}

// cemEstimator re-matches the strata of coarsened exact matching.
type cemEstimator struct {
	treated []bool
	strata  []int
	k       int
	w       []float64
}

func (e *cemEstimator) weights(c []float64, s *attScratch) error {
	if cemWeights(s.w, e.treated, e.strata, e.k, c) == 0 {
		return errNoCEMStratum
	}
	return nil
}

// influence returns ∂ATT/∂c_i with the matched strata fixed: μ₀ = Σ_s r_s
// S₀ₛ / Σ_s r_s M₀ₛ, r_s = n₁ₛ/n₀ₛ, S and M the sum of y and the count
// of comparison people in the outcome's population.
func (e *cemEstimator) influence(o Outcome) []float64 {
	n1, n0 := make([]float64, e.k), make([]float64, e.k)
	s0, m0 := make([]float64, e.k), make([]float64, e.k)
	var a1, y1 float64
	in := func(i int) bool { return o.In == nil || o.In[i] }
	for i, s := range e.strata {
		switch {
		case e.treated[i]:
			n1[s]++
			if e.w[i] > 0 && in(i) {
				a1, y1 = a1+1, y1+o.Y[i]
			}
		default:
			n0[s]++
			if e.w[i] > 0 && in(i) {
				s0[s], m0[s] = s0[s]+o.Y[i], m0[s]+1
			}
		}
	}
	var num, den float64
	for s := range e.k {
		if n1[s] > 0 && n0[s] > 0 {
			num, den = num+n1[s]/n0[s]*s0[s], den+n1[s]/n0[s]*m0[s]
		}
	}
	mu1, mu0 := y1/a1, num/den
	g := make([]float64, len(e.strata))
	for i, s := range e.strata {
		if n1[s] == 0 || n0[s] == 0 {
			continue
		}
		centre := (s0[s] - mu0*m0[s]) / n0[s]
		if e.treated[i] {
			g[i] = -centre / den
			if in(i) {
				g[i] += (o.Y[i] - mu1) / a1
			}
			continue
		}
		g[i] = n1[s] / n0[s] * centre / den
		if in(i) {
			g[i] -= n1[s] / n0[s] * (o.Y[i] - mu0) / den
		}
	}
	return g
}
