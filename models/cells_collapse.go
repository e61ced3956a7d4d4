package models

import (
	"cmp"
	"slices"
)

// collapse returns the coarser Cells in which cell j's pattern is replaced
// by class[j] (e.g. 0 outside a measure's population, 1 in it, 2 counted):
// the cells of equal (stratum, class) are merged, and so are clusters whose
// vectors become equal. The result is exactly NewCells of the units with
// their patterns replaced — it depends only on the multiset of (stratum,
// class) of people, or of cluster vectors over them — at O(cells + entries)
// instead of O(n).
func (c *Cells) collapse(class []uint32) *Cells {
	keys := make([]uint64, 0, len(c.count))
	for j := range c.count {
		keys = append(keys, uint64(c.stratum[j])<<32|uint64(class[j]))
	}
	distinct := slices.Clone(keys)
	slices.Sort(distinct)
	distinct = slices.Compact(distinct)
	to := make([]int32, len(c.count)) // old cell → new cell
	m := &Cells{people: c.people, design: c.design, count: make([]float64, len(distinct))}
	for _, k := range distinct {
		m.stratum = append(m.stratum, int(k>>32))
		m.pattern = append(m.pattern, uint32(k))
	}
	for j, k := range keys {
		n, _ := slices.BinarySearch(distinct, k)
		to[j] = int32(n)
		m.count[n] += c.count[j]
	}
	if !c.design.Clusters {
		m.buildCellTypes()
		return m
	}
	var vecs []*clusterVec
	for _, g := range c.groups {
		for t := g.first; t < g.last; t++ {
			vecs = append(vecs, c.collapseType(t, g.stratum, to))
		}
	}
	m.addClusterTypes(vecs)
	return m
}

// collapseType maps type t's cell vector through to, adding entries that
// land in the same new cell.
func (c *Cells) collapseType(t, group int, to []int32) *clusterVec {
	type entry struct {
		cell int32
		n    float64
	}
	var es []entry
	for e := c.typeStart[t]; e < c.typeStart[t+1]; e++ {
		es = append(es, entry{to[c.entCell[e]], c.entN[e]})
	}
	slices.SortStableFunc(es, func(a, b entry) int { return cmp.Compare(a.cell, b.cell) })
	v := &clusterVec{group: group, mult: c.typeMult[t]}
	for _, e := range es {
		if k := len(v.cells); k > 0 && v.cells[k-1] == e.cell {
			v.n[k-1] += e.n
			continue
		}
		v.cells = append(v.cells, e.cell)
		v.n = append(v.n, e.n)
	}
	return v
}
