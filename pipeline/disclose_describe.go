package pipeline

import (
	"fmt"
	"math"

	"github.com/danish-eval/evaluate/models/results"
)

// describeCells records one description table: in each group (everyone,
// each stratum) the rows partition the group, and the people with a value
// are the bands and outside; each row in total is the sum of that row
// over the strata. Hiding a group's size hides its shares and summary.
func (b *cellBook) describeCells(c *Cohort, f *describedField, d *results.Description, all int) {
	total := b.describeGroup(c, f, &d.Overall, everyone, all, d.Field)
	byRow := make([][]int, len(f.rows))
	for s := range d.ByStratum {
		g := &d.ByStratum[s]
		size := b.l.Virtual(b.set(c, inStratum(s)), "stratum "+g.Stratum)
		rows := b.describeGroup(c, f, g, inStratum(s), size, d.Field+" in "+g.Stratum)
		for r := range rows {
			byRow[r] = append(byRow[r], rows[r])
		}
	}
	for r := range byRow {
		if len(byRow[r]) > 0 {
			b.l.Partition(total[r], byRow[r]...)
		}
	}
}

// describeGroup records one group's rows as a partition of the group (cell
// size) and returns the rows' cells.
func (b *cellBook) describeGroup(c *Cohort, f *describedField, g *results.DescribeGroup, w who, size int, where string) []int {
	hideAll := func() {
		g.N = nil
		for r := range g.Rows {
			g.Rows[r].Share = nil
		}
		hideSummary(g.Summary)
	}
	b.publish(b.set(c, w), g.N, where, costDescribeSize, hideAll)
	cells := make([]int, len(f.rows))
	for r := range g.Rows {
		row := &g.Rows[r]
		code := uint16(r)
		set := b.set(c, func(i int, p *Person) bool { return w(i, p) && f.code[i] == code })
		cells[r] = b.publish(set, row.Count, fmt.Sprintf("%s: %s", where, row.Key), costDescribe, func() { row.Count, row.Share = nil, nil })
	}
	b.l.Partition(size, cells...)
	if g.Summary != nil {
		s := g.Summary
		valued := b.set(c, func(i int, p *Person) bool { return w(i, p) && !math.IsNaN(f.value[i]) })
		v := b.publish(valued, s.N, where+" (with a value)", costDescribe, func() { hideSummary(s); s.N = nil })
		b.l.Partition(size, v, cells[len(cells)-1]) // with a value, missing
		if len(cells) > 2 {
			b.l.Partition(v, cells[:len(cells)-1]...) // bands, outside
		}
	}
	return cells
}

func hideSummary(s *results.NumberSummary) {
	if s != nil {
		s.Median, s.Q1, s.Q3 = nil, nil, nil
	}
}

// hideSmallSummaries hides a median and IQR that rest on fewer than min
// people (the ledger hides their count; a zero may be shown, with no
// median to hide).
func hideSmallSummaries(ds []results.Description, min int) {
	for d := range ds {
		groups := []*results.DescribeGroup{&ds[d].Overall}
		for s := range ds[d].ByStratum {
			groups = append(groups, &ds[d].ByStratum[s])
		}
		for _, g := range groups {
			if s := g.Summary; s != nil && (g.N == nil || s.N == nil || *s.N < min) {
				hideSummary(s)
			}
		}
	}
}

// intakeCells records the starts per period: the periods partition the
// included, each period's strata partition it, and each stratum's periods
// partition the stratum.
func (b *cellBook) intakeCells(c *Cohort, part *Participants, in *results.Intake, all int) {
	periods := make([]int, len(in.Periods))
	byStratum := make([][]int, len(c.Strata))
	for k := range in.Periods {
		pr := &in.Periods[k]
		code := uint16(k)
		inPeriod := func(i int, _ *Person) bool { return part.period[i] == code }
		periods[k] = b.publish(b.set(c, inPeriod), pr.Count, "starts "+pr.Key, costIntake, func() { pr.Count = nil })
		var parts []int
		for s := range pr.ByStratum {
			n := &pr.ByStratum[s]
			set := b.set(c, func(i int, p *Person) bool { return inPeriod(i, p) && int(p.Stratum) == s })
			cell := b.publish(set, *n, fmt.Sprintf("starts %s in %s", pr.Key, c.Strata[s]), costIntake, func() { *n = nil })
			parts = append(parts, cell)
			byStratum[s] = append(byStratum[s], cell)
		}
		if len(parts) > 0 {
			b.l.Partition(periods[k], parts...)
		}
	}
	b.l.Partition(all, periods...)
	for s := range byStratum {
		if len(byStratum[s]) > 0 {
			b.l.Partition(b.l.Virtual(b.set(c, inStratum(s)), "stratum "+c.Strata[s]), byStratum[s]...)
		}
	}
}
