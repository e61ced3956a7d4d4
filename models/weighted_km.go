package models

import (
	"math"
	"slices"
)

// IncidencePoint is a weighted Kaplan-Meier curve read at a horizon.
type IncidencePoint struct {
	Time float64
	// Incidence is 1 − S(Time), the events at Time included.
	Incidence float64
	// NRisk is the weight of the people with time ≥ Time (R's n.risk
	// under weights); 0 when no one was followed that long, and Incidence
	// is then carried forward from the last time, as R's extend = TRUE.
	NRisk float64
}

// WeightedIncidence returns the cumulative incidence 1 − S(t) at each of
// the horizons (sorted; NaN and infinite ones dropped) of the
// Kaplan-Meier estimator with case weights w ≥ 0:
//
//	S(t) = Π_{tⱼ ≤ t} (1 − dⱼ/nⱼ),
//
// dⱼ the weight of the events at tⱼ and nⱼ the weight of the people with
// time ≥ tⱼ; as R's survfit(Surv(time, event) ~ 1, weights = w) read with
// summary(fit, times = horizons, extend = TRUE) (survival 3.5-3). O(n log n).
func WeightedIncidence(time []float64, event []bool, w []float64, horizons []float64) []IncidencePoint {
	checkLength("events", len(event), len(time))
	checkLength("weights", len(w), len(time))
	hs := cleanHorizons(horizons)
	order := timeOrder(time, nil)
	inc, risk := make([]float64, len(hs)), make([]float64, len(hs))
	incidenceWalk(order, time, event, w, nil, hs, inc, risk)
	out := make([]IncidencePoint, len(hs))
	for k, h := range hs {
		out[k] = IncidencePoint{Time: h, Incidence: inc[k], NRisk: risk[k]}
	}
	return out
}

// cleanHorizons returns the finite horizons, sorted.
func cleanHorizons(horizons []float64) []float64 {
	hs := make([]float64, 0, len(horizons))
	for _, h := range horizons {
		if !math.IsNaN(h) && !math.IsInf(h, 0) {
			hs = append(hs, h)
		}
	}
	slices.Sort(hs)
	return hs
}

// timeOrder lists the people with keep[i] (keep nil: everyone) in order
// of time, ties in input order.
func timeOrder(time []float64, keep func(int) bool) []int {
	var order []int
	for i := range time {
		if keep == nil || keep(i) {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmpFloat(time[a], time[b]) })
	return order
}

// incidenceWalk walks the people of order (sorted by time) with weights
// vᵢ = wᵢ × cᵢ (c nil: 1) and writes 1 − S(h) at each sorted horizon into
// inc and, when risk is not nil, the weight at risk (time ≥ h). It
// returns the total weight; with none, inc is all 0.
func incidenceWalk(order []int, time []float64, event []bool, w, c, hs, inc, risk []float64) float64 {
	total := 0.0
	for _, i := range order {
		total += w[i] * caseWeight(c, i)
	}
	atRisk, s, k := total, 1.0, 0
	put := func(r float64) {
		inc[k] = 1 - s
		if risk != nil {
			risk[k] = r
		}
		k++
	}
	for a := 0; a < len(order); {
		t := time[order[a]]
		for k < len(hs) && hs[k] < t {
			put(atRisk)
		}
		d, r, b := 0.0, 0.0, a
		for ; b < len(order) && time[order[b]] == t; b++ {
			v := w[order[b]] * caseWeight(c, order[b])
			r += v
			if event[order[b]] {
				d += v
			}
		}
		if d > 0 && atRisk > 0 {
			s *= math.Max(0, 1-d/atRisk)
		}
		for k < len(hs) && hs[k] == t {
			put(atRisk)
		}
		atRisk -= r
		a = b
	}
	for k < len(hs) {
		put(0) // no one followed this long
	}
	return total
}
