package pipeline

import (
	"fmt"
	"reflect"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
)

// Sensitivity re-runs the measures for every variant of the config (its
// sensitivity: list), with the same seed, and returns each variant's
// measures with the people behind them, for the one disclosure pass. The
// extract is read again only when a variant changes the source or the
// columns; its rows then follow the main extract's in the ledger.
// Each variant runs the same stages as the main analysis (estimate); with
// --verbose their timings are logged under the variant's name, and an
// error names the variant and the stage.
// A variant that keeps the cohort definition (only measures, exits, costs
// or retention change) reuses the main analysis's selected cohort, and the
// indicators of every measure whose rules it keeps (counts); one that
// keeps the entry and exit rules starts from the main selection's dated
// rows (reselect).
func Sensitivity(t *timer, cfg *config.Config, in *Input, main *Cohort, counts *Counts, workers int) ([]results.Variant, []variantRun, error) {
	out := []results.Variant{}
	var runs []variantRun
	offset := in.Extract.Rows
	for _, v := range cfg.Sensitivity {
		vc, err := cfg.Variant(v)
		if err != nil {
			return nil, nil, err
		}
		vt := &timer{log: t.log, prefix: t.prefix + " · " + v.Name}
		res, run, err := variantResults(vt, cfg, vc, in, analysed{main, counts}, workers, &offset)
		if err != nil {
			return nil, nil, fmt.Errorf("sensitivity %q: %w", v.Name, err)
		}
		runs = append(runs, run)
		rv := results.Variant{Name: v.Name, Set: []string{}, Measures: res.Measures}
		for _, o := range v.Overrides() {
			rv.Set = append(rv.Set, o.Key+" = "+o.Value)
		}
		out = append(out, rv)
	}
	return out, runs, nil
}

// variantResults runs the stages from the rules to the assembled (not yet
// disclosed) results for one variant.
func variantResults(t *timer, base, vc *config.Config, in *Input, main analysed, workers int, offset *int) (*results.Results, variantRun, error) {
	run := variantRun{}
	r, err := step(t, "compile rules", func() (*Rules, error) { return CompileRules(vc) })
	if err != nil {
		return nil, run, err
	}
	if vc.Source != base.Source || !reflect.DeepEqual(vc.Columns, base.Columns) {
		if in, err = step(t, "ingest", func() (*Input, error) { return Ingest(vc) }); err != nil {
			return nil, run, err
		}
		run.offset = *offset
		*offset += in.Extract.Rows
	}
	none := func(*Cohort) error { return nil }
	var c *Cohort
	var counts *Counts
	var est *Estimates
	switch {
	case sameSelection(base, vc):
		c, counts, est, err = estimateFor(t, vc, r, main.cohort, workers, none, main.counts)
	case sameDating(base, vc):
		if c, err = step(t, "select cohort", func() (*Cohort, error) { return reselect(vc, r, in.Extract, main.cohort) }); err == nil {
			c, counts, est, err = estimateFor(t, vc, r, c, workers, none, nil)
		}
	default:
		c, counts, est, err = estimate(t, vc, r, in.Extract, workers, none)
	}
	if err != nil {
		return nil, run, err
	}
	run.cohort, run.counts = c, counts
	return Assemble(vc, c, counts, est, nil), run, nil
}

// analysed is the main analysis's selected cohort and its indicators.
type analysed struct {
	cohort *Cohort
	counts *Counts
}

// sameSelection reports whether two configs select the same cohort from
// the same extract: then a variant need not select again.
func sameSelection(a, b *config.Config) bool {
	return a.Source == b.Source && reflect.DeepEqual(a.Columns, b.Columns) && reflect.DeepEqual(a.Cohort, b.Cohort) &&
		reflect.DeepEqual(a.Strata, b.Strata) && a.Cluster == b.Cluster && a.Disclosure.Min() == b.Disclosure.Min() &&
		a.Language == b.Language
}
