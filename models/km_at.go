package models

import (
	"math"
	"slices"
)

// KMPoint is a Kaplan-Meier curve read at a chosen time: one line of a
// risk table.
type KMPoint struct {
	Time float64
	// NRisk is the number with time ≥ Time, the people still in the
	// programme at the start of Time.
	NRisk int
	// AtRisk is false when nobody is at risk at Time (Time is after the
	// last observed time, or the curve is empty): report "no one at risk".
	// R's summary(fit, times =, extend = TRUE) carries the last estimate
	// forward with n.risk = 0 there; Surv, StdErr, Lower and Upper do the
	// same here, so check AtRisk before printing them as a number.
	AtRisk bool
	// NEventInterval and NCensorInterval count events and censorings in
	// (previous listed time, Time]; for the first listed time, up to Time.
	NEventInterval, NCensorInterval int
	// NEventCumulative and NCensorCumulative count them up to Time.
	NEventCumulative, NCensorCumulative int
	// Surv is S(Time), including the events at Time; 1 before the first
	// observed time.
	Surv float64
	// StdErr, StdErrLog, Lower, Upper and SEDefined are those of the row
	// in force at Time (see KMRow); before the first time they are 0, 0,
	// 1, 1 and true.
	StdErr, StdErrLog float64
	Lower, Upper      float64
	SEDefined         bool
}

// At reads the curve at the given times with R's summary(fit, times =,
// extend = TRUE) semantics (survival 3.5-3): the value at t is that of
// the last row with Time ≤ t, so events at t are included; NRisk counts
// time ≥ t; interval counts run from the previous listed time. As in R,
// the times are sorted and NaN or infinite times are dropped, so the
// result is in increasing order of time and may be shorter than times.
// Cost: O(rows + len(times) log len(times)).
func (c KMCurve) At(times []float64) []KMPoint {
	ts := make([]float64, 0, len(times))
	for _, t := range times {
		if !math.IsNaN(t) && !math.IsInf(t, 0) {
			ts = append(ts, t)
		}
	}
	slices.Sort(ts)
	out := make([]KMPoint, len(ts))
	j, cumE, cumC, prevE, prevC := 0, 0, 0, 0, 0
	for i, t := range ts {
		for j < len(c.Rows) && c.Rows[j].Time <= t {
			cumE += c.Rows[j].NEvent
			cumC += c.Rows[j].NCensor
			j++
		}
		p := KMPoint{Time: t, Surv: 1, Lower: 1, Upper: 1, SEDefined: true,
			NEventCumulative: cumE, NCensorCumulative: cumC,
			NEventInterval: cumE - prevE, NCensorInterval: cumC - prevC}
		before := cumE + cumC // subjects with time ≤ t
		if j > 0 {
			r := c.Rows[j-1]
			p.Surv, p.StdErr, p.StdErrLog = r.Surv, r.StdErr, r.StdErrLog
			p.Lower, p.Upper, p.SEDefined = r.Lower, r.Upper, r.SEDefined
			if r.Time == t {
				before -= r.NEvent + r.NCensor
			}
		}
		p.NRisk = c.N - before
		p.AtRisk = p.NRisk > 0
		out[i] = p
		prevE, prevC = cumE, cumC
	}
	return out
}
