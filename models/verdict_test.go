package models

import "testing"

func TestJudgeTarget(t *testing.T) {
	atLeast := Target{Value: 0.2, Direction: AtLeast}
	atMost := Target{Value: 0.3, Direction: AtMost}
	tests := []struct {
		t       Target
		lo, hi  float64
		defined bool
		want    Verdict
	}{
		{atLeast, 0.21, 0.40, true, VerdictMet},
		{atLeast, 0.20, 0.40, true, VerdictMet}, // the bound itself meets it
		{atLeast, 0.17, 0.30, true, VerdictUncertain},
		{atLeast, 0.05, 0.19, true, VerdictNotMet},
		{atLeast, 0.5, 0.6, false, VerdictUncertain},
		{atMost, 0.10, 0.30, true, VerdictMet},
		{atMost, 0.25, 0.35, true, VerdictUncertain},
		{atMost, 0.31, 0.35, true, VerdictNotMet},
	}
	for _, tc := range tests {
		if got := JudgeTarget(tc.t, tc.lo, tc.hi, tc.defined); got != tc.want {
			t.Errorf("%v %v [%v, %v]: %q, want %q", tc.t.Direction, tc.t.Value, tc.lo, tc.hi, got, tc.want)
		}
	}
}
