package models

import "slices"

// atomLedger is a ledger whose sets are over atoms (groups of people who
// belong to exactly the same cells) instead of people, extended with the
// difference of every pair of nested cells: what a reader gets by
// subtracting one published count from another that contains it.
type atomLedger struct {
	l        *Ledger
	cells    []ledgerCell
	rels     [][]int
	byKey    map[string]int
	accepted map[int]bool // findings left as they are (cell id, or −1−relation)
	lo, hi   []int
	support  [][]int
}

// maxSupport caps the published cells remembered per derived count; any of
// them breaks the derivation, so a few suffice.
const maxSupport = 64

func (l *Ledger) atoms() *atomLedger {
	a := &atomLedger{l: l, byKey: map[string]int{}, accepted: map[int]bool{}}
	sets := atomSets(l)
	for id, c := range l.cells {
		c.set = sets[id]
		a.cells = append(a.cells, c)
		a.byKey[c.set.key()] = id
	}
	a.rels = slices.Clone(l.rels)
	a.addDifferences(len(l.cells))
	return a
}

// atomSets rewrites every cell's set over atoms: people with the same
// membership in every cell are one atom (people in no cell are dropped).
func atomSets(l *Ledger) []Bits {
	words := (len(l.cells) + 63) / 64
	sig := make([]uint64, l.people*words)
	for id, c := range l.cells {
		for i, w := range c.set {
			for w != 0 {
				b := i*64 + trailingZeros(w)
				w &= w - 1
				sig[b*words+id/64] |= 1 << (uint(id) % 64)
			}
		}
	}
	atomOf := map[string]int{}
	var members [][]uint64
	for p := range l.people {
		s := sig[p*words : (p+1)*words]
		if allZero(s) {
			continue
		}
		k := Bits(s).key()
		if _, ok := atomOf[k]; !ok {
			atomOf[k] = len(members)
			members = append(members, s)
		}
	}
	out := make([]Bits, len(l.cells))
	for id := range l.cells {
		out[id] = NewBits(len(members))
		for at, s := range members {
			if s[id/64]&(1<<(uint(id)%64)) != 0 {
				out[id].Set(at)
			}
		}
	}
	return out
}

// addDifferences adds, for every pair of the first n cells where one
// contains the other, the difference as a cell and the sum tying them.
func (a *atomLedger) addDifferences(n int) {
	for i := range n {
		for j := range n {
			big, sub := a.cells[i], a.cells[j]
			if i == j || sub.count == 0 || sub.count == big.count || !big.set.Contains(sub.set) {
				continue
			}
			d := big.set.Minus(sub.set)
			id, ok := a.byKey[d.key()]
			if !ok {
				id = len(a.cells)
				a.cells = append(a.cells, ledgerCell{set: d, count: big.count - sub.count, label: big.label + " − " + sub.label})
				a.byKey[d.key()] = id
			}
			a.rels = append(a.rels, []int{i, j, id})
		}
	}
}

type derived struct {
	cell, value int // cell is −1−relation for the sum of a relation's unknown parts
	support     []int
}

// firstFinding propagates what the shown cells imply and returns the first
// small count that is derivable and not yet accepted.
func (a *atomLedger) firstFinding() (derived, bool) {
	a.propagate()
	for id, c := range a.cells {
		if a.lo[id] != a.hi[id] || (c.published && !c.hidden) || a.accepted[id] || !a.l.small(c.count) {
			continue
		}
		return derived{cell: id, value: c.count, support: a.support[id]}, true
	}
	for r, rel := range a.rels {
		if d, ok := a.unknownSum(r, rel); ok && !a.accepted[d.cell] && a.l.small(d.value) {
			return d, true
		}
	}
	return derived{}, false
}

// unknownSum is the total of a relation's parts that are not known one by
// one, when the total and every other part are known.
func (a *atomLedger) unknownSum(r int, rel []int) (derived, bool) {
	t := rel[0]
	if a.lo[t] != a.hi[t] {
		return derived{}, false
	}
	unknown, sum := 0, a.lo[t]
	sup := a.support[t]
	for _, p := range rel[1:] {
		if a.lo[p] == a.hi[p] {
			sum -= a.lo[p]
			sup = unionSupport(sup, a.support[p])
		} else {
			unknown++
		}
	}
	return derived{cell: -1 - r, value: sum, support: sup}, unknown >= 2
}
