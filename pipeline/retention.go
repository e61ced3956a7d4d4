package pipeline

import (
	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
)

// Retention estimates how long people stayed. The configured event (e.g.
// dropout) and the competing exits (by default every other status that
// ends the programme) end retention; everyone else is censored at their
// exit, the end of follow-up. Without competing exits this is the
// Kaplan-Meier of the event; with them, the Kaplan-Meier of time in the
// programme, the Aalen-Johansen cumulative incidence of each exit and the
// state occupation. By stratum when strata are set.
func Retention(cfg *config.Config, c *Cohort) (*results.Retention, error) {
	rc := cfg.Retention
	if rc == nil {
		return nil, nil
	}
	competing := cfg.CompetingExits()
	exits := append([]string{rc.Event}, competing...)
	state := exitStates(c, exits)
	times := make([]float64, len(c.People))
	ev := make([]bool, len(c.People))
	strata := make([]int, len(c.People))
	for i, p := range c.People {
		times[i], ev[i], strata[i] = p.Weeks, state[i] > 0, p.Stratum
	}
	opts := models.KMOptions{Level: cfg.Bootstrap.Level, Conf: models.ConfLogLog}
	curve, err := models.KaplanMeier(times, ev, opts)
	if err != nil {
		return nil, err
	}
	out := &results.Retention{Event: rc.Event, Competing: competing, Unit: "weeks", ConfType: "log-log"}
	out.Points, out.Median, out.Curve, out.Censored = kmSummary(curve, rc.Times)
	if len(c.Strata) > 0 {
		by, err := models.KaplanMeierByStratum(times, ev, strata, c.Strata, opts)
		if err != nil {
			return nil, err
		}
		for _, s := range by {
			sr := results.StratumRetention{Stratum: s.Name}
			sr.Points, sr.Median, sr.Curve, sr.Censored = kmSummary(s.Curve, rc.Times)
			out.ByStratum = append(out.ByStratum, sr)
		}
	}
	if len(competing) > 0 {
		if err := competingExits(out, exits, times, state, rc.Times, models.CIFOptions(opts)); err != nil {
			return nil, err
		}
	}
	stillIn(c, out)
	if len(competing) > 0 {
		out.States = stateRows(out.Points, out.Incidence)
	}
	return out, nil
}

// stillIn sets each risk-table point's number to those still in the
// programme after week t (time > t), so that at every time the table's
// people split exactly into still in, exits by t (time ≤ t, as R counts
// them) and censored by t — and a reader's subtractions give true counts,
// which disclosure control can then check. (R's n.risk counts time ≥ t;
// the two differ only for people who left exactly at week t.)
func stillIn(c *Cohort, ret *results.Retention) {
	count := func(pts []results.RetentionPoint, w who) {
		for k := range pts {
			n := 0
			for i := range c.People {
				if p := &c.People[i]; w(i, p) && p.Weeks > pts[k].T {
					n++
				}
			}
			pts[k].NRisk = intp(n)
		}
	}
	count(ret.Points, everyone)
	for s := range ret.ByStratum {
		count(ret.ByStratum[s].Points, inStratum(s))
	}
	for k := range ret.Incidence {
		count(ret.Incidence[k].Points, everyone)
	}
}

// exitStates codes each person's exit: k for exits[k-1], 0 for censored.
func exitStates(c *Cohort, exits []string) []int {
	code := make([]int, len(c.Statuses))
	for k, name := range exits {
		if i := statusIndex(c, name); i >= 0 {
			code[i] = k + 1
		}
	}
	state := make([]int, len(c.People))
	for i, p := range c.People {
		state[i] = code[p.Status]
	}
	return state
}

func statusIndex(c *Cohort, name string) int {
	for i, s := range c.Statuses {
		if s == name {
			return i
		}
	}
	return -1
}

// kmSummary reads a curve at the configured times and keeps its steps.
func kmSummary(c models.KMCurve, times []float64) ([]results.RetentionPoint, *results.Median, []results.CurvePoint, []float64) {
	var pts []results.RetentionPoint
	for _, p := range c.At(times) {
		rp := results.RetentionPoint{T: p.Time, NRisk: intp(p.NRisk), NEvent: intp(p.NEventCumulative)}
		if !p.AtRisk {
			rp.Note = "no one at risk"
		}
		rp.Surv = f64p(p.Surv)
		if p.SEDefined {
			rp.Low, rp.High = f64p(p.Lower), f64p(p.Upper)
		}
		pts = append(pts, rp)
	}
	var curve []results.CurvePoint
	var censored []float64
	for _, r := range c.Rows {
		lo, hi := r.Lower, r.Upper
		if !r.SEDefined {
			lo, hi = r.Surv, r.Surv
		}
		curve = append(curve, results.CurvePoint{T: r.Time, S: r.Surv, Low: lo, High: hi, NRisk: r.NRisk, NEvent: r.NEvent})
		if r.NCensor > 0 {
			censored = append(censored, r.Time)
		}
	}
	m := c.Median()
	med := &results.Median{}
	if m.EstimateReached {
		med.Estimate = f64p(m.Estimate)
	}
	if m.LowerReached {
		med.Low = f64p(m.Lower)
	}
	if m.UpperReached {
		med.High = f64p(m.Upper)
	}
	return pts, med, curve, censored
}

func intp(n int) *int { return &n }

func f64p(x float64) *float64 { return &x }
