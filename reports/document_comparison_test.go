package reports

import (
	"math"
	"strings"
	"testing"

	"github.com/danish-eval/evaluate/models/results"
)

func f64(v float64) *float64 { return &v }

// comparisonResults is a cohort with one effect, one measure among a
// status, and the given SMD after weighting.
func comparisonResults(lang string, smdAfter float64) *results.Results {
	n1, n0, drop := 195, 600, 0
	return &results.Results{Cohort: results.CohortInfo{ID: "x", Title: "X", Language: lang, DataDate: "2021-12-31"},
		Measures:  []results.Measure{{ID: "job", Label: "Job"}, {ID: "done", Label: "Gennemført"}},
		Bootstrap: results.BootstrapInfo{Level: 0.95},
		Comparison: &results.Comparison{Method: "ipw", Participants: &n1, People: &n0, DroppedParticipants: &drop, DroppedComparison: &drop,
			RowsRead: n0, Imbalanced: math.Abs(smdAfter) > 0.1,
			Overlap: &results.Overlap{Participants: []float64{0.1, 0.2, 0.3, 0.5, 0.8}, Comparison: []float64{0.05, 0.1, 0.15, 0.3, 0.5}}},
		Effects: []results.Effect{{Measure: "job", Method: "ipw", Participants: results.EffectGroup{Estimate: f64(0.3)},
			Comparison: results.EffectComparison{Estimate: f64(0.16)}, Difference: f64(0.14),
			Intervals: []results.Interval{{Method: "bca", Level: 0.95, Low: f64(0.05), High: f64(0.22)}}},
			{Measure: "done", Method: "ipw", Note: results.NoteStatus}},
		Balance: []results.Balance{{Covariate: "sex=mand", SMDBefore: f64(-0.3), SMDAfter: f64(smdAfter)}}}
}

// sectionText joins the paragraphs and notes of section id.
func sectionText(c *Content, id string) string {
	var parts []string
	for _, s := range c.Sections {
		if s.ID != id {
			continue
		}
		for _, b := range s.Blocks {
			switch b := b.(type) {
			case Paragraph:
				parts = append(parts, b.Text)
			case Note:
				parts = append(parts, b.Text)
			}
		}
	}
	return strings.Join(parts, "\n")
}

// The effect section says which measures have no effect and warns when a
// covariate stays imbalanced (|SMD| > 0.1), and only then; page 1 no
// longer says there is no comparison group.
func TestComparisonPage(t *testing.T) {
	for _, tc := range []struct {
		smd  float64
		warn bool
	}{{0.05, false}, {-0.15, true}} {
		r := comparisonResults("en", tc.smd)
		figs, err := BuildFigures(r)
		if err != nil {
			t.Fatal(err)
		}
		c := BuildContent(r, results.Meta{}, figs)
		text := sectionText(c, "comparison")
		if !strings.Contains(text, "among a programme status") || !strings.Contains(text, "Gennemført") {
			t.Errorf("no note on the measure among a status:\n%s", text)
		}
		if got := strings.Contains(text, "still differs after weighting"); got != tc.warn {
			t.Errorf("SMD %v: imbalance sentence %v, want %v", tc.smd, got, tc.warn)
		}
		summary := sectionText(c, "summary")
		if !strings.Contains(summary, "the effect on 'Job' is 14.0 percentage points (95 % CI: 5.0 to 22.0)") {
			t.Errorf("page 1 lacks the effect:\n%s", summary)
		}
		if strings.Contains(summary, "there is no comparison group") || !strings.Contains(summary, "against a comparison group") {
			t.Errorf("page 1 caveat not changed:\n%s", summary)
		}
		if figs["love"] == nil || figs["overlap"] == nil {
			t.Errorf("figures love %v, overlap %v", figs["love"], figs["overlap"])
		}
	}
}

func TestLovePlotRejectsNaN(t *testing.T) {
	if _, err := NewLovePlot(LoveData{Rows: []LoveRow{{Label: "age", Before: math.NaN()}}}); err == nil {
		t.Error("NaN accepted")
	}
	if _, err := NewLovePlot(LoveData{}); err == nil {
		t.Error("no rows accepted")
	}
}

func TestOverlapPlotRejectsBadQuantiles(t *testing.T) {
	for _, q := range [][5]float64{{0.5, 0.4, 0.6, 0.7, 0.8}, {0, 0.1, 0.2, 0.3, 1.2}, {math.NaN(), 0, 0, 0, 0}} {
		if _, err := NewOverlapPlot(OverlapData{Rows: []OverlapRow{{Label: "p", Quantiles: q}}}); err == nil {
			t.Errorf("%v accepted", q)
		}
	}
}

// The measured deadweight is the weighted comparison share over the
// participants' share, and the net saving the effect in people times the
// benefit and the months: 0.10 × 200 × 10.000 kr. × 12 = 2.400.000 kr.
func TestMeasuredDeadweight(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	n, k := 200, 60
	r := &results.Results{Cohort: results.CohortInfo{ID: "x", Title: "X", Language: "da", DataDate: "2021-12-31"},
		Flow:       results.Flow{RowsRead: 200, Included: 200},
		Measures:   []results.Measure{{ID: "job", Label: "Job", Count: &k, Denominator: &n, Estimate: f(0.3)}},
		Costs:      &results.Costs{Count: &k, Among: "started", MonthlyBenefitDKK: 10000, Months: 12, Deadweight: 0.25, Gross: f(7.2e6), Net: f(5.4e6)},
		Comparison: &results.Comparison{Method: "ipw"},
		Effects: []results.Effect{{Measure: "job", Participants: results.EffectGroup{Denominator: &n, Estimate: f(0.3)},
			Comparison: results.EffectComparison{Estimate: f(0.2)}, Difference: f(0.1)}},
		Bootstrap: results.BootstrapInfo{Level: 0.95}, Disclosure: results.DisclosureInfo{MinCell: 5}}
	meta := results.Meta{Definitions: []results.Definition{{Name: "job", Rule: "hours > 0  |  among: started"}, {Name: "costs", Rule: "hours > 0  |  among: started"}}}
	c := BuildContent(r, meta, nil)
	var got []string
	for _, tb := range c.Tables() {
		if tb.Sheet == TextFor("da", 0.95).Msg("DeadweightMeasured") {
			ft := TextFor("da", 0.95).formatTable(tb)
			got = ft.rows[1]
		}
	}
	if len(got) < 3 || got[1] != "67 %" || got[2] != "2.400.000 kr." {
		t.Errorf("measured deadweight row %q, want 67 %% and 2.400.000 kr.", got)
	}
}
