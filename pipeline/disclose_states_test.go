package pipeline

import (
	"fmt"
	"testing"

	"github.com/danish-eval/evaluate/reports"
)

// stateRetention builds a retention block with one configured time: n
// still at risk (share in), and the exits dropout and completed with
// their cumulative counts and shares; the state rows copy them.
func stateRetention(nRisk, dropout, completed int, in, fd, fc float64) *reports.Retention {
	pt := func(n, cum int, s float64) reports.RetentionPoint {
		lo, hi := s*0.9, s*1.1
		return reports.RetentionPoint{T: 26, NRisk: intp(n), NEvent: intp(cum), Surv: f64p(s), Low: &lo, High: &hi}
	}
	ret := &reports.Retention{Event: "dropout", Competing: []string{"completed"},
		Points: []reports.RetentionPoint{pt(nRisk, dropout+completed, in)},
		Incidence: []reports.Incidence{
			{Exit: "dropout", Points: []reports.RetentionPoint{pt(nRisk, dropout, fd)}},
			{Exit: "completed", Points: []reports.RetentionPoint{pt(nRisk, completed, fc)}}}}
	ret.States = stateRows(ret.Points, ret.Incidence)
	return ret
}

// TestDiscloseStates: a share resting on a few people is hidden, and a
// second one with it (the shares add up to 1); each hidden share is hidden
// in the incidence and Kaplan-Meier points that quote it too, with the
// count of all exits that would reveal a hidden exit count.
func TestDiscloseStates(t *testing.T) {
	for _, tc := range []struct {
		name                 string
		risk, drop, complete int
		hidden               string // which states are hidden
		cells                int
	}{
		{"all large", 156, 39, 10, "[false false false]", 0},
		{"one completion", 156, 39, 1, "[false true true]", 2},
		{"no completion", 156, 39, 0, "[false false false]", 0},
		{"few at risk", 3, 39, 150, "[true true true]", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := float64(tc.risk + tc.drop + tc.complete)
			ret := stateRetention(tc.risk, tc.drop, tc.complete, float64(tc.risk)/n, float64(tc.drop)/n, float64(tc.complete)/n)
			cells := discloseRetention(ret, 5)
			var hidden []bool
			for j, s := range ret.States[0].Shares {
				hidden = append(hidden, s.Share == nil)
				src := stateSources(ret, 0)[j]
				if (src.Surv == nil) != (s.Share == nil) || (s.Share == nil && (s.Low != nil || src.Low != nil)) {
					t.Errorf("state %s: share %v, quoted as %v", s.State, show(s.Share), show(src.Surv))
				}
				if j > 0 && s.Share == nil && (s.N != nil || src.NEvent != nil || ret.Points[0].NEvent != nil) {
					t.Errorf("state %s hidden but a count of it is shown", s.State)
				}
			}
			if fmt.Sprint(hidden) != tc.hidden || cells != tc.cells {
				t.Errorf("hidden %v (%d cells), want %s (%d)", hidden, cells, tc.hidden, tc.cells)
			}
		})
	}
}

// TestCoarsenStates: each way of leaving moves only once min people have
// left that way; the rest are drawn in the programme, so the drawn shares
// add up to 1; the curve ends (holding its last shares) where fewer than
// min are at risk.
func TestCoarsenStates(t *testing.T) {
	step := func(tm float64, risk, d, c int, fd, fc float64) reports.StateStep {
		s := reports.StateStep{T: tm, NRisk: risk, NEvent: []int{d, c}, Shares: []float64{1 - fd - fc, fd, fc}}
		s.Low = []float64{s.Shares[0] - 0.02, s.Shares[0] + fd - 0.03}
		s.High = []float64{s.Shares[0] + 0.02, s.Shares[0] + fd + 0.03}
		return s
	}
	in := []reports.StateStep{step(1, 100, 3, 0, 0.03, 0), step(2, 97, 3, 1, 0.06, 0.01),
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
