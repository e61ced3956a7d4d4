package extract

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// sheetSpec is one sheet of a test workbook. Cells of type dateCell are
// written as numbers with a date format, like a typed Excel date.
type sheetSpec struct {
	name   string
	rows   [][]any
	hidden bool
}

type dateCell struct{ serial float64 }

// writeXLSX builds a workbook with excelize: shared strings by default,
// inline strings (excelize's StreamWriter) when stream is true.
func writeXLSX(t testing.TB, dir, name string, stream, date1904 bool, sheets ...sheetSpec) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if date1904 {
		d := true
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &d}); err != nil {
			t.Fatal(err)
		}
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(t, err)
	for i, s := range sheets {
		if i == 0 {
			must(t, f.SetSheetName("Sheet1", s.name))
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		if stream {
			writeStream(t, f, s, dateStyle)
		} else {
			writeCells(t, f, s, dateStyle)
		}
		if s.hidden {
			must(t, f.SetSheetVisible(s.name, false))
		}
	}
	path := filepath.Join(dir, name)
	must(t, f.SaveAs(path))
	return path
}

func writeCells(t testing.TB, f *excelize.File, s sheetSpec, dateStyle int) {
	for r, row := range s.rows {
		for c, v := range row {
			if v == nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if d, ok := v.(dateCell); ok {
				must(t, f.SetCellValue(s.name, cell, d.serial))
				must(t, f.SetCellStyle(s.name, cell, cell, dateStyle))
				continue
			}
			must(t, f.SetCellValue(s.name, cell, v))
		}
	}
}

func writeStream(t testing.TB, f *excelize.File, s sheetSpec, dateStyle int) {
	sw, err := f.NewStreamWriter(s.name)
	must(t, err)
	for r, row := range s.rows {
		cells := make([]any, len(row))
		for c, v := range row {
			if d, ok := v.(dateCell); ok {
				cells[c] = excelize.Cell{StyleID: dateStyle, Value: d.serial}
			} else {
				cells[c] = v
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		must(t, sw.SetRow(cell, cells))
	}
	must(t, sw.Flush())
}

func writeFile(t testing.TB, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	must(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// hashes is what an id column holds for the given ids.
func hashes(ids ...string) []IDHash {
	out := make([]IDHash, len(ids))
	for i, id := range ids {
		out[i] = HashID(id)
	}
	return out
}

// texts is a text column's values, row by row.
func texts(c *Column) []string {
	out := make([]string, len(c.Codes))
	for i := range out {
		out[i] = c.TextAt(i)
	}
	return out
}

// dates is a date column's values as times (the zero time where missing).
func dates(c *Column) []time.Time {
	out := make([]time.Time, len(c.Days))
	for i := range out {
		out[i] = c.DateAt(i)
	}
	return out
}
