package pipeline

import (
	"time"

	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/extract"
)

// horizonData is one measure's time to its event, per person: in its
// population or not, the weeks from the origin to the event (or to the
// end of follow-up), and whether the event was reached.
type horizonData struct {
	out      *results.Horizons
	horizons []float64
	in       []bool
	weeks    []float64
	event    []bool
}

// horizons estimates measure j's cumulative incidence by each horizon:
// one minus the Kaplan-Meier of the weeks from entry (or exit) to the
// event date (config at), among the measure's population. Who has no event
// date is censored at their end of follow-up: the date of data, or their
// own date in cohort.followup_end when it is earlier — so a horizon counts
// only the time each person was actually followed, and an event dated
// after the person's follow-up ended is not counted (it could not have
// been seen for everyone alike). An event dated before the origin is
// reached at week 0.
func horizons(cfg *config.Config, c *Cohort, counts *Counts, j int) (horizonData, error) {
	m := cfg.Measures[j]
	h := eventTimes(cfg, c, counts, j)
	times, events := make([]float64, 0, len(c.People)), make([]bool, 0, len(c.People))
	for i, in := range h.in {
		if in {
			times, events = append(times, h.weeks[i]), append(events, h.event[i])
		}
	}
	curve, err := models.KaplanMeier(times, events, models.KMOptions{Level: cfg.Bootstrap.Level, Conf: models.ConfLogLog})
	if err != nil {
		return h, err
	}
	h.out = &results.Horizons{At: m.At, From: m.From, Unit: "weeks", FollowupEnd: day(c.DataDate), FollowupField: cfg.Cohort.FollowupEnd,
		N: intp(len(times)), ConfType: "log-log", Points: horizonPoints(curve, m.Horizons), Curve: incidenceCurve(curve)}
	h.countAfter()
	return h, nil
}

// eventTimes reads measure j's weeks from the origin to the event date,
// or to the end of follow-up without one (or with one after it), for the
// people in its population.
func eventTimes(cfg *config.Config, c *Cohort, counts *Counts, j int) horizonData {
	m := cfg.Measures[j]
	col, _ := c.table.column(m.At)
	own, _ := c.table.column(cfg.Cohort.FollowupEnd)
	h := horizonData{horizons: m.Horizons, in: make([]bool, len(c.People)),
		weeks: make([]float64, len(c.People)), event: make([]bool, len(c.People))}
	for i, p := range c.People {
		if counts.Patterns[i]&Den(j) == 0 {
			continue
		}
		origin := p.Entry
		if m.From == config.FromExit {
			origin = p.Exit
		}
		at := followedUntil(own, int(p.Index), c.DataDate)
		if col != nil && !col.Missing[int(p.Index)] && !col.DateAt(int(p.Index)).After(at) {
			at, h.event[i] = col.DateAt(int(p.Index)), true
		}
		h.in[i], h.weeks[i] = true, max(0, weeksBetween(origin.Time(), at))
	}
	return h
}

// followedUntil is row's end of follow-up: its own date (own, the
// cohort.followup_end field; nil when not configured) when given and
// before the date of data, else the date of data. A blank own date means
// followed to the date of data.
func followedUntil(own *extract.Column, row int, dataDate time.Time) time.Time {
	if own == nil || own.Missing[row] || own.DateAt(row).After(dataDate) {
		return dataDate
	}
	return own.DateAt(row)
}

func weeksBetween(a, b time.Time) float64 { return b.Sub(a).Hours() / 24 / 7 }

// horizonPoints reads 1 − S at each horizon, with the log-log interval
// turned over; no estimate where no one was followed that long.
func horizonPoints(curve models.KMCurve, hs []float64) []results.HorizonPoint {
	var out []results.HorizonPoint
	for _, p := range curve.At(hs) {
		hp := results.HorizonPoint{Weeks: p.Time, NEvent: intp(p.NEventCumulative)}
		switch {
		case !p.AtRisk:
			hp.Note = "no one followed this long"
		default:
			hp.Incidence = f64p(1 - p.Surv)
			if p.SEDefined {
				hp.Low, hp.High = f64p(1-p.Upper), f64p(1-p.Lower)
			}
		}
		out = append(out, hp)
	}
	return out
}

// incidenceCurve is 1 − S at every step of the curve, for the figure.
func incidenceCurve(c models.KMCurve) []results.CurvePoint {
	var out []results.CurvePoint
	for _, r := range c.Rows {
		lo, hi := r.Lower, r.Upper
		if !r.SEDefined {
			lo, hi = r.Surv, r.Surv
		}
		out = append(out, results.CurvePoint{T: r.Time, S: 1 - r.Surv, Low: 1 - hi, High: 1 - lo, NRisk: r.NRisk, NEvent: r.NEvent})
	}
	return out
}

// countAfter sets each point's NRisk to those still followed without the
// event after the horizon (time > h), so that reached, still followed and
// censored by h add up to N exactly (as the retention risk table).
func (h *horizonData) countAfter() {
	for k := range h.out.Points {
		pt := &h.out.Points[k]
		n := 0
		for i, in := range h.in {
			if in && h.weeks[i] > pt.Weeks {
				n++
			}
		}
		pt.NRisk = intp(n)
	}
}

// code is person i's class for disclosure control: outside the
// population (0), or how many horizons lie before their time, and whether
// they reached the event.
func (h *horizonData) code(i int) uint16 {
	if !h.in[i] {
		return 0
	}
	b := uint16(timeBin(h.weeks[i], h.horizons))
	if h.event[i] {
		return 2 + 2*b
	}
	return 1 + 2*b
}
