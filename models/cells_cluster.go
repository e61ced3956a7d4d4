package models

import (
	"fmt"
	"slices"
)

// clusterVec is one cluster's cell-count vector (entries sorted by cell),
// with the number of clusters that share it.
type clusterVec struct {
	group int // the stratum with Design.Strata, else −1
	cells []int32
	n     []float64
	mult  int64
}

// compareClusterVec orders cluster vectors by group, then entries.
func compareClusterVec(a, b *clusterVec) int {
	if a.group != b.group {
		return a.group - b.group
	}
	for i := 0; i < len(a.cells) && i < len(b.cells); i++ {
		if a.cells[i] != b.cells[i] {
			return int(a.cells[i] - b.cells[i])
		}
		if a.n[i] != b.n[i] {
			if a.n[i] < b.n[i] {
				return -1
			}
			return 1
		}
	}
	return len(a.cells) - len(b.cells)
}

// buildClusterTypes groups people into clusters, each a vector of cell
// counts, and collapses identical vectors of a resampling group into one
// type. Sorting the vectors makes the result independent of row order.
func (c *Cells) buildClusterTypes(units []Unit, index map[uint64]int32) error {
	byCluster := map[int32]map[int32]float64{}
	stratumOf := map[int32]int32{}
	for i, u := range units {
		if s, ok := stratumOf[u.Cluster]; ok && s != u.Stratum && c.design.Strata {
			return fmt.Errorf("models: unit %d: cluster %d lies in strata %d and %d", i, u.Cluster, s, u.Stratum)
		}
		stratumOf[u.Cluster] = u.Stratum
		m := byCluster[u.Cluster]
		if m == nil {
			m = map[int32]float64{}
			byCluster[u.Cluster] = m
		}
		m[index[uint64(u.Stratum)<<32|uint64(u.Pattern)]]++
	}
	vecs := make([]*clusterVec, 0, len(byCluster))
	for id, m := range byCluster {
		v := &clusterVec{group: -1, mult: 1}
		if c.design.Strata {
			v.group = int(stratumOf[id])
		}
		for cell := range m {
			v.cells = append(v.cells, cell)
		}
		slices.Sort(v.cells)
		for _, cell := range v.cells {
			v.n = append(v.n, m[cell])
		}
		vecs = append(vecs, v)
	}
	c.addClusterTypes(vecs)
	return nil
}

// addClusterTypes sorts the cluster vectors, merges identical ones of a
// group into one type (multiplicities added) and builds the groups. The
// result depends only on the multiset of vectors, never on their order.
func (c *Cells) addClusterTypes(vecs []*clusterVec) {
	slices.SortFunc(vecs, compareClusterVec)
	for i, v := range vecs {
		if i > 0 && compareClusterVec(vecs[i-1], v) == 0 {
			c.typeMult[len(c.typeMult)-1] += v.mult
			c.groups[len(c.groups)-1].size += v.mult
			continue
		}
		if len(c.groups) == 0 || vecs[i-1].group != v.group {
			c.groups = append(c.groups, cellGroup{first: len(c.typeMult), last: len(c.typeMult), stratum: v.group})
		}
		c.typeStart = append(c.typeStart, int32(len(c.entCell)))
		c.typeMult = append(c.typeMult, v.mult)
		c.entCell = append(c.entCell, v.cells...)
		c.entN = append(c.entN, v.n...)
		grp := &c.groups[len(c.groups)-1]
		grp.last = len(c.typeMult)
		grp.size += v.mult
	}
	c.typeStart = append(c.typeStart, int32(len(c.entCell)))
}
