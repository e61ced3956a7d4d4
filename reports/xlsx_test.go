package reports

import (
	"bytes"
	"testing"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/xuri/excelize/v2"
)

func TestEscapeFormula(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+45 1234", "'+45 1234"},
		{"-1+1", "'-1+1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"Gennemført", "Gennemført"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := escapeFormula(tc.in); got != tc.want {
			t.Errorf("escapeFormula(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// A label that looks like a formula reaches results.xlsx as inert text,
// suppressed numbers as "..", and two writes give the same bytes.
func TestXLSXInjectionAndSuppression(t *testing.T) {
	k, n, est := 52, 148, 52.0/148
	r := &results.Results{Cohort: results.CohortInfo{ID: "x", Title: "T", Language: "da", DataDate: "2021-12-31"},
		Flow: results.Flow{RowsRead: 1, Included: 1},
		Measures: []results.Measure{
			{ID: "a", Label: "=1+2", Among: "started", Count: &k, Denominator: &n, Estimate: &est},
			{ID: "b", Label: "hidden", Among: "started", Suppressed: true, Denominator: &n},
		}}
	b1, err := XLSX(BuildContent(r, results.Meta{}, nil))
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := XLSX(BuildContent(r, results.Meta{}, nil))
	if !bytes.Equal(b1, b2) {
		t.Error("results.xlsx differs between two writes")
	}
	f, err := excelize.OpenReader(bytes.NewReader(b1))
	if err != nil {
		t.Fatal(err)
	}
	// The outcomes sheet: measure, count, n, share, interval bounds, target, verdict.
	sheet := TextFor("da", 0).Outcomes
	if v, _ := f.GetCellValue(sheet, "A2"); v != "'=1+2" {
		t.Errorf("label cell = %q, want the escaped text", v)
	}
	if fm, _ := f.GetCellFormula(sheet, "A2"); fm != "" {
		t.Errorf("label became a formula: %q", fm)
	}
	if v, _ := f.GetCellValue(sheet, "B3"); v != ".." {
		t.Errorf("suppressed count = %q, want ..", v)
	}
	if v, _ := f.GetCellValue(sheet, "B2", excelize.Options{RawCellValue: true}); v != "52" {
		t.Errorf("count = %q, want the number 52", v)
	}
}
