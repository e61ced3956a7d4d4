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

// Compared is the comparison stage's result: the comparison block, the
// effect of each measure and the balance of each covariate, and what the
// disclosure ledger needs to enter the comparison's counts.
type Compared struct {
	Comparison *results.Comparison
	Effects    []results.Effect
	Balance    []results.Balance
	cells      *comparisonCells
}

// Compare estimates the effect on the participants against the config's
// comparison group (nil without one): the group is selected with the
// cohort rules from its own extract (comparison.source) or from the rows
// of the participants' extract outside comparison.group, weighted on the
// covariates, and compared on every measure that means something for
// people who never took part — at the end of follow-up, and at each
// horizon for a measure with an event date. People without a value for a
// covariate are left out of the comparison and counted.
func Compare(cfg *config.Config, r *Rules, ex *extract.Extract, c *Cohort, counts *Counts, workers int) (*Compared, error) {
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
	data, units, missing, err := comparisonData(cfg, both)
	if err != nil {
		return nil, err
	}
	outcomes, notes := comparisonOutcomes(cfg, r, both, units)
	times, err := comparisonTimes(cfg, both, units, outcomes)
	if err != nil {
		return nil, err
	}
	est, err := estimateComparison(cfg, data, outcomes, times, workers)
	if err != nil {
		return nil, err
	}
	out := comparisonResult(cfg, &comparisonCells{both: both, units: units, data: data, est: est, outcomes: outcomes, times: times}, notes, missing)
	out.Comparison.RowsRead = other.cohort.Rows
	for _, e := range other.cohort.ExcludedInOrder() {
		out.Comparison.Excluded = append(out.Comparison.Excluded, results.Exclusion{Reason: e.Reason, Count: e.Count})
	}
	return out, nil
}

// Attach puts the comparison's results into r (nothing without one).
func (c *Compared) Attach(r *results.Results) {
	if c != nil {
		r.Comparison, r.Effects, r.Balance = c.Comparison, c.Effects, c.Balance
	}
}

// estimateComparison weighs the groups and estimates every outcome's
// effect with the bootstrap settings; without an outcome it only weighs
// (the balance is still worth reporting).
func estimateComparison(cfg *config.Config, data models.Comparison, outcomes []models.Outcome, times []models.TimeOutcome, workers int) (*models.ComparisonResult, error) {
	k, b := cfg.Comparison, cfg.Bootstrap
	o := models.ComparisonOptions{Method: k.Method, Trim: [2]float64{k.Trim[0], k.Trim[1]}, Caliper: k.Caliper, K: 1}
	return models.EstimateEffects(data, o, outcomes, times,
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

// comparisonOutcomes gives each measure's 0/1 outcome for the compared
// people (units: participants first). A measure whose population or
// count reads the programme status (completed, dropout …) has no meaning
// for people who never took part: it gets no outcome, and its note says
// why.
func comparisonOutcomes(cfg *config.Config, r *Rules, both []group, units []unit) ([]models.Outcome, map[string]string) {
	var out []models.Outcome
	notes := map[string]string{}
	for j, m := range cfg.Measures {
		if usesStatus(m.Among, r, j) {
			notes[m.ID] = results.NoteStatus
			continue
		}
		o := models.Outcome{ID: m.ID}
		restricted := r.Among[j] != nil
		for _, u := range units {
			g := both[u.group]
			pat := g.counts.Patterns[u.person]
			in := pat&Den(j) != 0 && g.counts.Undecided[u.person]&(1<<j) == 0
			o.Y = append(o.Y, b2f(pat&Num(j) != 0))
			o.In = append(o.In, in)
			restricted = restricted || !in
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
