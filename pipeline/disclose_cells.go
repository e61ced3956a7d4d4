package pipeline

import (
	"fmt"

	"github.com/danish-eval/evaluate/models"
	"github.com/danish-eval/evaluate/models/results"
)

// cellBook records, for the disclosure ledger, every count a report
// publishes as the set of people (extract rows) it counts, and where it is
// printed, so that hiding a cell hides it everywhere at once.
type cellBook struct {
	l       *models.Ledger
	classes rowClasses
	sites   map[int][]func()
	err     error
	// settled: counts are entered as an earlier pass left them (shown,
	// or hidden where printed as nil) and never hidden here
	// (discloseAdded).
	settled bool
	// zerosShown: zeros are published (disclosure.zeros: publish), so a
	// settled zero printed as ".." only as part of a hidden row is still
	// a zero the first pass never relied on hiding.
	zerosShown bool
}

// Costs of hiding, by where a count is printed: the cheapest cell that
// breaks a derivation goes first, so the headline figures survive longest.
const (
	costVariant      = 5
	costIntake       = 7
	costDescribe     = 8
	costHorizon      = 15
	costRiskStratum  = 10
	costRiskTotal    = 20
	costStratumShare = 30
	costStratumSize  = 40
	costDescribeSize = costStratumSize
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

// set collects the groups of rows (rowClasses) whose people w selects; a
// group's people are alike in everything w can ask, so one of them decides.
func (b *cellBook) set(c *Cohort, w who) models.Bits {
	reps := b.classes.reps[c]
	s := models.NewBits(len(b.classes.weights))
	for g, i := range reps {
		if i >= 0 && w(i, &c.People[i]) {
			s.Set(g)
		}
	}
	return s
}

// publish records a printed count. The set must count what is printed:
// a mismatch is a bug that would make the protection a guess.
func (b *cellBook) publish(set models.Bits, shown *int, label string, cost int, hide func()) int {
	n := b.l.Weigh(set)
	if shown != nil && *shown != n && b.err == nil {
		b.err = fmt.Errorf("disclosure: %s is printed as %d but counts %d people", label, *shown, n)
	}
	id := b.l.Publish(set, label, cost)
	if b.settled {
		b.l.Fix(id, shown == nil && (n > 0 || !b.zerosShown))
		return id
	}
	b.sites[id] = append(b.sites[id], hide)
	return id
}

// share records a measure's numerator, denominator and missing count
// within the people selected by w; hiding the denominator hides the share
// (its estimate and intervals would give the denominator back).
func (b *cellBook) share(c *Cohort, counts *Counts, j int, m *results.Measure, w who, label string, cost int) (num, den, miss int) {
	numSet := b.set(c, func(i int, p *Person) bool { return w(i, p) && counts.Patterns[i]&Num(j) != 0 })
	denSet := b.set(c, func(i int, p *Person) bool { return w(i, p) && counts.Patterns[i]&Den(j) != 0 })
	missSet := b.set(c, func(i int, p *Person) bool { return w(i, p) && counts.Undecided[i]&(1<<j) != 0 })
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
func hideMeasure(m *results.Measure) {
	m.Suppressed = true
	m.Count, m.Estimate, m.Intervals = nil, nil, nil
	if m.Target != nil {
		m.Target.Verdict, m.Target.Met, m.Target.PMet, m.Target.Bound = models.VerdictSuppressed, nil, nil, nil
	}
}

func everyone(int, *Person) bool { return true }

func inStratum(s int) who { return func(_ int, p *Person) bool { return int(p.Stratum) == s } }
