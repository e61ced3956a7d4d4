package models

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// irlsBuffers are the per-unit vectors of a fit, reused across bootstrap
// replicates.
type irlsBuffers struct{ mu, eta []float64 }

// fit runs IRLS with case weights c (nil: all 1; a bootstrap replicate's
// counts) from start (standardised coefficients; nil: R's μ = (cy + 0.5) /
// (c + 1)). It returns the standardised coefficients, the deviance and the
// number of iterations; buf (nil: allocated) holds μ and η afterwards.
func (d *logitDesign) fit(y []bool, c, start []float64, buf *irlsBuffers) ([]float64, float64, int, error) {
	if buf == nil {
		buf = &irlsBuffers{}
	}
	if len(buf.mu) != d.n {
		buf.mu, buf.eta = make([]float64, d.n), make([]float64, d.n)
	}
	mu, eta := buf.mu, buf.eta
	if start == nil {
		for i := range mu {
			ci, yi := caseWeight(c, i), 0.0
			if y[i] {
				yi = 1
			}
			mu[i] = (ci*yi + 0.5) / (ci + 1)
			eta[i] = math.Log(mu[i] / (1 - mu[i]))
		}
	} else {
		d.predict(start, eta, mu)
	}
	devOld := binomialDeviance(y, c, mu)
	g := make([]float64, d.p)
	for iter := 1; iter <= logisticMaxIter; iter++ {
		if err := d.step(y, c, eta, mu, g); err != nil {
			return nil, 0, iter, err
		}
		d.predict(g, eta, mu)
		dev := binomialDeviance(y, c, mu)
		if math.IsNaN(dev) || math.IsInf(dev, 0) {
			return nil, 0, iter, ErrSeparation
		}
		if math.Abs(dev-devOld)/(math.Abs(dev)+0.1) < logisticEpsilon {
			if separated(c, mu) {
				return nil, 0, iter, ErrSeparation
			}
			return g, dev, iter, nil
		}
		devOld = dev
	}
	if separated(c, mu) {
		return nil, 0, logisticMaxIter, ErrSeparation
	}
	return nil, 0, logisticMaxIter, ErrNoConvergence
}

// step solves the weighted least squares of one IRLS iteration into g:
// (X'WX) g = X'W z with W = c μ(1−μ), z = η + (y − μ) / (μ(1−μ)).
func (d *logitDesign) step(y []bool, c, eta, mu, g []float64) error {
	p := d.p
	a := make([]float64, p*p)
	b := make([]float64, p)
	for i := range d.n {
		ci := caseWeight(c, i)
		if ci == 0 {
			continue
		}
		v := max(mu[i]*(1-mu[i]), 0x1p-52) // R's mu.eta floor
		yi := 0.0
		if y[i] {
			yi = 1
		}
		w, wz := ci*v, ci*(v*eta[i]+yi-mu[i])
		row := d.x[i*p : (i+1)*p]
		for j, xj := range row {
			b[j] += xj * wz
			wx := w * xj
			for k := j; k < p; k++ {
				a[j*p+k] += wx * row[k]
			}
		}
	}
	var chol mat.Cholesky
	if ok := chol.Factorize(mat.NewSymDense(p, a)); !ok || chol.Cond() > 1e13 {
		return ErrCollinear
	}
	x := mat.NewVecDense(p, g)
	return chol.SolveVecTo(x, mat.NewVecDense(p, b))
}

// predict fills η and μ for coefficients g.
func (d *logitDesign) predict(g, eta, mu []float64) {
	for i := range eta {
		eta[i] = d.eta(g, i)
		mu[i] = logitInv(eta[i])
	}
}

// separated reports fitted probabilities at 0 or 1 among units with c > 0.
func separated(c, mu []float64) bool {
	for i, m := range mu {
		if caseWeight(c, i) > 0 && (m < logisticBoundary || m > 1-logisticBoundary) {
			return true
		}
	}
	return false
}
