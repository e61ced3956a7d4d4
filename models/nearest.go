package models

import (
	"fmt"
	"math"
	"slices"
	"sort"
)

// NearestOptions control nearest-neighbour matching.
type NearestOptions struct {
	// K is the number of neighbours per participant (1:K); 0 means 1.
	K int
	// Caliper is the widest allowed distance in standard deviations of
	// the logit score over all people (MatchIt's std.caliper); ≤ 0: none.
	Caliper float64
}

// TieTolerance: comparison people whose logit-score distance to a
// participant is within this of the K-th nearest distance are tied with it
// and all become matches (Matching's ties = TRUE, Abadie and Imbens' J_M).
const TieTolerance = 1e-10

// Matches are the matched sets of nearest-neighbour matching.
type Matches struct {
	// Sets[i] lists the comparison people matched to participant i
	// (ascending); nil for comparison people and unmatched participants.
	Sets [][]int
	// CaliperWidth is the caliper on the logit scale (0: none).
	CaliperWidth float64
	// Matched is the number of participants with a match.
	Matched int
}

// NearestWeights matches every participant to its K nearest comparison
// people on the logit of the propensity score, with replacement (a
// comparison person may serve several participants), within the caliper.
// Ties are deterministic: everyone tied with the K-th nearest (within
// TieTolerance) is matched too, so a set may hold more than K. Weights as
// MatchIt's (replace = TRUE): a matched participant 1; a comparison person
// Σ 1/|set| over the sets it is in, scaled so that the comparison weights
// sum to the number of comparison people used. Errors: no participant
// within the caliper.
func NearestWeights(treated []bool, logit []float64, opt NearestOptions) (*Weighting, error) {
	checkLength("logit scores", len(logit), len(treated))
	if err := checkGroups(treated); err != nil {
		return nil, err
	}
	width := 0.0
	if opt.Caliper > 0 {
		_, sd := meanSD(logit)
		width = opt.Caliper * sd
	}
	m := matchNearest(treated, logit, max(opt.K, 1), width)
	if m.Matched == 0 {
		return nil, fmt.Errorf("no participant has a comparison person within the caliper (%g SD of the logit score): widen comparison.caliper", opt.Caliper)
	}
	w := m.weights(len(treated))
	d1, d0 := droppedCounts(treated, w, nil)
	return &Weighting{Method: MethodNearest, W: w, Logit: logit, DroppedParticipants: d1, DroppedComparison: d0, Matches: m}, nil
}

// matchNearest finds the matched sets with caliper width (0: none).
func matchNearest(treated []bool, x []float64, k int, width float64) *Matches {
	ctrl := sortedGroup(treated, x, false)
	m := &Matches{Sets: make([][]int, len(x)), CaliperWidth: width}
	for i, t := range treated {
		if !t {
			continue
		}
		set := nearestSet(ctrl, x, x[i], k, -1)
		var in []int
		for _, j := range set {
			if width == 0 || math.Abs(x[j]-x[i]) <= width {
				in = append(in, j)
			}
		}
		if len(in) > 0 {
			slices.Sort(in)
			m.Sets[i] = in
			m.Matched++
		}
	}
	return m
}

// sortedGroup returns the units of one group ordered by x (then index).
func sortedGroup(treated []bool, x []float64, group bool) []int {
	var g []int
	for i, t := range treated {
		if t == group {
			g = append(g, i)
		}
	}
	slices.SortStableFunc(g, func(a, b int) int { return cmpFloat(x[a], x[b]) })
	return g
}

// nearestSet returns the k units of sorted (ordered by x) nearest to v,
// leaving out unit skip, with everyone tied with the k-th. It walks out
// from v's position, taking the nearer side first.
func nearestSet(sorted []int, x []float64, v float64, k, skip int) []int {
	hi := sort.Search(len(sorted), func(i int) bool { return x[sorted[i]] >= v })
	lo := hi - 1
	var set []int
	kth := math.Inf(1)
	for lo >= 0 || hi < len(sorted) {
		var j int
		if hi >= len(sorted) || (lo >= 0 && v-x[sorted[lo]] <= x[sorted[hi]]-v) {
			j = sorted[lo]
			lo--
		} else {
			j = sorted[hi]
			hi++
		}
		if j == skip {
			continue
		}
		d := math.Abs(x[j] - v)
		if len(set) >= k && d > kth+TieTolerance {
			break
		}
		set = append(set, j)
		if len(set) == k {
			kth = d
		}
	}
	return set
}

// weights returns MatchIt's matching weights of the sets.
func (m *Matches) weights(n int) []float64 {
	w := make([]float64, n)
	for i, set := range m.Sets {
		if set == nil {
			continue
		}
		w[i] = 1
		for _, j := range set {
			w[j] += 1 / float64(len(set))
		}
	}
	used, sum := 0, 0.0
	for i, set := range m.Sets {
		if set == nil && w[i] > 0 {
			used++
			sum += w[i]
		}
	}
	for i, set := range m.Sets {
		if set == nil && w[i] > 0 {
			w[i] *= float64(used) / sum
		}
	}
	return w
}
