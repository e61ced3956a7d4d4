package pipeline

import (
	"fmt"
	"testing"

	"github.com/danish-eval/evaluate/models/results"
)

// The bundled pva_effekt report against the truth its generator built in
// (data/gen: TestPVATrueEffect, 0.1193 on paid work and/or education;
// TestPVATrueEffectOverTime, pvaTrueOverTime, on a first job by 52, 78
// and 130 weeks from start, where the participants are first held back
// by the programme): every 95 % interval covers the true value.
func TestPVAEffektCoversTruth(t *testing.T) {
	r := analyseFile(t, "../data/cohorts/pva_effekt.yaml")
	covers := func(what string, ivs []results.Interval, truth float64) {
		t.Helper()
		if len(ivs) == 0 {
			t.Errorf("%s: no interval", what)
		}
		for _, iv := range ivs {
			if iv.Low == nil || *iv.Low > truth || *iv.High < truth {
				t.Errorf("%s: %s interval %v–%v does not cover %g", what, iv.Method, iv.Low, iv.High, truth)
			}
		}
	}
	overTime := map[float64]float64{52: -0.054301245666649213, 78: 0.014164102564102585, 130: 0.085958974358974385}
	for _, e := range r.Effects {
		switch e.Measure {
		case "job_or_education":
			covers(e.Measure, e.Intervals, 0.1193)
		case "employment":
			if e.OverTime == nil || len(e.OverTime.Points) != 3 {
				t.Fatalf("employment over time: %+v", e.OverTime)
			}
			for _, p := range e.OverTime.Points {
				covers(fmt.Sprintf("employment by week %g", p.Weeks), p.Intervals, overTime[p.Weeks])
			}
		}
	}
}
