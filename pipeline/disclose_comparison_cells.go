package pipeline

import (
	"fmt"

	"github.com/danish-eval/evaluate/models/results"
)

// comparisonGroupCells records each group's included (shown in the
// comparison's flow table, always), its people left out for want of a
// covariate (always shown, as the flow's exclusions), those compared and
// those dropped by the weights.
func (b *cellBook) comparisonGroupCells(k *comparisonCells, res *results.Comparison) {
	w := k.est.Weighting.W
	names := [2]string{"participants", "comparison group"}
	shown := [2]**int{&res.Participants, &res.People}
	dropped := [2]**int{&res.DroppedParticipants, &res.DroppedComparison}
	for g := range k.both {
		coh, units := k.both[g].cohort, unitsOf(k, g)
		all := b.publish(b.set(coh, everyone), nil, "comparison: "+names[g]+" included", costLocked, func() {})
		b.l.Lock(all)
		missing := b.publish(b.set(coh, func(i int, _ *Person) bool { return units[i] < 0 }), nil,
			"comparison: "+names[g]+" without a covariate", costLocked, func() {})
		b.l.Lock(missing)
		size, drop := shown[g], dropped[g]
		compared := b.publish(b.set(coh, unitWho(units, func(int) bool { return true })), *size,
			"comparison: "+names[g]+" compared", costComparisonSize, func() { *size = nil; res.EffectiveN = nil })
		b.l.Partition(all, compared, missing)
		gone := b.publish(b.set(coh, unitWho(units, func(u int) bool { return w[u] <= 0 })), *drop,
			"comparison: "+names[g]+" dropped by the weights", costDropped, func() { *drop = nil })
		b.l.Partition(compared, gone)
	}
}

// effectCells records every effect with figures: the kept participants
// in its population and those of them with the outcome, the kept
// comparison people in it and those with the outcome; then its horizons.
// Hiding any of them hides the effect.
func (b *cellBook) effectCells(k *comparisonCells, effects []results.Effect) {
	units := [2][]int{unitsOf(k, 0), unitsOf(k, 1)}
	for j, o := range k.outcomes {
		e := effectByID(effects, o.ID)
		if e == nil || e.Difference == nil {
			continue
		}
		w := effectWeights(k.est.Weighting, k.est.Effects[j].W)
		hide := func() { e.Hide(results.NoteSuppressed) }
		label := "effect " + o.ID
		var base [2]int
		for g, shownBase := range [2]*int{e.Participants.Denominator, e.Comparison.N} {
			coh := k.both[g].cohort
			in := func(u int) bool { return inPop(o.In, u) && w[u] > 0 }
			base[g] = b.publish(b.set(coh, unitWho(units[g], in)), shownBase, fmt.Sprintf("%s: %s", label, [2]string{"participants", "comparison"}[g]), costEffect, hide)
			var count *int
			if g == 0 {
				count = e.Participants.Count
			}
			with := b.publish(b.set(coh, unitWho(units[g], func(u int) bool { return in(u) && o.Y[u] != 0 })), count,
				fmt.Sprintf("%s: %s with the outcome", label, [2]string{"participants", "comparison"}[g]), costEffect, hide)
			b.l.Partition(base[g], with)
		}
		if t := timeIndex(k, o.ID); t >= 0 && e.OverTime != nil {
			b.effectPointCells(k, t, units, e.OverTime)
		}
	}
}

// effectPointCells records an effect's horizons in each group like a
// measure's (horizonWindows), from the kept people in its population.
func (b *cellBook) effectPointCells(k *comparisonCells, t int, units [2][]int, over *results.EffectOverTime) {
	to := k.times[t]
	w := effectWeights(k.est.Weighting, k.est.OverTime[t].W)
	for g := range k.both {
		coh, us := k.both[g].cohort, units[g]
		in := func(i int) bool { u := us[i]; return u >= 0 && inPop(to.In, u) && w[u] > 0 }
		label := fmt.Sprintf("effect %s over time, %s", to.ID, [2]string{"participants", "comparison"}[g])
		prev := b.l.Virtual(b.set(coh, func(i int, _ *Person) bool { return in(i) }), label)
		pts := make([]windowPoint, len(over.Points))
		for n := range over.Points {
			pt := &over.Points[n]
			pts[n] = windowPoint{weeks: pt.Weeks, still: [2]*int{pt.NRiskParticipants, pt.NRiskComparison}[g],
				hide: func() { pt.Hide(results.NoteSuppressed) }}
		}
		b.horizonWindows(coh, prev, label, costEffectPoint, pts, in,
			func(i int) float64 { return to.Time[us[i]] }, func(i int) bool { return to.Event[us[i]] })
	}
}

func effectByID(effects []results.Effect, id string) *results.Effect {
	for i := range effects {
		if effects[i].Measure == id {
			return &effects[i]
		}
	}
	return nil
}

// timeIndex is the index of the time outcome of measure id, or −1.
func timeIndex(k *comparisonCells, id string) int {
	for t, to := range k.times {
		if to.ID == id {
			return t
		}
	}
	return -1
}
