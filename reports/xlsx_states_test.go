package reports

import (
	"bytes"
	"testing"

	"github.com/danish-eval/evaluate/models/results"
	"github.com/xuri/excelize/v2"
)

// TestXLSXStates: with competing exits the retention sheet is the state
// occupation, each count under its own state (never the count of all exits
// under the event's name), ".." where suppressed.
func TestXLSXStates(t *testing.T) {
	n156, n39, in, fd := 156, 39, 0.795, 0.2
	r := &results.Results{Cohort: results.CohortInfo{ID: "x", Title: "T", Language: "da", DataDate: "2021-12-31"},
		Flow: results.Flow{RowsRead: 1, Included: 1},
		Retention: &results.Retention{Event: "dropout", Competing: []string{"completed"},
			States: []results.StateRow{{T: 26, Shares: []results.StateShare{{State: results.InProgramme, N: &n156, Share: &in},
				{State: "dropout", N: &n39, Share: &fd}, {State: "completed"}}}}}}
	b, err := XLSX(BuildContent(r, results.Meta{}, nil))
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	sheet := TextFor("da", 0.95).Retention
	for cell, want := range map[string]string{"B1": "I forløb (antal)", "F1": "Afbrudt (antal)", "J1": "Gennemført (antal)",
		"B2": "156", "F2": "39", "J2": "..", "K2": ".."} {
		if v, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true}); v != want {
			t.Errorf("%s = %q, want %q", cell, v, want)
		}
	}
}
