package models

import (
	"fmt"
	"math"
)

// CIFOptions configures AalenJohansen.
type CIFOptions struct {
	// Level is the confidence level of the pointwise intervals; 0 means 0.95.
	Level float64
	// Conf is the interval type. The zero value is ConfLogLog, as for
	// Kaplan-Meier, so retention and exit curves share one rule; R's
	// survfit default for multi-state curves is ConfLog.
	Conf ConfType
}

// CIFEstimate is a state probability at one time with its standard error
// and pointwise interval.
type CIFEstimate struct {
	Estimate float64
	// StdErr is the infinitesimal-jackknife standard error (survival 3.x's
	// default for multi-state curves); for the event-free state it equals
	// Greenwood's.
	StdErr float64
	// Lower and Upper are the interval of the result's Conf type, on the
	// probability itself with se(log p) = StdErr/p (R survfit_confint with
	// logse = FALSE). Where StdErr is 0 the interval is [p, p]; R reports
	// NA there for p = 0 (log, log-log) and p = 1 (log-log).
	Lower, Upper float64
	// CIDefined is false where the interval cannot be formed (a log-log
	// interval at p = 1 with positive StdErr); Lower and Upper are 0 then.
	CIDefined bool
}

// CIFRow is an Aalen-Johansen estimate at one distinct observed time.
type CIFRow struct {
	Time    float64
	NRisk   int   // event-free subjects with time ≥ Time
	NEvent  []int // NEvent[k-1]: exits of type k at Time
	NCensor int   // censorings at Time
	// EventFree is the probability of no exit of any type by Time
	// (R's state "(s0)"): the all-cause Kaplan-Meier estimate.
	EventFree CIFEstimate
	// Exits[k-1] is the cumulative incidence of exit type k by Time.
	Exits []CIFEstimate
}

// CIFResult is the Aalen-Johansen estimate of competing exits, one row
// per distinct observed time.
type CIFResult struct {
	N       int   // subjects
	K       int   // exit types
	NEvents []int // NEvents[k-1]: exits of type k
	Level   float64
	Conf    ConfType
	Rows    []CIFRow
}

// Empty reports whether the estimate was made from no subjects.
func (r CIFResult) Empty() bool { return r.N == 0 }

// AalenJohansen estimates the cumulative incidence of K competing exits
// from right-censored data, one row per subject: state[i] is 0 for a
// censoring and 1..K for the type of exit at time[i]. It equals R
// survival 3.5-3's survfit(Surv(time, factor(state)) ~ 1) without weights:
// S(t) = Π (1 − dⱼ/nⱼ) over all exits, F_k(t) = Σ_{tⱼ ≤ t} S(tⱼ−)·d_kj/nⱼ;
// exits of different types at the same time enter one step together, and
// censorings at an exit time are still at risk there.
//
// Standard errors are the infinitesimal jackknife, √Σᵢ Uᵢ², with Uᵢ the
// derivative of the estimate with respect to subject i's case weight, as
// R's survfitci.c. Subjects who left at the same time with the same state
// share one Uᵢ, so the sum is carried in O(K²) per distinct time instead
// of R's O(n·K) (see cif_influence.go).
//
// Errors: mismatched lengths, K < 1, a state outside 0..K, a negative,
// NaN or infinite time, a level outside (0, 1). Empty input gives an
// empty result (Empty() is true, no rows), not an error.
func AalenJohansen(time []float64, state []int, k int, opts CIFOptions) (CIFResult, error) {
	if _, _, err := kmConfZ(opts.Level, opts.Conf); err != nil {
		return CIFResult{}, err
	}
	if len(time) != len(state) {
		return CIFResult{}, fmt.Errorf("aalen-johansen: %d times but %d states", len(time), len(state))
	}
	if err := cifCheckStates(state, k); err != nil {
		return CIFResult{}, err
	}
	d, err := NewDurations(time)
	if err != nil {
		return CIFResult{}, fmt.Errorf("aalen-johansen: %w", err)
	}
	small := make([]uint8, len(state))
	for i, s := range state {
		small[i] = uint8(s) // 0..k ≤ maxExitTypes, checked above
	}
	return d.AalenJohansen(small, k, opts)
}

// cifCheckStates rejects K < 1, more exit types than a byte holds, and a
// state outside 0..K.
func cifCheckStates[S int | uint8](state []S, k int) error {
	if k < 1 || k > maxExitTypes {
		return fmt.Errorf("aalen-johansen: K = %d exit types, want 1 to %d", k, maxExitTypes)
	}
	for i, s := range state {
		if int(s) < 0 || int(s) > k {
			return fmt.Errorf("aalen-johansen: state[%d] = %d: want 0 (censored) to %d", i, s, k)
		}
	}
	return nil
}

// maxExitTypes bounds K so that a state fits in a byte.
const maxExitTypes = 254

// AalenJohansen is the package function AalenJohansen on times already
// ordered: state[i] is record i's (a byte: 10⁷ records take 10 MB).
func (d Durations) AalenJohansen(state []uint8, k int, opts CIFOptions) (CIFResult, error) {
	level, z, err := kmConfZ(opts.Level, opts.Conf)
	if err != nil {
		return CIFResult{}, err
	}
	if len(state) != d.Len() {
		return CIFResult{}, fmt.Errorf("aalen-johansen: %d times but %d states", d.Len(), len(state))
	}
	if err := cifCheckStates(state, k); err != nil {
		return CIFResult{}, err
	}
	tally := d.tally(d.Rank, state, k+1)
	nt := len(tally.times)
	res := CIFResult{N: len(state), K: k, NEvents: make([]int, k), Level: level, Conf: opts.Conf,
		Rows: make([]CIFRow, nt)}
	nev := make([]int, nt*k)
	exits := make([]CIFEstimate, nt*k)
	inf := newCIFInfluence(k, len(state))
	for i, t := range tally.times {
		row := CIFRow{Time: t, NRisk: inf.n, NCensor: tally.count(i, 0),
			NEvent: nev[i*k : (i+1)*k : (i+1)*k], Exits: exits[i*k : (i+1)*k : (i+1)*k]}
		for e := range row.NEvent {
			row.NEvent[e] = tally.count(i, e+1)
			res.NEvents[e] += row.NEvent[e]
		}
		inf.step(row.NEvent, row.NCensor)
		row.EventFree = cifEstimate(inf.s, inf.s*math.Sqrt(inf.g), z, opts.Conf)
		for e := range row.Exits {
			row.Exits[e] = cifEstimate(inf.f[e], inf.stdErr(e), z, opts.Conf)
		}
		res.Rows[i] = row
	}
	return res, nil
}

// cifEstimate forms an estimate and its interval from p and SE(p).
func cifEstimate(p, se, z float64, conf ConfType) CIFEstimate {
	seLog := 0.0
	if se > 0 {
		seLog = se / p // +Inf when p = 0, which kmConfInterval rejects
	}
	lo, hi, ok := kmConfInterval(p, seLog, z, conf)
	return CIFEstimate{Estimate: p, StdErr: se, Lower: lo, Upper: hi, CIDefined: ok}
}
