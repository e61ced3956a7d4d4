package pipeline

import (
	"fmt"
	"time"

	"github.com/danish-eval/evaluate/models/results"
)

// intake counts the starts per quarter — per month when the intake, first
// to last entry, spans less than two years — overall and by stratum, and
// gives each person's period. Every period from the first entry's to the
// last entry's is listed, empty ones too, so the periods add up to the
// included and a gap in intake shows as a zero.
func intake(c *Cohort) (*results.Intake, []uint16) {
	first, last := c.FirstEntry, c.LastEntry
	out := &results.Intake{Unit: results.IntakeQuarter}
	months := 3
	if last.Before(first.AddDate(2, 0, 0)) {
		out.Unit, months = results.IntakeMonth, 1
	}
	index := func(t time.Time) int { return monthIndex(t) / months }
	base := index(first)
	n := index(last) - base + 1
	code := make([]uint16, len(c.People))
	counts := make([]int, n*(1+len(c.Strata)))
	for i, p := range c.People {
		k := index(p.Entry.Time()) - base
		code[i] = uint16(k)
		counts[k*(1+len(c.Strata))]++
		if p.Stratum >= 0 {
			counts[k*(1+len(c.Strata))+1+int(p.Stratum)]++
		}
	}
	for k := range n {
		m := (base + k) * months // months since year 0
		start := time.Date(m/12, time.Month(m%12+1), 1, 0, 0, 0, 0, time.UTC)
		row := counts[k*(1+len(c.Strata)):]
		pr := results.IntakePeriod{Key: periodKey(start, out.Unit), Start: day(start), Count: intp(row[0])}
		for s := range c.Strata {
			pr.ByStratum = append(pr.ByStratum, intp(row[1+s]))
		}
		out.Periods = append(out.Periods, pr)
	}
	return out, code
}

// monthIndex counts months from January of year 0.
func monthIndex(t time.Time) int { return t.Year()*12 + int(t.Month()) - 1 }

// periodKey is a period's neutral key: "2017-Q3" or "2017-09".
func periodKey(start time.Time, unit string) string {
	if unit == results.IntakeMonth {
		return start.Format("2006-01")
	}
	return fmt.Sprintf("%d-Q%d", start.Year(), (int(start.Month())-1)/3+1)
}
