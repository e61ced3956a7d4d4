package pipeline

import (
	"fmt"
	"slices"

	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
)

// fieldGroups is the cohort's people grouped by one further strata field
// (strata: [site, gender]: gender), by the first field's rules: sorted
// values (or bands), at most MaxStrata, small groups merged into "Øvrige".
type fieldGroups struct {
	Field string
	Names []string
	Codes []int32 // per person, in Cohort.People order: index into Names
}

// FieldResult is one further strata field's groups, with its measures'
// estimates (ByStratum only) and retention by group.
type FieldResult struct {
	groups    fieldGroups
	est       *Estimates
	retention []results.StratumRetention
	view      *Cohort
}

// StrataFields groups the cohort by each strata field after the first and
// estimates every measure within each group: a bootstrap of its own per
// field, resampling within that field's groups (keeping their sizes), so
// a group's interval is that of its own people, as the first field's are —
// the same figures as with that field alone as strata. With clusters, whole
// clusters are resampled, within the groups when each cluster lies in
// one, else over the cohort. It sets c.More, which disclosure reads.
func StrataFields(cfg *config.Config, c *Cohort, counts *Counts, workers int) ([]FieldResult, error) {
	var out []FieldResult
	for _, field := range cfg.MoreStrata() {
		g, v, err := c.groupsOf(cfg, field)
		if err != nil {
			return nil, err
		}
		est, err := bootstrapField(cfg, v, counts, workers)
		if err != nil {
			return nil, fmt.Errorf("strata %s: %w", field, err)
		}
		fc := *cfg
		fc.Strata = field
		ret, err := Retention(&fc, v)
		if err != nil {
			return nil, fmt.Errorf("strata %s: %w", field, err)
		}
		fr := FieldResult{groups: g, est: est, view: v}
		if ret != nil {
			fr.retention = ret.ByStratum
		}
		c.More = append(c.More, g)
		out = append(out, fr)
	}
	return out, nil
}

// groupsOf groups the people by field, as SelectCohort does the first,
// and gives the view of the cohort with each person's stratum their group
// (one copy of the people a field).
func (c *Cohort) groupsOf(cfg *config.Config, field string) (fieldGroups, *Cohort, error) {
	v := *c
	v.People = slices.Clone(c.People)
	set := func(p *Person, k int) { p.Stratum = int32(k) }
	if cuts, ok := cfg.Bands[field]; ok && cfg.Columns[field].Type == config.TypeNumber {
		v.Strata = v.groupByBands(field, cuts, cfg.Language, set)
	} else {
		v.Strata = v.groupBy(field, set)
	}
	fc := *cfg
	fc.Strata = field
	if err := limitStrata(&fc, &v); err != nil {
		return fieldGroups{}, nil, err
	}
	v.mergeSmallStrata(cfg.Disclosure.Min(), cfg.Language)
	g := fieldGroups{Field: field, Names: v.Strata, Codes: make([]int32, len(v.People))}
	for i, p := range v.People {
		g.Codes[i] = p.Stratum
	}
	v.More = nil
	return g, &v, nil
}

// bootstrapField estimates every measure within each group of v (a view
// of the cohort by one field): the same rules and seed as Bootstrap, only
// the per-group statistics.
func bootstrapField(cfg *config.Config, v *Cohort, counts *Counts, workers int) (*Estimates, error) {
	units := make([]models.Unit, len(v.People))
	for i, p := range v.People {
		units[i] = models.Unit{Stratum: p.Stratum, Cluster: p.Cluster, Pattern: counts.Patterns[i]}
	}
	clusters := len(v.Clusters) > 0
	design := models.Design{Strata: !clusters || clustersNested(v), Clusters: clusters}
	var specs []models.Spec
	for s := range v.Strata {
		for j, m := range cfg.Measures {
			specs = append(specs, models.ShareSpec{ID: fmt.Sprintf("%d:%s/%d", j, m.ID, s), Num: hasBit(Num(j)), Den: hasBit(Den(j)), Strata: []int{s}})
		}
	}
	res, _, err := models.BootstrapShares(units, specs, models.BootOptions{
		B: cfg.Bootstrap.Replicates, Seed: cfg.Bootstrap.Seed, Level: cfg.Bootstrap.Level, Workers: workers,
		Methods: append(append([]string(nil), cfg.Bootstrap.Methods...), models.MethodWilson, models.MethodClopperPearson),
		Rule:    models.BootNormInter, Z0: models.Z0Strict, Accel: models.AccelUnweighted, Design: design,
		StratumKeys: stratumKeys(v.Strata),
	})
	if err != nil {
		return nil, err
	}
	est := &Estimates{}
	for s := range v.Strata {
		est.ByStratum = append(est.ByStratum, res[s*len(cfg.Measures):(s+1)*len(cfg.Measures)])
	}
	return est, nil
}

// clustersNested reports whether every cluster lies in one group of v.
func clustersNested(v *Cohort) bool {
	home := map[int32]int32{}
	for _, p := range v.People {
		if h, ok := home[p.Cluster]; ok && h != p.Stratum {
			return false
		}
		home[p.Cluster] = p.Stratum
	}
	return true
}

// attachFields adds each further field's results to r: its groups' sizes
// and measures, and its retention by group.
func attachFields(cfg *config.Config, r *results.Results, counts *Counts, fields []FieldResult) {
	lang := cfg.Language
	for _, f := range fields {
		sf := results.StrataField{Field: f.groups.Field, Strata: []results.StratumResult{}, Retention: f.retention}
		tally := tallyStrata(f.view, counts)
		for s, name := range f.groups.Names {
			sr := results.StratumResult{Stratum: name, N: intp(tally.size[s])}
			for j, m := range cfg.Measures {
				sr.Measures = append(sr.Measures, measure(m.ID, m.Label.In(lang), m.Among, f.est.ByStratum[s][j], tally.missing[s][j], nil))
			}
			sf.Strata = append(sf.Strata, sr)
		}
		r.ByStrata = append(r.ByStrata, sf)
	}
}
