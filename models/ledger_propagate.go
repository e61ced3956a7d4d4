package models

import (
	"math/bits"
	"slices"
)

// propagate computes, for every cell, the bounds a reader can put on its
// count from the shown cells and the sums (interval propagation to a fixed
// point), and for each cell known exactly the shown cells it rests on.
// Hidden published cells are at least 1 when zeros are published (a zero
// is never hidden then); unpublished sets at least 0.
func (a *atomLedger) propagate() {
	n := len(a.cells)
	a.lo, a.hi, a.support = make([]int, n), make([]int, n), make([][]int, n)
	for id, c := range a.cells {
		a.hi[id] = a.l.total
		switch {
		case c.published && !c.hidden:
			a.lo[id], a.hi[id], a.support[id] = c.count, c.count, []int{id}
		case c.published && a.l.zeros == ZerosPublish:
			a.lo[id] = 1
		}
	}
	for range n + 1 {
		changed := false
		for _, rel := range a.rels {
			changed = a.tighten(rel) || changed
		}
		if !changed {
			return
		}
	}
}

// tighten applies total = Σ parts to the bounds of every cell in rel.
func (a *atomLedger) tighten(rel []int) bool {
	t, parts := rel[0], rel[1:]
	sumLo, sumHi := 0, 0
	for _, p := range parts {
		sumLo += a.lo[p]
		sumHi += a.hi[p]
	}
	changed := a.bound(t, sumLo, sumHi, rel)
	for _, p := range parts {
		lo := a.lo[t] - (sumHi - a.hi[p])
		hi := a.hi[t] - (sumLo - a.lo[p])
		changed = a.bound(p, lo, hi, rel) || changed
	}
	return changed
}

// bound narrows cell id to [lo, hi]; when it becomes exact, it records the
// support of the other cells of the relation that made it so.
func (a *atomLedger) bound(id, lo, hi int, rel []int) bool {
	changed := false
	if lo > a.lo[id] {
		a.lo[id], changed = lo, true
	}
	if hi < a.hi[id] {
		a.hi[id], changed = hi, true
	}
	if changed && a.lo[id] == a.hi[id] && a.support[id] == nil {
		var sup []int
		for _, o := range rel {
			if o != id {
				sup = unionSupport(sup, a.support[o])
			}
		}
		a.support[id] = append(sup, []int{}...)
	}
	return changed
}

// unionSupport merges two sorted support lists, capped at maxSupport.
func unionSupport(x, y []int) []int {
	out := append(slices.Clone(x), y...)
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) > maxSupport {
		out = out[:maxSupport]
	}
	return out
}

func trailingZeros(w uint64) int { return bits.TrailingZeros64(w) }

func allZero(ws []uint64) bool {
	for _, w := range ws {
		if w != 0 {
			return false
		}
	}
	return true
}
