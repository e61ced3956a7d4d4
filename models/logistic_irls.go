package models

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// irlsBuffers are the per-pattern vectors of a fit, reused across bootstrap
// replicates: summed case weights, μ and η.
type irlsBuffers struct{ c, mu, eta []float64 }

// fit runs IRLS with case weights c per person (nil: all 1; a bootstrap
// replicate's counts) from start (standardised coefficients; nil: R's
// μ = (y + 0.5) / 2 of unit weights). It returns the standardised
// coefficients, the deviance and the number of iterations; buf (nil:
// allocated) holds the patterns' weights, μ and η afterwards.
func (d *logitDesign) fit(c, start []float64, buf *irlsBuffers) ([]float64, float64, int, error) {
	if buf == nil {
		buf = &irlsBuffers{}
	}
	if len(buf.mu) != d.m {
		buf.c, buf.mu, buf.eta = make([]float64, d.m), make([]float64, d.m), make([]float64, d.m)
	}
	cp, mu, eta := buf.c, buf.mu, buf.eta
	clear(cp)
	for i, k := range d.pat {
		cp[k] += caseWeight(c, i)
	}
	if start == nil {
		for k := range mu {
			mu[k] = (b2f(d.y[k]) + 0.5) / 2
			eta[k] = math.Log(mu[k] / (1 - mu[k]))
		}
	} else {
		d.predict(start, eta, mu)
	}
	devOld := binomialDeviance(d.y, cp, mu)
	g := make([]float64, d.p)
	for iter := 1; iter <= logisticMaxIter; iter++ {
		if err := d.step(cp, eta, mu, g); err != nil {
			return nil, 0, iter, err
		}
		d.predict(g, eta, mu)
		dev := binomialDeviance(d.y, cp, mu)
		if math.IsNaN(dev) || math.IsInf(dev, 0) {
			return nil, 0, iter, ErrSeparation
		}
		if math.Abs(dev-devOld)/(math.Abs(dev)+0.1) < logisticEpsilon {
			if separated(cp, mu) {
				return nil, 0, iter, ErrSeparation
			}
			return g, dev, iter, nil
		}
		devOld = dev
	}
	if separated(cp, mu) {
		return nil, 0, logisticMaxIter, ErrSeparation
	}
	return nil, 0, logisticMaxIter, ErrNoConvergence
}

// step solves the weighted least squares of one IRLS iteration into g:
// (X'WX) g = X'W z with W = c μ(1−μ), z = η + (y − μ) / (μ(1−μ)).
func (d *logitDesign) step(c, eta, mu, g []float64) error {
	p := d.p
	a := make([]float64, p*p)
	b := make([]float64, p)
	for k := range d.m {
		if c[k] == 0 {
			continue
		}
		v := max(mu[k]*(1-mu[k]), 0x1p-52) // R's mu.eta floor
		w, wz := c[k]*v, c[k]*(v*eta[k]+b2f(d.y[k])-mu[k])
		row := d.row(k)
		for j, xj := range row {
			b[j] += xj * wz
			wx := w * xj
			for l := j; l < p; l++ {
				a[j*p+l] += wx * row[l]
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

// predict fills η and μ of every pattern for coefficients g.
func (d *logitDesign) predict(g, eta, mu []float64) {
	for k := range eta {
		eta[k] = d.eta(g, k)
		mu[k] = logitInv(eta[k])
	}
}

// separated reports fitted probabilities at 0 or 1 among patterns with
// c > 0.
func separated(c, mu []float64) bool {
	for k, m := range mu {
		if c[k] > 0 && (m < logisticBoundary || m > 1-logisticBoundary) {
			return true
		}
	}
	return false
}
