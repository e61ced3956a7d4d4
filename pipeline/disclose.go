package pipeline

import (
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
)

// variantRun is one sensitivity variant before disclosure: its people and
// indicators, and where its rows sit among the ledger's rows.
type variantRun struct {
	cohort *Cohort
	counts *Counts
	offset int
}

// Disclose applies disclosure control (DESIGN.md §7) to everything the
// report publishes — flow, measures, strata, exits, costs, risk tables and
// sensitivity variants — in one pass, before anything is drawn or written.
// Every count is entered in a ledger as the set of people it counts, with
// the sums that tie the tables together; the ledger hides the small counts
// and then, while a small count can still be derived (by subtraction,
// through a total and its parts, across tables or variants), the cheapest
// count that the derivation rests on. A hidden count, share or interval
// becomes nil (".." in the report, null in results.json). The tables of
// who took part, the intake and the measures' horizons (part) follow in a
// second pass, each on its own with the margins it shares fixed as the
// first pass left them (discloseAdded).
func Disclose(cfg *config.Config, r *results.Results, c *Cohort, counts *Counts, runs []variantRun, part *Participants, trail io.Writer) (*results.Results, error) {
	min := cfg.Disclosure.Min()
	r.Disclosure.Zeros = zerosPolicyName(cfg)
	if min <= 0 {
		return r, nil
	}
	var times []float64
	if r.Retention != nil {
		times = r.Retention.Times()
	}
	b := &cellBook{classes: classifyRows(c, counts, runs, times), sites: map[int][]func(){}}
	zeros := models.ZerosPublish
	if cfg.Disclosure.ZerosSuppressed() {
		zeros = models.ZerosSuppress
	}
	b.l = models.NewWeightedLedger(b.classes.weights, min, zeros)
	all := b.flowCells(c, &r.Flow)
	b.measureCells(c, counts, r, all)
	b.fieldCells(c, counts, r, all)
	b.exitCells(c, counts, r.Exits)
	b.costCells(c, counts, r.Costs)
	b.retentionCells(c, r.Retention)
	b.fieldRetentionCells(c, r)
	b.variantCells(runs, r.Sensitivity)
	if b.err != nil {
		return nil, b.err
	}
	p, err := b.l.Protect()
	if err != nil {
		return nil, err
	}
	if trail != nil { // --verbose: why each secondary cell was hidden
		for _, line := range p.Trail {
			fmt.Fprintf(trail, "%-8s disclose: %s\n", cfg.ID, line)
		}
	}
	r.Disclosure.SuppressedCells = b.apply(p)
	r.Disclosure.Primary, r.Disclosure.Secondary = p.Primary, p.Secondary
	r.Flow.Suppressed = nil
	for _, s := range r.Flow.Status {
		if s.Count == nil {
			r.Flow.Suppressed = append(r.Flow.Suppressed, s.Status)
		}
	}
	coarsenCurves(r.Retention, min)
	coarsenFieldCurves(r, min)
	if part != nil {
		added, err := discloseAdded(cfg, r, c, counts, part, zeros, trail)
		if err != nil {
			return nil, err
		}
		r.Disclosure.Added = added
	}
	discloseStates(r.Retention, min)
	return r, nil
}

// apply hides every place a hidden cell is printed and returns how many
// printed figures were hidden.
func (b *cellBook) apply(p models.Protection) int {
	n := 0
	for _, id := range slices.Sorted(maps.Keys(b.sites)) {
		if !p.Hidden(id) {
			continue
		}
		for _, hide := range b.sites[id] {
			hide()
			n++
		}
	}
	return n
}

// ledgerRows is the number of rows the ledger's sets range over: the main
// extract's, then those of variants that read another file.
func ledgerRows(c *Cohort, runs []variantRun) int {
	n := c.Rows
	for _, r := range runs {
		n = max(n, r.offset+r.cohort.Rows)
	}
	return n
}

func zerosPolicyName(cfg *config.Config) string {
	if cfg.Disclosure.ZerosSuppressed() {
		return "suppress"
	}
	return "publish"
}

// coarsenCurves keeps the drawn curves from showing what a few people did.
func coarsenCurves(ret *results.Retention, min int) {
	if ret == nil {
		return
	}
	ret.Curve = coarsenCurve(ret.Curve, min)
	for i := range ret.ByStratum {
		ret.ByStratum[i].Curve = coarsenCurve(ret.ByStratum[i].Curve, min)
	}
}

// coarsenCurve keeps a drawn curve from showing what a few people did: a
// step is drawn only once at least min exits have gathered since the last
// one (the estimate there is exact; it just drops later, in one step), and
// the curve ends where fewer than min people are still at risk.
func coarsenCurve(pts []results.CurvePoint, min int) []results.CurvePoint {
	var out []results.CurvePoint
	pending := 0
	for _, p := range pts {
		if p.NRisk < min {
			break
		}
		pending += p.NEvent
		if p.NEvent > 0 && pending < min {
			continue
		}
		if p.NEvent > 0 {
			pending = 0
		}
		out = append(out, p)
	}
	return out
}
