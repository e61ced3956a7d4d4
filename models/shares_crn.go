package models

import (
	"fmt"
	"math/rand/v2"
)

// Classes of a person for one spec: outside its population, in it but not
// counted, counted. A spec's replicates depend on people only through
// their (stratum, class) — or their clusters' vectors over these.
const (
	classOut     uint32 = 0
	classIn      uint32 = 1
	classCounted uint32 = 2
)

// specSet is the specs that share one class structure (e.g. a measure
// pooled and within each stratum, or the gross and net saving): cells are
// the cohort collapsed by that structure, drawn once per replicate.
type specSet struct {
	cells  *Cells
	cols   []int // the specs' columns in the Replicates
	stats  []CellStatistic
	tables []*binomTable // per group: its first split, or nil
}

// planSpecs compiles every spec against the cells collapsed by its own
// classes, grouping specs whose classes agree on every cell.
func planSpecs(cells *Cells, specs []Spec) ([]*specSet, []builtSpec, error) {
	var sets []*specSet
	byKey := map[string]*specSet{}
	built := make([]builtSpec, len(specs))
	seen := map[string]bool{}
	for j, s := range specs {
		if id := s.specID(); id == "" || seen[id] {
			return nil, nil, fmt.Errorf("models: spec %d: ID %q is empty or repeated", j, id)
		}
		seen[s.specID()] = true
		if err := s.check(); err != nil {
			return nil, nil, err
		}
		class := make([]uint32, cells.Len())
		key := make([]byte, cells.Len())
		for c := range class {
			class[c] = s.class(cells.pattern[c])
			key[c] = byte(class[c])
		}
		set := byKey[string(key)]
		if set == nil {
			set = &specSet{cells: cells.collapse(class)}
			byKey[string(key)] = set
			sets = append(sets, set)
		}
		var err error
		if built[j], err = s.onClasses().build(set.cells); err != nil {
			return nil, nil, err
		}
		set.cols = append(set.cols, j)
		set.stats = append(set.stats, built[j].stat)
	}
	return sets, built, nil
}

// bootstrapSets draws opts.B replicates of every set with common random
// numbers: resampling group g of replicate b is drawn from the stream
// (seed, key of g, b) alone, so a statistic's replicates depend only on
// its own class structure, the design, the stream keys, B and the seed —
// not on which other specs are run — and are bit-identical for any
// number of workers.
func bootstrapSets(sets []*specSet, cols int, opts BootOptions, keys []uint64) *Replicates {
	r := newReplicates(make([]float64, cols), Options{B: opts.B, Seed: opts.Seed})
	r.Strata, r.Clusters = opts.Design.Strata, opts.Design.Clusters
	r.Accel = make([]float64, cols)
	r.AccelWeighted = make([]float64, cols)
	r.DesignEffect = make([]float64, cols)
	for _, s := range sets {
		for i, st := range s.stats {
			j := s.cols[i]
			r.T0[j] = st.Eval(s.cells.count)
			r.Accel[j], r.AccelWeighted[j] = cellAcceleration(s.cells, st)
			r.DesignEffect[j] = designEffect(s.cells, st)
		}
	}
	firstSplitTables(sets)
	blocks := (opts.B + ReplicateBlock - 1) / ReplicateBlock
	parallelFor(blocks, opts.Workers, func(k int) {
		pcg := rand.NewPCG(0, 0)
		rng := rand.New(pcg)
		for _, s := range sets {
			counts := make([]float64, s.cells.Len())
			for b := k * ReplicateBlock; b < min(opts.B, (k+1)*ReplicateBlock); b++ {
				s.cells.drawCRN(pcg, rng, opts.Seed, keys, b, counts, s.tables)
				for i, st := range s.stats {
					r.T[s.cols[i]][b] = st.Eval(counts)
				}
			}
		}
	})
	r.sortReplicates(opts.Workers)
	return r
}

// firstSplitTables gives every group of up to maxTableN units and more
// than one type a table for its first binomial, Binomial(size, first
// type's share), the same in every replicate; sets with equal parameters
// (e.g. measures of one population) share a table. A group's draws are a
// function of its parameters and stream alone, table or not.
func firstSplitTables(sets []*specSet) {
	cache := map[[2]int64]*binomTable{}
	for _, s := range sets {
		s.tables = make([]*binomTable, len(s.cells.groups))
		for i, g := range s.cells.groups {
			if g.last-g.first < 2 || g.size > maxTableN {
				continue
			}
			key := [2]int64{g.size, s.cells.typeMult[g.first]}
			if cache[key] == nil {
				cache[key] = newBinomTable(key[0], float64(key[1])/float64(key[0]))
			}
			s.tables[i] = cache[key]
		}
	}
}

// drawCRN fills counts with replicate b, each resampling group from its
// own stream (see replicateStream), its first split from tables[g] when set.
func (c *Cells) drawCRN(pcg *rand.PCG, rng *rand.Rand, seed uint64, keys []uint64, b int, counts []float64, tables []*binomTable) {
	clear(counts)
	for i, g := range c.groups {
		key := uint64(unstratifiedKey)
		switch {
		case g.stratum >= 0 && keys != nil:
			key = keys[g.stratum]
		case g.stratum >= 0:
			key = uint64(g.stratum)
		}
		replicateStream(pcg, seed, key, b)
		c.drawGroup(rng, g, counts, tables[i])
	}
}

// streamKeys checks BootOptions.StratumKeys against the cells: one key for
// every stratum that occurs, all distinct (two strata on one stream would
// be resampled in lockstep).
func streamKeys(c *Cells, opts BootOptions) ([]uint64, error) {
	keys := opts.StratumKeys
	if keys == nil || !opts.Design.Strata {
		return keys, nil
	}
	seen := map[uint64]bool{}
	for _, k := range keys {
		if seen[k] {
			return nil, fmt.Errorf("models: stratum stream key %#x is repeated", k)
		}
		seen[k] = true
	}
	for _, g := range c.groups {
		if g.stratum >= len(keys) {
			return nil, fmt.Errorf("models: stratum %d has no stream key (%d given)", g.stratum, len(keys))
		}
	}
	return keys, nil
}
