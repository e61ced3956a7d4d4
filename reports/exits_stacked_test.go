package reports

import (
	"math"
	"strings"
	"testing"
)

// Illustrative competing exits in the shape of the Roskilde cohort (45 of
// 133 finished: job, education, ressourceforløb, other; DESIGN.md §1).
func roskildeExits(t *testing.T) *ExitsStacked {
	t.Helper()
	ts := []float64{0, 6, 12, 20, 30, 45, 60, 80, 104}
	ramp := func(end float64) []float64 {
		out := make([]float64, len(ts))
		for i := range ts {
			out[i] = end * float64(i) / float64(len(ts)-1)
		}
		return out
	}
	f, err := NewExitsStacked(ExitsData{
		Labels: Labels{Lang: "da", Title: "Afslutninger over tid (kumuleret incidens)", X: "Uger siden start",
			Y: "Andel afsluttet"},
		T: ts,
		Exits: []ExitCurve{
			{Name: "Job", CIF: ramp(0.053)},
			{Name: "Uddannelse", CIF: ramp(0.03)},
			{Name: "Ressourceforløb", CIF: ramp(0.068)},
			{Name: "Andre årsager", CIF: ramp(0.15)},
			{Name: "Ikke oplyst", Suppressed: true, CIF: []float64{math.NaN()}},
		},
		Times: []float64{13, 26, 52, 104},
	})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestExitsGolden(t *testing.T) {
	checkGolden(t, "exits_da", roskildeExits(t), 0)
}

func TestNewExitsStackedErrors(t *testing.T) {
	ts := []float64{0, 1}
	for _, tc := range []struct {
		name string
		d    ExitsData
		want string
	}{
		{"empty", ExitsData{}, "no times"},
		{"NaN", ExitsData{T: ts, Exits: []ExitCurve{{Name: "a", CIF: []float64{0, math.NaN()}}}}, "not a finite"},
		{"length", ExitsData{T: ts, Exits: []ExitCurve{{Name: "a", CIF: []float64{0}}}}, "values"},
		{"over 100 %", ExitsData{T: ts, Exits: []ExitCurve{{Name: "a", CIF: []float64{0, 0.7}},
			{Name: "b", CIF: []float64{0, 0.4}}}}, "add up"},
		{"NaN time", ExitsData{T: []float64{0, math.Inf(1)}, Exits: []ExitCurve{{Name: "a", CIF: []float64{0, 0}}}},
			"time"},
	} {
		_, err := NewExitsStacked(tc.d)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want it to mention %q", tc.name, err, tc.want)
		}
	}
}
