package reports

import (
	"math"
	"strings"
	"testing"

	"github.com/danish-eval/evaluate/models/results"
)

// effectTimeResults adds to comparisonResults an effect over time at 26,
// 52 and 104 weeks: 26 hidden by disclosure control, 52 shown, 104 not
// followed that long; and two participants and one comparison person
// without a covariate.
func effectTimeResults() *results.Results {
	r := comparisonResults("da", 0.05)
	n1, n2 := 150, 400
	iv := func(lo, hi float64) []results.Interval {
		return []results.Interval{{Method: "bca", Level: 0.95, Low: f64(lo), High: f64(hi)}}
	}
	r.Effects[0].OverTime = &results.EffectOverTime{At: "first_job", From: "entry", Unit: "weeks", Points: []results.EffectPoint{
		{Weeks: 26, Note: results.NoteSuppressed},
		{Weeks: 52, Participants: f64(0.2), Comparison: f64(0.25), Difference: f64(-0.05), NRiskParticipants: &n1, NRiskComparison: &n2,
			Intervals: iv(-0.12, 0.01)},
		{Weeks: 104, Note: results.NoteNotFollowed}}}
	r.Comparison.Missing = &results.MissingCovariates{Participants: 2, Comparison: 1,
		ByCovariate: []results.MissingCovariate{{Covariate: "birth_date", Participants: 2, Comparison: 1}, {Covariate: "sex", Participants: 1}}}
	r.Balance = append(r.Balance, results.Balance{Covariate: "birth_date", Age: true, SMDBefore: f64(0.4), SMDAfter: f64(0.02)})
	return r
}

// The effect over time is a table (hidden point "..", a horizon no one
// reached said so) and a figure of the shown points only; people without
// a covariate are in the comparison's flow table and named in a note.
func TestEffectOverTimeSection(t *testing.T) {
	r := effectTimeResults()
	figs, err := BuildFigures(r)
	if err != nil {
		t.Fatal(err)
	}
	f, ok := figs["effect_time"].(*EffectTimePlot)
	if !ok || len(f.d.Weeks) != 1 || f.d.Weeks[0] != 52 || f.d.Low[0] != -0.12 {
		t.Fatalf("figure %+v, want the point at 52 weeks only", figs["effect_time"])
	}
	c := BuildContent(r, results.Meta{}, figs)
	tx := TextFor("da", 0.95)
	var rows, flow [][]string
	for _, tb := range c.Tables() {
		switch tb.Sheet {
		case tx.Msg("EffectOverTime"):
			rows = tx.formatTable(tb).rows
		case tx.Msg("ComparisonFlow"):
			flow = tx.formatTable(tb).rows
		}
	}
	want := [][]string{{"Job", "26", "..", "..", ".."}, {"  Uger efter start", "52", "20,0 %", "25,0 %", "-5,0 (-12,0 til 1,0)"},
		{"", "104", "", "", tx.Msg("HorizonNoOne")}}
	if strings.Join(flatten(rows), "|") != strings.Join(flatten(want), "|") {
		t.Errorf("effect over time table\n%q\nwant\n%q", rows, want)
	}
	if len(flow) != 4 || strings.Join(flow[2], "|") != "  "+tx.Msg("ComparisonMissing")+"|2|1" {
		t.Errorf("flow table %q", flow)
	}
	if text := sectionText(c, "comparison"); !strings.Contains(text, "Alder ved start: 2 deltagere og 1 i sammenligningsgruppen; Køn: 1 deltagere og 0 i sammenligningsgruppen") {
		t.Errorf("no note on the missing covariate:\n%s", text)
	}
}

func flatten(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}

func TestEffectTimePlotRejectsBadData(t *testing.T) {
	for _, d := range []EffectTimeData{
		{},
		{Weeks: []float64{26}, Diff: []float64{math.NaN()}},
		{Weeks: []float64{52, 26}, Diff: []float64{0, 0}},
		{Weeks: []float64{26}, Diff: []float64{0.1}, Low: []float64{0}},
	} {
		if _, err := NewEffectTimePlot(d); err == nil {
			t.Errorf("%+v accepted", d)
		}
	}
}
