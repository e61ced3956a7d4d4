package models

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Options control a bootstrap run.
type Options struct {
	// B is the number of replicates (R boot's R, scipy's n_resamples); ≥ 1.
	B int
	// Seed selects the random streams (see ReplicateBlock).
	Seed uint64
	// Workers is the number of goroutines; ≤ 0 means runtime.GOMAXPROCS(0).
	// It never changes a result.
	Workers int
}

// maxReplicates bounds B so that a typo cannot allocate the machine away.
const maxReplicates = 100_000_000

func (o Options) check() error {
	if o.B < 1 {
		return fmt.Errorf("models: bootstrap replicates B = %d, need at least 1", o.B)
	}
	if o.B > maxReplicates {
		return fmt.Errorf("models: bootstrap replicates B = %d exceeds %d", o.B, maxReplicates)
	}
	return nil
}

// Replicates is the record of one bootstrap run, in the manner of R boot's
// "boot" object: the observed statistics, the replicates, and what is needed
// to recompute them.
//
// BootstrapCells and BootstrapIndex evaluate all statistics of a run on
// the same resamples (one joint resample), so T[i][b] and T[j][b] come from
// the same replicate b. BootstrapShares draws with common random numbers
// instead: statistics with the same class structure share their resamples,
// and every statistic's replicates depend on its own structure only.
type Replicates struct {
	// T0[j] is statistic j on the observed data (R's t0).
	T0 []float64
	// T[j][b] is statistic j on replicate b (R's t, transposed); NaN where
	// the statistic is undefined on that replicate (a denominator of 0).
	// Interval methods leave such replicates out, as R's norm.inter does.
	T [][]float64
	// B is the number of replicates, Seed the seed they were drawn with.
	B    int
	Seed uint64
	// Strata reports resampling within strata (stratum sizes kept),
	// Clusters resampling of whole clusters.
	Strata   bool
	Clusters bool
	// Accel[j] is the BCa acceleration of statistic j, ΣL³ / (6 (ΣL²)^1.5)
	// over all units with no stratum weights (R boot.ci's form), from exact
	// influence values (cell path) or a jackknife (index path). NaN when the
	// influence values are all 0.
	Accel []float64
	// AccelWeighted[j] is the multi-sample form Σ_s n_s⁻³ Σ L³ /
	// (6 (Σ_s n_s⁻² Σ L²)^1.5) (Efron and Tibshirani 1993, eq. 15.36, as
	// scipy); equal to Accel without strata.
	AccelWeighted []float64
	// DesignEffect[j] is the design effect of statistic j under cluster
	// resampling (see designEffect): 1 without clusters, NaN when
	// undefined. Set by BootstrapShares only.
	DesignEffect []float64

	sorted [][]float64 // finite T[j], ascending; nil until sortReplicates
}

// Len returns the number of statistics.
func (r *Replicates) Len() int { return len(r.T0) }

// Undefined returns how many replicates of statistic j are NaN or infinite.
func (r *Replicates) Undefined(j int) int {
	return len(r.T[j]) - len(r.finiteSorted(j))
}

// finiteSorted returns the finite replicates of statistic j in ascending
// order (cached by the bootstrap functions; computed afresh for a
// Replicates built by hand).
func (r *Replicates) finiteSorted(j int) []float64 {
	if r.sorted != nil && len(r.sorted) == len(r.T) {
		return r.sorted[j]
	}
	return sortFinite(r.T[j])
}

// checkColumn validates the statistic index j.
func (r *Replicates) checkColumn(j int) error {
	if r == nil || j < 0 || j >= len(r.T) || j >= len(r.T0) {
		return fmt.Errorf("models: no bootstrap statistic %d", j)
	}
	return nil
}

// sortFinite returns the finite values of t in ascending order.
func sortFinite(t []float64) []float64 {
	s := make([]float64, 0, len(t))
	for _, v := range t {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			s = append(s, v)
		}
	}
	slices.Sort(s)
	return s
}

// sortReplicates caches the sorted finite replicates of every statistic.
func (r *Replicates) sortReplicates(workers int) {
	sorted := make([][]float64, len(r.T))
	parallelFor(len(r.T), workers, func(j int) { sorted[j] = sortFinite(r.T[j]) })
	r.sorted = sorted
}

// newReplicates allocates the record for dim statistics.
func newReplicates(t0 []float64, opts Options) *Replicates {
	r := &Replicates{T0: t0, T: make([][]float64, len(t0)), B: opts.B, Seed: opts.Seed}
	for j := range r.T {
		r.T[j] = make([]float64, opts.B)
	}
	return r
}

// workerCount resolves Options.Workers for n independent jobs.
func workerCount(workers, jobs int) int {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	return max(1, min(workers, jobs))
}

// replicateFunc computes replicate b, drawing from r.
type replicateFunc func(r *rand.Rand, b int)

// runBlocks computes replicates 0 … B−1 in blocks of ReplicateBlock. Each
// worker calls newWorker once (for its own buffers) and then takes blocks
// from a shared counter, in any order; block k is drawn from the stream
// blockSeed(seed, k) and its replicates in order, so every value depends on
// (seed, block, position) only.
func runBlocks(opts Options, newWorker func() replicateFunc) {
	blocks := (opts.B + ReplicateBlock - 1) / ReplicateBlock
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workerCount(opts.Workers, blocks) {
		wg.Go(func() {
			fill := newWorker()
			pcg := rand.NewPCG(0, 0)
			rng := rand.New(pcg)
			for {
				k := int(next.Add(1) - 1)
				if k >= blocks {
					return
				}
				blockStream(pcg, opts.Seed, k)
				for b := k * ReplicateBlock; b < min(opts.B, (k+1)*ReplicateBlock); b++ {
					fill(rng, b)
				}
			}
		})
	}
	wg.Wait()
}

// parallelFor calls f(0) … f(n−1) on up to workers goroutines.
func parallelFor(n, workers int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workerCount(workers, n) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}

// errNoStatistics is returned when a bootstrap is asked for nothing.
var errNoStatistics = errors.New("models: no statistics to bootstrap")
