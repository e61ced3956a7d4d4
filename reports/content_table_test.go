package reports

import (
	"slices"
	"testing"

	"github.com/danish-eval/evaluate/models/results"
)

// One table, two renderings: the page formats it in the report's language,
// the sheet writes numbers as numbers and an interval as its two bounds;
// both mark a suppressed cell "..".
func TestTableRendersOnPageAndSheet(t *testing.T) {
	n, share, lo, hi := 185, 0.949, 0.907, 0.972
	r := &results.Results{Cohort: results.CohortInfo{ID: "x", Title: "X", Language: "da", DataDate: "2021-12-31"},
		Bootstrap: results.BootstrapInfo{Level: 0.9}}
	ret := &results.Retention{Event: "dropout", Points: []results.RetentionPoint{
		{T: 4, NRisk: &n, Surv: &share, Low: &lo, High: &hi}, {T: 13}}}
	d := newDoc(r, results.Meta{}, nil)
	tb := retentionTable(d.t, ret, d.r.Flow.Included)
	page := newPDF(&d.c).pdfTable(tb)
	if want := []string{"4", "185", "..", "94,9 %", "90,7–97,2 %"}; !slices.Equal(page.rows[0], want) {
		t.Errorf("page row %q, want %q", page.rows[0], want)
	}
	if want := []string{"13", "..", "..", "..", ".."}; !slices.Equal(page.rows[1], want) {
		t.Errorf("page row %q, want %q", page.rows[1], want)
	}
	sheet := xlsxSheet(d.t, tb)
	if len(sheet.head) != 6 || sheet.head[4] != "90 %-KI (nedre)" && sheet.head[4] != d.t.Interval+" ("+d.t.Low+")" {
		t.Errorf("sheet head %q", sheet.head)
	}
	row := sheet.rows[0]
	if len(row) != 6 || *row[1].num != 185 || row[2].num != nil || *row[3].num != share || *row[4].num != lo || *row[5].num != hi {
		t.Errorf("sheet row %+v", row)
	}
}
