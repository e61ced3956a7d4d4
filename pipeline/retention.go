package pipeline

import (
	"fmt"
	"slices"

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
	var strata []int32 // small types: each is a fresh array of 10⁶–10⁷
	if len(c.Strata) > 0 {
		strata = make([]int32, len(c.People))
	}
	for i := range c.People {
		p := &c.People[i]
		times[i], ev[i] = p.Weeks(), state[i] > 0
		if strata != nil {
			strata[i] = int32(p.Stratum)
		}
	}
	// ordered once for every curve below
	d, err := models.NewDurations(times)
	if err != nil {
		return nil, fmt.Errorf("kaplan-meier: %w", err)
	}
	opts := models.KMOptions{Level: cfg.Bootstrap.Level, Conf: models.ConfLogLog}
	curve, err := d.KaplanMeier(ev, opts)
	if err != nil {
		return nil, err
	}
	out := &results.Retention{Event: rc.Event, Competing: competing, Unit: "weeks", ConfType: "log-log"}
	out.Points, out.Median, out.Curve, out.Censored = kmSummary(curve, rc.Times)
	if len(c.Strata) > 0 {
		by, err := d.KaplanMeierByStratum(ev, strata, c.Strata, opts)
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
		if err := competingExits(out, exits, d, state, rc.Times, models.CIFOptions(opts)); err != nil {
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
	var at []float64
	for _, pts := range pointLists(ret) {
		for _, p := range pts {
			at = append(at, p.T)
		}
	}
	slices.Sort(at)
	at = slices.Compact(at)
	// One pass: how many of each stratum (group 0: none) stayed past
	// exactly the first b of the sorted times (bucket b); then those past
	// at[j] are the buckets above j.
	width := len(at) + 1
	hist := make([]int, (len(c.Strata)+1)*width)
	for i := range c.People {
		p := &c.People[i]
		b := 0
		for b < len(at) && p.Weeks() > at[b] {
			b++
		}
		hist[int(p.Stratum+1)*width+b]++
	}
	count := func(pts []results.RetentionPoint, stratum int) {
		for k := range pts {
			j, _ := slices.BinarySearch(at, pts[k].T)
			n := 0
			for g := range len(c.Strata) + 1 {
				if stratum < 0 || g == stratum+1 {
					for _, h := range hist[g*width+j+1 : (g+1)*width] {
						n += h
					}
				}
			}
			pts[k].NRisk = intp(n)
		}
	}
	count(ret.Points, -1)
	for s := range ret.ByStratum {
		count(ret.ByStratum[s].Points, s)
	}
	for k := range ret.Incidence {
		count(ret.Incidence[k].Points, -1)
	}
}

// pointLists are the retention's risk tables: pooled, by stratum and of
// each competing exit.
func pointLists(ret *results.Retention) [][]results.RetentionPoint {
	out := [][]results.RetentionPoint{ret.Points}
	for _, s := range ret.ByStratum {
		out = append(out, s.Points)
	}
	for _, inc := range ret.Incidence {
		out = append(out, inc.Points)
	}
	return out
}

// exitStates codes each person's exit: k for exits[k-1], 0 for censored.
// A byte a person: models.AalenJohansen takes at most 254 exit types.
func exitStates(c *Cohort, exits []string) []uint8 {
	code := make([]uint8, len(c.Statuses))
	for k, name := range exits {
		if i := statusIndex(c, name); i >= 0 {
			code[i] = uint8(min(k+1, 255))
		}
	}
	state := make([]uint8, len(c.People))
	for i := range c.People {
		state[i] = code[c.People[i].Status]
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
