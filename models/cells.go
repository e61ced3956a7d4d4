package models

import (
	"cmp"
	"fmt"
	"slices"
)

// Unit is one person for the cell bootstrap: the stratum (e.g. site) index,
// the cluster (e.g. consultant) and the bit pattern of the 0/1 indicators
// the statistics use (bit i = indicator i, e.g. completed, paid hours,
// education).
type Unit struct {
	Stratum int32  // ≥ 0; used when Design.Strata, and by per-stratum statistics
	Cluster int32  // any value; used only when Design.Clusters
	Pattern uint32 // the person's indicators
}

// Design says how units are resampled.
type Design struct {
	// Strata: resample within Unit.Stratum, keeping each stratum's size
	// (its number of people, or of clusters when Clusters is set).
	Strata bool
	// Clusters: resample whole clusters (all people with one Unit.Cluster)
	// with replacement, within strata when Strata is set. With Strata, a
	// cluster must lie in one stratum.
	Clusters bool
}

// Cells is a cohort collapsed into cells: one cell per (stratum, pattern)
// that occurs, in ascending (stratum, pattern) order, with the number of
// people in it. Every statistic of the cell path is a function of the cell
// counts, so a replicate is a vector of cell counts.
//
// Resampling units are people (or clusters). Units with identical cell-count
// vectors in the same resampling group are one "type" with a multiplicity;
// a replicate draws, per group, multinomial counts of the types with the
// group size kept (sequential conditional binomials), and adds each type's
// vector times its count. Without clusters a type is a cell (vector: 1 in
// that cell), so a replicate costs O(cells); with clusters it costs
// O(distinct cluster vectors × their nonzero cells).
type Cells struct {
	stratum []int
	pattern []uint32
	count   []float64
	people  int
	design  Design

	// resampling structure: groups of types; type t has multiplicity
	// typeMult[t] and cell vector entries typeStart[t] … typeStart[t+1]−1.
	groups    []cellGroup
	typeMult  []int64
	typeStart []int32
	entCell   []int32
	entN      []float64
}

// cellGroup is one resampling group (a stratum, or everything): its types
// first … last−1, its size (the number of units drawn) and its stratum (−1
// for everything, without Design.Strata).
type cellGroup struct {
	first, last int
	size        int64
	stratum     int
}

// NewCells collapses units into cells in one O(n) pass (plus sorting the
// distinct cells, and clusters when Design.Clusters). The result does not
// depend on the order of units. Errors: no units, a negative stratum, a
// cluster in two strata (with Design.Strata and Design.Clusters).
func NewCells(units []Unit, d Design) (*Cells, error) {
	if len(units) == 0 {
		return nil, fmt.Errorf("models: no units to collapse into cells")
	}
	index := make(map[uint64]int32, 64)
	type acc struct {
		key   uint64
		count float64
	}
	var cells []acc
	for i, u := range units {
		if u.Stratum < 0 {
			return nil, fmt.Errorf("models: unit %d: stratum %d is not in 0…2³¹−1", i, u.Stratum)
		}
		key := uint64(u.Stratum)<<32 | uint64(u.Pattern)
		j, ok := index[key]
		if !ok {
			j = int32(len(cells))
			index[key] = j
			cells = append(cells, acc{key: key})
		}
		cells[j].count++
	}
	slices.SortFunc(cells, func(a, b acc) int { return cmp.Compare(a.key, b.key) })
	c := &Cells{people: len(units), design: d}
	for j, a := range cells {
		index[a.key] = int32(j)
		c.stratum = append(c.stratum, int(a.key>>32))
		c.pattern = append(c.pattern, uint32(a.key))
		c.count = append(c.count, a.count)
	}
	if d.Clusters {
		return c, c.buildClusterTypes(units, index)
	}
	c.buildCellTypes()
	return c, nil
}

// buildCellTypes makes each cell a resampling type (people resampled).
func (c *Cells) buildCellTypes() {
	for j := range c.count {
		g := -1
		if c.design.Strata {
			g = c.stratum[j]
		}
		if len(c.groups) == 0 || c.groups[len(c.groups)-1].stratum != g {
			c.groups = append(c.groups, cellGroup{first: j, last: j, stratum: g})
		}
		grp := &c.groups[len(c.groups)-1]
		grp.last = j + 1
		grp.size += int64(c.count[j])
		c.typeMult = append(c.typeMult, int64(c.count[j]))
		c.typeStart = append(c.typeStart, int32(j))
		c.entCell = append(c.entCell, int32(j))
		c.entN = append(c.entN, 1)
	}
	c.typeStart = append(c.typeStart, int32(len(c.count)))
}

// Len returns the number of cells.
func (c *Cells) Len() int { return len(c.count) }

// Cell returns the stratum and pattern of cell j.
func (c *Cells) Cell(j int) (stratum int, pattern uint32) { return c.stratum[j], c.pattern[j] }

// Count returns the number of people in cell j.
func (c *Cells) Count(j int) float64 { return c.count[j] }

// Counts returns a copy of the observed cell counts.
func (c *Cells) Counts() []float64 { return slices.Clone(c.count) }

// People returns the number of people (units given to NewCells).
func (c *Cells) People() int { return c.people }

// Design returns how the cells are resampled.
func (c *Cells) Design() Design { return c.design }

// Groups returns the number of resampling groups: the strata that have
// people (ascending) with Design.Strata, else 1.
func (c *Cells) Groups() int { return len(c.groups) }

// GroupSize returns the number of units drawn in resampling group g.
func (c *Cells) GroupSize(g int) int64 { return c.groups[g].size }

// Coefficients returns the 0/1 vector over cells of pred(stratum, pattern),
// the building block of Ratio and Scaled statistics.
func (c *Cells) Coefficients(pred func(stratum int, pattern uint32) bool) []float64 {
	v := make([]float64, len(c.count))
	for j := range v {
		if pred(c.stratum[j], c.pattern[j]) {
			v[j] = 1
		}
	}
	return v
}
