package extract

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestXLSXBatches: rows typed in batches of any size give the same
// Extract: merged ranges across batch boundaries, problems, x ticks,
// ambiguous numbers, blank rows and times of day in different batches.
func TestXLSXBatches(t *testing.T) {
	rows := [][]any{{"sted", "start", "slut", "timer", "udd"}}
	for i := range 60 {
		row := []any{fmt.Sprintf("Site %d", i%4), fmt.Sprintf("%02d-02-2020", 1+i%28), "", i % 7, []any{"x", nil}[i%2]}
		switch i % 13 {
		case 3:
			row[1] = "31-02-2020"
		case 5:
			row[3] = "1.234"
		case 8:
			row = []any{nil, nil, nil, nil, nil}
		case 11:
			row[2] = "31-12-2020 10:00"
		}
		rows = append(rows, row)
	}
	path := editXLSX(t, rows, func(f *excelize.File) {
		must(t, f.MergeCell("Sheet1", "A5", "A12"))
		must(t, f.MergeCell("Sheet1", "A30", "A41"))
		must(t, f.MergeCell("Sheet1", "C20", "D20"))
	})
	fields := append(noteFields[:len(noteFields):len(noteFields)], Field{Name: "edu", Header: "udd", Kind: KindBool})
	defer func(n int) { batchRows = n }(batchRows)
	want, err := Read(Source{Path: path}, fields)
	must(t, err)
	if n := noteOf(want, NoteMerged, "site"); n == nil || len(want.Problems) == 0 {
		t.Fatalf("the workbook lacks what the test is for: notes %+v, problems %d", want.Notes, len(want.Problems))
	}
	for _, size := range []int{1, 2, 3, 7, 16} {
		batchRows = size
		got, err := Read(Source{Path: path}, fields)
		must(t, err)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("batches of %d: Extract differs\n got %+v\nwant %+v", size, got, want)
		}
	}
}
