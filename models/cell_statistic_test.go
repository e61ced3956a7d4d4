package models

import (
	"math"
	"testing"
)

// TestRatioScaledGradient: the closed-form gradients equal central
// differences (CellFunc without Grad) to 1e-7, and Eval is NaN exactly when
// the denominator is 0.
func TestRatioScaledGradient(t *testing.T) {
	counts := []float64{47, 96, 27, 17, 8}
	q := Ratio{Num: []float64{0, 0, 1, 1, 1}, Den: []float64{0, 1, 1, 1, 1}}
	s := Scaled{Count: []float64{0, 1, 0, 1, 1}, Factor: 155562}
	for _, stat := range []CellStatistic{q, s} {
		exact := make([]float64, len(counts))
		numeric := make([]float64, len(counts))
		stat.Gradient(counts, exact)
		CellFunc{F: stat.Eval}.Gradient(counts, numeric)
		for j := range exact {
			if math.Abs(exact[j]-numeric[j]) > 1e-7*math.Max(1, math.Abs(exact[j])) {
				t.Errorf("%T cell %d: gradient %v, central difference %v", stat, j, exact[j], numeric[j])
			}
		}
	}
	if v := q.Eval([]float64{5, 0, 0, 0, 0}); !math.IsNaN(v) {
		t.Errorf("0/0 = %v, want NaN (an undefined replicate)", v)
	}
	g := make([]float64, 5)
	q.Gradient([]float64{5, 0, 0, 0, 0}, g)
	for _, v := range g {
		if v != 0 {
			t.Error("gradient at denominator 0 not zero")
		}
	}
	if q.Eval(counts) != 52.0/148 || s.Eval(counts) != 121*155562 {
		t.Error("Eval wrong")
	}
}

// TestCellFuncDifference: a difference of two shares through CellFunc, with
// its numerical gradient, bootstraps alongside the shares; its acceleration
// matches the one from the exact gradient to 1e-6.
func TestCellFuncDifference(t *testing.T) {
	c, _ := NewCells(pvaCohort(), Design{})
	completed := c.Coefficients(func(_ int, p uint32) bool { return p&1 != 0 })
	emp := Ratio{Num: c.Coefficients(func(_ int, p uint32) bool { return p&2 != 0 }), Den: completed}
	edu := Ratio{Num: c.Coefficients(func(_ int, p uint32) bool { return p&4 != 0 }), Den: completed}
	diff := func(x []float64) float64 { return emp.Eval(x) - edu.Eval(x) }
	exact := CellFunc{F: diff, Grad: func(x, g []float64) {
		g2 := make([]float64, len(g))
		emp.Gradient(x, g)
		edu.Gradient(x, g2)
		for j := range g {
			g[j] -= g2[j]
		}
	}}
	r, err := BootstrapCells(c, []CellStatistic{CellFunc{F: diff}, exact, emp, edu}, Options{B: 500, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(r.Accel[0]-r.Accel[1]) > 1e-6 {
		t.Errorf("numeric a %v, exact a %v", r.Accel[0], r.Accel[1])
	}
	for b := range r.B {
		if r.T[0][b] != r.T[2][b]-r.T[3][b] {
			t.Fatalf("replicate %d: difference not from the same resample", b)
		}
	}
}
