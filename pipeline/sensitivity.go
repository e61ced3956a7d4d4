package pipeline

import (
	"reflect"

	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/reports"
)

// Sensitivity re-runs the measures for every variant of the config (its
// sensitivity: list), with the same seed, and returns each variant's
// disclosed measures. The extract is read again only when a variant
// changes the source or the columns.
func Sensitivity(cfg *config.Config, in *Input, workers int) ([]reports.Variant, error) {
	out := []reports.Variant{}
	for _, v := range cfg.Sensitivity {
		vc, err := cfg.Variant(v)
		if err != nil {
			return nil, err
		}
		res, err := variantResults(cfg, vc, in, workers)
		if err != nil {
			return nil, err
		}
		rv := reports.Variant{Name: v.Name, Set: []string{}, Measures: res.Measures}
		for _, o := range v.Overrides() {
			rv.Set = append(rv.Set, o.Key+" = "+o.Value)
		}
		out = append(out, rv)
	}
	return out, nil
}

// variantResults runs the stages from the rules to disclosure for one variant.
func variantResults(base, vc *config.Config, in *Input, workers int) (*reports.Results, error) {
	r, err := CompileRules(vc)
	if err != nil {
		return nil, err
	}
	if vc.Source != base.Source || !reflect.DeepEqual(vc.Columns, base.Columns) {
		if in, err = Ingest(vc); err != nil {
			return nil, err
		}
	}
	c, err := SelectCohort(vc, r, in.Extract)
	if err != nil {
		return nil, err
	}
	counts, err := Measure(vc, r, c)
	if err != nil {
		return nil, err
	}
	est, err := Bootstrap(vc, c, counts, workers)
	if err != nil {
		return nil, err
	}
	return Disclose(vc, Assemble(vc, c, counts, est, nil))
}
