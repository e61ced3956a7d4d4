package pipeline

import (
	"fmt"
	"math"
	"slices"

	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/models/results"
	"github.com/danish-eval/evaluate/pipeline/config"
)

// Participants is who took part, when they started and when they reached
// a measure's event: the results before disclosure control, and per person
// which row of each table they fall in (disclosure control enters every
// row as the set of people it counts).
type Participants struct {
	Describe []results.Description
	Intake   *results.Intake
	Horizons []*results.Horizons // per measure; nil where the measure names no event date
	fields   []describedField
	period   []uint16 // per person: index into Intake.Periods
	events   []horizonData
}

// describedField is one describe field: its rows, and per person the row
// they fall in and (numbers and ages) their value, NaN when missing.
type describedField struct {
	rows  []results.DescribeRow
	code  []uint16
	value []float64
}

// Describe tabulates the describe fields, the intake per period and each
// measure's event by horizon, over the included people: overall and by
// stratum. Every pass is one sweep over the people's rows in the extract's
// columns, so it adds O(n) (and a sort of each number field) to a run.
func Describe(cfg *config.Config, c *Cohort, counts *Counts) (*Participants, error) {
	p := &Participants{}
	for _, f := range cfg.Describe {
		df, kind, err := describeField(cfg, c, f)
		if err != nil {
			return nil, err
		}
		p.fields = append(p.fields, df)
		p.Describe = append(p.Describe, df.tabulate(c, f, kind, cfg.Bands[f]))
	}
	p.Intake, p.period = intake(c)
	for j, m := range cfg.Measures {
		if m.At == "" {
			p.Horizons = append(p.Horizons, nil)
			continue
		}
		h, err := horizons(cfg, c, counts, j)
		if err != nil {
			return nil, err
		}
		p.Horizons = append(p.Horizons, h.out)
		p.events = append(p.events, h)
	}
	return p, nil
}

// Attach puts the tables into the results (before disclosure control).
func (p *Participants) Attach(r *results.Results) {
	r.Describe, r.Intake = p.Describe, p.Intake
	for j, h := range p.Horizons {
		if j < len(r.Measures) {
			r.Measures[j].Horizons = h
		}
	}
}

// describeField reads one field's rows and codes.
func describeField(cfg *config.Config, c *Cohort, field string) (describedField, string, error) {
	col, kind := c.table.column(field)
	if col == nil { // an optional column absent from the extract: all missing
		return missingField(len(c.People), kind, cfg.Bands[field]), describeKind(kind), nil
	}
	switch kind {
	case config.TypeText:
		return textField(c, col, cfg.Disclosure.Min()), results.DescribeCategory, nil
	case config.TypeBool:
		return boolField(c, col), results.DescribeCategory, nil
	case config.TypeNumber:
		return numberField(c, col, nil, cfg.Bands[field]), results.DescribeNumber, nil
	case config.TypeDate:
		return numberField(c, col, ageAtEntry, cfg.Bands[field]), results.DescribeAge, nil
	}
	return describedField{}, "", fmt.Errorf("describe: %q is a %s column, which cannot be described", field, kind)
}

func describeKind(kind string) string {
	switch kind {
	case config.TypeNumber:
		return results.DescribeNumber
	case config.TypeDate:
		return results.DescribeAge
	}
	return results.DescribeCategory
}

// tabulate counts the rows overall and per stratum and summarises the
// values of a number or age.
func (f describedField) tabulate(c *Cohort, field, kind string, bands []float64) results.Description {
	d := results.Description{Field: field, Kind: kind}
	if kind != results.DescribeCategory {
		d.Bands = slices.Clone(bands)
	}
	groups := 1 + len(c.Strata)
	counts := make([][]int, groups)
	for g := range counts {
		counts[g] = make([]int, len(f.rows))
	}
	for i := range c.People {
		counts[0][f.code[i]]++
		if g := 1 + c.People[i].Stratum; g > 0 {
			counts[g][f.code[i]]++
		}
	}
	values := f.groupValues(c, counts)
	for g := groups - 1; g >= 0; g-- { // strata first: summarising reorders within each part
		dg := f.group(counts[g], values, g)
		if g == 0 {
			d.Overall = dg
		} else {
			dg.Stratum = c.Strata[g-1]
			d.ByStratum = append([]results.DescribeGroup{dg}, d.ByStratum...)
		}
	}
	return d
}

// groupValues gives the values of each group: everyone (index 0), then
// each stratum. One buffer holds them ordered by stratum, so each
// stratum's values are a part of everyone's; the summaries select within
// each stratum's part first and then within the whole.
func (f describedField) groupValues(c *Cohort, counts [][]int) [][]float64 {
	if f.value == nil {
		return nil
	}
	valued := func(rows []int) int { // every row but missing, the last
		n := 0
		for _, k := range rows[:len(rows)-1] {
			n += k
		}
		return n
	}
	start := make([]int, len(counts)+1) // stratum s's part starts at start[s+1]; no stratum at 0
	start[0] = valued(counts[0])
	for g := 1; g < len(counts); g++ {
		start[0] -= valued(counts[g])
	}
	for g := 1; g < len(counts); g++ {
		start[g] = start[g-1] + valued(counts[g])
	}
	buf := make([]float64, valued(counts[0]))
	next := append([]int{0}, start[:len(counts)-1]...)
	for i, v := range f.value {
		if !math.IsNaN(v) {
			g := 1 + c.People[i].Stratum
			buf[next[g]] = v
			next[g]++
		}
	}
	values := [][]float64{buf}
	for g := 1; g < len(counts); g++ {
		values = append(values, buf[start[g-1]:start[g]])
	}
	return values
}

// group builds one group's rows (counts and shares) and summary.
func (f describedField) group(counts []int, values [][]float64, g int) results.DescribeGroup {
	n := 0
	for _, k := range counts {
		n += k
	}
	dg := results.DescribeGroup{N: intp(n), Rows: make([]results.DescribeRow, len(f.rows))}
	for r, row := range f.rows {
		row.Count = intp(counts[r])
		if n > 0 {
			row.Share = f64p(float64(counts[r]) / float64(n))
		}
		dg.Rows[r] = row
	}
	if values != nil {
		dg.Summary = summarise(values[g])
	}
	return dg
}

// summarise gives the median and quartiles (R type 7) of values, which it
// reorders.
func summarise(values []float64) *results.NumberSummary {
	s := &results.NumberSummary{N: intp(len(values)), Quantile: "type7"}
	if len(values) == 0 {
		return s
	}
	q := models.Quantiles7(values, 0.25, 0.5, 0.75)
	s.Q1, s.Median, s.Q3 = f64p(q[0]), f64p(q[1]), f64p(q[2])
	return s
}
