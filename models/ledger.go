package models

import (
	"fmt"
	"slices"
)

// A Ledger holds every count a report publishes as the set of people it
// counts, and the sums that tie those counts together (statuses add up to
// the included, strata to the pooled figure, a share's numerator and its
// complement to the denominator …). Protect then hides counts until no
// count of 1 … minCell−1 people can be read or derived: not from one
// table, not by subtracting one published set from another that contains
// it, not through a chain of sums. Because counts are sets, two tables that
// publish the same people (a status and the measure that counts it, a
// variant that changes nothing) are one cell: hiding it hides it in both.
type Ledger struct {
	min     int
	zeros   ZeroPolicy
	people  int
	weights []int // people per member, when members are groups; nil: one each
	total   int   // people in all
	cells   []ledgerCell
	byKey   map[string]int
	rels    [][]int  // each: total, then disjoint parts that cover it
	implies [][2]int // hiding the first hides the second
	err     error
}

// ZeroPolicy says whether a count of zero is published.
type ZeroPolicy int

const (
	// ZerosPublish shows zeros (Danmarks Statistik's practice): a zero
	// reveals no person. Hidden cells are then known to be at least 1.
	ZerosPublish ZeroPolicy = iota
	// ZerosSuppress treats 0 like a small count (group disclosure: "all
	// 12 had the outcome" tells something about each of the 12).
	ZerosSuppress
)

type ledgerCell struct {
	set       Bits
	count     int
	label     string
	published bool // shown in some output
	locked    bool // always shown (the flow's totals)
	cost      int  // what hiding it costs the reader; cheap cells go first
	hidden    bool
}

// NewLedger starts a ledger over a population of people (indices 0 … people−1).
func NewLedger(people, minCell int, zeros ZeroPolicy) *Ledger {
	return &Ledger{min: minCell, zeros: zeros, people: people, total: people, byKey: map[string]int{}}
}

// NewWeightedLedger starts a ledger whose members are groups of people who
// are alike in every published count (weights[i] people in group i): the
// same protection as one member per person, at the cost of the groups.
func NewWeightedLedger(weights []int, minCell int, zeros ZeroPolicy) *Ledger {
	l := NewLedger(len(weights), minCell, zeros)
	l.weights, l.total = weights, 0
	for _, w := range weights {
		l.total += w
	}
	return l
}

// Weigh is the number of people in a set.
func (l *Ledger) Weigh(set Bits) int {
	if l.weights == nil {
		return set.Count()
	}
	n := 0
	for i, w := range set {
		for w != 0 {
			n += l.weights[i*64+trailingZeros(w)]
			w &= w - 1
		}
	}
	return n
}

// Publish records a published count: the set of people it counts, a label
// for findings, and the cost of hiding it. A set published twice is one
// cell, whose cost is the higher of the two.
func (l *Ledger) Publish(set Bits, label string, cost int) int {
	id := l.cell(set, label)
	c := &l.cells[id]
	if !c.published {
		c.label = label // a published name says more than a derived one
	}
	if !c.published || cost > c.cost {
		c.cost = cost
	}
	c.published = true
	return id
}

// Virtual records a set that is not published but that a reader can reason
// about (the people in a share's denominator without the outcome).
func (l *Ledger) Virtual(set Bits, label string) int { return l.cell(set, label) }

// Lock marks a published count that is always shown (the flow's totals).
func (l *Ledger) Lock(id int) { l.cells[id].locked = true }

// Fix settles a published count as an earlier protection left it — a
// margin this ledger shares with tables protected before (a stratum's
// size): hidden from the start, or shown and never hidden here. Neither
// counts as a suppression of this ledger.
func (l *Ledger) Fix(id int, hidden bool) {
	if hidden {
		l.cells[id].hidden = true
	} else {
		l.cells[id].locked = true
	}
}

// Implies says that whoever hides cell a must hide b too: a share's
// estimate and numerator give its denominator.
func (l *Ledger) Implies(a, b int) { l.implies = append(l.implies, [2]int{a, b}) }

// Count is the number of people in cell id.
func (l *Ledger) Count(id int) int { return l.cells[id].count }

func (l *Ledger) cell(set Bits, label string) int {
	if len(set) != (l.people+63)/64 {
		l.fail(fmt.Errorf("ledger: set %q has %d words for %d people", label, len(set), l.people))
		set = NewBits(l.people)
	}
	k := set.key()
	if id, ok := l.byKey[k]; ok {
		return id
	}
	l.cells = append(l.cells, ledgerCell{set: set, count: l.Weigh(set), label: label})
	l.byKey[k] = len(l.cells) - 1
	return len(l.cells) - 1
}

// Partition records that the parts are disjoint and lie within total; the
// people of total in none of them become a virtual remainder part.
func (l *Ledger) Partition(total int, parts ...int) {
	ts := l.cells[total].set
	union := NewBits(l.people)
	for _, p := range parts {
		ps := l.cells[p].set
		if !ts.Contains(ps) || !union.Disjoint(ps) {
			l.fail(fmt.Errorf("ledger: %q is not a disjoint part of %q", l.cells[p].label, l.cells[total].label))
			return
		}
		for i, w := range ps {
			union[i] |= w
		}
	}
	rel := append([]int{total}, parts...)
	if rest := ts.Minus(union); !rest.Equal(NewBits(l.people)) || len(parts) == 1 {
		rel = append(rel, l.Virtual(rest, l.cells[total].label+" − parts"))
	}
	l.rels = append(l.rels, slices.Clone(rel))
}

func (l *Ledger) fail(err error) {
	if l.err == nil {
		l.err = err
	}
}

// small reports whether a count must not be readable.
func (l *Ledger) small(n int) bool {
	if l.min <= 0 {
		return false
	}
	if n == 0 {
		return l.zeros == ZerosSuppress
	}
	return n < l.min
}
