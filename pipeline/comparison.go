package pipeline

import (
	"fmt"
	"slices"

	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/pipeline/extract"
)

// group is one side of a comparison: the selected people, their measures
// and the config they were selected with (the same rules, another source
// or include).
type group struct {
	cfg    *config.Config
	cohort *Cohort
	counts *Counts
}

// Compare estimates the effect on the participants against the config's
// comparison group (nil without one): the group is selected with the
// cohort rules from its own extract (comparison.source) or from the rows
// of the participants' extract outside comparison.group, weighted on the
// covariates, and compared on every measure that means something for
// people who never took part.
func Compare(cfg *config.Config, r *Rules, ex *extract.Extract, c *Cohort, counts *Counts, workers int) (*results.Comparison, error) {
	k := cfg.Comparison
	if k == nil {
		return nil, nil
	}
	other, err := comparisonGroup(cfg, ex)
	if err != nil {
		return nil, err
	}
	if len(other.cohort.People) == 0 {
		return nil, fmt.Errorf("no row of the comparison group is included (%d rows read); check comparison.source or comparison.group", other.cohort.Rows)
	}
	both := []group{{cfg, c, counts}, *other}
	data, err := comparisonData(cfg, both)
	if err != nil {
		return nil, err
	}
	outcomes, notes := comparisonOutcomes(cfg, r, both)
	est, err := estimateComparison(cfg, data, outcomes, workers)
	if err != nil {
		return nil, err
	}
	return comparisonResult(cfg, data, est, outcomes, notes), nil
}

// estimateComparison weighs the groups and estimates every outcome's
// effect with the bootstrap settings; without an outcome it only weighs
// (the balance is still worth reporting).
func estimateComparison(cfg *config.Config, data models.Comparison, outcomes []models.Outcome, workers int) (*models.ComparisonResult, error) {
	k, b := cfg.Comparison, cfg.Bootstrap
	o := models.ComparisonOptions{Method: k.Method, Trim: [2]float64{k.Trim[0], k.Trim[1]}, Caliper: k.Caliper, K: 1}
	if len(outcomes) == 0 {
		w, err := models.Weigh(data, o)
		if err != nil {
			return nil, err
		}
		return &models.ComparisonResult{Weighting: w, Balance: models.Balance(data.Treated, w.W, data.Covariates),
			EffectiveN: models.EffectiveSampleSize(data.Treated, w.W)}, nil
	}
	return models.EstimateComparison(data, o, outcomes,
		models.EffectOptions{B: b.Replicates, Seed: b.Seed, Workers: workers, Level: b.Level, Methods: b.Methods})
}

// comparisonGroup selects the comparison group with the cohort's rules:
// from comparison.source, or from ex where comparison.group is false.
func comparisonGroup(cfg *config.Config, ex *extract.Extract) (*group, error) {
	k := cfg.Comparison
	cc := *cfg
	cc.Cohort.Include = cfg.ComparisonInclude()
	if k.Entry != "" {
		cc.Cohort.Entry = k.Entry
	}
	r, err := CompileRules(&cc)
	if err != nil {
		return nil, err
	}
	if k.Source != nil {
		cc.Source = *k.Source
		in, err := Ingest(&cc)
		if err != nil {
			return nil, fmt.Errorf("comparison.source: %w", err)
		}
		ex = in.Extract
	}
	c, err := SelectCohort(&cc, r, ex)
	if err != nil {
		return nil, err
	}
	counts, err := Measure(&cc, r, c)
	if err != nil {
		return nil, err
	}
	return &group{cfg: &cc, cohort: c, counts: counts}, nil
}

// comparisonOutcomes gives each measure's 0/1 outcome for both groups
// (participants first). A measure whose population or count reads the
// programme status (completed, dropout …) has no meaning for people who
// never took part: it gets no outcome, and its note says why.
func comparisonOutcomes(cfg *config.Config, r *Rules, both []group) ([]models.Outcome, map[string]string) {
	var out []models.Outcome
	notes := map[string]string{}
	for j, m := range cfg.Measures {
		if usesStatus(m.Among, r, j) {
			notes[m.ID] = results.NoteStatus
			continue
		}
		o := models.Outcome{ID: m.ID}
		restricted := r.Among[j] != nil
		for _, g := range both {
			for k, pat := range g.counts.Patterns {
				in := pat&Den(j) != 0 && g.counts.Undecided[k]&(1<<j) == 0
				o.Y = append(o.Y, b2f(pat&Num(j) != 0))
				o.In = append(o.In, in)
				restricted = restricted || !in
			}
		}
		if !restricted {
			o.In = nil
		}
		out = append(out, o)
	}
	return out, notes
}

// usesStatus reports whether measure j depends on the programme status.
func usesStatus(among string, r *Rules, j int) bool {
	if slices.Contains(r.Count[j].Fields, "status") {
		return true
	}
	if r.Among[j] == nil {
		return among != "started"
	}
	return slices.Contains(r.Among[j].Fields, "status")
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
