package reports

import (
	"testing"

	"github.com/danish-eval/evaluate/models/results"
	"gonum.org/v1/plot/vg"
)

// A PNG stands alone: it says which programme, how many started, since
// when and the date of data, in the report's language, and it is taller
// than the bare figure by its title and that line.
func TestSlideCaption(t *testing.T) {
	r := &results.Results{Cohort: results.CohortInfo{Title: "På vej til arbejde", Language: "da",
		FirstEntry: "2017-09-01", DataDate: "2021-12-31"}, Flow: results.Flow{Included: 1950}}
	for lang, want := range map[string]string{
		"da": "På vej til arbejde · 1.950 startede, første start september 2017 · data pr. 31. december 2021",
		"en": "På vej til arbejde · 1,950 started, first start September 2017 · data as of 31 December 2021",
	} {
		r.Cohort.Language = lang
		if got := slideCaption(TextFor(lang, 0.95), r); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	inner := slideFigure{inner: nil, height: 80 * vg.Millimeter}
	framed := slideFigure{inner: nil, title: "Resultater", caption: "x", height: 80 * vg.Millimeter}
	if w := 170 * vg.Millimeter; framed.Height(w) <= inner.Height(w)+vg.Points(10) {
		t.Errorf("title and caption add no height: %v vs %v", framed.Height(w), inner.Height(w))
	}
}
