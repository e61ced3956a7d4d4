package pipeline

import (
	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/reports"
)

// Retention estimates how long people stayed: Kaplan-Meier with the
// configured event (e.g. dropout) ending retention and everyone else
// censored at their exit or follow-up; by stratum when strata are set; and
// the Aalen-Johansen cumulative incidence when competing exits are named.
func Retention(cfg *config.Config, c *Cohort) (*reports.Retention, error) {
	rc := cfg.Retention
	if rc == nil {
		return nil, nil
	}
	event := statusIndex(c, rc.Event)
	times := make([]float64, len(c.People))
	ev := make([]bool, len(c.People))
	strata := make([]int, len(c.People))
	for i, p := range c.People {
		times[i], ev[i], strata[i] = p.Weeks, p.Status == event, p.Stratum
	}
	opts := models.KMOptions{Level: cfg.Bootstrap.Level, Conf: models.ConfLogLog}
	curve, err := models.KaplanMeier(times, ev, opts)
	if err != nil {
		return nil, err
	}
	out := &reports.Retention{Event: rc.Event, Unit: "weeks", ConfType: "log-log"}
	out.Points, out.Median, out.Curve, out.Censored = kmSummary(curve, rc.Times)
	if len(c.Strata) > 0 {
		by, err := models.KaplanMeierByStratum(times, ev, strata, c.Strata, opts)
		if err != nil {
			return nil, err
		}
		for _, s := range by {
			sr := reports.StratumRetention{Stratum: s.Name}
			sr.Points, sr.Median, sr.Curve, sr.Censored = kmSummary(s.Curve, rc.Times)
			out.ByStratum = append(out.ByStratum, sr)
		}
	}
	if len(rc.Competing) > 0 {
		inc, err := incidence(cfg, c, times, opts)
		if err != nil {
			return nil, err
		}
		out.Incidence = inc
	}
	stillIn(c, out)
	return out, nil
}

// stillIn sets each risk-table point's number to those still in the
// programme after week t (time > t), so that at every time the table's
// people split exactly into still in, exits by t (time ≤ t, as R counts
// them) and censored by t — and a reader's subtractions give true counts,
// which disclosure control can then check. (R's n.risk counts time ≥ t;
// the two differ only for people who left exactly at week t.)
func stillIn(c *Cohort, ret *reports.Retention) {
	count := func(pts []reports.RetentionPoint, w who) {
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

func statusIndex(c *Cohort, name string) int {
	for i, s := range c.Statuses {
		if s == name {
			return i
		}
	}
	return -1
}

// kmSummary reads a curve at the configured times and keeps its steps.
func kmSummary(c models.KMCurve, times []float64) ([]reports.RetentionPoint, *reports.Median, []reports.CurvePoint, []float64) {
	var pts []reports.RetentionPoint
	for _, p := range c.At(times) {
		rp := reports.RetentionPoint{T: p.Time, NRisk: intp(p.NRisk), NEvent: intp(p.NEventCumulative)}
		if !p.AtRisk {
			rp.Note = "no one at risk"
		}
		rp.Surv = f64p(p.Surv)
		if p.SEDefined {
			rp.Low, rp.High = f64p(p.Lower), f64p(p.Upper)
		}
		pts = append(pts, rp)
	}
	var curve []reports.CurvePoint
	var censored []float64
	for _, r := range c.Rows {
		lo, hi := r.Lower, r.Upper
		if !r.SEDefined {
			lo, hi = r.Surv, r.Surv
		}
		curve = append(curve, reports.CurvePoint{T: r.Time, S: r.Surv, Low: lo, High: hi, NRisk: r.NRisk, NEvent: r.NEvent})
		if r.NCensor > 0 {
			censored = append(censored, r.Time)
		}
	}
	m := c.Median()
	med := &reports.Median{}
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

// incidence gives each competing exit's cumulative incidence; the
// retention event is exit type 1, the named competing exits 2…K.
func incidence(cfg *config.Config, c *Cohort, times []float64, opts models.KMOptions) ([]reports.Incidence, error) {
	exits := append([]string{cfg.Retention.Event}, cfg.Retention.Competing...)
	state := make([]int, len(c.People))
	for i, p := range c.People {
		for k, name := range exits {
			if c.Statuses[p.Status] == name {
				state[i] = k + 1
			}
		}
	}
	res, err := models.AalenJohansen(times, state, len(exits), models.CIFOptions(opts))
	if err != nil {
		return nil, err
	}
	out := make([]reports.Incidence, len(exits))
	at := res.At(cfg.Retention.Times)
	for k, name := range exits {
		out[k].Exit = name
		for _, p := range at {
			e := p.Exits[k]
			rp := reports.RetentionPoint{T: p.Time, NRisk: intp(p.NRisk), NEvent: intp(p.NEventCumulative[k]), Surv: f64p(e.Estimate)}
			if e.CIDefined {
				rp.Low, rp.High = f64p(e.Lower), f64p(e.Upper)
			}
			if !p.AtRisk {
				rp.Note = "no one at risk"
			}
			out[k].Points = append(out[k].Points, rp)
		}
		for _, r := range res.Rows {
			e := r.Exits[k]
			out[k].Curve = append(out[k].Curve, reports.CurvePoint{T: r.Time, S: e.Estimate, Low: e.Lower, High: e.Upper,
				NRisk: r.NRisk, NEvent: sumInts(r.NEvent)})
		}
	}
	return out, nil
}

func intp(n int) *int { return &n }

func f64p(x float64) *float64 { return &x }

func sumInts(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}
