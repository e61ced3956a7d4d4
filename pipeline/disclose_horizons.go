package pipeline

import (
	"fmt"
	"math"

	"github.com/danish-eval/evaluate/models/results"
)

// horizonCells records a measure's events by horizon like a risk table:
// its population; at each horizon those still followed without the event
// (time > h) and those who reached it (time ≤ h); and the windows between
// horizons, whose people split into the events and the censored, so that
// differences between horizons are counts too.
func (b *cellBook) horizonCells(c *Cohort, h *horizonData, m *results.Measure) {
	out, label := m.Horizons, "measure "+m.ID+" by horizon"
	prev := b.publish(b.set(c, func(i int, _ *Person) bool { return h.in[i] }), out.N, label+" (population)", costHorizon,
		func() { hideHorizons(out) })
	lo, cum := math.Inf(-1), -1
	for n := range out.Points {
		pt := &out.Points[n]
		t, from := pt.Weeks, lo
		hide := func() { pt.NRisk, pt.NEvent, pt.Incidence, pt.Low, pt.High = nil, nil, nil, nil, nil }
		still := b.publish(b.set(c, func(i int, _ *Person) bool { return h.in[i] && h.weeks[i] > t }), pt.NRisk,
			fmt.Sprintf("%s: followed beyond week %g", label, t), costHorizon, hide)
		reached := b.publish(b.set(c, func(i int, _ *Person) bool { return h.in[i] && h.event[i] && h.weeks[i] <= t }), pt.NEvent,
			fmt.Sprintf("%s: reached by week %g", label, t), costHorizon, hide)
		inWin := func(i int, _ *Person) bool { return h.in[i] && h.weeks[i] > from && h.weeks[i] <= t }
		win := b.l.Virtual(b.set(c, inWin), fmt.Sprintf("%s: left weeks %g–%g", label, from, t))
		events := b.l.Virtual(b.set(c, func(i int, p *Person) bool { return inWin(i, p) && h.event[i] }),
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
