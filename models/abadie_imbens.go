package models

import (
	"errors"
	"math"
)

// MethodAbadieImbens names the normal interval from the Abadie-Imbens
// variance in results.json.
const MethodAbadieImbens = "abadie-imbens"

// AIResult is the ATT of nearest-neighbour matching with replacement and
// its Abadie-Imbens standard error.
type AIResult struct {
	ATT, SE  float64
	Interval Interval
}

// AbadieImbens returns the matching estimate of the ATT of outcome y,
//
//	τ = (1/N₁) Σ over matched participants (Yᵢ − mean of Y over i's set),
//
// and its variance by Abadie and Imbens (2006, Theorem 7), as R's
// Matching::Match (estimand "ATT", Var.calc = J) and Stata's teffects
// psmatch without the adjustment for the estimated propensity score
// (Abadie and Imbens 2016 is not applied: the score is taken as known):
//
//	V = (1/N₁²) [Σ_T (Yᵢ − Ŷᵢ(0) − τ)² + Σ_C (Kⱼ² − KKⱼ) σ̂²ⱼ],
//
// Kⱼ = Σ 1/|set| and KKⱼ = Σ 1/|set|² over the sets j is in, σ̂²ⱼ the
// sample variance (n − 1) of Y over j and its J nearest comparison people
// on the logit score (ties included). The interval is τ ± z SE at level.
// j < 1 means 2, Stata's default nn(2). y must hold a value for everyone.
func AbadieImbens(treated []bool, logit, y []float64, m *Matches, j int, level float64) (AIResult, error) {
	checkLength("outcome", len(y), len(treated))
	if err := checkIntervalLevel(level); err != nil {
		return AIResult{}, err
	}
	if m == nil || m.Matched == 0 {
		return AIResult{}, errors.New("models: Abadie-Imbens variance without matched participants")
	}
	j = cmpOr(j, 2)
	n1 := float64(m.Matched)
	tau, K, KK := 0.0, make([]float64, len(y)), make([]float64, len(y))
	yhat := make([]float64, len(y))
	for i, set := range m.Sets {
		for _, c := range set {
			yhat[i] += y[c] / float64(len(set))
			K[c] += 1 / float64(len(set))
			KK[c] += 1 / float64(len(set)*len(set))
		}
		if set != nil {
			tau += (y[i] - yhat[i]) / n1
		}
	}
	ctrl := sortedGroup(treated, logit, false)
	v := 0.0
	for i, set := range m.Sets {
		if set != nil {
			d := y[i] - yhat[i] - tau
			v += d * d
		}
		if K[i] > 0 {
			v += (K[i]*K[i] - KK[i]) * conditionalVariance(ctrl, logit, y, i, j)
		}
	}
	se := math.Sqrt(v) / n1
	z := normalQuantile((1 + level) / 2)
	iv := Interval{Method: MethodAbadieImbens, Level: level, Low: tau - z*se, High: tau + z*se, Defined: true}
	return AIResult{ATT: tau, SE: se, Interval: iv}, nil
}

// conditionalVariance is σ̂² of unit i: the sample variance of Y over i and
// its j nearest units of sorted (its own group), ties included.
func conditionalVariance(sorted []int, x, y []float64, i, j int) float64 {
	set := append(nearestSet(sorted, x, x[i], j, i), i)
	if len(set) < 2 {
		return 0
	}
	mean := 0.0
	for _, k := range set {
		mean += y[k]
	}
	mean /= float64(len(set))
	ss := 0.0
	for _, k := range set {
		ss += (y[k] - mean) * (y[k] - mean)
	}
	return ss / float64(len(set)-1)
}

// cmpOr returns v, or def when v < 1.
func cmpOr(v, def int) int {
	if v < 1 {
		return def
	}
	return v
}
