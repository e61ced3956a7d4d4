package pipeline

import (
	"reflect"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
)

// Sensitivity re-runs the measures for every variant of the config (its
// sensitivity: list), with the same seed, and returns each variant's
// measures with the people behind them, for the one disclosure pass. The
// extract is read again only when a variant changes the source or the
// columns; its rows then follow the main extract's in the ledger.
func Sensitivity(cfg *config.Config, in *Input, workers int) ([]results.Variant, []variantRun, error) {
	out := []results.Variant{}
	var runs []variantRun
	offset := in.Extract.Rows
	for _, v := range cfg.Sensitivity {
		vc, err := cfg.Variant(v)
		if err != nil {
			return nil, nil, err
		}
		res, run, err := variantResults(cfg, vc, in, workers, &offset)
		if err != nil {
			return nil, nil, err
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
func variantResults(base, vc *config.Config, in *Input, workers int, offset *int) (*results.Results, variantRun, error) {
	run := variantRun{}
	r, err := CompileRules(vc)
	if err != nil {
		return nil, run, err
	}
	if vc.Source != base.Source || !reflect.DeepEqual(vc.Columns, base.Columns) {
		if in, err = Ingest(vc); err != nil {
			return nil, run, err
		}
		run.offset = *offset
		*offset += in.Extract.Rows
	}
	c, counts, est, err := estimate(&timer{}, vc, r, in.Extract, workers, func(*Cohort) error { return nil })
	if err != nil {
		return nil, run, err
	}
	run.cohort, run.counts = c, counts
	return Assemble(vc, c, counts, est, nil), run, nil
}
