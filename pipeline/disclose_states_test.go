package pipeline

import (
	"testing"

	"github.com/danish-eval/evaluate/models/results"
)

// TestCoarsenStates: each way of leaving moves only once min people have
// left that way; the rest are drawn in the programme, so the drawn shares
// add up to 1; the curve ends (holding its last shares) where fewer than
// min are at risk.
func TestCoarsenStates(t *testing.T) {
	step := func(tm float64, risk, d, c int, fd, fc float64) results.StateStep {
		s := results.StateStep{T: tm, NRisk: risk, NEvent: []int{d, c}, Shares: []float64{1 - fd - fc, fd, fc}}
		s.Low = []float64{s.Shares[0] - 0.02, s.Shares[0] + fd - 0.03}
		s.High = []float64{s.Shares[0] + 0.02, s.Shares[0] + fd + 0.03}
		return s
	}
	in := []results.StateStep{step(1, 100, 3, 0, 0.03, 0), step(2, 97, 3, 1, 0.06, 0.01),
		step(3, 93, 0, 5, 0.06, 0.06), step(4, 88, 1, 0, 0.07, 0.06), step(5, 4, 0, 1, 0.07, 0.07)}
	got := coarsenStates(in, 5)
	want := []struct {
		t      float64
		shares [3]float64
	}{
		{1, [3]float64{1, 0, 0}},          // first step: nothing released yet
		{2, [3]float64{0.94, 0.06, 0}},    // 6 dropouts: dropout moves; 1 completion waits
		{3, [3]float64{0.88, 0.06, 0.06}}, // 6 completions
		{5, [3]float64{0.88, 0.06, 0.06}}, // 1 dropout waits; fewer than 5 at risk: the end
	}
	if len(got) != len(want) {
		t.Fatalf("%d steps, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		sum := 0.0
		for j := range w.shares {
			sum += g.Shares[j]
			if d := g.Shares[j] - w.shares[j]; g.T != w.t || d > 1e-12 || d < -1e-12 {
				t.Fatalf("step %d: t %v shares %v, want t %v %v", i, g.T, g.Shares, w.t, w.shares)
			}
		}
		if sum < 1-1e-12 || sum > 1+1e-12 {
			t.Errorf("step %d adds up to %v", i, sum)
		}
		if b := g.Shares[0]; g.Low[0] > b || g.High[0] < b {
			t.Errorf("step %d: band %v–%v misses its boundary %v", i, g.Low[0], g.High[0], b)
		}
	}
}
