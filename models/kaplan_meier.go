package models

import (
	"fmt"
	"math"
)

// KMOptions configures KaplanMeier.
type KMOptions struct {
	// Level is the confidence level of the pointwise intervals; 0 means 0.95.
	Level float64
	// Conf is the interval type; the zero value is ConfLogLog.
	Conf ConfType
}

// KMRow is a Kaplan-Meier curve at one distinct observed time (an event
// time, a censoring time, or both).
type KMRow struct {
	Time    float64
	NRisk   int // subjects with time ≥ Time (censored at Time included)
	NEvent  int // events at Time
	NCensor int // censorings at Time
	// Surv is S(Time), including the events at Time.
	Surv float64
	// StdErr is Greenwood's standard error of S,
	// S·√Σ d/(n(n−d)) over event times ≤ Time (R summary.survfit's std.err).
	StdErr float64
	// StdErrLog is √Σ d/(n(n−d)), the standard error of −log S
	// (R survfit's $std.err).
	StdErrLog float64
	// Lower and Upper are the pointwise confidence limits of the curve's
	// Conf type and Level.
	Lower, Upper float64
	// SEDefined is false where S has reached 0: the Greenwood variance is
	// then undefined (R reports NA), and StdErr, StdErrLog, Lower and
	// Upper hold 0 as placeholders so that no NaN reaches the output.
	SEDefined bool
}

// KMCurve is a Kaplan-Meier estimate with one row per distinct time.
type KMCurve struct {
	N      int      // subjects
	Events int      // events
	Level  float64  // confidence level of Lower/Upper
	Conf   ConfType // interval type of Lower/Upper
	Rows   []KMRow
}

// Empty reports whether the curve was estimated from no subjects.
func (c KMCurve) Empty() bool { return c.N == 0 }

// KaplanMeier estimates the survival curve of right-censored times, with
// event[i] true for an event (exit) and false for a censoring, exactly as
// R survival's survfit(Surv(time, event) ~ 1) (survival 3.5-3):
// one row per distinct time; at a time with both events and censorings
// the events come first, so the censored are still at risk there;
// S(t) = Π_{tⱼ ≤ t} (1 − dⱼ/nⱼ); Greenwood variance; intervals of
// opts.Conf at opts.Level (see ConfType).
//
// Times must be finite and not negative; an exit on the entry day is
// time 0 and gives a row at 0. Mismatched lengths, negative, NaN or
// infinite times and a level outside (0, 1) are errors. Empty input is
// not an error: it gives an empty curve (Empty() is true, no rows).
// Cost: one pass to order the times (NewDurations), then O(distinct
// times); Durations.KaplanMeier reuses times already ordered.
func KaplanMeier(time []float64, event []bool, opts KMOptions) (KMCurve, error) {
	if _, _, err := kmConfZ(opts.Level, opts.Conf); err != nil {
		return KMCurve{}, err
	}
	if len(time) != len(event) {
		return KMCurve{}, fmt.Errorf("kaplan-meier: %d times but %d event flags", len(time), len(event))
	}
	d, err := NewDurations(time)
	if err != nil {
		return KMCurve{}, fmt.Errorf("kaplan-meier: %w", err)
	}
	return d.KaplanMeier(event, opts)
}

// KaplanMeier is the package function KaplanMeier on times already
// ordered: event[i] is record i's.
func (d Durations) KaplanMeier(event []bool, opts KMOptions) (KMCurve, error) {
	level, z, err := kmConfZ(opts.Level, opts.Conf)
	if err != nil {
		return KMCurve{}, err
	}
	if len(event) != d.Len() {
		return KMCurve{}, fmt.Errorf("kaplan-meier: %d times but %d event flags", d.Len(), len(event))
	}
	class := make([]uint8, len(event))
	for i, e := range event {
		class[i] = b2u8(e)
	}
	return kmFromTally(d.tally(d.Rank, class, 2), len(event), level, z, opts.Conf), nil
}

func b2u8(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

// kmFromTally is the Kaplan-Meier curve of n records tallied as censored
// (class 0) or events (class 1).
func kmFromTally(tally kmTally, n int, level, z float64, conf ConfType) KMCurve {
	c := KMCurve{N: n, Level: level, Conf: conf, Rows: make([]KMRow, len(tally.times))}
	s, g, defined := 1.0, 0.0, true
	for i, t := range tally.times {
		cens, d := tally.count(i, 0), tally.count(i, 1)
		if d > 0 {
			if d == n {
				s, defined = 0, false
			} else {
				fn, fd := float64(n), float64(d)
				s *= (fn - fd) / fn
				g += fd / (fn * (fn - fd))
			}
		}
		r := KMRow{Time: t, NRisk: n, NEvent: d, NCensor: cens, Surv: s, SEDefined: defined}
		if defined {
			r.StdErrLog = math.Sqrt(g)
			r.StdErr = s * r.StdErrLog
		}
		r.Lower, r.Upper, r.SEDefined = kmRowInterval(r, z, conf)
		c.Rows[i] = r
		c.Events += d
		n -= d + cens
	}
	return c
}

// kmRowInterval returns a row's interval, or zeros and false where it is
// undefined.
func kmRowInterval(r KMRow, z float64, conf ConfType) (float64, float64, bool) {
	if !r.SEDefined {
		return 0, 0, false
	}
	return kmConfInterval(r.Surv, r.StdErrLog, z, conf)
}

// WithConf returns a copy of the curve whose Lower and Upper are the
// intervals of another type or level; the estimates are unchanged.
func (c KMCurve) WithConf(opts KMOptions) (KMCurve, error) {
	level, z, err := kmConfZ(opts.Level, opts.Conf)
	if err != nil {
		return KMCurve{}, err
	}
	out := c
	out.Level, out.Conf = level, opts.Conf
	out.Rows = make([]KMRow, len(c.Rows))
	for i, r := range c.Rows {
		r.Lower, r.Upper, r.SEDefined = kmRowInterval(r, z, opts.Conf)
		out.Rows[i] = r
	}
	return out, nil
}
