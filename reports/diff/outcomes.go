package diff

import "github.com/danish-eval/evaluate/models/results"

// retention adds the retention points, median, strata, cumulative
// incidences and state occupation; none of them is resampled.
func (f *figures) retention(r *results.Retention) {
	if r == nil {
		return
	}
	f.add("retention", "", "event", text(r.Event), 0)
	f.points("retention", r.Unit, r.Points)
	f.median("retention", r.Median)
	for _, s := range r.ByStratum {
		sec := "retention, stratum " + s.Stratum
		f.points(sec, r.Unit, s.Points)
		f.median(sec, s.Median)
	}
	for _, in := range r.Incidence {
		f.points("cumulative incidence "+in.Exit, r.Unit, in.Points)
	}
	for _, row := range r.States {
		item := tLabel(row.T, r.Unit)
		for _, s := range row.Shares {
			f.add("states", item, s.State+" n", intOr(s.N, Suppressed), 0)
			f.add("states", item, s.State+" share", numOr(s.Share, Suppressed), 0)
			f.add("states", item, s.State+" low", numOr(s.Low, Suppressed), 0)
			f.add("states", item, s.State+" high", numOr(s.High, Suppressed), 0)
		}
	}
}

// byStrata adds each further strata field's groups: size, measures and
// retention, as for the first field's strata.
func (f *figures) byStrata(r *results.Results) {
	for _, fd := range r.ByStrata {
		for _, s := range fd.Strata {
			sec := fd.Field + " " + s.Stratum
			f.add(sec, "", "n", intOr(s.N, Suppressed), 0)
			for _, m := range s.Measures {
				f.measure(sec, m)
			}
		}
		for _, s := range fd.Retention {
			sec := "retention, " + fd.Field + " " + s.Stratum
			f.points(sec, r.Retention.Unit, s.Points)
			f.median(sec, s.Median)
		}
	}
}

func (f *figures) points(sec, unit string, ps []results.RetentionPoint) {
	for _, p := range ps {
		item := tLabel(p.T, unit)
		mark := Suppressed
		if p.Note != "" {
			mark = p.Note
		}
		f.add(sec, item, "at risk", intOr(p.NRisk, Suppressed), 0)
		f.add(sec, item, "events", intOr(p.NEvent, Suppressed), 0)
		f.add(sec, item, "estimate", numOr(p.Surv, mark), 0)
		f.add(sec, item, "low", numOr(p.Low, mark), 0)
		f.add(sec, item, "high", numOr(p.High, mark), 0)
	}
}

// median adds the median time; null means not reached (or suppressed).
func (f *figures) median(sec string, m *results.Median) {
	if m == nil {
		f.add(sec, "median", "estimate", text(Suppressed), 0)
		return
	}
	f.add(sec, "median", "estimate", numOr(m.Estimate, "not reached"), 0)
	f.add(sec, "median", "low", numOr(m.Low, "not reached"), 0)
	f.add(sec, "median", "high", numOr(m.High, "not reached"), 0)
}

func (f *figures) exits(e *results.Exits) {
	if e == nil {
		return
	}
	f.add("exits", "", "among", text(e.Among), 0)
	f.add("exits", "", "denominator", intOr(e.Denominator, Suppressed), 0)
	for _, c := range e.Categories {
		f.measure("exits", c)
	}
}

func (f *figures) costs(c *results.Costs) {
	if c == nil {
		return
	}
	f.add("costs", "", "count", intOr(c.Count, Suppressed), 0)
	f.add("costs", "", "among", text(c.Among), 0)
	f.add("costs", "", "monthly benefit", num(c.MonthlyBenefitDKK), 0)
	f.add("costs", "", "months", num(c.Months), 0)
	f.add("costs", "", "deadweight", num(c.Deadweight), 0)
	f.add("costs", "", "gross", numOr(c.Gross, Suppressed), 0)
	f.add("costs", "", "net", numOr(c.Net, Suppressed), 0)
	// One person more or less moves the saving by a month's benefit × months.
	step := c.MonthlyBenefitDKK * c.Months
	f.intervals("costs", "", "gross ", c.GrossIntervals, step)
	f.intervals("costs", "", "net ", c.NetIntervals, step*(1-c.Deadweight))
}
