package pipeline

import (
	"fmt"
	"math"

	"github.com/danish-eval/evaluate/models/results"
)

// horizonCells records a measure's events by horizon like a risk table
// (horizonWindows), from its population.
func (b *cellBook) horizonCells(c *Cohort, h *horizonData, m *results.Measure) {
	out, label := m.Horizons, "measure "+m.ID+" by horizon"
	prev := b.publish(b.set(c, func(i int, _ *Person) bool { return h.in[i] }), out.N, label+" (population)", costHorizon,
		func() { hideHorizons(out) })
	pts := make([]windowPoint, len(out.Points))
	for n := range out.Points {
		pt := &out.Points[n]
		pts[n] = windowPoint{weeks: pt.Weeks, still: pt.NRisk, reached: pt.NEvent,
			hide: func() { pt.NRisk, pt.NEvent, pt.Incidence, pt.Low, pt.High = nil, nil, nil, nil, nil }}
	}
	b.horizonWindows(c, prev, label, costHorizon, pts, func(i int) bool { return h.in[i] },
		func(i int) float64 { return h.weeks[i] }, func(i int) bool { return h.event[i] })
}

// windowPoint is one horizon as a table prints it: the counts it shows
// (nil where it shows none) and how to hide it.
type windowPoint struct {
	weeks          float64
	still, reached *int
	hide           func()
}

// horizonWindows records events by horizon from population cell prev: at
// each horizon those still followed without the event (time > h) and
// those who reached it (time ≤ h); and the windows between horizons, whose
// people split into the events and the censored, so that differences
// between horizons are counts too. in, time and event describe person i
// of c (time and event are asked only of people in).
func (b *cellBook) horizonWindows(c *Cohort, prev int, label string, cost int, pts []windowPoint,
	in func(i int) bool, time func(i int) float64, event func(i int) bool) {
	lo, cum := math.Inf(-1), -1
	for _, pt := range pts {
		t, from := pt.weeks, lo
		still := b.publish(b.set(c, func(i int, _ *Person) bool { return in(i) && time(i) > t }), pt.still,
			fmt.Sprintf("%s: followed beyond week %g", label, t), cost, pt.hide)
		reached := b.publish(b.set(c, func(i int, _ *Person) bool { return in(i) && event(i) && time(i) <= t }), pt.reached,
			fmt.Sprintf("%s: reached by week %g", label, t), cost, pt.hide)
		inWin := func(i int, _ *Person) bool { return in(i) && time(i) > from && time(i) <= t }
		win := b.l.Virtual(b.set(c, inWin), fmt.Sprintf("%s: left weeks %g–%g", label, from, t))
		events := b.l.Virtual(b.set(c, func(i int, p *Person) bool { return inWin(i, p) && event(i) }),
			fmt.Sprintf("%s: reached in weeks %g–%g", label, from, t))
		b.l.Partition(prev, still, win)
		b.l.Partition(win, events) // the rest: censored in the window
		if cum >= 0 {
			b.l.Partition(reached, cum, events)
		}
		prev, lo, cum = still, t, reached
	}
}

// hideHorizons blanks every number of a measure's horizons: its population
// is hidden.
func hideHorizons(h *results.Horizons) {
	h.N, h.Curve = nil, nil
	for n := range h.Points {
		pt := &h.Points[n]
		pt.NRisk, pt.NEvent, pt.Incidence, pt.Low, pt.High = nil, nil, nil, nil, nil
	}
}
