package models

import (
	"math/rand/v2"
	"testing"
)

// people builds sets over a population from lists of member indices.
type people int

func (n people) set(members ...int) Bits {
	b := NewBits(int(n))
	for _, m := range members {
		b.Set(m)
	}
	return b
}

func (n people) span(from, to int) Bits {
	b := NewBits(int(n))
	for i := from; i < to; i++ {
		b.Set(i)
	}
	return b
}

// The cases that broke disclosure control before the ledger (issue 11):
// each names the count a reader could recover and what must be hidden.
func TestLedgerProtect(t *testing.T) {
	tests := []struct {
		name       string
		build      func(l *Ledger, n people) []int // returns cell ids in order
		wantHidden []bool
	}{
		{"two hidden statuses and their total: the completers go too", func(l *Ledger, n people) []int {
			all := l.Publish(n.span(0, 60), "included", 100)
			l.Lock(all)
			c := l.Publish(n.span(0, 58), "completed", 50)
			d := l.Publish(n.span(58, 59), "dropout", 50)
			o := l.Publish(n.span(59, 60), "ongoing", 50)
			l.Partition(all, c, d, o)
			return []int{all, c, d, o}
		}, []bool{false, true, true, true}},
		{"a stratum's events recovered as total minus the other stratum", func(l *Ledger, n people) []int {
			tot := l.Publish(n.span(0, 10), "events", 20)
			j := l.Publish(n.span(0, 7), "events Jobcenter", 10)
			p := l.Publish(n.span(7, 10), "events Psykiatrien", 10)
			l.Partition(tot, j, p)
			return []int{tot, j, p}
		}, []bool{false, true, true}},
		{"a variant that widens the population by 3", func(l *Ledger, n people) []int {
			main := l.Publish(n.span(0, 34), "employment", 100)
			itt := l.Publish(n.span(0, 37), "employment (ITT)", 5)
			return []int{main, itt}
		}, []bool{false, true}},
		{"n−2 of n: the numerator goes, the denominator stays", func(l *Ledger, n people) []int {
			den := l.Publish(n.span(0, 60), "completed", 110)
			num := l.Publish(n.span(0, 58), "employment", 100)
			l.Partition(den, num)
			return []int{den, num}
		}, []bool{false, true}},
		{"the same people published twice are one cell", func(l *Ledger, n people) []int {
			a := l.Publish(n.span(0, 3), "status dropout", 50)
			b := l.Publish(n.span(0, 3), "measure dropout", 100)
			return []int{a, b}
		}, []bool{true, true}},
		{"zeros are shown and never hidden", func(l *Ledger, n people) []int {
			all := l.Publish(n.span(0, 60), "included", 100)
			l.Lock(all)
			c := l.Publish(n.span(0, 57), "completed", 50)
			d := l.Publish(n.span(57, 60), "dropout", 50)
			o := l.Publish(n.set(), "ongoing", 50)
			l.Partition(all, c, d, o)
			return []int{all, c, d, o}
		}, []bool{false, true, true, false}},
		{"a hidden denominator hides its share", func(l *Ledger, n people) []int {
			den := l.Publish(n.span(0, 4), "site", 40)
			num := l.Publish(n.set(), "employment in site", 30)
			l.Implies(den, num)
			all := l.Publish(n.span(0, 60), "included", 100)
			l.Lock(all)
			other := l.Publish(n.span(4, 60), "other site", 40)
			l.Partition(all, den, other)
			return []int{den, num, all, other}
		}, []bool{true, false, false, true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := NewLedger(60, 5, ZerosPublish)
			ids := tc.build(l, 60)
			p, err := l.Protect()
			if err != nil {
				t.Fatal(err)
			}
			for i, id := range ids {
				if p.Hidden(id) != tc.wantHidden[i] {
					t.Errorf("cell %d (%s): hidden %v, want %v", i, l.cells[id].label, p.Hidden(id), tc.wantHidden[i])
				}
			}
			if f, _ := l.Audit(p.Hidden); len(f) > 0 {
				t.Errorf("derivable after protection: %+v", f)
			}
		})
	}
}

// Audit finds what an unprotected table gives away.
func TestLedgerAuditFindsSubtraction(t *testing.T) {
	n := people(60)
	l := NewLedger(60, 5, ZerosPublish)
	all := l.Publish(n.span(0, 60), "included", 100)
	c := l.Publish(n.span(0, 58), "completed", 50)
	d := l.Publish(n.span(58, 59), "dropout", 50)
	o := l.Publish(n.span(59, 60), "ongoing", 50)
	l.Partition(all, c, d, o)
	// Only the two small statuses hidden: the total minus the completers
	// is 2, and as each hidden status is at least 1, each is exactly 1.
	f, err := l.Audit(func(id int) bool { return id == d || id == o })
	if err != nil {
		t.Fatal(err)
	}
	if len(f) == 0 {
		t.Fatal("audit found nothing")
	}
	if f[0].Value != 1 && f[0].Value != 2 {
		t.Errorf("first finding %+v", f[0])
	}
}

// Random nested and partitioned tables: after Protect nothing small is
// derivable, every derived bound holds the true count, and zeros stay.
func TestLedgerProtectRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	secondary := 0
	for trial := range 300 {
		const n = 40
		l := NewLedger(n, 3+trial%3, ZeroPolicy(trial%2))
		all := l.Publish(people(n).span(0, n), "all", 1000)
		l.Lock(all)
		for g := range 3 {
			var parts []int
			cut := 0
			for k := range 2 + rng.IntN(3) {
				next := min(n, cut+rng.IntN(n/2))
				parts = append(parts, l.Publish(people(n).span(cut, next), "g", 10*g+k))
				cut = next
			}
			l.Partition(all, parts...)
			l.Publish(people(n).span(rng.IntN(n), n), "tail", rng.IntN(50))
		}
		p, err := l.Protect()
		if err != nil {
			t.Fatal(err)
		}
		secondary += p.Secondary
		f, _ := l.Audit(p.Hidden)
		if len(f) != len(p.Residual) {
			t.Fatalf("trial %d: derivable after protection: %+v (residual %+v)", trial, f, p.Residual)
		}
		a := l.atoms()
		for id := range l.cells {
			a.cells[id].hidden = p.Hidden(id)
		}
		a.propagate()
		for id, c := range a.cells {
			if c.count < a.lo[id] || c.count > a.hi[id] {
				t.Fatalf("trial %d: %s = %d outside derived [%d, %d]", trial, c.label, c.count, a.lo[id], a.hi[id])
			}
			if c.published && c.count == 0 && p.Hidden(id) && l.zeros == ZerosPublish {
				t.Fatalf("trial %d: a zero was hidden", trial)
			}
		}
	}
	if secondary < 100 {
		t.Errorf("only %d secondary suppressions in 300 trials: the test does not exercise the ledger", secondary)
	}
}

// A weighted ledger (groups of alike people) protects exactly as the
// ledger with one member per person.
func TestWeightedLedgerEqualsPeople(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := range 100 {
		groups := 6 + rng.IntN(6)
		weights := make([]int, groups)
		var start []int
		n := 0
		for g := range weights {
			weights[g] = 1 + rng.IntN(6)
			start = append(start, n)
			n += weights[g]
		}
		wl := NewWeightedLedger(weights, 5, ZerosPublish)
		pl := NewLedger(n, 5, ZerosPublish)
		for k := range 8 {
			gs, ps := NewBits(groups), NewBits(n)
			for g := range groups {
				if rng.IntN(2) == 0 {
					gs.Set(g)
					for i := range weights[g] {
						ps.Set(start[g] + i)
					}
				}
			}
			a, b := wl.Publish(gs, "c", k), pl.Publish(ps, "c", k)
			if a != b || wl.Count(a) != pl.Count(b) {
				t.Fatalf("trial %d: cell %d/%d counts %d/%d", trial, a, b, wl.Count(a), pl.Count(b))
			}
		}
		pw, _ := wl.Protect()
		pp, _ := pl.Protect()
		for id := range wl.cells {
			if pw.Hidden(id) != pp.Hidden(id) {
				t.Fatalf("trial %d: cell %d hidden %v weighted, %v per person", trial, id, pw.Hidden(id), pp.Hidden(id))
			}
		}
	}
}
