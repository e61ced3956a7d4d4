package models

import "math"

// Normal is the bias-corrected normal interval of R boot.ci type "norm":
//
//	t0 − bias ∓ Φ⁻¹((1+level)/2)·sd(t),  bias = mean(t) − t0,
//
// sd with divisor B − 1, over the finite replicates. Not defined with fewer
// than two finite replicates or when they are all equal.
type Normal struct{}

// Interval returns the normal interval of statistic j.
func (Normal) Interval(r *Replicates, j int, level float64) (Interval, error) {
	s, iv, err := bootPrepare(r, j, level, MethodNormal, "")
	if err != nil || !iv.Defined {
		return iv, err
	}
	mean := 0.0
	for _, v := range s {
		mean += v
	}
	mean /= float64(len(s))
	ss := 0.0
	for _, v := range s {
		ss += (v - mean) * (v - mean)
	}
	sd := math.Sqrt(ss / float64(len(s)-1))
	t0 := r.T0[j]
	merr := sd * normalQuantile((1+level)/2)
	iv.Low, iv.High = t0-(mean-t0)-merr, t0-(mean-t0)+merr
	iv.Note = bootNote(r, j, false)
	return iv, nil
}
