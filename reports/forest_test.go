package reports

import (
	"math"
	"strings"
	"testing"
)

// Illustrative sites of a JEPS-like cohort (338 participants, 106
// self-supporting, DESIGN.md §1); the split by site is invented.
func jepsForest(t *testing.T) *ForestPlot {
	t.Helper()
	f, err := NewForestPlot(ForestData{
		Labels: Labels{Lang: "da", Title: "Selvforsørgende efter afdeling", X: "Andel (95 %-KI)"},
		Rows: []ForestRow{
			{Label: "Odense", Estimate: 0.34, Low: 0.26, High: 0.43, N: "41/121"},
			{Label: "Svendborg og Sydfyn (AOF Center Fyn, afdeling for særlige indsatser)", Estimate: 0.29,
				Low: 0.2, High: 0.4, N: "26/89"},
			{Label: "Esbjerg", Estimate: 0.33, Low: 0.23, High: 0.44, N: "25/76"},
			{Label: "Aabenraa", Suppressed: true, Estimate: math.NaN(), N: ".."},
			{Label: "Sønderborg", Estimate: 0.36, Low: 0.21, High: 0.54, N: "14/39"},
		},
		Pooled:  &ForestRow{Label: "Alle", Estimate: 106.0 / 338, Low: 0.265, High: 0.365, N: "106/338"},
		Target:  &BarTarget{Share: 0.25, Label: "mål 25 %"},
		NHeader: "antal/n",
	})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestForestGolden(t *testing.T) {
	checkGolden(t, "forest_da", jepsForest(t), 0)
}

func TestNewForestPlotErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		d    ForestData
		want string
	}{
		{"empty", ForestData{}, "no rows"},
		{"NaN", ForestData{Rows: []ForestRow{{Label: "a", Estimate: math.NaN()}}}, "not a finite"},
		{"pooled Inf", ForestData{Pooled: &ForestRow{Label: "p", Estimate: 0.5, Low: 0.4,
			High: math.Inf(1)}}, "not a finite"},
		{"target NaN", ForestData{Rows: []ForestRow{{Label: "a", Estimate: 0.5, Low: 0.4, High: 0.6}},
			Target: &BarTarget{Share: math.NaN()}}, "target"},
	} {
		_, err := NewForestPlot(tc.d)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want it to mention %q", tc.name, err, tc.want)
		}
	}
}
