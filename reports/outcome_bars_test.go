package reports

import (
	"math"
	"strings"
	"testing"
)

// pvaOutcomes is "På vej til arbejde" (DESIGN.md §1): 148 of 195 completed,
// 52 of 148 paid hours and/or education; employment and education have
// targets of 20 % and 15 %. Interval values are illustrative.
func pvaOutcomes(t *testing.T, lang string, vertical bool) *OutcomeBars {
	t.Helper()
	lb := Labels{Lang: lang, Title: "Resultater blandt deltagere – æøå ÆØÅ", X: "Andel (95 %-KI)"}
	goal := "mål"
	names := []string{"Gennemførte forløbet", "Lønnede timer og/eller uddannelse",
		"Ordinær beskæftigelse", "Uddannelse", "Selvforsørgende"}
	if lang == "en" {
		lb = Labels{Lang: lang, Title: "Outcomes among participants", X: "Share (95 % CI)"}
		goal = "target"
		names = []string{"Completed the programme", "Paid work and/or education",
			"Ordinary employment", "Education", "Self-supporting"}
	}
	f, err := NewOutcomeBars(OutcomeBarsData{Labels: lb, Vertical: vertical, Bars: []OutcomeBar{
		{Label: names[0], Estimate: 148.0 / 195, Low: 0.693, High: 0.818},
		{Label: names[1], Estimate: 52.0 / 148, Low: 0.277, High: 0.431},
		{Label: names[2], Estimate: 0.25, Low: 0.182, High: 0.318,
			Target: &BarTarget{Share: 0.20, Label: goal + " " + Percent(lang, 0.2, 0)}},
		{Label: names[3], Estimate: 0.101, Low: 0.054, High: 0.155,
			Target: &BarTarget{Share: 0.15, Label: goal + " " + Percent(lang, 0.15, 0)}},
		{Label: names[4], Suppressed: true, Estimate: math.NaN()},
	}})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestOutcomeBarsGolden(t *testing.T) {
	checkGolden(t, "outcomes_da", pvaOutcomes(t, "da", false), 0)
	checkGolden(t, "outcomes_en_vertical", pvaOutcomes(t, "en", true), 0)
}

func TestNewOutcomeBarsErrors(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct {
		name string
		bar  OutcomeBar
		want string
	}{
		{"NaN estimate", OutcomeBar{Label: "a", Estimate: nan}, "not a finite"},
		{"Inf high", OutcomeBar{Label: "a", Estimate: 0.5, Low: 0.4, High: math.Inf(1)}, "not a finite"},
		{"above 1", OutcomeBar{Label: "a", Estimate: 1.2, Low: 1.1, High: 1.3}, "outside"},
		{"interval misses", OutcomeBar{Label: "a", Estimate: 0.5, Low: 0.6, High: 0.7}, "does not contain"},
		{"NaN target", OutcomeBar{Label: "a", Estimate: 0.5, Low: 0.4, High: 0.6,
			Target: &BarTarget{Share: nan}}, "target"},
	} {
		_, err := NewOutcomeBars(OutcomeBarsData{Bars: []OutcomeBar{tc.bar}})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want it to mention %q", tc.name, err, tc.want)
		}
	}
	if _, err := NewOutcomeBars(OutcomeBarsData{}); err == nil {
		t.Error("no bars: want an error")
	}
	// A suppressed bar's values are never read.
	if _, err := NewOutcomeBars(OutcomeBarsData{Bars: []OutcomeBar{
		{Label: "a", Suppressed: true, Estimate: nan, Low: nan, High: nan}}}); err != nil {
		t.Errorf("suppressed NaN bar: %v", err)
	}
}
