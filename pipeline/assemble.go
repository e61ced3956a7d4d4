package pipeline

import (
	"math"
	"time"

	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/pipeline/config"
	"github.com/danish-eval/evaluate/reports"
)

// Assemble gathers the stages' results into the report's tables, before
// disclosure control. Nothing here is rounded.
func Assemble(cfg *config.Config, c *Cohort, counts *Counts, est *Estimates, ret *reports.Retention) *reports.Results {
	lang := cfg.Language
	r := &reports.Results{
		Schema: reports.Schema,
		Cohort: reports.CohortInfo{ID: cfg.ID, Title: cfg.Title, Language: lang, DataDate: day(c.DataDate),
			FirstEntry: day(c.FirstEntry)},
		Flow:        flow(c, cfg.Cohort.Duplicates),
		Retention:   ret,
		Bootstrap:   bootstrapInfo(cfg, est),
		Disclosure:  reports.DisclosureInfo{MinCell: cfg.Disclosure.Min()},
		Measures:    []reports.Measure{},
		ByStratum:   []reports.StratumResult{},
		Sensitivity: []reports.Variant{},
	}
	for j, m := range cfg.Measures {
		r.Measures = append(r.Measures, measure(m.ID, m.Label.In(lang), m.Among, est.Pooled[j], counts.Missing[j], m.Target))
	}
	for s, name := range c.Strata {
		sr := reports.StratumResult{Stratum: name, N: intp(stratumSize(c, s))}
		for j, m := range cfg.Measures {
			sr.Measures = append(sr.Measures, measure(m.ID, m.Label.In(lang), m.Among, est.ByStratum[s][j], missingIn(c, counts, s, j), nil))
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
func bootstrapInfo(cfg *config.Config, est *Estimates) reports.BootstrapInfo {
	b := reports.BootstrapInfo{Replicates: cfg.Bootstrap.Replicates, Seed: cfg.Bootstrap.Seed,
		Level: cfg.Bootstrap.Level, Methods: cfg.Bootstrap.Methods, Strata: cfg.Strata, Cluster: cfg.Cluster,
		Unit: "people", Clusters: []reports.ClusterCount{}, DesignEffects: []reports.DesignEffect{}}
	if cfg.Cluster == "" {
		return b
	}
	b.Unit = cfg.Cluster
	b.Clusters = append(b.Clusters, est.Clusters...)
	for j, m := range cfg.Measures {
		d := reports.DesignEffect{Measure: m.ID}
		if j < len(est.Pooled) && est.Pooled[j].Defined && !math.IsNaN(est.Pooled[j].DesignEffect) {
			d.Deff = f64p(est.Pooled[j].DesignEffect)
		}
		b.DesignEffects = append(b.DesignEffects, d)
	}
	return b
}

// day formats a date as yyyy-mm-dd ("" when unknown).
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func flow(c *Cohort, duplicates string) reports.Flow {
	f := reports.Flow{RowsRead: c.Rows, Included: len(c.People), Duplicates: duplicates,
		Notices: append([]reports.Notice{}, c.Notices...)}
	for _, e := range c.ExcludedInOrder() {
		f.Excluded = append(f.Excluded, reports.Exclusion{Reason: e.Reason, Count: e.Count})
	}
	for s, name := range c.Statuses {
		f.Status = append(f.Status, reports.StatusCount{Status: name, Count: intp(c.StatusCount(s))})
	}
	return f
}

// missingIn counts the people of stratum s whose count of spec j was missing.
func missingIn(c *Cohort, counts *Counts, s, j int) int {
	n := 0
	for i, p := range c.People {
		if p.Stratum == s && counts.Undecided[i]&(1<<j) != 0 {
			n++
		}
	}
	return n
}

func stratumSize(c *Cohort, s int) int {
	n := 0
	for _, p := range c.People {
		if p.Stratum == s {
			n++
		}
	}
	return n
}

// measure converts an estimate; target is nil for strata and exit categories.
func measure(id, label, among string, e Estimate, missing int, tg *config.Target) reports.Measure {
	m := reports.Measure{ID: id, Label: label, Among: among, Count: intp(e.Count), Denominator: intp(e.Denominator), Missing: intp(missing)}
	if e.Defined {
		m.Estimate = f64p(e.Estimate)
	}
	m.Intervals = intervals(e.Intervals)
	if tg != nil {
		m.Target = targetOf(tg, e, m.Intervals)
	}
	return m
}

func intervals(ivs []models.Interval) []reports.Interval {
	out := make([]reports.Interval, 0, len(ivs))
	for _, iv := range ivs {
		ri := reports.Interval{Method: iv.Method, Rule: iv.Rule, Level: iv.Level, Note: iv.Note}
		if iv.Defined {
			ri.Low, ri.High = f64p(iv.Low), f64p(iv.High)
		}
		out = append(out, ri)
	}
	return out
}

// targetOf judges a target: met when the whole headline interval meets it,
// not met when none of it does, otherwise uncertain.
func targetOf(tg *config.Target, e Estimate, ivs []reports.Interval) *reports.Target {
	t := &reports.Target{AtLeast: tg.AtLeast, AtMost: tg.AtMost, Verdict: "uncertain"}
	if e.Target != nil && e.Target.Defined {
		t.Met = boolp(e.Target.Met)
		t.PMet = f64p(e.Target.PMet)
		t.Bound = f64p(e.Target.Bound)
	}
	iv := reports.Headline(ivs)
	if iv == nil {
		return t
	}
	lo, hi := *iv.Low, *iv.High
	if tg.AtMost != nil {
		lo, hi = -hi, -lo
	}
	v := threshold(tg)
	switch {
	case lo >= v:
		t.Verdict = "met"
	case hi < v:
		t.Verdict = "not met"
	}
	return t
}

// threshold returns the target value, negated for at_most so "meets" is always ≥.
func threshold(tg *config.Target) float64 {
	if tg.AtLeast != nil {
		return *tg.AtLeast
	}
	return -*tg.AtMost
}

func exits(cfg *config.Config, counts *Counts, est *Estimates) *reports.Exits {
	e := &reports.Exits{Among: cfg.Exits.Among}
	for k, j := range counts.ExitBits {
		name := cfg.Exits.Categories[k].Name
		m := measure(name, reports.TextFor(cfg.Language, cfg.Bootstrap.Level).Category(name), cfg.Exits.Among, est.Pooled[j], counts.Missing[j], nil)
		e.Categories = append(e.Categories, m)
		e.Denominator = intp(est.Pooled[j].Denominator)
	}
	return e
}

func costs(c *config.Costs, counts *Counts, est *Estimates) *reports.Costs {
	e := est.Pooled[counts.CostsBit]
	out := &reports.Costs{Count: intp(e.Count), Among: c.Among, MonthlyBenefitDKK: c.MonthlyBenefitDKK,
		Months: c.Months, Deadweight: c.Deadweight}
	out.Gross = f64p(float64(e.Count) * c.MonthlyBenefitDKK * c.Months)
	out.Net = f64p(*out.Gross * (1 - c.Deadweight))
	out.GrossIntervals = intervals(est.Savings.Intervals)
	out.NetIntervals = intervals(est.Net.Intervals)
	return out
}

func boolp(b bool) *bool { return &b }
