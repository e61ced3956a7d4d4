package models

import "math"

// BalanceRow is the balance of one covariate (or one level of a category)
// before and after weighting, as cobalt's bal.tab for the ATT.
type BalanceRow struct {
	Covariate string
	// Binary: a 0/1 covariate or a level of a category.
	Binary bool
	// SMDBefore and SMDAfter are the standardised mean differences,
	// participants − comparison (weighted means after), divided by the
	// participants' standard deviation in the unweighted sample: sd (n − 1)
	// for a number, √(p(1 − p)) for a binary covariate (cobalt's
	// s.d.denom = "treated", binary = "std"). SMDDefined is false when that
	// deviation is 0 (participants all alike); the SMDs are then 0.
	SMDBefore, SMDAfter float64
	SMDDefined          bool
	// VarianceRatioBefore and After are participants' over comparison's
	// weighted variance, each Σw(x − x̄)² Σw / ((Σw)² − Σw²) (cobalt's
	// col_w_var); numbers only (0 for binary rows or a zero variance).
	VarianceRatioBefore, VarianceRatioAfter float64
}

// Balance returns a row per number and per level of a category (in the
// order of covs), comparing the groups before weighting and under w.
func Balance(treated []bool, w []float64, covs []Covariate) []BalanceRow {
	checkLength("weights", len(w), len(treated))
	var rows []BalanceRow
	for _, c := range covs {
		if c.numeric() {
			rows = append(rows, balanceRow(treated, w, c.Name, c.Values, isBinary(c.Values)))
			continue
		}
		for l := range c.levelCount() {
			x := make([]float64, len(c.Codes))
			for i, k := range c.Codes {
				x[i] = b2f(k == l)
			}
			rows = append(rows, balanceRow(treated, w, c.Name+"="+c.levelName(l), x, true))
		}
	}
	return rows
}

// isBinary reports values all 0 or 1.
func isBinary(x []float64) bool {
	for _, v := range x {
		if v != 0 && v != 1 {
			return false
		}
	}
	return true
}

// balanceRow computes one row.
func balanceRow(treated []bool, w []float64, name string, x []float64, binary bool) BalanceRow {
	r := BalanceRow{Covariate: name, Binary: binary}
	one := make([]float64, len(x))
	for i := range one {
		one[i] = 1
	}
	t1 := groupMoments(treated, one, x, true)
	sd := math.Sqrt(t1.variance())
	if binary {
		p := t1.mean()
		sd = math.Sqrt(p * (1 - p))
	}
	before := t1.mean() - groupMoments(treated, one, x, false).mean()
	a1, a0 := groupMoments(treated, w, x, true), groupMoments(treated, w, x, false)
	if sd > 0 {
		r.SMDBefore, r.SMDAfter, r.SMDDefined = before/sd, (a1.mean()-a0.mean())/sd, true
	}
	if !binary {
		r.VarianceRatioBefore = ratioOrZero(t1.variance(), groupMoments(treated, one, x, false).variance())
		r.VarianceRatioAfter = ratioOrZero(a1.variance(), a0.variance())
	}
	return r
}

// moments are weighted sums of one group.
type moments struct{ w, w2, wx, wxx float64 }

// groupMoments sums over the group's people with positive weight.
func groupMoments(treated []bool, w, x []float64, group bool) moments {
	var m moments
	for i, t := range treated {
		if t != group || w[i] <= 0 {
			continue
		}
		m.w += w[i]
		m.w2 += w[i] * w[i]
		m.wx += w[i] * x[i]
	}
	mean := m.mean()
	for i, t := range treated {
		if t == group && w[i] > 0 {
			m.wxx += w[i] * (x[i] - mean) * (x[i] - mean)
		}
	}
	return m
}

func (m moments) mean() float64 { return m.wx / m.w }

// variance is cobalt's bias-corrected weighted variance (0 when undefined).
func (m moments) variance() float64 {
	d := m.w*m.w - m.w2
	if !(d > 0) {
		return 0
	}
	return m.wxx * m.w / d
}

func ratioOrZero(a, b float64) float64 {
	if !(b > 0) {
		return 0
	}
	return a / b
}
