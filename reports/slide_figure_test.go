package reports

import (
	"strings"
	"testing"

	"github.com/danish-eval/evaluate/models/results"
	"gonum.org/v1/plot/vg"
)

// A PNG stands alone: it says whom it counts and how many, when they
// started, and its source (programme, evaluate's version, date of data),
// in the report's language, and it is taller than the bare figure by its
// title and caption.
func TestSlideCaption(t *testing.T) {
	n := 148
	r := &results.Results{Cohort: results.CohortInfo{Title: "På vej til arbejde", Language: "da",
		FirstEntry: "2017-09-01", LastEntry: "2020-12", DataDate: "2021-12-31"}, Flow: results.Flow{RowsRead: 1960, Included: 1950},
		Measures: []results.Measure{{Among: "completed", Denominator: &n}, {Among: "completed", Denominator: &n}}}
	all := 1950
	mixed := []results.Measure{{Label: "Gennemførte", Among: "started", Denominator: &all},
		{Label: "Job", Among: "completed", Denominator: &n}, {Label: "Uddannelse", Among: "completed", Denominator: &n}}
	for _, tc := range []struct{ lang, name, want string }{
		{"da", "retention", "Alle, der startede (n = 1.950) · startede september 2017–december 2020\n" +
			"Kilde: På vej til arbejde · evaluate 1.2.3 · data pr. 31. december 2021"},
		{"en", "outcomes", "Outcomes among those who completed (n = 148) · started September 2017–December 2020\n" +
			"Source: På vej til arbejde · evaluate 1.2.3 · data as of 31 December 2021"},
		{"da", "sites", "Grundlag – alle, der startede (n = 1.950): Gennemførte; dem, der gennemførte (n = 148): Job, Uddannelse" +
			" · startede september 2017–december 2020\n" +
			"Kilde: På vej til arbejde · evaluate 1.2.3 · data pr. 31. december 2021"},
		{"da", "flow", "Alle rækker i udtrækket, udeladte og medtagne (læst: 1.960) · startede september 2017–december 2020\n" +
			"Kilde: På vej til arbejde · evaluate 1.2.3 · data pr. 31. december 2021"},
	} {
		r.Cohort.Language = tc.lang
		rr := *r
		if tc.name == "sites" {
			rr.Measures = mixed
		}
		if got := slideCaption(TextFor(tc.lang, 0.95), &rr, tc.name, "1.2.3"); got != tc.want {
			t.Errorf("%s %s:\n got %q\nwant %q", tc.lang, tc.name, got, tc.want)
		}
	}
	r.Cohort.LastEntry = ""
	if got := slideCaption(TextFor("da", 0.95), r, "retention", "1"); !strings.Contains(got, "første start september 2017") {
		t.Errorf("without a last entry: %q", got)
	}
	inner := slideFigure{inner: nil, height: 80 * vg.Millimeter}
	framed := slideFigure{inner: nil, title: "Resultater", caption: "x", height: 80 * vg.Millimeter}
	if w := 170 * vg.Millimeter; framed.Height(w) <= inner.Height(w)+vg.Points(10) {
		t.Errorf("title and caption add no height: %v vs %v", framed.Height(w), inner.Height(w))
	}
}
