package pipeline

import (
	"encoding/binary"
	"fmt"
	"io"

	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
)

// comparisonCells is what the disclosure ledger needs of a comparison:
// both groups, the compared people (units), and the estimate's weights,
// outcomes and times over the units.
type comparisonCells struct {
	both     []group
	units    []unit
	data     models.Comparison
	est      *models.ComparisonResult
	outcomes []models.Outcome
	times    []models.TimeOutcome
}

// Costs of hiding a comparison's counts: an effect at one horizon goes
// before an effect, which goes before the groups' sizes.
const (
	costEffectPoint    = 12
	costComparisonSize = 35
	costDropped        = 50
	costEffect         = 90
)

// DiscloseComparison protects the comparison's counts (config
// comparison): the compared and dropped people of each group, and for
// every effect the participants with and without the outcome and the
// comparison people in its population (with the outcome too: the
// weighted share rests on them), at the end of follow-up and at each
// horizon. They go into one ledger with every count of the main cohort
// the report already publishes — the flow, the measures pooled and by
// stratum, the exits, the costs, the risk tables and each measure's
// horizons — settled as Disclose left them, so no comparison count can
// be read by subtracting it from a published one, or a published one
// from it (a measure's count minus the effect's participants with the
// outcome gives those trimmed away). Only comparison counts are hidden
// here; a hidden count hides its whole effect (or horizon), since the
// shares and the difference would give it back.
func DiscloseComparison(cfg *config.Config, r *results.Results, c *Cohort, counts *Counts, part *Participants, cmp *Compared, trail io.Writer) error {
	min := cfg.Disclosure.Min()
	if cmp == nil || cmp.cells == nil || min <= 0 {
		return nil
	}
	k := cmp.cells
	zeros := models.ZerosPublish
	if cfg.Disclosure.ZerosSuppressed() {
		zeros = models.ZerosSuppress
	}
	var events []horizonData
	if part != nil {
		events = part.events
	}
	b := &cellBook{classes: comparisonClasses(c, counts, r, events, k), sites: map[int][]func(){}}
	b.l = models.NewWeightedLedger(b.classes.weights, min, zeros)
	b.settledCells(c, counts, r)
	b.settled = true
	b.retentionCells(c, r.Retention)
	n := 0
	for j := range r.Measures {
		if m := &r.Measures[j]; m.Horizons != nil && n < len(events) {
			b.horizonCells(c, &events[n], m)
			n++
		}
	}
	b.settled = false
	hideSmallBases(r.Effects, min)
	b.comparisonGroupCells(k, r.Comparison)
	b.effectCells(k, r.Effects)
	if b.err != nil {
		return b.err
	}
	p, err := b.l.Protect()
	if err != nil {
		return fmt.Errorf("comparison: %w", err)
	}
	for _, line := range p.Trail {
		if trail != nil {
			fmt.Fprintf(trail, "%-8s disclose comparison: %s\n", cfg.ID, line)
		}
	}
	r.Disclosure.Comparison = &results.HiddenCounts{SuppressedCells: b.apply(p), Primary: p.Primary, Secondary: p.Secondary}
	return nil
}

// comparisonClasses groups the people of both groups by everything a
// count of the ledger can tell apart: for the participants, what the main
// cohort's settled counts see (profile, risk-table time, horizon codes);
// for everyone, their comparison code (unitCodes). The profile is the
// second pass's (baseClasses), so a count it learns to tell apart is
// told apart here too.
func comparisonClasses(c *Cohort, counts *Counts, r *results.Results, events []horizonData, k *comparisonCells) rowClasses {
	codes, base := unitCodes(k), baseClasses(c, counts)
	var times []float64
	if r.Retention != nil {
		times = r.Retention.Times()
	}
	ids := map[string]int{}
	out := rowClasses{reps: map[*Cohort][]int{}}
	var reps [2][]int
	for g, grp := range k.both {
		for i, p := range grp.cohort.People {
			key := append([]byte{byte(g)}, codes[g][i]...)
			if g == 0 { // what the settled counts see: profile, risk-table time, horizons
				key = binary.LittleEndian.AppendUint32(key, uint32(base[i]))
				key = append(key, byte(timeBin(p.Weeks(), times)))
				for e := range events {
					key = binary.LittleEndian.AppendUint16(key, events[e].code(i))
				}
			}
			id, ok := ids[string(key)]
			if !ok {
				id = len(out.weights)
				ids[string(key)] = id
				out.weights = append(out.weights, 0)
				for h := range reps {
					reps[h] = append(reps[h], -1)
				}
				reps[g][id] = i
			}
			out.weights[id]++
		}
	}
	out.reps[c], out.reps[k.both[1].cohort] = reps[0], reps[1]
	return out
}

// unitCodes gives each person of each group the bytes that say which
// comparison counts hold them: compared or not, kept by the weights, and
// per effect in its population, kept and with the outcome; per time
// outcome in its population, kept, reached and the horizons before their
// time.
func unitCodes(k *comparisonCells) [2][][]byte {
	var out [2][][]byte
	for g := range out {
		out[g] = make([][]byte, len(k.both[g].cohort.People))
	}
	w := k.est.Weighting.W
	for u, un := range k.units {
		code := []byte{1, byte(b2i(w[u] > 0))}
		for j, o := range k.outcomes {
			kept := effectWeights(k.est.Weighting, k.est.Effects[j].W)[u] > 0
			code = append(code, byte(b2i(inPop(o.In, u))|b2i(kept)<<1|b2i(o.Y[u] != 0)<<2))
		}
		for t, to := range k.times {
			kept := effectWeights(k.est.Weighting, k.est.OverTime[t].W)[u] > 0
			code = append(code, byte(b2i(inPop(to.In, u))|b2i(kept)<<1|b2i(to.Event[u])<<2), byte(timeBin(to.Time[u], to.Horizons)))
		}
		out[un.group][un.person] = code
	}
	return out
}

func inPop(in []bool, u int) bool { return in == nil || in[u] }

// unitsOf maps each person of group g to their unit (−1: not compared).
func unitsOf(k *comparisonCells, g int) []int {
	out := make([]int, len(k.both[g].cohort.People))
	for i := range out {
		out[i] = -1
	}
	for u, un := range k.units {
		if un.group == g {
			out[un.person] = u
		}
	}
	return out
}

// unitWho selects the compared people of group g for whom f holds.
func unitWho(units []int, f func(u int) bool) who {
	return func(i int, _ *Person) bool { return units[i] >= 0 && f(units[i]) }
}

// hideSmallBases hides every effect whose participants or comparison
// people in its population number 1 to min − 1: a share of so few, and
// the weighted one above all, says too much about each. (The ledger
// cannot do it when a base is a flow total, which is always shown.)
func hideSmallBases(effects []results.Effect, min int) {
	small := func(n *int) bool { return n != nil && *n > 0 && *n < min }
	for i := range effects {
		e := &effects[i]
		if small(e.Participants.Denominator) || small(e.Comparison.N) {
			e.Hide(results.NoteSuppressed)
		}
	}
}
