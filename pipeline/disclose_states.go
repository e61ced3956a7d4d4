package pipeline

import (
	"math"

	"github.com/danish-eval/evaluate/models/results"
)

// discloseStates rebuilds the state occupation from the disclosed points
// (the ledger hid each share with the count it rests on, and knows that
// the exits of each kind add up to all exits), so the retention page and
// the exits page hide the same shares, and coarsens its drawn steps.
func discloseStates(ret *results.Retention, min int) {
	if ret == nil || len(ret.States) == 0 {
		return
	}
	ret.States = stateRows(ret.Points, ret.Incidence)
	ret.StateCurve = coarsenStates(ret.StateCurve, min)
}

// coarsenStates keeps the drawn state occupation from showing what a few
// people did. Each way of leaving moves only once at least min people have
// left that way since it last moved, and then to its exact share there
// (as coarsenCurve does for one curve); the share still in the programme
// is the rest, so the drawn shares always add up to 1 and each state is at
// most min − 1 people's worth behind. A boundary's band keeps its exact
// width around the drawn boundary. The curve ends where fewer than min
// people are still in the programme, the last drawn shares holding until
// then.
func coarsenStates(steps []results.StateStep, min int) []results.StateStep {
	if len(steps) == 0 {
		return nil
	}
	k := len(steps[0].NEvent)
	pending, drawn := make([]int, k), make([]float64, k)
	var out []results.StateStep
	end := 0.0
	for _, s := range steps {
		end = s.T
		if s.NRisk < min {
			break
		}
		moved := len(out) == 0
		for e, x := range s.NEvent {
			if pending[e] += x; pending[e] >= min {
				drawn[e], pending[e], moved = s.Shares[e+1], 0, true
			}
		}
		if moved {
			out = append(out, drawnStep(s, drawn))
		}
	}
	if n := len(out); n > 0 && out[n-1].T < end {
		last := out[n-1]
		last.T = end
		out = append(out, last)
	}
	return out
}

// drawnStep is step s with the exits at their drawn shares, the rest in
// the programme, and each boundary's band moved with its boundary.
func drawnStep(s results.StateStep, drawn []float64) results.StateStep {
	k := len(drawn)
	out := results.StateStep{T: s.T, NRisk: s.NRisk, NEvent: make([]int, k),
		Shares: make([]float64, k+1), Low: make([]float64, k), High: make([]float64, k)}
	out.Shares[0] = 1
	for e, f := range drawn {
		out.Shares[e+1] = f
		out.Shares[0] -= f
	}
	exact, moved := 0.0, 0.0
	for j := 0; j < k; j++ {
		exact += s.Shares[j]
		moved += out.Shares[j]
		out.Low[j] = math.Max(0, math.Min(moved, moved-(exact-s.Low[j])))
		out.High[j] = math.Min(1, math.Max(moved, moved+(s.High[j]-exact)))
	}
	return out
}
