package models

import "math"

// CellStatistic is a statistic of the cell counts of a Cells: the count
// vector c has one entry per cell (observed, or of one replicate).
//
// Eval returns the statistic at c (NaN where it is undefined, e.g. a
// denominator of 0). Gradient writes ∂t/∂c_j at c into g (len(g) = len(c));
// the BCa acceleration is built from it (see BootstrapCells). Both must be
// safe for concurrent use.
type CellStatistic interface {
	Eval(c []float64) float64
	Gradient(c, g []float64)
}

// Ratio is the share t = (Num·c) / (Den·c) of two linear counts over the
// cells, e.g. Num = 1 on cells whose pattern has "completed" and "education",
// Den = 1 on cells with "completed". Eval is NaN when Den·c = 0.
//
// Gradient (closed form): ∂t/∂c_j = (Num_j − t·Den_j) / (Den·c).
type Ratio struct {
	Num, Den []float64
}

// Eval returns (Num·c) / (Den·c).
func (q Ratio) Eval(c []float64) float64 {
	var num, den float64
	for j, v := range c {
		num += q.Num[j] * v
		den += q.Den[j] * v
	}
	if den == 0 {
		return math.NaN()
	}
	return num / den
}

// Gradient writes (Num_j − t·Den_j) / (Den·c); zeros when Den·c = 0.
func (q Ratio) Gradient(c, g []float64) {
	var num, den float64
	for j, v := range c {
		num += q.Num[j] * v
		den += q.Den[j] * v
	}
	for j := range g {
		g[j] = 0
		if den != 0 {
			g[j] = (q.Num[j] - num/den*q.Den[j]) / den
		}
	}
}

// Scaled is the count t = Factor × (Count·c), e.g. a gross or net saving:
// people self-supporting × monthly benefit × months × (1 − deadweight).
// Gradient: ∂t/∂c_j = Factor·Count_j.
type Scaled struct {
	Count  []float64
	Factor float64
}

// Eval returns Factor × (Count·c).
func (s Scaled) Eval(c []float64) float64 {
	var n float64
	for j, v := range c {
		n += s.Count[j] * v
	}
	return s.Factor * n
}

// Gradient writes Factor·Count_j.
func (s Scaled) Gradient(_, g []float64) {
	for j := range g {
		g[j] = s.Factor * s.Count[j]
	}
}

// CellFunc is any smooth statistic of the cell counts, e.g. a difference of
// two shares. Grad, when set, is its exact gradient; when nil, Gradient uses
// central differences with step h_j = 1e-4·(1 + c_j), accurate to O(h²)
// (ample for the acceleration, which is a ratio of sums of its cubes and
// squares).
type CellFunc struct {
	F    func(c []float64) float64
	Grad func(c, g []float64)
}

// Eval returns F(c).
func (f CellFunc) Eval(c []float64) float64 { return f.F(c) }

// Gradient writes Grad(c), or a central-difference estimate.
func (f CellFunc) Gradient(c, g []float64) {
	if f.Grad != nil {
		f.Grad(c, g)
		return
	}
	x := append([]float64(nil), c...)
	for j := range g {
		h := 1e-4 * (1 + math.Abs(c[j]))
		x[j] = c[j] + h
		up := f.F(x)
		x[j] = c[j] - h
		down := f.F(x)
		x[j] = c[j]
		g[j] = (up - down) / (2 * h)
	}
}
