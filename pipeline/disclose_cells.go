package pipeline

import (
	"fmt"

	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/reports"
)

// cellBook records, for the disclosure ledger, every count a report
// publishes as the set of people (extract rows) it counts, and where it is
// printed, so that hiding a cell hides it everywhere at once.
type cellBook struct {
	l     *models.Ledger
	rows  int
	sites map[int][]func()
	err   error
}

// Costs of hiding, by where a count is printed: the cheapest cell that
// breaks a derivation goes first, so the headline figures survive longest.
const (
	costVariant      = 5
	costRiskStratum  = 10
	costRiskTotal    = 20
	costStratumShare = 30
	costStratumSize  = 40
	costExitCategory = 45
	costStatus       = 50
	costMissing      = 55
	costExitBase     = 60
	costSaving       = 70
	costShare        = 100
	costLocked       = 1000
)

// who selects the people of a cohort for a cell.
type who func(i int, p *Person) bool

// set collects the extract rows of the people selected by w; offset places
// the rows of a variant read from another file after the main extract's.
func (b *cellBook) set(c *Cohort, offset int, w who) models.Bits {
	s := models.NewBits(b.rows)
	for i := range c.People {
		if p := &c.People[i]; w(i, p) {
			s.Set(offset + p.Index)
		}
	}
	return s
}

// publish records a printed count. The set must count what is printed:
// a mismatch is a bug that would make the protection a guess.
func (b *cellBook) publish(set models.Bits, shown *int, label string, cost int, hide func()) int {
	if shown != nil && *shown != set.Count() && b.err == nil {
		b.err = fmt.Errorf("disclosure: %s is printed as %d but counts %d people", label, *shown, set.Count())
	}
	id := b.l.Publish(set, label, cost)
	b.sites[id] = append(b.sites[id], hide)
	return id
}

// share records a measure's numerator, denominator and missing count
// within the people selected by w; hiding the denominator hides the share
// (its estimate and intervals would give the denominator back).
func (b *cellBook) share(c *Cohort, off int, counts *Counts, j int, m *reports.Measure, w who, label string, cost int) (num, den, miss int) {
	numSet := b.set(c, off, func(i int, p *Person) bool { return w(i, p) && counts.Patterns[i]&Num(j) != 0 })
	denSet := b.set(c, off, func(i int, p *Person) bool { return w(i, p) && counts.Patterns[i]&Den(j) != 0 })
	missSet := b.set(c, off, func(i int, p *Person) bool { return w(i, p) && counts.Undecided[i]&(1<<j) != 0 })
	num = b.publish(numSet, m.Count, label, cost, func() { hideMeasure(m) })
	den = b.publish(denSet, m.Denominator, label+" (denominator)", cost+10, func() { hideMeasure(m); m.Denominator = nil })
	b.l.Implies(den, num)
	if m.Missing != nil {
		miss = b.publish(missSet, m.Missing, label+" (missing)", costMissing, func() { m.Missing = nil })
	} else {
		miss = b.l.Virtual(missSet, label+" (missing)")
	}
	b.l.Partition(den, num, miss)
	return num, den, miss
}

// hideMeasure blanks a measure's count, share, intervals and target.
func hideMeasure(m *reports.Measure) {
	m.Suppressed = true
	m.Count, m.Estimate, m.Intervals = nil, nil, nil
	if m.Target != nil {
		m.Target.Verdict, m.Target.Met, m.Target.PMet, m.Target.Bound = "suppressed", nil, nil, nil
	}
}

func everyone(int, *Person) bool { return true }

func inStratum(s int) who { return func(_ int, p *Person) bool { return p.Stratum == s } }
