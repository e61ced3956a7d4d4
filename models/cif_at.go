package models

import (
	"math"
	"slices"
)

// CIFPoint is an Aalen-Johansen estimate read at a chosen time.
type CIFPoint struct {
	Time float64
	// NRisk counts event-free subjects with time ≥ Time; AtRisk is false
	// when there are none (report "no one at risk"); the estimates are
	// then those of the last observed time, as R's summary(extend = TRUE).
	NRisk  int
	AtRisk bool
	// NEventInterval[k-1] counts exits of type k in (previous listed
	// time, Time]; NCensorInterval likewise for censorings.
	NEventInterval  []int
	NCensorInterval int
	// NEventCumulative[k-1] counts exits of type k up to Time.
	NEventCumulative []int
	EventFree        CIFEstimate
	Exits            []CIFEstimate
}

// At reads the estimate at the given times with R's summary(fit, times =)
// semantics (survival 3.5-3): the value at t is that of the last row with
// Time ≤ t (exits at t included); NRisk counts time ≥ t. Times are sorted
// and NaN or infinite ones dropped, as R does. Before the first observed
// time EventFree is 1 and each exit 0, with zero standard errors and
// degenerate intervals (R's survfit0 fills the limits with 0 there).
func (r CIFResult) At(times []float64) []CIFPoint {
	ts := make([]float64, 0, len(times))
	for _, t := range times {
		if !math.IsNaN(t) && !math.IsInf(t, 0) {
			ts = append(ts, t)
		}
	}
	slices.Sort(ts)
	k := r.K
	out := make([]CIFPoint, len(ts))
	ints := make([]int, 2*k)
	cum, prev := ints[:k], ints[k:2*k]
	start := make([]CIFEstimate, k)
	for e := range start {
		start[e] = CIFEstimate{CIDefined: true}
	}
	j, cumC, prevC := 0, 0, 0
	for i, t := range ts {
		for j < len(r.Rows) && r.Rows[j].Time <= t {
			for e, x := range r.Rows[j].NEvent {
				cum[e] += x
			}
			cumC += r.Rows[j].NCensor
			j++
		}
		p := CIFPoint{Time: t, NCensorInterval: cumC - prevC,
			NEventInterval: make([]int, k), NEventCumulative: slices.Clone(cum),
			EventFree: CIFEstimate{Estimate: 1, Lower: 1, Upper: 1, CIDefined: true},
			Exits:     slices.Clone(start)}
		before := cumC
		for e := range cum {
			p.NEventInterval[e] = cum[e] - prev[e]
			before += cum[e]
		}
		if j > 0 {
			row := r.Rows[j-1]
			p.EventFree, p.Exits = row.EventFree, slices.Clone(row.Exits)
			if row.Time == t {
				before -= row.NCensor
				for _, x := range row.NEvent {
					before -= x
				}
			}
		}
		p.NRisk = r.N - before
		p.AtRisk = p.NRisk > 0
		out[i] = p
		copy(prev, cum)
		prevC = cumC
	}
	return out
}
