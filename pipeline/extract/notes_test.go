package extract

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

var noteFields = []Field{
	{Name: "site", Header: "sted", Kind: KindText},
	{Name: "start", Header: "start", Kind: KindDate},
	{Name: "end", Header: "slut", Kind: KindDate, Optional: true},
	{Name: "hours", Header: "timer", Kind: KindNumber},
}

// editXLSX builds a small workbook and lets the test change it with
// excelize before it is saved.
func editXLSX(t *testing.T, rows [][]any, edit func(f *excelize.File)) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if v != nil {
				must(t, f.SetCellValue("Sheet1", cell, v))
			}
		}
	}
	if edit != nil {
		edit(f)
	}
	path := filepath.Join(t.TempDir(), "x.xlsx")
	must(t, f.SaveAs(path))
	return path
}

func noteOf(ex *Extract, k NoteKind, field string) *Note {
	for i := range ex.Notes {
		if ex.Notes[i].Kind == k && ex.Notes[i].Field == field {
			return &ex.Notes[i]
		}
	}
	return nil
}

// TestMergedSiteFillsItsRange: a site merged down over rows 2–4 belongs to
// every row of the range (before, rows 3–4 fell into an unnamed group).
func TestMergedSiteFillsItsRange(t *testing.T) {
	path := editXLSX(t, [][]any{
		{"sted", "start", "slut", "timer"},
		{"Næstved", "01-02-2020", "01-03-2020", 1},
		{nil, "02-02-2020", "", 2},
		{nil, "03-02-2020", "", 3},
		{"Slagelse", "04-02-2020", "", 4},
	}, func(f *excelize.File) {
		must(t, f.MergeCell("Sheet1", "A2", "A4"))
		must(t, f.MergeCell("Sheet1", "C2", "D2")) // across: stated only
	})
	ex, err := Read(Source{Path: path}, noteFields)
	must(t, err)
	site := ex.Column("site")
	if got := strings.Join(texts(site), ","); got != "Næstved,Næstved,Næstved,Slagelse" {
		t.Errorf("site = %s", got)
	}
	if n := noteOf(ex, NoteMerged, "site"); n == nil || n.Count != 2 || n.Cells != "A2:A4" {
		t.Errorf("merged note %+v", n)
	}
	if n := noteOf(ex, NoteMergedAcross, "end"); n == nil || n.Cells != "C2:D2" {
		t.Errorf("across note %+v (notes %+v)", n, ex.Notes)
	}
}

func TestFormulaWithoutValueIsAnError(t *testing.T) {
	path := editXLSX(t, [][]any{
		{"sted", "start", "slut", "timer"},
		{"Næstved", "01-02-2020", "01-03-2020", 1},
		{"Næstved", "01-02-2020", nil, 2},
	}, func(f *excelize.File) {
		must(t, f.SetCellFormula("Sheet1", "C3", "B3+30"))
	})
	_, err := Read(Source{Path: path}, noteFields)
	if !errors.Is(err, ErrFormula) || !strings.Contains(err.Error(), "cell C3 (slut)") {
		t.Fatalf("err = %v, want a formula error naming C3 (slut)", err)
	}
	// An unmapped formula cell does not matter.
	path = editXLSX(t, [][]any{{"sted", "start", "slut", "timer", "note"}, {"A", "01-02-2020", nil, 1}},
		func(f *excelize.File) { must(t, f.SetCellFormula("Sheet1", "E2", "D2+1")) })
	if _, err := Read(Source{Path: path}, noteFields); err != nil {
		t.Fatal(err)
	}
}

// TestDatesWithTimeAndBefore1900: "31-12-2020 10:00" is 31 December (the
// time is dropped, stated); a date before 1900 excludes its row with its
// own reason.
func TestDatesWithTimeAndBefore1900(t *testing.T) {
	path := editXLSX(t, [][]any{
		{"sted", "start", "slut", "timer"},
		{"A", "31-12-2020 10:00", "", 1},
		{"A", "01-01-1890", "", 1},
		{"A", "2020-12-30T23:59:00", "", 1},
	}, nil)
	ex, err := Read(Source{Path: path}, noteFields)
	must(t, err)
	start := ex.Column("start")
	if want := time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC); !start.DateAt(0).Equal(want) {
		t.Errorf("start = %v, want %v", start.DateAt(0), want)
	}
	if n := noteOf(ex, NoteTimeOfDay, "start"); n == nil || n.Count != 2 || n.Cells != "B2" {
		t.Errorf("time-of-day note %+v", n)
	}
	if len(ex.Problems) != 1 || ex.Problems[0].Reason != ReasonEarly || ex.Problems[0].Cell != "B3" {
		t.Errorf("problems %+v", ex.Problems)
	}
}

func TestAbsentAndBlankColumnsAreNoted(t *testing.T) {
	path := editXLSX(t, [][]any{
		{"sted", "start", "timer"},
		{"A", "01-02-2020", nil},
		{"B", "01-02-2020", nil},
	}, func(f *excelize.File) {
		must(t, f.SetDocProps(&excelize.DocProperties{Modified: "2021-06-30T08:00:00Z"}))
	})
	ex, err := Read(Source{Path: path}, noteFields)
	must(t, err)
	if n := noteOf(ex, NoteAbsent, "end"); n == nil || n.Header != "slut" {
		t.Errorf("absent note %+v", ex.Notes)
	}
	if n := noteOf(ex, NoteBlank, "hours"); n == nil || n.Count != 2 {
		t.Errorf("blank note %+v", ex.Notes)
	}
	if want := time.Date(2021, 6, 30, 8, 0, 0, 0, time.UTC); !ex.Saved.Equal(want) {
		t.Errorf("saved %v, want %v", ex.Saved, want)
	}
}
