package pipeline

import (
	"math"
	"math/bits"
	"time"

	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/reports"
)

// Assemble gathers the stages' results into the report's tables, before
// disclosure control. Nothing here is rounded.
func Assemble(cfg *config.Config, c *Cohort, counts *Counts, est *Estimates, ret *results.Retention) *results.Results {
	lang := cfg.Language
	r := &results.Results{
		Schema: results.Schema,
		Cohort: results.CohortInfo{ID: cfg.ID, Title: cfg.Title, Language: lang, DataDate: day(c.DataDate), Labels: cfg.LabelsIn(lang),
			FirstEntry: day(c.FirstEntry), LastEntry: month(c.LastEntry)},
		Flow:        flow(c, cfg.Cohort.Duplicates),
		Retention:   ret,
		Bootstrap:   bootstrapInfo(cfg, est),
		Disclosure:  results.DisclosureInfo{MinCell: cfg.Disclosure.Min()},
		Measures:    []results.Measure{},
		ByStratum:   []results.StratumResult{},
		Sensitivity: []results.Variant{},
	}
	for j, m := range cfg.Measures {
		r.Measures = append(r.Measures, measure(m.ID, m.Label.In(lang), m.Among, est.Pooled[j], counts.Missing[j], m.Target))
	}
	tally := tallyStrata(c, counts)
	for s, name := range c.Strata {
		sr := results.StratumResult{Stratum: name, N: intp(tally.size[s])}
		for j, m := range cfg.Measures {
			sr.Measures = append(sr.Measures, measure(m.ID, m.Label.In(lang), m.Among, est.ByStratum[s][j], tally.missing[s][j], nil))
		}
		r.ByStratum = append(r.ByStratum, sr)
	}
	if e := cfg.Exits; e != nil {
		r.Exits = exits(cfg, counts, est)
	}
	if cfg.Costs != nil && est.Savings != nil {
		r.Costs = costs(cfg.Costs, counts, est)
	}
	return r
}

// bootstrapInfo records how the intervals were computed: the resampled
// unit and, with clusters, their number per stratum and each measure's
// design effect.
func bootstrapInfo(cfg *config.Config, est *Estimates) results.BootstrapInfo {
	b := results.BootstrapInfo{Replicates: cfg.Bootstrap.Replicates, Seed: cfg.Bootstrap.Seed,
		Level: cfg.Bootstrap.Level, Methods: cfg.Bootstrap.Methods, Strata: cfg.Strata, Cluster: cfg.Cluster,
		Unit: "people", Clusters: []results.ClusterCount{}, DesignEffects: []results.DesignEffect{}}
	if cfg.Cluster == "" {
		return b
	}
	b.Unit = cfg.Cluster
	b.Clusters = append(b.Clusters, est.Clusters...)
	for j, m := range cfg.Measures {
		d := results.DesignEffect{Measure: m.ID}
		if j < len(est.Pooled) && est.Pooled[j].Defined && !math.IsNaN(est.Pooled[j].DesignEffect) {
			d.Deff = f64p(est.Pooled[j].DesignEffect)
		}
		b.DesignEffects = append(b.DesignEffects, d)
	}
	return b
}

// month formats a date as yyyy-mm ("" when unknown).
func month(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01")
}

// day formats a date as yyyy-mm-dd ("" when unknown).
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func flow(c *Cohort, duplicates string) results.Flow {
	f := results.Flow{RowsRead: c.Rows, Included: len(c.People), Duplicates: duplicates,
		Notices: append([]results.Notice{}, c.Notices...)}
	for _, e := range c.ExcludedInOrder() {
		f.Excluded = append(f.Excluded, results.Exclusion{Reason: e.Reason, Count: e.Count})
	}
	for s, name := range c.Statuses {
		f.Status = append(f.Status, results.StatusCount{Status: name, Count: intp(c.StatusCount(s))})
	}
	return f
}

// strataTally is each stratum's size and, per spec j, its people whose
// count of j was missing.
type strataTally struct {
	size    []int
	missing [][]int
}

// tallyStrata counts every stratum in one pass over the people.
func tallyStrata(c *Cohort, counts *Counts) strataTally {
	t := strataTally{size: make([]int, len(c.Strata)), missing: make([][]int, len(c.Strata))}
	for s := range t.missing {
		t.missing[s] = make([]int, len(counts.Missing))
	}
	for i := range c.People {
		s := c.People[i].Stratum
		if s < 0 || int(s) >= len(c.Strata) {
			continue
		}
		t.size[s]++
		for u := counts.Undecided[i]; u != 0; u &= u - 1 {
			t.missing[s][bits.TrailingZeros32(u)]++
		}
	}
	return t
}

func stratumSize(c *Cohort, s int) int {
	n := 0
	for _, p := range c.People {
		if int(p.Stratum) == s {
			n++
		}
	}
	return n
}

// measure converts an estimate; target is nil for strata and exit categories.
func measure(id, label, among string, e Estimate, missing int, tg *config.Target) results.Measure {
	m := results.Measure{ID: id, Label: label, Among: among, Count: intp(e.Count), Denominator: intp(e.Denominator), Missing: intp(missing)}
	if e.Defined {
		m.Estimate = f64p(e.Estimate)
	}
	m.Intervals = intervals(e.Intervals)
	if tg != nil {
		m.Target = targetOf(tg, e, m.Intervals)
	}
	return m
}

func intervals(ivs []models.Interval) []results.Interval {
	out := make([]results.Interval, 0, len(ivs))
	for _, iv := range ivs {
		ri := results.Interval{Method: iv.Method, Rule: iv.Rule, Level: iv.Level, Note: iv.Note}
		if iv.Defined {
			ri.Low, ri.High = f64p(iv.Low), f64p(iv.High)
		}
		out = append(out, ri)
	}
	return out
}

// targetOf judges a target by the headline interval (models.JudgeTarget).
func targetOf(tg *config.Target, e Estimate, ivs []results.Interval) *results.Target {
	t := &results.Target{AtLeast: tg.AtLeast, AtMost: tg.AtMost}
	if e.Target != nil && e.Target.Defined {
		t.Met = boolp(e.Target.Met)
		t.PMet = f64p(e.Target.PMet)
		t.Bound = f64p(e.Target.Bound)
	}
	if iv := results.Headline(ivs); iv != nil {
		t.Verdict = models.JudgeTarget(*target(tg), *iv.Low, *iv.High, true)
	} else {
		t.Verdict = models.JudgeTarget(*target(tg), 0, 0, false)
	}
	return t
}

func exits(cfg *config.Config, counts *Counts, est *Estimates) *results.Exits {
	e := &results.Exits{Among: cfg.Exits.Among}
	for k, j := range counts.ExitBits {
		name := cfg.Exits.Categories[k].Name
		t := reports.TextFor(cfg.Language, cfg.Bootstrap.Level).WithLabels(cfg.LabelsIn(cfg.Language))
		m := measure(name, t.Category(name), cfg.Exits.Among, est.Pooled[j], counts.Missing[j], nil)
		e.Categories = append(e.Categories, m)
		e.Denominator = intp(est.Pooled[j].Denominator)
	}
	return e
}

func costs(c *config.Costs, counts *Counts, est *Estimates) *results.Costs {
	e := est.Pooled[counts.CostsBit]
	out := &results.Costs{Count: intp(e.Count), Among: c.Among, MonthlyBenefitDKK: c.MonthlyBenefitDKK,
		Months: c.Months, Deadweight: c.Deadweight}
	out.Gross = f64p(float64(e.Count) * c.MonthlyBenefitDKK * c.Months)
	out.Net = f64p(*out.Gross * (1 - c.Deadweight))
	out.GrossIntervals = intervals(est.Savings.Intervals)
	out.NetIntervals = intervals(est.Net.Intervals)
	return out
}

func boolp(b bool) *bool { return &b }
