package models

import (
	"fmt"
	"math/rand/v2"
	"slices"
)

// IndexStatistic is the general path for statistics that are not functions
// of cell counts (e.g. mean hours), in the manner of R boot's
// statistic(data, i): the data stay in the closure, Eval sees the indices of
// a resample.
type IndexStatistic struct {
	// N is the number of observations (≥ 1).
	N int
	// Strata, when not nil (length N), resamples within strata keeping
	// their sizes.
	Strata []int
	// Dim is the number of statistics Eval returns (≥ 1).
	Dim int
	// Eval writes the Dim statistics of the resample idx (indices into the
	// data, len(idx) observations, possibly repeated) into out. It is
	// called concurrently from the workers and must not keep idx or out.
	Eval func(idx []int, out []float64)
	// Influence, when set, returns the exact empirical influence values
	// L_i of statistic j (length N) for the BCa acceleration, e.g.
	// x_i − x̄ for a mean (MeanStatistic). When nil a jackknife is used:
	// U_i = (n_s − 1)(θ̄_(s) − θ_(i)), θ_(i) leaving out observation i and
	// θ̄_(s) the mean of those of i's stratum — N calls of Eval, so O(N²)
	// for a statistic that costs O(N); supply Influence (or use the cell
	// path) for large N.
	Influence func(j int) []float64
}

// MeanStatistic is the mean of x (pooled over strata) with its exact
// influence values L_i = n_s (x_i − x̄_s) / N (x_i − x̄ without strata); O(n)
// for BCa. strata may be nil.
func MeanStatistic(x []float64, strata []int) IndexStatistic {
	n := len(x)
	return IndexStatistic{
		N: n, Strata: strata, Dim: 1,
		Eval: func(idx []int, out []float64) {
			s := 0.0
			for _, i := range idx {
				s += x[i]
			}
			out[0] = s / float64(len(idx))
		},
		Influence: func(int) []float64 {
			groups := indexGroups(n, strata)
			L := make([]float64, n)
			for _, g := range groups {
				mean := 0.0
				for _, i := range g {
					mean += x[i]
				}
				mean /= float64(len(g))
				for _, i := range g {
					L[i] = float64(len(g)) * (x[i] - mean) / float64(n)
				}
			}
			return L
		},
	}
}

// check validates the statistic's fields.
func (s IndexStatistic) check() error {
	switch {
	case s.N < 1:
		return fmt.Errorf("models: index bootstrap of %d observations, need at least 1", s.N)
	case s.Dim < 1:
		return errNoStatistics
	case s.Eval == nil:
		return fmt.Errorf("models: index bootstrap without a statistic (Eval is nil)")
	case s.Strata != nil && len(s.Strata) != s.N:
		return fmt.Errorf("models: %d strata labels for %d observations", len(s.Strata), s.N)
	}
	return nil
}

// BootstrapIndex draws opts.B replicates of s by resampling observation
// indices with replacement (within strata, keeping their sizes), jointly for
// the Dim statistics. Memory: O(N + B × Dim), one index buffer per worker.
// Replicates are bit-identical for any Workers and GOMAXPROCS. Errors: see
// IndexStatistic, B < 1.
func BootstrapIndex(s IndexStatistic, opts Options) (*Replicates, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	if err := opts.check(); err != nil {
		return nil, err
	}
	groups := indexGroups(s.N, s.Strata)
	all := make([]int, s.N)
	for i := range all {
		all[i] = i
	}
	t0 := make([]float64, s.Dim)
	s.Eval(all, t0)
	r := newReplicates(t0, opts)
	r.Strata = s.Strata != nil
	r.Accel, r.AccelWeighted = indexAccelerations(s, groups, opts.Workers)
	runBlocks(opts, func() replicateFunc {
		idx := make([]int, s.N)
		out := make([]float64, s.Dim)
		return func(rng *rand.Rand, b int) {
			pos := 0
			for _, g := range groups {
				for range g {
					idx[pos] = g[rng.IntN(len(g))]
					pos++
				}
			}
			s.Eval(idx, out)
			for j, v := range out {
				r.T[j][b] = v
			}
		}
	})
	r.sortReplicates(opts.Workers)
	return r, nil
}

// indexGroups lists the observations of each stratum, strata ascending and
// observations in input order (one group when strata is nil).
func indexGroups(n int, strata []int) [][]int {
	if strata == nil {
		g := make([]int, n)
		for i := range g {
			g[i] = i
		}
		return [][]int{g}
	}
	byStratum := map[int][]int{}
	for i, st := range strata {
		byStratum[st] = append(byStratum[st], i)
	}
	keys := make([]int, 0, len(byStratum))
	for k := range byStratum {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	groups := make([][]int, len(keys))
	for i, k := range keys {
		groups[i] = byStratum[k]
	}
	return groups
}

// indexAccelerations returns both accelerations of every statistic, from
// s.Influence or the jackknife.
func indexAccelerations(s IndexStatistic, groups [][]int, workers int) (a, aw []float64) {
	L := make([][]float64, s.Dim)
	if s.Influence != nil {
		for j := range L {
			L[j] = s.Influence(j)
		}
	} else {
		L = jackknifeInfluence(s, groups, workers)
	}
	labels := make([]int, s.N)
	for g, members := range groups {
		for _, i := range members {
			labels[i] = g
		}
	}
	a, aw = make([]float64, s.Dim), make([]float64, s.Dim)
	for j := range L {
		a[j] = Acceleration(L[j])
		aw[j] = AccelerationWeighted(L[j], labels)
	}
	return a, aw
}

// jackknifeInfluence returns U_i = (n_s − 1)(θ̄_(s) − θ_(i)) per statistic.
func jackknifeInfluence(s IndexStatistic, groups [][]int, workers int) [][]float64 {
	theta := make([][]float64, s.N) // theta[i][j] = θ_(i) of statistic j
	parallelFor(s.N, workers, func(i int) {
		idx := make([]int, 0, s.N-1)
		for k := range s.N {
			if k != i {
				idx = append(idx, k)
			}
		}
		theta[i] = make([]float64, s.Dim)
		s.Eval(idx, theta[i])
	})
	U := make([][]float64, s.Dim)
	for j := range U {
		U[j] = make([]float64, s.N)
		for _, g := range groups {
			mean := 0.0
			for _, i := range g {
				mean += theta[i][j]
			}
			mean /= float64(len(g))
			for _, i := range g {
				U[j][i] = float64(len(g)-1) * (mean - theta[i][j])
			}
		}
	}
	return U
}
